"""Every shipped measure loads, compiles, and matches its reviewed SQL and plain-English snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot

from engine.compile import compile_measure, explain_measure
from engine.period import parse_period
from engine.pipeline import DEFAULT_MEASURES, load_specs
from tests.test_spec_errors import check_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots"
SPECS = load_specs(DEFAULT_MEASURES)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
def test_sql_snapshot(spec) -> None:
    compiled = compile_measure(spec, parse_period("2025"))
    check_snapshot(SNAPSHOTS / "sql" / f"{spec.id}.sql", compiled.sql("duckdb") + "\n")


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
def test_explain_snapshot(spec) -> None:
    check_snapshot(SNAPSHOTS / "explain" / f"{spec.id}.txt", explain_measure(compile_measure(spec, parse_period("2025"))) + "\n")


def test_every_measure_cites_a_source_and_documents_its_choices() -> None:
    for spec in SPECS:
        assert "http" in spec.source, f"{spec.id}: cite the published definition"
        assert spec.choices, f"{spec.id}: write down the choices made where sources differ"
        for name, parameter in spec.parameters.items():
            assert parameter.description, f"{spec.id}.{name}: describe the parameter"


def test_spec_text_never_reaches_sql_as_code(tmp_path: Path) -> None:
    """A value-set name full of SQL is a literal string in the tree, not code."""
    from engine.spec.models import MeasureSpec

    hostile = "x'); DROP TABLE members; --"
    spec = MeasureSpec.model_validate({
        "id": "hostile", "title": "t", "version": "1", "steward": "s", "source": "s", "improvement": "increase",
        "rates": [{"id": "r", "title": "t", "populations": {
            "initial_population": {"age": {"at": "period_end", "min": 0}},
            "numerator": {"claims": {"value_sets": [hostile], "window": {"from": "period_start", "to": "period_end"}}},
        }}],
    })
    tree = compile_measure(spec, parse_period("2025")).rates[0].query
    literals = [node.this for node in tree.find_all(sqlglot.exp.Literal) if node.is_string]
    assert hostile in literals
    assert not any(isinstance(node, sqlglot.exp.Drop) for node in tree.walk())


@pytest.mark.xfail(strict=True, reason="known gap: the 'days apart' fold uses DuckDB's list_reduce, not yet rewritten for Spark (issue 7)")
def test_spark_sql_has_no_duckdb_only_functions() -> None:
    spec = next(spec for spec in SPECS if spec.id == "w30")
    assert "LIST_REDUCE" not in compile_measure(spec, parse_period("2025")).sql("spark").upper()
