"""Gap lists: who is in a rate's denominator but not its numerator, what is missing and by when.

Internal only: a gap list names members, so a public run never writes one. Its rows are
exactly the denominator minus the numerator minus exclusions and exceptions (the rows the
compiled rate marks with a `gap`), with the member's plan, strata and last visit, so outreach
can go to the groups that are behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import polars as pl

GAP_COLUMNS = (
    "measure_id", "rate_id", "member_id", "event_id", "event_date", "anchor_date",
    "gap", "gap_due_date", "plan", "program",
    "last_visit_date", "last_visit_provider_npi", "last_visit_provider_type",
    "age_years", "age_band", "sex", "race_ethnicity", "race_ethnicity_source", "income_band", "county", "preferred_language", "dyad_link",
)
LAST_VISIT_SCHEMA = {"member_id": pl.String, "last_visit_date": pl.Date, "last_visit_provider_npi": pl.String, "last_visit_provider_type": pl.String}


def gap_lists(member_results: Mapping[tuple[str, str], pl.LazyFrame], last_visits: pl.DataFrame) -> Iterator[tuple[str, pl.DataFrame]]:
    """Each rate's gap rows from its member results, soonest due first, with the measure they belong to.

    A rate at a time, so memory holds one rate's gaps (millions of rows at millions of members).
    Given the rates by measure and rate id, the rows come in the order of a whole measure's list
    sorted by measure, rate, due date, plan and member; every rate yields, even with no gaps.
    """
    visits = last_visits.lazy().select([pl.col(name).cast(dtype) for name, dtype in LAST_VISIT_SCHEMA.items()])
    for (measure_id, _), results in member_results.items():
        yield measure_id, (
            results.filter(pl.col("gap").is_not_null())
            .join(visits, on="member_id", how="left")
            .select(GAP_COLUMNS)
            .sort("gap_due_date", "plan", "member_id", "event_id", nulls_last=True)
            .collect(engine="streaming")
        )
