"""`eqm import synthea`: Synthea CSV exports become extracts that pass the contract; every row read is counted, mapped or skipped with its reason."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.contract import EXTRACTS, load_extracts
from engine.import_report import write_import
from engine.synthea_import import import_synthea

CASES = Path(__file__).parent / "cases" / "synthea"
SHARED = Path(__file__).parent.parent.parent / "shared" / "data"
SYNTHEA = ["synthea-unmc-crane", "synthea-ohdsi-dbt-synthea"]
README = Path(__file__).parent.parent / "README.md"


def test_each_row_is_mapped_or_skipped_with_its_reason() -> None:
    frames, report = import_synthea(CASES)
    counts = {name: (found.read, found.mapped, found.skipped) for name, found in report.counts.items()}
    assert counts == {
        "patients": (4, 3, {"no BIRTHDATE": 1}),
        "payer_transitions": (5, 2, {"no PATIENT": 1, "payer not in payers.csv": 1, "no insurance (the NO_INSURANCE payer)": 1}),
        "encounters": (3, 2, {"no START": 1}),
        "procedures": (2, 1, {"no CODE": 1}),
        "immunizations": (2, 1, {"no PATIENT": 1}),
        "conditions": (2, 2, {}),
        "observations": (4, 3, {"no CODE": 1}),
    }
    assert len(report.skips) == 8 and all(record for _, _, record, _ in report.skips)  # each skip names its row
    assert "claims.csv not read: Synthea's claims carry its SNOMED CT, CVX and RxNorm codes, not CPT or HCPCS; the same services are read from encounters and procedures" in report.notes
    assert "screenings.csv written with its header only: nothing in the export maps to it" in report.notes
    people = {row["member_id"]: row for row in frames["members"].iter_rows(named=True)}
    # OMB categories from Synthea's words ("other" is none of them); the state's two-letter code; income without a household size.
    assert (people["kid1"]["race"], people["kid1"]["ethnicity"], people["kid1"]["state"], people["kid1"]["household_income"], people["kid1"]["sex"]) == (
        "BLACK", "NOT_HISPANIC", "NE", "31200", "F")
    assert (people["kid2"]["race"], people["kid2"]["ethnicity"], people["kid2"]["death_date"], people["kid2"]["state"]) == ("UNKNOWN", "HISPANIC", "2025-03-01", "MA")
    assert (people["kid4"]["race"], people["kid4"]["sex"], people["kid4"]["state"]) == ("AIAN", "U", "AK")
    assert frames["enrollment"].select("member_id", "plan_id", "program", "start_date", "end_date").rows() == [
        ("kid1", "Medicaid", "Medicaid", "2022-07-20", "2023-07-26"), ("kid1", "Blue Cross Blue Shield", "Commercial", "2023-07-26", "2026-07-20")]
    # Visits with their provider's speciality as eqm spells provider types; a procedure is a record of its own kind.
    assert frames["encounters"].select("encounter_id", "record_type", "start_date", "end_date", "code", "code_system", "status", "provider_type").rows() == [
        ("enc1", "encounter", "2025-03-01", "2025-03-01", "410620009", "SNOMEDCT", "finished", "GENERAL_PRACTICE"),
        ("enc2", "encounter", "2025-06-01", "2025-06-03", "183452005", "SNOMEDCT", "finished", None),
        ("procedure/1", "procedure", "2025-03-01", "2025-03-01", "171207006", "SNOMEDCT", "completed", None)]
    assert frames["immunizations"].select("immunization_id", "cvx_code", "administered_date", "status", "source").rows() == [
        ("immunization/1", "08", "2025-03-01", "completed", "ehr")]
    assert frames["conditions"].select("code", "code_system", "onset_date", "abatement_date").rows() == [
        ("38907003", "SNOMEDCT", "2024-01-10", "2024-01-20"), ("109570002", "SNOMEDCT", "2025-02-01", None)]
    # A laboratory result is a lab_results row; a text value is a display, not a code, and is left out.
    assert frames["lab_results"].select("loinc_code", "value_number", "unit").rows() == [("5671-3", "1.2", "ug/dL")]
    assert frames["observations"].select("category", "code", "value_number", "value_code").rows() == [
        ("vital-signs", "29463-7", "12.5", None), ("social-history", "72166-2", None, None)]
    assert set(frames) == set(EXTRACTS)  # every extract, so every measure can run


def test_the_written_extracts_pass_the_contract_and_the_command_prints_the_counts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", "synthea", str(CASES), "--out", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "payer_transitions" in result.output and "claims.csv not read" in result.output
    summary = json.loads((tmp_path / "import_report.json").read_text(encoding="utf-8"))
    assert summary["resource_types"]["payer_transitions"] == {"read": 5, "mapped": 2, "skipped": {
        "no PATIENT": 1, "no insurance (the NO_INSURANCE payer)": 1, "payer not in payers.csv": 1}}
    extracts = load_extracts(tmp_path, list(EXTRACTS), today=date(2026, 1, 1))
    assert all(found.rows_rejected == 0 for found in extracts.reports.values()), {name: found.reasons for name, found in extracts.reports.items()}
    skipped = pl.read_csv(tmp_path / "import_skipped.csv")
    assert skipped.height == 8 and skipped.filter(pl.col("resource_type") == "patients")["id"].to_list() == ["kid3"]


def test_synthea_3_0_payer_transition_columns_are_read(tmp_path: Path) -> None:
    """Synthea 3.0 names the span START_YEAR and END_YEAR, though they hold full timestamps."""
    for path in CASES.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    transitions = pl.read_csv(CASES / "payer_transitions.csv", infer_schema=False).rename({"START_DATE": "START_YEAR", "END_DATE": "END_YEAR"})
    transitions.write_csv(tmp_path / "payer_transitions.csv")
    frames, _ = import_synthea(tmp_path)
    assert frames["enrollment"].select("start_date", "end_date").row(0) == ("2022-07-20", "2023-07-26")


def synthea_rates(folder: str, tmp_path: Path) -> tuple[pl.DataFrame, dict]:
    """A shared Synthea export imported and run with every measure: the overall rates and the import counts."""
    runner = CliRunner()
    imported = runner.invoke(main, ["import", "synthea", str(SHARED / folder), "--out", str(tmp_path / "data")], catch_exceptions=False)
    assert imported.exit_code == 0, imported.output
    ran = runner.invoke(main, ["run", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert ran.exit_code == 0, ran.output
    rates = pl.read_parquet(tmp_path / "out" / "rates.parquet").filter(pl.col("stratifier") == "overall")
    return rates, json.loads((tmp_path / "data" / "import_report.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(not all((SHARED / folder).is_dir() for folder in SYNTHEA), reason="the Synthea exports are not at ../shared/data/synthea-*")
@pytest.mark.parametrize("folder", SYNTHEA)
def test_a_synthea_export_runs_with_every_measure_and_readme_shows_its_rates(folder: str, tmp_path: Path) -> None:
    """Outside data nobody here wrote: every row of every table read is counted, the extracts pass the
    contract, every measure runs, and README's Synthea table states the rates."""
    rates, counts = synthea_rates(folder, tmp_path)
    for table, found in counts["resource_types"].items():
        assert found["read"] == found["mapped"] + sum(found["skipped"].values()), table
    extracts = load_extracts(tmp_path / "data", list(EXTRACTS), today=date(2026, 1, 1))
    assert all(found.rows_rejected == 0 for found in extracts.reports.values()), {name: found.reasons for name, found in extracts.reports.items()}
    text = README.read_text(encoding="utf-8")
    for row in rates.sort("measure_id", "rate_id").iter_rows(named=True):
        line = f"| {folder} | {row['period']} | {row['measure_id']} | {row['rate_id']} | {row['numerator']} | {row['denominator']} |"
        assert line in text, f"README's Synthea table lacks {line!r}"
