"""Synthea CSV exports to eqm extracts: patients, payer transitions, encounters, procedures, immunizations, conditions and observations.

Synthea (MITRE's synthetic patient generator) writes one CSV per table (synthetichealth.github.io,
"CSV File Data Dictionary"). Each table read is mapped a row at a time to extract rows or skipped
with a reason, and nothing is dropped without being counted (engine.import_report): per table,
read = mapped + skipped. Its coding is clinical, not billing: encounters and procedures are SNOMED
CT, vaccines CVX, observations LOINC, and there are no CPT, HCPCS or ICD-10 codes; so the visits
go to the encounters extract, not to claims, and claims-based value sets find nothing in them.
Both the v3.0 column names (payer_transitions START_YEAR/END_YEAR holding full timestamps) and
the later ones (START_DATE/END_DATE, patients.INCOME) are read.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from engine.contract import EXTRACTS, OBSERVATION_CATEGORIES
from engine.import_report import ImportReport

RACES = {"white": "WHITE", "black": "BLACK", "asian": "ASIAN", "native": "AIAN", "hawaiian": "NHPI"}  # Synthea's "other" is none of the OMB categories: UNKNOWN
ETHNICITIES = {"hispanic": "HISPANIC", "nonhispanic": "NOT_HISPANIC"}
SEXES = {"F": "F", "M": "M"}
# Synthea writes the state's name; the poverty guidelines need its two-letter code (AK and HI differ).
STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE",
    "District of Columbia": "DC", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Puerto Rico": "PR",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA",
    "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
}
# Government payers are programs of their own name; every other payer is commercial insurance.
GOVERNMENT_PROGRAMS = {"Medicaid": "Medicaid", "Medicare": "Medicare", "Dual Eligible": "Dual Eligible"}
NO_INSURANCE = "NO_INSURANCE"
# Tables eqm does not read, and why (each is named in the report's notes when present).
NOT_READ = {
    "claims": "Synthea's claims carry its SNOMED CT, CVX and RxNorm codes, not CPT or HCPCS; the same services are read from encounters and procedures",
    "claims_transactions": "billing transactions of those claims",
    "medications": "no eqm measure reads prescriptions yet",
    "allergies": "no eqm measure reads allergies yet",
    "careplans": "no eqm measure reads care plans",
    "devices": "no eqm measure reads devices",
    "imaging_studies": "no eqm measure reads imaging",
    "supplies": "no eqm measure reads supplies",
    "organizations": "reference data",
}


def _date(column: str) -> pl.Expr:
    """A Synthea date or timestamp's calendar date ('2022-07-20T07:13:55Z' -> '2022-07-20'); empty stays empty."""
    return pl.col(column).str.slice(0, 10).replace("", None)


def _read(folder: Path, table: str) -> pl.DataFrame | None:
    path = folder / f"{table}.csv"
    if not path.exists():
        return None
    return pl.read_csv(path, infer_schema=False).with_row_index("row", offset=1)


def _reasons(checks: list[tuple[pl.Expr, str]]) -> pl.Expr:
    """The first reason a row fails, or empty when it maps."""
    reason = pl.lit(None, pl.String)
    for failing, why in reversed(checks):
        reason = pl.when(failing).then(pl.lit(why)).otherwise(reason)
    return reason


def _mapped(report: ImportReport, folder: Path, table: str, frame: pl.DataFrame, record_id: pl.Expr, checks: list[tuple[pl.Expr, str]]) -> pl.DataFrame:
    """The rows of `table` that map, after counting every row and each skip's reason."""
    outcome = frame.with_columns(record_id.alias("id"), _reasons(checks).alias("reason"))
    report.add_rows(table, str(folder / f"{table}.csv"), outcome.select("id", "reason"))
    return outcome.filter(pl.col("reason").is_null())


def _row_id(kind: str) -> pl.Expr:
    """An id for a record Synthea gives none: its kind and its row in the file ('procedure/12')."""
    return pl.concat_str(pl.lit(kind), pl.col("row").cast(pl.String), separator="/")


def _missing(column: str) -> pl.Expr:
    return pl.col(column).is_null() | (pl.col(column).str.strip_chars() == "")


def _rows(name: str, frame: pl.DataFrame, values: dict[str, pl.Expr]) -> pl.DataFrame:
    """The extract's columns in contract order, each from `values` or empty."""
    return frame.select([values.get(column.name, pl.lit(None, pl.String)).cast(pl.String).alias(column.name) for column in EXTRACTS[name].columns])


def members(folder: Path, report: ImportReport) -> pl.DataFrame | None:
    """patients -> members: Id, BIRTHDATE, DEATHDATE, GENDER, RACE and ETHNICITY (mapped to OMB
    categories), INCOME (household income; Synthea gives no household size, so the poverty level is
    unknown), STATE (its two-letter code), COUNTY, ZIP."""
    frame = _read(folder, "patients")
    if frame is None:
        return None
    kept = _mapped(report, folder, "patients", frame, pl.col("Id"), [(_missing("Id"), "no Id"), (_missing("BIRTHDATE"), "no BIRTHDATE")])
    race = pl.col("RACE").str.to_lowercase().replace_strict(RACES, default="UNKNOWN")
    ethnicity = pl.col("ETHNICITY").str.to_lowercase().replace_strict(ETHNICITIES, default="UNKNOWN")
    income = pl.col("INCOME") if "INCOME" in frame.columns else pl.lit(None, pl.String)
    return _rows("members", kept, {
        "member_id": pl.col("Id"), "birth_date": _date("BIRTHDATE"), "death_date": _date("DEATHDATE"),
        "sex": pl.col("GENDER").replace_strict(SEXES, default="U"), "race": race, "ethnicity": ethnicity,
        # Synthea draws race and ethnicity as a census respondent would give them: the person's own.
        "race_ethnicity_source": pl.when((race == "UNKNOWN") & (ethnicity == "UNKNOWN")).then(pl.lit("UNKNOWN")).otherwise(pl.lit("SELF_REPORTED")),
        "household_income": income, "state": pl.col("STATE").replace_strict(STATES, default=None), "county": pl.col("COUNTY"), "zip": pl.col("ZIP"),
    })


def enrollment(folder: Path, report: ImportReport) -> pl.DataFrame | None:
    """payer_transitions -> enrollment: PATIENT, the payer's NAME (payers.csv) as the plan, its program
    (Medicaid, Medicare and Dual Eligible by name; any other payer Commercial), the span's dates;
    medical. A span with no insurance is not enrollment (skipped, counted)."""
    frame = _read(folder, "payer_transitions")
    if frame is None:
        return None
    payers = _read(folder, "payers")
    names = dict(payers.select("Id", "NAME").iter_rows()) if payers is not None else {}
    start, end = ("START_DATE", "END_DATE") if "START_DATE" in frame.columns else ("START_YEAR", "END_YEAR")  # v3.0 names, full timestamps
    frame = frame.with_columns(pl.col("PAYER").replace_strict(names, default=None).alias("payer_name"))
    kept = _mapped(report, folder, "payer_transitions", frame, _row_id("transition"), [
        (_missing("PATIENT"), "no PATIENT"), (_missing(start), f"no {start}"), (pl.col("payer_name").is_null(), "payer not in payers.csv"),
        (pl.col("payer_name") == NO_INSURANCE, "no insurance (the NO_INSURANCE payer)"),
    ])
    return _rows("enrollment", kept, {
        "member_id": pl.col("PATIENT"), "plan_id": pl.col("payer_name"), "program": pl.col("payer_name").replace_strict(GOVERNMENT_PROGRAMS, default="Commercial"),
        "benefit": pl.lit("medical"), "start_date": _date(start), "end_date": _date(end),
    })


def _provider_types(folder: Path) -> dict[str, str]:
    """Provider Id -> its SPECIALITY as a provider type ('GENERAL PRACTICE' -> GENERAL_PRACTICE, as eqm's PROVIDER_TYPE value sets spell it)."""
    providers = _read(folder, "providers")
    if providers is None:
        return {}
    return dict(providers.select("Id", pl.col("SPECIALITY").str.strip_chars().str.to_uppercase().str.replace_all(r"\s+", "_")).iter_rows())


def encounters(folder: Path, report: ImportReport) -> pl.DataFrame | None:
    """encounters (visits: SNOMED CT CODE, START, STOP, the provider's speciality) and procedures
    (SNOMED CT CODE, START, STOP) -> encounters. Synthea records what took place: visits are
    finished and procedures completed."""
    parts = []
    visits = _read(folder, "encounters")
    if visits is not None:
        kept = _mapped(report, folder, "encounters", visits, pl.col("Id"), [
            (_missing("Id"), "no Id"), (_missing("PATIENT"), "no PATIENT"), (_missing("START"), "no START"), (_missing("CODE"), "no CODE")])
        types = _provider_types(folder)
        parts.append(_rows("encounters", kept, {
            "encounter_id": pl.col("Id"), "member_id": pl.col("PATIENT"), "record_type": pl.lit("encounter"), "start_date": _date("START"), "end_date": _date("STOP"),
            "code": pl.col("CODE"), "code_system": pl.lit("SNOMEDCT"), "status": pl.lit("finished"), "provider_type": pl.col("PROVIDER").replace_strict(types, default=None),
        }))
    procedures = _read(folder, "procedures")
    if procedures is not None:
        kept = _mapped(report, folder, "procedures", procedures, _row_id("procedure"), [(_missing("PATIENT"), "no PATIENT"), (_missing("START"), "no START"), (_missing("CODE"), "no CODE")])
        parts.append(_rows("encounters", kept, {
            "encounter_id": pl.col("id"), "member_id": pl.col("PATIENT"), "record_type": pl.lit("procedure"), "start_date": _date("START"),
            "end_date": _date("STOP"), "code": pl.col("CODE"), "code_system": pl.lit("SNOMEDCT"), "status": pl.lit("completed"),
        }))
    return pl.concat(parts) if parts else None


def immunizations(folder: Path, report: ImportReport) -> pl.DataFrame | None:
    """immunizations -> immunizations: PATIENT, DATE, CODE (CVX); given at a visit (an EHR record), completed."""
    frame = _read(folder, "immunizations")
    if frame is None:
        return None
    kept = _mapped(report, folder, "immunizations", frame, _row_id("immunization"), [(_missing("PATIENT"), "no PATIENT"), (_missing("DATE"), "no DATE"), (_missing("CODE"), "no CODE")])
    return _rows("immunizations", kept, {
        "immunization_id": pl.col("id"), "member_id": pl.col("PATIENT"), "administered_date": _date("DATE"), "cvx_code": pl.col("CODE"),
        "status": pl.lit("completed"), "source": pl.lit("ehr")})


def conditions(folder: Path, report: ImportReport) -> pl.DataFrame | None:
    """conditions -> conditions: PATIENT, CODE (SNOMED CT, or the SYSTEM column's when a later Synthea writes one), START (onset), STOP (abatement)."""
    frame = _read(folder, "conditions")
    if frame is None:
        return None
    system = pl.col("SYSTEM").str.to_uppercase().replace({"SNOMED-CT": "SNOMEDCT", "ICD-10-CM": "ICD10CM"}) if "SYSTEM" in frame.columns else pl.lit("SNOMEDCT")
    kept = _mapped(report, folder, "conditions", frame, _row_id("condition"), [(_missing("PATIENT"), "no PATIENT"), (_missing("START"), "no START"), (_missing("CODE"), "no CODE")])
    return _rows("conditions", kept, {
        "condition_id": pl.col("id"), "member_id": pl.col("PATIENT"), "code": pl.col("CODE"), "code_system": system,
        "onset_date": _date("START"), "abatement_date": _date("STOP")})


def observations(folder: Path, report: ImportReport) -> tuple[pl.DataFrame | None, pl.DataFrame | None]:
    """observations -> lab_results (CATEGORY laboratory) and observations (vital signs, surveys and the
    rest): PATIENT, DATE, CODE (LOINC), VALUE (a number when TYPE is numeric; Synthea's text values
    are displays, not codes, and are left out), UNITS; final."""
    frame = _read(folder, "observations")
    if frame is None:
        return None, None
    kept = _mapped(report, folder, "observations", frame, _row_id("observation"), [(_missing("PATIENT"), "no PATIENT"), (_missing("DATE"), "no DATE"), (_missing("CODE"), "no CODE")])
    kept = kept.with_columns(pl.when(pl.col("TYPE") == "numeric").then(pl.col("VALUE")).alias("number"))
    laboratory = pl.col("CATEGORY") == "laboratory"
    labs = _rows("lab_results", kept.filter(laboratory), {
        "lab_result_id": pl.col("id"), "member_id": pl.col("PATIENT"), "collection_date": _date("DATE"), "loinc_code": pl.col("CODE"),
        "value_number": pl.col("number"), "unit": pl.col("UNITS"), "status": pl.lit("final")})
    others = _rows("observations", kept.filter(~laboratory), {
        "observation_id": pl.col("id"), "member_id": pl.col("PATIENT"),
        "category": pl.when(pl.col("CATEGORY").is_in(list(OBSERVATION_CATEGORIES))).then(pl.col("CATEGORY")),
        "effective_date": _date("DATE"), "code": pl.col("CODE"), "code_system": pl.lit("LOINC"), "value_number": pl.col("number"), "unit": pl.col("UNITS"),
        "status": pl.lit("final")})
    return labs, others


def import_synthea(folder: Path) -> tuple[dict[str, pl.DataFrame], ImportReport]:
    """Every extract, mapped from the Synthea CSV tables in `folder` (an extract Synthea has no data
    for, such as claims or screenings, is written with its header only, so every measure can run),
    and the report of what was read."""
    report = ImportReport()
    labs, others = observations(folder, report)
    mapped = {"members": members(folder, report), "enrollment": enrollment(folder, report), "encounters": encounters(folder, report),
              "immunizations": immunizations(folder, report), "conditions": conditions(folder, report), "lab_results": labs, "observations": others}
    report.files = len(list(folder.glob("*.csv")))
    for table, why in NOT_READ.items():
        if (folder / f"{table}.csv").exists():
            report.notes.append(f"{table}.csv not read: {why}")
    frames = {}
    for name, extract in EXTRACTS.items():
        frame = mapped.get(name)
        if frame is None:
            frame = pl.DataFrame(schema={column.name: pl.String for column in extract.columns})
        if frame.is_empty():
            report.notes.append(f"{name}.csv written with its header only: nothing in the export maps to it")
        frames[name] = frame
    return frames, report
