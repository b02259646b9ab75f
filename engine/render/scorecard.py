"""The first scorecard: one table per measure and rate, by stratifier, with methodology and data notes.

The template receives a `ScorecardContext` and nothing else, so what a page can show is
exactly what this module puts there. Autoescape is on: names from the data are text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, UTC

import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape

from engine import __version__
from engine.suppress import SuppressedRates

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


@dataclass(frozen=True)
class StratumRow:
    stratum: str
    numerator: str
    denominator: str
    exclusions: str
    rate_text: str
    interval_text: str = ""
    comparison: str = ""
    reliable: bool = True
    marked: bool = False  # internal view: a public run would suppress this row


@dataclass(frozen=True)
class StratifierTable:
    title: str
    rows: tuple[StratumRow, ...]


@dataclass(frozen=True)
class RateCard:
    id: str
    title: str
    overall: StratumRow
    tables: tuple[StratifierTable, ...]
    linkage: str | None  # share of the denominator with a linked mother, for measures using dyads


@dataclass(frozen=True)
class MeasureCard:
    id: str
    title: str
    version: str
    steward: str
    source: str
    improvement: str
    rates: tuple[RateCard, ...]
    methodology: tuple[str, ...]


@dataclass(frozen=True)
class ExtractNote:
    name: str
    rows_read: int
    rows_used: int
    rows_rejected: int


@dataclass(frozen=True)
class ScorecardContext:
    """Everything the template may show."""

    title: str
    period: str
    generated_at: str
    engine_version: str
    measures: tuple[MeasureCard, ...]
    extracts: tuple[ExtractNote, ...]
    unknown_race_ethnicity_share: str
    public: bool = False
    threshold: int = 10


def stratifier_title(name: str) -> str:
    return " by ".join(STRATIFIER_TITLES.get(part, part) for part in name.split(" x "))


SUPPRESSED = "suppressed"


def _count(value: int | None) -> str:
    return SUPPRESSED if value is None else str(value)


def _row(row: dict) -> StratumRow:
    rate, lower, upper = row["rate"], row.get("rate_lower"), row.get("rate_upper")
    comparison = row.get("comparison") or ""
    if comparison and comparison not in ("reference", "no difference"):
        comparison = f"{comparison} than {row['reference_group']}"
    hidden = row["numerator"] is None or row["denominator"] is None
    if rate is None:
        rate_text = SUPPRESSED if hidden else "no denominator"
    else:
        rate_text = f"{100 * rate:.1f}%"
    return StratumRow(
        row["stratum"], _count(row["numerator"]), _count(row["denominator"]), _count(row["exclusions"]),
        rate_text,
        "" if lower is None else f"{100 * lower:.1f} to {100 * upper:.1f}",
        comparison,
        row.get("reliable") is not False,  # unknown (suppressed) is not marked small
        bool(row.get("would_be_suppressed", False)),
    )


def _linkage(subset: pl.DataFrame) -> str | None:
    links = subset.filter(pl.col("stratifier") == "dyad_link")
    if links.is_empty():
        return None
    linked = links.filter(pl.col("stratum") == "Linked mother")["denominator"].to_list()
    total = subset.filter(pl.col("stratifier") == "overall")["denominator"].item()
    count = linked[0] if linked else 0
    if count is None or total is None:
        return "suppressed (the counts are small). Units without a linked mother are shown as their own group, not dropped."
    share = "no denominator" if total == 0 else f"{100 * count / total:.1f}%"
    return f"{count} of {total} in the denominator ({share}) have a linked mother; the rest are shown as their own group, not dropped."


def build_scorecard_context(
    rates: pl.DataFrame,
    measures: list[tuple[object, list[str], list[str]]],
    period: str,
    extracts: list[ExtractNote],
    unknown_share: float | None,
) -> ScorecardContext:
    """Internal page. `measures`: each MeasureSpec with its explanation lines (compile.explain) and stratifiers."""
    cards = []
    for spec, methodology, stratifiers in measures:
        rate_cards = []
        for rate in spec.rates:
            subset = rates.filter((pl.col("measure_id") == spec.id) & (pl.col("rate_id") == rate.id))
            overall = _row(subset.filter(pl.col("stratifier") == "overall").row(0, named=True))
            tables = tuple(
                StratifierTable(stratifier_title(name), tuple(_row(row) for row in subset.filter(pl.col("stratifier") == name).iter_rows(named=True)))
                for name in stratifiers if not subset.filter(pl.col("stratifier") == name).is_empty()
            )
            rate_cards.append(RateCard(rate.id, rate.title, overall, tables, _linkage(subset)))
        cards.append(MeasureCard(spec.id, spec.title, spec.version, spec.steward, spec.source,
                                 "Higher is better" if spec.improvement == "increase" else "Lower is better", tuple(rate_cards), tuple(methodology)))
    return ScorecardContext(
        title="eqm scorecard",
        period=period,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        engine_version=__version__,
        measures=tuple(cards),
        extracts=tuple(extracts),
        unknown_race_ethnicity_share="not available" if unknown_share is None else f"{100 * unknown_share:.1f}%",
    )


def build_public_scorecard_context(suppressed: SuppressedRates, measures: list[tuple[object, list[str], list[str]]], period: str,
                                   extracts: list[ExtractNote], unknown_share: float | None) -> ScorecardContext:
    """The only way to a public page: from rates that went through disclosure control."""
    if not isinstance(suppressed, SuppressedRates):
        raise TypeError("a public scorecard needs SuppressedRates from engine.suppress")
    context = build_scorecard_context(suppressed.table, measures, period, extracts, unknown_share)
    return ScorecardContext(**{**vars(context), "public": True, "threshold": suppressed.options.threshold})


def render_scorecard(context: ScorecardContext) -> str:
    environment = Environment(loader=PackageLoader("engine", "render/templates"), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("scorecard.html").render(page=context)
