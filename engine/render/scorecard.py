"""The HTML scorecard: a state view comparing plans, a view per plan, methodology and data notes.

The template receives a `ScorecardContext` and nothing else, so what a page can show is exactly
what this module puts there. Autoescape is on: names from the data are text. A public page can
only be built from `SuppressedRates` (`build_public_scorecard_context`); its figures are the
suppressed table's, and the few counts this module adds (input rows, unknown race shares) are
held back when they are small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, UTC
from typing import Any

import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape

from engine import __version__
from engine.compare import StatisticsOptions, compared_group
from engine.render.charts import ChartPoint, DotChart, TrendChart, TrendSeries, dot_chart, marker_points, trend_chart
from engine.spec.models import CROSS, MeasureSpec
from engine.strata import UNKNOWN
from engine.stratify import OVERALL, OVERLAPPING
from engine.suppress import SuppressedRates
from engine.targets import STATE, TargetResults

STRATIFIER_TITLES = {
    "overall": "Overall",
    "race_ethnicity": "Race and ethnicity (2024 OMB SPD-15 combined categories)",
    "race_ethnicity_alone_or_in_combination": "Race and ethnicity, alone or in combination (groups overlap: do not add them up)",
    "race": "Race (HEDIS, 1997 OMB categories)",
    "race_ethnicity_source": "Race and ethnicity data source",
    "ethnicity": "Ethnicity",
    "income_band": "Household income (percent of the federal poverty level)",
    "plan": "Plan (attributed on the anchor date)",
    "program": "Program",
    "county": "County",
    "sex": "Sex",
    "preferred_language": "Preferred language",
    "age_band": "Age band",
    "dyad_link": "Mother-child link (dyads)",
}
SHORT_TITLES = {"race_ethnicity": "race and ethnicity", "income_band": "household income", "plan": "plan", "race": "race", "ethnicity": "ethnicity"}
CHARTED = ("race_ethnicity", "race", "ethnicity", "income_band", "plan")  # single stratifiers drawn as charts
GRID = "race_ethnicity x income_band"
PLAN = "plan"
SUPPRESSED = "suppressed"
NO_PLAN = "No plan on the anchor date"


@dataclass(frozen=True)
class BenchmarkLine:
    """A configured benchmark for one rate, and whether the overall rate meets it."""

    value: float  # proportion, 0 to 1
    source: str
    status: str = ""  # e.g. "met", "not met"


@dataclass(frozen=True)
class ValueSetNote:
    name: str
    codes: int
    code_systems: str
    effective: str  # the span of the codes' effective dates
    version: str  # the file's SHA-256, first 12 characters
    file: str


@dataclass(frozen=True)
class ExtractNote:
    name: str
    rows_read: int
    rows_used: int
    rows_rejected: int
    rows_with_warnings: int = 0  # used rows with a field set to unknown or flagged


@dataclass(frozen=True)
class AttritionNote:
    """One rate's population rules in order, with the units left after each and how many it removed."""

    rate_id: str
    title: str
    steps: tuple[tuple[str, str, int, int | None], ...]  # population, rule, remaining, removed


@dataclass(frozen=True)
class MeasureNotes:
    """What the page needs to know about one measure besides its rates."""

    spec: MeasureSpec
    methodology: tuple[str, ...]  # compile.explain lines: the populations in plain English
    stratifiers: tuple[str, ...]
    value_sets: tuple[ValueSetNote, ...] = ()
    attrition: tuple[AttritionNote, ...] = ()


@dataclass(frozen=True)
class RunNotes:
    period_label: str
    period_start: str
    period_end: str
    extracts: tuple[ExtractNote, ...]
    members: int
    unknown_race_ethnicity: int
    declined_race_ethnicity: int
    statistics: StatisticsOptions = field(default_factory=StatisticsOptions)
    program: str | None = None  # the benchmarks file's program name
    targets: TargetResults | None = None


@dataclass(frozen=True)
class GroupRow:
    """One stratum as shown: texts for the table, numbers for the chart."""

    label: str
    numerator: str
    denominator: str
    exclusions: str
    rate_text: str
    interval_text: str
    comparison: str  # "worse than White", "reference", "no difference", ""
    call: str | None  # the bare call: reference, better, worse, no difference
    rate: float | None
    lower: float | None
    upper: float | None
    reliable: bool
    suppressed: bool
    marked: bool  # internal view: a public run would suppress this row


@dataclass(frozen=True)
class GroupTable:
    id: str
    title: str
    rows: tuple[GroupRow, ...]
    finding: str  # the plain-language sentence on which groups differ
    chart: DotChart | None = None


@dataclass(frozen=True)
class GridCell:
    text: str
    detail: str
    reliable: bool
    marked: bool


@dataclass(frozen=True)
class CrossGrid:
    """Race/ethnicity by income: rates in a two-way table."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[GridCell, ...]], ...]


@dataclass(frozen=True)
class DisparityLine:
    name: str
    value: str
    meaning: str


@dataclass(frozen=True)
class DisparitySummary:
    stratifier: str
    reference: str
    lines: tuple[DisparityLine, ...]
    notes: str


@dataclass(frozen=True)
class TrendTable:
    id: str
    title: str
    rows: tuple[tuple[str, tuple[str, ...], str], ...]  # group, rate text per period, change from the first to the last period


@dataclass(frozen=True)
class TrendView:
    """A rate over the run's measurement periods: overall and by group, as charts and tables."""

    periods: tuple[str, ...]
    charts: tuple[TrendChart, ...]
    tables: tuple[TrendTable, ...]


@dataclass(frozen=True)
class RateCard:
    id: str
    anchor: str
    title: str
    overall: GroupRow
    benchmark: BenchmarkLine | None
    tables: tuple[GroupTable, ...]
    grid: CrossGrid | None
    disparities: tuple[DisparitySummary, ...]
    disparities_withheld: bool  # public page: some summaries are not published
    linkage: str | None
    trend: TrendView | None = None


@dataclass(frozen=True)
class MeasureCard:
    id: str
    anchor: str
    title: str
    version: str
    steward: str
    source: str
    improvement: str
    rates: tuple[RateCard, ...]


@dataclass(frozen=True)
class PlanColumnCell:
    text: str
    call: str | None
    marked: bool


@dataclass(frozen=True)
class PlanComparisonRow:
    rate: str
    anchor: str
    state: str
    cells: tuple[PlanColumnCell, ...]


@dataclass(frozen=True)
class PlanComparisonGroup:
    measure: str
    rows: tuple[PlanComparisonRow, ...]


@dataclass(frozen=True)
class PlanSummaryRow:
    measure: str
    rate: str
    plan: GroupRow
    state_rate: str
    target: str = ""  # "benchmark 65.0%, target 58.0%: met"


@dataclass(frozen=True)
class ContractTables:
    """The program's roll-up per plan and its equity targets (texts)."""

    program: str
    roll_up: tuple[tuple[str, ...], ...]  # plan, rates met, required, program met, earned share, earned amount
    equity: tuple[tuple[str, ...], ...]  # measure and rate, level, group, rate, reference, target, status


@dataclass(frozen=True)
class PlanMatrixRow:
    measure: str
    rate: str
    cells: tuple[GroupRow | None, ...]  # None: the group does not occur for this rate


@dataclass(frozen=True)
class PlanMatrix:
    """One plan's rates by one grouping: a row per rate, a column per group."""

    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[PlanMatrixRow, ...]


@dataclass(frozen=True)
class PlanView:
    name: str
    anchor: str
    summary: tuple[PlanSummaryRow, ...]
    matrices: tuple[PlanMatrix, ...]
    findings: tuple[str, ...]  # one sentence per rate where a group differs significantly
    rates_without_differences: int


@dataclass(frozen=True)
class MethodologyCard:
    id: str
    anchor: str
    title: str
    steward: str
    version: str
    source: str
    lines: tuple[str, ...]
    value_sets: tuple[ValueSetNote, ...]
    attrition: tuple[AttritionTable, ...] = ()


@dataclass(frozen=True)
class AttritionTable:
    id: str
    title: str
    rows: tuple[tuple[str, str, str, str], ...]  # population, rule, remaining, removed (empty texts on a public page)


@dataclass(frozen=True)
class DataNotes:
    period: str
    unknown_share: str
    declined_share: str
    extracts: tuple[tuple[str, str, str, str, str], ...]  # name, read, used, rejected, with warnings (texts)
    linkage: tuple[tuple[str, str], ...]  # measure title, linkage sentence


@dataclass(frozen=True)
class ScorecardContext:
    """Everything the template may show."""

    title: str
    period: str
    generated_at: str
    engine_version: str
    public: bool
    threshold: int
    statistics_text: tuple[str, ...]
    plan_columns: tuple[str, ...]  # plan names, then NO_PLAN when some members had no plan
    plan_comparison: tuple[PlanComparisonGroup, ...]
    measures: tuple[MeasureCard, ...]
    plan_views: tuple[PlanView, ...]
    methodology: tuple[MethodologyCard, ...]
    notes: DataNotes
    contract: ContractTables | None = None


def stratifier_title(name: str) -> str:
    return " by ".join(STRATIFIER_TITLES.get(part, part) for part in name.split(CROSS))


def percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _count(value: int | None) -> str:
    return SUPPRESSED if value is None else f"{value:,}"


def group_row(row: dict[str, Any], label: str | None = None) -> GroupRow:
    """A rates row as shown. `label` replaces the stratum (a plan view drops the plan's name)."""
    rate, lower, upper = row["rate"], row.get("rate_lower"), row.get("rate_upper")
    call = row.get("comparison")
    comparison = call or ""
    if call in ("better", "worse"):
        comparison = f"{call} than {compared_group(row['reference_group'])}"  # within a plan, the group's name alone
    suppressed = row["numerator"] is None or row["denominator"] is None
    if rate is None:
        rate_text = SUPPRESSED if suppressed else "no denominator"
    else:
        rate_text = percent(rate)
    return GroupRow(
        label=label or row["stratum"], numerator=_count(row["numerator"]), denominator=_count(row["denominator"]), exclusions=_count(row["exclusions"]),
        rate_text=rate_text, interval_text="" if lower is None or upper is None else f"{100 * lower:.1f} to {100 * upper:.1f}",
        comparison=comparison, call=call, rate=rate, lower=lower, upper=upper,
        # Unknown (suppressed) is not marked small, and an empty group has no rate to doubt.
        reliable=row.get("reliable") is not False or row["denominator"] == 0,
        suppressed=suppressed, marked=bool(row.get("would_be_suppressed", False)),
    )


def finding(rows: list[GroupRow], improvement: str) -> str:
    """One plain sentence (or three) on which groups differ significantly from the reference."""
    if not rows:
        return ""
    reference = next((row for row in rows if row.call == "reference"), None)
    compared = [row for row in rows if row.call in ("better", "worse", "no difference")]
    hidden = [row for row in rows if row.suppressed]
    if reference is None and not compared:
        sentence = "No comparison is shown: no reference group could be formed from the published groups."
        return sentence + (f" {_groups(len(hidden))} been suppressed for privacy." if hidden else "")
    if reference is not None:
        lead = f"Reference group: {reference.label} ({reference.rate_text})."
    else:
        lead = "Each group is compared with everyone else in the same population."
    higher = "higher" if improvement == "increase" else "lower"
    lower = "lower" if improvement == "increase" else "higher"
    parts = []
    for call, direction in (("worse", lower), ("better", higher)):
        named = [row for row in compared if row.call == call]
        if named:
            parts.append(f"Significantly {call} ({direction}): {_join([f'{row.label} ({row.rate_text})' for row in named])}.")
    if parts:
        sentence = " ".join([lead, *parts, "No other group shown differs significantly."])
    else:
        sentence = f"{lead} No group shown differs significantly."
    small = [row for row in compared + ([reference] if reference else []) if not row.reliable]
    if small:
        sentence += f" {_groups(len(small))} fewer than the reliability minimum in the denominator."
    if hidden:
        sentence += f" {_groups(len(hidden))} been suppressed for privacy and {'is' if len(hidden) == 1 else 'are'} not compared."
    return sentence


def _groups(count: int) -> str:
    return "1 group has" if count == 1 else f"{count} groups have"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class _Ids:
    """Unique, markup-safe element ids (names from the data never become ids)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, kind: str) -> str:
        self.count += 1
        return f"{kind}-{self.count}"


def _chart(ids: _Ids, title: str, rows: list[GroupRow], lines: list[tuple[str, float]]) -> DotChart:
    points = [ChartPoint(row.label, row.rate, row.lower, row.upper, row.call, row.reliable, row.rate_text) for row in rows]
    shown = [row for row in rows if row.rate is not None]
    described = "; ".join(f"{row.label} {row.rate_text}" + (f" ({row.call})" if row.call else "") for row in shown) or "no rates to show"
    reference_lines = "; ".join(f"{label} {100 * value:.1f}%" for label, value in lines)
    description = f"Dot-and-whisker chart of {title}: {described}." + (f" Lines: {reference_lines}." if reference_lines else "") + " The same figures are in the table below."
    return dot_chart(ids("chart"), title, points, lines, description)


def _table(ids: _Ids, title: str, rows: list[GroupRow], improvement: str, chart_lines: list[tuple[str, float]] | None) -> GroupTable:
    chart = _chart(ids, title, rows, chart_lines) if chart_lines is not None else None
    return GroupTable(ids("table"), title, tuple(rows), finding(rows, improvement), chart)


def _lines(overall: GroupRow, benchmark: BenchmarkLine | None, overall_label: str) -> list[tuple[str, float]]:
    lines = [] if overall.rate is None else [(overall_label, overall.rate)]
    return lines + ([("Benchmark", benchmark.value)] if benchmark else [])


def _grid(rows: list[dict[str, Any]], column_order: list[str], title: str) -> CrossGrid | None:
    """`column_order`: the income groups in reading order (the income table's order)."""
    if not rows:
        return None
    present = {row["stratum"].split(" | ")[1] for row in rows}
    columns = [column for column in column_order if column in present] + sorted(present - set(column_order))
    by_race: dict[str, dict[str, GridCell]] = {}
    for row in rows:
        race, income = row["stratum"].split(" | ")
        shown = group_row(row)
        detail = "" if shown.suppressed else f"{shown.numerator} of {shown.denominator}"
        by_race.setdefault(race, {})[income] = GridCell(shown.rate_text, detail, shown.reliable, shown.marked)
    empty = GridCell("none", "no members", True, False)
    return CrossGrid(title, tuple(columns), tuple((race, tuple(cells.get(column, empty) for column in columns)) for race, cells in by_race.items()))


def _disparities(frame: pl.DataFrame) -> tuple[DisparitySummary, ...]:
    summaries = []
    for row in frame.iter_rows(named=True):
        lines = []
        if row["ordering"] == "ordered":
            if row["slope_index_of_inequality"] is not None:
                lines.append(DisparityLine("Slope index of inequality", f"{100 * row['slope_index_of_inequality']:+.1f} points",
                                           "the modelled gap in the rate from the lowest to the highest group, in percentage points"))
            if row["relative_index_of_inequality"] is not None:
                lines.append(DisparityLine("Relative index of inequality", f"{row['relative_index_of_inequality']:.2f}",
                                           "the modelled rate of the highest group divided by that of the lowest"))
        else:
            if row["index_of_disparity"] is not None:
                lines.append(DisparityLine("Index of disparity", f"{row['index_of_disparity']:.1f}%",
                                           "the average distance of the groups' rates from the reference rate, as a share of it"))
            if row["between_group_variance"] is not None:
                lines.append(DisparityLine("Between-group variance", f"{10_000 * row['between_group_variance']:.1f}",
                                           "population-weighted spread of group rates around the mean, in squared percentage points"))
            if row["theil_index"] is not None:
                lines.append(DisparityLine("Theil index", f"{row['theil_index']:.4f}", "0 when every group has the same rate; larger is more unequal"))
        reference = row["reference_group"] or "none"
        if row["reference_rate"] is not None:
            reference += f" ({percent(row['reference_rate'])})"
        summaries.append(DisparitySummary(stratifier_title(row["stratifier"]), reference, tuple(lines), row["notes"] or ""))
    return tuple(summaries)


def _linkage(subset: pl.DataFrame) -> str | None:
    links = subset.filter(pl.col("stratifier") == "dyad_link")
    if links.is_empty():
        return None
    linked = links.filter(pl.col("stratum") == "Linked mother")["denominator"].to_list()
    total = subset.filter(pl.col("stratifier") == OVERALL)["denominator"].item()
    count = linked[0] if linked else 0
    if count is None or total is None:
        return "suppressed (the counts are small). Units without a linked mother are shown as their own group, not dropped."
    share = "no denominator" if total == 0 else f"{100 * count / total:.1f}%"
    return f"{count:,} of {total:,} in the denominator ({share}) have a linked mother; the rest are shown as their own group, not dropped."


def _rows(subset: pl.DataFrame, stratifier: str) -> list[dict[str, Any]]:
    return subset.filter(pl.col("stratifier") == stratifier).to_dicts()


TREND_STRATIFIERS = ("race_ethnicity", "race", "ethnicity", "income_band", "plan")
POPULATION_TITLES = {
    "units": "Units", "initial_population": "Initial population", "denominator": "Denominator", "denominator_exclusion": "Denominator exclusion",
    "denominator_exception": "Denominator exception", "numerator": "Numerator", "numerator_exclusion": "Numerator exclusion",
}


def _trend(ids: _Ids, title: str, history: pl.DataFrame, stratifiers: tuple[str, ...]) -> TrendView | None:
    """Rates by period overall and for each charted grouping; None for a single-period run."""
    periods = history["period"].unique(maintain_order=True).to_list()
    if len(periods) < 2:
        return None
    overall = _series(history, OVERALL, periods)
    charts, tables = [], []
    for name in (OVERALL, *[name for name in TREND_STRATIFIERS if name in stratifiers]):
        groups = overall if name == OVERALL else _series(history, name, periods)
        heading = f"{title}: trend, {'overall' if name == OVERALL else SHORT_TITLES.get(name, name)}"
        lines = [TrendSeries(label, tuple(row.rate for row in rows), tuple(row.reliable for row in rows)) for label, rows in (overall if name == OVERALL else [*overall, *groups])]
        description = "; ".join(f"{label}: " + ", ".join(f"{period} {row.rate_text}" for period, row in zip(periods, rows, strict=True)) for label, rows in ([*overall, *groups] if name != OVERALL else overall))
        charts.append(trend_chart(ids("trend-chart"), heading, periods, lines, description))
        tables.append(TrendTable(ids("trend"), f"{heading} (rate by measurement period)", tuple((label, tuple(row.rate_text for row in rows), _change(rows)) for label, rows in groups)))
    return TrendView(tuple(periods), tuple(charts), tuple(tables))


def _series(history: pl.DataFrame, stratifier: str, periods: list[str]) -> list[tuple[str, list[GroupRow]]]:
    """Each group of a stratifier with its row in every period (a missing period reads as no denominator)."""
    rows = history.filter(pl.col("stratifier") == stratifier)
    out = []
    for group in rows["stratum"].unique(maintain_order=True).to_list():
        by_period = {row["period"]: row for row in rows.filter(pl.col("stratum") == group).iter_rows(named=True)}
        label = "Overall" if stratifier == OVERALL else (NO_PLAN if stratifier == PLAN and group == UNKNOWN else group)
        out.append((label, [group_row(by_period[period], label) if period in by_period else _absent(label) for period in periods]))
    return out


def _absent(label: str) -> GroupRow:
    return GroupRow(label, "", "", "", "no members", "", "", None, None, None, None, False, False, False)


def _change(rows: list[GroupRow]) -> str:
    """The change in percentage points from the first to the last period, when both have a rate."""
    first, last = rows[0].rate, rows[-1].rate
    if first is None or last is None:
        return ""
    return f"{100 * (last - first):+.1f} points"


def _rate_card(ids: _Ids, spec: MeasureSpec, rate_id: str, title: str, subset: pl.DataFrame, summary: pl.DataFrame, stratifiers: tuple[str, ...],
               benchmark: BenchmarkLine | None, public: bool, history: pl.DataFrame | None = None) -> RateCard:
    overall = group_row(_rows(subset, OVERALL)[0], "Overall")
    lines = _lines(overall, benchmark, "Overall rate")
    tables = []
    for name in stratifiers:
        if name == GRID or (CROSS in name and name.split(CROSS)[0] == PLAN):
            continue  # drawn as the grid, and in the plan views
        rows = [group_row(row, NO_PLAN if name == PLAN and row["stratum"] == UNKNOWN else None) for row in _rows(subset, name)]
        if rows:
            tables.append(_table(ids, f"{title}: {stratifier_title(name)}", rows, spec.improvement, lines if name in CHARTED else None))
    singles = [name for name in stratifiers if CROSS not in name and name != OVERLAPPING]  # the ones summarised
    shown = summary.filter(pl.col("stratifier").is_in(singles))
    # A public run drops the summary of any stratifier with a suppressed count (engine.suppress).
    withheld = public and shown.height < len(singles)
    return RateCard(
        id=rate_id, anchor=ids("rate"), title=title, overall=overall, benchmark=benchmark, tables=tuple(tables),
        grid=_grid(_rows(subset, GRID), [row["stratum"] for row in _rows(subset, GRID.split(CROSS)[1])],
                   f"{title}: {stratifier_title(GRID)} (rates; numerator of denominator)") if GRID in stratifiers else None,
        disparities=_disparities(shown), disparities_withheld=withheld, linkage=_linkage(subset),
        trend=_trend(ids, title, history, stratifiers) if history is not None else None,
    )


def _plan_names(rates: pl.DataFrame) -> list[str]:
    names = rates.filter(pl.col("stratifier") == PLAN)["stratum"].unique(maintain_order=True).to_list()
    return [name for name in names if name != UNKNOWN]


def _plan_comparison(rates: pl.DataFrame, specs: list[MeasureSpec], columns: list[str], anchors: dict[tuple[str, str], str]) -> tuple[PlanComparisonGroup, ...]:
    groups = []
    for spec in specs:
        rows = []
        for rate in spec.rates:
            subset = rates.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id))
            by_plan = {row["stratum"]: group_row(row) for row in _rows(subset, PLAN)}
            if not by_plan:
                continue
            cells = []
            for plan in columns:
                shown = by_plan.get(plan)
                if shown is None:
                    cells.append(PlanColumnCell("", None, False))
                    continue
                call = shown.call if shown.call in ("reference", "better", "worse") else None
                cells.append(PlanColumnCell(shown.rate_text + ("" if shown.reliable else " *"), call, shown.marked))
            rows.append(PlanComparisonRow(rate.title, anchors[(spec.id, rate.id)], group_row(_rows(subset, OVERALL)[0]).rate_text, tuple(cells)))
        if rows:
            groups.append(PlanComparisonGroup(spec.title, tuple(rows)))
    return tuple(groups)


def _comparison_columns(rates: pl.DataFrame, plans: list[str]) -> list[str]:
    """The plans, and the members with no plan when any rate has some (or might: a suppressed count)."""
    unattributed = rates.filter((pl.col("stratifier") == PLAN) & (pl.col("stratum") == UNKNOWN))["denominator"]
    return plans + ([UNKNOWN] if unattributed.is_null().any() or (unattributed.fill_null(0) > 0).any() else [])


def _plan_view(ids: _Ids, plan: str, rates: pl.DataFrame, specs: list[MeasureSpec], stratifiers: dict[str, tuple[str, ...]], targets: dict[tuple[str, str, str | None], str]) -> PlanView:
    """A plan's rates against the state's, and its groups compared within the plan (the
    'plan x race_ethnicity' and 'plan x income_band' stratifiers)."""
    summary: list[PlanSummaryRow] = []
    by_grouping: dict[str, list[tuple[str, str, dict[str, GroupRow]]]] = {}
    findings, quiet = [], 0
    prefix = f"{plan} | "
    for spec in specs:
        for rate in spec.rates:
            subset = rates.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id))
            plan_rows = [row for row in _rows(subset, PLAN) if row["stratum"] == plan]
            if not plan_rows:
                continue
            summary.append(PlanSummaryRow(spec.title, rate.title, group_row(plan_rows[0], plan), group_row(_rows(subset, OVERALL)[0]).rate_text,
                                          targets.get((spec.id, rate.id, plan), "")))
            differs = []
            for name in stratifiers[spec.id]:
                parts = name.split(CROSS)
                if len(parts) != 2 or parts[0] != PLAN:
                    continue
                groups = [group_row(row, row["stratum"][len(prefix):]) for row in _rows(subset, name) if row["stratum"].startswith(prefix)]
                by_grouping.setdefault(parts[1], []).append((spec.title, rate.title, {row.label: row for row in groups}))
                if any(row.call in ("better", "worse") for row in groups):
                    differs.append(f"by {SHORT_TITLES.get(parts[1], parts[1])}: {finding(groups, spec.improvement)}")
            if differs:
                findings.append(f"{spec.title}, {rate.title}: " + " ".join(differs))
            else:
                quiet += 1
    matrices = []
    for grouping, entries in by_grouping.items():
        columns = list(dict.fromkeys(label for _, _, groups in entries for label in groups))
        rows = tuple(PlanMatrixRow(measure, rate, tuple(groups.get(column) for column in columns)) for measure, rate, groups in entries)
        matrices.append(PlanMatrix(ids("matrix"), f"{plan}: rates by {SHORT_TITLES.get(grouping, grouping)}, compared within the plan", tuple(columns), rows))
    return PlanView(plan, ids("plan"), tuple(summary), tuple(matrices), tuple(findings), quiet)


def _share(count: int, total: int, public: bool, threshold: int) -> str:
    """A share of members; on a public page withheld when it would reveal a small count."""
    if total == 0:
        return "no members"
    if public and (1 <= count <= threshold or 1 <= total - count <= threshold):
        return SUPPRESSED
    return f"{100 * count / total:.1f}%"


def _extract_texts(note: ExtractNote, public: bool, threshold: int) -> tuple[str, str, str, str, str]:
    """Input row counts; on a public page a small number of rejected rows is not shown (nor the
    rows used, from which it would follow), nor a small number of rows with warnings."""
    used, rejected, warned = f"{note.rows_used:,}", f"{note.rows_rejected:,}", f"{note.rows_with_warnings:,}"
    if public and 1 <= note.rows_rejected <= threshold:
        used = rejected = SUPPRESSED
    if public and 1 <= note.rows_with_warnings <= threshold:
        warned = SUPPRESSED
    return note.name, f"{note.rows_read:,}", used, rejected, warned


def statistics_text(options: StatisticsOptions) -> tuple[str, ...]:
    interval = {"wilson": "Wilson score", "clopper-pearson": "Clopper-Pearson exact"}.get(options.interval, options.interval)
    reference = {
        "largest": "the group with the largest denominator",
        "best": "the best-performing group with a reliable denominator",
        "rest": "everyone else in the same population",
    }[options.reference]
    named = "; ".join(f"{stratifier}: {group}" for stratifier, group in options.reference_groups.items())
    adjust = {"holm": "Holm", "bh": "Benjamini-Hochberg"}.get(options.adjustment, options.adjustment)
    level = round(100 * (1 - options.alpha))
    return (
        f"Rates are shown with {level}% {interval} intervals (the whiskers in the charts).",
        f"Each group is compared with a reference group: {reference}" + (f" (named: {named})" if named else "") +
        ". Unknown and Declined are compared but are never the reference. In a plan's view, groups are compared within the plan.",
        (f"Differences use Newcombe's hybrid score interval; p-values come from a two-sided score test, adjusted by the {adjust} method within each measure and grouping. "
         f"A group is called better or worse only when the adjusted p-value is below {options.alpha:g}."),
        f"A denominator under {options.min_denominator} is marked as not reliable (*): its rate is shown, hollow in the charts, but should not be relied on.",
        "Every category of race and ethnicity and of income is shown, including Unknown and Declined, so the groups add up to the total.",
    )


def build_scorecard_context(rates: pl.DataFrame, disparities: pl.DataFrame, measures: list[MeasureNotes], run: RunNotes,
                            public: bool = False, threshold: int = 10, trends: pl.DataFrame | None = None) -> ScorecardContext:
    """The internal page (every number shown, with markers for what a public run would suppress).

    `trends`: the rates of every period of a multi-period run, with a `period` column.
    """
    ids = _Ids()
    benchmarks = benchmark_lines(run.targets)
    specs = [notes.spec for notes in measures]
    stratifiers = {notes.spec.id: notes.stratifiers for notes in measures}
    cards = []
    anchors: dict[tuple[str, str], str] = {}
    for notes in measures:
        spec = notes.spec
        rate_cards = []
        for rate in spec.rates:
            subset = rates.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id))
            if subset.is_empty():
                continue
            summary = disparities.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id))
            history = trends.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id)) if trends is not None else None
            card = _rate_card(ids, spec, rate.id, rate.title, subset, summary, notes.stratifiers, benchmarks.get((spec.id, rate.id)), public, history)
            anchors[(spec.id, rate.id)] = card.anchor
            rate_cards.append(card)
        cards.append(MeasureCard(spec.id, ids("measure"), spec.title, spec.version, spec.steward, spec.source,
                                 "Higher is better" if spec.improvement == "increase" else "Lower is better", tuple(rate_cards)))
    plans = _plan_names(rates)
    columns = _comparison_columns(rates, plans)
    targets = target_texts(run.targets)
    linkage = tuple((card.title, rate.linkage) for card in cards for rate in card.rates if rate.linkage)
    return ScorecardContext(
        title="eqm scorecard",
        period=run.period_label,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        engine_version=__version__,
        public=public,
        threshold=threshold,
        statistics_text=statistics_text(run.statistics),
        plan_columns=tuple(NO_PLAN if column == UNKNOWN else column for column in columns),
        plan_comparison=_plan_comparison(rates, specs, columns, anchors),
        measures=tuple(cards),
        plan_views=tuple(_plan_view(ids, plan, rates, specs, stratifiers, targets) for plan in plans),
        methodology=tuple(MethodologyCard(notes.spec.id, f"method-{card.anchor}", notes.spec.title, notes.spec.steward, notes.spec.version, notes.spec.source,
                                          notes.methodology, notes.value_sets, _attrition_tables(ids, notes, public)) for notes, card in zip(measures, cards, strict=True)),
        notes=DataNotes(
            period=f"{run.period_start} to {run.period_end}",
            unknown_share=_share(run.unknown_race_ethnicity, run.members, public, threshold),
            declined_share=_share(run.declined_race_ethnicity, run.members, public, threshold),
            extracts=tuple(_extract_texts(note, public, threshold) for note in run.extracts),
            linkage=linkage,
        ),
        contract=contract_tables(run, specs),
    )


def _attrition_tables(ids: _Ids, notes: MeasureNotes, public: bool) -> tuple[AttritionTable, ...]:
    """The rules in order with counts; a public page lists the rules only (small steps could reveal small counts)."""
    def count(value: int | None) -> str:
        return "" if public or value is None else f"{value:,}"

    return tuple(
        AttritionTable(ids("attrition"), f"{notes.spec.title}: {note.title}: units left after each rule",
                       tuple((POPULATION_TITLES.get(population, population), rule, count(remaining), count(removed)) for population, rule, remaining, removed in note.steps))
        for note in notes.attrition
    )


def _target_text(row: dict[str, Any]) -> str:
    parts = [f"benchmark {row['benchmark']:.1f}%"]
    if row["target"] is not None:
        parts.append(f"target {row['target']:.1f}% (baseline {row['baseline_rate']:.1f}%)")
    return ", ".join(parts) + f": {row['status']}"


def target_texts(targets: TargetResults | None) -> dict[tuple[str, str, str | None], str]:
    """(measure, rate, plan or None for the state) -> what the page says about its targets."""
    if targets is None:
        return {}
    return {(row["measure_id"], row["rate_id"], row["plan"]): _target_text(row) for row in targets.targets.iter_rows(named=True)}


def benchmark_lines(targets: TargetResults | None) -> dict[tuple[str, str], BenchmarkLine]:
    if targets is None:
        return {}
    lines = {}
    for row in targets.targets.filter(pl.col("level") == STATE).iter_rows(named=True):
        status = row["status"] if row["target"] is None else f"{row['status']} (improvement target {row['target']:.1f}%, baseline {row['baseline_rate']:.1f}%)"
        lines[(row["measure_id"], row["rate_id"])] = BenchmarkLine(row["benchmark"] / 100, row["benchmark_source"], status)
    return lines


def contract_tables(run: RunNotes, specs: list[MeasureSpec]) -> ContractTables | None:
    if run.targets is None:
        return None
    titles = {(spec.id, rate.id): f"{spec.title}: {rate.title}" for spec in specs for rate in spec.rates}
    roll_up = tuple(
        (row["plan"], f"{row['rates_met']} of {row['rates_benchmarked']}", str(row["required"]), "yes" if row["program_met"] else "no",
         f"{100 * row['earned_share']:.0f}%", "" if row["earned"] is None else f"${row['earned']:,.2f} of ${row['withhold']:,.2f}")
        for row in run.targets.roll_up.iter_rows(named=True)
    )
    equity = tuple(
        (titles[(row["measure_id"], row["rate_id"])], row["plan"] or "State", row["stratum"], "" if row["rate"] is None else f"{row['rate']:.1f}%",
         "" if row["reference_rate"] is None else f"{row['reference_group']} {row['reference_rate']:.1f}%",
         "" if row["target"] is None else f"{row['target']:.1f}%", row["status"])
        for row in run.targets.equity.iter_rows(named=True)
    )
    return ContractTables(run.program or "benchmarks", roll_up, equity)


def build_public_scorecard_context(suppressed: SuppressedRates, measures: list[MeasureNotes], run: RunNotes,
                                  earlier: tuple[tuple[str, SuppressedRates], ...] = ()) -> ScorecardContext:
    """The only way to a public page: from rates that went through disclosure control.

    `earlier`: the protected rates of a multi-period run's earlier periods (label, rates), for trends.
    """
    if not all(isinstance(rates, SuppressedRates) for rates in (suppressed, *[rates for _, rates in earlier])):
        raise TypeError("a public scorecard needs SuppressedRates from engine.suppress")
    trends = None
    if earlier:
        trends = pl.concat([rates.table.select(pl.lit(label).alias("period"), pl.all()) for label, rates in (*earlier, (run.period_label, suppressed))], how="vertical")
    return build_scorecard_context(suppressed.table, suppressed.disparities, measures, run, public=True, threshold=suppressed.options.threshold, trends=trends)


def render_scorecard(context: ScorecardContext) -> str:
    environment = Environment(loader=PackageLoader("engine", "render/templates"), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("scorecard.html").render(page=context, marker_points=marker_points)


__all__ = [
    "AttritionNote", "BenchmarkLine", "ExtractNote", "MeasureNotes", "RunNotes", "ScorecardContext", "ValueSetNote",
    "build_public_scorecard_context", "build_scorecard_context", "render_scorecard",
]
