"""Group definitions per run: race/ethnicity schemes, REALD's no-imputation switch, income bands."""

from __future__ import annotations

import polars as pl
import pytest

from engine.errors import UsageError
from engine.spec.models import MeasureSpec
from engine.strata import GroupOptions, income_bands, member_strata
from engine.stratify import run_stratifiers, stratify, stratum_total_mismatches

MEMBERS = pl.DataFrame({
    "member_id": ["A", "B", "C", "D", "E", "F"],
    "race": ["WHITE", "WHITE|ASIAN", "MENA", "UNKNOWN", "BLACK", "DECLINED"],
    "ethnicity": ["NOT_HISPANIC", "HISPANIC", "NOT_HISPANIC", "HISPANIC", "NOT_HISPANIC", "DECLINED"],
    "race_ethnicity_source": ["SELF_REPORTED", "SELF_REPORTED", "IMPUTED", "SELF_REPORTED", "IMPUTED", "UNKNOWN"],
    "household_income": [None] * 6, "household_size": [None] * 6, "fpl_percent": [50.0, 120.0, 138.5, 200.0, 301.0, None],
    "state": ["OR"] * 6, "sex": ["F"] * 6, "county": [None] * 6, "preferred_language": [None] * 6,
}, schema_overrides={"household_income": pl.Float64, "household_size": pl.Int64, "county": pl.String, "preferred_language": pl.String})


def column(frame: pl.DataFrame, name: str) -> list:
    return frame.sort("member_id")[name].to_list()


def test_the_three_race_and_ethnicity_views() -> None:
    strata = member_strata(MEMBERS, 2025)
    assert column(strata, "race_ethnicity") == ["White", "Multiracial and/or Multiethnic", "Middle Eastern or North African", "Hispanic or Latino", "Black or African American", "Declined"]
    assert column(strata, "race_ethnicity_alone_or_in_combination")[1] == "Asian|Hispanic or Latino|White", "every selected category, overlapping"
    assert column(strata, "race") == ["White", "Two or More Races", "White", "Unknown", "Black or African American", "Declined"], "HEDIS: MENA is White under the 1997 standard; Hispanic is not a race"
    assert column(strata, "ethnicity")[3] == "Hispanic or Latino"
    assert column(strata, "race_ethnicity_source") == ["Self-reported", "Self-reported", "Imputed", "Self-reported", "Imputed", "Unknown"]


def test_forbidding_imputed_values_makes_them_unknown() -> None:
    strata = member_strata(MEMBERS, 2025, GroupOptions(forbid_imputed=True))
    assert column(strata, "race_ethnicity")[2] == "Unknown" and column(strata, "race_ethnicity")[4] == "Unknown"
    assert column(strata, "race")[2] == "Unknown" and column(strata, "ethnicity")[4] == "Unknown"
    assert column(strata, "race_ethnicity")[0] == "White", "self-reported values stay"


def test_configurable_income_bands() -> None:
    strata = member_strata(MEMBERS, 2025, GroupOptions(income_bounds=(100, 138, 300)))
    assert column(strata, "income_band") == ["0-100%", "101-138%", "139-300%", "139-300%", "Over 300%", "Unknown"], "138.5% is above the 138 bound"
    with pytest.raises(UsageError, match="increasing"):
        income_bands((200, 100))


def spec(stratifiers: list[str]) -> MeasureSpec:
    return MeasureSpec.model_validate({
        "id": "m", "title": "t", "version": "1", "steward": "s", "source": "s", "improvement": "increase", "stratifiers": stratifiers,
        "rates": [{"id": "r", "title": "t", "populations": {"initial_population": {"age": {"at": "period_end", "min": 0}}, "numerator": {"age": {"at": "period_end", "min": 1}}}}],
    })


def test_run_stratifiers_per_scheme() -> None:
    base = spec(["race_ethnicity", "income_band", "race_ethnicity x income_band"])
    assert run_stratifiers(base, False) == ["race_ethnicity", "income_band", "race_ethnicity x income_band"]
    assert run_stratifiers(base, True, "hedis", True) == [
        "race", "ethnicity", "income_band", "race x income_band", "ethnicity x income_band",
        "race x race_ethnicity_source", "ethnicity x race_ethnicity_source", "race_ethnicity_alone_or_in_combination", "dyad_link",
    ]
    assert run_stratifiers(base, False, override=("county", "sex x county")) == ["county", "sex x county"]


def test_overlapping_view_counts_each_selection_and_is_never_summed() -> None:
    strata = member_strata(MEMBERS, 2025)
    results = strata.with_columns(
        pl.lit("m").alias("measure_id"), pl.lit("r").alias("rate_id"), pl.lit(True).alias("initial_population"), pl.lit(True).alias("denominator"),
        pl.lit(False).alias("denominator_exclusion"), pl.lit(False).alias("denominator_exception"),
        (pl.col("member_id") != "A").alias("numerator"), pl.lit(False).alias("numerator_exclusion"), pl.lit("P1").alias("plan"),
    )
    the_spec = spec(["race_ethnicity"])
    rates = stratify(results, [the_spec], {"m": ["race_ethnicity", "race_ethnicity_alone_or_in_combination"]})
    view = {row["stratum"]: row for row in rates.filter(pl.col("stratifier") == "race_ethnicity_alone_or_in_combination").iter_rows(named=True)}
    assert view["White"]["denominator"] == 2 and view["Asian"]["denominator"] == 1 and view["Hispanic or Latino"]["denominator"] == 2
    assert all(row["overlapping"] for row in view.values())
    assert sum(row["denominator"] for row in view.values()) == 8, "8 memberships among 6 members"
    assert stratum_total_mismatches(rates).is_empty(), "the partitioned stratifier adds up; the overlapping one is not checked"
