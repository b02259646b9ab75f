"""Snapshots of the messages users read for each kind of spec mistake.

Set EQM_UPDATE_SNAPSHOTS=1 to rewrite the snapshots, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.pipeline import DEFAULT_MEASURES
from engine.spec.loader import parse_spec
from engine.valuesets import value_set_files

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases" / "spec_errors").glob("*.yaml"))
SNAPSHOTS = HERE / "snapshots" / "spec_errors"


def check_snapshot(path: Path, text: str) -> None:
    if os.environ.get("EQM_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with EQM_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_spec_error_messages(path: Path) -> None:
    names = set(value_set_files([DEFAULT_MEASURES / "valuesets"]))
    spec, problems = parse_spec(path.read_text(encoding="utf-8"), f"measures/{path.name}", names)
    assert spec is None and problems, "a broken spec must be reported"
    check_snapshot(SNAPSHOTS / f"{path.stem}.txt", "\n".join(str(problem) for problem in problems) + "\n")
