"""FHIR R4 MeasureReports of a run: one `summary` report per rate with its stratifiers, and one
`individual` report per member and rate (`eqm run --fhir-measure-reports`, internal runs only).

Population codes are FHIR's (http://terminology.hl7.org/CodeSystem/measure-population). A summary
report is built from the internal rates table, an individual report from the member results; a
member of an event-unit rate has one report whose counts are its events'. Written as Bulk Data
NDJSON, one MeasureReport per line, so a million members stream to disk a rate at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from engine.period import Period
from engine.spec.models import MeasureSpec

POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population"
# FHIR population code -> (member results flag, rates table count).
POPULATIONS = {
    "initial-population": ("initial_population", "initial_population"),
    "denominator": ("denominator", "denominator_population"),
    "denominator-exclusion": ("denominator_exclusion", "denominator_exclusions"),
    "denominator-exception": ("denominator_exception", "denominator_exceptions"),
    "numerator": ("numerator", "numerator_population"),
    "numerator-exclusion": ("numerator_exclusion", "numerator_exclusions"),
}


def measure_canonical(spec: MeasureSpec) -> str:
    """The measure a report is of: eqm's own id and version (a FHIR canonical with its version)."""
    return f"urn:eqm:measure:{spec.id}|{spec.version}"


def _populations(counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"code": {"coding": [{"system": POPULATION_SYSTEM, "code": code}]}, "count": int(counts.get(code, 0))} for code in POPULATIONS]


def _score(rate: Any) -> dict[str, Any]:
    return {"measureScore": {"value": float(rate)}} if rate is not None else {}


def _report(spec: MeasureSpec, period: Period, kind: str, report_id: str, group: dict[str, Any], generated: str, subject: str | None = None) -> dict[str, Any]:
    report: dict[str, Any] = {"resourceType": "MeasureReport", "id": report_id, "status": "complete", "type": kind, "measure": measure_canonical(spec)}
    if subject is not None:
        report["subject"] = {"reference": f"Patient/{subject}"}
    report |= {"date": generated, "period": {"start": period.start.isoformat(), "end": period.end.isoformat()}, "group": [group]}
    return report


def summary_reports(specs: Iterable[MeasureSpec], period: Period, rates: pl.DataFrame, generated: str) -> Iterator[dict[str, Any]]:
    """One summary MeasureReport per rate: the overall populations and score, and each stratifier's strata."""
    by_id = {spec.id: spec for spec in specs}
    for (measure_id, rate_id), rows in rates.group_by(["measure_id", "rate_id"], maintain_order=True):
        spec = by_id[str(measure_id)]
        title = next(rate.title for rate in spec.rates if rate.id == rate_id)
        overall = rows.filter(pl.col("stratifier") == "overall").row(0, named=True)
        group: dict[str, Any] = {"id": str(rate_id), "code": {"text": title},
                                 "population": _populations({code: overall[column] for code, (_, column) in POPULATIONS.items()}), **_score(overall["rate"])}
        stratifiers = []
        for (stratifier,), strata in rows.filter(pl.col("stratifier") != "overall").group_by(["stratifier"], maintain_order=True):
            stratifiers.append({"code": [{"text": str(stratifier)}], "stratum": [
                {"value": {"text": str(row["stratum"])}, "population": _populations({code: row[column] for code, (_, column) in POPULATIONS.items()}), **_score(row["rate"])}
                for row in strata.iter_rows(named=True)]})
        if stratifiers:
            group["stratifier"] = stratifiers
        yield _report(spec, period, "summary", f"{measure_id}-{rate_id}-{period.label}", group, generated)


def individual_reports(specs: Iterable[MeasureSpec], period: Period, member_results: pl.LazyFrame, generated: str) -> Iterator[dict[str, Any]]:
    """One individual MeasureReport per member and rate, its counts the member's units in each population."""
    by_id = {spec.id: spec for spec in specs}
    flags = [column for column, _ in POPULATIONS.values()]
    counts = (member_results.group_by("measure_id", "rate_id", "member_id", maintain_order=True)
              .agg(pl.col(flag).cast(pl.Int64).sum() for flag in flags).collect(engine="streaming"))
    for row in counts.iter_rows(named=True):
        spec = by_id[row["measure_id"]]
        group = {"id": row["rate_id"], "population": _populations({code: row[column] for code, (column, _) in POPULATIONS.items()})}
        yield _report(spec, period, "individual", f"{row['measure_id']}-{row['rate_id']}-{period.label}-{row['member_id']}", group, generated, row["member_id"])


def write_ndjson(reports: Iterable[dict[str, Any]], path: Path) -> int:
    """Reports as NDJSON (one resource per line); returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        for report in reports:
            handle.write(json.dumps(report, separators=(",", ":")) + "\n")
            written += 1
    return written
