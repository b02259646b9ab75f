"""`eqm run --fhir-measure-reports`: FHIR MeasureReports whose counts are the run's own."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from engine.cli import main
from tests.conftest import SAMPLE, _run
from tests.test_spec_errors import check_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots" / "cli"
CODES = ("initial-population", "denominator", "denominator-exclusion", "denominator-exception", "numerator", "numerator-exclusion")


def read_ndjson(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def counts(population: list[dict]) -> dict[str, int]:
    return {item["code"]["coding"][0]["code"]: item["count"] for item in population}


def test_reports_carry_the_runs_counts(tmp_path: Path) -> None:
    out = _run(tmp_path / "out", "--measures", "lsc,maternal_depression_screening", "--fhir-measure-reports")
    rates = pl.read_parquet(out / "rates.parquet")
    results = pl.read_parquet(out / "member_results.parquet")
    summaries = read_ndjson(out / "measure_reports" / "summary.ndjson")
    assert {(report["type"], report["group"][0]["id"]) for report in summaries} == {("summary", "by_age_2"), ("summary", "visits"), ("summary", "infants")}
    lsc = next(report for report in summaries if report["group"][0]["id"] == "by_age_2")
    overall = rates.filter((pl.col("rate_id") == "by_age_2") & (pl.col("stratifier") == "overall")).row(0, named=True)
    assert lsc["measure"] == "urn:eqm:measure:lsc|2025.1" and lsc["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert counts(lsc["group"][0]["population"]) == {"initial-population": overall["initial_population"], "denominator": overall["denominator_population"],
                                                      "denominator-exclusion": overall["denominator_exclusions"], "denominator-exception": 0,
                                                      "numerator": overall["numerator_population"], "numerator-exclusion": 0}
    assert lsc["group"][0]["measureScore"]["value"] == overall["rate"]
    race = next(item for item in lsc["group"][0]["stratifier"] if item["code"][0]["text"] == "race_ethnicity")
    assert sum(counts(stratum["population"])["denominator"] for stratum in race["stratum"]) == overall["denominator_population"]
    individuals = read_ndjson(out / "measure_reports" / "individual.ndjson")
    assert len(individuals) == results.select("measure_id", "rate_id", "member_id").n_unique()
    # An event-unit rate: one report per member, its counts the member's visits in each population.
    visits = results.filter(pl.col("rate_id") == "visits").group_by("member_id").agg(pl.col("denominator").sum(), pl.col("numerator").sum())
    member, denominator, numerator = visits.sort("denominator", descending=True).row(0)
    report = next(item for item in individuals if item["group"][0]["id"] == "visits" and item["subject"]["reference"] == f"Patient/{member}")
    assert (counts(report["group"][0]["population"])["denominator"], counts(report["group"][0]["population"])["numerator"]) == (denominator, numerator)
    assert set(counts(report["group"][0]["population"])) == set(CODES) and report["type"] == "individual"


def test_a_public_run_writes_no_individual_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", "--data", str(SAMPLE), "--out", str(tmp_path), "--public", "--fhir-measure-reports"])
    assert result.exit_code == 2
    check_snapshot(SNAPSHOTS / "public_measure_reports.txt", result.output)
