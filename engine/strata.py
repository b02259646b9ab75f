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
# HEDIS race (1997 OMB categories reported separately from ethnicity). Under the 1997 standard,
# Middle Eastern or North African people were classified as White.
HEDIS_RACE = {
    "AIAN": "American Indian or Alaska Native",
    "ASIAN": "Asian",
    "BLACK": "Black or African American",
    "MENA": "White",
    "NHPI": "Native Hawaiian or Other Pacific Islander",
    "WHITE": "White",
}
TWO_OR_MORE = "Two or More Races"
SOURCE_LABELS = {"SELF_REPORTED": "Self-reported", "IMPUTED": "Imputed", "UNKNOWN": UNKNOWN}
ETHNICITY_LABELS = {"HISPANIC": "Hispanic or Latino", "NOT_HISPANIC": "Not Hispanic or Latino", "DECLINED": DECLINED, "UNKNOWN": UNKNOWN}
SEX_LABELS = {"F": "Female", "M": "Male", "X": "Another sex", "U": UNKNOWN}


@dataclass(frozen=True)
class IncomeBand:
    label: str
    upper_percent: float | None  # inclusive; None for the open top band


def income_bands(upper_bounds: tuple[int, ...]) -> tuple[IncomeBand, ...]:
    """Bands from whole-percent upper bounds, each inclusive: (100, 138) gives 0-100%, 101-138%, Over 138%.

    >>> [band.label for band in income_bands((100, 138, 200, 300))]
    ['0-100%', '101-138%', '139-200%', '201-300%', 'Over 300%']
    """
    if list(upper_bounds) != sorted(set(upper_bounds)) or not upper_bounds or upper_bounds[0] < 0:
        raise UsageError(f"income band bounds must be increasing whole percents, got {', '.join(map(str, upper_bounds))}")
    lowers = (0, *(bound + 1 for bound in upper_bounds[:-1]))
    bands = [IncomeBand(f"{low}-{high}%", high) for low, high in zip(lowers, upper_bounds, strict=True)]
    return (*bands, IncomeBand(f"Over {upper_bounds[-1]}%", None))


# Upper bounds are inclusive: 138.0% is in 101-138%, 138.1% in 139-200%.
DEFAULT_INCOME_BOUNDS = (100, 138, 200, 300)
DEFAULT_INCOME_BANDS = income_bands(DEFAULT_INCOME_BOUNDS)


@dataclass(frozen=True)
class GroupOptions:
    """How a run defines its groups (documented in the README)."""

    income_bounds: tuple[int, ...] = DEFAULT_INCOME_BOUNDS
    forbid_imputed: bool = False  # Oregon REALD: never fill in race or ethnicity
    race_scheme: str = "spd15"  # or "hedis": race and ethnicity as separate stratifiers
    alone_or_in_combination: bool = False  # add the overlapping SPD-15 view
    stratifiers: tuple[str, ...] = ()  # replaces every measure's list when given

    def __post_init__(self) -> None:
        income_bands(self.income_bounds)  # raises a UsageError for bad bounds before any work
        if self.race_scheme not in ("spd15", "hedis"):
            raise UsageError(f"unknown race scheme '{self.race_scheme}' (spd15 or hedis)")

    @property
    def bands(self) -> tuple[IncomeBand, ...]:
        return income_bands(self.income_bounds)


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


def fpl_tenths(members: pl.DataFrame, guideline_year: int) -> pl.Series:
    """Percent of the poverty guideline in tenths of a percent, rounded up (Int64; null when unknown).

    A given `fpl_percent` wins; otherwise household income over the guideline for the household's
    size and state. Computed in integers (income in cents, the guideline in whole dollars), never in
    floating point: 138% of Hawaii's 2025 guideline for 7 people is $77,238.60 of $55,970, which a
    float division puts at 138.00000000000003% and in the 139-200% band. 138% is the Medicaid
    eligibility line. Rounding up to the next tenth keeps the shown percent in its band: every band's
    upper bound is a whole percent and inclusive, so a percent is at most a bound exactly when its
    tenths rounded up are (138.01% shows as 138.1%, above 138, and is banded 139-200%).
    """
    guidelines = poverty_guidelines().filter(pl.col("year") == guideline_year)
    if guidelines.is_empty():
        raise UsageError(
            f"no HHS poverty guideline for {guideline_year} in engine/data/hhs_poverty_guidelines.csv "
            f"(have {', '.join(map(str, poverty_guideline_years()))}); add the year's published values or pass --poverty-guideline-year"
        )
    joined = members.with_columns(guideline_region(pl.col("state").fill_null("")).alias("region")).join(
        guidelines.select("region", "first_person", "each_additional"), on="region", how="left"
    )
    guideline_dollars = pl.col("first_person").cast(pl.Int64) + (pl.col("household_size") - 1) * pl.col("each_additional").cast(pl.Int64)
    income_cents = (pl.col("household_income") * 100).round(0).cast(pl.Int64)
    # percent = 100 * income / guideline, so tenths = 1000 * income_cents / (100 * guideline_dollars);
    # a ceiling division of integers (the operands are never negative: validation sees to that).
    numerator, denominator = income_cents * 10, guideline_dollars
    computed = (numerator + denominator - 1) // denominator
    # A given percent is a decimal written in text or a float: rounded to a millionth first, so 138.1
    # (1381.0000000000002 tenths as a float) is 1381 tenths, not 1382.
    given = (pl.col("fpl_percent") * 10).round(6).ceil().cast(pl.Int64)
    return joined.select(pl.coalesce(given, computed).alias("fpl_tenths"))["fpl_tenths"]


def income_band(tenths: pl.Expr, bands: tuple[IncomeBand, ...] = DEFAULT_INCOME_BANDS) -> pl.Expr:
    """The band of a percent of poverty given in tenths (fpl_tenths): compared in integers."""
    expression = pl.when(tenths.is_null()).then(pl.lit(UNKNOWN))
    for band in bands:
        if band.upper_percent is None:
            expression = expression.otherwise(pl.lit(band.label))
        else:
            expression = expression.when(tenths <= round(band.upper_percent * 10)).then(pl.lit(band.label))
    return expression


def selected_categories(race: pl.Expr, ethnicity: pl.Expr) -> pl.Expr:
    """The SPD-15 categories a member selected (race codes plus Hispanic or Latino), as codes."""
    codes = race.fill_null("UNKNOWN").str.split("|").list.eval(pl.element().str.strip_chars())
    return codes.list.set_intersection(pl.lit([code for code in SPD15_CATEGORIES if code != "HISPANIC"])).list.concat(
        pl.when(ethnicity == "HISPANIC").then(pl.lit(["HISPANIC"])).otherwise(pl.lit([], dtype=pl.List(pl.String)))
    ).list.unique().list.sort()


def _declined(race: pl.Expr, ethnicity: pl.Expr) -> pl.Expr:
    return race.fill_null("UNKNOWN").str.split("|").list.eval(pl.element().str.strip_chars()).list.contains("DECLINED") | (ethnicity == "DECLINED")


def alone_or_in_combination(race: pl.Expr, ethnicity: pl.Expr) -> pl.Expr:
    """Every SPD-15 category the member selected, '|'-joined (overlapping groups); else Declined or Unknown."""
    selected = selected_categories(race, ethnicity)
    names = selected.list.eval(pl.element().replace_strict(SPD15_CATEGORIES, default=UNKNOWN, return_dtype=pl.String)).list.join("|")
    return pl.when(selected.list.len() > 0).then(names).when(_declined(race, ethnicity)).then(pl.lit(DECLINED)).otherwise(pl.lit(UNKNOWN))


def hedis_race(race: pl.Expr) -> pl.Expr:
    """Race alone (HEDIS, 1997 OMB): one category, Two or More Races, Declined (asked but no answer) or Unknown."""
    codes = race.fill_null("UNKNOWN").str.split("|").list.eval(pl.element().str.strip_chars())
    named = codes.list.eval(pl.element().replace_strict(HEDIS_RACE, default=None, return_dtype=pl.String)).list.drop_nulls().list.unique()
    return (
        pl.when(named.list.len() >= 2).then(pl.lit(TWO_OR_MORE))
        .when(named.list.len() == 1).then(named.list.first())
        .when(codes.list.contains("DECLINED")).then(pl.lit(DECLINED))
        .otherwise(pl.lit(UNKNOWN))
    )


def race_ethnicity(race: pl.Expr, ethnicity: pl.Expr) -> pl.Expr:
    """SPD-15 combined category: one selected category alone, two or more Multiracial and/or Multiethnic.

    Hispanic or Latino counts as a selected category (the 2024 standard asks one combined
    question). Nothing selected: Declined if the member declined, otherwise Unknown.
    """
    selected = selected_categories(race, ethnicity)
    single = selected.list.first().replace_strict(SPD15_CATEGORIES, default=UNKNOWN, return_dtype=pl.String)
    return (
        pl.when(selected.list.len() >= 2).then(pl.lit(MULTIRACIAL))
        .when(selected.list.len() == 1).then(single)
        .when(_declined(race, ethnicity)).then(pl.lit(DECLINED))
        .otherwise(pl.lit(UNKNOWN))
    )


def member_strata(members: pl.DataFrame, guideline_year: int, options: GroupOptions | None = None) -> pl.DataFrame:
    """One row per member with each stratifier's value; every member gets a value (Unknown at worst).

    With `forbid_imputed`, race and ethnicity from an imputed source are not used: those members
    are Unknown, as Oregon's REALD rules require ("never fill in demographic information")."""
    options = options or GroupOptions()
    frame = members.with_columns(fpl_tenths(members, guideline_year).alias("fpl_tenths"))
    if options.forbid_imputed:
        imputed = pl.col("race_ethnicity_source") == "IMPUTED"
        frame = frame.with_columns(
            pl.when(imputed).then(pl.lit("UNKNOWN")).otherwise(pl.col("race")).alias("race"),
            pl.when(imputed).then(pl.lit("UNKNOWN")).otherwise(pl.col("ethnicity")).alias("ethnicity"),
        )
    # Race and ethnicity take a handful of distinct pairs; their list work is done once per pair,
    # not per member (a million members: 6.4 s and 0.6 GB of working memory to a fraction of a second).
    pairs = frame.select("race", "ethnicity").unique()
    groups = pairs.with_columns(
        race_ethnicity(pl.col("race"), pl.col("ethnicity")).alias("race_ethnicity"),
        alone_or_in_combination(pl.col("race"), pl.col("ethnicity")).alias("race_ethnicity_alone_or_in_combination"),
        hedis_race(pl.col("race")).alias("hedis_race"),
    )
    return frame.join(groups, on=["race", "ethnicity"], how="left", nulls_equal=True, maintain_order="left").select(
        "member_id",
        "race_ethnicity",
        "race_ethnicity_alone_or_in_combination",
        pl.col("hedis_race").alias("race"),
        pl.col("ethnicity").replace_strict(ETHNICITY_LABELS, default=UNKNOWN).alias("ethnicity"),
        pl.col("race_ethnicity_source").replace_strict(SOURCE_LABELS, default=UNKNOWN).alias("race_ethnicity_source"),
        (pl.col("fpl_tenths") / 10).alias("fpl_percent"),
        income_band(pl.col("fpl_tenths"), options.bands).alias("income_band"),
        pl.col("sex").replace_strict(SEX_LABELS, default=UNKNOWN).alias("sex"),
        pl.col("county").fill_null(UNKNOWN).alias("county"),
        pl.col("preferred_language").fill_null(UNKNOWN).alias("preferred_language"),
    )
