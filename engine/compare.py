"""Stratum rates to comparisons and disparity summaries (uses the pure functions in `stats`).

For each measure, rate and stratifier, one group is the reference (configurable: the largest
group, the best-performing reliable group, everyone else, or a named group per stratifier).
In a crossed stratifier ("plan x race_ethnicity") each cell is compared within its level of the
leading factors: a plan's Black children with that plan's reference group, not another plan's.
Unknown and Declined are shown and compared but are never the reference. p-values are adjusted
within each measure and stratifier (across its rates). Reliability (a denominator under the
minimum) is a flag of its own, separate from privacy suppression.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from engine import stats
from engine.spec.models import CROSS, MeasureSpec
from engine.strata import DECLINED, UNKNOWN
from engine.strata import DEFAULT_INCOME_BANDS, IncomeBand
from engine.stratify import OVERALL, RATE_SCHEMA, full_categories

REFERENCE_METHODS = ("largest", "best", "rest")
EVERYONE_ELSE = "everyone else"
ORDERED_STRATIFIERS = ("income_band", "age_band")

COMPARISON_SCHEMA = {
    "rate_lower": pl.Float64,
    "rate_upper": pl.Float64,
    "reliable": pl.Boolean,
    "reference_group": pl.String,
    "reference_rate": pl.Float64,
    "difference": pl.Float64,
    "difference_lower": pl.Float64,
    "difference_upper": pl.Float64,
    "ratio": pl.Float64,
    "ratio_lower": pl.Float64,
    "ratio_upper": pl.Float64,
    "p_value": pl.Float64,
    "p_value_adjusted": pl.Float64,
    "comparison": pl.String,
    "statistics_notes": pl.String,
}
COMPARED_RATE_SCHEMA = {**RATE_SCHEMA, **COMPARISON_SCHEMA}

DISPARITY_SCHEMA = {
    "measure_id": pl.String,
    "rate_id": pl.String,
    "stratifier": pl.String,
    "ordering": pl.String,
    "groups_used": pl.Int64,
    "pooled_rate": pl.Float64,
    "reference_group": pl.String,
    "reference_rate": pl.Float64,
    "between_group_variance": pl.Float64,
    "index_of_disparity": pl.Float64,
    "theil_index": pl.Float64,
    "slope_index_of_inequality": pl.Float64,
    "relative_index_of_inequality": pl.Float64,
    "weights": pl.String,
    "notes": pl.String,
}


@dataclass(frozen=True)
class StatisticsOptions:
    interval: str = "wilson"
    reference: str = "largest"
    reference_groups: dict[str, str] = field(default_factory=dict)  # stratifier -> named reference group
    adjustment: str = "holm"
    min_denominator: int = 30
    alpha: float = 0.05


def is_known(stratum: str) -> bool:
    return not any(part in (UNKNOWN, DECLINED) for part in stratum.split(" | "))


def compared_group(stratum: str) -> str:
    """The part of a stratum that is compared: the last factor of a crossed stratum."""
    return stratum.split(" | ")[-1]


def comparison_level(row: dict[str, Any]) -> str:
    """The leading factors' level within which a crossed cell is compared ('' when not crossed)."""
    return " | ".join(row["stratum"].split(" | ")[:-1]) if CROSS in row["stratifier"] else ""


def named_reference(stratifier: str, options: StatisticsOptions) -> str | None:
    """A named reference applies to its stratifier and, within each level, to crosses ending in it."""
    return options.reference_groups.get(stratifier, options.reference_groups.get(stratifier.split(CROSS)[-1]))


def choose_reference(rows: list[dict[str, Any]], stratifier: str, improvement: str, options: StatisticsOptions) -> tuple[dict[str, Any] | None, str | None]:
    """The reference row among rows compared together (None for 'everyone else'), and a note."""
    candidates = [row for row in rows if is_known(compared_group(row["stratum"])) and row["denominator"] > 0]
    named = named_reference(stratifier, options)
    if named is not None:
        match = next((row for row in candidates if compared_group(row["stratum"]) == named), None)
        if match is not None:
            return match, None
        note = f"named reference '{named}' has no denominator here; used the largest group"
    else:
        note = None
        if options.reference == "rest":
            return None, None
    if not candidates:
        return None, "no known group with a denominator to use as the reference"
    if options.reference == "best" and named is None:
        reliable = [row for row in candidates if row["denominator"] >= options.min_denominator] or candidates
        best = max if improvement == "increase" else min
        return best(reliable, key=lambda row: (row["numerator"] / row["denominator"], row["denominator"])), note
    return max(candidates, key=lambda row: (row["denominator"], row["stratum"])), note


def compare(rates: pl.DataFrame, specs: list[MeasureSpec], options: StatisticsOptions | None = None) -> pl.DataFrame:
    """Add intervals, reliability, reference comparisons and adjusted p-values to every stratum row."""
    options = options or StatisticsOptions()
    improvement = {spec.id: spec.improvement for spec in specs}
    rows = rates.to_dicts()
    overall = {(row["measure_id"], row["rate_id"]): row for row in rows if row["stratifier"] == OVERALL}
    families: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    intervals = stats.rate_intervals([row["numerator"] for row in rows], [row["denominator"] for row in rows], options.interval, options.alpha)
    for row, interval in zip(rows, intervals, strict=True):
        notes: list[str] = []
        row.update(rate_lower=interval.lower, rate_upper=interval.upper, reliable=row["denominator"] >= options.min_denominator)
        if interval.reason:
            notes.append(interval.reason)
        if not row["reliable"]:
            notes.append(f"denominator under {options.min_denominator}: not reliable")
        row["_notes"] = notes
        if row["stratifier"] != OVERALL:
            families[(row["measure_id"], row["rate_id"], row["stratifier"], comparison_level(row))].append(row)
    pairs: list[tuple[dict[str, Any], int, int]] = []  # (row, reference numerator, reference denominator)
    for (measure_id, rate_id, stratifier, level), members in families.items():
        reference, note = choose_reference(members, stratifier, improvement[measure_id], options)
        # "Everyone else" is the rest of the overall row, or of the cell's level in a cross.
        everyone = overall[(measure_id, rate_id)] if not level else {name: sum(row[name] for row in members) for name in ("numerator", "denominator")}
        for row in members:
            pair = _reference_of(row, reference, everyone, note, options)
            if pair is not None:
                pairs.append((row, *pair))
    _compare_pairs(pairs, options.alpha)
    by_measure_stratifier: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["stratifier"] != OVERALL:
            by_measure_stratifier[(row["measure_id"], row["stratifier"])].append(row)
    for (measure_id, _), members in by_measure_stratifier.items():
        adjusted = stats.adjust([row.get("p_value") for row in members], options.adjustment)
        for row, value in zip(members, adjusted, strict=True):
            row["p_value_adjusted"] = value
            if row.get("comparison") != "reference":
                comparable = row["reference_group"] and row["denominator"] > 0
                row["comparison"] = stats.comparison_call(row["difference"], value, improvement[measure_id], options.alpha) if comparable else None
    for row in rows:
        row["statistics_notes"] = "; ".join(dict.fromkeys(row.pop("_notes"))) or None
        for name in COMPARISON_SCHEMA:
            row.setdefault(name, None)
    return pl.DataFrame(rows, schema=COMPARED_RATE_SCHEMA)


def _reference_of(row: dict[str, Any], reference: dict[str, Any] | None, everyone: dict[str, Any], note: str | None, options: StatisticsOptions) -> tuple[int, int] | None:
    """Set the row's reference group and rate; the reference counts when the row is compared with it."""
    if note:
        row["_notes"].append(note)
    if reference is None and options.reference == "rest" and named_reference(row["stratifier"], options) is None:
        reference_numerator, reference_denominator, name = everyone["numerator"] - row["numerator"], everyone["denominator"] - row["denominator"], EVERYONE_ELSE
    elif reference is None:
        row.update(reference_group=None, comparison=None)
        return None
    else:
        reference_numerator, reference_denominator, name = reference["numerator"], reference["denominator"], reference["stratum"]
    row["reference_group"] = name
    row["reference_rate"] = reference_numerator / reference_denominator if reference_denominator > 0 else None
    if reference is not None and row is reference:
        row.update(comparison="reference", p_value=None)
        return None
    return reference_numerator, reference_denominator


def _compare_pairs(pairs: list[tuple[dict[str, Any], int, int]], alpha: float) -> None:
    """Difference, ratio and p-value of each row against its reference (one statsmodels call each)."""
    numerators, denominators = [row["numerator"] for row, _, _ in pairs], [row["denominator"] for row, _, _ in pairs]
    reference_numerators, reference_denominators = [numerator for _, numerator, _ in pairs], [denominator for _, _, denominator in pairs]
    differences = stats.differences(numerators, denominators, reference_numerators, reference_denominators, alpha)
    p_values = stats.p_values(numerators, denominators, reference_numerators, reference_denominators)
    for (row, reference_numerator, reference_denominator), difference, p_value in zip(pairs, differences, p_values, strict=True):
        ratio = stats.ratio(row["numerator"], row["denominator"], reference_numerator, reference_denominator, alpha)
        row.update(
            difference=difference.value, difference_lower=difference.lower, difference_upper=difference.upper,
            ratio=ratio.value, ratio_lower=ratio.lower, ratio_upper=ratio.upper, p_value=p_value.value,
        )
        row["_notes"] += [reason for reason in (difference.reason, ratio.reason, p_value.reason) if reason]


def disparities(compared: pl.DataFrame, specs: list[MeasureSpec], income_bands: tuple[IncomeBand, ...] = DEFAULT_INCOME_BANDS) -> pl.DataFrame:
    """Summary indices per measure, rate and (single, non-overlapping) stratifier over known groups
    with a denominator; the indices assume the groups partition the population."""
    records = []
    bands = {spec.id: [band.label for band in spec.age_bands] for spec in specs}
    categories = full_categories(income_bands)
    partitions = compared.filter((pl.col("stratifier") != OVERALL) & ~pl.col("overlapping"))
    for (measure_id, rate_id, stratifier), frame in partitions.group_by("measure_id", "rate_id", "stratifier", maintain_order=True):
        if CROSS in stratifier:
            continue
        ordered = stratifier in ORDERED_STRATIFIERS
        used = [row for row in frame.to_dicts() if is_known(row["stratum"]) and row["denominator"] > 0]
        if ordered:
            order = categories.get(stratifier) or bands[measure_id]
            used.sort(key=lambda row: order.index(row["stratum"]) if row["stratum"] in order else len(order))
        rates = [row["numerator"] / row["denominator"] for row in used]
        denominators = [row["denominator"] for row in used]
        pooled = stats.pooled_rate([row["numerator"] for row in used], denominators)
        reference_rows = [row for row in frame.to_dicts() if row["comparison"] == "reference"]
        reference_group = reference_rows[0]["stratum"] if reference_rows else None
        reference_rate = reference_rows[0]["reference_rate"] if reference_rows else pooled
        notes = [] if reference_rows else ["index of disparity uses the pooled rate as the reference"]
        record: dict[str, Any] = {
            "measure_id": measure_id, "rate_id": rate_id, "stratifier": stratifier, "ordering": "ordered" if ordered else "unordered",
            "groups_used": len(used), "pooled_rate": pooled, "reference_group": reference_group or ("pooled rate" if pooled is not None else None),
            "reference_rate": reference_rate,
            "weights": "; ".join(f"{row['stratum']}={row['denominator'] / sum(denominators):.4f}" for row in used) or None,
        }
        if ordered:
            sii, rii = stats.slope_and_relative_index(rates, denominators)
            record.update(slope_index_of_inequality=sii.value, relative_index_of_inequality=rii.value)
            notes += [reason for reason in (sii.reason, rii.reason) if reason]
        else:
            indices = {
                "between_group_variance": stats.between_group_variance(rates, denominators),
                "index_of_disparity": stats.index_of_disparity(rates, reference_rate),
                "theil_index": stats.theil_index(rates, denominators),
            }
            record.update({name: index.value for name, index in indices.items()})
            notes += [f"{name}: {index.reason}" for name, index in indices.items() if index.reason]
        record["notes"] = "; ".join(dict.fromkeys(notes)) or None
        records.append(record)
    return pl.DataFrame(records, schema=DISPARITY_SCHEMA)
