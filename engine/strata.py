"""Member attributes that stratify results: race/ethnicity, ethnicity, income band, sex, county, language.

Attributes that depend on a date (plan, age band) are computed at each rate's anchor date
in the compiled SQL; these depend only on the member row and the poverty guideline year.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import polars as pl

from engine.errors import UsageError

UNKNOWN, DECLINED = "Unknown", "Declined"

# 2024 OMB SPD-15 minimum categories (combined question; Hispanic or Latino is one of the seven).
SPD15_CATEGORIES = {
    "AIAN": "American Indian or Alaska Native",
    "ASIAN": "Asian",
    "BLACK": "Black or African American",
    "HISPANIC": "Hispanic or Latino",
    "MENA": "Middle Eastern or North African",
    "NHPI": "Native Hawaiian or Pacific Islander",
    "WHITE": "White",
}
MULTIRACIAL = "Multiracial and/or Multiethnic"
ETHNICITY_LABELS = {"HISPANIC": "Hispanic or Latino", "NOT_HISPANIC": "Not Hispanic or Latino", "DECLINED": DECLINED, "UNKNOWN": UNKNOWN}
SEX_LABELS = {"F": "Female", "M": "Male", "X": "Another sex", "U": UNKNOWN}


@dataclass(frozen=True)
class IncomeBand:
    label: str
    upper_percent: float | None  # inclusive; None for the open top band


# Upper bounds are inclusive: 138.0% is in 101-138%, 138.1% in 139-200%.
DEFAULT_INCOME_BANDS = (
    IncomeBand("0-100%", 100),
    IncomeBand("101-138%", 138),
    IncomeBand("139-200%", 200),
    IncomeBand("201-300%", 300),
    IncomeBand("Over 300%", None),
)


def poverty_guidelines() -> pl.DataFrame:
    """HHS poverty guidelines shipped with the engine (year, region, first_person, each_additional, source)."""
    with resources.files("engine").joinpath("data/hhs_poverty_guidelines.csv").open("rb") as handle:
        return pl.read_csv(handle)


def poverty_guideline_years() -> list[int]:
    return sorted(poverty_guidelines()["year"].unique().to_list())


def guideline_region(state: pl.Expr) -> pl.Expr:
    """Alaska and Hawaii have their own guidelines; the 48 contiguous states and DC share one."""
    upper = state.str.strip_chars().str.to_uppercase()
    return pl.when(upper == "AK").then(pl.lit("alaska")).when(upper == "HI").then(pl.lit("hawaii")).otherwise(pl.lit("contiguous"))


def fpl_percent(members: pl.DataFrame, guideline_year: int) -> pl.Series:
    """Percent of the poverty guideline: a given fpl_percent wins; else income / guideline(size, state, year)."""
    guidelines = poverty_guidelines().filter(pl.col("year") == guideline_year)
    if guidelines.is_empty():
        raise UsageError(
            f"no HHS poverty guideline for {guideline_year} in engine/data/hhs_poverty_guidelines.csv "
            f"(have {', '.join(map(str, poverty_guideline_years()))}); add the year's published values or pass --poverty-guideline-year"
        )
    joined = members.with_columns(guideline_region(pl.col("state").fill_null("")).alias("region")).join(
        guidelines.select("region", "first_person", "each_additional"), on="region", how="left"
    )
    guideline = pl.col("first_person") + (pl.col("household_size") - 1) * pl.col("each_additional")
    computed = 100.0 * pl.col("household_income") / guideline
    return joined.select(pl.coalesce(pl.col("fpl_percent"), computed).alias("fpl_percent"))["fpl_percent"]


def income_band(percent: pl.Expr, bands: tuple[IncomeBand, ...] = DEFAULT_INCOME_BANDS) -> pl.Expr:
    expression = pl.when(percent.is_null()).then(pl.lit(UNKNOWN))
    for band in bands:
        expression = expression.when(percent <= band.upper_percent).then(pl.lit(band.label)) if band.upper_percent is not None else expression.otherwise(pl.lit(band.label))
    return expression


def race_ethnicity(race: pl.Expr, ethnicity: pl.Expr) -> pl.Expr:
    """SPD-15 combined category: one selected category alone, two or more Multiracial and/or Multiethnic.

    Hispanic or Latino counts as a selected category (the 2024 standard asks one combined
    question). Nothing selected: Declined if the member declined, otherwise Unknown.
    """
    codes = race.fill_null("UNKNOWN").str.split("|").list.eval(pl.element().str.strip_chars())
    selected = codes.list.set_intersection(pl.lit([code for code in SPD15_CATEGORIES if code != "HISPANIC"])).list.concat(
        pl.when(ethnicity == "HISPANIC").then(pl.lit(["HISPANIC"])).otherwise(pl.lit([], dtype=pl.List(pl.String)))
    ).list.unique()
    declined = codes.list.contains("DECLINED") | (ethnicity == "DECLINED")
    single = selected.list.first().replace_strict(SPD15_CATEGORIES, default=UNKNOWN, return_dtype=pl.String)
    return (
        pl.when(selected.list.len() >= 2).then(pl.lit(MULTIRACIAL))
        .when(selected.list.len() == 1).then(single)
        .when(declined).then(pl.lit(DECLINED))
        .otherwise(pl.lit(UNKNOWN))
    )


def member_strata(members: pl.DataFrame, guideline_year: int) -> pl.DataFrame:
    """One row per member with each stratifier's value; every member gets a value (Unknown at worst)."""
    percent = fpl_percent(members, guideline_year)
    return members.with_columns(percent.alias("fpl_percent")).select(
        "member_id",
        race_ethnicity(pl.col("race"), pl.col("ethnicity")).alias("race_ethnicity"),
        pl.col("ethnicity").replace_strict(ETHNICITY_LABELS, default=UNKNOWN).alias("ethnicity"),
        pl.col("race_ethnicity_source"),
        pl.col("fpl_percent").round(1),
        income_band(pl.col("fpl_percent")).alias("income_band"),
        pl.col("sex").replace_strict(SEX_LABELS, default=UNKNOWN).alias("sex"),
        pl.col("county").fill_null(UNKNOWN).alias("county"),
        pl.col("preferred_language").fill_null(UNKNOWN).alias("preferred_language"),
    )
