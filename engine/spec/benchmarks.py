"""A program's benchmarks file: benchmarks, improvement targets, equity targets and the roll-up.

YAML (everything) or CSV (one benchmark per row, no equity targets or roll-up). Rates are in
percent, as contracts write them (65.0 means 65%). Loading reports every problem at once, with
file, line and a hint, like measure specs; names are checked against the loaded measures.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from engine.errors import BenchmarksError, Problem
from engine.spec.loader import Located, did_you_mean, read_yaml, validation_problems
from engine.spec.models import Frozen, MeasureSpec


class ImprovementTarget(Frozen):
    """Target = baseline + gap_closure x (benchmark - baseline), at least `minimum_points` better
    than the baseline, no further than the benchmark when `cap_at_benchmark`, rounded to
    `decimals` (mirrored for lower-is-better measures). A baseline already at or past the
    benchmark has the benchmark as its target (hold the line)."""

    gap_closure: float = Field(0.1, ge=0, le=1, description="share of the gap from the baseline to the benchmark to close (0.1 = 10%)")
    minimum_points: float = Field(0.0, ge=0, description="minimum improvement over the baseline, in percentage points")
    cap_at_benchmark: bool = Field(True, description="never ask for more than the benchmark")
    decimals: int = Field(1, ge=0, le=4, description="round the target (in percent) to this many decimals")


class Benchmark(Frozen):
    measure: str
    rate: str
    benchmark: float = Field(ge=0, le=100, description="the benchmark rate, in percent")
    source: str = Field(description="where the benchmark comes from, e.g. a national percentile and year")
    improvement_target: ImprovementTarget | None = Field(None, description="a target computed from each plan's baseline rate")
    met_when: Literal["benchmark", "target", "benchmark_or_target", "benchmark_and_target"] = Field(
        "benchmark_or_target", description="what counts as met: reaching the benchmark, the improvement target, either, or both"
    )


class EquityTarget(Frozen):
    """A target per stratum. `close_gap_to_reference`: each known, reliable stratum behind the
    reference group must close `gap_closure` of its baseline gap (without a baseline, reach the
    reference rate less the gap left open). `benchmark_in_every_stratum`: every known, reliable
    stratum must reach the rate's benchmark."""

    measure: str
    rate: str
    stratifier: str = "race_ethnicity"
    rule: Literal["close_gap_to_reference", "benchmark_in_every_stratum"] = "close_gap_to_reference"
    gap_closure: float = Field(0.1, ge=0, le=1)


class RollUp(Frozen):
    """Program roll-up per plan: met if at least `required` of the benchmarked rates are met.
    The withhold (a share of each plan's payments held back) is earned back in proportion to the
    rates met (`proportional`), or all of it once `required` are met (`all_or_nothing`)."""

    required: int = Field(ge=1, description="K in 'meet at least K of N'")
    earn_back: Literal["proportional", "all_or_nothing"] = "proportional"
    withhold: dict[str, float] = Field(default_factory=dict, description="plan -> amount withheld (or incentive pool), in dollars")


class BenchmarksFile(Frozen):
    program: str = Field(description="the program or contract these benchmarks belong to")
    benchmarks: list[Benchmark] = Field(default_factory=list)
    equity_targets: list[EquityTarget] = Field(default_factory=list)
    roll_up: RollUp | None = None


FIELD_NAMES = {name for model in (BenchmarksFile, Benchmark, ImprovementTarget, EquityTarget, RollUp) for name in model.model_fields}
CSV_COLUMNS = ("measure", "rate", "benchmark", "source", "gap_closure", "minimum_points", "cap_at_benchmark", "decimals", "met_when")


def load_benchmarks(path: Path, specs: list[MeasureSpec]) -> BenchmarksFile:
    """Load and check a benchmarks file against the measures of this run."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        data, at = _from_csv(text, str(path))
    else:
        data, at, problems = read_yaml(text, str(path), "a benchmarks file")
        if data is None:
            raise BenchmarksError(problems)
    problems = _name_problems(data, specs, at)
    try:
        parsed = BenchmarksFile.model_validate(data)
    except ValidationError as error:
        problems += validation_problems(error, at, FIELD_NAMES)
        parsed = None
    if problems or parsed is None:
        raise BenchmarksError(sorted(problems, key=lambda problem: (problem.line or 0, problem.path)))
    return parsed


def _from_csv(text: str, file: str) -> tuple[dict, Located]:
    rows = list(csv.DictReader(io.StringIO(text)))
    benchmarks = []
    for row in rows:
        entry: dict = {key: value for key, value in row.items() if key in ("measure", "rate", "benchmark", "source", "met_when") and value not in (None, "")}
        target = {key: row[key] for key in ("gap_closure", "minimum_points", "cap_at_benchmark", "decimals") if row.get(key) not in (None, "")}
        if target:
            entry["improvement_target"] = target
        entry.update({key: value for key, value in row.items() if key not in CSV_COLUMNS})  # unknown columns are reported
        benchmarks.append(entry)
    lines = {("benchmarks", index): index + 2 for index in range(len(rows))}  # line 1 is the header
    return {"program": Path(file).stem, "benchmarks": benchmarks}, Located(file, lines)


def _name_problems(data: dict, specs: list[MeasureSpec], at: Located) -> list[Problem]:
    """Measure, rate and stratifier names, checked on the raw entries so that they are reported
    together with any shape problems."""
    by_id = {spec.id: spec for spec in specs}
    problems = []
    for section in ("benchmarks", "equity_targets"):
        entries = data.get(section) if isinstance(data.get(section), list) else []
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("measure"), str):
                continue
            measure, rate = entry["measure"], entry.get("rate")
            spec = by_id.get(measure)
            if spec is None:
                problems.append(at.problem((section, index, "measure"), f"no measure '{measure}' in this run", did_you_mean(measure, by_id)))
                continue
            rates = [item.id for item in spec.rates]
            if rate not in rates:
                problems.append(at.problem((section, index, "rate"), f"measure '{measure}' has no rate '{rate}'", did_you_mean(str(rate), rates) or f"rates: {', '.join(rates)}"))
            stratifier = entry.get("stratifier", EquityTarget.model_fields["stratifier"].default)
            if section == "equity_targets" and stratifier not in spec.stratifiers:
                problems.append(at.problem((section, index, "stratifier"), f"measure '{measure}' does not report stratifier '{stratifier}'",
                                           did_you_mean(str(stratifier), spec.stratifiers)))
        if section == "benchmarks":
            keys = [(entry.get("measure"), entry.get("rate")) for entry in entries if isinstance(entry, dict)]
            for index, key in enumerate(keys):
                if key in keys[:index]:
                    problems.append(at.problem((section, index), f"a second benchmark for {key[0]}.{key[1]}", "give each rate one benchmark"))
    roll_up = data.get("roll_up")
    benchmarked = len(data.get("benchmarks") or [])
    if isinstance(roll_up, dict) and isinstance(roll_up.get("required"), int) and roll_up["required"] > benchmarked:
        problems.append(at.problem(("roll_up", "required"), f"requires {roll_up['required']} rates met but only {benchmarked} are benchmarked"))
    return problems
