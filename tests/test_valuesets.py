"""Value sets from FHIR ValueSet resources: an expansion, or a compose's explicit codes, with their identity kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.errors import SpecError
from engine.valuesets import load_value_sets, value_set_files
from tests.test_spec_errors import check_snapshot

CASES = Path(__file__).parent / "cases" / "valuesets"
SAMPLE = Path(__file__).parent.parent / "sample_data"
SNAPSHOTS = Path(__file__).parent / "snapshots" / "valuesets"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("mmr_vaccine", "measles"):
        shutil.copy(CASES / f"{name}.json", tmp_path / f"{name}.json")
    return tmp_path


def test_an_expansion_gives_its_codes_in_the_engines_systems(folder: Path) -> None:
    value_sets = load_value_sets([folder], {"mmr_vaccine"})
    rows = sorted(value_sets.codes.select("code", "code_system", "description").rows())
    # CVX 3 is the CDC's 03; the abstract grouping entry is not a code, its nested entry is.
    assert rows == [("03", "CVX", "measles, mumps and rubella virus vaccine"), ("90707", "CPT", "MMR vaccine, live"),
                    ("94", "CVX", "measles, mumps, rubella, and varicella virus vaccine")]
    assert value_sets.identities["mmr_vaccine"] == {"url": "http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.196.12.1224", "version": "20170504",
                                                    "name": "MeaslesMumpsAndRubellaMMRVaccine", "oid": "2.16.840.1.113883.3.464.1003.196.12.1224"}


def test_a_compose_gives_its_listed_codes_less_the_excluded(folder: Path) -> None:
    value_sets = load_value_sets([folder], {"measles"})
    assert sorted(value_sets.codes.select("code", "code_system").rows()) == [("14189004", "SNOMEDCT"), ("B059", "ICD10CM")]
    assert value_sets.identities["measles"] == {"url": "http://example.org/fhir/ValueSet/measles-test", "version": "1"}


def test_a_value_set_it_cannot_read_is_reported_whole(tmp_path: Path) -> None:
    shutil.copy(CASES / "broken.json", tmp_path / "broken.json")
    (tmp_path / "patient.json").write_text('{"resourceType": "Patient"}', encoding="utf-8")
    with pytest.raises(SpecError) as raised:
        load_value_sets([tmp_path])
    check_snapshot(SNAPSHOTS / "broken.txt", str(raised.value).replace(str(tmp_path), "VALUESETS"))


def test_one_name_in_both_forms_is_an_error(folder: Path) -> None:
    (folder / "measles.csv").write_text("code,code_system,description,effective_from,effective_to\nB05.9,ICD10CM,Measles,,\n", encoding="utf-8")
    with pytest.raises(SpecError, match="value set given both as CSV and as FHIR JSON"):
        value_set_files([folder])


def test_a_fhir_value_set_replaces_a_shipped_one_and_the_manifest_names_it(tmp_path: Path) -> None:
    """A licensee's VSAC expansion, given with --valuesets, is what the run matches and what its manifest records."""
    overrides = tmp_path / "valuesets"
    overrides.mkdir()
    shutil.copy(CASES / "mmr_vaccine.json", overrides / "vaccine_mmr.json")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", "--data", str(SAMPLE), "--out", str(out), "--measures", "cis", "--valuesets", str(overrides)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["value_sets"]["vaccine_mmr"]
    assert (entry["file"], entry["oid"], entry["version"]) == (str(overrides / "vaccine_mmr.json"), "2.16.840.1.113883.3.464.1003.196.12.1224", "20170504")
    assert "url" not in manifest["value_sets"]["vaccine_dtap"]  # a CSV value set has no FHIR identity
