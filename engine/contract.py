"""The input extracts: their columns and types, loading (CSV or Parquet), and row validation.

Bad rows are never dropped silently: each goes to the rejects with every reason it failed,
and each extract reports rows read = rows used + rows rejected.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from engine.codes import CONDITION_CODE_SYSTEMS, ENCOUNTER_CODE_SYSTEMS, OBSERVATION_CODE_SYSTEMS, PROCEDURE_CODE_SYSTEMS, has_shape, normalize_code, normalize_code_system, normalize_cvx, normalize_modifiers, normalize_ndc, normalize_padding
from engine.errors import DataError, Problem

TYPES = {"string": pl.String, "date": pl.Date, "integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}

RACE_CODES = ("AIAN", "ASIAN", "BLACK", "MENA", "NHPI", "WHITE", "DECLINED", "UNKNOWN")
ETHNICITY_CODES = ("HISPANIC", "NOT_HISPANIC", "DECLINED", "UNKNOWN")
OPEN_END = date(9999, 12, 31)
EARLIEST_DATE = date(1900, 1, 1)
# Code columns and how each is normalised, so extract codes compare equal to value set codes.
CODE_COLUMNS = {
    "claims": {"procedure_code": normalize_code, "procedure_code_system": normalize_code_system, "diagnosis_codes": normalize_code,
               "provider_type": normalize_code, "modifiers": normalize_modifiers, "place_of_service": normalize_padding, "provider_npi": normalize_padding},
    "screenings": {"instrument": normalize_code, "item": normalize_code, "answer_code": normalize_code},
    "immunizations": {"cvx_code": normalize_cvx, "cpt_code": normalize_code, "ndc_code": normalize_ndc},
    "lab_results": {"loinc_code": normalize_code, "value_code": normalize_code},
    "conditions": {"code": normalize_code, "code_system": normalize_code_system},
    "encounters": {"code": normalize_code, "code_system": normalize_code_system, "discharge_disposition": normalize_code,
                   "provider_type": normalize_code, "provider_npi": normalize_padding},
    "observations": {"code": normalize_code, "code_system": normalize_code_system, "value_code": normalize_code, "value_code_system": normalize_code_system},
}
IMMUNIZATION_STATUSES = ("completed", "not-done", "entered-in-error")  # FHIR Immunization.status
IMMUNIZATION_SOURCES = ("registry", "claim", "ehr")
VERIFICATION_STATUSES = ("confirmed", "unconfirmed", "provisional", "differential", "refuted", "entered-in-error")  # FHIR Condition.verificationStatus
# An encounters row is a visit (FHIR Encounter), a procedure performed (Procedure) or an order
# (ServiceRequest); its status is the resource's own, and which count is engine.compile.shared's business.
ENCOUNTER_RECORD_TYPES = ("encounter", "procedure", "order")
ENCOUNTER_STATUSES = ("planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",  # Encounter.status
                      "preparation", "not-done", "on-hold", "stopped", "completed",  # Procedure.status
                      "draft", "active", "revoked",  # ServiceRequest.status
                      "entered-in-error", "unknown")
LAB_RESULT_STATUSES = ("registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error")  # FHIR Observation.status
# FHIR Observation.category (terminology.hl7.org/CodeSystem/observation-category).
OBSERVATION_CATEGORIES = ("vital-signs", "survey", "social-history", "exam", "activity", "procedure", "therapy", "imaging", "laboratory")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    multi: bool = False  # '|'-separated list of allowed values
    # A demographic the measures can do without: an unusable value (missing, unparseable, unknown,
    # out of range) becomes `unknown_value` (None: empty) with a field warning, and the row is kept.
    # Rejecting the member row instead rejected every enrollment span and claim of the member too
    # ("unknown member"), so one bad household size removed a child from every measure.
    unknown_when_unusable: bool = False
    unknown_value: str | None = None
    # A column added to an extract after files were already written to its contract: a file may
    # leave it out, and it is read as empty (never required, so nothing that was valid stops being valid).
    may_be_absent: bool = False


@dataclass(frozen=True)
class Extract:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # a second row with the same key is a duplicate
    # Read when its file is there, empty when not, even by a measure that reads it: a source of
    # evidence beside claims (a registry feed), whose absence loses evidence, not the run.
    optional: bool = False


EXTRACTS: dict[str, Extract] = {
    extract.name: extract
    for extract in (
        Extract(
            "members",
            "One row per member: demographics as the program holds them.",
            (
                Column("member_id", "string", "Member identifier, unique.", True),
                Column("birth_date", "date", "Date of birth (YYYY-MM-DD).", True),
                Column("sex", "string", "F, M, X (another sex) or U (unknown); anything else is U, with a warning.", True, ("F", "M", "X", "U"),
                       unknown_when_unusable=True, unknown_value="U"),
                Column("race", "string", "One or more 2024 OMB SPD-15 race codes separated by '|'; DECLINED or UNKNOWN when not given. "
                       "A missing value or an unknown code makes the whole field UNKNOWN, with a warning.", True, RACE_CODES, True,
                       unknown_when_unusable=True, unknown_value="UNKNOWN"),
                Column("ethnicity", "string", "Hispanic or Latino: HISPANIC, NOT_HISPANIC, DECLINED or UNKNOWN; anything else is UNKNOWN, with a warning.",
                       True, ETHNICITY_CODES, unknown_when_unusable=True, unknown_value="UNKNOWN"),
                Column("race_ethnicity_source", "string", "SELF_REPORTED, IMPUTED or UNKNOWN; anything else is UNKNOWN, with a warning.", False,
                       ("SELF_REPORTED", "IMPUTED", "UNKNOWN"), unknown_when_unusable=True, unknown_value="UNKNOWN"),
                Column("household_income", "number", "Annual household income in dollars (with household_size gives the poverty level); "
                       "negative or not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("household_size", "integer", "People in the household; below 1 or not a whole number is empty, with a warning.", unknown_when_unusable=True),
                Column("fpl_percent", "number", "Percent of the federal poverty level, when given directly (wins over income); "
                       "negative or not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("state", "string", "Two-letter state code of residence (AK and HI have their own poverty guidelines)."),
                Column("county", "string", "County name or FIPS code."),
                Column("zip", "string", "ZIP code."),
                Column("preferred_language", "string", "Preferred language."),
                Column("death_date", "date", "Date of death, when known (the death exclusions of W30, WCV, CIS, LSC and SNS-E read it); "
                       "unparseable, before birth_date or in the future is empty, with a warning. The column may be left out.",
                       unknown_when_unusable=True, may_be_absent=True),
            ),
            ("member_id",),
        ),
        Extract(
            "enrollment",
            "Enrollment spans: any number per member, possibly overlapping or adjacent.",
            (
                Column("member_id", "string", "Member identifier.", True),
                Column("plan_id", "string", "Managed care plan.", True),
                Column("program", "string", "Medicaid, CHIP, ...", True),
                Column("benefit", "string", "medical or dental.", True, ("medical", "dental")),
                Column("start_date", "date", "First covered day.", True),
                Column("end_date", "date", "Last covered day; empty when ongoing."),
            ),
            ("member_id", "plan_id", "program", "benefit", "start_date", "end_date"),
        ),
        Extract(
            "claims",
            "Claim service lines.",
            (
                Column("claim_id", "string", "Claim identifier.", True),
                Column("line_number", "integer", "Line within the claim.", True),
                Column("member_id", "string", "Member identifier.", True),
                Column("service_from", "date", "First date of service.", True),
                Column("service_to", "date", "Last date of service; may be empty (measures date a claim line by service_from; one before service_from is rejected; "
                       "an unparseable one is empty, with a warning).", unknown_when_unusable=True),
                Column("procedure_code", "string", "CPT, HCPCS or CDT code."),
                Column("procedure_code_system", "string", "CPT, HCPCS or CDT.", False, PROCEDURE_CODE_SYSTEMS),
                Column("modifiers", "string", "Procedure modifiers separated by '|'."),
                Column("diagnosis_codes", "string", "ICD-10-CM codes separated by '|' (dots optional); a code not shaped like ICD-10-CM (a SNOMED CT concept, say) is kept with a warning and matches nothing."),
                Column("place_of_service", "string", "CMS place of service code (two digits); another shape is kept with a warning and matches nothing."),
                Column("provider_npi", "string", "Rendering provider NPI (ten digits); another shape is kept with a warning."),
                Column("provider_type", "string", "Provider type, matched against PROVIDER_TYPE value sets."),
                Column("claim_status", "string", "paid, denied, pending or adjusted.", True, ("paid", "denied", "pending", "adjusted")),
            ),
            ("claim_id", "line_number"),
        ),
        Extract(
            "screenings",
            "Screening and referral records from EHRs and screening platforms: one row per item answered.",
            (
                Column("screening_id", "string", "Identifier of one administration of an instrument.", True),
                Column("member_id", "string", "Member screened.", True),
                Column("screening_date", "date", "Date of the screening.", True),
                Column("instrument", "string", "LOINC code of the instrument (panel).", True),
                Column("item", "string", "LOINC code of the question, empty for a panel-level result."),
                Column("answer_code", "string", "LOINC answer code (LA...); anything else (free text) is kept with a warning and matches nothing."),
                Column("score", "number", "Numeric score, for scored items or totals; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("result", "string", "positive or negative; anything else is empty, with a warning.", False, ("positive", "negative"), unknown_when_unusable=True),
                Column("referral_date", "date", "Date of a referral or intervention for a positive result; unparseable is empty, with a warning.", unknown_when_unusable=True),
                Column("referral_status", "string", "made, completed or declined; anything else is empty, with a warning.", False, ("made", "completed", "declined"),
                       unknown_when_unusable=True),
            ),
            ("screening_id", "item"),
        ),
        Extract(
            "immunizations",
            "Vaccine doses from the state immunization registry (IIS), EHRs or claims: one row per dose recorded. "
            "Optional: a measure that reads it reads it when the file is there.",
            (
                Column("immunization_id", "string", "Identifier of the dose record, unique.", True),
                Column("member_id", "string", "Member vaccinated.", True),
                Column("administered_date", "date", "Date the dose was given.", True),
                Column("cvx_code", "string", "CDC CVX vaccine code ('3' and '03' are the same code); another shape is kept with a warning and matches nothing."),
                Column("cpt_code", "string", "CPT vaccine product code, when the record has one."),
                Column("ndc_code", "string", "FDA NDC of the product (hyphenated 10-digit forms become 11 digits), when the record has one."),
                Column("status", "string", "completed, not-done or entered-in-error (FHIR Immunization.status); only completed doses count.", True,
                       IMMUNIZATION_STATUSES),
                Column("source", "string", "Where the record came from: registry, claim or ehr.", True, IMMUNIZATION_SOURCES),
            ),
            ("immunization_id",),
            optional=True,
        ),
        Extract(
            "lab_results",
            "Laboratory results from labs, EHRs or the state's lead surveillance: one row per result. "
            "Optional: a measure that reads it reads it when the file is there.",
            (
                Column("lab_result_id", "string", "Identifier of the result, unique.", True),
                Column("member_id", "string", "Member tested.", True),
                Column("collection_date", "date", "Date the specimen was collected (measures date a test by it).", True),
                Column("loinc_code", "string", "LOINC code of the test; another shape is kept with a warning and matches nothing.", True),
                Column("value_number", "number", "Numeric result; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("value_code", "string", "Coded result (a LOINC answer or SNOMED CT concept), when the result is not a number."),
                Column("unit", "string", "UCUM unit of value_number (ug/dL)."),
                Column("status", "string", "FHIR Observation.status: registered, preliminary, final, amended, corrected, cancelled or entered-in-error; "
                       "only final, amended and corrected results count.", True, LAB_RESULT_STATUSES),
            ),
            ("lab_result_id",),
            optional=True,
        ),
        Extract(
            "conditions",
            "Diagnoses and histories from EHRs and problem lists (history of measles, anaphylaxis, immunodeficiency and the like): one row per condition. "
            "Optional: a measure that reads it reads it when the file is there.",
            (
                Column("condition_id", "string", "Identifier of the condition record, unique.", True),
                Column("member_id", "string", "Member with the condition.", True),
                Column("code", "string", "The condition's code, in code_system (dots optional for ICD-10-CM); another shape is kept with a warning and matches nothing.", True),
                Column("code_system", "string", "ICD10CM or SNOMEDCT ('ICD-10-CM' and 'SNOMED CT' are the same).", True, CONDITION_CODE_SYSTEMS),
                Column("onset_date", "date", "When the condition began (or, when no onset is known, when it was recorded); measures date a condition by it.", True),
                Column("abatement_date", "date", "When it resolved, if it has; unparseable is empty, with a warning.", unknown_when_unusable=True),
                Column("verification_status", "string", "FHIR Condition.verificationStatus: confirmed, unconfirmed, provisional, differential, refuted or entered-in-error; "
                       "refuted and entered-in-error records do not count; empty counts.", False, VERIFICATION_STATUSES),
            ),
            ("condition_id",),
            optional=True,
        ),
        Extract(
            "encounters",
            "Clinical encounters and services from EHRs, which need not have a claim: visits, procedures performed and orders, one row per code of each. "
            "Optional: a measure that reads it reads it when the file is there.",
            (
                Column("encounter_id", "string", "Identifier of the visit, procedure or order; a record with several codes has a row per code.", True),
                Column("member_id", "string", "Member seen.", True),
                Column("record_type", "string", "encounter (a visit), procedure (a service performed) or order (a service ordered).", True, ENCOUNTER_RECORD_TYPES),
                Column("start_date", "date", "First day of the visit or procedure, or the day the order was written.", True),
                Column("end_date", "date", "Last day, for a stay or procedure of more than one day; empty is the start date; unparseable is empty, with a warning.",
                       unknown_when_unusable=True),
                Column("code", "string", "The visit type or service code, in code_system; another shape is kept with a warning and matches nothing. "
                       "Diagnoses made at the visit are conditions rows.", True),
                Column("code_system", "string", "CPT, HCPCS, CDT, SNOMEDCT or ICD10PCS ('SNOMED CT' and 'ICD-10-PCS' are the same).", True, ENCOUNTER_CODE_SYSTEMS),
                Column("status", "string", "The FHIR status of the record (Encounter, Procedure or ServiceRequest.status): finished visits, completed "
                       "procedures and active or completed orders count.", True, ENCOUNTER_STATUSES),
                Column("discharge_disposition", "string", "SNOMED CT code of where the member went at discharge (Encounter.hospitalization.dischargeDisposition), "
                       "dated by the last day: discharge to hospice care."),
                Column("provider_npi", "string", "Rendering provider NPI (ten digits); another shape is kept with a warning."),
                Column("provider_type", "string", "Provider type, matched against PROVIDER_TYPE value sets."),
            ),
            ("encounter_id", "code_system", "code"),
            optional=True,
        ),
        Extract(
            "observations",
            "Clinical observations other than laboratory results, from EHRs: vital signs (height, weight, BMI), surveys and assessments "
            "(the hospice item of the Minimum Data Set), social history; one row per observation. "
            "Optional: a measure that reads it reads it when the file is there.",
            (
                Column("observation_id", "string", "Identifier of the observation, unique.", True),
                Column("member_id", "string", "Member observed.", True),
                Column("category", "string", "FHIR Observation.category: vital-signs, survey, social-history, exam, activity, procedure, therapy, imaging "
                       "or laboratory (lab results measures read are lab_results rows).", False, OBSERVATION_CATEGORIES),
                Column("effective_date", "date", "When it was observed (effectiveDateTime, or the first day of effectivePeriod); measures date an observation by it.", True),
                Column("end_date", "date", "Last day of an observation over a period (effectivePeriod.end); empty is the effective date; "
                       "unparseable is empty, with a warning.", unknown_when_unusable=True),
                Column("code", "string", "What was observed, in code_system; another shape is kept with a warning and matches nothing.", True),
                Column("code_system", "string", "LOINC or SNOMEDCT ('SNOMED CT' is the same).", True, OBSERVATION_CODE_SYSTEMS),
                Column("value_number", "number", "Numeric value; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("unit", "string", "UCUM unit of value_number (cm, kg, kg/m2, %)."),
                Column("value_code", "string", "Coded answer, in value_code_system (SNOMED CT 373066001 Yes, or a LOINC answer LA...)."),
                Column("value_code_system", "string", "LOINC or SNOMEDCT, the system of value_code.", False, OBSERVATION_CODE_SYSTEMS),
                Column("status", "string", "FHIR Observation.status: registered, preliminary, final, amended, corrected, cancelled or entered-in-error; "
                       "only final, amended and corrected observations count.", True, LAB_RESULT_STATUSES),
            ),
            ("observation_id",),
            optional=True,
        ),
        Extract(
            "dyads",
            "Mother-child links.",
            (
                Column("mother_member_id", "string", "The mother's member id.", True),
                Column("child_member_id", "string", "The child's member id.", True),
                Column("link_method", "string", "How the link was made (case number, birth certificate, ...).", True),
                Column("link_confidence", "number", "Confidence from 0 to 1.", True),
            ),
            ("mother_member_id", "child_member_id"),
        ),
        Extract(
            "kindergarten_assessments",
            "Kindergarten entry assessments from education data, linked to members.",
            (
                Column("member_id", "string", "Member identifier.", True),
                Column("school_year", "integer", "Calendar year the school year starts.", True),
                Column("assessment_date", "date", "Date of the assessment.", True),
                Column("literacy_score", "number", "Early literacy domain score; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("math_score", "number", "Early math domain score; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("approaches_to_learning_score", "number", "Approaches to learning domain score; not a number is empty, with a warning.", unknown_when_unusable=True),
                Column("ready", "boolean", "Assessed as ready for kindergarten.", True),
            ),
            ("member_id", "school_year"),
        ),
    )
}


@dataclass
class ExtractReport:
    """Row accounting for one extract: rows_read == rows_used + rows_rejected."""

    name: str
    file: str | None
    sha256: str | None
    rows_read: int = 0
    rows_used: int = 0
    rows_rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    rows_with_warnings: int = 0  # used rows with a field set to unknown or flagged (a code of the wrong shape)
    warnings: dict[str, int] = field(default_factory=dict)


@dataclass
class Extracts:
    """Validated, typed extracts with their rejects and reports.

    The valid rows are Parquet files, so no extract is ever held whole in memory: the database
    engine reads them where they lie. Most are written to a private working folder (removed when
    this object goes). An extract that needs no rewriting is the input file itself (`read_in_place`),
    with, for each code column not yet normalised, its code map: each distinct value (`raw`) and its
    normalised form (`normalised`), applied where the file is read.
    """

    files: dict[str, Path]
    rejects: dict[str, pl.DataFrame]
    reports: dict[str, ExtractReport]
    workspace: tempfile.TemporaryDirectory[str] | None = None
    code_maps: dict[str, dict[str, pl.DataFrame]] = field(default_factory=dict)  # extract -> column -> map
    warnings: dict[str, pl.DataFrame] = field(default_factory=dict)  # used rows with field warnings (source_row, raw columns, warning_reason)

    def scan(self, name: str) -> pl.LazyFrame:
        """One validated extract, engine-ready (its code maps applied)."""
        maps = self.code_maps.get(name, {})
        return pl.scan_parquet(self.files[name]).with_columns(_mapped(column, code_map).alias(column) for column, code_map in maps.items())

    def table(self, name: str) -> pl.DataFrame:
        """One validated extract, read into memory (for small ones such as members)."""
        return self.scan(name).collect()


def find_extract_file(directory: Path, name: str) -> Path | None:
    for suffix in (".parquet", ".csv"):
        candidate = directory / f"{name}{suffix}"
        if candidate.exists():
            return candidate
    return None


def _scan(path: Path) -> pl.LazyFrame:
    if path.suffix == ".csv":
        return pl.scan_csv(path, infer_schema=False)
    return pl.scan_parquet(path)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _parse(column: pl.Expr, source: pl.DataType, type_name: str) -> pl.Expr:
    """Typed value, or null where the text does not parse (the raw text stays for the reason).

    An integer must be a whole number: '3' and '3.0' are 3, '2.5' does not parse."""
    target = TYPES[type_name]
    if source == target:
        return column
    text = column.cast(pl.String).str.strip_chars()
    if type_name == "date":
        return text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    if type_name == "boolean":
        lowered = text.str.to_lowercase()
        return pl.when(lowered.is_in(["true", "t", "1", "yes", "y"])).then(True).when(lowered.is_in(["false", "f", "0", "no", "n"])).then(False)
    if type_name == "integer":
        number = text.cast(pl.Float64, strict=False)
        return pl.when(number.is_finite() & (number == number.round(0))).then(number.cast(pl.Int64, strict=False))
    return text.cast(target, strict=False)


def _missing_problems(directory: Path, needed: list[str]) -> tuple[dict[str, pl.LazyFrame], list[Problem]]:
    frames, problems = {}, []
    for name in needed:
        extract = EXTRACTS[name]
        path = find_extract_file(directory, name)
        if path is None:
            problems.append(Problem(str(directory / f"{name}.csv"), f"missing extract '{name}': expected {name}.csv or {name}.parquet. {extract.description}"))
            continue
        frame = _scan(path)
        present = frame.collect_schema().names()
        for column in extract.columns:
            if column.name not in present and not column.may_be_absent:
                problems.append(Problem(str(path), f"missing column '{column.name}' ({column.type}): {column.description}"))
        absent = [column.name for column in extract.columns if column.may_be_absent and column.name not in present]
        frames[name] = frame.with_columns(pl.lit(None, pl.String).alias(column) for column in absent)
    return frames, problems


def load_extracts(directory: Path, needed: list[str], today: date | None = None) -> Extracts:
    """Read, type and validate the extracts. `needed` extracts must exist (unless optional); others are empty if absent.

    Raises DataError listing every missing file and column at once.
    """
    present = [name for name in EXTRACTS if (name in needed and not EXTRACTS[name].optional) or find_extract_file(directory, name)]
    frames, problems = _missing_problems(directory, present)
    if problems:
        raise DataError(problems)
    paths = {name: find_extract_file(directory, name) for name in frames}
    return validate_extracts(frames, today, paths)


def validate_extracts(frames: Mapping[str, pl.DataFrame | pl.LazyFrame], today: date | None = None, paths: dict[str, Path | None] | None = None) -> Extracts:
    """Validate raw frames (any extract missing is empty): typed valid rows as files, rejects with reasons, reports."""
    today = today or date.today()
    paths = paths or {}
    workspace = tempfile.TemporaryDirectory(prefix="eqm-extracts-")
    files, rejects, warnings, reports, code_maps = {}, {}, {}, {}, {}
    members: pl.DataFrame | None = None
    for name, extract in EXTRACTS.items():
        path = paths.get(name)
        raw = frames.get(name, _empty_raw(extract)).lazy()
        report = ExtractReport(name, str(path) if path else None, file_sha256(path) if path else None)
        checked = _validate(extract, raw, members, today, path, Path(workspace.name) / f"{name}.parquet")
        report.rows_read, files[name], code_maps[name] = checked.rows_read, checked.file, checked.code_maps
        if name == "members":
            members = pl.read_parquet(files[name], columns=["member_id", "birth_date"])
        report.rows_rejected = checked.rejected.height
        report.rows_used = report.rows_read - report.rows_rejected
        report.reasons = _count_reasons(checked.rejected["reject_reason"])
        report.rows_with_warnings = checked.warned.height
        report.warnings = _count_reasons(checked.warned["warning_reason"])
        rejects[name], warnings[name], reports[name] = checked.rejected, checked.warned, report
    return Extracts(files, rejects, reports, workspace, {name: maps for name, maps in code_maps.items() if maps}, warnings)


def _count_reasons(reasons: pl.Series) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reason in reasons.str.split("; ").explode().drop_nulls().to_list():
        counts[reason] = counts.get(reason, 0) + 1
    return counts


def _empty_raw(extract: Extract) -> pl.DataFrame:
    return pl.DataFrame(schema={column.name: pl.String for column in extract.columns})


def _column_checks(column: Column, schema: pl.Schema) -> list[pl.Expr]:
    """Boolean expressions, each named by the reason a value fails it: missing, unparseable, impossible, unknown."""
    checks: list[pl.Expr] = []
    value, text = pl.col(column.name), pl.col(f"__raw_{column.name}")
    source = schema[column.name]
    # A typed column (Parquet) has no text to be blank or fail to parse: null is its only empty.
    has_text = text.is_not_null() & (text.str.strip_chars() != "") if source == pl.String else text.is_not_null()
    if column.required:
        checks.append((~has_text).alias(f"missing {column.name}"))
    if source != TYPES[column.type]:
        checks.append((has_text & value.is_null()).alias(f"unparseable {column.name}"))
    if column.type == "date":
        checks.append((value.is_not_null() & ((value < EARLIEST_DATE) | (value > OPEN_END))).alias(f"impossible {column.name}"))
    if column.allowed is not None:
        if column.multi:
            codes = value.str.split("|").list.eval(pl.element().str.strip_chars())
            bad = codes.list.eval(~pl.element().is_in(list(column.allowed))).list.any()
        else:
            bad = ~value.is_in(list(column.allowed))
        checks.append((value.is_not_null() & bad).alias(f"unknown {column.name}"))
    return checks


def _row_checks(extract: Extract, schema: pl.Schema, unknown_members: dict[str, pl.Series], today: date) -> list[pl.Expr]:
    """Boolean expressions, each with the reason a row fails it and is rejected (`unknown_members`:
    each member id column's ids that the members extract lacks)."""
    checks = [check for column in extract.columns if not column.unknown_when_unusable for check in _column_checks(column, schema)]
    for id_column, unknown in unknown_members.items():
        checks.append((pl.col(id_column).is_not_null() & pl.col(id_column).is_in(unknown.implode())).alias(f"unknown member in {id_column}"))
    return checks + _extract_checks(extract.name, today)


def _field_checks(extract: Extract, schema: pl.Schema, shape_failures: dict[str, list[pl.Expr]], early_events: pl.DataFrame | None,
                  today: date) -> dict[str, list[pl.Expr]]:
    """Per column, the checks whose failure is a field warning, not a rejected row: an unusable
    demographic (it becomes unknown), a code not shaped like its system's codes (`shape_failures`:
    the column's test; kept, it matches nothing), an event dated before the member's birth (kept).
    Each expression is named by its reason."""
    checks: dict[str, list[pl.Expr]] = {}
    for column in extract.columns:
        if column.unknown_when_unusable:
            checks[column.name] = _column_checks(column, schema)
    for column, impossible in _impossible_values(extract.name, today).items():
        checks.setdefault(column, []).extend(impossible)
    for column, failing in shape_failures.items():
        checks.setdefault(column, []).extend(failing)
    if early_events is not None and early_events.height:
        date_column = EVENT_DATES[extract.name]
        birth = pl.col("member_id").replace_strict(early_events["member_id"], early_events["birth_date"], default=None, return_dtype=pl.Date)
        checks.setdefault(date_column, []).append((pl.col(date_column) < birth).alias(f"{date_column} before the member's birth_date"))
    return checks


def _impossible_values(name: str, today: date) -> dict[str, list[pl.Expr]]:
    """Per column, values that parse but cannot be right, each test named by its reason: the field
    becomes unknown, with a warning. A date of death that cannot be right excludes nobody: the
    child stays measured."""
    if name != "members":
        return {}
    return {
        "household_size": [(pl.col("household_size") < 1).alias("household_size below 1")],
        "household_income": [(pl.col("household_income") < 0).alias("negative household_income")],
        "fpl_percent": [(pl.col("fpl_percent") < 0).alias("negative fpl_percent")],
        "death_date": [(pl.col("death_date") < pl.col("birth_date")).alias("death_date before birth_date"),
                       (pl.col("death_date") > today).alias("death_date in the future")],
    }


# The date of each member's event extracts, checked against the member's birth date. An event
# before birth under the child's own id is kept with a warning: no measure window opens before
# birth, so it counts nowhere, and a run of them points to a wrong birth date or a claim billed
# under the wrong id. (A newborn's care billed under the mother's id is not moved to the child:
# nothing in the extract says which of the mother's lines were the newborn's; README "Input extracts".)
EVENT_DATES = {"claims": "service_from", "screenings": "screening_date", "immunizations": "administered_date", "lab_results": "collection_date",
               "conditions": "onset_date", "encounters": "start_date", "observations": "effective_date", "kindergarten_assessments": "assessment_date"}
# The code system each shaped column holds (engine.codes.CODE_SHAPES), or (the column naming each
# row's system, the systems it may name): a procedure code takes the system on its line.
SHAPED_COLUMNS: dict[str, dict[str, str | tuple[str, tuple[str, ...]]]] = {
    "claims": {"procedure_code": ("procedure_code_system", PROCEDURE_CODE_SYSTEMS), "diagnosis_codes": "ICD10CM", "modifiers": "MODIFIER", "place_of_service": "PLACE_OF_SERVICE", "provider_npi": "NPI"},
    "screenings": {"instrument": "LOINC", "item": "LOINC", "answer_code": "LOINC_ANSWER"},
    "immunizations": {"cvx_code": "CVX", "cpt_code": "CPT", "ndc_code": "NDC"},
    "lab_results": {"loinc_code": "LOINC"},
    "conditions": {"code": ("code_system", CONDITION_CODE_SYSTEMS)},
    "encounters": {"code": ("code_system", ENCOUNTER_CODE_SYSTEMS), "discharge_disposition": "SNOMEDCT", "provider_npi": "NPI"},
    # A coded answer in LOINC is a LOINC answer (LA...), not a LOINC code: only SNOMED CT answers are shape-checked.
    "observations": {"code": ("code_system", OBSERVATION_CODE_SYSTEMS), "value_code": ("value_code_system", ("SNOMEDCT",))},
}
SHAPE_LABELS = {"CPT": "CPT", "HCPCS": "HCPCS", "CDT": "CDT", "ICD10CM": "ICD-10-CM", "ICD10PCS": "ICD-10-PCS", "LOINC": "LOINC", "LOINC_ANSWER": "a LOINC answer (LA)", "CVX": "CVX", "NDC": "an NDC", "SNOMEDCT": "SNOMED CT",
                "MODIFIER": "a modifier", "PLACE_OF_SERVICE": "a place of service", "NPI": "an NPI"}


def _shape_failures(extract: Extract, distinct: dict[str, pl.Series]) -> dict[str, list[pl.Expr]]:
    """For each shaped column, tests of whether a line's (normalised) value has the wrong shape,
    each named by its reason.

    Shapes are checked on each column's distinct values, then each line looks among the few that
    fail, as member ids are (`_unknown_members`); a procedure code against the system on its line."""
    failures: dict[str, list[pl.Expr]] = {}
    for column, system in SHAPED_COLUMNS.get(extract.name, {}).items():
        values = distinct[column].drop_nulls().to_frame("code").filter(pl.col("code") != "")
        system_column, shapes = system if isinstance(system, tuple) else (None, (system,))
        for shape in shapes:
            bad = values.filter(~has_shape(pl.col("code"), shape))["code"]
            if not bad.len():
                continue
            failing = pl.col(column).is_in(bad.implode())
            if system_column is not None:
                failing = (pl.col(system_column) == shape) & failing
            failures.setdefault(column, []).append(failing.fill_null(False).alias(f"{column} not shaped like {SHAPE_LABELS[shape]}"))
    return failures


def _member_id_columns(extract: Extract) -> list[str]:
    return [column.name for column in extract.columns if column.name.endswith("member_id")]


def _unknown_members(distinct_ids: pl.Series, member_ids: pl.Series) -> pl.Series:
    """Of an id column's distinct values, those the members extract lacks.

    Checked on the distinct ids, not per line: a join of every line against the members took 1.8 s
    of 4 s of checking 22 million claim lines (and `is_in` against every member id rebuilt its set
    for each column); each line then looks for its id among the few unknown ones, most often none.
    """
    return distinct_ids.to_frame("member_id").join(member_ids.to_frame("member_id"), on="member_id", how="anti")["member_id"]


def _extract_checks(name: str, today: date) -> list[pl.Expr]:
    if name == "members":
        return [(pl.col("birth_date") > today).alias("birth_date in the future")]
    if name in ("enrollment", "encounters"):
        return [(pl.col("end_date") < pl.col("start_date")).alias("end_date before start_date")]
    if name == "observations":
        return [(pl.col("end_date") < pl.col("effective_date")).alias("end_date before effective_date"),
                (pl.col("value_code").is_not_null() & pl.col("value_code_system").is_null()).alias("value_code without value_code_system")]
    if name == "claims":
        return [(pl.col("service_to") < pl.col("service_from")).alias("service_to before service_from"),
                (pl.col("procedure_code").is_not_null() & pl.col("procedure_code_system").is_null()).alias("procedure_code without procedure_code_system"),
                (pl.col("procedure_code").is_null() & pl.col("diagnosis_codes").is_null()).alias("no procedure or diagnosis code")]
    if name == "immunizations":
        return [pl.all_horizontal(pl.col(column).is_null() for column in ("cvx_code", "cpt_code", "ndc_code")).alias("no vaccine code (cvx_code, cpt_code or ndc_code)")]
    if name == "dyads":
        return [((pl.col("link_confidence") < 0) | (pl.col("link_confidence") > 1)).alias("link_confidence outside 0 to 1"),
                (pl.col("mother_member_id") == pl.col("child_member_id")).alias("mother and child are the same member")]
    return []


@dataclass(frozen=True)
class CheckedExtract:
    """One extract validated: rows read, rejected rows (with `reject_reason`), used rows with field
    warnings (with `warning_reason`), the file of valid rows and the code maps to apply where it is read."""

    rows_read: int
    rejected: pl.DataFrame
    warned: pl.DataFrame
    file: Path
    code_maps: dict[str, pl.DataFrame]


def _reason(checks: list[pl.Expr]) -> pl.Expr:
    """The names of the checks a row fails, '; '-joined."""
    if not checks:
        return pl.lit(None, pl.String)
    return pl.concat_str([pl.when(check).then(pl.lit(check.meta.output_name())) for check in checks], separator="; ", ignore_nulls=True)


def _validate(extract: Extract, raw: pl.LazyFrame, members: pl.DataFrame | None, today: date,
              source: Path | None, valid_file: Path) -> CheckedExtract:
    """Validate one extract (`members`: the valid members' ids and birth dates, once known).

    Streaming passes, so memory does not grow with the extract: (0) the distinct values of its code
    columns (`_code_maps`, `_shape_failures`) and member id columns (`_unknown_members`), and each
    member's earliest event, if any; (1) for every row, whether it fails a check or has a field
    warning, and a hash of its key; (2) only if some row failed, has a warning or a key hash
    repeats, those rows, read whole to spell out reasons and settle duplicates exactly; (3) unless
    the source can be read in place, every other row, to `valid_file`, unusable fields made unknown.
    """
    names = [column.name for column in extract.columns]
    schema = raw.collect_schema()
    # One pass for the distinct values of the code and member id columns, and the earliest events.
    # Every shaped column is a code column, so its shape is checked on its normalised values.
    code_columns = CODE_COLUMNS.get(extract.name, {})
    id_columns = _member_id_columns(extract) if members is not None else []
    dated = members is not None and extract.name in EVENT_DATES
    queries = ([raw.select(pl.col(column).cast(pl.String).unique().drop_nulls()) for column in code_columns]
               + [raw.select(_parse(pl.col(column), schema[column], "string").unique().drop_nulls()) for column in id_columns])
    if dated:
        date_column = EVENT_DATES[extract.name]
        queries.append(raw.select(_parse(pl.col("member_id"), schema["member_id"], "string").alias("member_id"),
                                  _parse(pl.col(date_column), schema[date_column], "date").alias("earliest"))
                       .group_by("member_id").agg(pl.col("earliest").min()))
    distinct = pl.collect_all(queries, engine="streaming")
    code_maps = _code_maps(code_columns, distinct[:len(code_columns)])
    normalised = {column: (code_maps[column]["normalised"] if column in code_maps else frame[column]) for column, frame in zip(code_columns, distinct, strict=False)}
    id_frames = distinct[len(code_columns):len(code_columns) + len(id_columns)]
    unknown_members = {} if members is None else {column: _unknown_members(frame[column], members["member_id"]) for column, frame in zip(id_columns, id_frames, strict=True)}
    early_events = None
    if dated:
        early_events = distinct[-1].join(members, on="member_id").filter(pl.col("earliest") < pl.col("birth_date")).select("member_id", "birth_date")
    parsed = [_parse(_mapped(column.name, code_maps[column.name]) if column.name in code_maps else pl.col(column.name), schema[column.name], column.type).alias(column.name)
              for column in extract.columns]
    rows = raw.select(names).with_row_index("__row")
    typed = rows.select("__row", *[pl.col(name).alias(f"__raw_{name}") for name in names], *parsed)
    checks = _row_checks(extract, schema, unknown_members, today)
    field_checks = _field_checks(extract, schema, _shape_failures(extract, normalised), early_events, today)
    every_field_check = [check for column_checks in field_checks.values() for check in column_checks]
    fails = pl.any_horizontal(checks).fill_null(False) if checks else pl.lit(False)
    warns = pl.any_horizontal(every_field_check).fill_null(False) if every_field_check else pl.lit(False)
    unusable = _unusable(extract, field_checks)
    # Whether a row has a field made unknown: a warning that only flags (a code of the wrong shape,
    # an event before birth) keeps every value, so the file can still be read in place.
    changes = pl.any_horizontal(list(unusable.values())) if unusable else pl.lit(False)
    key = pl.struct(list(extract.key))
    screened = typed.select("__row", fails.alias("__fails"), warns.alias("__warns"), changes.alias("__changes"), key.hash().alias("__key")).collect(engine="streaming")
    failing = screened.filter(pl.col("__fails"))["__row"]
    # Equal keys hash equal, so rows whose hash repeats among passing rows are the only candidates.
    # Repeats are found by sorting the hashes: is_duplicated's hash table took 6 s for 22 million
    # claim lines, the sort half a second.
    passing = screened.filter(~pl.col("__fails"))
    hashes = passing["__key"].sort()
    repeated = hashes.filter(hashes == hashes.shift(1))
    candidates = passing.filter(pl.col("__key").is_in(repeated.implode()))["__row"] if repeated.len() else failing.clear()
    duplicates = failing.clear()
    if candidates.len():
        # A duplicate is a later row with the same key as an earlier valid row; the first is kept.
        keys = typed.filter(pl.col("__row").is_in(candidates.implode())).select("__row", *extract.key).collect().sort("__row")
        duplicates = keys.filter(~key.is_first_distinct())["__row"]
    bad = pl.concat([failing, duplicates]).sort()
    warned_rows = passing.filter(pl.col("__warns") & ~pl.col("__row").is_in(duplicates.implode()))["__row"]
    raw_columns = [pl.col("__row").add(1).cast(pl.Int64).alias("source_row")] + [pl.col(f"__raw_{name}").cast(pl.String).alias(name) for name in names]
    # Only when some row is bad or warned: the filter reads every column of every row to find none.
    listed = pl.concat([bad, warned_rows])
    found = typed.filter(pl.col("__row").is_in(listed.implode())).collect(engine="streaming") if listed.len() else typed.clear().collect()
    rejected = found.filter(pl.col("__row").is_in(bad.implode())).with_columns(
        pl.when(pl.col("__row").is_in(duplicates.implode())).then(pl.lit(f"duplicate {', '.join(extract.key)}")).otherwise(_reason(checks)).alias("reject_reason")
    ).select(*raw_columns, "reject_reason")
    warned = found.filter(pl.col("__row").is_in(warned_rows.implode())).with_columns(_reason(every_field_check).alias("warning_reason")).select(*raw_columns, "warning_reason")
    any_changed = bool(passing["__changes"].any())
    if read_in_place(extract, source, schema) and not bad.len() and not any_changed:
        return CheckedExtract(screened.height, rejected, warned, source, code_maps)
    valid = typed.filter(~pl.col("__row").is_in(bad.implode())) if bad.len() else typed
    if any_changed:
        valid = valid.with_columns(_made_unknown(extract, unusable))
    _finish(extract.name, valid.select(names)).sink_parquet(valid_file)
    return CheckedExtract(screened.height, rejected, warned, valid_file, {})


def _unusable(extract: Extract, field_checks: dict[str, list[pl.Expr]]) -> dict[str, pl.Expr]:
    """For each demographic that becomes unknown when unusable, whether a row's value is unusable."""
    return {column.name: pl.any_horizontal(field_checks[column.name]).fill_null(False)
            for column in extract.columns if column.unknown_when_unusable and field_checks.get(column.name)}


def _made_unknown(extract: Extract, unusable: dict[str, pl.Expr]) -> list[pl.Expr]:
    """Each demographic whose value is unusable, made unknown (its `unknown_value`, or empty)."""
    return [pl.when(unusable[column.name]).then(pl.lit(column.unknown_value, TYPES[column.type])).otherwise(pl.col(column.name)).alias(column.name)
            for column in extract.columns if column.name in unusable]


# Extracts whose valid rows are reshaped for the engine (`_finish`), so always rewritten.
FINISHED = frozenset({"members", "enrollment"})


def read_in_place(extract: Extract, source: Path | None, schema: pl.Schema) -> bool:
    """Whether the extract's input file, when every row passes, can be read as it is.

    Rewriting the valid rows costs what reading and writing the whole file costs (7 s of 11 s of
    validating 22 million claim lines, README "Scale"). A Parquet file that holds exactly the
    extract's columns, already in their types, needs none of it: what validation would change (its
    codes' spelling) is a code map applied where the file is read. Text (CSV) is always parsed and
    written, and so is a file with rejected rows.
    """
    expected = [(column.name, TYPES[column.type]) for column in extract.columns]
    return source is not None and source.suffix == ".parquet" and extract.name not in FINISHED and list(schema.items()) == expected


def _finish(name: str, frame: pl.LazyFrame) -> pl.LazyFrame:
    """Engine-ready shape: open spans closed at 9999-12-31, members' unknown source spelled out."""
    if name == "enrollment":
        return frame.with_columns(pl.col("end_date").fill_null(OPEN_END))
    if name == "members":
        return frame.with_columns(pl.col("race_ethnicity_source").fill_null("UNKNOWN"))
    return frame


def _code_maps(columns: Mapping[str, Callable[[pl.Expr], pl.Expr]], distinct: list[pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """For each code column (`columns`: its normaliser; `distinct`: its distinct values) not already
    as value sets hold it (engine.codes), its map: each distinct value (`raw`) with its normalised form (`normalised`).

    Each distinct value is normalised once: an extract has tens of millions of lines but far fewer
    distinct codes, and normalising every line's text (or a `replace` mapping) cost 2 to 4 s per
    column for 22 million claim lines. A list of diagnoses normalises as one text: dropping every
    space and dot and upper-casing the whole is the same as doing it to each code.
    """
    maps = {}
    for (column, normalise), frame in zip(columns.items(), distinct, strict=True):
        code_map = frame.select(pl.col(column).alias("raw"), normalise(pl.col(column)).alias("normalised"))
        if not code_map["raw"].equals(code_map["normalised"], check_names=False):
            maps[column] = code_map
    return maps


def _mapped(column: str, code_map: pl.DataFrame) -> pl.Expr:
    """The column's values through its code map: each line looks its value up by position (an enum's
    index), 0.2 s a column for 22 million claim lines."""
    return pl.lit(code_map["normalised"]).gather(pl.col(column).cast(pl.String).cast(pl.Enum(code_map["raw"])).to_physical())
