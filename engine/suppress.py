"""Disclosure control for public tables: no published figure may reveal a count from 1 to the threshold.

Policy: CMS cell-size suppression (https://www.hhs.gov/guidance/document/cms-cell-suppression-policy):
no cell of 1 to 10, and nothing from which one can be derived (other cells, totals, percentages).

Model. Each stratum row has three published counts (numerator n, denominator d, exclusions e)
and one derived count, the complement c = d - n. The linear relations an attacker can use:
- each row: n + c = d;
- each stratifier's strata add up to the overall row (for n, d, e), and the cells of a crossed
  stratifier add up to both of its margins;
- rates of one measure with equal denominators in a stratum (the same population) are equal.

Steps: primary suppression of every count in [1, threshold] (a small complement suppresses the
numerator); complementary suppression until no relation has a single unknown; then an audit by
linear programming (HiGHS, one warm-started model per linked group of cells) computes, for every protected count, the interval an attacker
can derive from everything published, and suppression grows until each interval is at least
the protection width (default threshold + 1). If it cannot, the public run fails.
Rates, intervals and comparisons are published only when they reveal nothing suppressed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import highspy
import numpy as np
import polars as pl
from scipy.sparse import coo_matrix, csr_matrix

from engine.errors import EqmError
from engine.spec.models import CROSS
from engine.stratify import OVERALL

KINDS = ("n", "d", "e", "c")  # numerator, denominator, exclusions, complement (derived, never published)
PUBLISHED_KINDS = ("n", "d", "e")
DERIVED_COLUMNS = ("rate", "rate_lower", "rate_upper", "difference", "difference_lower", "difference_upper", "ratio", "ratio_lower", "ratio_upper", "p_value", "p_value_adjusted", "comparison", "reference_rate")
# Flags and notes computed from the counts: "not reliable" says a hidden denominator is under 30.
COUNT_DESCRIBING_COLUMNS = ("reliable", "statistics_notes")

Cell = tuple[str, str, str, str, str]  # measure, rate, stratifier, stratum, kind


@dataclass(frozen=True)
class SuppressionOptions:
    threshold: int = 10
    protection_width: int | None = None  # default threshold + 1
    max_rounds: int = 50

    @property
    def width(self) -> int:
        return self.protection_width if self.protection_width is not None else self.threshold + 1


@dataclass(frozen=True)
class AuditResult:
    """The interval an attacker can derive for each protected (small, suppressed) count."""

    intervals: dict[Cell, tuple[float, float]]
    failures: list[Cell]


@dataclass(frozen=True)
class SuppressedRates:
    """Rates safe to publish: the only input the public renderer accepts.

    `table` has the counts and derived statistics of suppressed cells set to null, with
    `numerator_suppressed`, `denominator_suppressed` and `exclusions_suppressed` markers."""

    table: pl.DataFrame
    disparities: pl.DataFrame
    audit: AuditResult
    options: SuppressionOptions
    cells_suppressed: int = 0
    notes: tuple[str, ...] = field(default=())


@dataclass
class CellSystem:
    """The counts and the linear equations (sum of coefficient x cell = 0) that link them."""

    values: dict[Cell, int]
    equations: list[dict[Cell, int]]


def build_system(rates: pl.DataFrame) -> CellSystem:
    rows = rates.filter(~pl.col("overlapping")).to_dicts()
    values: dict[Cell, int] = {}
    by_family: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = (row["measure_id"], row["rate_id"], row["stratifier"], row["stratum"])
        values[(*key, "n")] = row["numerator"]
        values[(*key, "d")] = row["denominator"]
        values[(*key, "e")] = row["exclusions"]
        values[(*key, "c")] = row["denominator"] - row["numerator"]
        by_family[(row["measure_id"], row["rate_id"], row["stratifier"])].append(row)
    equations: list[dict[Cell, int]] = []
    for (measure, rate, stratum_key) in {(cell[0], cell[1], (cell[2], cell[3])) for cell in values}:
        stratifier, stratum = stratum_key
        equations.append({(measure, rate, stratifier, stratum, "n"): 1, (measure, rate, stratifier, stratum, "c"): 1, (measure, rate, stratifier, stratum, "d"): -1})
    for (measure, rate, stratifier), members in by_family.items():
        if stratifier == OVERALL:
            continue
        for kind in ("n", "d", "e", "c"):
            equations.append({**{(measure, rate, stratifier, row["stratum"], kind): 1 for row in members}, (measure, rate, OVERALL, OVERALL, kind): -1})
            parts = stratifier.split(CROSS)
            if len(parts) == 2:
                for position, margin in enumerate(parts):
                    if (measure, rate, margin) not in by_family:
                        continue
                    groups: dict[str, list[str]] = defaultdict(list)
                    for row in members:
                        groups[row["stratum"].split(" | ")[position]].append(row["stratum"])
                    for margin_stratum, cells in groups.items():
                        if (measure, rate, margin, margin_stratum, kind) in values:
                            equations.append({**{(measure, rate, stratifier, cell, kind): 1 for cell in cells}, (measure, rate, margin, margin_stratum, kind): -1})
    # Rates of one measure with equal denominators in a stratum are taken to be the same population.
    by_stratum: dict[tuple[str, str, str], list[Cell]] = defaultdict(list)
    for cell in values:
        if cell[4] == "d":
            by_stratum[(cell[0], cell[2], cell[3])].append(cell)
    for cells in by_stratum.values():
        same: dict[int, list[Cell]] = defaultdict(list)
        for cell in cells:
            same[values[cell]].append(cell)
        for group in same.values():
            equations += [{first: 1, second: -1} for first, second in pairwise(group)]
    return CellSystem(values, equations)


def primary(system: CellSystem, threshold: int) -> set[Cell]:
    """Every published count in [1, threshold]; a small complement suppresses the numerator."""
    suppressed = {cell for cell, value in system.values.items() if cell[4] in PUBLISHED_KINDS and 1 <= value <= threshold}
    for cell, value in system.values.items():
        if cell[4] == "c" and 1 <= value <= threshold:
            suppressed.add((*cell[:4], "n"))
    return suppressed


def _unknown(cell: Cell, suppressed: set[Cell]) -> bool:
    if cell[4] == "c":  # the complement is known only when both numerator and denominator are published
        return (*cell[:4], "n") in suppressed or (*cell[:4], "d") in suppressed
    return cell in suppressed


def _partner(equation: dict[Cell, int], suppressed: set[Cell], values: dict[Cell, int], width: int) -> Cell | None:
    """The published cell to suppress next in an equation: a small non-zero one that is big enough
    to hide the other, else the smallest non-zero, else any (least information lost)."""
    options = [cell for cell in equation if cell[4] in PUBLISHED_KINDS and cell not in suppressed]
    options += [(*cell[:4], "n") for cell in equation if cell[4] == "c" and (*cell[:4], "n") not in suppressed]
    if not options:
        return None
    return min(options, key=lambda cell: (values[cell] < width, values[cell] == 0, values[cell]))


def complementary(system: CellSystem, suppressed: set[Cell], width: int) -> set[Cell]:
    """Suppress more cells until no equation has exactly one unknown."""
    suppressed = set(suppressed)
    # Suppression only grows, so an equation with two unknowns keeps them: it is not looked at again.
    open_equations = list(system.equations)
    changed = True
    while changed:
        changed = False
        still_open = []
        for equation in open_equations:
            unknown = sum(1 for cell in equation if _unknown(cell, suppressed))
            if unknown == 1:
                partner = _partner(equation, suppressed, system.values, width)
                if partner is not None:
                    suppressed.add(partner)
                    changed = True
                    # Usually now two; still one when the partner was the numerator of the complement already unknown.
                    unknown = sum(1 for cell in equation if _unknown(cell, suppressed))
            if unknown < 2:
                still_open.append(equation)
        open_equations = still_open
    return suppressed


def protected_cells(system: CellSystem, suppressed: set[Cell], threshold: int) -> list[Cell]:
    """The counts that must stay hidden: every unknown count (complements included) from 1 to the threshold."""
    return [cell for cell, value in system.values.items() if 1 <= value <= threshold and _unknown(cell, suppressed)]


def _components(cells: list[Cell], equations: list[dict[Cell, int]]) -> list[list[Cell]]:
    """Groups of unknown cells linked through equations (union-find); each is its own program."""
    parent = {cell: cell for cell in cells}

    def root(cell: Cell) -> Cell:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for equation in equations:
        linked = [cell for cell in equation if cell in parent]
        for other in linked[1:]:
            parent[root(other)] = root(linked[0])
    groups: dict[Cell, list[Cell]] = defaultdict(list)
    for cell in cells:
        groups[root(cell)].append(cell)
    return list(groups.values())


def audit(system: CellSystem, suppressed: set[Cell], threshold: int, width: int, cache: dict | None = None) -> AuditResult:
    """For every protected count, min and max over all non-negative solutions of the published equations.

    Unknown cells split into independent groups (linked only through equations), so each group is
    a small linear program of its own. A group's answer depends only on its set of unknown cells,
    so `cache` carries answers from one round of suppression to the next."""
    cache = {} if cache is None else cache
    exposed = [cell for cell, value in system.values.items() if 1 <= value <= threshold and not _unknown(cell, suppressed)]
    targets = set(protected_cells(system, suppressed, threshold))
    unknown_cells = [cell for cell in system.values if _unknown(cell, suppressed)]
    relevant = [equation for equation in system.equations if any(_unknown(cell, suppressed) for cell in equation)]
    by_cell: dict[Cell, list[int]] = defaultdict(list)
    for number, equation in enumerate(relevant):
        for cell in equation:
            by_cell[cell].append(number)
    intervals: dict[Cell, tuple[float, float]] = {}
    failures = list(exposed)
    for group in _components(unknown_cells, relevant):
        mine = [cell for cell in group if cell in targets]
        if not mine:
            continue
        key = frozenset(group)
        if key not in cache:
            cache[key] = _solve_group(group, mine, relevant, by_cell, system.values, width)
        for cell, (lower, upper) in cache[key].items():
            intervals[cell] = (lower, upper)
            if upper - lower < width:
                failures.append(cell)
    return AuditResult(intervals, failures)


def _solve_group(group: list[Cell], mine: list[Cell], relevant: list[dict[Cell, int]], by_cell: dict[Cell, list[int]], values: dict[Cell, int], width: int) -> dict[Cell, tuple[float, float]]:
    index = {cell: position for position, cell in enumerate(group)}
    numbers = sorted({number for cell in group for number in by_cell[cell]})
    right, rows, columns_of, coefficients = [], [], [], []
    for row_number, number in enumerate(numbers):
        equation = relevant[number]
        right.append(-sum(coefficient * values[cell] for cell, coefficient in equation.items() if cell not in index))
        for cell, coefficient in equation.items():
            if cell in index:
                rows.append(row_number)
                columns_of.append(index[cell])
                coefficients.append(coefficient)
    # Built from coordinates (repeated ones add up); filling a LIL matrix entry by entry was a third
    # of the audit's time.
    matrix = coo_matrix((np.array(coefficients, dtype=float), (rows, columns_of)), shape=(len(numbers), len(group)))
    right_side = np.array(right, dtype=float)
    columns = np.array([index[cell] for cell in mine])
    outer_lower, outer_upper = outer_bounds(matrix.tocsr(), right_side)
    # A cell whose outer bounds are already narrower than the width fails without a solve (most
    # of the first round's failures); the slack keeps rounding from deciding a borderline cell.
    certain = (outer_upper - outer_lower)[columns] < width - 1e-6
    truth = np.array([values[cell] for cell in mine], dtype=float)
    lowest, highest = truth.copy(), truth.copy()  # the true counts are one solution
    lowest[certain], highest[certain] = outer_lower[columns[certain]], outer_upper[columns[certain]]
    solver = _model(matrix.tocsc(), right_side, len(group))

    def widen(solution: np.ndarray) -> None:
        # Any solution is a filling an attacker cannot rule out: it widens every cell's known range
        # (a certain cell keeps its outer bounds, which already contain every solution).
        np.minimum(lowest, np.where(certain, lowest, solution[columns]), out=lowest)
        np.maximum(highest, np.where(certain, highest, solution[columns]), out=highest)

    # Push all still-narrow cells up together, then down together, while that settles more of
    # them (a few cheap solves settle most); then each remaining cell gets its own maximum and
    # minimum, which is exact: a cell reported narrow really is narrow.
    progress = True
    while progress:
        progress = False
        for sense in (highspy.ObjSense.kMaximize, highspy.ObjSense.kMinimize):
            narrow = (highest - lowest < width) & ~certain
            if not narrow.any():
                break
            solution = _extreme(solver, columns[narrow], sense)
            if solution is not None:
                widen(solution)
                progress = progress or int(((highest - lowest < width) & ~certain).sum()) < int(narrow.sum())
    for position in range(len(mine)):
        for sense in (highspy.ObjSense.kMaximize, highspy.ObjSense.kMinimize):
            if certain[position] or highest[position] - lowest[position] >= width:
                break
            solution = _extreme(solver, columns[position:position + 1], sense)
            if solution is None:  # only a maximum can be unbounded (counts are at least 0)
                highest[position] = np.inf
            else:
                widen(solution)
    return {cell: (round(float(lowest[position]), 6), round(float(highest[position]), 6)) for position, cell in enumerate(mine)}


def outer_bounds(matrix: csr_matrix, right: np.ndarray, sweeps: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Bounds containing every non-negative solution of matrix x = right, by bound propagation.

    Each equation bounds each of its cells by the others' current bounds (a_j x_j = b - sum of
    a_k x_k over k != j); repeated until nothing tightens. This is the bound tightening of LP
    presolve (Andersen & Andersen 1995, "Presolving in linear programming", section 3): the
    bounds may be wider than the exact range, never narrower, so a cell they show to be narrow
    is narrow."""
    cells = matrix.shape[1]
    lower, upper = np.zeros(cells), np.full(cells, np.inf)
    coordinates = matrix.tocoo()
    keep = coordinates.data != 0
    rows, cols, coefficients = coordinates.row[keep], coordinates.col[keep], coordinates.data[keep]
    for _ in range(sweeps):
        low_terms = np.where(coefficients > 0, coefficients * lower[cols], coefficients * upper[cols])
        high_terms = np.where(coefficients > 0, coefficients * upper[cols], coefficients * lower[cols])
        # Sums of the rest of each row, with infinite terms counted apart (inf - inf is undefined).
        rest_low = _row_rest(rows, low_terms, right.size, -np.inf)
        rest_high = _row_rest(rows, high_terms, right.size, np.inf)
        scaled_low, scaled_high = right[rows] - rest_high, right[rows] - rest_low  # bounds of a_j x_j
        candidate_low = np.where(coefficients > 0, scaled_low, scaled_high) / coefficients
        candidate_high = np.where(coefficients > 0, scaled_high, scaled_low) / coefficients
        new_lower, new_upper = lower.copy(), upper.copy()
        np.maximum.at(new_lower, cols, candidate_low)
        np.minimum.at(new_upper, cols, candidate_high)
        if np.allclose(new_lower, lower, rtol=0, atol=1e-9) and np.allclose(new_upper, upper, rtol=0, atol=1e-9):
            break
        lower, upper = new_lower, new_upper
    return lower, upper


def _row_rest(rows: np.ndarray, terms: np.ndarray, row_count: int, infinity: float) -> np.ndarray:
    """For each entry, the sum of the other terms of its row (`infinity` when any other term is
    infinite; the terms' infinities all have that sign)."""
    infinite = np.isinf(terms)
    finite_terms = np.where(infinite, 0.0, terms)
    rest = np.bincount(rows, weights=finite_terms, minlength=row_count)[rows] - finite_terms
    others_infinite = np.bincount(rows, weights=infinite, minlength=row_count)[rows] - infinite > 0
    return np.where(others_infinite, infinity, rest)


class _QuietHighs(highspy.Highs):
    """HiGHS with its log off from the start. `highspy.Highs()` enables callbacks in its constructor,
    which prints the solver's banner to standard output before any option can be set (HiGHS issue
    #2749), and only the CLI prints."""

    def enableCallbacks(self) -> Any:
        self.setOptionValue("output_flag", False)
        return super().enableCallbacks()


def _model(matrix: Any, right: np.ndarray, columns: int) -> highspy.Highs:
    """A HiGHS model of: matrix x = right, x >= 0 (the objective is set per question)."""
    solver = _QuietHighs()
    solver.setOptionValue("presolve", "off")  # re-solves then start from the last basis
    # Only the objective changes between solves, so the last basis stays primal feasible: primal
    # simplex continues from it (dual simplex would restart its search; 2x slower on the sample).
    solver.setOptionValue("simplex_strategy", 4)
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = columns, len(right)
    model.col_cost_ = np.zeros(columns)
    model.col_lower_, model.col_upper_ = np.zeros(columns), np.full(columns, highspy.kHighsInf)
    model.row_lower_, model.row_upper_ = right, right
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_, model.a_matrix_.index_, model.a_matrix_.value_ = matrix.indptr, matrix.indices, matrix.data
    solver.passModel(model)
    return solver


def _extreme(solver: highspy.Highs, columns: np.ndarray, sense: highspy.ObjSense) -> np.ndarray | None:
    """A solution making the sum of the given cells as large (or small) as possible; None if unbounded."""
    indices = columns.astype(np.int32)
    solver.changeColsCost(indices.size, indices, np.ones(indices.size))
    solver.changeObjectiveSense(sense)
    solver.run()
    status = solver.getModelStatus()
    solver.changeColsCost(indices.size, indices, np.zeros(indices.size))
    if status == highspy.HighsModelStatus.kOptimal:
        return np.array(solver.getSolution().col_value)
    if status == highspy.HighsModelStatus.kUnbounded:
        return None
    raise EqmError(f"disclosure audit: the published counts have no consistent solution ({status})")


def protect(system: CellSystem, options: SuppressionOptions) -> tuple[set[Cell], AuditResult]:
    """Primary and complementary suppression, widened until the audit passes."""
    suppressed = complementary(system, primary(system, options.threshold), options.width)
    cache: dict = {}
    equations_of: dict[Cell, list[dict[Cell, int]]] = defaultdict(list)
    for equation in system.equations:
        for cell in equation:
            equations_of[cell].append(equation)
    for _ in range(options.max_rounds):
        result = audit(system, suppressed, options.threshold, options.width, cache)
        if not result.failures:
            return suppressed, result
        before = len(suppressed)
        for cell in result.failures:
            equations = equations_of[cell] + ([] if cell[4] == "c" else equations_of[(*cell[:4], "c")])
            for equation in sorted(equations, key=len):
                partner = _partner(equation, suppressed, system.values, options.width)
                if partner is not None:
                    suppressed.add(partner)
                    break
        suppressed = complementary(system, suppressed, options.width)
        if len(suppressed) == before:
            break
    result = audit(system, suppressed, options.threshold, options.width, cache)
    if result.failures:
        raise EqmError(f"disclosure control failed: {len(result.failures)} small count(s) could still be narrowed below a width of {options.width}: {result.failures[:5]}")
    return suppressed, result


def suppress_rates(rates: pl.DataFrame, disparities: pl.DataFrame, options: SuppressionOptions | None = None) -> SuppressedRates:
    """Apply disclosure control to the rates (and the disparity summaries built from them)."""
    options = options or SuppressionOptions()
    # The overlapping view cannot be protected by these equations; it is not published.
    public = rates.filter(~pl.col("overlapping"))
    system = build_system(public)
    suppressed, result = protect(system, options)
    records = []
    hidden_families = set()
    for row in public.to_dicts():
        key = (row["measure_id"], row["rate_id"], row["stratifier"], row["stratum"])
        flags = {kind: (*key, kind) in suppressed for kind in PUBLISHED_KINDS}
        row["numerator_suppressed"], row["denominator_suppressed"], row["exclusions_suppressed"] = flags["n"], flags["d"], flags["e"]
        if flags["n"] or flags["d"]:
            hidden_families.add((row["measure_id"], row["rate_id"], row["stratifier"]))
        records.append(row)
    for row in records:
        for column in ("numerator", "denominator", "exclusions"):
            if row[f"{column}_suppressed"]:
                row[column] = None
    # A reference group's hidden rate would be revealed by its family's differences and ratios.
    hidden_references = {
        (row["measure_id"], row["rate_id"], row["stratifier"]) for row in records
        if row["comparison"] == "reference" and (row["numerator"] is None or row["denominator"] is None)
    }
    for row in records:
        counts_hidden = row["numerator"] is None or row["denominator"] is None
        reference_hidden = (row["measure_id"], row["rate_id"], row["stratifier"]) in hidden_references
        for column in DERIVED_COLUMNS:
            if counts_hidden or (reference_hidden and column not in ("rate", "rate_lower", "rate_upper")):
                row[column] = None
        if counts_hidden:
            for column in COUNT_DESCRIBING_COLUMNS:
                row[column] = None
        for column in ("initial_population", "denominator_population", "denominator_exclusions", "denominator_exceptions", "numerator_population", "numerator_exclusions"):
            row[column] = None  # detail counts are not published; exclusions is their public total
    table = pl.DataFrame(records, schema={**public.schema, "numerator_suppressed": pl.Boolean, "denominator_suppressed": pl.Boolean, "exclusions_suppressed": pl.Boolean})
    safe = disparities.join(pl.DataFrame([{"measure_id": m, "rate_id": r, "stratifier": s} for m, r, s in hidden_families], schema={"measure_id": pl.String, "rate_id": pl.String, "stratifier": pl.String}),
                            on=["measure_id", "rate_id", "stratifier"], how="anti")
    return SuppressedRates(table, safe, result, options, len(suppressed), ("disparity summaries are published only for stratifiers with no suppressed count", "the alone-or-in-combination view is not published"))


def markers(rates: pl.DataFrame, options: SuppressionOptions | None = None) -> pl.DataFrame:
    """Internal view: every number kept, with a marker for rows a public run would suppress
    (the overlapping view is never published, so all of its rows are marked)."""
    options = options or SuppressionOptions()
    system = build_system(rates.filter(~pl.col("overlapping")))
    suppressed, _ = protect(system, options)
    # Typed schema: with nothing suppressed the columns would otherwise be of type Null and fail the join.
    hidden = pl.DataFrame(
        sorted({cell[:4] for cell in suppressed}), schema=dict.fromkeys(("measure_id", "rate_id", "stratifier", "stratum"), pl.String), orient="row"
    ).with_columns(pl.lit(True).alias("would_be_suppressed"))
    marked = rates.join(hidden, on=["measure_id", "rate_id", "stratifier", "stratum"], how="left")
    return marked.with_columns((pl.col("would_be_suppressed").fill_null(False) | pl.col("overlapping")).alias("would_be_suppressed"))
