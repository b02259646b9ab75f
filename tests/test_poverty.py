"""Percent of the federal poverty level and income bands against published HHS guideline values."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from ruamel.yaml import YAML

from engine.errors import UsageError
from engine.strata import member_strata

CASES = YAML(typ="safe").load((Path(__file__).parent / "cases" / "poverty.yaml").read_text())


def member(case: dict) -> pl.DataFrame:
    return pl.DataFrame({
        "member_id": ["M"], "race": ["WHITE"], "ethnicity": ["NOT_HISPANIC"], "race_ethnicity_source": ["SELF_REPORTED"],
        "household_income": [case.get("household_income")], "household_size": [case.get("household_size")],
        "fpl_percent": [case.get("fpl_percent")], "state": [case["state"]], "sex": ["F"], "county": [None], "preferred_language": [None],
    }, schema_overrides={"household_income": pl.Float64, "household_size": pl.Int64, "fpl_percent": pl.Float64, "county": pl.String, "preferred_language": pl.String})


@pytest.mark.parametrize("case", CASES, ids=[f"{case['year']}-{case['state']}-{index}" for index, case in enumerate(CASES)])
def test_poverty_level(case: dict) -> None:
    row = member_strata(member(case), case["year"]).row(0, named=True)
    assert row["fpl_percent"] == case["percent"], case["why"]
    assert row["income_band"] == case["band"], case["why"]


def test_a_year_without_guidelines_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="no HHS poverty guideline for 2019"):
        member_strata(member(CASES[0]), 2019)
