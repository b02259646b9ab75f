"""The only module that talks to the database engine: registers inputs, runs compiled measures.

DuckDB runs in-process. Each rate's query returns one row per unit in its initial
population, with every population flag, reasons, evidence and strata.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl
from sqlglot import exp

from engine.compile import CompiledMeasure
from engine.contract import Extracts, claim_codes

MEMBER_RESULT_SCHEMA = {
    "measure_id": pl.String,
    "rate_id": pl.String,
    "member_id": pl.String,
    "event_id": pl.String,
    "event_date": pl.Date,
    "anchor_date": pl.Date,
    "initial_population": pl.Boolean,
    "denominator": pl.Boolean,
    "denominator_exclusion": pl.Boolean,
    "denominator_exception": pl.Boolean,
    "numerator": pl.Boolean,
    "numerator_exclusion": pl.Boolean,
    "exclusion_reason": pl.String,
    "not_met_reason": pl.String,
    "evidence_date": pl.Date,
    "gap": pl.String,
    "gap_due_date": pl.Date,
    "plan": pl.String,
    "program": pl.String,
    "age_years": pl.Int64,
    "age_band": pl.String,
    "dyad_link": pl.String,
    "race_ethnicity": pl.String,
    "race_ethnicity_alone_or_in_combination": pl.String,
    "race": pl.String,
    "ethnicity": pl.String,
    "race_ethnicity_source": pl.String,
    "fpl_percent": pl.Float64,
    "income_band": pl.String,
    "sex": pl.String,
    "county": pl.String,
    "preferred_language": pl.String,
}


@dataclass
class EngineTables:
    """Everything the compiled SQL reads, as polars frames."""

    members: pl.DataFrame
    enrollment: pl.DataFrame
    claim_codes: pl.DataFrame
    screenings: pl.DataFrame
    dyads: pl.DataFrame
    kindergarten_assessments: pl.DataFrame
    value_set_codes: pl.DataFrame
    member_strata: pl.DataFrame

    @classmethod
    def from_extracts(cls, extracts: Extracts, value_set_codes: pl.DataFrame, member_strata: pl.DataFrame) -> EngineTables:
        tables = extracts.tables
        return cls(
            members=tables["members"],
            enrollment=tables["enrollment"],
            claim_codes=claim_codes(tables["claims"]),
            screenings=tables["screenings"],
            dyads=tables["dyads"],
            kindergarten_assessments=tables["kindergarten_assessments"],
            value_set_codes=value_set_codes,
            member_strata=member_strata,
        )


ATTRITION_COUNT_SCHEMA = {"measure_id": pl.String, "rate_id": pl.String, "step": pl.Int64, "remaining": pl.Int64}


@dataclass
class RunOutput:
    member_results: pl.DataFrame
    timings: dict[str, float] = field(default_factory=dict)
    # Units left after each initial population and denominator rule (CompiledRate.attrition_steps).
    attrition_counts: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ATTRITION_COUNT_SCHEMA))
    queries: dict[str, pl.DataFrame] = field(default_factory=dict)  # results of the extra named queries


def connect(tables: EngineTables, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    if memory_limit:
        connection.execute("SET memory_limit = ?", [memory_limit])
    for name, frame in vars(tables).items():
        connection.register(name, frame.to_arrow())
    return connection


def run_measures(
    measures: list[CompiledMeasure],
    tables: EngineTables,
    on_rate: Callable[[str], None] | None = None,
    queries: Mapping[str, exp.Select] | None = None,
    memory_limit: str | None = None,
) -> RunOutput:
    """Execute every rate of every measure (one member-results frame with a fixed schema), then any extra named queries."""
    connection = connect(tables, memory_limit)
    frames, timings, attrition = [], {}, []
    extra = {}
    try:
        for measure in measures:
            started = time.perf_counter()
            for rate in measure.rates:
                frame = pl.from_arrow(connection.sql(rate.query.sql("duckdb")).to_arrow_table())
                frames.append(frame.select([pl.col(name).cast(dtype) for name, dtype in MEMBER_RESULT_SCHEMA.items()]))
                if rate.attrition_query is not None:
                    counts = connection.execute(rate.attrition_query.sql("duckdb")).fetchall()[0]
                    attrition += [(measure.spec.id, rate.rate_id, step, int(count or 0)) for step, count in enumerate(counts)]
                if on_rate:
                    on_rate(f"{measure.spec.id}.{rate.rate_id}")
            timings[measure.spec.id] = round(time.perf_counter() - started, 4)
        for name, query in (queries or {}).items():
            extra[name] = pl.from_arrow(connection.sql(query.sql("duckdb")).to_arrow_table())
    finally:
        connection.close()
    results = pl.concat(frames) if frames else pl.DataFrame(schema=MEMBER_RESULT_SCHEMA)
    return RunOutput(results, timings, pl.DataFrame(attrition, schema=ATTRITION_COUNT_SCHEMA, orient="row"), extra)


def bare_scan(files: Mapping[Path, list[str]]) -> int:
    """Read every value of the given Parquet columns once and do nothing else: the physical limit for a run.

    Each value is hashed so no column can be skipped or answered from file statistics. Returns rows read.
    """
    connection = duckdb.connect()
    rows = 0
    try:
        for path, columns in files.items():
            hashes = [exp.func("bit_xor", exp.func("hash", exp.column(name, quoted=True))) for name in columns]
            scan = exp.select(exp.func("count", exp.Star()), *hashes).from_(exp.func("read_parquet", exp.Literal.string(str(path))))
            rows += connection.execute(scan.sql("duckdb")).fetchall()[0][0]
    finally:
        connection.close()
    return rows
