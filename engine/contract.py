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

from engine.codes import PROCEDURE_CODE_SYSTEMS, normalize_code, normalize_code_system, normalize_modifiers
from engine.errors import DataError, Problem

TYPES = {"string": pl.String, "date": pl.Date, "integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}

RACE_CODES = ("AIAN", "ASIAN", "BLACK", "MENA", "NHPI", "WHITE", "DECLINED", "UNKNOWN")
ETHNICITY_CODES = ("HISPANIC", "NOT_HISPANIC", "DECLINED", "UNKNOWN")
OPEN_END = date(9999, 12, 31)
EARLIEST_DATE = date(1900, 1, 1)
# Code columns and how each is normalised, so extract codes compare equal to value set codes.
CODE_COLUMNS = {
    "claims": {"procedure_code": normalize_code, "procedure_code_system": normalize_code_system, "diagnosis_codes": normalize_code,
               "provider_type": normalize_code, "modifiers": normalize_modifiers},
    "screenings": {"instrument": normalize_code, "item": normalize_code, "answer_code": normalize_code},
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    multi: bool = False  # '|'-separated list of allowed values


@dataclass(frozen=True)
class Extract:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # a second row with the same key is a duplicate


EXTRACTS: dict[str, Extract] = {
    extract.name: extract
    for extract in (
        Extract(
            "members",
            "One row per member: demographics as the program holds them.",
            (
                Column("member_id", "string", "Member identifier, unique.", True),
                Column("birth_date", "date", "Date of birth (YYYY-MM-DD).", True),
                Column("sex", "string", "F, M, X (another sex) or U (unknown).", True, ("F", "M", "X", "U")),
                Column("race", "string", "One or more 2024 OMB SPD-15 race codes separated by '|'; DECLINED or UNKNOWN when not given.", True, RACE_CODES, True),
                Column("ethnicity", "string", "Hispanic or Latino: HISPANIC, NOT_HISPANIC, DECLINED or UNKNOWN.", True, ETHNICITY_CODES),
                Column("race_ethnicity_source", "string", "SELF_REPORTED, IMPUTED or UNKNOWN.", False, ("SELF_REPORTED", "IMPUTED", "UNKNOWN")),
                Column("household_income", "number", "Annual household income in dollars (with household_size gives the poverty level)."),
                Column("household_size", "integer", "People in the household."),
                Column("fpl_percent", "number", "Percent of the federal poverty level, when given directly (wins over income)."),
                Column("state", "string", "Two-letter state code of residence (AK and HI have their own poverty guidelines)."),
                Column("county", "string", "County name or FIPS code."),
                Column("zip", "string", "ZIP code."),
                Column("preferred_language", "string", "Preferred language."),
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
                Column("service_to", "date", "Last date of service; may be empty (measures date a claim line by service_from; one before service_from is rejected)."),
                Column("procedure_code", "string", "CPT, HCPCS or CDT code."),
                Column("procedure_code_system", "string", "CPT, HCPCS or CDT.", False, PROCEDURE_CODE_SYSTEMS),
                Column("modifiers", "string", "Procedure modifiers separated by '|'."),
                Column("diagnosis_codes", "string", "ICD-10-CM codes separated by '|' (dots optional)."),
                Column("place_of_service", "string", "CMS place of service code."),
                Column("provider_npi", "string", "Rendering provider NPI."),
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
                Column("answer_code", "string", "LOINC answer code (LA...)."),
                Column("score", "number", "Numeric score, for scored items or totals."),
                Column("result", "string", "positive or negative.", False, ("positive", "negative")),
                Column("referral_date", "date", "Date of a referral or intervention for a positive result."),
                Column("referral_status", "string", "made, completed or declined.", False, ("made", "completed", "declined")),
            ),
            ("screening_id", "item"),
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
                Column("literacy_score", "number", "Early literacy domain score."),
                Column("math_score", "number", "Early math domain score."),
                Column("approaches_to_learning_score", "number", "Approaches to learning domain score."),
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
    """Typed value, or null where the text does not parse (the raw text stays for the reason)."""
    target = TYPES[type_name]
    if source == target:
        return column
    text = column.cast(pl.String).str.strip_chars()
    if type_name == "date":
        return text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    if type_name == "boolean":
        lowered = text.str.to_lowercase()
        return pl.when(lowered.is_in(["true", "t", "1", "yes", "y"])).then(True).when(lowered.is_in(["false", "f", "0", "no", "n"])).then(False)
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
            if column.name not in present:
                problems.append(Problem(str(path), f"missing column '{column.name}' ({column.type}): {column.description}"))
        frames[name] = frame
    return frames, problems


def load_extracts(directory: Path, needed: list[str], today: date | None = None) -> Extracts:
    """Read, type and validate the extracts. `needed` extracts must exist; others are empty if absent.

    Raises DataError listing every missing file and column at once.
    """
    present = [name for name in EXTRACTS if name in needed or find_extract_file(directory, name)]
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
    files, rejects, reports, code_maps = {}, {}, {}, {}
    member_ids: pl.Series | None = None
    for name, extract in EXTRACTS.items():
        path = paths.get(name)
        raw = frames.get(name, _empty_raw(extract)).lazy()
        report = ExtractReport(name, str(path) if path else None, file_sha256(path) if path else None)
        report.rows_read, rejected, files[name], code_maps[name] = _validate(extract, raw, member_ids, today, path, Path(workspace.name) / f"{name}.parquet")
        if name == "members":
            member_ids = pl.read_parquet(files[name], columns=["member_id"])["member_id"]
        report.rows_rejected = rejected.height
        report.rows_used = report.rows_read - report.rows_rejected
        for reason in rejected["reject_reason"].str.split("; ").explode().to_list():
            report.reasons[reason] = report.reasons.get(reason, 0) + 1
        rejects[name], reports[name] = rejected, report
    return Extracts(files, rejects, reports, workspace, {name: maps for name, maps in code_maps.items() if maps})


def _empty_raw(extract: Extract) -> pl.DataFrame:
    return pl.DataFrame(schema={column.name: pl.String for column in extract.columns})


def _row_checks(extract: Extract, schema: pl.Schema, unknown_members: dict[str, pl.Series], today: date) -> list[pl.Expr]:
    """Boolean expressions, each with the reason a row fails it (`unknown_members`: each member id column's ids that the members extract lacks)."""
    checks: list[pl.Expr] = []
    for column in extract.columns:
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
    for id_column, unknown in unknown_members.items():
        checks.append((pl.col(id_column).is_not_null() & pl.col(id_column).is_in(unknown.implode())).alias(f"unknown member in {id_column}"))
    checks += _extract_checks(extract.name, today)
    return checks


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
        return [(pl.col("birth_date") > today).alias("birth_date in the future"),
                (pl.col("household_size") < 1).alias("household_size below 1"),
                (pl.col("household_income") < 0).alias("negative household_income")]
    if name == "enrollment":
        return [(pl.col("end_date") < pl.col("start_date")).alias("end_date before start_date")]
    if name == "claims":
        return [(pl.col("service_to") < pl.col("service_from")).alias("service_to before service_from"),
                (pl.col("procedure_code").is_not_null() & pl.col("procedure_code_system").is_null()).alias("procedure_code without procedure_code_system"),
                (pl.col("procedure_code").is_null() & pl.col("diagnosis_codes").is_null()).alias("no procedure or diagnosis code")]
    if name == "dyads":
        return [((pl.col("link_confidence") < 0) | (pl.col("link_confidence") > 1)).alias("link_confidence outside 0 to 1"),
                (pl.col("mother_member_id") == pl.col("child_member_id")).alias("mother and child are the same member")]
    return []


def _validate(extract: Extract, raw: pl.LazyFrame, member_ids: pl.Series | None, today: date,
              source: Path | None, valid_file: Path) -> tuple[int, pl.DataFrame, Path, dict[str, pl.DataFrame]]:
    """Validate one extract; return the rows read, the rejected rows with their reasons, the file of
    valid rows and the code maps to apply where it is read (`read_in_place`).

    Streaming passes, so memory does not grow with the extract: (0) the distinct values of its code
    columns (`_code_maps`) and member id columns (`_unknown_members`), if any; (1) for every row, whether it fails a check and a hash of
    its key; (2) only if some row failed or a key hash repeats, those rows, read whole to spell out
    reasons and settle duplicates exactly; (3) unless the source can be read in place, every other
    row, to `valid_file`.
    """
    names = [column.name for column in extract.columns]
    schema = raw.collect_schema()
    # One pass for the distinct values of the code columns and of the member id columns.
    code_columns = CODE_COLUMNS.get(extract.name, {})
    id_columns = _member_id_columns(extract) if member_ids is not None else []
    distinct = pl.collect_all([raw.select(pl.col(column).cast(pl.String).unique().drop_nulls()) for column in code_columns]
                              + [raw.select(_parse(pl.col(column), schema[column], "string").unique().drop_nulls()) for column in id_columns], engine="streaming")
    code_maps = _code_maps(code_columns, distinct[:len(code_columns)])
    unknown_members = {} if member_ids is None else {column: _unknown_members(frame[column], member_ids) for column, frame in zip(id_columns, distinct[len(code_columns):], strict=True)}
    parsed = [_parse(_mapped(column.name, code_maps[column.name]) if column.name in code_maps else pl.col(column.name), schema[column.name], column.type).alias(column.name)
              for column in extract.columns]
    rows = raw.select(names).with_row_index("__row")
    typed = rows.select("__row", *[pl.col(name).alias(f"__raw_{name}") for name in names], *parsed)
    checks = _row_checks(extract, schema, unknown_members, today)
    fails = pl.any_horizontal(checks).fill_null(False) if checks else pl.lit(False)
    key = pl.struct(list(extract.key))
    screened = typed.select("__row", fails.alias("__fails"), key.hash().alias("__key")).collect(engine="streaming")
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
    reason = pl.concat_str([pl.when(check).then(pl.lit(check.meta.output_name())) for check in checks], separator="; ", ignore_nulls=True) if checks else pl.lit(None, pl.String)
    # Only when some row is bad: the filter reads every column of every row to find none.
    found = typed.filter(pl.col("__row").is_in(bad.implode())).collect(engine="streaming") if bad.len() else typed.clear().collect()
    rejected = found.with_columns(
        pl.when(pl.col("__row").is_in(duplicates.implode())).then(pl.lit(f"duplicate {', '.join(extract.key)}")).otherwise(reason).alias("reject_reason")
    ).select([pl.col("__row").add(1).cast(pl.Int64).alias("source_row")] + [pl.col(f"__raw_{name}").cast(pl.String).alias(name) for name in names] + ["reject_reason"])
    if read_in_place(extract, source, schema) and not bad.len():
        return screened.height, rejected, source, code_maps
    valid = typed.filter(~pl.col("__row").is_in(bad.implode())) if bad.len() else typed
    _finish(extract.name, valid.select(names)).sink_parquet(valid_file)
    return screened.height, rejected, valid_file, {}


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
