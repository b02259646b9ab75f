"""specs/ is generated from the code's models; it must not drift."""

from __future__ import annotations

from pathlib import Path

from engine.schemas import all_schemas, render

SPECS_DIR = Path(__file__).parent.parent / "specs"


def test_committed_schemas_match_the_code() -> None:
    expected = {name: render(schema) for name, schema in all_schemas().items()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in SPECS_DIR.glob("*.json")}
    assert set(committed) == set(expected), "run `make schemas` and commit specs/"
    for name, text in expected.items():
        assert committed[name] == text, f"specs/{name} is out of date: run `make schemas`"
