"""Quality operations on top of the rates: gap lists, attrition and multi-period trends."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest

from engine.attrition import attrition
from engine.compile import compile_measure
from engine.period import parse_period
from engine.spec.loader import parse_spec
from tests.casekit import execute, read_case, spec_text, write_value_sets
from tests.conftest import SAMPLE, _run

HERE = Path(__file__).parent
CRITERIA = HERE / "cases" / "criteria"
KEY = ["measure_id", "rate_id"]


def overall(rates: pl.DataFrame) -> pl.DataFrame:
    return rates.filter(pl.col("stratifier") == "overall")


# ---- gap lists ----


def test_gap_lists_are_the_denominator_minus_the_numerator(sample_run: Path) -> None:
    rates = overall(pl.read_parquet(sample_run / "rates.parquet"))
    gaps = pl.concat([pl.read_parquet(path) for path in sorted((sample_run / "gaps").glob("*.parquet"))])
    assert {path.stem for path in (sample_run / "gaps").glob("*.csv")} == set(rates["measure_id"])
    counted = gaps.group_by(KEY).len()
    joined = rates.join(counted, on=KEY, how="left").with_columns(pl.col("len").fill_null(0))
    wrong = joined.filter(pl.col("len") != pl.col("denominator") - pl.col("numerator"))
    assert wrong.is_empty(), wrong.select(*KEY, "denominator", "numerator", "len")
    assert gaps["gap"].null_count() == 0 and gaps["plan"].null_count() == 0


def test_every_gap_row_is_an_unmet_denominator_member(sample_run: Path) -> None:
    members = pl.read_parquet(sample_run / "member_results.parquet")
    in_gap = members["denominator"] & ~members["denominator_exclusion"] & ~members["denominator_exception"] & (~members["numerator"] | members["numerator_exclusion"])
    assert (members["gap"].is_not_null() == in_gap).all()
    gaps = pl.concat([pl.read_parquet(path) for path in (sample_run / "gaps").glob("*.parquet")])
    assert gaps.height == int(in_gap.sum())


def test_gap_text_says_how_many_more_and_by_when(sample_run: Path) -> None:
    gaps = pl.read_parquet(sample_run / "gaps" / "w30.parquet").filter(pl.col("rate_id") == "first_15_months")
    pattern = re.compile(r"^six or more well-child visits with a PCP by the 15-month birthday: needs (\d) more by (\d{4}-\d\d-\d\d) \((\d) of 6 found, at least 14 days apart\)$")
    for row in gaps.iter_rows(named=True):
        match = pattern.match(row["gap"])
        assert match, row["gap"]
        assert int(match[1]) + int(match[3]) == 6
        assert match[2] == row["gap_due_date"].isoformat() == row["anchor_date"].isoformat(), "due on the 15-month birthday"


def test_last_visit_is_the_latest_paid_claim_with_a_provider(sample_run: Path) -> None:
    claims = pl.read_parquet(SAMPLE / "claims.parquet").with_columns(pl.col("service_from").str.to_date())
    gaps = pl.read_parquet(sample_run / "gaps" / "wcv.parquet")
    visits = gaps.filter(pl.col("last_visit_date").is_not_null()).head(50)
    assert visits.height == 50
    for row in visits.iter_rows(named=True):
        eligible = claims.filter((pl.col("member_id") == row["member_id"]) & pl.col("claim_status").is_in(["paid", "adjusted"])
                                 & pl.col("provider_npi").is_not_null() & (pl.col("service_from") <= pl.date(2025, 12, 31)))
        assert row["last_visit_date"] == eligible["service_from"].max()
        assert row["last_visit_provider_npi"] in eligible.filter(pl.col("service_from") == row["last_visit_date"])["provider_npi"].to_list()


# ---- attrition ----


def case_attrition(name: str, tmp_path: Path) -> list[tuple[str, str, int, int | None]]:
    case = read_case(CRITERIA / f"{name}.yaml")
    names = write_value_sets(case, tmp_path / "valuesets")
    spec, problems = parse_spec(spec_text(case), "case.yaml", names)
    assert not problems
    compiled = compile_measure(spec, parse_period(str(case["period"])))
    results, counts = execute(spec, case, [tmp_path / "valuesets"], with_attrition=True)
    table = attrition([compiled], counts, results)
    return [(row["population"], row["rule"], row["remaining"], row["removed"]) for row in table.iter_rows(named=True)]


def test_attrition_of_a_hand_computed_case(tmp_path: Path) -> None:
    # composition_reasons: 5 members; TOOOLD is 10 (not 3 to 6), UNENROLLED has no coverage,
    # and of the three left VISIT and NEITHER meet the numerator.
    assert case_attrition("composition_reasons", tmp_path) == [
        ("units", "every member in the members extract", 5, None),
        ("initial_population", "aged at least 0 completed years at the end of the measurement period", 5, 0),
        ("denominator", "aged 3 to 6", 4, 1),
        ("denominator", "enrolled all year", 3, 1),
        ("numerator", "any of: well visit; not a recent arrival", 2, 1),
    ]


def test_attrition_counts_exclusions(tmp_path: Path) -> None:
    # gaps_counts: 5 members all in the initial population, HOSPICE excluded, only DONE meets the numerator.
    steps = case_attrition("gaps_counts", tmp_path)
    assert [(population, remaining, removed) for population, _, remaining, removed in steps] == [
        ("units", 5, None), ("initial_population", 5, 0), ("denominator_exclusion", 4, 1), ("numerator", 1, 3),
    ]
    assert steps[2][1] == "not: hospice"


def test_attrition_of_the_sample_ends_at_the_rates(sample_run: Path) -> None:
    steps = pl.read_parquet(sample_run / "attrition.parquet")
    rates = overall(pl.read_parquet(sample_run / "rates.parquet"))
    for row in rates.iter_rows(named=True):
        rate = steps.filter((pl.col("measure_id") == row["measure_id"]) & (pl.col("rate_id") == row["rate_id"])).sort("step")
        remaining = rate["remaining"].to_list()
        assert remaining == sorted(remaining, reverse=True), "each rule only removes"
        assert rate["removed"].to_list()[1:] == [before - after for before, after in zip(remaining, remaining[1:], strict=False)]
        last_ip = rate.filter(pl.col("population") == "initial_population")["remaining"].to_list()[-1]
        assert last_ip == row["initial_population"]
        assert rate.filter(pl.col("population") == "numerator")["remaining"].item() == row["numerator_population"]
        after_exclusions = rate.filter(pl.col("population").is_in(["denominator", "denominator_exclusion", "denominator_exception"]))["remaining"].to_list()
        assert (after_exclusions or [last_ip])[-1] == row["denominator"]


def test_scorecard_shows_attrition_internally_and_only_rules_publicly(sample_run: Path, public_run: Path) -> None:
    internal = (sample_run / "scorecard.html").read_text()
    public = (public_run / "scorecard.html").read_text()
    assert internal.count('class="attrition"') == public.count('class="attrition"') > 0
    assert "<th scope=\"col\" class=\"number\">Removed</th>" in internal and "Removed</th>" not in public
    assert "counts are in the internal report" in public


# ---- several periods at once ----


def trend_tables(html: str) -> dict[str, dict[str, list[str]]]:
    """Each trend table's caption -> group -> the cells of its periods."""
    tables = {}
    for body in re.findall(r'<table class="trend-table" id="[^"]+">(.*?)</table>', html, re.S):
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", body, re.S)[1]
        rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', body, re.S)
        tables[caption] = {label: re.findall(r'<td class="number">(.*?)</td>', cells)[:-1] for label, cells in rows}
    return tables


def test_a_multi_period_run_equals_single_period_runs(trend_run: Path, sample_run: Path) -> None:
    rates = pl.read_parquet(trend_run / "rates.parquet")
    assert rates["period"].unique(maintain_order=True).to_list() == ["2024", "2025"]
    latest = rates.filter(pl.col("period") == "2025").drop("period")
    single = pl.read_parquet(sample_run / "rates.parquet").filter(pl.col("measure_id").is_in(["w30", "wcv"])).drop("period")
    columns = ["measure_id", "rate_id", "stratifier", "stratum", "numerator", "denominator", "rate", "comparison"]
    assert latest.select(columns).sort(columns[:4]).equals(single.select(columns).sort(columns[:4]))
    members = pl.read_parquet(trend_run / "member_results.parquet")
    assert set(members["period"]) == {"2024", "2025"}
    assert set(pl.read_parquet(trend_run / "attrition.parquet")["period"]) == {"2024", "2025"}
    assert set(pl.read_parquet(trend_run / "gaps" / "w30.parquet")["period"]) == {"2025"}, "gap lists are for the latest period"
    manifest = json.loads((trend_run / "manifest.json").read_text())
    assert [period["label"] for period in manifest["periods"]] == ["2024", "2025"]


def test_the_earlier_period_is_the_baseline(trend_run: Path) -> None:
    rates = overall(pl.read_parquet(trend_run / "rates.parquet"))
    earlier = rates.filter((pl.col("period") == "2024") & (pl.col("rate_id") == "first_15_months"))["rate"].item()
    state = pl.read_parquet(trend_run / "targets.parquet").filter((pl.col("level") == "state") & (pl.col("measure_id") == "w30")).row(0, named=True)
    assert state["baseline_rate"] == pytest.approx(100 * earlier)


def test_scorecard_trends(trend_run: Path) -> None:
    html = (trend_run / "scorecard.html").read_text()
    assert "Trend, 2024 to 2025" in html
    tables = re.findall(r'<table class="trend-table" id="[^"]+">(.*?)</table>', html, re.S)
    assert tables and all("<th scope=\"col\" class=\"number\">2024</th><th scope=\"col\" class=\"number\">2025</th>" in table for table in tables)
    rates = overall(pl.read_parquet(trend_run / "rates.parquet")).filter(pl.col("rate_id") == "ages_3_21").sort("period")
    first, last = rates["rate"].to_list()
    assert f"{100 * (last - first):+.1f} points" in html


def test_public_trends_come_from_protected_rates(tmp_path: Path) -> None:
    out = _run(tmp_path, "--measures", "w30", "--period", "2024..2025", "--public")
    rates = pl.read_parquet(out / "rates.parquet")
    assert set(rates["period"]) == {"2024", "2025"} and not (out / "gaps").exists()
    html = (out / "scorecard.html").read_text()
    assert "Trend, 2024 to 2025" in html
    tables = trend_tables(html)
    titles = {"first_15_months": "Six or more well-child visits in the first 15 months", "months_15_to_30": "Two or more well-child visits from 15 to 30 months"}
    shorts = {"race_ethnicity": "race and ethnicity", "income_band": "household income"}
    checked = 0
    for row in rates.filter(pl.col("stratifier").is_in(list(shorts)) & pl.col("stratum").is_in(["Unknown"]).not_()).iter_rows(named=True):
        cells = tables[f"{titles[row['rate_id']]}: trend, {shorts[row['stratifier']]} (rate by measurement period)"][row["stratum"]]
        shown = cells[["2024", "2025"].index(row["period"])]
        # The trend shows exactly the published rate: "suppressed" where the table suppressed it.
        assert shown == ("suppressed" if row["rate"] is None and row["numerator_suppressed"] else shown if row["rate"] is None else f"{100 * row['rate']:.1f}%"), (row, shown)
        checked += row["rate"] is None and bool(row["numerator_suppressed"])
    assert checked, "some group is suppressed in some period"
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest["disclosure_control"]) == {"2024", "2025"}


# ---- the default period ----

def test_default_period_is_the_latest_year_the_data_cover_typed_or_text(tmp_path: Path) -> None:
    """The year of (latest date of service + 31 days), less one: data through mid-January covers the year
    before; a year whose December has no data is not complete. Typed dates are read as dates;
    text by its leading date, so a malformed value cannot win."""
    from datetime import date

    from engine.pipeline import default_period

    typed, text, empty = tmp_path / "typed", tmp_path / "text", tmp_path / "empty"
    for folder in (typed, text, empty):
        folder.mkdir()
    for latest, expected in ((date(2025, 12, 31), "2025"), (date(2026, 1, 15), "2025"), (date(2025, 12, 1), "2025"), (date(2025, 11, 30), "2024"),
                             (date(2026, 1, 31), "2025"), (date(2026, 2, 1), "2025"), (date(2026, 12, 1), "2026")):
        pl.DataFrame({"service_from": [date(2023, 12, 31), latest, None]}).write_parquet(typed / "claims.parquet")
        assert default_period(typed) == parse_period(expected), latest
    (text / "claims.csv").write_text("service_from\n2022-06-30\n9999-99-99\nnot a date\n2023-01-10T00:00:00\n", encoding="utf-8")
    assert default_period(text) == parse_period("2022")
    assert default_period(empty).start.year == date.today().year - 1
    # EHR data with no claims (a Synthea export) reach as far as their latest visit, dose or observation;
    # a condition's onset does not say how far the data reach.
    ehr = tmp_path / "ehr"
    ehr.mkdir()
    (ehr / "claims.csv").write_text("service_from\n", encoding="utf-8")
    (ehr / "encounters.csv").write_text("start_date\n2023-10-16T07:13:55Z\n", encoding="utf-8")
    (ehr / "immunizations.csv").write_text("administered_date\n2022-03-01\n", encoding="utf-8")
    (ehr / "conditions.csv").write_text("onset_date\n2026-03-01\n", encoding="utf-8")
    assert default_period(ehr) == parse_period("2022")
    (ehr / "observations.csv").write_text("effective_date\n2023-12-20\n", encoding="utf-8")
    assert default_period(ehr) == parse_period("2023")


# ---- a measure without an enrollment rule ----

NO_ENROLLMENT_MEASURE = """id: ehr_visits
title: Children with a visit (no enrollment rule, as an eCQM)
version: test
steward: eqm tests
source: hand-computed test case
improvement: increase
stratifiers: [plan]
rates:
  - id: visited
    title: a visit in the period
    populations:
      initial_population: {age: {at: period_end, min: 0, max: 17}}
      numerator: {claims: {value_sets: [visit], window: {from: period_start, to: period_end}}}
"""


def test_a_measure_without_an_enrollment_rule_runs_without_the_enrollment_extract(tmp_path: Path) -> None:
    """eCQMs have no continuous enrollment: such a measure does not require the extract, and its plans are Unknown."""
    measures, data = tmp_path / "measures", tmp_path / "data"
    (measures / "valuesets").mkdir(parents=True)
    data.mkdir()
    (measures / "ehr_visits.yaml").write_text(NO_ENROLLMENT_MEASURE, encoding="utf-8")
    (measures / "valuesets" / "visit.csv").write_text("code,code_system,description,effective_from,effective_to\n99392,CPT,visit,,\n", encoding="utf-8")
    (data / "members.csv").write_text("member_id,birth_date,sex,race,ethnicity,race_ethnicity_source,household_income,household_size,fpl_percent,state,county,zip,preferred_language\n"
                                      "A,2020-01-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,\nB,2020-01-01,M,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,\n", encoding="utf-8")
    (data / "claims.csv").write_text("claim_id,line_number,member_id,service_from,service_to,procedure_code,procedure_code_system,modifiers,diagnosis_codes,place_of_service,provider_npi,provider_type,claim_status\n"
                                     "C1,1,A,2025-03-01,,99392,CPT,,,11,,PEDIATRICS,paid\n", encoding="utf-8")
    spec, problems = parse_spec(NO_ENROLLMENT_MEASURE, "ehr_visits.yaml", {"visit"})
    assert not problems and "enrollment" not in compile_measure(spec, parse_period("2025")).extracts
    _run(tmp_path / "out", "--measures-dir", str(measures), "--period", "2025", data=data)
    results = pl.read_parquet(tmp_path / "out" / "member_results.parquet")
    assert results.select("member_id", "numerator", "plan").sort("member_id").rows() == [("A", True, "Unknown"), ("B", False, "Unknown")]
