"""Disclosure control: attack the published tables and try to recover a count from 1 to 10."""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from engine.compare import DISPARITY_SCHEMA
from engine.render import build_public_scorecard_context
from engine.render.scorecard import RunNotes
from engine.stratify import COUNT_COLUMNS
from engine.suppress import SuppressionOptions, audit, build_system, markers, outer_bounds, primary, protect, suppress_rates


NO_DISPARITIES = pl.DataFrame(schema=DISPARITY_SCHEMA)


def table(strata: list[tuple[str, int, int]], stratifier: str = "race_ethnicity", rate_id: str = "r") -> list[dict]:
    rows = []
    total_n, total_d = sum(n for _, n, _ in strata), sum(d for _, _, d in strata)
    for stratum, numerator, denominator in [("overall", total_n, total_d), *strata]:
        row = dict.fromkeys(COUNT_COLUMNS, 0) | {"measure_id": "m", "rate_id": rate_id, "stratum": stratum, "overlapping": False}
        row.update(stratifier="overall" if stratum == "overall" else stratifier, numerator=numerator, denominator=denominator, exclusions=0)
        rows.append(row)
    return rows


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows).with_columns(pl.lit(None, pl.Float64).alias("rate"), pl.lit(None, pl.String).alias("comparison"))


def published(result, kind: str) -> dict[str, int | None]:
    return {row["stratum"]: row[kind] for row in result.table.iter_rows(named=True)}


def test_a_small_cell_and_its_complement_are_hidden() -> None:
    rates = frame(table([("A", 5, 40), ("B", 30, 60), ("C", 40, 100)]))
    result = suppress_rates(rates, NO_DISPARITIES)
    numerators = published(result, "numerator")
    assert numerators["A"] is None, "5 is a small count"
    assert sum(value is None for value in numerators.values()) >= 2, "one hidden cell in a sum would be recovered by subtraction"
    assert all(upper - lower >= 11 for lower, upper in result.audit.intervals.values())


def test_a_small_complement_suppresses_the_numerator() -> None:
    rates = frame(table([("A", 95, 100), ("B", 30, 60), ("C", 40, 100)]))
    numerators = published(suppress_rates(rates, NO_DISPARITIES), "numerator")
    assert numerators["A"] is None, "100 - 95 = 5 would be revealed by the numerator and denominator"


def test_zero_is_published() -> None:
    rates = frame(table([("A", 0, 40), ("B", 30, 60), ("C", 40, 100)]))
    assert published(suppress_rates(rates, NO_DISPARITIES), "numerator")["A"] == 0


def brute_force_range(rows: list[dict], hidden: set[str], target: str) -> tuple[int, int]:
    """An attacker with unlimited time: every integer filling of the hidden numerators that agrees
    with everything published (each numerator between 0 and its published denominator, summing to
    the published total). Returns the smallest and largest value the target can take."""
    total = next(row["numerator"] for row in rows if row["stratum"] == "overall")
    strata = [row for row in rows if row["stratum"] != "overall"]
    remaining = total - sum(row["numerator"] for row in strata if row["stratum"] not in hidden)
    unknown = [row for row in strata if row["stratum"] in hidden]
    values = []
    for filling in itertools.product(*[range(row["denominator"] + 1) for row in unknown[:-1]]):
        last = remaining - sum(filling)
        if 0 <= last <= unknown[-1]["denominator"]:
            cells = dict(zip([row["stratum"] for row in unknown], [*filling, last], strict=True))
            values.append(cells[target])
    return min(values), max(values)


@pytest.mark.parametrize("seed", range(30))
def test_random_tables_survive_a_brute_force_attack(seed: int) -> None:
    """Random tables with small numerators and small complements, published denominators."""
    generator = random.Random(seed)
    strata = []
    for index in range(generator.randint(2, 4)):
        denominator = generator.choice([12, 15, 20, 25, 30])
        numerator = generator.choice([0, generator.randint(1, 10), generator.randint(0, denominator), denominator - generator.randint(1, 10)])
        strata.append((f"G{index}", max(numerator, 0), denominator))
    rows = table(strata)
    result = suppress_rates(frame(rows), NO_DISPARITIES)
    shown = {row["stratum"]: row for row in result.table.iter_rows(named=True)}
    assert all(row["denominator"] is not None for row in shown.values()), "denominators of 12 or more are published"
    hidden = {stratum for stratum, row in shown.items() if row["numerator"] is None and stratum != "overall"}
    for stratum, numerator, denominator in strata:
        small = 1 <= numerator <= 10 or 1 <= denominator - numerator <= 10
        if small:
            assert stratum in hidden, f"{stratum}: {numerator} of {denominator} is published"
        if stratum in hidden and shown["overall"]["numerator"] is not None:
            lowest, highest = brute_force_range(rows, hidden, stratum)
            assert highest - lowest >= 11 or not small, f"{stratum}: {numerator} of {denominator} narrowed to [{lowest}, {highest}]"


def test_cross_tables_are_protected_against_both_margins() -> None:
    # One small cell (4) in a 2 x 2 table whose rows and columns are published margins.
    race = [("A", 30, 120), ("B", 44, 120)]
    income = [("Low", 28, 120), ("High", 46, 120)]
    cross = [("A | Low", 4, 60), ("A | High", 26, 60), ("B | Low", 24, 60), ("B | High", 20, 60)]
    rows = table(race) + table(income, "income_band")[1:] + table(cross, "race_ethnicity x income_band")[1:]
    system = build_system(frame(rows))
    suppressed, result = protect(system, SuppressionOptions())
    assert not result.failures and all(upper - lower >= 11 for lower, upper in result.intervals.values())
    hidden = {cell[3] for cell in suppressed if cell[2] == "race_ethnicity x income_band" and cell[4] == "n"}
    assert hidden == {"A | Low", "A | High", "B | Low", "B | High"}, "a single cell is recovered from either margin: the whole rectangle goes"
    # Without complementary suppression, the LP attack recovers the small cell exactly.
    naive = audit(system, primary(system, 10), 10, 11)
    assert ("m", "r", "race_ethnicity x income_band", "A | Low", "n") in naive.failures


def test_markers_of_a_table_with_nothing_to_suppress() -> None:
    """An internal run in which no cell is small marks nothing (it crashed on an empty, untyped join)."""
    rates = frame(table([("A", 30, 60), ("B", 40, 100)]))
    marked = markers(rates)
    assert marked.height == rates.height and not marked["would_be_suppressed"].any()


def test_the_public_scorecard_accepts_only_suppressed_rates() -> None:
    with pytest.raises(TypeError):
        build_public_scorecard_context(frame(table([("A", 30, 60)])), [], RunNotes("2025", "2025-01-01", "2025-12-31", (), 0, 0, 0))


@pytest.mark.parametrize(("equations", "right", "lower", "upper"), [
    ([[1, 1]], [5], [0, 0], [5, 5]),  # x + y = 5
    ([[1, -1]], [3], [3, 0], [math.inf, math.inf]),  # x = y + 3: no upper bound
    ([[1, 1, 0], [0, 1, 1]], [4, 1], [3, 0, 0], [4, 1, 1]),  # y + z = 1 narrows x + y = 4
])
def test_outer_bounds_by_hand(equations: list[list[int]], right: list[int], lower: list[float], upper: list[float]) -> None:
    found_lower, found_upper = outer_bounds(csr_matrix(np.array(equations, dtype=float)), np.array(right, dtype=float))
    assert found_lower.tolist() == lower and found_upper.tolist() == upper


def test_outer_bounds_contain_every_solution() -> None:
    """Bound propagation may be loose, never tight: it contains the exact range from linear programming."""
    generator = np.random.default_rng(11)
    for _ in range(40):
        cells, rows = int(generator.integers(2, 7)), int(generator.integers(1, 5))
        matrix = generator.choice([-1.0, 0.0, 0.0, 1.0], size=(rows, cells))
        right = matrix @ generator.integers(0, 20, cells)  # a true non-negative solution exists
        lower, upper = outer_bounds(csr_matrix(matrix), right)
        for cell in range(cells):
            objective = np.eye(cells)[cell]
            low = linprog(objective, A_eq=matrix, b_eq=right, bounds=(0, None))
            high = linprog(-objective, A_eq=matrix, b_eq=right, bounds=(0, None))
            assert lower[cell] <= low.fun + 1e-7
            if high.status == 3:  # unbounded
                assert upper[cell] == math.inf
            else:
                assert upper[cell] >= -high.fun - 1e-7


def test_the_audit_prints_nothing() -> None:
    """HiGHS prints a banner to standard output from its constructor unless its log is off from
    the start; only the CLI prints. In a fresh process: the banner is printed once per process."""
    script = (
        "from tests.test_suppress import NO_DISPARITIES, frame, table\n"
        "from engine.suppress import suppress_rates\n"
        "result = suppress_rates(frame(table([('A', 5, 40), ('B', 30, 60), ('C', 40, 100)])), NO_DISPARITIES)\n"
        "assert result.audit.intervals, 'the audit solved no program'\n"
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=Path(__file__).parent.parent)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == ""
