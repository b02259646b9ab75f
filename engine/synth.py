"""Deterministic synthetic extracts: a state Medicaid population with realistic gaps and disparities.

Everything is vectorised with numpy so the same code makes 5,000 members for the sample or
millions for the benchmark. Differences between groups are built in (visit and screening
probabilities vary by race/ethnicity, income and plan), so scorecards show real disparities.
A handful of deliberately bad rows shows the rejects at work. Only synthetic data: no row
describes a real person.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from engine.files import FrameWriter
from engine.strata import fpl_tenths, poverty_guidelines


# Group label -> (share, race codes, ethnicity, care factor).
GROUPS = {
    "hispanic": (0.30, "UNKNOWN", "HISPANIC", 0.93),
    "white": (0.33, "WHITE", "NOT_HISPANIC", 1.00),
    "black": (0.19, "BLACK", "NOT_HISPANIC", 0.84),
    "asian": (0.04, "ASIAN", "NOT_HISPANIC", 1.02),
    "aian": (0.025, "AIAN", "NOT_HISPANIC", 0.80),
    "nhpi": (0.01, "NHPI", "NOT_HISPANIC", 0.85),
    "mena": (0.01, "MENA", "NOT_HISPANIC", 0.95),
    "multi": (0.035, "WHITE|BLACK", "NOT_HISPANIC", 0.92),
    "declined": (0.02, "DECLINED", "DECLINED", 0.90),
    "unknown": (0.04, "UNKNOWN", "UNKNOWN", 0.88),
}
PLANS = {"PLAN-A": (0.35, 1.00), "PLAN-B": (0.30, 0.95), "PLAN-C": (0.20, 1.04), "PLAN-D": (0.15, 0.90)}
COUNTIES = ["Multnomah", "Washington", "Clackamas", "Lane", "Marion", "Jackson", "Deschutes", "Umatilla"]
LANGUAGES = {"English": 0.74, "Spanish": 0.20, "Vietnamese": 0.02, "Russian": 0.015, "Somali": 0.01, "Chinese": 0.015}
# Bright Futures visit ages in days (newborn, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30 months), then yearly;
# the 12-month visit is set a little after the birthday so its jitter rarely precedes it.
INFANT_VISITS = [4, 30, 61, 122, 183, 274, 375, 456, 548, 730, 913]
# CPT codes given at a visit (by age in days) with the probability of each, when the visit happens.
# The routine schedule gives 4 DTaP, 3 IPV, 4 HiB, 4 HepB, 4 PCV, 1 MMR, 1 VZV, 2 HepA, RV, flu: the
# DTaP-IPV-Hib-HepB vaccine (Vaxelis, 90697) as its label gives it, at 2, 4 and 6 months, then a
# PRP-OMP Hib booster and the fourth DTaP at 15 months.
VISIT_SERVICES = {
    4: [("90744", 0.85)],
    61: [("90697", 0.95), ("90670", 0.95), ("ROTAVIRUS", 0.9)],
    122: [("90697", 0.93), ("90670", 0.93), ("ROTAVIRUS", 0.88)],
    183: [("90697", 0.9), ("90670", 0.9), ("ROTAVIRUS_3", 0.85), ("90686", 0.7)],
    274: [("90686", 0.55), ("96110", 0.6)],
    375: [("90707", 0.9), ("90716", 0.88), ("90633", 0.85), ("90670", 0.85), ("83655", 0.55), ("99188", 0.3)],
    456: [("90700", 0.85), ("90647", 0.85)],
    548: [("90633", 0.75), ("96110", 0.55), ("99188", 0.3)],
    730: [("83655", 0.45), ("99188", 0.3)],
    913: [("96110", 0.5), ("99188", 0.3)],
}


# Bumped whenever the generator makes different data from the same options, so a cached population
# (`eqm bench`) made by an older generator is not reused as if it were this one's.
GENERATOR_VERSION = 5
# CDC's CPT-to-CVX crosswalk for the vaccine codes billed above: the registry records the same dose by CVX.
CPT_TO_CVX = {"90744": "08", "90697": "146", "90670": "133", "90681": "119", "90680": "116", "90700": "20", "90713": "10",
              "90686": "150", "90707": "03", "90716": "21", "90633": "83", "90647": "49"}
# Doses a county health clinic gives and reports to the registry, never billed to the plan:
# (age in days, CVX codes). Given to some children whose billed doses fall short.
CLINIC_DOSES = [(70, ("146", "133", "119")), (130, ("146", "133", "119")), (190, ("146", "133")), (390, ("03", "21", "83", "133", "49")),
                (470, ("20",)), (560, ("83",))]


@dataclass(frozen=True)
class SynthOptions:
    members: int = 5000
    seed: int = 7
    year: int = 2025
    history_years: int = 3
    bad_rows: bool = True
    # Members synthesised at once. A million peaks at about 15 GB of memory; larger populations are
    # written a chunk at a time, so 5 million members need no more memory than one million.
    chunk_members: int = 1_000_000


def _days(values: np.ndarray) -> np.ndarray:
    return values.astype("datetime64[D]")


def _choice(rng: np.random.Generator, options: dict, size: int) -> np.ndarray:
    keys = list(options)
    weights = np.array([value[0] if isinstance(value, tuple) else value for value in options.values()], dtype=float)
    return np.array(keys)[rng.choice(len(keys), size=size, p=weights / weights.sum())]


def synthesize(options: SynthOptions) -> dict[str, pl.DataFrame]:
    """The whole population in memory (for sample data and tests; `write_extracts` streams chunks)."""
    chunks = list(synthesize_chunks(options))
    return {name: pl.concat([chunk[name] for chunk in chunks]) for name in chunks[0]}


def synthesize_chunks(options: SynthOptions) -> Iterator[dict[str, pl.DataFrame]]:
    """The population in chunks of members, each a complete set of extracts for its members.

    The first chunk draws from `seed` alone, so a population no larger than one chunk is the same
    whatever the chunk size; chunk k draws from (seed, k). Member, claim and screening ids run on
    across chunks, and mothers are linked to infants of their own chunk.
    """
    claims_before = 0
    for index, first_member in enumerate(range(0, options.members, options.chunk_members)):
        rng = np.random.default_rng(options.seed if index == 0 else [options.seed, index])
        size = min(options.chunk_members, options.members - first_member)
        tables, claims_made = _chunk(rng, size, first_member, claims_before, options)
        claims_before += claims_made  # ids of claims removed after a death are not reused
        if options.bad_rows:
            tables = _with_bad_rows(tables, options.year) if index == 0 else _as_text(tables)
        yield tables


def _chunk(rng: np.random.Generator, size: int, first_member: int, claims_before: int, options: SynthOptions) -> tuple[dict[str, pl.DataFrame], int]:
    """One chunk's extracts, and how many claim ids it used."""
    period_end = np.datetime64(f"{options.year}-12-31")
    history_start = np.datetime64(f"{options.year - options.history_years}-01-01")
    members = _members(rng, size, options.year, first_member)
    factor = members["care_factor"].to_numpy()
    enrollment = _enrollment(rng, members, history_start, period_end)
    claims = _claims(rng, members, factor, history_start, period_end, claims_before)
    dyads = _dyads(rng, members, period_end)
    screenings = pl.concat([_screenings(rng, members, factor, options.year, first_member), _maternal_screenings(rng, members, dyads, history_start)])
    kindergarten = _kindergarten(rng, members, factor, options.year)
    # Drawn after every other extract, so adding them changed none of the others' draws.
    immunizations = _immunizations(rng, members, claims, period_end, first_member)
    members = members.with_columns(_death_dates(rng, members, history_start, period_end))
    lab_results = _lab_results(rng, members, claims, period_end, first_member)
    conditions = _conditions(rng, members, period_end, first_member)
    encounters = _encounters(rng, members, claims, period_end, first_member)
    conditions = pl.concat([conditions, _dental_caries(rng, members, encounters, first_member)])
    clinic_visits, observations, pregnancies = _primary_care(rng, members, claims, period_end, first_member)
    encounters, conditions = pl.concat([encounters, clinic_visits, _vaccine_procedures(rng, claims, first_member)]), pl.concat([conditions, pregnancies])
    # Nothing happens to a child after death: no claim, screening or dose is dated after it.
    died = members.select("member_id", "death_date").filter(pl.col("death_date").is_not_null())
    claims_made = claims.height
    claims, screenings, immunizations, lab_results, conditions, encounters, observations = (
        _before_death(frame, died, column) for frame, column in
        ((claims, "service_from"), (screenings, "screening_date"), (immunizations, "administered_date"), (lab_results, "collection_date"),
         (conditions, "onset_date"), (encounters, "start_date"), (observations, "effective_date")))
    return {
        "members": members.drop("care_factor", "group", "plan"),
        "enrollment": enrollment,
        "claims": claims,
        "screenings": screenings,
        "immunizations": immunizations,
        "lab_results": lab_results,
        "conditions": conditions,
        "encounters": encounters,
        "observations": observations,
        "dyads": dyads,
        "kindergarten_assessments": kindergarten,
    }, claims_made


def _lab_results(rng: np.random.Generator, members: pl.DataFrame, claims: pl.DataFrame, period_end: np.datetime64, first_member: int) -> pl.DataFrame:
    """Lab feeds: most billed blood lead tests reported again (capillary or venous LOINC, with a
    level), lead tests a WIC clinic or health department ran and nobody billed, hemoglobins (not
    lead tests), and a few preliminary and cancelled results."""
    billed = claims.filter(pl.col("procedure_code") == "83655").select("member_id", pl.col("service_from").alias("collection_date"))
    reported = billed.filter(pl.Series(rng.random(billed.height) < 0.8))
    reported = reported.with_columns(pl.lit(pl.Series(np.where(rng.random(reported.height) < 0.7, "10368-9", "77307-7"))).alias("loinc_code"))
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    ids = members["member_id"].to_numpy().astype(str)
    young = (period_end - birth).astype(int) < 3 * 365
    untested = ~members["member_id"].is_in(billed["member_id"].implode()).to_numpy()
    clinic = young & untested & (rng.random(len(ids)) < 0.15)
    clinic_dates = birth[clinic] + rng.integers(365, 730, clinic.sum()).astype("timedelta64[D]")
    clinic_tests = pl.DataFrame({"member_id": ids[clinic], "collection_date": clinic_dates, "loinc_code": np.full(clinic.sum(), "10368-9")})
    hemoglobin = young & (rng.random(len(ids)) < 0.3)
    hemoglobin_dates = birth[hemoglobin] + rng.integers(270, 400, hemoglobin.sum()).astype("timedelta64[D]")
    hemoglobins = pl.DataFrame({"member_id": ids[hemoglobin], "collection_date": hemoglobin_dates, "loinc_code": np.full(hemoglobin.sum(), "718-7")})
    records = pl.concat([reported, clinic_tests.filter(pl.col("collection_date") <= period_end), hemoglobins.filter(pl.col("collection_date") <= period_end)])
    records = records.sort("member_id", "collection_date", "loinc_code")
    lead = records["loinc_code"] != "718-7"
    value = np.where(lead, np.round(rng.lognormal(np.log(1.4), 0.6, records.height), 1), np.round(rng.normal(12, 1, records.height), 1))
    status = np.select([rng.random(records.height) < 0.01, rng.random(records.height) < 0.005], ["preliminary", "cancelled"], "final")
    return records.with_columns(
        _record_ids("L", first_member).alias("lab_result_id"),
        pl.lit(pl.Series(value)).alias("value_number"),
        pl.lit(None, pl.String).alias("value_code"),
        pl.when(lead).then(pl.lit("ug/dL")).otherwise(pl.lit("g/dL")).alias("unit"),
        pl.lit(pl.Series(status)).alias("status"),
    ).select("lab_result_id", "member_id", "collection_date", "loinc_code", "value_number", "value_code", "unit", "status")


# EHR problem-list entries: (code, system, share of children, ages in days at onset). Most are
# common childhood conditions that no measure reads (in both coding systems EHRs use); a few are a
# history of varicella (replaces the VZV dose in CIS) or an immunodeficiency (excludes from CIS).
PROBLEM_LIST = [("J45.909", "ICD10CM", 0.05, (700, 6000)), ("195967001", "SNOMEDCT", 0.03, (700, 6000)), ("L20.9", "ICD10CM", 0.04, (60, 2000)),
                ("43116000", "SNOMEDCT", 0.02, (60, 2000)), ("H66.90", "ICD10CM", 0.06, (120, 2500)), ("B01.9", "ICD10CM", 0.004, (365, 700)),
                ("D80.1", "ICD10CM", 0.001, (30, 600))]


def _conditions(rng: np.random.Generator, members: pl.DataFrame, period_end: np.datetime64, first_member: int) -> pl.DataFrame:
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    ids = members["member_id"].to_numpy().astype(str)
    frames = []
    for code, system, share, (low, high) in PROBLEM_LIST:
        has = rng.random(len(ids)) < share
        onset = birth[has] + rng.integers(low, high, has.sum()).astype("timedelta64[D]")
        frames.append(pl.DataFrame({"member_id": ids[has], "code": np.full(has.sum(), code), "code_system": np.full(has.sum(), system), "onset_date": onset}))
    records = pl.concat(frames).filter(pl.col("onset_date") <= period_end).sort("member_id", "onset_date", "code")
    refuted, confirmed = rng.random(records.height) < 0.02, rng.random(records.height) < 0.5
    status = pl.when(pl.Series(refuted)).then(pl.lit("refuted")).when(pl.Series(confirmed)).then(pl.lit("confirmed"))  # else no status, as many EHRs send
    return records.with_columns(
        _record_ids("D", first_member).alias("condition_id"),
        pl.lit(None, pl.Date).alias("abatement_date"),
        status.alias("verification_status"),
    ).select("condition_id", "member_id", "code", "code_system", "onset_date", "abatement_date", "verification_status")


def _encounters(rng: np.random.Generator, members: pl.DataFrame, claims: pl.DataFrame, period_end: np.datetime64, first_member: int) -> pl.DataFrame:
    """A dental clinic's EHR: most billed oral evaluations (D0120) recorded again as visits, visits
    nobody billed (a school-based clinic's comprehensive evaluations, D0150, more often for lower
    incomes), a few cancelled ones, and fluoride varnish recorded as a procedure (no measure reads it as a visit)."""
    billed = claims.filter(pl.col("procedure_code") == "D0120").select("member_id", pl.col("service_from").alias("start_date"))
    recorded = billed.filter(pl.Series(rng.random(billed.height) < 0.7)).with_columns(pl.lit("D0120").alias("code"), pl.lit("encounter").alias("record_type"))
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    ids = members["member_id"].to_numpy().astype(str)
    age_days = (period_end - birth).astype(int)
    low_income = members["fpl_percent"].fill_null(120).to_numpy() <= 138
    school = (age_days >= 5 * 365) & (age_days < 14 * 365) & (rng.random(len(ids)) < np.where(low_income, 0.12, 0.05))
    school_dates = period_end - rng.integers(0, 730, school.sum()).astype("timedelta64[D]")
    unbilled = pl.DataFrame({"member_id": ids[school], "start_date": school_dates, "code": np.full(school.sum(), "D0150"), "record_type": np.full(school.sum(), "encounter")})
    varnish = recorded.filter(pl.Series(rng.random(recorded.height) < 0.3)).with_columns(pl.lit("D1206").alias("code"), pl.lit("procedure").alias("record_type"))
    records = pl.concat([recorded, unbilled, varnish]).sort("member_id", "start_date", "code")
    status = np.where(rng.random(records.height) < 0.02, "cancelled", np.where(records["record_type"].to_numpy() == "procedure", "completed", "finished"))
    return records.with_columns(
        _record_ids("E", first_member).alias("encounter_id"),
        pl.col("start_date").alias("end_date"),
        pl.lit("CDT").alias("code_system"),
        pl.lit(pl.Series(status)).alias("status"),
        pl.lit(None, pl.String).alias("discharge_disposition"),
        pl.lit(None, pl.String).alias("provider_npi"),
        pl.lit("DENTIST").alias("provider_type"),
    ).select("encounter_id", "member_id", "record_type", "start_date", "end_date", "code", "code_system", "status", "discharge_disposition",
             "provider_npi", "provider_type")


# The well-child visits a pediatric clinic bills (engine.synth._claims) and records in its EHR.
WELL_CHILD_CPT = ("99391", "99392", "99393", "99394", "99395")
WELL_CHILD_SNOMED = "410620009"  # Well child visit (procedure), how the EHR types the visit beside its CPT code
NUTRITION_COUNSELING, ACTIVITY_COUNSELING = "61310001", "304507003"  # Nutrition education; Exercise education (SNOMED CT procedures)
VITAL_SIGNS = (("8302-2", "cm"), ("29463-7", "kg"), ("39156-5", "kg/m2"))  # body height, body weight, BMI (FHIR vital signs profiles)


def _primary_care(rng: np.random.Generator, members: pl.DataFrame, claims: pl.DataFrame, period_end: np.datetime64,
                  first_member: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """A pediatric clinic's EHR: most billed well-child visits recorded again on the same date
    (typed both in CPT and as SNOMED CT 410620009, so a visit counted from both is one); height,
    weight and BMI measured at visits from age 2, a few saved without a value; nutrition and
    physical activity counseling recorded as procedures, less often at lower incomes; and
    pregnancies on some adolescent girls' problem lists. Returns (encounters, observations, conditions)."""
    billed = claims.filter(pl.col("procedure_code").is_in(WELL_CHILD_CPT) & (pl.col("provider_type") != "URGENT_CARE"))
    visits = billed.filter(pl.Series(rng.random(billed.height) < 0.7)).select("member_id", pl.col("service_from").alias("start_date"), "procedure_code", "provider_type")
    # At or below 138% of poverty as the strata compute it (a given percent, else income for the household's size); unknown is not.
    low = members.select("member_id", "birth_date", (fpl_tenths(members, int(str(period_end)[:4])) <= 1380).fill_null(False).alias("low_income"))
    visits = visits.join(low, on="member_id").sort("member_id", "start_date").with_columns(_record_ids("P", first_member).alias("encounter_id"))
    age = (visits["start_date"].to_numpy().astype("datetime64[D]") - visits["birth_date"].to_numpy().astype("datetime64[D]")).astype(int) / 365.25
    low_income = visits["low_income"].to_numpy()
    typed = pl.concat([visits.with_columns(pl.col("procedure_code").alias("code"), pl.lit("CPT").alias("code_system")),
                       visits.with_columns(pl.lit(WELL_CHILD_SNOMED).alias("code"), pl.lit("SNOMEDCT").alias("code_system"))])
    counseled = []
    for code, (higher, lower), prefix in ((NUTRITION_COUNSELING, (0.55, 0.42), "QN"), (ACTIVITY_COUNSELING, (0.45, 0.33), "QA")):
        given = (age >= 2) & (rng.random(visits.height) < np.where(low_income, lower, higher))
        counseled.append(visits.filter(pl.Series(given)).with_columns(_record_ids(prefix, first_member).alias("encounter_id"), pl.lit(code).alias("code"),
                                                                     pl.lit("SNOMEDCT").alias("code_system")))
    records = pl.concat([typed.with_columns(pl.lit("encounter").alias("record_type"), pl.lit("finished").alias("status")),
                         *[frame.with_columns(pl.lit("procedure").alias("record_type"), pl.lit("completed").alias("status")) for frame in counseled]])
    encounters = records.with_columns(
        pl.col("start_date").alias("end_date"), pl.lit(None, pl.String).alias("discharge_disposition"), pl.lit(None, pl.String).alias("provider_npi"),
    ).select("encounter_id", "member_id", "record_type", "start_date", "end_date", "code", "code_system", "status", "discharge_disposition",
             "provider_npi", "provider_type")
    # Heights from a rough growth curve; weight from a BMI drawn for the age.
    measured = (age >= 2) & (rng.random(visits.height) < np.where(low_income, 0.88, 0.93))
    height = np.clip(75 + 6.0 * np.minimum(age, 16), 75, 180) + rng.normal(0, 5, visits.height)
    bmi = np.clip(rng.normal(16.0 + 0.3 * np.maximum(age - 6, 0), 2.5, visits.height), 12, 40)
    values = {"8302-2": height, "29463-7": bmi * (height / 100) ** 2, "39156-5": bmi}
    frames = []
    for code, unit in VITAL_SIGNS:
        value = np.round(values[code], 1)[measured]
        absent = rng.random(measured.sum()) < 0.03  # saved with a data-absent reason, no value
        frames.append(visits.filter(pl.Series(measured)).select("member_id", pl.col("start_date").alias("effective_date")).with_columns(
            pl.lit(code).alias("code"), pl.lit(unit).alias("unit"), pl.Series("value_number", np.where(absent, np.nan, value)).fill_nan(None)))
    observations = pl.concat(frames).sort("member_id", "effective_date", "code").with_columns(
        _record_ids("O", first_member).alias("observation_id"), pl.lit("vital-signs").alias("category"), pl.lit(None, pl.Date).alias("end_date"),
        pl.lit("LOINC").alias("code_system"), pl.lit(None, pl.String).alias("value_code"), pl.lit(None, pl.String).alias("value_code_system"),
        pl.lit("final").alias("status"),
    ).select("observation_id", "member_id", "category", "effective_date", "end_date", "code", "code_system", "value_number", "unit", "value_code",
             "value_code_system", "status")
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    girls = (members["sex"].to_numpy() == "F") & ((period_end - birth).astype(int) >= 14 * 365) & ((period_end - birth).astype(int) < 18 * 365)
    pregnant = girls & (rng.random(members.height) < 0.03)
    onset = period_end - rng.integers(30, 500, pregnant.sum()).astype("timedelta64[D]")
    delivered = onset + np.timedelta64(270, "D")
    snomed = rng.random(pregnant.sum()) < 0.5
    pregnancies = pl.DataFrame({
        "member_id": members["member_id"].to_numpy().astype(str)[pregnant], "code": np.where(snomed, "77386006", "Z34.90"), "code_system": np.where(snomed, "SNOMEDCT", "ICD10CM"),
        "onset_date": onset, "abatement_date": np.where(delivered <= period_end, delivered, np.datetime64("NaT")),
    }).with_columns(_record_ids("G", first_member).alias("condition_id"), pl.lit("confirmed").alias("verification_status")).select(
        "condition_id", "member_id", "code", "code_system", "onset_date", "abatement_date", "verification_status")
    return encounters, observations, pregnancies


def _vaccine_procedures(rng: np.random.Generator, claims: pl.DataFrame, first_member: int) -> pl.DataFrame:
    """The pediatric clinic's EHR records the vaccines it gives as procedures, by the CPT code it
    bills: 80% of billed doses (the rest were given elsewhere or never charted), so an eCQM that
    reads the EHR (CMS117) sees most but not all of a child's doses."""
    billed = claims.filter(pl.col("procedure_code").is_in(list(CPT_TO_CVX)))
    charted = billed.filter(pl.Series(rng.random(billed.height) < 0.8)).sort("member_id", "service_from", "procedure_code")
    return charted.select(
        _record_ids("V", first_member).alias("encounter_id"), "member_id", pl.lit("procedure").alias("record_type"), pl.col("service_from").alias("start_date"),
        pl.col("service_from").alias("end_date"), pl.col("procedure_code").alias("code"), pl.lit("CPT").alias("code_system"), pl.lit("completed").alias("status"),
        pl.lit(None, pl.String).alias("discharge_disposition"), pl.lit(None, pl.String).alias("provider_npi"), "provider_type")


def _dental_caries(rng: np.random.Generator, members: pl.DataFrame, encounters: pl.DataFrame, first_member: int) -> pl.DataFrame:
    """Caries found at a recorded oral evaluation, more often in lower-income children (as NHANES
    finds), in ICD-10-CM or SNOMED CT; half are restored and abated a few weeks later."""
    found = encounters.filter(pl.col("record_type") == "encounter").join(members.select("member_id", "fpl_percent"), on="member_id")
    low_income = found["fpl_percent"].fill_null(120).to_numpy() <= 138
    found = found.filter(pl.Series(rng.random(found.height) < np.where(low_income, 0.3, 0.15))).unique("member_id", keep="first", maintain_order=True)
    snomed = rng.random(found.height) < 0.5
    abated = rng.random(found.height) < 0.5
    onset = found["start_date"].to_numpy().astype("datetime64[D]")
    return pl.DataFrame({
        "member_id": found["member_id"], "code": np.where(snomed, "80967001", "K02.9"), "code_system": np.where(snomed, "SNOMEDCT", "ICD10CM"),
        "onset_date": onset, "abatement_date": np.where(abated, onset + rng.integers(14, 60, found.height).astype("timedelta64[D]"), np.datetime64("NaT")),
    }).with_columns(
        _record_ids("K", first_member).alias("condition_id"), pl.lit("confirmed").alias("verification_status"),
    ).select("condition_id", "member_id", "code", "code_system", "onset_date", "abatement_date", "verification_status")


def _record_ids(prefix: str, first_member: int) -> pl.Expr:
    """Ids of a chunk's records ('I00000000-000000001'): the chunk's first member makes them unique across chunks."""
    return pl.format(f"{prefix}{first_member:08d}-" + "{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(9))


def _death_dates(rng: np.random.Generator, members: pl.DataFrame, history_start: np.datetime64, period_end: np.datetime64) -> pl.Series:
    """About 1 child in 700 dies within the history, on a day after birth."""
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    start = np.maximum(birth, history_start)
    span = np.maximum((period_end - start).astype(int), 0)
    dies = (rng.random(len(birth)) < 0.0015) & (span > 0)
    dates = start + (rng.random(len(birth)) * span).astype(int).astype("timedelta64[D]")
    return pl.Series("death_date", np.where(dies, dates, np.datetime64("NaT")), dtype=pl.Date)


def _before_death(frame: pl.DataFrame, died: pl.DataFrame, column: str) -> pl.DataFrame:
    if not died.height:
        return frame
    death = pl.col("member_id").replace_strict(died["member_id"], died["death_date"], default=None, return_dtype=pl.Date)
    return frame.filter(death.is_null() | (pl.col(column) <= death))


def _immunizations(rng: np.random.Generator, members: pl.DataFrame, claims: pl.DataFrame, period_end: np.datetime64, first_member: int) -> pl.DataFrame:
    """The state registry: most billed doses again (by CVX, some with the CPT code too; some from
    the clinic's EHR), doses given at a county clinic and never billed, and a few records that are
    not doses (not done, entered in error)."""
    billed = claims.filter(pl.col("procedure_code").is_in(list(CPT_TO_CVX))).select("member_id", "service_from", "procedure_code")
    copied = billed.filter(pl.Series(rng.random(billed.height) < 0.85))
    with_cpt = rng.random(copied.height) < 0.3
    copies = copied.select(
        "member_id", pl.col("service_from").alias("administered_date"), pl.col("procedure_code").replace_strict(CPT_TO_CVX).alias("cvx_code"),
        pl.when(pl.Series(with_cpt)).then(pl.col("procedure_code")).alias("cpt_code"),
        pl.lit(pl.Series(np.where(rng.random(copied.height) < 0.1, "ehr", "registry"))).alias("source"),
    )
    # Children under 3 with few billed doses: some were vaccinated at the county clinic instead.
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    doses = billed.group_by("member_id").len()
    billed_doses = members.select("member_id").join(doses, on="member_id", how="left")["len"].fill_null(0).to_numpy()
    young = (period_end - birth).astype(int) < 3 * 365
    clinic = young & (billed_doses < 12) & (rng.random(len(birth)) < 0.35)
    ids = members["member_id"].to_numpy().astype(str)
    frames = []
    for age_days, codes in CLINIC_DOSES:
        for code in codes:
            given = clinic & (rng.random(len(birth)) < 0.7)
            dates = birth[given] + (age_days + rng.integers(0, 21, given.sum())).astype("timedelta64[D]")
            frames.append(pl.DataFrame({"member_id": ids[given], "administered_date": dates, "cvx_code": np.full(given.sum(), code)}).filter(pl.col("administered_date") <= period_end))
    clinic_doses = pl.concat(frames).with_columns(pl.lit(None, pl.String).alias("cpt_code"), pl.lit("registry").alias("source"))
    records = pl.concat([copies, clinic_doses.select(copies.columns)]).sort("member_id", "administered_date", "cvx_code")
    status = np.select([rng.random(records.height) < 0.005, rng.random(records.height) < 0.003], ["not-done", "entered-in-error"], "completed")
    return records.with_columns(
        _record_ids("I", first_member).alias("immunization_id"),
        pl.lit(None, pl.String).alias("ndc_code"),
        pl.lit(pl.Series(status)).alias("status"),
    ).select("immunization_id", "member_id", "administered_date", "cvx_code", "cpt_code", "ndc_code", "status", "source")


def _members(rng: np.random.Generator, n: int, year: int, first_member: int) -> pl.DataFrame:
    group = _choice(rng, GROUPS, n)
    is_child = rng.random(n) < 0.78
    # Children: ages 0-20 weighted towards the young; adults 18-44 (many are mothers of infants).
    child_age_days = (rng.power(0.85, n) * 21 * 365.25).astype(int)
    adult_age_days = rng.integers(18 * 365, 45 * 365, n)
    age_days = np.where(is_child, child_age_days, adult_age_days)
    birth = np.datetime64(f"{year}-12-31") - age_days.astype("timedelta64[D]")
    sex = np.where(is_child, np.where(rng.random(n) < 0.49, "F", "M"), np.where(rng.random(n) < 0.85, "F", "M"))
    sex = np.where(rng.random(n) < 0.004, "X", sex)
    race = np.array([GROUPS[g][1] for g in group])
    # Under the combined question most Hispanic or Latino respondents select no other category.
    hispanic_race = np.array(["UNKNOWN", "WHITE", "BLACK", "AIAN"])[rng.choice(4, n, p=[0.72, 0.2, 0.04, 0.04])]
    race = np.where(group == "hispanic", hispanic_race, race)
    ethnicity = np.array([GROUPS[g][2] for g in group])
    # Group-level differences in income: median near 100% of poverty with group shifts.
    shift = {"white": 1.15, "asian": 1.2, "hispanic": 0.95, "black": 0.85, "aian": 0.8, "nhpi": 0.9, "mena": 1.0, "multi": 0.95, "declined": 1.0, "unknown": 1.0}
    fpl = np.clip(rng.lognormal(np.log(105), 0.55, n) * np.array([shift[g] for g in group]), 5, 600)
    size = np.clip(rng.poisson(2.6, n) + 1 + is_child, 1, 10)
    guideline = poverty_guidelines().filter((pl.col("year") == year) & (pl.col("region") == "contiguous")).row(0, named=True)
    income = np.round(fpl / 100 * (guideline["first_person"] + (size - 1) * guideline["each_additional"]), -1)
    unknown_income = rng.random(n) < 0.06
    given_fpl = (rng.random(n) < 0.10) & ~unknown_income
    income_band_factor = np.select([fpl <= 100, fpl <= 138, fpl <= 200, fpl <= 300], [0.90, 0.95, 0.99, 1.01], 1.03)
    plan = _choice(rng, PLANS, n)  # the member's first plan; plans differ in how well they reach members
    plan_factor = np.array([PLANS[name][1] for name in plan])
    return pl.DataFrame({
        "member_id": [f"M{index:07d}" for index in range(first_member + 1, first_member + n + 1)],
        "birth_date": _days(birth),
        "sex": sex,
        "race": race,
        "ethnicity": ethnicity,
        "race_ethnicity_source": np.where(group == "unknown", "UNKNOWN", np.where(rng.random(n) < 0.08, "IMPUTED", "SELF_REPORTED")),
        "household_income": np.where(unknown_income | given_fpl, np.nan, income),
        "household_size": np.where(unknown_income, -1, size),
        "fpl_percent": np.where(given_fpl, np.round(fpl, 1), np.nan),
        "state": np.full(n, "OR"),
        "county": _choice(rng, {county: 1 for county in COUNTIES}, n),
        "zip": np.char.add("97", rng.integers(100, 999, n).astype(str)),
        "preferred_language": _choice(rng, LANGUAGES, n),
        "group": group,
        "plan": plan,
        "care_factor": np.array([GROUPS[g][3] for g in group]) * income_band_factor * plan_factor,
    }).with_columns(
        pl.col("household_income").fill_nan(None),
        pl.col("fpl_percent").fill_nan(None),
        pl.when(pl.col("household_size") < 0).then(None).otherwise(pl.col("household_size")).alias("household_size"),
    )


def _enrollment(rng: np.random.Generator, members: pl.DataFrame, history_start: np.datetime64, period_end: np.datetime64) -> pl.DataFrame:
    n = members.height
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    start = np.maximum(birth, history_start)
    length = (period_end - start).astype(int)
    pattern = rng.random(n)
    # 70% continuous, 12% one gap, 8% leave before the end, 10% join late.
    late_join = pattern >= 0.90
    start = np.where(late_join, start + (rng.random(n) * length * 0.8).astype("timedelta64[D]"), start)
    end = np.where((pattern >= 0.82) & (pattern < 0.90), period_end - rng.integers(20, 300, n).astype("timedelta64[D]"), period_end)
    end = np.where(end <= start, period_end, end)  # a late joiner who also leaves early stays to the end
    gap = (pattern >= 0.70) & (pattern < 0.82)
    gap_start = start + (rng.random(n) * np.maximum((end - start).astype(int) - 100, 1)).astype("timedelta64[D]")
    gap_days = rng.choice([10, 30, 44, 45, 46, 60, 90, 150], size=n)
    plan = members["plan"].to_numpy().astype(str)
    switch = rng.random(n) < 0.08
    other_plan = _choice(rng, PLANS, n)
    program = np.where(members["fpl_percent"].fill_null(100).to_numpy() > 200, "CHIP", np.where(rng.random(n) < 0.1, "CHIP", "Medicaid"))
    ids = members["member_id"].to_numpy().astype(str)
    first_end = np.where(gap, gap_start, end)
    second_start = gap_start + gap_days.astype("timedelta64[D]") + np.timedelta64(1, "D")
    spans = [(ids, plan, start, first_end, np.ones(n, bool))]
    spans.append((ids, np.where(switch, other_plan, plan), second_start, end, gap & (second_start <= end)))
    frames = []
    for member_id, plan_id, span_start, span_end, keep in spans:
        for benefit, share in (("medical", 1.0), ("dental", 0.9)):
            chosen = keep & (rng.random(n) < share)
            frames.append(pl.DataFrame({
                "member_id": member_id[chosen], "plan_id": plan_id[chosen], "program": program[chosen], "benefit": np.full(chosen.sum(), benefit),
                "start_date": _days(span_start[chosen]), "end_date": _days(span_end[chosen]),
            }))
    enrollment = pl.concat(frames)
    # Some spans arrive split at a month boundary (adjacent spans must join), a few open-ended.
    return enrollment.with_columns(pl.when(pl.col("end_date") >= pl.lit(date(9999, 1, 1))).then(None).otherwise(pl.col("end_date")).alias("end_date")).sort("member_id", "benefit", "start_date")


def _claim_frame(rng: np.random.Generator, member_ids: np.ndarray, dates: np.ndarray, codes: np.ndarray, systems: np.ndarray, diagnoses: np.ndarray, provider_types: np.ndarray, places: np.ndarray) -> pl.DataFrame:
    count = len(member_ids)
    status = np.select([rng.random(count) < 0.94, rng.random(count) < 0.6], ["paid", "denied"], "adjusted")
    return pl.DataFrame({
        "member_id": member_ids, "service_from": _days(dates), "procedure_code": codes, "procedure_code_system": systems,
        "diagnosis_codes": diagnoses, "provider_type": provider_types, "place_of_service": places, "claim_status": status,
        "modifiers": np.where(places == "02", "95", ""),
    })


def _claims(rng: np.random.Generator, members: pl.DataFrame, factor: np.ndarray, history_start: np.datetime64, period_end: np.datetime64, claims_before: int) -> pl.DataFrame:
    ids = members["member_id"].to_numpy().astype(str)
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    frames = []
    # Well-child visits on the Bright Futures schedule, then yearly to age 20.
    offsets = INFANT_VISITS + [365 * age + 180 for age in range(3, 21)]
    two_dose_rotavirus = rng.random(len(ids)) < 0.6  # RV1 (2 doses) or RV5 (3 doses)
    # Care clusters within a child: most families keep to the schedule, some miss much of it.
    adherent = rng.random(len(ids)) < np.clip(0.85 * factor, 0, 0.97)
    attend_base = np.array([0.96, 0.94, 0.92, 0.9, 0.88, 0.86, 0.85, 0.8, 0.78, 0.76, 0.74] + [0.62] * 3 + [0.55] * 15)[: len(offsets)]
    for offset, base in zip(offsets, attend_base, strict=True):
        # Jittered around the schedule, but never before birth (the newborn visit's jitter reached up to 9 days before).
        visit = np.maximum(birth, birth + np.timedelta64(offset, "D") + rng.integers(-9, 10, len(ids)).astype("timedelta64[D]"))
        attend = np.where(adherent, 0.97, base * 0.7 * factor)
        keep = (visit >= history_start) & (visit <= period_end) & (rng.random(len(ids)) < attend)
        count = keep.sum()
        age_years = offset // 365
        code = ("99391" if age_years < 1 else "99392" if age_years < 5 else "99393" if age_years < 12 else "99394" if age_years < 18 else "99395")
        provider = np.where(rng.random(count) < 0.95, _choice(rng, {"PEDIATRICS": 0.6, "FAMILY_MEDICINE": 0.3, "FQHC": 0.1}, count), "URGENT_CARE")
        places = np.where(rng.random(count) < 0.03, "02", "11")
        frames.append(_claim_frame(rng, ids[keep], visit[keep], np.full(count, code), np.full(count, "CPT"), np.full(count, "Z00.129" if age_years < 18 else "Z00.00"), provider, places))
        for code, chance in VISIT_SERVICES.get(offset, []):
            given = rng.random(count) < np.where(adherent[keep], 0.985, chance * 0.7)
            if code.startswith("ROTAVIRUS"):
                given &= ~two_dose_rotavirus[keep] if code == "ROTAVIRUS_3" else np.ones(count, bool)
                codes = np.where(two_dose_rotavirus[keep][given], "90681", "90680")
            else:
                codes = np.full(given.sum(), code)
            frames.append(_claim_frame(rng, ids[keep][given], visit[keep][given], codes, np.full(given.sum(), "CPT"), np.full(given.sum(), "Z23" if code != "96110" else "Z13.42"), provider[given], np.full(given.sum(), "11")))
        if offset in (30, 61, 122, 183):  # caregiver depression screening billed on the infant's claim
            screened = rng.random(count) < 0.45 * factor[keep]
            frames.append(_claim_frame(rng, ids[keep][screened], visit[keep][screened], np.full(screened.sum(), "96161"), np.full(screened.sum(), "CPT"), np.full(screened.sum(), "Z13.32"), provider[screened], places[screened]))
    # Sick visits, dental and other services: the volume of a real claims extract.
    years = (period_end - history_start).astype(int) / 365.25
    sick_count = rng.poisson(3.6 * years, len(ids))
    sick_ids = np.repeat(np.arange(len(ids)), sick_count)
    sick_dates = history_start + (rng.random(len(sick_ids)) * (period_end - history_start).astype(int)).astype("timedelta64[D]")
    valid = sick_dates >= birth[sick_ids]
    sick_ids, sick_dates = sick_ids[valid], sick_dates[valid]
    sick_codes = np.array(["99212", "99213", "99214", "87880", "90460", "99283"])[rng.integers(0, 6, len(sick_ids))]
    sick_dx = np.array(["J06.9", "H66.90", "J02.9", "R50.9", "L30.9|Z23", "S93.401A"])[rng.integers(0, 6, len(sick_ids))]
    frames.append(_claim_frame(rng, ids[sick_ids], sick_dates, sick_codes, np.full(len(sick_ids), "CPT"), sick_dx, np.full(len(sick_ids), "PEDIATRICS"), np.full(len(sick_ids), "11")))
    dental_count = rng.binomial(np.maximum(years.astype(int), 1), 0.6 * np.clip(factor, 0, 1.1))
    dental_ids = np.repeat(np.arange(len(ids)), dental_count)
    dental_dates = history_start + (rng.random(len(dental_ids)) * (period_end - history_start).astype(int)).astype("timedelta64[D]")
    valid = dental_dates >= birth[dental_ids] + np.timedelta64(365, "D")
    dental_ids, dental_dates = dental_ids[valid], dental_dates[valid]
    frames.append(_claim_frame(rng, ids[dental_ids], dental_dates, np.array(["D0120", "D1120", "D1206"])[rng.integers(0, 3, len(dental_ids))], np.full(len(dental_ids), "CDT"), np.full(len(dental_ids), "Z01.20"), np.full(len(dental_ids), "DENTIST"), np.full(len(dental_ids), "11")))
    # G0136 social needs assessments in 2024-2025 and a few hospice children.
    g_count = (rng.random(len(ids)) < 0.07 * factor)
    g_dates = np.datetime64(f"{int(str(period_end)[:4]) - 1}-01-01") + rng.integers(0, 730, g_count.sum()).astype("timedelta64[D]")
    assessments = _claim_frame(rng, ids[g_count], g_dates, np.full(g_count.sum(), "G0136"), np.full(g_count.sum(), "HCPCS"), np.full(g_count.sum(), "Z13.9"), np.full(g_count.sum(), "PEDIATRICS"), np.full(g_count.sum(), "11"))
    frames.append(assessments.filter(pl.Series(g_dates >= birth[g_count])))  # none before the child's birth
    hospice = rng.random(len(ids)) < 0.002
    hospice_dates = period_end - rng.integers(10, 300, hospice.sum()).astype("timedelta64[D]")
    hospice_claims = _claim_frame(rng, ids[hospice], hospice_dates, np.full(hospice.sum(), "T2042"), np.full(hospice.sum(), "HCPCS"), np.full(hospice.sum(), "C71.9"), np.full(hospice.sum(), "HOSPICE"), np.full(hospice.sum(), "12"))
    frames.append(hospice_claims.filter(pl.Series(hospice_dates >= birth[hospice])))  # none before the child's birth
    claims = pl.concat(frames).sort("member_id", "service_from")
    claim_number = pl.int_range(claims_before + 1, claims_before + pl.len() + 1)
    return claims.with_columns(
        pl.format("C{}", claim_number.cast(pl.String).str.zfill(9)).alias("claim_id"),
        pl.lit(1, pl.Int64).alias("line_number"),
        pl.col("service_from").alias("service_to"),
        pl.when(pl.col("modifiers") == "").then(None).otherwise(pl.col("modifiers")).alias("modifiers"),
        (pl.lit("1") + (pl.col("member_id").hash(11) % 900_000_000 + 100_000_000).cast(pl.String)).alias("provider_npi"),
    ).select("claim_id", "line_number", "member_id", "service_from", "service_to", "procedure_code", "procedure_code_system", "modifiers", "diagnosis_codes", "place_of_service", "provider_npi", "provider_type", "claim_status")


INSTRUMENTS = {  # panel -> domains it asks about
    "96777-8": ("food", "housing", "transportation"),
    "93025-5": ("food", "housing", "transportation"),
    "88121-9": ("food",),
}
ITEMS = {"food": [("88122-7", "LA28397-0", "LA6729-3"), ("88123-5", "LA28397-0", "LA6729-3")], "housing": [("71802-3", "LA31995-6", "LA31993-1")], "transportation": [("93030-5", "LA30133-5", "LA32-8")]}


def _screenings(rng: np.random.Generator, members: pl.DataFrame, factor: np.ndarray, year: int, first_member: int) -> pl.DataFrame:
    """Social needs screenings: one row per item answered, instruments asking about different domains."""
    ids = members["member_id"].to_numpy().astype(str)
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    at_risk = np.where(members["fpl_percent"].fill_null(120).to_numpy() <= 138, 0.35, 0.15)
    frames = []
    for screen_year in (year - 1, year):
        when = np.datetime64(f"{screen_year}-01-01") + rng.integers(0, 365, len(ids)).astype("timedelta64[D]")
        screened = (rng.random(len(ids)) < 0.42 * factor**2) & (when >= birth)
        instrument = np.array(list(INSTRUMENTS))[rng.choice(len(INSTRUMENTS), len(ids), p=[0.5, 0.3, 0.2])]
        for panel, domains in INSTRUMENTS.items():
            chosen = np.flatnonzero(screened & (instrument == panel))
            for domain in domains:
                for item, positive_answer, negative_answer in ITEMS[domain]:
                    count = len(chosen)
                    positive = rng.random(count) < at_risk[chosen]
                    answered = rng.random(count) > 0.04
                    referral = positive & answered & (rng.random(count) < 0.6)
                    frames.append(pl.DataFrame({
                        "screening_id": np.char.add(f"S{screen_year}-", (chosen + first_member).astype(str)),
                        "member_id": ids[chosen],
                        "screening_date": _days(when[chosen]),
                        "instrument": np.full(count, panel),
                        "item": np.full(count, item),
                        "answer_code": np.where(positive, positive_answer, negative_answer),
                        "score": np.full(count, np.nan),
                        "result": np.where(positive, "positive", "negative"),
                        "referral_date": _days(when[chosen] + rng.integers(0, 45, count).astype("timedelta64[D]")),
                        "referral_status": np.where(rng.random(count) < 0.5, "made", "completed"),
                        "answered": answered,
                        "referred": referral,
                    }))
    answered, referred = pl.col("answered"), pl.col("referred")
    return pl.concat(frames).with_columns(
        pl.when(answered).then(pl.col("answer_code")).alias("answer_code"),
        pl.when(answered).then(pl.col("result")).alias("result"),
        pl.col("score").fill_nan(None),
        pl.when(referred).then(pl.col("referral_date")).alias("referral_date"),
        pl.when(referred).then(pl.col("referral_status")).alias("referral_status"),
    ).drop("answered", "referred").sort("member_id", "screening_date")


def _maternal_screenings(rng: np.random.Generator, members: pl.DataFrame, dyads: pl.DataFrame, history_start: np.datetime64) -> pl.DataFrame:
    """EPDS results for linked mothers, recorded in the weeks after the birth (a mother's own visit)."""
    births = dyads.join(members.select("member_id", "birth_date", "care_factor"), left_on="child_member_id", right_on="member_id")
    born = births["birth_date"].to_numpy().astype("datetime64[D]")
    screened = (rng.random(births.height) < 0.35 * births["care_factor"].to_numpy()) & (born >= history_start)
    count = int(screened.sum())
    score = rng.integers(0, 23, count).astype(float)
    return pl.DataFrame({
        "screening_id": np.char.add("EPDS-", births["child_member_id"].to_numpy().astype(str)[screened]),
        "member_id": births["mother_member_id"].to_numpy().astype(str)[screened],
        "screening_date": _days(born[screened] + rng.integers(20, 70, count).astype("timedelta64[D]")),
        "instrument": np.full(count, "71354-5"),
        "score": score,
        "result": np.where(score >= 10, "positive", "negative"),
    }).select(
        "screening_id", "member_id", "screening_date", "instrument",
        pl.lit(None, pl.String).alias("item"), pl.lit(None, pl.String).alias("answer_code"), "score", "result",
        pl.lit(None, pl.Date).alias("referral_date"), pl.lit(None, pl.String).alias("referral_status"),
    ).unique(["screening_id", "item"], keep="first", maintain_order=True)


def _dyads(rng: np.random.Generator, members: pl.DataFrame, period_end: np.datetime64) -> pl.DataFrame:
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    age_days = (period_end - birth).astype(int)
    infants = np.flatnonzero(age_days < 3 * 365)
    mothers = np.flatnonzero((members["sex"].to_numpy() == "F") & (age_days >= 18 * 365))
    linked = infants[rng.random(len(infants)) < 0.85]
    chosen = mothers[rng.integers(0, len(mothers), len(linked))] if len(mothers) else np.array([], int)
    ids = members["member_id"].to_numpy().astype(str)
    method = np.where(rng.random(len(linked)) < 0.7, "case_number", "birth_certificate")
    return pl.DataFrame({
        "mother_member_id": ids[chosen], "child_member_id": ids[linked], "link_method": method,
        "link_confidence": np.round(np.where(method == "birth_certificate", 0.99, rng.uniform(0.7, 0.98, len(linked))), 2),
    }).unique(["mother_member_id", "child_member_id"], maintain_order=True)


def _kindergarten(rng: np.random.Generator, members: pl.DataFrame, factor: np.ndarray, year: int) -> pl.DataFrame:
    birth = members["birth_date"].to_numpy().astype("datetime64[D]")
    # Kindergarten entrants: 5 by 1 September of the school year.
    september = np.datetime64(f"{year}-09-01")
    age_days = (september - birth).astype(int)
    entrants = np.flatnonzero((age_days >= 5 * 365) & (age_days < 6 * 365) & (rng.random(len(birth)) < 0.9))
    scores = rng.normal(50 * factor[entrants], 10, (3, len(entrants)))
    return pl.DataFrame({
        "member_id": members["member_id"].to_numpy().astype(str)[entrants],
        "school_year": np.full(len(entrants), year),
        "assessment_date": _days(september + rng.integers(5, 40, len(entrants)).astype("timedelta64[D]")),
        "literacy_score": np.round(scores[0], 1), "math_score": np.round(scores[1], 1), "approaches_to_learning_score": np.round(scores[2], 1),
        "ready": scores.mean(axis=0) > 44,
    })


def _with_bad_rows(tables: dict[str, pl.DataFrame], year: int) -> dict[str, pl.DataFrame]:
    """A few rows a real extract would have, each of which must be rejected with a reason."""
    as_text = _as_text(tables)
    claims, enrollment, members = as_text["claims"], as_text["enrollment"], as_text["members"]
    bad_claims = pl.concat([
        claims.head(3).with_columns(pl.lit("M9999999").alias("member_id"), pl.format("X{}", pl.col("claim_id")).alias("claim_id")),
        claims.slice(10, 1),
        claims.slice(20, 1).with_columns(pl.lit("ICD9").alias("procedure_code_system"), pl.format("Y{}", pl.col("claim_id")).alias("claim_id")),
    ])
    bad_enrollment = enrollment.head(2).with_columns(pl.lit(f"{year}-06-30").alias("start_date"), pl.lit(f"{year}-01-31").alias("end_date"))
    bad_members = members.head(1).with_columns(pl.lit("M9000001").alias("member_id"), pl.lit(f"{year}-02-30").alias("birth_date"))
    immunizations = as_text["immunizations"]
    bad_immunizations = immunizations.head(2).with_columns(pl.format("X{}", pl.col("immunization_id")).alias("immunization_id"),
                                                           pl.Series("cvx_code", [None, "DTaP"]), pl.lit(None, pl.String).alias("cpt_code"))
    as_text["immunizations"] = pl.concat([immunizations, bad_immunizations])
    # An EHR record with an unknown status, and one that ends years before it begins.
    for name, key, status in (("encounters", "encounter_id", "finished"), ("observations", "observation_id", "final")):
        records = as_text[name]
        bad = records.head(2).with_columns(pl.format("X{}", pl.col(key)).alias(key), pl.Series("status", ["done", status]), pl.Series("end_date", [None, f"{year - 3}-01-01"]))
        as_text[name] = pl.concat([records, bad])
    as_text["claims"] = pl.concat([claims, bad_claims])
    as_text["enrollment"] = pl.concat([enrollment, bad_enrollment])
    as_text["members"] = pl.concat([members, bad_members])
    return as_text


def _as_text(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every column as text, as a CSV extract arrives (and as chunks after one with bad rows must be)."""
    return {name: frame.with_columns(pl.all().cast(pl.String)) for name, frame in tables.items()}


def write_extracts(chunks: Iterable[dict[str, pl.DataFrame]], directory: Path, file_format: str = "parquet") -> dict[Path, int]:
    """Each extract to one file, a chunk at a time (so memory holds one chunk); the rows written to each."""
    directory.mkdir(parents=True, exist_ok=True)
    writers: dict[str, FrameWriter] = {}
    with ExitStack() as files:  # every file finished at the end, or every one removed on an error
        for tables in chunks:
            for name, frame in tables.items():
                if name not in writers:
                    writers[name] = files.enter_context(FrameWriter(directory / f"{name}.{file_format}", frame.schema))
                writers[name].write(frame)
    return {writer.path: writer.rows for writer in writers.values()}
