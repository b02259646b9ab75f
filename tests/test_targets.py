"""Benchmarks, improvement targets, equity targets and the roll-up, against hand computation."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from ruamel.yaml import YAML

from engine.compare import compare
from engine.errors import SpecError
from engine.spec.benchmarks import BenchmarksFile, load_benchmarks
from engine.spec.models import MeasureSpec
from engine.stratify import COUNT_COLUMNS
from engine.targets import check_targets
from tests.test_spec_errors import check_snapshot

CASES = YAML(typ="safe").load((Path(__file__).parent / "cases" / "targets.yaml").read_text())
SNAPSHOTS = Path(__file__).parent / "snapshots" / "spec_errors"


def spec(improvement: str) -> MeasureSpec:
    return MeasureSpec.model_validate({
        "id": "m", "title": "t", "version": "1", "steward": "s", "source": "s", "improvement": improvement,
        "stratifiers": ["race_ethnicity", "plan"],
        "rates": [{"id": "r", "title": "t", "populations": {"initial_population": {"age": {"at": "period_end", "min": 0}}, "numerator": {"age": {"at": "period_end", "min": 1}}}}],
    })


def rates(rows: list[list], improvement: str) -> pl.DataFrame:
    records = []
    for stratifier, stratum, numerator, denominator in rows:
        record = dict.fromkeys(COUNT_COLUMNS, 0) | {"measure_id": "m", "rate_id": "r", "stratifier": stratifier, "stratum": stratum, "overlapping": False}
        record.update(numerator=numerator, denominator=denominator, rate=numerator / denominator if denominator else None)
        records.append(record)
    return compare(pl.DataFrame(records), [spec(improvement)])


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_benchmarks_and_improvement_targets(case: dict) -> None:
    program = BenchmarksFile.model_validate({"program": "p", "benchmarks": [case["benchmark"]]})
    baseline = rates(case["baseline"], case["improvement"]) if case["baseline"] else None
    result = check_targets(rates(case["current"], case["improvement"]), [spec(case["improvement"])], program, baseline)
    found = {row["plan"] or "state": {"target": row["target"], "status": row["status"]} for row in result.targets.iter_rows(named=True)}
    assert found == case["expect"]


def test_equity_target_closes_part_of_the_baseline_gap() -> None:
    current = [["overall", "overall", 133, 230], ["race_ethnicity", "White", 60, 100], ["race_ethnicity", "Black or African American", 33, 100],
               ["race_ethnicity", "Asian", 20, 20], ["race_ethnicity", "Unknown", 20, 10 + 10]]
    baseline = [["overall", "overall", 110, 230], ["race_ethnicity", "White", 50, 100], ["race_ethnicity", "Black or African American", 30, 100],
                ["race_ethnicity", "Asian", 15, 20], ["race_ethnicity", "Unknown", 15, 20]]
    program = BenchmarksFile.model_validate({"program": "p", "equity_targets": [{"measure": "m", "rate": "r", "stratifier": "race_ethnicity", "gap_closure": 0.1}]})
    result = check_targets(rates(current, "increase"), [spec("increase")], program, rates(baseline, "increase"))
    rows = {row["stratum"]: row for row in result.equity.iter_rows(named=True)}
    # Black: baseline 30 against White's 50, close 10% of the 20-point gap: target 32.0; now 33.
    assert (rows["Black or African American"]["target"], rows["Black or African American"]["status"]) == (32.0, "met")
    assert rows["White"]["status"] == "reference"
    assert rows["Asian"]["status"] == "not assessed: denominator under 30"
    assert rows["Unknown"]["status"] == "not assessed: unknown or declined"


def test_roll_up_k_of_n_and_withhold() -> None:
    current = [["overall", "overall", 120, 200], ["plan", "A", 70, 100], ["plan", "B", 50, 100]]
    program = BenchmarksFile.model_validate({
        "program": "p",
        "benchmarks": [{"measure": "m", "rate": "r", "benchmark": 60, "source": "s", "met_when": "benchmark"}],
        "roll_up": {"required": 1, "earn_back": "proportional", "withhold": {"A": 1000, "B": 500}},
    })
    roll_up = {row["plan"]: row for row in check_targets(rates(current, "increase"), [spec("increase")], program).roll_up.iter_rows(named=True)}
    assert (roll_up["A"]["rates_met"], roll_up["A"]["program_met"], roll_up["A"]["earned"]) == (1, True, 1000.0)
    assert (roll_up["B"]["rates_met"], roll_up["B"]["program_met"], roll_up["B"]["earned"]) == (0, False, 0.0)


def test_a_suppressed_rate_is_not_published_not_guessed() -> None:
    table = rates([["overall", "overall", 120, 200], ["plan", "A", 70, 100], ["plan", "B", 50, 100]], "increase")
    table = table.with_columns(pl.when(pl.col("stratum") == "B").then(None).otherwise(pl.col(name)).alias(name) for name in ("numerator", "denominator", "rate"))
    program = BenchmarksFile.model_validate({"program": "p", "benchmarks": [{"measure": "m", "rate": "r", "benchmark": 60, "source": "s"}]})
    statuses = {row["plan"]: row["status"] for row in check_targets(table, [spec("increase")], program).targets.iter_rows(named=True)}
    assert statuses["B"] == "not published (suppressed)" and statuses["A"] == "met"


def test_the_example_program_loads() -> None:
    from engine.pipeline import DEFAULT_MEASURES, load_specs

    program = load_benchmarks(DEFAULT_MEASURES / "programs" / "example_program.yaml", load_specs(DEFAULT_MEASURES))
    assert program.roll_up is not None and program.roll_up.required <= len(program.benchmarks)


@pytest.mark.parametrize("suffix", ["yaml", "csv"])
def test_benchmark_file_errors(tmp_path: Path, suffix: str) -> None:
    text = {
        "yaml": "program: p\nbenchmarks:\n  - {measure: m, rate: r, benchmark: 60, source: s}\n  - {measure: mm, rate: r, benchmark: 60, source: s}\n"
                "  - {measure: m, rate: q, benchmark: 160, source: s, met_wen: benchmark}\nroll_up: {required: 5}\n",
        "csv": "measure,rate,benchmark,source,gap_closure\nm,r,60,s,0.1\nmm,r,60,s,\nm,q,160,s,2\n",
    }[suffix]
    path = tmp_path / f"program.{suffix}"
    path.write_text(text)
    with pytest.raises(SpecError) as raised:
        load_benchmarks(path, [spec("increase")])
    check_snapshot(SNAPSHOTS / f"benchmarks_{suffix}.txt", str(raised.value).replace(str(tmp_path), "<tmp>") + "\n")
