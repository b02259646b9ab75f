"""README sections generated from the code (CLI help, extract columns) must match it.

Regenerate with `make readme` (python -m tests.test_readme).
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from engine.cli import main
from engine.contract import EXTRACTS

README = Path(__file__).parent.parent / "README.md"


def cli_reference() -> str:
    runner = CliRunner()
    parts = ["```text", "$ eqm --help", runner.invoke(main, ["--help"], prog_name="eqm", terminal_width=100).output.rstrip(), "```"]
    for name in sorted(main.commands):
        parts += ["", "```text", f"$ eqm {name} --help", runner.invoke(main, [name, "--help"], prog_name="eqm", terminal_width=100).output.rstrip(), "```"]
    return "\n".join(parts)


def extract_reference() -> str:
    parts = []
    for extract in EXTRACTS.values():
        parts += [f"**`{extract.name}`**: {extract.description} Duplicate key: {', '.join(extract.key)}.", "", "| column | type | required | description |", "| --- | --- | --- | --- |"]
        for column in extract.columns:
            allowed = f" One of: {', '.join(column.allowed)}." if column.allowed else ""
            parts.append(f"| `{column.name}` | {column.type} | {'yes' if column.required else ''} | {column.description}{allowed} |")
        parts.append("")
    return "\n".join(parts).rstrip()


SECTIONS = {"cli-reference": cli_reference, "extract-reference": extract_reference}


def replaced(text: str) -> str:
    for name, build in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        assert pattern.search(text), f"README is missing the {name} markers"
        text = pattern.sub(lambda match, build=build: match.group(1) + build() + "\n" + match.group(2), text)
    return text


def test_generated_readme_sections_are_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert replaced(text) == text, "README sections are out of date: run `make readme`"


def test_readme_shows_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text


if __name__ == "__main__":
    README.write_text(replaced(README.read_text(encoding="utf-8")), encoding="utf-8")
