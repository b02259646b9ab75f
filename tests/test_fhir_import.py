"""`eqm import fhir`: FHIR R4 resources, Bundles and NDJSON become extracts that pass the contract; every resource is counted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.contract import load_extracts
from engine.fhir_import import import_fhir
from engine.import_report import write_import

CASES = Path(__file__).parent / "cases" / "fhir"
ECQM = Path(__file__).parent.parent.parent / "shared" / "data" / "ecqm-qicore-2024-pediatric"


def test_each_resource_is_mapped_or_skipped_with_its_reason() -> None:
    frames, report = import_fhir(CASES)
    counts = {name: (found.read, found.mapped, found.skipped) for name, found in report.counts.items()}
    assert counts == {
        "Patient": (4, 3, {"no birthDate": 1}),
        "Coverage": (1, 1, {}),
        "Immunization": (4, 2, {"no Patient reference": 1, "vaccineCode has no CVX, CPT or NDC coding": 1}),
        "Observation": (4, 3, {"code has no LOINC or SNOMED CT coding": 1}),
        "Condition": (1, 1, {}),
        "Encounter": (3, 2, {"no CPT, HCPCS, CDT or SNOMED CT code": 1}),
        "Procedure": (1, 1, {}),
        "ServiceRequest": (2, 1, {"intent plan is not an order": 1}),
    }
    assert report.files == 2 and len(report.skips) == 6
    kid = frames["members"].filter(pl.col("member_id") == "kid1").row(0, named=True)
    # Two OMB races are kept as two; ASKU (asked, none given) is Declined; a dateTime's date is the calendar date written.
    assert (kid["race"], kid["ethnicity"], kid["race_ethnicity_source"], kid["death_date"], kid["preferred_language"], kid["county"]) == (
        "WHITE|BLACK", "DECLINED", "SELF_REPORTED", "2025-03-01", "Spanish", "Multnomah")
    others = {row["member_id"]: (row["sex"], row["race"], row["race_ethnicity_source"]) for row in frames["members"].iter_rows(named=True)}
    assert others["kid3"] == ("U", "UNKNOWN", "UNKNOWN") and others["kid4"] == ("X", "UNKNOWN", "SELF_REPORTED")
    assert frames["immunizations"].select("immunization_id", "cvx_code", "ndc_code", "status").rows() == [
        ("kid1/imm1", "146", "63361-0243-10", "completed"), ("kid1/imm2", "20", None, "not-done")]
    assert frames["conditions"].select("code", "code_system", "onset_date").row(0) == ("B01.9", "ICD10CM", "2024-02-01")  # ICD-10-CM preferred
    assert frames["lab_results"].select("loinc_code", "value_number", "unit", "status").row(0) == ("10368-9", "2.5", "ug/dL", "final")
    # Vital signs and assessments are observations: a value, or a coded answer with its system, and an effective period's last day.
    assert frames["observations"].select("observation_id", "category", "effective_date", "end_date", "code", "value_number", "value_code", "value_code_system").rows() == [
        ("kid1/bmi1", "vital-signs", "2024-06-01", None, "59576-9", "85", None, None),
        ("kid1/mds1", "survey", "2024-12-31", "2025-01-01", "45755-6", None, "373066001", "SNOMEDCT")]
    assert frames["enrollment"].select("plan_id", "program", "start_date", "end_date").row(0) == ("PLAN-A", "Medicaid", "2023-05-10", None)
    # Each code of a visit is a row; the discharge disposition rides on the stay; a procedure and an order are records of their kind.
    assert frames["encounters"].select("encounter_id", "record_type", "start_date", "end_date", "code", "code_system", "status", "discharge_disposition").rows() == [
        ("kid1/enc2", "encounter", "2024-05-01", "2024-05-01", "99392", "CPT", "finished", None),
        ("kid1/enc2", "encounter", "2024-05-01", "2024-05-01", "410620009", "SNOMEDCT", "finished", None),
        ("kid1/stay1", "encounter", "2024-07-01", "2024-07-09", "183452005", "SNOMEDCT", "finished", "428361000124107"),
        ("kid1/proc1", "procedure", "2024-08-01", None, "D1206", "CDT", "completed", None),
        ("kid1/order1", "order", "2024-09-01", None, "385763009", "SNOMEDCT", "active", None)]


def test_the_written_extracts_pass_the_contract(tmp_path: Path) -> None:
    frames, report = import_fhir(CASES)
    write_import(frames, report, tmp_path)
    extracts = load_extracts(tmp_path, ["members", "enrollment"], today=date(2026, 1, 1))
    assert all(found.rows_rejected == 0 for found in extracts.reports.values()), {name: found.reasons for name, found in extracts.reports.items()}
    assert extracts.table("immunizations")["ndc_code"].to_list() == ["63361024310", None]  # 5-4-1 NDC as 11 digits
    skipped = pl.read_csv(tmp_path / "import_skipped.csv")
    assert skipped.height == 6 and set(skipped.columns) == {"file", "resource_type", "id", "reason"}


def test_the_command_prints_the_counts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", "fhir", str(CASES), "--out", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Immunization" in result.output and "no Patient reference (1)" in result.output
    assert (tmp_path / "import_report.json").exists() and (tmp_path / "members.csv").exists()


@pytest.mark.skipif(not ECQM.is_dir(), reason="the eCQM test cases are not at ../shared/data/ecqm-qicore-2024-pediatric")
@pytest.mark.parametrize("folder", ["ChildhoodImmunizationStatusFHIR", "WeightAssessmentandCounselingforNutritionandPhysicalActivityforChildrenandAdolescentsFHIR",
                                    "ChildrenWhoHaveDentalDecayOrCavitiesFHIR"])
def test_the_published_ecqm_test_cases_import_and_validate(folder: str, tmp_path: Path) -> None:
    """Outside data nobody here wrote: every Patient, Immunization, Condition, Encounter, Procedure and Observation of the CMS117,
    CMS155 and CMS75 test cases is mapped, and what is written passes the contract."""
    frames, report = import_fhir(ECQM / folder)
    for name in ("Patient", "Immunization", "Condition", "Encounter", "Procedure", "Observation"):
        if name in report.counts:
            assert report.counts[name].mapped == report.counts[name].read, (name, report.counts[name].skipped)
    write_import(frames, report, tmp_path)
    extracts = load_extracts(tmp_path, ["members"], today=date(2026, 1, 1))
    assert all(found.rows_rejected == 0 for found in extracts.reports.values()), {name: found.reasons for name, found in extracts.reports.items()}
    assert extracts.reports["members"].rows_used == report.counts["Patient"].read
