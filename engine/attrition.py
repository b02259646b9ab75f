"""Attrition: how many units are left after each population rule, from all units to the numerator.

The initial population and denominator rules are counted by each rate's attrition query (they
decide who has a member-results row at all); exclusions, exceptions and the numerator come from
the member results. The two sources must agree on the initial population and the denominator.
"""

from __future__ import annotations

import polars as pl

from engine.compile import CompiledMeasure
from engine.compile.measure import fragment_name
from engine.errors import EqmError

ATTRITION_SCHEMA = {
    "measure_id": pl.String,
    "rate_id": pl.String,
    "step": pl.Int64,
    "population": pl.String,
    "rule": pl.String,
    "remaining": pl.Int64,
    "removed": pl.Int64,
}


FLAGS = ("denominator", "denominator_exclusion", "denominator_exception", "numerator", "numerator_exclusion")


def attrition(measures: list[CompiledMeasure], counts: pl.DataFrame, member_results: pl.LazyFrame | pl.DataFrame) -> pl.DataFrame:
    """One row per rule and rate: units remaining after it and how many it removed (step 0: all units)."""
    rows: list[tuple[str, str, int, str, str, int, int | None]] = []
    totals = member_results.lazy().group_by("measure_id", "rate_id").agg(pl.len().alias("units"), *[pl.col(flag).sum().cast(pl.Int64) for flag in FLAGS]).collect(engine="streaming")
    by_rate = {(row["measure_id"], row["rate_id"]): row for row in totals.iter_rows(named=True)}
    for measure in measures:
        for rate in measure.rates:
            key = (measure.spec.id, rate.rate_id)
            queried = counts.filter((pl.col("measure_id") == key[0]) & (pl.col("rate_id") == key[1])).sort("step")["remaining"].to_list()
            if len(queried) != len(rate.attrition_steps):
                raise EqmError(f"internal error: {key[0]}.{key[1]} attrition has {len(queried)} counts for {len(rate.attrition_steps)} rules")
            steps = [(step.population, step.rule, remaining) for step, remaining in zip(rate.attrition_steps, queried, strict=True)]
            flags = by_rate.get(key, dict.fromkeys(("units", *FLAGS), 0))
            _check(key, steps, flags["units"], flags["denominator"])
            remaining = flags["denominator"]
            for population, flag in (("denominator_exclusion", "denominator_exclusion"), ("denominator_exception", "denominator_exception")):
                fragment = rate.populations.get(population)
                if fragment is not None:
                    remaining -= flags[flag]
                    steps.append((population, f"not: {fragment_name(fragment)}", remaining))
            numerator = rate.populations.get("numerator")
            steps.append(("numerator", fragment_name(numerator) if numerator else "numerator", flags["numerator"]))
            numerator_exclusion = rate.populations.get("numerator_exclusion")
            if numerator_exclusion is not None:
                steps.append(("numerator_exclusion", f"not: {fragment_name(numerator_exclusion)}", flags["numerator"] - flags["numerator_exclusion"]))
            previous = None
            for index, (population, rule, left) in enumerate(steps):
                rows.append((*key, index, population, rule, left, None if previous is None else previous - left))
                previous = left
    return pl.DataFrame(rows, schema=ATTRITION_SCHEMA, orient="row")


def _check(key: tuple[str, str], steps: list[tuple[str, str, int]], initial_population: int, denominator: int) -> None:
    """The attrition query and the member results count the same people, or the run stops."""
    last = {population: left for population, _, left in steps}
    expected = {"initial_population": initial_population, "denominator": denominator}
    for population, count in expected.items():
        if population in last and last[population] != count:
            raise EqmError(f"internal error: {key[0]}.{key[1]} attrition counts {last[population]} after the {population.replace('_', ' ')} rules, member results {count}")
