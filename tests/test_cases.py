"""Hand-computed cases, one YAML file each, for every criterion kind and population rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import DEFAULT_MEASURES
from tests.casekit import expectations_by_rate, read_case, run_case, run_measure_case

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases" / "criteria").glob("*.yaml"))
MEASURE_CASES = sorted((HERE / "cases" / "measures").glob("*/*.yaml"))
FLAGS = ("initial_population", "denominator", "denominator_exclusion", "denominator_exception", "numerator", "numerator_exclusion")


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_criterion_case(path: Path, tmp_path: Path) -> None:
    case = read_case(path)
    check_expectations(case, run_case(case, tmp_path))


@pytest.mark.parametrize("path", MEASURE_CASES, ids=[f"{path.parent.name}/{path.stem}" for path in MEASURE_CASES])
def test_measure_case(path: Path) -> None:
    case = read_case(path)
    assert case["measure"] == path.parent.name
    results = run_measure_case(case, DEFAULT_MEASURES)
    for rate_id, expect in expectations_by_rate(case).items():
        check_expectations({"expect": expect}, results.filter(results["rate_id"] == rate_id), rate_id)


def check_expectations(case: dict, results, rate_id: str = "rate") -> None:
    for key, expected in case["expect"].items():
        member, _, event = str(key).partition("@")
        rows = results.filter(results["member_id"] == member)
        if event:
            rows = rows.filter(rows["event_id"] == event)
        why = expected.get("why", "")
        if expected.get("initial_population") is False:
            assert rows.is_empty(), f"{key} should not be in the initial population: {why}"
            continue
        assert rows.height == 1, f"{key}: expected one result row, found {rows.height}: {why}"
        row = rows.row(0, named=True)
        for name, value in expected.items():
            if name == "why":
                continue
            actual = row[name].isoformat() if hasattr(row[name], "isoformat") else row[name]
            assert actual == value, f"{rate_id} {key}.{name}: expected {value!r}, got {actual!r} ({why}); not_met_reason={row['not_met_reason']!r}"
    expected_rows = sum(1 for value in case["expect"].values() if value.get("initial_population") is not False)
    assert results.height == expected_rows, f"unexpected extra rows:\n{results.select('member_id', 'event_id', *FLAGS)}"
