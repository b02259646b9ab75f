"""The only module that talks to the database engine: registers inputs, runs compiled measures.

DuckDB runs in-process. Each rate's query returns one row per unit in its initial
population, with every population flag, reasons, evidence, and whose strata apply; the strata
are joined to those rows when they are read (RunOutput).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
from sqlglot import exp

from engine.compile import CompiledMeasure, sql
from engine.compile.plan import plan_run
from engine.compile.shared import RECORD_SOURCES, SharedStage, mapped_extract
from engine.contract import EXTRACTS, Extracts
from engine.errors import UsageError
from engine.strata import UNKNOWN

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
    "evidence_sources": pl.String,
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


# The member's strata (engine.strata.member_strata), joined to a rate's rows by `strata_member_id`.
STRATA_SCHEMA = {name: MEMBER_RESULT_SCHEMA[name] for name in (
    "race_ethnicity", "race_ethnicity_alone_or_in_combination", "race", "ethnicity", "race_ethnicity_source",
    "fpl_percent", "income_band", "sex", "county", "preferred_language")}
# What a rate's query returns: member results without the strata, with whose strata they take
# (the member's, or for two-generation measures the linked mother's).
RATE_FILE_SCHEMA = {**{name: dtype for name, dtype in MEMBER_RESULT_SCHEMA.items() if name not in STRATA_SCHEMA}, "strata_member_id": pl.String}


# Why each unit is or is not counted, and what its gap is: for people to read (member results, gap
# lists). Counting never reads them.
AUDIT_TEXTS = ("exclusion_reason", "not_met_reason", "gap")


def member_results_query(rate_query: exp.Select, audit_texts: bool = True) -> exp.Select:
    """A rate's rows in RATE_FILE_SCHEMA's column types, so every engine hands over the same file.

    Without audit texts (a public run, which writes no member-level file) those columns are empty
    and never computed: the database drops what no column reads, and composing the texts was a
    quarter of a large rate's time.

    Unsorted: sorting in the engine held the largest rate's rows and texts whole (0.7 GB of DuckDB's
    peak at a million members); only the internal member-results file needs an order (`RunOutput.ordered_rates`).
    """
    types = {pl.String: "varchar", pl.Date: "date", pl.Boolean: "boolean", pl.Int64: "bigint", pl.Float64: "double"}
    rows = exp.Subquery(this=rate_query, alias=exp.TableAlias(this=sql.ident("r")))
    columns = [
        exp.cast(exp.null() if name in AUDIT_TEXTS and not audit_texts else sql.column(name, "r"), exp.DataType.build(types[dtype])).as_(sql.ident(name))
        for name, dtype in RATE_FILE_SCHEMA.items()
    ]
    return exp.select(*columns).from_(rows)


@dataclass
class EngineTables:
    """Everything the compiled SQL reads (the validated extracts as Parquet files, value sets and
    code maps as frames), and the member strata the results are joined to."""

    files: dict[str, Path]  # members, enrollment, claims, screenings, dyads, kindergarten_assessments
    frames: dict[str, pl.DataFrame]  # value_set_codes, and the code maps
    member_strata: pl.DataFrame
    # Extracts read in place (engine.contract.Extracts): extract -> code column -> its code map's name in `frames`.
    code_maps: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_extracts(cls, extracts: Extracts, value_set_codes: pl.DataFrame, member_strata: pl.DataFrame) -> EngineTables:
        frames = {"value_set_codes": value_set_codes}
        code_maps: dict[str, dict[str, str]] = {}
        for extract, maps in extracts.code_maps.items():
            code_maps[extract] = {column: f"{extract}__{column}__code_map" for column in maps}
            frames |= {code_maps[extract][column]: code_map for column, code_map in maps.items()}
        return cls(dict(extracts.files), frames, member_strata, code_maps)

    def extract_query(self, name: str, source: str) -> exp.Select:
        """What the engine reads as extract `name`, given its file as the table `source`."""
        if name not in self.code_maps:
            return exp.select(exp.Star()).from_(sql.table(source))
        return mapped_extract(source, [column.name for column in EXTRACTS[name].columns], self.code_maps[name])


ATTRITION_COUNT_SCHEMA = {"measure_id": pl.String, "rate_id": pl.String, "step": pl.Int64, "remaining": pl.Int64}


@dataclass
class RunOutput:
    """What the engine computed. Member results stay on disk, one Parquet file per rate (held in a
    private folder that goes with this object): a million members give millions of rows, and every
    later step reads only the columns and rates it needs."""

    files: dict[tuple[str, str], Path]  # (measure id, rate id) -> that rate's member results, without strata
    member_strata: pl.DataFrame  # joined to them when read
    audit_texts: bool = True  # False: the AUDIT_TEXTS columns were not computed and are empty
    workspace: tempfile.TemporaryDirectory[str] | None = None
    timings: dict[str, float] = field(default_factory=dict)
    # Units left after each initial population and denominator rule (CompiledRate.attrition_steps).
    attrition_counts: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ATTRITION_COUNT_SCHEMA))
    queries: dict[str, pl.DataFrame] = field(default_factory=dict)  # results of the extra named queries

    def _with_strata(self, rows: pl.LazyFrame) -> pl.LazyFrame:
        """Member results in MEMBER_RESULT_SCHEMA: each row with its strata member's strata. A row
        whose strata member is none (a child without a linked mother, when the mother's
        demographics stratify) is Unknown in every stratum (its poverty level empty): kept and
        visible, never dropped, so strata still add up to the overall row."""
        strata = self.member_strata.lazy().select("member_id", *[pl.col(name).cast(dtype) for name, dtype in STRATA_SCHEMA.items()])
        joined = rows.join(strata, left_on="strata_member_id", right_on="member_id", how="left")
        unknown = [pl.col(name).fill_null(UNKNOWN) for name, dtype in STRATA_SCHEMA.items() if dtype == pl.String]
        return joined.with_columns(unknown).select(list(MEMBER_RESULT_SCHEMA))

    def scan(self, with_strata: bool = True) -> pl.LazyFrame:
        """Every rate's member results, in no fixed order (for counting). Without strata (RATE_FILE_SCHEMA)
        for counts that do not stratify: the join is most of the time of reading them."""
        if not self.files:
            return pl.LazyFrame(schema=MEMBER_RESULT_SCHEMA if with_strata else RATE_FILE_SCHEMA)
        rows = pl.scan_parquet(list(self.files.values()), schema=RATE_FILE_SCHEMA)
        return self._with_strata(rows) if with_strata else rows

    def rates(self) -> dict[tuple[str, str], pl.LazyFrame]:
        """Each rate's member results with strata, by measure and rate id: read one at a time, memory holds one rate."""
        return {key: self._with_strata(pl.scan_parquet(self.files[key], schema=RATE_FILE_SCHEMA)) for key in sorted(self.files)}

    def ordered_rates(self) -> list[pl.LazyFrame]:
        """Each rate's member results by member and event date, the rates by measure and rate id:
        in this order the member results of a run can be diffed."""
        return [rows.sort("member_id", "event_date", nulls_last=True) for rows in self.rates().values()]

    def ordered(self) -> pl.LazyFrame:
        """Every rate's member results in order (`ordered_rates`), as one frame."""
        return pl.concat(self.ordered_rates()) if self.files else pl.LazyFrame(schema=MEMBER_RESULT_SCHEMA)

    def member_results(self) -> pl.DataFrame:
        """Every rate's member results in order, read into memory (for tests and small runs)."""
        return self.ordered().collect()


ENGINES = ("duckdb", "spark")


class DuckDBSession:
    """DuckDB in-process: the default engine.

    Extracts the rates read again and again are loaded into DuckDB's own storage (which spills to
    disk beyond its memory limit). Claims and the record sources beside them (immunizations, lab
    results, conditions) are read straight from the file: only by the shared stages (and claims by
    the last-visit query), never by a rate. Loading the 2.5 million immunization records of a
    million members into DuckDB, for the one stage that reads them, cost 300 MB.
    """

    dialect = "duckdb"
    READ_ONCE = frozenset({"claims", *(source.extract for source in RECORD_SOURCES.values())})

    def __init__(self, tables: EngineTables, memory_limit: str | None = None) -> None:
        self.connection = duckdb.connect()
        # No automatic checkpoints: since DuckDB 1.4 an in-memory database checkpoints whenever its
        # log passes 16 MB, rewriting every table, and the run plan creates and drops dozens of
        # short-lived stages. At a million members those checkpoints were 7 s of 18 s of stage
        # builds (README, "Scale"). Spilling beyond the memory limit does not depend on them.
        self.connection.execute("SET checkpoint_threshold = '1TB'")
        # Only the CLI prints: DuckDB's own progress bar would write to standard output mid-run.
        self.connection.execute("SET enable_progress_bar = false")
        self.stage_views: set[str] = set()  # stages built as views (engine.compile.shared), dropped as views
        # Beyond the memory limit DuckDB spills to disk: to a private folder under the system's
        # temporary folder (TMPDIR), not DuckDB's default '.tmp' in whatever folder the run started from.
        self.spill = tempfile.TemporaryDirectory(prefix="eqm-spill-")
        self.connection.execute("SET temp_directory = ?", [self.spill.name])
        if memory_limit:
            self.connection.execute("SET memory_limit = ?", [memory_limit])
        for name, frame in tables.frames.items():
            self.connection.register(name, frame.to_arrow())
        for name, path in tables.files.items():
            file = exp.select(exp.Star()).from_(exp.func("read_parquet", exp.Literal.string(str(path))))
            self._create(f"{name}__file", "VIEW", file)
            self._create(name, "VIEW" if name in self.READ_ONCE else "TABLE", tables.extract_query(name, f"{name}__file"))

    def _create(self, name: str, kind: str, query: exp.Select) -> None:
        self.connection.execute(exp.Create(this=sql.table(name), kind=kind, expression=query, properties=exp.Properties(expressions=[exp.TemporaryProperty()])).sql(self.dialect))

    def materialise(self, stage: SharedStage) -> None:
        self.connection.execute((stage.create_table() if stage.stored else stage.create_view()).sql(self.dialect))
        if not stage.stored:
            self.stage_views.add(stage.name)

    def drop(self, stage: str) -> None:
        kind = "VIEW" if stage in self.stage_views else "TABLE"
        self.stage_views.discard(stage)
        self.connection.execute(exp.Drop(tables=[sql.table(stage)], kind=kind).sql(self.dialect))

    def frame(self, query: exp.Expression) -> pl.DataFrame:
        return pl.from_arrow(self.connection.sql(query.sql(self.dialect)).to_arrow_table())

    def row(self, query: exp.Expression) -> tuple:
        return self.connection.execute(query.sql(self.dialect)).fetchall()[0]

    def write(self, query: exp.Select, path: Path) -> None:
        """The query's rows to a Parquet file, straight from DuckDB (they never pass through Python)."""
        copy = exp.Copy(this=exp.Subquery(this=query), kind=False, files=[exp.Literal.string(str(path))],
                        params=[exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("parquet"))])
        self.connection.execute(copy.sql(self.dialect))

    def close(self) -> None:
        self.connection.close()
        self.spill.cleanup()


class SparkSession:
    """The same compiled trees as Spark SQL on a SparkSession (pyspark, an optional extra).

    The session comes from the standard Spark configuration (spark-defaults.conf, SPARK_REMOTE,
    MASTER, spark-submit), so a cluster or Databricks works unchanged; with no master configured it
    runs in local mode on this machine's cores. The validated extracts (Parquet files) and the small
    tables are registered as temporary views; with EQM_SPARK_STAGING (a path every executor can
    read, for a cluster) the files are copied there first, into a folder of the run's own (runs
    sharing the path must not overwrite each other's files), removed when the session closes.
    """

    dialect = "spark"

    def __init__(self, tables: EngineTables, memory_limit: str | None = None) -> None:
        try:
            from pyspark.sql import SparkSession as Builder
        except ImportError:
            raise UsageError("--engine spark needs pyspark: pip install 'eqm[spark]' (and Java 17 or later)") from None
        builder = Builder.builder.appName("eqm")
        if not os.environ.get("SPARK_REMOTE") and not os.environ.get("MASTER"):
            cores = str(os.cpu_count() or 1)
            builder = builder.master(f"local[{cores}]").config("spark.sql.shuffle.partitions", cores)
            builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
            # 4 GB unless told: the broadcast hash tables of a run's plans stay on the driver's heap
            # while the plans live, about 1 GB on the sample, and at 2 GB CI ran out of memory
            # building one ("Not enough memory to build and broadcast the table").
            builder = builder.config("spark.driver.memory", (memory_limit or "4GB").lower().removesuffix("b"))
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")
        shared = os.environ.get("EQM_SPARK_STAGING")
        self.staging = Path(tempfile.mkdtemp(prefix="eqm-spark-", dir=shared))
        self.views: list[str] = []
        for name, frame in tables.frames.items():
            frame.write_parquet(self.staging / f"{name}.parquet")
            self._view(name, self.spark.read.parquet(str(self.staging / f"{name}.parquet")))
        for name, path in tables.files.items():
            if shared:  # a cluster's executors cannot read this machine's folder
                path = Path(shutil.copy(path, self.staging / f"{name}.parquet"))
            self._view(f"{name}__file", self.spark.read.parquet(str(path)))
            self._view(name, self.spark.sql(tables.extract_query(name, f"{name}__file").sql(self.dialect)))

    def _view(self, name: str, frame: Any) -> None:
        frame.createOrReplaceTempView(name)
        self.views.append(name)

    def materialise(self, stage: SharedStage) -> None:
        frame = self.spark.sql(stage.query.sql(self.dialect))
        (frame.cache() if stage.stored else frame).createOrReplaceTempView(stage.name)
        self.views.append(stage.name)

    def drop(self, stage: str) -> None:
        self.spark.catalog.uncacheTable(stage)
        self.spark.catalog.dropTempView(stage)
        self.views.remove(stage)

    def frame(self, query: exp.Expression) -> pl.DataFrame:
        return pl.from_arrow(self.spark.sql(query.sql(self.dialect)).toArrow())

    def row(self, query: exp.Expression) -> tuple:
        return tuple(self.spark.sql(query.sql(self.dialect)).collect()[0])

    def write(self, query: exp.Select, path: Path) -> None:
        """The query's rows to one Parquet file on this machine (Spark's own writer makes a folder
        of parts; one rate's rows fit in the driver)."""
        pl.from_arrow(self.spark.sql(query.sql(self.dialect)).toArrow()).write_parquet(path)

    def close(self) -> None:
        for name in self.views:
            self.spark.catalog.dropTempView(name)
        shutil.rmtree(self.staging, ignore_errors=True)


def open_session(engine: str, tables: EngineTables, memory_limit: str | None = None) -> DuckDBSession | SparkSession:
    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    return (SparkSession if engine == "spark" else DuckDBSession)(tables, memory_limit)


def run_measures(
    measures: list[CompiledMeasure],
    tables: EngineTables,
    on_rate: Callable[[str], None] | None = None,
    queries: Mapping[str, exp.Select] | None = None,
    memory_limit: str | None = None,
    engine: str = "duckdb",
    audit_texts: bool = True,
) -> RunOutput:
    """Execute every rate of every measure (one member-results file per rate, in a fixed schema), then any extra named queries.

    `audit_texts=False` leaves the reasons and gaps (AUDIT_TEXTS) empty, for runs that only count.
    """
    workspace = tempfile.TemporaryDirectory(prefix="eqm-results-")
    output = RunOutput({}, tables.member_strata, audit_texts, workspace)
    # The measures that read no claims (the eCQMs) first, then those that do, each group in library
    # order: the claims stages, the largest (about 2 GB at a million members), are built before
    # their first reader, so the EHR measures run without them, and CMS117 hands the immunization
    # stage straight to CIS. Results do not depend on the order (RunOutput reads them by measure and rate).
    measures = sorted(measures, key=lambda measure: "claims" in measure.extracts)
    try:
        session = open_session(engine, tables, memory_limit)
        try:
            attrition = _run_in(session, measures, output, on_rate, queries)
        finally:
            session.close()
    except duckdb.OutOfMemoryException:
        # DuckDB spills joins, sorts and aggregates to disk, but a few steps must fit whole.
        limit = f"the memory limit ({memory_limit})" if memory_limit else "this machine's memory"
        raise UsageError(f"DuckDB ran out of memory within {limit}, even spilling to disk: raise --memory-limit") from None
    output.attrition_counts = pl.DataFrame(attrition, schema=ATTRITION_COUNT_SCHEMA, orient="row")
    return output


def _run_in(session: DuckDBSession | SparkSession, measures: list[CompiledMeasure], output: RunOutput,
            on_rate: Callable[[str], None] | None, queries: Mapping[str, exp.Select] | None) -> list[tuple[str, str, int, int]]:
    """Every rate's member results to a file in the output's workspace; returns the attrition counts."""
    workspace = Path(output.workspace.name)
    attrition = []
    # The stages of coded events, and the steps several queries compute, are built once, before the
    # first rate that reads them, and dropped after the last (engine.compile.plan); a stage no rate
    # reads (a run without claims measures) is not built.
    planned = iter(plan_run(measures).rates)
    for measure in measures:
        started = time.perf_counter()
        for rate in measure.rates:
            step = next(planned)
            for stage in step.build_before:
                session.materialise(stage)
            path = workspace / f"{len(output.files)}.parquet"
            session.write(member_results_query(step.query, output.audit_texts), path)
            output.files[(measure.spec.id, rate.rate_id)] = path
            if step.attrition_query is not None:
                counts = session.row(step.attrition_query)
                attrition += [(measure.spec.id, rate.rate_id, index, int(count or 0)) for index, count in enumerate(counts)]
            for name in step.drop_after:
                session.drop(name)
            if on_rate:
                on_rate(f"{measure.spec.id}.{rate.rate_id}")
        output.timings[measure.spec.id] = round(time.perf_counter() - started, 4)
    for name, query in (queries or {}).items():
        output.queries[name] = session.frame(query)
    return attrition


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
