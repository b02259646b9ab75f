"""Contract checks on the rates: benchmarks, improvement targets, equity targets, the program roll-up.

Works on the table a run publishes (internal rates, or the suppressed public table: a hidden
rate is "not published", never guessed). Rates and targets are compared in percent, unrounded
rate against the rounded target. Direction follows each measure's improvement notation.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import polars as pl

from engine.compare import is_known
from engine.spec.benchmarks import Benchmark, BenchmarksFile, ImprovementTarget
from engine.spec.models import CROSS, MeasureSpec
from engine.strata import UNKNOWN
from engine.stratify import OVERALL

STATE = "state"
MET, NOT_MET = "met", "not met"
TARGET_SCHEMA = {
    "measure_id": pl.String, "rate_id": pl.String, "level": pl.String, "plan": pl.String, "denominator": pl.Int64, "rate": pl.Float64,
    "benchmark": pl.Float64, "benchmark_source": pl.String, "baseline_rate": pl.Float64, "target": pl.Float64,
    "met_benchmark": pl.Boolean, "met_target": pl.Boolean, "met_when": pl.String, "status": pl.String, "notes": pl.String,
}
EQUITY_SCHEMA = {
    "measure_id": pl.String, "rate_id": pl.String, "level": pl.String, "plan": pl.String, "stratifier": pl.String, "stratum": pl.String, "rule": pl.String,
    "denominator": pl.Int64, "rate": pl.Float64, "reference_group": pl.String, "reference_rate": pl.Float64, "baseline_rate": pl.Float64,
    "baseline_reference_rate": pl.Float64, "target": pl.Float64, "status": pl.String, "notes": pl.String,
}
ROLL_UP_SCHEMA = {
    "plan": pl.String, "rates_benchmarked": pl.Int64, "rates_met": pl.Int64, "rates_not_assessed": pl.Int64, "required": pl.Int64,
    "program_met": pl.Boolean, "earn_back": pl.String, "earned_share": pl.Float64, "withhold": pl.Float64, "earned": pl.Float64,
}


@dataclass(frozen=True)
class TargetResults:
    targets: pl.DataFrame
    equity: pl.DataFrame
    roll_up: pl.DataFrame


def round_half_up(value: float, decimals: int) -> float:
    """Contracts round halves up, not to even.

    >>> round_half_up(62.25, 1), round(62.25, 1)
    (62.3, 62.2)
    """
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def improvement_target(baseline: float, benchmark: float, rule: ImprovementTarget, increase: bool) -> float:
    """The rate (percent) a unit must reach, from its baseline (percent).

    Higher is better, baseline 50, benchmark 70, close 10% of the gap, at least 3 points:
    50 + max(0.1 x 20, 3) = 53.
    >>> improvement_target(50.0, 70.0, ImprovementTarget(gap_closure=0.1, minimum_points=3), True)
    53.0

    Lower is better (e.g. a rate of missed screenings), baseline 30, benchmark 20, close 25%:
    30 - 0.25 x 10 = 27.5.
    >>> improvement_target(30.0, 20.0, ImprovementTarget(gap_closure=0.25), False)
    27.5

    Already past the benchmark: hold the benchmark.
    >>> improvement_target(80.0, 70.0, ImprovementTarget(), True)
    70.0
    """
    sign = 1.0 if increase else -1.0
    gap = (benchmark - baseline) * sign
    if gap <= 0:
        return round_half_up(benchmark, rule.decimals)
    target = baseline + sign * max(rule.gap_closure * gap, rule.minimum_points)
    if rule.cap_at_benchmark:
        target = min(target, benchmark) if increase else max(target, benchmark)
    return round_half_up(min(max(target, 0.0), 100.0), rule.decimals)


def reaches(rate: float, goal: float, increase: bool) -> bool:
    """The rate (percent) is at or past the goal in the improvement direction (to 1e-9)."""
    return rate >= goal - 1e-9 if increase else rate <= goal + 1e-9


def _percent(value: float | None) -> float | None:
    return None if value is None else 100.0 * value


def _rows(rates: pl.DataFrame) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    return {(row["measure_id"], row["rate_id"], row["stratifier"], row["stratum"]): row for row in rates.iter_rows(named=True)}


def _units(rates: pl.DataFrame, measure: str, rate: str) -> list[tuple[str, str | None, str, str]]:
    """The state and every plan (level, plan, stratifier, stratum) that has a row for this rate."""
    plans = rates.filter((pl.col("measure_id") == measure) & (pl.col("rate_id") == rate) & (pl.col("stratifier") == "plan") & (pl.col("stratum") != UNKNOWN))
    return [(STATE, None, OVERALL, OVERALL)] + [("plan", plan, "plan", plan) for plan in plans["stratum"].to_list()]


def _assessable(row: dict[str, Any] | None, min_denominator: int) -> str | None:
    """Why a row cannot be assessed, or None."""
    if row is None:
        return "no rate"
    if row["denominator"] is None or row["rate"] is None:
        return "not published (suppressed)" if row["denominator"] is None or row.get("numerator") is None else "no denominator"
    if row["denominator"] < min_denominator:
        return f"not assessed: denominator under {min_denominator}"
    return None


def check_targets(rates: pl.DataFrame, specs: list[MeasureSpec], program: BenchmarksFile, baseline: pl.DataFrame | None = None,
                  min_denominator: int = 30) -> TargetResults:
    """Benchmark and improvement-target status for the state and each plan, equity targets per
    stratum, and the roll-up per plan."""
    increase = {spec.id: spec.improvement == "increase" for spec in specs}
    current, before = _rows(rates), _rows(baseline) if baseline is not None else {}
    targets = []
    for entry in program.benchmarks:
        for level, plan, stratifier, stratum in _units(rates, entry.measure, entry.rate):
            key = (entry.measure, entry.rate, stratifier, stratum)
            targets.append(_target_row(entry, level, plan, current.get(key), before.get(key), increase[entry.measure], min_denominator))
    target_frame = pl.DataFrame(targets, schema=TARGET_SCHEMA)
    benchmarks = {(entry.measure, entry.rate): entry for entry in program.benchmarks}
    equity = []
    for rule in program.equity_targets:
        scopes = [(STATE, None, rule.stratifier, "")]
        cross = f"plan{CROSS}{rule.stratifier}"
        if cross in rates["stratifier"].unique().to_list():
            scopes += [("plan", plan, cross, f"{plan} | ") for _, plan, _, _ in _units(rates, rule.measure, rule.rate)[1:]]
        for level, plan, stratifier, prefix in scopes:
            family = [row for key, row in current.items() if key[:3] == (rule.measure, rule.rate, stratifier) and key[3].startswith(prefix)]
            equity += _equity_rows(rule, benchmarks.get((rule.measure, rule.rate)), level, plan, family, before, increase[rule.measure], min_denominator, prefix)
    return TargetResults(target_frame, pl.DataFrame(equity, schema=EQUITY_SCHEMA), _roll_up(target_frame, program))


def _target_row(entry: Benchmark, level: str, plan: str | None, row: dict[str, Any] | None, base: dict[str, Any] | None, increase: bool, min_denominator: int) -> dict[str, Any]:
    rate = _percent(row["rate"]) if row else None
    baseline = _percent(base["rate"]) if base else None
    notes = []
    target = None
    if entry.improvement_target is not None:
        if baseline is None:
            notes.append("no baseline rate: no improvement target")
        else:
            target = improvement_target(baseline, entry.benchmark, entry.improvement_target, increase)
    why = _assessable(row, min_denominator)
    met_benchmark = met_target = None
    if why is None:
        met_benchmark = reaches(rate, entry.benchmark, increase)
        met_target = reaches(rate, target, increase) if target is not None else None
        status = _status(entry.met_when, met_benchmark, met_target)
    else:
        status = why
    return {
        "measure_id": entry.measure, "rate_id": entry.rate, "level": level, "plan": plan, "denominator": row["denominator"] if row else None, "rate": rate,
        "benchmark": entry.benchmark, "benchmark_source": entry.source, "baseline_rate": baseline, "target": target,
        "met_benchmark": met_benchmark, "met_target": met_target, "met_when": entry.met_when, "status": status, "notes": "; ".join(notes) or None,
    }


def _status(met_when: str, met_benchmark: bool, met_target: bool | None) -> str:
    """met_target is None when no improvement target could be set (no baseline): then only
    `benchmark_or_target` can still be decided, by the benchmark alone."""
    if met_when == "benchmark":
        return MET if met_benchmark else NOT_MET
    if met_target is None:
        if met_when == "benchmark_or_target":
            return MET if met_benchmark else NOT_MET
        return "not assessed: no improvement target"
    met = {"target": met_target, "benchmark_or_target": met_benchmark or met_target, "benchmark_and_target": met_benchmark and met_target}[met_when]
    return MET if met else NOT_MET


def _equity_rows(rule, benchmark: Benchmark | None, level: str, plan: str | None, family: list[dict[str, Any]], before: dict, increase: bool,
                 min_denominator: int, prefix: str) -> list[dict[str, Any]]:
    reference = next((row for row in family if row.get("comparison") == "reference"), None)
    records = []
    for row in family:
        group = row["stratum"][len(prefix):]
        base = before.get((row["measure_id"], row["rate_id"], row["stratifier"], row["stratum"]))
        base_reference = before.get((row["measure_id"], row["rate_id"], row["stratifier"], reference["stratum"])) if reference else None
        record = {
            "measure_id": row["measure_id"], "rate_id": row["rate_id"], "level": level, "plan": plan, "stratifier": rule.stratifier, "stratum": group,
            "rule": rule.rule, "denominator": row["denominator"], "rate": _percent(row["rate"]),
            "reference_group": reference["stratum"][len(prefix):] if reference else None, "reference_rate": _percent(reference["rate"]) if reference else None,
            "baseline_rate": _percent(base["rate"]) if base else None, "baseline_reference_rate": _percent(base_reference["rate"]) if base_reference else None,
            "target": None, "status": None, "notes": None,
        }
        why = _assessable(row, min_denominator)
        if not is_known(group):
            record["status"] = "not assessed: unknown or declined"
        elif why is not None:
            record["status"] = why
        elif rule.rule == "benchmark_in_every_stratum":
            record["target"] = benchmark.benchmark if benchmark else None
            record["status"] = "not assessed: no benchmark for this rate" if benchmark is None else (MET if reaches(record["rate"], benchmark.benchmark, increase) else NOT_MET)
        elif reference is None:
            record["status"] = "not assessed: no reference group"
        elif row is reference:
            record["status"] = "reference"
        elif record["baseline_rate"] is None or record["baseline_reference_rate"] is None:
            record["status"] = "not assessed: no baseline"
        else:
            gap = (record["baseline_reference_rate"] - record["baseline_rate"]) * (1 if increase else -1)
            if gap <= 0:
                record["target"] = round_half_up(record["baseline_reference_rate"], 1)
                record["notes"] = "at or ahead of the reference group at baseline: stay there"
            else:
                record["target"] = round_half_up(record["baseline_rate"] + (1 if increase else -1) * rule.gap_closure * gap, 1)
            record["status"] = MET if reaches(record["rate"], record["target"], increase) else NOT_MET
        records.append(record)
    return records


def _roll_up(targets: pl.DataFrame, program: BenchmarksFile) -> pl.DataFrame:
    """Per plan: rates met of those benchmarked; a rate not assessed counts as not met."""
    if program.roll_up is None:
        return pl.DataFrame(schema=ROLL_UP_SCHEMA)
    rule = program.roll_up
    records = []
    plans = targets.filter(pl.col("level") == "plan")
    for (plan,), frame in plans.group_by("plan", maintain_order=True):
        met = frame.filter(pl.col("status") == MET).height
        benchmarked = frame.height
        share = (met / benchmarked if benchmarked else 0.0) if rule.earn_back == "proportional" else (1.0 if met >= rule.required else 0.0)
        withhold = rule.withhold.get(plan)
        records.append({
            "plan": plan, "rates_benchmarked": benchmarked, "rates_met": met, "rates_not_assessed": frame.filter(pl.col("status").str.starts_with("not assessed") | pl.col("status").str.starts_with("not published")).height,
            "required": rule.required, "program_met": met >= rule.required, "earn_back": rule.earn_back, "earned_share": share,
            "withhold": withhold, "earned": None if withhold is None else round(withhold * share, 2),
        })
    return pl.DataFrame(records, schema=ROLL_UP_SCHEMA)
