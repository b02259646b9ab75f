"""Imports flow one way: spec -> compile -> run -> stratify -> render -> cli (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).parent.parent / "engine"
FORBIDDEN = {
    "engine/spec": {"duckdb", "jinja2", "click", "sqlglot", "engine.compile", "engine.run", "engine.render", "engine.cli"},
    "engine/compile": {"duckdb", "jinja2", "click", "engine.run", "engine.render", "engine.cli", "engine.pipeline"},
    "engine/run.py": {"jinja2", "click", "engine.render", "engine.cli"},
    "engine/stratify.py": {"duckdb", "jinja2", "click", "sqlglot", "engine.render", "engine.cli"},
    "engine/render": {"duckdb", "sqlglot", "click", "engine.run", "engine.cli"},
    "engine/contract.py": {"duckdb", "sqlglot", "jinja2", "click"},
    "engine/stats.py": {"duckdb", "sqlglot", "jinja2", "click", "polars", "engine.run", "engine.compile", "engine.render"},
    "engine/compare.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.run", "engine.render", "engine.suppress"},
    "engine/targets.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.run", "engine.render", "engine.pipeline"},
    "engine/gaps.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.compile", "engine.run", "engine.render", "engine.pipeline"},
    "engine/attrition.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.run", "engine.render", "engine.pipeline"},
    "engine/suppress.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.run", "engine.render", "engine.pipeline"},
    # The pandas reference is only a check on the engine if it shares none of the engine's code.
    "engine/pandas_reference.py": {"duckdb", "sqlglot", "polars", "jinja2", "click", "engine"},
    "engine/bench.py": {"jinja2", "click", "engine.render", "engine.cli"},
    # An import writes extracts; it knows their contract and the code systems, nothing of measures.
    # MeasureReports are written from results already computed: no SQL, no rendering.
    "engine/measure_reports.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.compile", "engine.run", "engine.render", "engine.pipeline"},
    "engine/fhir_import.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.spec", "engine.compile", "engine.run", "engine.render", "engine.pipeline"},
    "engine/synthea_import.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.spec", "engine.compile", "engine.run", "engine.render", "engine.pipeline"},
    "engine/import_report.py": {"duckdb", "sqlglot", "jinja2", "click", "engine.spec", "engine.compile", "engine.run", "engine.render", "engine.pipeline"},
}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files(prefix: str) -> list[Path]:
    target = ENGINE.parent / prefix
    return sorted(target.rglob("*.py")) if target.is_dir() else [target]


@pytest.mark.parametrize("prefix", sorted(FORBIDDEN))
def test_imports_flow_one_way(prefix: str) -> None:
    for path in files(prefix):
        for module in imported_modules(path):
            for forbidden in FORBIDDEN[prefix]:
                assert not (module == forbidden or module.startswith(forbidden + ".")), f"{path.relative_to(ENGINE.parent)} imports {module}"


def test_only_the_cli_imports_click_and_only_the_cli_prints() -> None:
    for path in ENGINE.rglob("*.py"):
        if path.name == "cli.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert "click" not in imported_modules(path), path
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
        assert not calls, f"{path} prints; only the CLI prints"
