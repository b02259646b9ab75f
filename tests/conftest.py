"""Runs of the whole pipeline on the committed sample, shared by the tests that read their outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

SAMPLE = Path(__file__).parent.parent / "sample_data"


def _run(out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(main, ["run", "--data", str(SAMPLE), "--out", str(out), *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


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
