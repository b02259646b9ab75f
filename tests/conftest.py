"""Runs of the whole pipeline on the committed sample, shared by the tests that read their outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
import polars as pl
from click.testing import CliRunner

from engine.cli import main
from engine.contract import EXTRACTS, load_extracts

SAMPLE = Path(__file__).parent.parent / "sample_data"


def _run(out: Path, *extra: str, data: Path = SAMPLE) -> Path:
    result = CliRunner().invoke(main, ["run", "--data", str(data), "--out", str(out), *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def typed_sample(tmp_path_factory) -> Path:
    """The sample's valid rows as typed Parquet, as `eqm synth` writes them for benchmarks, with the
    claims' codes spelled as extracts often spell them (lower case, dotted diagnoses): the claims,
    screenings, dyads and kindergarten assessments are read in place, the claims through code maps."""
    folder = tmp_path_factory.mktemp("typed_sample")
    extracts = load_extracts(SAMPLE, list(EXTRACTS))
    for name in EXTRACTS:
        frame = extracts.table(name)
        if name == "claims":
            dotted = pl.col("diagnosis_codes").str.replace_all(r"(^|\|)([A-Z][0-9]{2})([0-9A-Z])", "${1}${2}.${3}").str.to_lowercase()
            frame = frame.with_columns(dotted, pl.col("provider_type").str.to_lowercase())
        frame.write_parquet(folder / f"{name}.parquet")
    return folder


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> Path:
    """An internal run of the whole library on sample_data/."""
    return _run(tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="session")
def public_run(tmp_path_factory) -> Path:
    """A public run (`--public`) of the whole library on sample_data/."""
    return _run(tmp_path_factory.mktemp("public"), "--public")


TWO_BENCHMARKS = """program: trend test
benchmarks:
  - {measure: w30, rate: first_15_months, benchmark: 62.0, source: test, improvement_target: {gap_closure: 0.10, minimum_points: 1.0}}
  - {measure: wcv, rate: ages_3_21, benchmark: 50.0, source: test}
"""


@pytest.fixture(scope="session")
def trend_run(tmp_path_factory) -> Path:
    """Two periods of two measures at once, with a benchmarks file (the earlier period is the baseline)."""
    program = tmp_path_factory.mktemp("program") / "program.yaml"
    program.write_text(TWO_BENCHMARKS)
    return _run(tmp_path_factory.mktemp("trend"), "--measures", "w30,wcv", "--period", "2024..2025", "--benchmarks", str(program))
