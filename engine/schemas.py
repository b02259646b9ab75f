"""JSON Schemas of the contracts, generated from the code: the measure spec language, every
input extract, and the result tables. `specs/` holds the generated files; a test fails if they drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl

from engine.contract import EXTRACTS, Extract
from engine.attrition import ATTRITION_SCHEMA
from engine.gaps import GAP_COLUMNS, LAST_VISIT_SCHEMA
from engine.period import PERIOD_SCHEMA
from engine.run import MEMBER_RESULT_SCHEMA
from engine.spec.models import MeasureSpec
from engine.compare import COMPARED_RATE_SCHEMA, DISPARITY_SCHEMA
from engine.spec.benchmarks import BenchmarksFile
from engine.targets import EQUITY_SCHEMA, ROLL_UP_SCHEMA, TARGET_SCHEMA

JSON_TYPES = {pl.String: "string", pl.Date: "string", pl.Int64: "integer", pl.Float64: "number", pl.Boolean: "boolean"}
CONTRACT_TYPES = {"string": {"type": "string"}, "date": {"type": "string", "format": "date"}, "integer": {"type": "integer"}, "number": {"type": "number"}, "boolean": {"type": "boolean"}}

PERIOD_DESCRIPTION = {"period": "The measurement period (a year, or start..end): a run may compute several."}
MEMBER_RESULT_DESCRIPTIONS = PERIOD_DESCRIPTION | {
    "measure_id": "Measure id (the spec file name).",
    "rate_id": "Rate id within the measure.",
    "member_id": "Member identifier.",
    "event_id": "For event-unit measures, the event (its date); empty for member-unit measures.",
    "event_date": "For event-unit measures, the event's date.",
    "anchor_date": "The rate's anchor date for this unit (age, plan and strata are taken on it).",
    "initial_population": "In the initial population (every row is).",
    "denominator": "In the denominator.",
    "denominator_exclusion": "In the denominator and excluded.",
    "denominator_exception": "In the denominator, not excluded, not in the numerator, and meets an exception.",
    "numerator": "In the denominator, not excluded, and meets the numerator.",
    "numerator_exclusion": "In the numerator and meets a numerator exclusion.",
    "exclusion_reason": "Which exclusion, exception or numerator exclusion applied.",
    "not_met_reason": "Why the unit is not in the denominator, or not in the numerator.",
    "evidence_date": "Latest qualifying event date for the numerator.",
    "evidence_sources": "For numerator criteria that read several sources (claims, immunization records): which recorded the events found, per criterion.",
    "gap": "For a unit in the denominator but not the numerator (nor excluded): what is missing and by when.",
    "gap_due_date": "The last day on which the gap can still be closed (the earliest deadline among what is missing).",
    "plan": "Plan attributed on the anchor date (medical enrollment span covering it, else the latest before it).",
    "program": "Program of that span.",
    "age_years": "Completed years of age on the anchor date.",
    "age_band": "The measure's age band on the anchor date.",
    "dyad_link": "Linked mother (the member is a child with a mother in dyads), Linked child, or No link.",
    "race_ethnicity": "2024 OMB SPD-15 combined category (of the linked mother when the measure stratifies by the mother).",
    "race_ethnicity_alone_or_in_combination": "Every SPD-15 category the member selected, '|'-joined (the alone-or-in-combination view); else Declined or Unknown.",
    "race": "Race alone, HEDIS style (1997 OMB categories, Two or More Races, Declined, Unknown).",
    "ethnicity": "Hispanic or Latino ethnicity.",
    "race_ethnicity_source": "Self-reported, Imputed or Unknown.",
    "fpl_percent": "Household income as a percent of the HHS poverty guideline, computed exactly and rounded up to the next tenth (so that it agrees with income_band).",
    "income_band": "Income band of fpl_percent.",
    "sex": "Sex.",
    "county": "County.",
    "preferred_language": "Preferred language.",
}
RATE_DESCRIPTIONS = PERIOD_DESCRIPTION | {
    "measure_id": "Measure id.",
    "rate_id": "Rate id.",
    "stratifier": "overall, a stratifier, or two crossed with ' x '.",
    "stratum": "The group ('overall' for the overall row; crossed groups joined with ' | ').",
    "overlapping": "The stratifier's groups overlap (alone or in combination): a member counts in each group selected, so they do not add up.",
    "initial_population": "Units in the initial population.",
    "denominator_population": "Units in the denominator before exclusions and exceptions.",
    "denominator_exclusions": "Denominator exclusions.",
    "denominator_exceptions": "Denominator exceptions.",
    "numerator_population": "Units in the numerator before numerator exclusions.",
    "numerator_exclusions": "Numerator exclusions.",
    "exclusions": "denominator_exclusions + denominator_exceptions: units taken out of the denominator.",
    "denominator": "denominator_population - denominator_exclusions - denominator_exceptions.",
    "numerator": "numerator_population - numerator_exclusions.",
    "rate": "numerator / denominator; empty when the denominator is 0.",
    "rate_lower": "Lower end of the rate's 95% interval (Wilson, or Clopper-Pearson with --interval).",
    "rate_upper": "Upper end of the rate's 95% interval.",
    "reliable": "The denominator is at least --min-denominator (default 30). Separate from privacy suppression.",
    "reference_group": "The group this stratum is compared with (largest, best, everyone else, or named).",
    "reference_rate": "The reference group's rate.",
    "difference": "rate - reference_rate.",
    "difference_lower": "Lower end of Newcombe's hybrid score interval for the difference.",
    "difference_upper": "Upper end of Newcombe's hybrid score interval for the difference.",
    "ratio": "rate / reference_rate; empty when the reference rate is 0.",
    "ratio_lower": "Lower end of the log (Katz) interval for the ratio.",
    "ratio_upper": "Upper end of the log (Katz) interval for the ratio.",
    "p_value": "Two-sided score test of equal rates.",
    "p_value_adjusted": "p_value adjusted (Holm or Benjamini-Hochberg) within the measure and stratifier.",
    "comparison": "better, worse or no difference than the reference (adjusted p below 0.05, in the measure's improvement direction); 'reference' for the reference group.",
    "statistics_notes": "Why a statistic is undefined, and reliability notes.",
    "would_be_suppressed": "Internal runs: a public run would suppress a count in this row (or does not publish the row).",
    "numerator_suppressed": "Public runs: the numerator is suppressed (and so the rate and comparisons).",
    "denominator_suppressed": "Public runs: the denominator is suppressed.",
    "exclusions_suppressed": "Public runs: the exclusions count is suppressed.",
}
DISPARITY_DESCRIPTIONS = PERIOD_DESCRIPTION | {
    "measure_id": "Measure id.",
    "rate_id": "Rate id.",
    "stratifier": "A single stratifier.",
    "ordering": "ordered (income and age bands) or unordered (race/ethnicity, plan, ...).",
    "groups_used": "Groups included: known groups with a denominator (Unknown and Declined are left out).",
    "pooled_rate": "The weighted mean rate of the groups used.",
    "reference_group": "The reference group (or the pooled rate when the reference is everyone else).",
    "reference_rate": "Its rate, used by the index of disparity.",
    "between_group_variance": "Sum of w_j (p_j - pooled)^2 (unordered groups).",
    "index_of_disparity": "100 x mean |p_j - reference| / reference (unordered groups).",
    "theil_index": "Sum of w_j (p_j / pooled) ln(p_j / pooled) (unordered groups).",
    "slope_index_of_inequality": "Slope of rate on ridit, weighted (ordered groups, lowest first).",
    "relative_index_of_inequality": "Predicted rate at the top / at the bottom of the order (ordered groups).",
    "weights": "The population weights used: group=share; ...",
    "notes": "Why an index is undefined.",
}


def extract_schema(extract: Extract) -> dict[str, Any]:
    properties = {}
    for column in extract.columns:
        prop: dict[str, Any] = dict(CONTRACT_TYPES[column.type])
        prop["description"] = column.description
        if column.allowed:
            prop["enum"] = list(column.allowed)
            if column.multi:
                prop.pop("enum")
                prop["pattern"] = "^(" + "|".join(column.allowed) + r")(\|(" + "|".join(column.allowed) + "))*$"
        if not column.required:
            prop["type"] = [prop["type"], "null"]
        properties[column.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"eqm input extract: {extract.name}",
        "description": f"{extract.description} One row per record; a file named {extract.name}.csv or {extract.name}.parquet. Duplicate key: {', '.join(extract.key)}.",
        "type": "object",
        "properties": properties,
        "required": [column.name for column in extract.columns],
        "additionalProperties": True,
    }


ATTRITION_DESCRIPTIONS = PERIOD_DESCRIPTION | {
    "measure_id": "Measure id.", "rate_id": "Rate id.", "step": "Order of the rule (0: every unit the rate considers).",
    "population": "units, or the population the rule belongs to (initial_population, denominator, denominator_exclusion, ...).",
    "rule": "The rule in plain English (its label in the spec).", "remaining": "Units left after this rule and every rule before it.",
    "removed": "Units this rule removed (empty for step 0).",
}
GAP_DESCRIPTIONS = {
    "last_visit_date": "Date of the member's latest paid or adjusted claim with a provider, on or before the period's end.",
    "last_visit_provider_npi": "That claim's rendering provider NPI.", "last_visit_provider_type": "That claim's provider type.",
}
UNIT_DESCRIPTIONS = {
    "measure_id": "Measure id.", "rate_id": "Rate id within the measure.", "level": "state, or plan.", "plan": "The plan (empty for the state).",
    "denominator": "The unit's published denominator (empty when suppressed).", "rate": "The rate, in percent (empty when suppressed or no denominator).",
}
TARGET_DESCRIPTIONS = UNIT_DESCRIPTIONS | {
    "benchmark": "The benchmark, in percent.", "benchmark_source": "Where the benchmark comes from.", "baseline_rate": "The unit's rate in the baseline run, in percent.",
    "target": "The improvement target, in percent (rounded half up).", "met_benchmark": "The rate reaches the benchmark.", "met_target": "The rate reaches the improvement target.",
    "met_when": "What counts as met (benchmark, target, either or both).", "status": "met, not met, or why the unit is not assessed.", "notes": "Why a target is missing.",
}
EQUITY_DESCRIPTIONS = UNIT_DESCRIPTIONS | {
    "stratifier": "The stratifier the target is set on.", "stratum": "The group.", "rule": "close_gap_to_reference or benchmark_in_every_stratum.",
    "reference_group": "The reference group this period.", "reference_rate": "The reference group's rate, in percent.", "baseline_rate": "The group's baseline rate, in percent.",
    "baseline_reference_rate": "The reference group's baseline rate, in percent.", "target": "The rate the group must reach, in percent.",
    "status": "met, not met, reference, or why the group is not assessed.", "notes": "How the target was set when not by the rule's formula.",
}
ROLL_UP_DESCRIPTIONS = {
    "plan": "The plan.", "rates_benchmarked": "N: the benchmarked rates.", "rates_met": "Rates met.", "rates_not_assessed": "Rates not assessed (counted as not met).",
    "required": "K: rates that must be met.", "program_met": "At least K rates met.", "earn_back": "proportional or all_or_nothing.",
    "earned_share": "Share of the withhold earned back (0 to 1).", "withhold": "The plan's withhold or incentive pool.", "earned": "Amount earned back.",
}


def table_schema(title: str, description: str, columns: dict[str, Any], descriptions: dict[str, str]) -> dict[str, Any]:
    properties = {}
    for name, dtype in columns.items():
        prop: dict[str, Any] = {"type": [JSON_TYPES[dtype], "null"], "description": descriptions[name]}
        if dtype == pl.Date:
            prop["format"] = "date"
        properties[name] = prop
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "description": description, "type": "object", "properties": properties, "required": list(columns), "additionalProperties": False}


def all_schemas() -> dict[str, dict[str, Any]]:
    measure = MeasureSpec.model_json_schema(by_alias=True)
    measure["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    measure["title"] = "eqm measure spec"
    schemas = {"measure-spec.schema.json": measure}
    for extract in EXTRACTS.values():
        schemas[f"extract-{extract.name}.schema.json"] = extract_schema(extract)
    schemas["result-member_results.schema.json"] = table_schema(
        "eqm result: member_results", "One row per unit (member or event) in each rate's initial population, per period.", PERIOD_SCHEMA | MEMBER_RESULT_SCHEMA, MEMBER_RESULT_DESCRIPTIONS)
    schemas["result-rates.schema.json"] = table_schema(
        "eqm result: rates (internal run)", "Counts, rates, intervals and comparisons per period, measure, rate, stratifier and stratum.",
        {**PERIOD_SCHEMA, **COMPARED_RATE_SCHEMA, "would_be_suppressed": pl.Boolean}, RATE_DESCRIPTIONS,
    )
    schemas["result-public-rates.schema.json"] = table_schema(
        "eqm result: rates (public run)", "As the internal rates, with suppressed counts and what reveals them set to null; detail counts are not published.",
        {**PERIOD_SCHEMA, **COMPARED_RATE_SCHEMA, "numerator_suppressed": pl.Boolean, "denominator_suppressed": pl.Boolean, "exclusions_suppressed": pl.Boolean}, RATE_DESCRIPTIONS,
    )
    schemas["result-disparities.schema.json"] = table_schema(
        "eqm result: disparities", "Summary disparity indices per period, measure, rate and stratifier.", PERIOD_SCHEMA | DISPARITY_SCHEMA, DISPARITY_DESCRIPTIONS)
    schemas["result-attrition.schema.json"] = table_schema(
        "eqm result: attrition (internal run)", "Per period, measure and rate: the units left after each population rule, in order.", PERIOD_SCHEMA | ATTRITION_SCHEMA, ATTRITION_DESCRIPTIONS)
    gap_types = MEMBER_RESULT_SCHEMA | LAST_VISIT_SCHEMA
    schemas["result-gaps.schema.json"] = table_schema(
        "eqm result: gaps/<measure> (internal run)", "The latest period's gap list for one measure: a row per unit in the denominator and not in the numerator (nor excluded).",
        PERIOD_SCHEMA | {name: gap_types[name] for name in GAP_COLUMNS}, MEMBER_RESULT_DESCRIPTIONS | GAP_DESCRIPTIONS)
    program = BenchmarksFile.model_json_schema(by_alias=True)
    program["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    program["title"] = "eqm benchmarks file"
    schemas["benchmarks.schema.json"] = program
    for name, columns, descriptions, description in (
        ("targets", TARGET_SCHEMA, TARGET_DESCRIPTIONS, "Benchmark and improvement-target status per benchmarked rate, for the state and each plan (rates and targets in percent)."),
        ("equity_targets", EQUITY_SCHEMA, EQUITY_DESCRIPTIONS, "Equity target status per group, for the state and within each plan (rates and targets in percent)."),
        ("roll_up", ROLL_UP_SCHEMA, ROLL_UP_DESCRIPTIONS, "The program roll-up per plan: rates met of those benchmarked, K of N, share of the withhold earned back."),
    ):
        schemas[f"result-{name}.schema.json"] = table_schema(f"eqm result: {name}", description, columns, descriptions)
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
