"""The run plan: steps several queries share are built once, before they are read, and give the same rows."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlglot import exp

from engine.compile import compile_measure
from engine.compile.plan import plan_run, with_steps
from engine.compile.shared import shared_stages
from engine.contract import load_extracts
from engine.period import parse_period
from engine.errors import EqmError
from engine.pipeline import DEFAULT_MEASURES, load_specs, used_value_sets, value_set_dirs, write_gap_lists, write_member_results
from engine.run import AUDIT_TEXTS, DuckDBSession, EngineTables, member_results_query, run_measures
from engine.strata import member_strata
from engine.valuesets import load_value_sets

SAMPLE = Path(__file__).parent.parent / "sample_data"


def steps_of(query: exp.Select | None) -> list[str]:
    return [name for name, _ in with_steps(query)]


def test_shared_steps_are_built_once_before_they_are_read_and_dropped_after() -> None:
    compiled = [compile_measure(spec, parse_period("2025")) for spec in load_specs(DEFAULT_MEASURES)]
    plan = plan_run(compiled)
    names = {stage.name for stage in plan.stages}
    assert len(names) == len(plan.stages), "a stage name is used twice"
    kept: set[str] = set()
    for rate in plan.rates:
        for stage in rate.build_before:
            assert {table.name for table in stage.query.find_all(exp.Table)} & names <= kept, f"{stage.name} reads a stage not built yet"
            kept.add(stage.name)
        for query in (rate.query, rate.attrition_query):
            if query is not None:
                read = {table.name for table in query.find_all(exp.Table)} - set(steps_of(query))
                assert read & names <= kept, f"{rate.measure_id}.{rate.rate_id} reads a stage that is not there"
        kept -= set(rate.drop_after)
    assert not kept, "stages left undropped"
    before = sum(len(steps_of(rate.query)) + len(steps_of(rate.attrition_query)) for measure in compiled for rate in measure.rates)
    after = len(plan.stages) + sum(len(steps_of(rate.query)) + len(steps_of(rate.attrition_query)) for rate in plan.rates)
    assert after < before / 2  # 244 step evaluations to 111 for the shipped library


@pytest.mark.parametrize("measure_id", ["cis", "sdoh_screening", "dev_ch"])
def test_planned_run_equals_each_rate_on_its_own(measure_id: str) -> None:
    """The measures with the most sharing give the same rows as each rate's self-contained query."""
    specs = load_specs(DEFAULT_MEASURES, only=(measure_id,))
    codes = load_value_sets(value_set_dirs(DEFAULT_MEASURES, None), used_value_sets(specs)).codes
    compiled = [compile_measure(spec, parse_period("2025")) for spec in specs]
    extracts = load_extracts(SAMPLE, sorted({name for measure in compiled for name in measure.extracts}))
    tables = EngineTables.from_extracts(extracts, codes, member_strata(extracts.table("members"), 2025))
    output = run_measures(compiled, tables)
    planned = pl.concat([pl.read_parquet(path) for path in output.files.values()])  # as the rate queries return them
    session = DuckDBSession(tables)
    try:
        for stage in shared_stages({table for measure in compiled for rate in measure.rates for table in rate.tables}):
            session.materialise(stage)
        alone = pl.concat([session.frame(member_results_query(rate.query)) for rate in compiled[0].rates])
    finally:
        session.close()
    order = ["measure_id", "rate_id", "member_id", "event_date"]
    assert planned.height > 0
    assert_frame_equal(planned.sort(order, nulls_last=True), alone.cast(dict(planned.schema)).sort(order, nulls_last=True))


def test_planning_leaves_the_compiled_queries_as_they_were() -> None:
    """Planning renames steps in place to key them and puts them back: `eqm compile` and explanations read the same trees."""
    compiled = [compile_measure(spec, parse_period("2025")) for spec in load_specs(DEFAULT_MEASURES)]
    before = [measure.sql() for measure in compiled]
    plan_run(compiled)
    assert [measure.sql() for measure in compiled] == before


def test_a_run_without_audit_texts_counts_the_same_and_leaves_only_the_texts_empty(tmp_path: Path) -> None:
    """A public run composes no reasons or gaps: every other column of every row is as an internal run's,
    and no member-level file can be written from it."""
    specs = load_specs(DEFAULT_MEASURES)
    codes = load_value_sets(value_set_dirs(DEFAULT_MEASURES, None), used_value_sets(specs)).codes
    compiled = [compile_measure(spec, parse_period("2025")) for spec in specs]
    extracts = load_extracts(SAMPLE, sorted({name for measure in compiled for name in measure.extracts}))
    tables = EngineTables.from_extracts(extracts, codes, member_strata(extracts.table("members"), 2025))
    audited, counted = (run_measures(compiled, tables, audit_texts=texts) for texts in (True, False))
    full, bare = audited.member_results(), counted.member_results()
    assert (audited.audit_texts, counted.audit_texts) == (True, False)
    assert all(count < full.height for count in full.select(AUDIT_TEXTS).null_count().row(0))  # the sample has every kind of text
    assert bare.select(AUDIT_TEXTS).null_count().row(0) == (bare.height,) * len(AUDIT_TEXTS)
    assert_frame_equal(full.drop(AUDIT_TEXTS), bare.drop(AUDIT_TEXTS))
    period = SimpleNamespace(period=parse_period("2025"), output=counted)
    with pytest.raises(EqmError, match="without audit texts"):
        write_member_results([period], tmp_path / "member_results.parquet")  # type: ignore[list-item]
    with pytest.raises(EqmError, match="without audit texts"):
        write_gap_lists(period, tmp_path / "gaps")  # type: ignore[arg-type]
