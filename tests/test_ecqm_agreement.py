"""Proof on outside data: the published eCQM test cases (CMS75, CMS117, CMS155; FHIR, written by
the measure developers in MADiE), imported with `eqm import fhir`, run, and each case's populations
compared with its expected MeasureReport. Cases that cannot agree, and why, are listed in
tests/cases/ecqm_disagreements.yaml; any other difference fails and names the case."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from click.testing import CliRunner

from engine.cli import main

ECQM = Path(__file__).parent.parent.parent / "shared" / "data" / "ecqm-qicore-2024-pediatric"
DISAGREEMENTS = YAML(typ="safe").load((Path(__file__).parent / "cases" / "ecqm_disagreements.yaml").read_text(encoding="utf-8"))
README = Path(__file__).parent.parent / "README.md"
# Each shipped eCQM: its test-case folder, and the measure's rates in the order of the eCQM's groups.
MEASURES = {"cms75": ("ChildrenWhoHaveDentalDecayOrCavitiesFHIR", ["dental_decay"]),
            "cms117": ("ChildhoodImmunizationStatusFHIR", ["all_vaccines"]),
            "cms155": ("WeightAssessmentandCounselingforNutritionandPhysicalActivityforChildrenandAdolescentsFHIR", ["bmi_height_weight", "nutrition_counseling", "activity_counseling"])}
COMPARED = ("initial-population", "denominator", "denominator-exclusion", "denominator-exception", "numerator")


def expected_reports(folder: Path) -> dict[str, tuple[str, list[dict[str, int]]]]:
    """Case folder (the patient's id) -> (the case's title, each group's expected population counts)."""
    cases = {}
    for case in sorted(path for path in folder.iterdir() if path.is_dir()):
        report = json.loads(next(case.glob("MeasureReport-*.json")).read_text(encoding="utf-8"))
        title = next((item.get("valueMarkdown", "") for item in report.get("extension", []) if item["url"].endswith("cqfm-testCaseDescription")), "")
        groups = [{item["code"]["coding"][0]["code"]: item["count"] for item in group["population"]} for group in report["group"]]
        cases[case.name] = (title, groups)
    return cases


def case_names(folder: Path) -> dict[str, str]:
    """Case id -> the upstream test-case name ('DENEXPass HospiceObsValueIsYes'), from the shipped index."""
    with (ECQM / "test_cases_index.csv").open(encoding="utf-8") as handle:
        return {row["case_uuid"]: row["case_name"] for row in csv.DictReader(handle) if row["measure_folder"] == folder.name}


def agreement(measure: str, tmp_path: Path) -> tuple[int, dict[str, str]]:
    """(cases, {case name: how it differs}) for one measure, imported and run end to end."""
    folder_name, rates = MEASURES[measure]
    folder = ECQM / folder_name
    runner = CliRunner()
    imported = runner.invoke(main, ["import", "fhir", str(folder), "--out", str(tmp_path / "data")], catch_exceptions=False)
    assert imported.exit_code == 0, imported.output
    ran = runner.invoke(main, ["run", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"), "--measures", measure, "--period", "2025",
                               "--fhir-measure-reports"], catch_exceptions=False)
    assert ran.exit_code == 0, ran.output
    found: dict[tuple[str, str], dict[str, int]] = {}
    for line in (tmp_path / "out" / "measure_reports" / "individual.ndjson").read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        group = report["group"][0]
        found[(report["subject"]["reference"].removeprefix("Patient/"), group["id"])] = {item["code"]["coding"][0]["code"]: item["count"] for item in group["population"]}
    names = case_names(folder)
    expected = expected_reports(folder)
    differences = {}
    for case, (_, groups) in expected.items():
        for rate, counts in zip(rates, groups, strict=True):
            ours = found.get((case, rate), {})  # a member outside the initial population has no report: every count 0
            wrong = [f"{code} {ours.get(code, 0)} (expected {counts[code]})" for code in COMPARED if code in counts and ours.get(code, 0) != counts[code]]
            if wrong:
                differences[names.get(case, case)] = f"{rate}: " + ", ".join(wrong)
    return len(expected), differences


@pytest.mark.skipif(not ECQM.is_dir(), reason="the eCQM test cases are not at ../shared/data/ecqm-qicore-2024-pediatric")
@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_every_published_test_case_agrees_or_is_explained(measure: str, tmp_path: Path) -> None:
    cases, differences = agreement(measure, tmp_path)
    explained = DISAGREEMENTS.get(MEASURES[measure][0], {}) or {}
    unexplained = {name: how for name, how in differences.items() if name not in explained}
    assert not unexplained, f"{measure}: cases that differ from their expected MeasureReport: {unexplained}"
    assert set(differences) == set(explained), f"{measure}: listed as disagreeing but now agree: {sorted(set(explained) - set(differences))}"
    # README's agreement table states the same counts.
    row = f"| {measure.upper()} | {cases} | {cases - len(differences)} |"
    assert row in README.read_text(encoding="utf-8"), f"README's eCQM agreement table lacks the row {row!r}"
