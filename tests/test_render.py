"""The scorecard by structure: hand-built rates in, parsed HTML out (the browser tests are in test_browser.py)."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

from engine.compare import StatisticsOptions, compare, disparities
from engine.render import build_scorecard_context, render_scorecard
from engine.render.scorecard import ExtractNote, GroupRow, MeasureNotes, RunNotes, finding
from engine.spec.benchmarks import BenchmarksFile
from engine.spec.models import MeasureSpec
from engine.stratify import COUNT_COLUMNS
from engine.targets import check_targets

HOSTILE = "<script>alert('plan')</script>"
STRATIFIERS = ("race_ethnicity", "income_band", "plan", "race_ethnicity x income_band", "plan x race_ethnicity")


class Structure(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Structure:
    structure = Structure()
    structure.feed(html)
    return structure


def spec(improvement: str = "increase", title: str = "Well-child visits") -> MeasureSpec:
    return MeasureSpec.model_validate({
        "id": "m", "title": title, "version": "1", "steward": "steward", "source": "source", "improvement": improvement, "stratifiers": list(STRATIFIERS),
        "rates": [{"id": "r", "title": "Visits", "populations": {"initial_population": {"age": {"at": "period_end", "min": 0}}, "numerator": {"age": {"at": "period_end", "min": 1}}}}],
    })


def counts(plan: str = "PLAN-A") -> pl.DataFrame:
    """Two plans; White and Black children; two income bands. Every margin adds up."""
    cells = {  # (plan, race, income): (numerator, denominator)
        (plan, "White", "0-100%"): (60, 100), (plan, "Black or African American", "0-100%"): (20, 80),
        ("PLAN-B", "White", "101-138%"): (45, 60), ("PLAN-B", "Black or African American", "101-138%"): (30, 40),
    }
    groupings = {
        "overall": lambda key: "overall", "race_ethnicity": lambda key: key[1], "income_band": lambda key: key[2], "plan": lambda key: key[0],
        "race_ethnicity x income_band": lambda key: f"{key[1]} | {key[2]}", "plan x race_ethnicity": lambda key: f"{key[0]} | {key[1]}",
    }
    records = []
    for stratifier, label in groupings.items():
        totals: Counter = Counter()
        for key, (numerator, denominator) in cells.items():
            totals[(label(key), "n")] += numerator
            totals[(label(key), "d")] += denominator
        for stratum in dict.fromkeys(label(key) for key in cells):
            numerator, denominator = totals[(stratum, "n")], totals[(stratum, "d")]
            record = dict.fromkeys(COUNT_COLUMNS, 0) | {"measure_id": "m", "rate_id": "r", "stratifier": stratifier, "stratum": stratum, "overlapping": False}
            record.update(numerator=numerator, denominator=denominator, denominator_population=denominator, numerator_population=numerator, rate=numerator / denominator)
            records.append(record)
    return pl.DataFrame(records)


def context(plan: str = "PLAN-A", improvement: str = "increase", program: BenchmarksFile | None = None, extracts: tuple[ExtractNote, ...] = (), public: bool = False):
    measure = spec(improvement)
    rates = compare(counts(plan), [measure], StatisticsOptions())
    notes = [MeasureNotes(measure, ("Initial population: <i>everyone</i>",), STRATIFIERS)]
    targets = check_targets(rates, [measure], program) if program else None
    run = RunNotes("2025", "2025-01-01", "2025-12-31", extracts, 1000, 40, 5, StatisticsOptions(), program.program if program else None, targets)
    return build_scorecard_context(rates, disparities(rates, [measure]), notes, run, public=public)


def test_names_with_markup_are_text() -> None:
    html = render_scorecard(context(HOSTILE, extracts=(ExtractNote(HOSTILE, 1, 1, 0),)))
    structure = parse(html)
    assert not any(tag == "script" for tag, _ in structure.tags), "no script element, from the data or anywhere else"
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert HOSTILE in "".join(structure.text), "the name is shown, as text"
    assert "<i>" not in html, "methodology lines are text too"
    assert not any("alert" in (value or "") for _, attrs in structure.tags for value in attrs.values()), "names never become ids or attributes"


def test_page_is_self_contained_and_accessible() -> None:
    structure = parse(render_scorecard(context()))
    tags = [tag for tag, _ in structure.tags]
    assert not any(tag in ("script", "link", "img", "iframe", "object") for tag in tags)
    for tag, attrs in structure.tags:
        assert not attrs.get("src"), f"{tag} loads a file"
        href = attrs.get("href")
        assert href is None or href.startswith("#"), f"link off the page: {href}"
    assert tags.count("table") == tags.count("caption") > 0, "every table has a caption"
    assert all(attrs.get("scope") in ("col", "row", "rowgroup") for tag, attrs in structure.tags if tag == "th"), "every header cell has a scope"
    ids = [attrs["id"] for _, attrs in structure.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    anchors = {attrs["href"][1:] for tag, attrs in structure.tags if tag == "a" and attrs.get("href", "").startswith("#")}
    assert anchors <= set(ids), f"links to missing sections: {anchors - set(ids)}"
    svgs = [attrs for tag, attrs in structure.tags if tag == "svg"]
    assert svgs and all(attrs.get("role") == "img" and set(attrs["aria-labelledby"].split()) <= set(ids) for attrs in svgs), "charts have text alternatives"
    assert tags.count("title") == 1 + len(svgs) and tags.count("desc") == len(svgs)


def test_sections_and_views() -> None:
    page = context()
    assert [card.title for card in page.measures] == ["Well-child visits"]
    rate = page.measures[0].rates[0]
    assert rate.overall.rate_text == "55.4%" and rate.overall.numerator == "155" and rate.overall.denominator == "280"
    assert [table.title.split(": ")[1] for table in rate.tables] == [
        "Race and ethnicity (2024 OMB SPD-15 combined categories)", "Household income (percent of the federal poverty level)", "Plan (attributed on the anchor date)",
    ], "the plan crosses belong to the plan views, the race x income cross to the grid"
    assert all(table.chart is not None for table in rate.tables)
    assert rate.grid is not None and rate.grid.columns == ("0-100%", "101-138%")
    assert [cell.text for cell in dict(rate.grid.rows)["White"]] == ["60.0%", "75.0%"]
    assert page.plan_columns == ("PLAN-A", "PLAN-B")
    assert [view.name for view in page.plan_views] == ["PLAN-A", "PLAN-B"]
    plan_a = page.plan_views[0]
    assert plan_a.summary[0].plan.rate_text == "44.4%" and plan_a.summary[0].state_rate == "55.4%"
    matrix = plan_a.matrices[0]
    assert matrix.columns == ("White", "Black or African American")
    assert [cell.call for cell in matrix.rows[0].cells] == ["reference", "worse"], "plan A's Black children (25%) against plan A's White children (60%)"
    assert plan_a.findings == (("Well-child visits, Visits: by race and ethnicity: Reference group: White (60.0%). Significantly worse (lower): "
                                "Black or African American (25.0%). No other group shown differs significantly."),)
    assert page.notes.unknown_share == "4.0%" and page.notes.declined_share == "0.5%"


def test_benchmark_is_drawn_and_stated() -> None:
    program = BenchmarksFile.model_validate({
        "program": "Test <program>", "benchmarks": [{"measure": "m", "rate": "r", "benchmark": 60, "source": "national 50th percentile", "met_when": "benchmark"}],
        "equity_targets": [{"measure": "m", "rate": "r", "stratifier": "race_ethnicity", "rule": "benchmark_in_every_stratum"}],
        "roll_up": {"required": 1, "withhold": {"PLAN-A": 1000}},
    })
    page = context(program=program)
    rate = page.measures[0].rates[0]
    assert rate.benchmark is not None and [line.label for line in rate.tables[0].chart.lines] == ["Overall rate", "Benchmark"]
    html = render_scorecard(page)
    # The state's 55.4% is under 60; plan B (75/100) meets it, plan A (80/180) does not; White children (105/160 = 65.6%) meet it.
    assert "Benchmark: <strong>60.0%</strong> (national 50th percentile): <span class=\"status\">not met</span>" in html
    assert page.plan_views[1].summary[0].target == "benchmark 60.0%: met"
    assert page.contract is not None and page.contract.roll_up[0][:4] == ("PLAN-A", "0 of 1", "1", "no") and "Test &lt;program&gt;" in html
    assert ("Well-child visits: Visits", "State", "White", "65.6%", "White 65.6%", "60.0%", "met") in page.contract.equity
    assert "Benchmark" not in "".join(line.label for line in context().measures[0].rates[0].tables[0].chart.lines)


def test_public_page_holds_back_small_side_counts() -> None:
    small_rejects = (ExtractNote("claims", 500, 497, 3, 40), ExtractNote("members", 100, 80, 20, 4))
    page = context(extracts=small_rejects, public=True)
    assert page.notes.extracts == (("claims", "500", "suppressed", "suppressed", "40"), ("members", "100", "80", "20", "suppressed"))
    assert page.notes.declined_share == "suppressed", "5 of 1,000 members declined: a count of 1 to 10"
    assert page.notes.unknown_share == "4.0%"


def row(label: str, call: str | None, rate: float | None, reliable: bool = True, suppressed: bool = False) -> GroupRow:
    text = "suppressed" if suppressed else f"{100 * rate:.1f}%"
    return GroupRow(label, "", "", "", text, "", call or "", call, rate, None, None, reliable, suppressed, False)


@pytest.mark.parametrize(("rows", "improvement", "expected"), [
    ([row("White", "reference", 0.6), row("Black", "worse", 0.4), row("Asian", "no difference", 0.55, reliable=False)], "increase",
     ("Reference group: White (60.0%). Significantly worse (lower): Black (40.0%). No other group shown differs significantly. "
      "1 group has fewer than the reliability minimum in the denominator.")),
    ([row("White", "reference", 0.2), row("Black", "worse", 0.3), row("Asian", "better", 0.1)], "decrease",
     ("Reference group: White (20.0%). Significantly worse (higher): Black (30.0%). Significantly better (lower): Asian (10.0%). "
      "No other group shown differs significantly.")),
    ([row("White", "reference", 0.6), row("Black", "no difference", 0.58), row("Asian", None, None, suppressed=True)], "increase",
     "Reference group: White (60.0%). No group shown differs significantly. 1 group has been suppressed for privacy and is not compared."),
    ([row("A", "worse", 0.2), row("B", "no difference", 0.5)], "increase",
     "Each group is compared with everyone else in the same population. Significantly worse (lower): A (20.0%). No other group shown differs significantly."),
    ([row("A", None, None, suppressed=True), row("B", None, None, suppressed=True)], "increase",
     "No comparison is shown: no reference group could be formed from the published groups. 2 groups have been suppressed for privacy."),
])
def test_plain_language_findings(rows: list[GroupRow], improvement: str, expected: str) -> None:
    assert finding(rows, improvement) == expected


def test_sample_scorecard_structure(sample_run: Path) -> None:
    html = (sample_run / "scorecard.html").read_text()
    structure = parse(html)
    tags = [tag for tag, _ in structure.tags]
    assert tags.count("table") == tags.count("caption") > 0
    assert not any(tag in ("script", "link") for tag in tags)
    sections = Counter(attrs.get("class") for tag, attrs in structure.tags if tag == "section")
    assert sections["measure"] == 11 and sections["plan"] == 4
    assert "Well-Child Visits in the First 30 Months of Life" in html and "Methodology" in html and "Mother-child linkage" in html


def test_public_page_says_when_disparity_summaries_are_withheld() -> None:
    measure = spec()
    rates = compare(counts(), [measure], StatisticsOptions())
    summaries = disparities(rates, [measure])
    notes = [MeasureNotes(measure, (), STRATIFIERS)]
    run = RunNotes("2025", "2025-01-01", "2025-12-31", (), 1000, 40, 5)
    full = build_scorecard_context(rates, summaries, notes, run, public=True).measures[0].rates[0]
    assert not full.disparities_withheld and len(full.disparities) == 3
    # engine.suppress drops the summary of a stratifier with a suppressed count.
    dropped = build_scorecard_context(rates, summaries.filter(pl.col("stratifier") != "plan"), notes, run, public=True).measures[0].rates[0]
    assert dropped.disparities_withheld and len(dropped.disparities) == 2
