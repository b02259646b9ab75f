"""A run's plan: every rate's queries, with the steps that several of them compute computed once.

Each compiled rate is a self-contained query (a WITH list of steps, then the rate's rows), plus an
attrition query over some of the same steps. Rates of one measure, and measures of one age
group, repeat many steps word for word: CIS combination 10 contains combination 7's criteria,
which contain combination 3's; the four social-needs rates share their population, plan and
screening steps; every rate reads the same mother links. Computing each of those once turns 244
step evaluations for the shipped library into 111.

Two steps are the same when their SQL is the same once the steps they read are named by their
own content, so a shared step depends only on shared steps. A shared step is built as a stage
(engine.compile.shared.SharedStage, kept as a table) just before the first rate that reads it and
dropped after the last, so memory holds only the stages still needed.

The stages of coded events every measure reads (engine.compile.shared: claim codes with their value
sets, each record source's codes with theirs) are scheduled the same way: a run holds the
immunization stage only while CIS runs, the observations stage only while the eCQMs that read it do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlglot import exp

from engine.compile import sql
from engine.compile.measure import CompiledMeasure
from engine.compile.shared import SharedStage, shared_stages, stage_value_sets

@dataclass(frozen=True)
class PlannedRate:
    measure_id: str
    rate_id: str
    query: exp.Select  # reads the stages in `build_before` (and earlier ones still kept)
    attrition_query: exp.Select | None
    build_before: tuple[SharedStage, ...]  # stages first read by this rate, in build order
    drop_after: tuple[str, ...]  # stages no later rate reads


@dataclass(frozen=True)
class RunPlan:
    rates: tuple[PlannedRate, ...]

    @property
    def stages(self) -> tuple[SharedStage, ...]:
        return tuple(stage for rate in self.rates for stage in rate.build_before)


def with_steps(query: exp.Select | None) -> list[tuple[str, exp.Select]]:
    """A query's WITH steps as (name, query), in order."""
    with_ = query.args.get("with_") if query is not None else None
    return [(cte.alias, cte.this) for cte in with_.expressions] if with_ else []


def _content_keys(query: exp.Select) -> dict[str, str]:
    """Each step's name -> a digest of its SQL with the steps it reads replaced by their digests."""
    keys: dict[str, str] = {}
    for name, step in with_steps(query):
        # Renamed in place and put back, not copied: copies of every step were a third of planning.
        reads = [(table, table.this) for table in step.find_all(exp.Table) if table.name in keys]
        try:
            for table, _ in reads:
                table.set("this", exp.to_identifier(keys[table.name]))
            keys[name] = hashlib.sha256(step.sql("duckdb").encode()).hexdigest()
        finally:
            for table, original in reads:
                table.set("this", original)
    return keys


def _read_stages(query: exp.Select, names: dict[str, str]) -> exp.Select:
    """The query without the WITH steps in `names`, reading the stages of those names instead.

    A table read without an alias keeps its old name as the alias, so columns qualified by it still resolve.
    """
    # Only what is kept is copied: the body, and the steps not read from stages (copying whole
    # queries, most of whose steps are stages, was two thirds of planning).
    with_ = query.args.get("with_")
    query.set("with_", None)
    try:
        renamed = query.copy()
    finally:
        query.set("with_", with_)
    kept = [cte.copy() for cte in with_.expressions if cte.alias not in names] if with_ else []
    if kept:
        renamed.set("with_", exp.With(expressions=kept, **{key: value.copy() if isinstance(value, exp.Expression) else value for key, value in with_.args.items() if key != "expressions"}))
    for table in list(renamed.find_all(exp.Table)):
        if table.name in names and not table.args.get("db"):
            if not table.alias:
                table.set("alias", exp.TableAlias(this=sql.ident(table.name)))
            table.set("this", sql.ident(names[table.name]))
    return renamed


@dataclass
class _Step:
    """One distinct step: where it was first seen, what it reads, and which queries read it."""

    key: str
    measure_id: str
    rate_id: str
    name: str  # its name in the first query that has it
    query: exp.Select
    names: dict[str, str]  # step name -> key, in that first query
    reads: set[str]
    readers: set[tuple[int, str]]  # (rate's position in the run, "rate" or "attrition")


def plan_run(measures: list[CompiledMeasure]) -> RunPlan:
    """The rates in run order, with the steps two or more queries share turned into stages."""
    rates = [(measure.spec.id, rate) for measure in measures for rate in measure.rates]
    steps: dict[str, _Step] = {}  # in first-seen order: each after the steps it reads
    keys_by_rate: list[dict[str, dict[str, str]]] = []
    for position, (measure_id, rate) in enumerate(rates):
        queries = {"rate": rate.query} | ({"attrition": rate.attrition_query} if rate.attrition_query is not None else {})
        keys_by_rate.append({kind: _content_keys(query) for kind, query in queries.items()})
        for kind, query in queries.items():
            names = keys_by_rate[-1][kind]
            for name, step in with_steps(query):
                key = names[name]
                if key not in steps:
                    reads = {names[table.name] for table in step.find_all(exp.Table) if table.name in names and table.name != name}
                    steps[key] = _Step(key, measure_id, rate.rate_id, name, step, names, reads, set())
                steps[key].readers.add((position, kind))

    shared = {key for key, step in steps.items() if len(step.readers) > 1}
    for key in reversed(list(steps)):  # what a shared step reads is built before it, for every reader
        if key in shared:
            for read in steps[key].reads:
                shared.add(read)
                steps[read].readers |= steps[key].readers

    stage_names: dict[str, str] = {}
    for key, step in steps.items():
        if key in shared:
            stage_names[key] = _stage_name(step, set(stage_names.values()))

    # Each coded-event stage's readers: the rates whose tables need it, itself or through a later stage.
    code_stages: dict[str, SharedStage] = {}
    code_readers: dict[str, list[int]] = {}
    read = stage_value_sets(rate.stage_value_sets for _, rate in rates)  # each stage built once for the run: the value sets any rate reads from it
    for position, (_, rate) in enumerate(rates):
        for stage in shared_stages(rate.tables, read):
            code_stages.setdefault(stage.name, stage)
            code_readers.setdefault(stage.name, []).append(position)

    planned = []
    for position, (measure_id, rate) in enumerate(rates):
        queries = {}
        for kind, names in keys_by_rate[position].items():
            query = rate.query if kind == "rate" else rate.attrition_query
            assert query is not None
            queries[kind] = _read_stages(query, {name: stage_names[key] for name, key in names.items() if key in shared})
        first_here = [key for key in stage_names if min(reader for reader, _ in steps[key].readers) == position]
        last_here = tuple(stage_names[key] for key in stage_names if max(reader for reader, _ in steps[key].readers) == position)
        codes_first = tuple(stage for name, stage in code_stages.items() if code_readers[name][0] == position)  # in build order
        codes_last = tuple(name for name in code_stages if code_readers[name][-1] == position)
        stages = codes_first + tuple(_stage(steps[key], stage_names) for key in first_here)
        planned.append(PlannedRate(measure_id, rate.rate_id, queries["rate"], queries.get("attrition"), stages, last_here + codes_last))
    return RunPlan(tuple(planned))


def _stage_name(step: _Step, taken: set[str]) -> str:
    """Named after its first reader: '<measure>_<step>' (steps are named '<rate>_...'), unique in the run."""
    prefix = f"{step.measure_id}_" if step.name.startswith(f"{step.rate_id}_") else f"{step.measure_id}_{step.rate_id}_"
    name, suffix = prefix + step.name, 1
    while name in taken:
        suffix += 1
        name = f"{prefix}{step.name}_{suffix}"
    return name


def _stage(step: _Step, stage_names: dict[str, str]) -> SharedStage:
    rates = sorted({reader for reader, _ in step.readers})
    query = _read_stages(step.query, {name: stage_names[key] for name, key in step.names.items() if key in step.reads})
    return SharedStage(stage_names[step.key], f"step '{step.name}' of {step.measure_id}.{step.rate_id}, read by {len(step.readers)} queries of {len(rates)} rates", query)
