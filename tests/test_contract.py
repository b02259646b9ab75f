"""Input extracts: missing files and columns are one error; bad rows are rejected with reasons."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from engine.contract import EXTRACTS, TYPES, load_extracts, read_in_place
from engine.errors import DataError
from tests.conftest import SAMPLE, _run
from tests.test_spec_errors import check_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots" / "data_errors"
MEMBER_HEADER = "member_id,birth_date,sex,race,ethnicity,race_ethnicity_source,household_income,household_size,fpl_percent,state,county,zip,preferred_language"


def write(directory: Path, name: str, text: str) -> None:
    (directory / f"{name}.csv").write_text(text.strip() + "\n", encoding="utf-8")


def test_missing_files_and_columns_are_one_error(tmp_path: Path) -> None:
    write(tmp_path, "members", "member_id,birth_date,ethnicity\nM1,2020-01-01,UNKNOWN")
    write(tmp_path, "claims", "claim_id,line_number,member_id,service_from\nC1,1,M1,2025-01-01")
    with pytest.raises(DataError) as raised:
        load_extracts(tmp_path, ["members", "enrollment", "claims"])
    check_snapshot(SNAPSHOTS / "missing_files_and_columns.txt", str(raised.value).replace(str(tmp_path), "DATA") + "\n")


BAD_ROWS = {
    "members": MEMBER_HEADER + """
M1,2015-06-01,F,WHITE|ASIAN,NOT_HISPANIC,SELF_REPORTED,30000,3,,OR,Lane,97401,English
M2,2015-02-30,F,WHITE,NOT_HISPANIC,,,,,OR,,,
M3,2031-01-01,Q,PURPLE,MAYBE,,-5,0,,OR,,,
M1,2015-06-01,F,WHITE,NOT_HISPANIC,,,,,OR,,,
,2015-06-01,F,WHITE,NOT_HISPANIC,,,,,OR,,,
M4,1899-12-31,M,DECLINED,DECLINED,,,,,OR,,,
""",
    "enrollment": """member_id,plan_id,program,benefit,start_date,end_date
M1,P1,Medicaid,medical,2025-01-01,2025-12-31
M1,P1,Medicaid,medical,2025-01-01,2025-12-31
M1,P1,Medicaid,vision,2025-01-01,2025-12-31
M1,P1,Medicaid,medical,2025-06-01,2025-05-31
M9,P1,Medicaid,medical,2025-01-01,
""",
    "claims": """claim_id,line_number,member_id,service_from,service_to,procedure_code,procedure_code_system,modifiers,diagnosis_codes,place_of_service,provider_npi,provider_type,claim_status
C1,1,M1,2025-03-01,,99392,CPT,,Z00.129,11,1234567890,PEDIATRICS,paid
C1,1,M1,2025-03-01,,99392,CPT,,Z00.129,11,1234567890,PEDIATRICS,paid
C2,one,M1,2025-03-01,,99392,CPT,,,11,,PEDIATRICS,paid
C3,1,M1,2025-03-05,2025-03-01,99392,ICD9,,,11,,PEDIATRICS,paid
C4,1,M1,2025-03-05,,,,,,11,,PEDIATRICS,voided
C5,1,M1,2025-03-05,,99392,,,,11,,PEDIATRICS,paid
""",
    "dyads": """mother_member_id,child_member_id,link_method,link_confidence
M1,M1,case_number,0.9
M1,M4,case_number,1.5
""",
}


def test_bad_rows_are_rejected_with_reasons(tmp_path: Path) -> None:
    for name, text in BAD_ROWS.items():
        write(tmp_path, name, text)
    extracts = load_extracts(tmp_path, ["members", "enrollment", "claims"], today=date(2026, 1, 1))
    for name in BAD_ROWS:
        report = extracts.reports[name]
        assert report.rows_read == report.rows_used + report.rows_rejected
        text = extracts.rejects[name].select("source_row", "reject_reason").write_csv()
        check_snapshot(SNAPSHOTS / f"rejects_{name}.csv", text)
    assert extracts.reports["members"].rows_used == 1
    assert extracts.reports["enrollment"].rows_used == 1
    assert extracts.reports["claims"].rows_used == 1


def test_csv_and_parquet_give_the_same_tables(tmp_path: Path) -> None:
    csv_dir, parquet_dir = tmp_path / "csv", tmp_path / "parquet"
    csv_dir.mkdir()
    parquet_dir.mkdir()
    for name, text in BAD_ROWS.items():
        write(csv_dir, name, text)
        pl.read_csv(csv_dir / f"{name}.csv", infer_schema=False).write_parquet(parquet_dir / f"{name}.parquet")
    from_csv = load_extracts(csv_dir, ["members"], today=date(2026, 1, 1))
    from_parquet = load_extracts(parquet_dir, ["members"], today=date(2026, 1, 1))
    for name in EXTRACTS:
        assert from_csv.table(name).equals(from_parquet.table(name)), name
        assert from_csv.reports[name].rows_rejected == from_parquet.reports[name].rows_rejected


def test_typed_parquet_is_validated_like_text(tmp_path: Path) -> None:
    """Typed columns (dates as dates, as `eqm synth` for benchmarks writes them) skip text parsing
    but get every other check: the same valid rows and the same rejects as the same data as CSV."""
    for name, text in BAD_ROWS.items():
        write(tmp_path, name, text)
    valid = load_extracts(tmp_path, ["members", "enrollment", "claims"], today=date(2026, 1, 1))
    typed_dir, csv_dir = tmp_path / "typed", tmp_path / "csv"
    typed_dir.mkdir()
    csv_dir.mkdir()
    members = valid.table("members")
    claims = valid.table("claims").with_columns(pl.lit("CPT").alias("procedure_code_system"))
    # A duplicate key, a member not in members, a null required value, and service_to before service_from.
    bad = pl.concat([claims, claims, claims.with_columns(pl.lit("M404").alias("member_id")), claims.with_columns(pl.lit(None, pl.String).alias("claim_id")),
                     claims.with_columns(pl.lit(date(2024, 1, 1)).alias("service_to"))])
    for name, frame in (("members", members), ("claims", bad)):
        frame.write_parquet(typed_dir / f"{name}.parquet")
        frame.write_csv(csv_dir / f"{name}.csv")
    from_typed = load_extracts(typed_dir, ["members", "claims"], today=date(2026, 1, 1))
    from_csv = load_extracts(csv_dir, ["members", "claims"], today=date(2026, 1, 1))
    assert from_typed.table("claims").equals(from_csv.table("claims")) and from_typed.table("claims").height == 1
    assert from_typed.rejects["claims"].select("source_row", "reject_reason").equals(from_csv.rejects["claims"].select("source_row", "reject_reason"))
    assert from_typed.rejects["claims"]["reject_reason"].to_list() == [
        "duplicate claim_id, line_number", "unknown member in member_id", "missing claim_id", "service_to before service_from"]


def test_codes_are_normalised_as_value_sets_hold_them(tmp_path: Path) -> None:
    """Each distinct code is normalised once and looked up per line (engine.contract._code_maps):
    the result must be what normalising every line gives, nulls stay null, and a rejected row keeps its raw text."""
    write(tmp_path, "members", MEMBER_HEADER + "\nM1,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    claims = pl.DataFrame({
        "claim_id": ["C1", "C2", "C3", "C4", "C5"], "line_number": [1, 1, 1, 1, 1], "member_id": ["M1", "M1", "M1", "M1", "M9"],
        "service_from": [date(2025, 3, 1)] * 5, "service_to": [None, date(2025, 3, 2), None, None, None],
        "procedure_code": [" 99392 ", "99392", None, "g0444", "d1206"],
        "procedure_code_system": ["cpt", "C P T", None, "hcpcs", "cdt"],
        "modifiers": [None, "95 | gt", "", "25", None],
        "diagnosis_codes": ["z00.129", "Z00.129|z23", "Z00.121\u00a0|\tZ23", None, "k02.9"],
        "place_of_service": ["11"] * 5, "provider_npi": [None] * 5,
        "provider_type": ["Family Medicine", "pediatrics", None, "PEDIATRICS", "dentist"],
        "claim_status": ["paid"] * 5,
    })
    claims.write_parquet(tmp_path / "claims.parquet")
    extracts = load_extracts(tmp_path, ["members", "claims"], today=date(2026, 1, 1))
    valid = extracts.table("claims")
    assert valid.select("procedure_code", "procedure_code_system", "modifiers", "diagnosis_codes", "provider_type").rows() == [
        ("99392", "CPT", None, "Z00129", "FAMILYMEDICINE"),
        ("99392", "CPT", "95|GT", "Z00129|Z23", "PEDIATRICS"),
        (None, None, "", "Z00121|Z23", None),
        ("G0444", "HCPCS", "25", None, "PEDIATRICS"),
    ]
    assert extracts.rejects["claims"].select("procedure_code", "diagnosis_codes", "reject_reason").rows() == [
        ("d1206", "k02.9", "unknown member in member_id")]


def test_a_clean_typed_extract_is_read_in_place(typed_sample: Path) -> None:
    """Typed Parquet in which every row passes is not rewritten: the engine reads the input file,
    its code columns through code maps, and sees exactly what rewriting would have given."""
    extracts = load_extracts(typed_sample, list(EXTRACTS))
    in_place = {name for name, path in extracts.files.items() if path.parent == typed_sample}
    assert in_place == {"claims", "screenings", "immunizations", "lab_results", "conditions", "encounters", "observations", "dyads", "kindergarten_assessments"}  # members and enrollment are reshaped
    assert {name: set(maps) for name, maps in extracts.code_maps.items()} == {"claims": {"diagnosis_codes", "provider_type"}}
    assert extracts.code_maps["claims"]["diagnosis_codes"].filter(pl.col("raw") == "l30.9|z23").rows() == [("l30.9|z23", "L309|Z23")]
    sample = load_extracts(SAMPLE, list(EXTRACTS))
    for name in EXTRACTS:
        assert extracts.table(name).equals(sample.table(name)), name


def test_an_extract_with_a_rejected_row_is_rewritten(typed_sample: Path, tmp_path: Path) -> None:
    for path in typed_sample.glob("*.parquet"):
        shutil.copy(path, tmp_path / path.name)
    claims = pl.read_parquet(typed_sample / "claims.parquet")
    pl.concat([claims, claims.head(1).with_columns(pl.lit("C-new").alias("claim_id"), pl.lit("M404").alias("member_id"))]).write_parquet(tmp_path / "claims.parquet")
    extracts = load_extracts(tmp_path, list(EXTRACTS))
    assert extracts.files["claims"].parent != tmp_path and "claims" not in extracts.code_maps
    assert extracts.rejects["claims"]["reject_reason"].to_list() == ["unknown member in member_id"]
    assert extracts.table("claims").equals(load_extracts(typed_sample, list(EXTRACTS)).table("claims"))


def test_warnings_that_keep_every_value_leave_the_file_in_place(typed_sample: Path, tmp_path: Path) -> None:
    """A code of the wrong shape or a claim before birth is flagged, not changed, so typed claims
    with only such warnings are still read in place (a rewrite of 22 million lines doubled the
    validation time at 1M members); a padded place of service is trimmed by a code map either way."""
    for path in typed_sample.glob("*.parquet"):
        shutil.copy(path, tmp_path / path.name)
    claims = pl.read_parquet(typed_sample / "claims.parquet")
    member = pl.read_parquet(typed_sample / "members.parquet").row(0, named=True)
    odd = claims.head(2).with_columns(pl.Series("claim_id", ["C-early", "C-snomed"]), pl.lit(member["member_id"]).alias("member_id"),
                                      pl.Series("service_from", [member["birth_date"] - timedelta(days=3), member["birth_date"]]),
                                      pl.Series("diagnosis_codes", ["Z00.110", "410429000"]), pl.lit(" 11 ").alias("place_of_service"))
    odd = odd.with_columns(pl.col("service_from").alias("service_to"))
    pl.concat([claims, odd]).write_parquet(tmp_path / "claims.parquet")
    extracts = load_extracts(tmp_path, list(EXTRACTS))
    assert extracts.files["claims"] == tmp_path / "claims.parquet"
    assert extracts.warnings["claims"].select("claim_id", "place_of_service", "warning_reason").rows() == [
        ("C-early", " 11 ", "service_from before the member's birth_date"), ("C-snomed", " 11 ", "diagnosis_codes not shaped like ICD-10-CM")]
    table = extracts.table("claims")
    assert table.filter(pl.col("claim_id").is_in(["C-early", "C-snomed"]))["place_of_service"].to_list() == ["11", "11"]
    csv = tmp_path / "csv"
    csv.mkdir()
    for name in EXTRACTS:
        pl.read_parquet(tmp_path / f"{name}.parquet").write_csv(csv / f"{name}.csv")
    assert load_extracts(csv, list(EXTRACTS)).table("claims").equals(table)


@pytest.mark.parametrize(("case", "suffix", "name", "columns", "expected"), [
    ("typed Parquet, exactly the extract's columns", ".parquet", "dyads", None, True),
    ("text: always parsed", ".csv", "dyads", None, False),
    ("members are reshaped (unknown source spelled out)", ".parquet", "members", None, False),
    ("an extra column", ".parquet", "dyads", {"note": pl.String}, False),
    ("a column as text", ".parquet", "dyads", {"link_confidence": pl.String}, False),
    ("columns in another order", ".parquet", "dyads", "reversed", False),
])
def test_which_files_are_read_in_place(case: str, suffix: str, name: str, columns: object, expected: bool) -> None:
    extract = EXTRACTS[name]
    schema = {column.name: TYPES[column.type] for column in extract.columns}
    if columns == "reversed":
        schema = dict(reversed(schema.items()))
    elif isinstance(columns, dict):
        schema |= columns
    assert read_in_place(extract, Path(f"{name}{suffix}"), pl.Schema(schema)) is expected, case


def test_in_place_extracts_give_the_same_results(typed_sample: Path, sample_run: Path, tmp_path: Path) -> None:
    """Every member flag, rate and gap of a run on the typed sample (read in place, through code maps)
    equals the run on the sample itself (parsed and rewritten)."""
    typed_run = _run(tmp_path / "out", data=typed_sample)
    for name in ("member_results.parquet", "rates.parquet", "attrition.parquet", "disparities.parquet", *[f"gaps/{path.name}" for path in (sample_run / "gaps").glob("*.parquet")]):
        assert pl.read_parquet(typed_run / name).equals(pl.read_parquet(sample_run / name)), name


UNUSABLE_DEMOGRAPHICS = MEMBER_HEADER + """
OK,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,30000,3,,OR,,,
SIZE0,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,30000,0,,OR,,,
SIZEHALF,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,30000,2.5,,OR,,,
SIZEWHOLE,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,30000,3.0,,OR,,,
NEGATIVE,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,-5,3,,OR,,,
TEXT,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,about 30k,3,,OR,,,
SOURCE,2015-06-01,F,WHITE,NOT_HISPANIC,GUESSED,30000,3,,OR,,,
FPL,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,30000,3,-10,OR,,,
CODES,2015-06-01,Q,WHITE|PURPLE,MAYBE,SELF_REPORTED,30000,3,,OR,,,
NORACE,2015-06-01,F,,NOT_HISPANIC,SELF_REPORTED,30000,3,,OR,,,
"""
SHAPES_CLAIMS = """claim_id,line_number,member_id,service_from,service_to,procedure_code,procedure_code_system,modifiers,diagnosis_codes,place_of_service,provider_npi,provider_type,claim_status
C1,1,SIZE0,2025-03-01,,99392,CPT,,Z00.129,11,1234567890,PEDIATRICS,paid
C2,1,CODES,2025-03-01,,99392,CPT,,Z00.129|410429000,11,1234567890,PEDIATRICS,paid
C3,1,OK,2025-03-01,,G0136,CPT,,,11,1234567890,PEDIATRICS,paid
C4,1,OK,2025-03-01,,G0136,HCPCS,95|GTX,,1,123,PEDIATRICS,paid
C5,1,OK,2015-05-31,,99391,CPT,,Z00.110,11,1234567890,PEDIATRICS,paid
C6,1,OK,2015-06-01,,99391,CPT,,Z00.110,11,1234567890,PEDIATRICS,paid
"""
SHAPES_SCREENINGS = """screening_id,member_id,screening_date,instrument,item,answer_code,score,result,referral_date,referral_status
S1,OK,2025-03-01,96777-8,88122-7,LA31993-1,,,,
S2,OK,2025-03-01,96777-8,88123-5,sometimes worried,,,,
S3,OK,2025-03-01,AHC-HRSN,,,,positive,,
"""


def test_an_unusable_demographic_becomes_unknown_and_keeps_the_member(tmp_path: Path) -> None:
    """Issue 20: a bad optional demographic rejected the member row, and then every claim of the
    member as 'unknown member'. Now the field is unknown, with a counted warning and its reason."""
    write(tmp_path, "members", UNUSABLE_DEMOGRAPHICS)
    write(tmp_path, "claims", SHAPES_CLAIMS)
    write(tmp_path, "screenings", SHAPES_SCREENINGS)
    extracts = load_extracts(tmp_path, ["members", "claims", "screenings"], today=date(2026, 1, 1))
    assert extracts.reports["members"].rows_rejected == 0 and extracts.reports["claims"].rows_rejected == 0
    members = {row["member_id"]: row for row in extracts.table("members").iter_rows(named=True)}
    assert members["SIZE0"]["household_size"] is None and members["SIZEHALF"]["household_size"] is None
    assert members["SIZEWHOLE"]["household_size"] == 3
    assert members["NEGATIVE"]["household_income"] is None and members["TEXT"]["household_income"] is None
    assert members["SOURCE"]["race_ethnicity_source"] == "UNKNOWN" and members["FPL"]["fpl_percent"] is None
    assert (members["CODES"]["sex"], members["CODES"]["race"], members["CODES"]["ethnicity"]) == ("U", "UNKNOWN", "UNKNOWN")
    assert members["NORACE"]["race"] == "UNKNOWN"
    assert members["OK"]["household_income"] == 30000 and members["OK"]["household_size"] == 3
    for name in ("members", "claims", "screenings"):
        report = extracts.reports[name]
        assert report.rows_with_warnings == extracts.warnings[name].height
        assert sum(report.warnings.values()) >= report.rows_with_warnings
        check_snapshot(SNAPSHOTS / f"warnings_{name}.csv", extracts.warnings[name].select("source_row", "warning_reason").write_csv())
    # Codes of the wrong shape are kept as they are: they match nothing, and the warning says why.
    assert extracts.table("claims").filter(pl.col("claim_id") == "C2")["diagnosis_codes"].item() == "Z00129|410429000"
    assert extracts.table("screenings").height == 3


def test_an_unusable_optional_evidence_field_keeps_its_row(tmp_path: Path) -> None:
    """The same rule for optional fields of event extracts: a bad score, result, referral or
    service_to is empty with a warning; the row's other evidence (its answer, its date) still counts."""
    write(tmp_path, "members", MEMBER_HEADER + "\nOK,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    write(tmp_path, "screenings", """screening_id,member_id,screening_date,instrument,item,answer_code,score,result,referral_date,referral_status
S1,OK,2025-03-01,96777-8,88122-7,LA28397-0,12a,Positive,2025-02-30,sent
""")
    write(tmp_path, "claims", """claim_id,line_number,member_id,service_from,service_to,procedure_code,procedure_code_system,modifiers,diagnosis_codes,place_of_service,provider_npi,provider_type,claim_status
C1,1,OK,2025-03-01,2025-03-xx,99393,CPT,,,11,1234567890,PEDIATRICS,paid
""")
    extracts = load_extracts(tmp_path, ["members", "claims", "screenings"], today=date(2026, 1, 1))
    assert extracts.reports["screenings"].rows_rejected == 0 and extracts.reports["claims"].rows_rejected == 0
    screening = extracts.table("screenings").row(0, named=True)
    assert (screening["answer_code"], screening["score"], screening["result"], screening["referral_date"], screening["referral_status"]) == ("LA28397-0", None, None, None, None)
    assert extracts.warnings["screenings"]["warning_reason"].item() == "unparseable score; unknown result; unparseable referral_date; unknown referral_status"
    assert extracts.table("claims")["service_to"].item() is None and extracts.warnings["claims"]["warning_reason"].item() == "unparseable service_to"


def test_a_members_file_without_death_date_is_read_and_bad_dates_of_death_are_unknown(tmp_path: Path) -> None:
    """death_date came after the members contract: a file without it is valid (nobody has died), and
    a date of death that cannot be right (unparseable, before birth, in the future) excludes nobody."""
    write(tmp_path, "members", MEMBER_HEADER + "\nOLD,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    assert load_extracts(tmp_path, ["members"], today=date(2026, 1, 1)).table("members")["death_date"].to_list() == [None]
    write(tmp_path, "members", MEMBER_HEADER + ",death_date\n" + "\n".join([
        "DIED,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,,2025-03-01",
        "TEXT,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,,March 2025",
        "EARLY,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,,2015-05-31",
        "FUTURE,2015-06-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,,2026-01-02",
    ]))
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    assert extracts.reports["members"].rows_rejected == 0
    assert dict(extracts.table("members").select("member_id", "death_date").iter_rows()) == {"DIED": date(2025, 3, 1), "TEXT": None, "EARLY": None, "FUTURE": None}
    assert extracts.warnings["members"]["warning_reason"].to_list() == ["unparseable death_date", "death_date before birth_date", "death_date in the future"]


def test_immunization_records_are_checked_and_counted(tmp_path: Path) -> None:
    """Registry and EHR doses: a record needs a vaccine code and a known status and source; a CVX
    code of the wrong shape is kept with a warning (it matches nothing); codes are normalised."""
    write(tmp_path, "members", MEMBER_HEADER + "\nKID,2024-01-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    write(tmp_path, "immunizations", """immunization_id,member_id,administered_date,cvx_code,cpt_code,ndc_code,status,source
I1,KID,2024-03-01,3,,,completed,registry
I2,KID,2024-03-01,,,,completed,registry
I3,KID,2024-03-01,20,,,done,registry
I4,KID,2024-03-01,20,,,completed,pharmacy
I5,KID,2024-03-01,DTaP,,,completed,ehr
I6,KID,2024-03-01,,90700,58160-0820-1,completed,claim
I6,KID,2024-03-02,20,,,completed,claim
I7,NOBODY,2024-03-01,20,,,completed,registry
""")
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    report = extracts.reports["immunizations"]
    assert (report.rows_read, report.rows_used, report.rows_rejected) == (8, 3, 5)
    assert report.reasons == {"no vaccine code (cvx_code, cpt_code or ndc_code)": 1, "unknown status": 1, "unknown source": 1,
                              "duplicate immunization_id": 1, "unknown member in member_id": 1}
    table = extracts.table("immunizations")
    assert table.select("immunization_id", "cvx_code", "ndc_code").rows() == [("I1", "03", None), ("I5", "DTAP", None), ("I6", None, "58160082001")]
    assert extracts.warnings["immunizations"]["warning_reason"].to_list() == ["cvx_code not shaped like CVX"]


def test_lab_results_are_checked_and_counted(tmp_path: Path) -> None:
    """A lab result needs its LOINC code and a known status; a value that is not a number is empty
    with a warning (the test still happened); a code that is not LOINC-shaped is kept with a warning."""
    write(tmp_path, "members", MEMBER_HEADER + "\nKID,2024-01-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    write(tmp_path, "lab_results", """lab_result_id,member_id,collection_date,loinc_code,value_number,value_code,unit,status
L1,KID,2025-01-10,10368-9,3.1,,ug/dL,final
L2,KID,2025-01-10,,3.1,,ug/dL,final
L3,KID,2025-01-10,10368-9,<3.3,,ug/dL,final
L4,KID,2025-01-10,10368-9,3.1,,ug/dL,done
L5,KID,2025-01-10,BLOOD LEAD,3.1,,ug/dL,final
""")
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    report = extracts.reports["lab_results"]
    assert (report.rows_read, report.rows_used, report.rows_rejected) == (5, 3, 2)
    assert report.reasons == {"missing loinc_code": 1, "unknown status": 1}
    assert extracts.table("lab_results").select("lab_result_id", "value_number").rows() == [("L1", 3.1), ("L3", None), ("L5", 3.1)]
    assert extracts.warnings["lab_results"]["warning_reason"].to_list() == ["unparseable value_number", "loinc_code not shaped like LOINC"]


def test_condition_records_are_checked_and_counted(tmp_path: Path) -> None:
    """A condition needs a code, a system (ICD-10-CM or SNOMED CT, however spelled) and an onset;
    a code not shaped like its system's is kept with a warning; an unknown status is rejected."""
    write(tmp_path, "members", MEMBER_HEADER + "\nKID,2024-01-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    write(tmp_path, "conditions", """condition_id,member_id,code,code_system,onset_date,abatement_date,verification_status
D1,KID,b01.9,icd-10-cm,2025-01-10,,confirmed
D2,KID,38907003,SNOMED CT,2025-01-10,2025-02-01,
D3,KID,38907003,ICD10CM,2025-01-10,,
D4,KID,B01.9,ICD9,2025-01-10,,
D5,KID,B01.9,ICD10CM,,,
D6,KID,B01.9,ICD10CM,2025-01-10,soon,maybe
""")
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    report = extracts.reports["conditions"]
    assert (report.rows_read, report.rows_used, report.rows_rejected) == (6, 3, 3)
    assert report.reasons == {"unknown code_system": 1, "missing onset_date": 1, "unknown verification_status": 1}
    assert extracts.table("conditions").select("condition_id", "code", "code_system").rows() == [("D1", "B019", "ICD10CM"), ("D2", "38907003", "SNOMEDCT"), ("D3", "38907003", "ICD10CM")]
    assert extracts.warnings["conditions"]["warning_reason"].to_list() == ["code not shaped like ICD-10-CM"]


def test_observations_are_checked_and_counted(tmp_path: Path) -> None:
    """An observation needs a code in LOINC or SNOMED CT, a known status and an effective date; a
    coded answer needs its system; a period may not end before it begins; a SNOMED CT answer not
    shaped like one is kept with a warning (a LOINC answer LA... is not checked as a LOINC code)."""
    write(tmp_path, "members", MEMBER_HEADER + "\nKID,2024-01-01,F,WHITE,NOT_HISPANIC,SELF_REPORTED,,,,OR,,,")
    write(tmp_path, "observations", """observation_id,member_id,category,effective_date,end_date,code,code_system,value_number,unit,value_code,value_code_system,status
O1,KID,survey,2025-01-10,2025-01-11,45755-6,LOINC,,,373066001,SNOMED CT,final
O2,KID,vital-signs,2025-01-10,,29463-7,loinc,20.5,kg,,,final
O3,KID,survey,2025-01-10,,45755-6,LOINC,,,373066001,,final
O4,KID,survey,2025-01-10,2025-01-09,45755-6,LOINC,,,LA33-6,LOINC,final
O5,KID,vitals,2025-01-10,,29463-7,LOINC,20.5,kg,,,final
O6,KID,survey,2025-01-10,,45755-6,LOINC,,,yes,SNOMEDCT,amended
O7,KID,survey,2025-01-10,,45755-6,CPT,,,LA33-6,LOINC,final
""")
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    report = extracts.reports["observations"]
    assert (report.rows_read, report.rows_used, report.rows_rejected) == (7, 3, 4)
    assert report.reasons == {"value_code without value_code_system": 1, "end_date before effective_date": 1, "unknown category": 1, "unknown code_system": 1}
    assert extracts.table("observations").select("observation_id", "code_system", "value_code", "value_code_system").rows() == [
        ("O1", "LOINC", "373066001", "SNOMEDCT"), ("O2", "LOINC", None, None), ("O6", "LOINC", "YES", "SNOMEDCT")]
    assert extracts.warnings["observations"]["warning_reason"].to_list() == ["value_code not shaped like SNOMED CT"]
