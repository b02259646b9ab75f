"""Member-level results to counts and rates per stratum.

For every measure, rate and stratifier, the strata partition the units: their counts add up to
the overall row (checked by `stratum_total_mismatches`). Unknown and Declined are ordinary,
visible strata; race/ethnicity and income bands list every category even when empty.
"""

from __future__ import annotations

import polars as pl

from engine.spec.models import CROSS, MeasureSpec
from engine.strata import DECLINED, DEFAULT_INCOME_BANDS, HEDIS_RACE, MULTIRACIAL, SOURCE_LABELS, SPD15_CATEGORIES, TWO_OR_MORE, UNKNOWN, IncomeBand

OVERALL = "overall"
COUNT_COLUMNS = (
    "initial_population",
    "denominator_population",
    "denominator_exclusions",
    "denominator_exceptions",
    "numerator_population",
    "numerator_exclusions",
    "exclusions",
    "denominator",
    "numerator",
)
RATE_SCHEMA = {
    "measure_id": pl.String,
    "rate_id": pl.String,
    "stratifier": pl.String,
    "stratum": pl.String,
    "overlapping": pl.Boolean,
    **{name: pl.Int64 for name in COUNT_COLUMNS},
    "rate": pl.Float64,
}
OVERLAPPING = "race_ethnicity_alone_or_in_combination"
STRATIFIER_COLUMNS = {"plan": "plan"}


def full_categories(bands: tuple[IncomeBand, ...] = DEFAULT_INCOME_BANDS) -> dict[str, list[str]]:
    """Categories always shown (in this order), so an empty Unknown or Declined is visible as zero."""
    hedis = list(dict.fromkeys(HEDIS_RACE.values()))
    return {
        "race_ethnicity": [*SPD15_CATEGORIES.values(), MULTIRACIAL, DECLINED, UNKNOWN],
        OVERLAPPING: [*SPD15_CATEGORIES.values(), DECLINED, UNKNOWN],
        "race": [*hedis, TWO_OR_MORE, DECLINED, UNKNOWN],
        "race_ethnicity_source": list(SOURCE_LABELS.values()),
        "income_band": [band.label for band in bands] + [UNKNOWN],
    }



def run_stratifiers(spec: MeasureSpec, uses_dyads: bool, race_scheme: str = "spd15", alone_or_in_combination: bool = False, override: tuple[str, ...] = ()) -> list[str]:
    """The stratifiers a run reports for a measure.

    `override` replaces the spec's list. The HEDIS scheme reports race and ethnicity as separate
    stratifiers (each also crossed with the data source, so self-reported and imputed data are
    separate) instead of the SPD-15 combined category. The alone-or-in-combination view adds the
    overlapping stratifier. Measures that use mother-child links add the dyad linkage.
    """
    names: list[str] = []
    for name in override or spec.stratifiers:
        if race_scheme == "hedis" and "race_ethnicity" in name.split(CROSS):
            names += [CROSS.join("race" if part == "race_ethnicity" else part for part in name.split(CROSS)),
                      CROSS.join("ethnicity" if part == "race_ethnicity" else part for part in name.split(CROSS))]
        else:
            names.append(name)
    if race_scheme == "hedis":
        names += ["race x race_ethnicity_source", "ethnicity x race_ethnicity_source"]
    if alone_or_in_combination:
        names.append(OVERLAPPING)
    if uses_dyads:
        names.append("dyad_link")
    return list(dict.fromkeys(names))


def _counts(frame: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    sums = {
        "initial_population": "initial_population",
        "denominator": "denominator_population",
        "denominator_exclusion": "denominator_exclusions",
        "denominator_exception": "denominator_exceptions",
        "numerator": "numerator_population",
        "numerator_exclusion": "numerator_exclusions",
    }
    counted = frame.group_by(keys).agg([pl.col(flag).sum().cast(pl.Int64).alias(name) for flag, name in sums.items()])
    return counted.with_columns(
        (pl.col("denominator_exclusions") + pl.col("denominator_exceptions")).alias("exclusions"),
        (pl.col("denominator_population") - pl.col("denominator_exclusions") - pl.col("denominator_exceptions")).alias("denominator"),
        (pl.col("numerator_population") - pl.col("numerator_exclusions")).alias("numerator"),
    )


def _with_rate(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.when(pl.col("denominator") > 0).then(pl.col("numerator") / pl.col("denominator")).otherwise(None).alias("rate")
    )


def stratify(member_results: pl.LazyFrame | pl.DataFrame, specs: list[MeasureSpec], stratifiers: dict[str, list[str]] | None = None,
             bands: tuple[IncomeBand, ...] = DEFAULT_INCOME_BANDS) -> pl.DataFrame:
    """Counts and rates per measure, rate, stratifier and stratum (overall first).

    `stratifiers` gives each measure's list for this run (see `run_stratifiers`; default: the
    spec's). In the overlapping alone-or-in-combination view a unit counts once in each group
    it selected; those rows are marked `overlapping` and never summed.

    Every count is one lazy query, collected at the end with the streaming engine: member
    results are read from their files by column, never held whole."""
    categories = full_categories(bands)
    frames = []
    for spec in specs:
        results = member_results.lazy().filter(pl.col("measure_id") == spec.id)
        rate_ids = [rate.id for rate in spec.rates]
        for order, stratifier in enumerate([OVERALL, *(stratifiers or {}).get(spec.id, spec.stratifiers)]):
            parts = [] if stratifier == OVERALL else stratifier.split(CROSS)
            keys = ["measure_id", "rate_id", *[STRATIFIER_COLUMNS.get(part, part) for part in parts]]
            source = results
            if OVERLAPPING in parts:
                source = results.with_columns(pl.col(OVERLAPPING).str.split("|")).explode(OVERLAPPING)
            counted = _counts(source, keys)
            if len(parts) == 1 and parts[0] in categories:
                counted = _complete(counted, spec.id, rate_ids, parts[0], categories)
            if stratifier == OVERALL:  # every rate has an overall row, even one nobody is in this period
                counted = _complete(counted, spec.id, rate_ids, None, categories)
            columns = [pl.col(STRATIFIER_COLUMNS.get(part, part)).fill_null(UNKNOWN) for part in parts]
            stratum = pl.concat_str(columns, separator=" | ") if parts else pl.lit(OVERALL)
            rank = sum((category_rank(part, column, categories) * 10_000 ** (len(parts) - 1 - index) for index, (part, column) in enumerate(zip(parts, columns, strict=True))), pl.lit(0))
            frames.append(counted.with_columns(pl.lit(stratifier).alias("stratifier"), stratum.alias("stratum"), pl.lit(order).alias("__order"), rank.alias("__stratum"),
                                               pl.lit(OVERLAPPING in parts).alias("overlapping")))
    if not frames:
        return pl.DataFrame(schema=RATE_SCHEMA)
    counted_frames = pl.collect_all(frames, engine="streaming")
    combined = pl.concat([frame.select("measure_id", "rate_id", "stratifier", "stratum", "overlapping", "__order", pl.col("__stratum").cast(pl.Int64), *COUNT_COLUMNS) for frame in counted_frames])
    rate_order = pl.DataFrame(
        [(spec.id, rate.id, index) for spec in specs for index, rate in enumerate(spec.rates)], schema={"measure_id": pl.String, "rate_id": pl.String, "__rate": pl.Int64}, orient="row"
    )
    combined = combined.join(rate_order, on=["measure_id", "rate_id"], how="left")
    return _with_rate(combined.sort("measure_id", "__rate", "__order", "__stratum", "stratum").drop("__order", "__rate", "__stratum")).select(list(RATE_SCHEMA))


def category_rank(stratifier: str, value: pl.Expr, categories: dict[str, list[str]]) -> pl.Expr:
    """Reading order within a stratifier: known categories in order (income low to high), then the
    rest (sorted by name afterwards), with Unknown and Declined last."""
    last = pl.when(value.is_in([UNKNOWN, DECLINED])).then(pl.lit(1000)).otherwise(pl.lit(500))
    if stratifier not in categories:
        return last
    order = {label: index for index, label in enumerate(categories[stratifier])}
    return value.replace_strict(order, default=500, return_dtype=pl.Int64)


def _complete(counted: pl.LazyFrame, measure_id: str, rate_ids: list[str], column: str | None, all_categories: dict[str, list[str]]) -> pl.LazyFrame:
    """Add zero rows for categories nobody fell into, so every category is shown."""
    categories = all_categories[column] if column else [None]
    grid = pl.DataFrame({"measure_id": measure_id, "rate_id": rate_ids}).join(
        pl.DataFrame({column or "__none": categories}, schema={column or "__none": pl.String}), how="cross"
    )
    if column is None:
        grid = grid.drop("__none")
    keys = ["measure_id", "rate_id"] + ([column] if column else [])
    return grid.lazy().join(counted, on=keys, how="left").with_columns([pl.col(name).fill_null(0).cast(pl.Int64) for name in COUNT_COLUMNS])


def stratum_total_mismatches(rates: pl.DataFrame) -> pl.DataFrame:
    """Rows where a stratifier's strata do not add up to the overall counts (should be empty).
    Overlapping strata are not meant to add up and are left out."""
    rates = rates.filter(~pl.col("overlapping"))
    overall = rates.filter(pl.col("stratifier") == OVERALL).select("measure_id", "rate_id", *[pl.col(name).alias(f"overall_{name}") for name in COUNT_COLUMNS])
    sums = rates.filter(pl.col("stratifier") != OVERALL).group_by("measure_id", "rate_id", "stratifier").agg([pl.col(name).sum() for name in COUNT_COLUMNS])
    joined = sums.join(overall, on=["measure_id", "rate_id"], how="left")
    differs = pl.any_horizontal([pl.col(name) != pl.col(f"overall_{name}") for name in COUNT_COLUMNS])
    return joined.filter(differs)
