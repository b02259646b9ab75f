"""The batch job behind `eqm run`: load, validate, compile, execute, stratify, write.

Outputs in the out directory: member_results.parquet, rates.csv and rates.parquet (counts,
intervals, comparisons), disparities.csv and .parquet (summary indices), rejects/<extract>.csv,
scorecard.html and manifest.json (provenance and timings).
"""

from __future__ import annotations

import json
import platform
import shutil
import time
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from engine import __version__
from engine.compare import StatisticsOptions, compare, disparities
from engine.compile import CompiledMeasure, compile_measure, explain_measure
from engine.contract import EVENT_DATES, Extracts, file_sha256, find_extract_file, load_extracts
from engine.errors import EqmError, UsageError
from engine.measure_reports import individual_reports, summary_reports, write_ndjson
from engine.period import PERIOD_SCHEMA, Period, parse_period
from engine.attrition import attrition
from engine.compile.outreach import last_visit_query
from engine.files import FrameWriter
from engine.gaps import GAP_COLUMNS, LAST_VISIT_SCHEMA, gap_lists
from engine.render import build_public_scorecard_context, build_scorecard_context, render_scorecard
from engine.suppress import SuppressedRates, SuppressionOptions, markers, suppress_rates
from engine.spec.benchmarks import BenchmarksFile, load_benchmarks
from engine.targets import TargetResults, check_targets
from engine.render.scorecard import AttritionNote, ExtractNote, MeasureNotes, RunNotes, ScorecardContext, ValueSetNote
from engine.run import MEMBER_RESULT_SCHEMA, EngineTables, RunOutput, run_measures
from engine.spec import MeasureSpec, load_measures
from engine.spec.loader import VALUE_SET_FIELDS, walk_spec
from engine.strata import DECLINED, UNKNOWN, GroupOptions, member_strata
from engine.stratify import run_stratifiers, stratify, stratum_total_mismatches
from engine.valuesets import ValueSets, load_value_sets, value_set_files

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEASURES = PACKAGE_ROOT / "measures"


@dataclass(frozen=True)
class RunOptions:
    data: Path = Path("sample_data")
    out: Path = Path("out")
    periods: tuple[Period, ...] = ()  # earliest first; empty: the year of the latest claim
    measures: tuple[str, ...] = ()
    measures_dir: Path = DEFAULT_MEASURES
    valuesets_dir: Path | None = None
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    poverty_guideline_year: int | None = None
    statistics: StatisticsOptions = field(default_factory=StatisticsOptions)
    groups: GroupOptions = field(default_factory=GroupOptions)
    public: bool = False
    suppression: SuppressionOptions = field(default_factory=SuppressionOptions)
    benchmarks: Path | None = None  # a program's benchmarks file (engine.spec.benchmarks)
    baseline: Path | None = None  # rates of an earlier run, for improvement and equity targets
    memory_limit: str | None = None  # DuckDB's memory limit (e.g. '4GB'); beyond it DuckDB spills to disk
    engine: str = "duckdb"  # or "spark" (engine.run.ENGINES)
    # Continuous enrollment across every plan and program ("state": the Core Set's state rate) or
    # only in the plan attributed on the anchor date ("plan": HEDIS plan-level rates).
    enrollment_scope: str = "state"
    # FHIR MeasureReports (engine.measure_reports): a summary per rate and one per member and rate. Internal runs only.
    fhir_measure_reports: bool = False


@dataclass
class RunReport:
    period: Period
    extracts: Extracts
    rates: pl.DataFrame
    disparities: pl.DataFrame
    outputs: list[Path]
    timings: dict[str, float]
    targets: TargetResults | None = None
    periods: tuple[Period, ...] = ()


def value_set_dirs(measures_dir: Path, override: Path | None) -> list[Path]:
    if override is not None and not override.is_dir():
        raise UsageError(f"--valuesets '{override}' is not a folder of value-set files (CSV or FHIR ValueSet JSON)")
    return [measures_dir / "valuesets"] + ([override] if override else [])


def load_specs(measures_dir: Path, valuesets_dir: Path | None = None, only: tuple[str, ...] = (), parameters: Mapping[str, Mapping[str, Any]] | None = None) -> list[MeasureSpec]:
    names = set(value_set_files(value_set_dirs(measures_dir, valuesets_dir)))
    return load_measures(measures_dir, names, only or None, parameters)


def used_value_sets(specs: list[MeasureSpec]) -> set[str]:
    names: set[str] = set()
    for spec in specs:
        for path, node in walk_spec(spec):
            if path and path[-1] in VALUE_SET_FIELDS and node is not None:
                names.update([node] if isinstance(node, str) else node)
    return names


# A year counts as covered when the data reach within this many days of its end: claims run out
# weeks after the service, so data whose last line is in mid-January covers the year before, and
# a year whose December has no data yet is not complete.
COVERED_WITHIN_DAYS = 31
# The records dated by a service, whose latest date says how far the data reach (a condition's
# onset and a kindergarten assessment do not: a history is dated long before it is recorded).
SERVICE_DATES = {name: column for name, column in EVENT_DATES.items() if name not in ("conditions", "kindergarten_assessments")}


def default_period(data: Path) -> Period:
    """The latest calendar year the data cover: the year of (latest date of service + 31 days), less one.

    The latest date of service is the latest of the claims, EHR encounters, immunizations, lab
    results, observations and screenings given (EHR data such as a Synthea export has no claims).
    Data through 2025-12-31 or 2026-01-15 give 2025; data through 2025-11-30 give 2024 (its
    December is missing); no dated records give last year. `--period` overrides it.
    """
    dates = []
    for name, column in SERVICE_DATES.items():
        path = find_extract_file(data, name)
        if path is None:
            continue
        frame = pl.scan_parquet(path) if path.suffix == ".parquet" else pl.scan_csv(path, infer_schema=False)
        # A typed date column's maximum is read as it is (turning 22 million dates into text took 1.3 s);
        # text is read by its leading date, so a malformed value (rejected later) cannot win.
        typed = frame.collect_schema().get(column) == pl.Date
        latest_date = pl.col(column) if typed else pl.col(column).cast(pl.String).str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        latest = frame.select(latest_date.max()).collect().item()
        if latest:
            dates.append(latest)
    if dates:
        return parse_period(str((max(dates) + timedelta(days=COVERED_WITHIN_DAYS)).year - 1))
    return parse_period(str(datetime.now().year - 1))


@dataclass
class PeriodResults:
    """Everything one measurement period produced."""

    period: Period
    compiled: list[CompiledMeasure]
    strata: pl.DataFrame
    stratifiers: dict[str, list[str]]
    output: RunOutput
    rates: pl.DataFrame  # internal rates (with would-be-suppressed markers)
    summary: pl.DataFrame
    protected: SuppressedRates | None
    attrition: pl.DataFrame

    @property
    def published(self) -> pl.DataFrame:
        return self.protected.table if self.protected else self.rates


def run(options: RunOptions, on_stage: Callable[[str], None] = lambda stage: None) -> RunReport:
    timings: dict[str, float] = {}

    def stage(name: str) -> Callable[[], None]:
        on_stage(name)
        started = time.perf_counter()
        return lambda: timings.__setitem__(name, round(time.perf_counter() - started, 4))

    done = stage("load measure specs and value sets")
    specs = load_specs(options.measures_dir, options.valuesets_dir, options.measures, options.parameters)
    value_sets = load_value_sets(value_set_dirs(options.measures_dir, options.valuesets_dir), used_value_sets(specs))
    periods = options.periods or (default_period(options.data),)
    program = load_benchmarks(options.benchmarks, specs) if options.benchmarks else None
    baseline = load_baseline(options.baseline) if options.baseline else None
    done()

    done = stage("compile")
    compiled = {period: [compile_measure(spec, period, options.enrollment_scope) for spec in specs] for period in periods}
    needed = sorted({name for measures in compiled.values() for measure in measures for name in measure.extracts})
    done()

    done = stage("load and validate extracts")
    extracts = load_extracts(options.data, needed)
    done()

    results = [run_period(options, period, specs, compiled[period], extracts, value_sets, stage, timings, f" {period.label}" if len(periods) > 1 else "", last=period == periods[-1])
               for period in periods]
    latest = results[-1]

    targets = None
    if program is not None:
        done = stage("benchmarks and targets")
        # A multi-period run's earlier period is the baseline unless a baseline file is given.
        if baseline is None and len(results) > 1:
            baseline = baseline_columns(results[-2].published)
        # Checked on the published table: a suppressed rate is "not published", never guessed.
        targets = check_targets(latest.published, specs, program, baseline, options.statistics.min_denominator)
        done()

    done = stage("write outputs")
    outputs = write_outputs(options, specs, value_sets, extracts, results, timings, program, targets)
    done()
    rates = stack([(result.period, result.published) for result in results])
    summary = stack([(result.period, result.protected.disparities if result.protected else result.summary) for result in results])
    # Member results are in member_results.parquet (internal runs); a public run reports only what it published.
    return RunReport(latest.period, extracts, rates, summary, outputs, timings, targets, periods)


def run_period(options: RunOptions, period: Period, specs: list[MeasureSpec], compiled: list[CompiledMeasure], extracts: Extracts, value_sets: ValueSets,
               stage: Callable[[str], Callable[[], None]], timings: dict[str, float], suffix: str, last: bool) -> PeriodResults:
    """Compute, stratify and (for a public run) protect one measurement period."""
    done = stage("compute measures" + suffix)
    strata = member_strata(extracts.table("members"), options.poverty_guideline_year or period.start.year, options.groups)
    tables = EngineTables.from_extracts(extracts, value_sets.codes, strata)
    # Gap lists are for the latest period only, and never in a public run.
    queries = {"last_visits": last_visit_query(period.end)} if last and not options.public else {}
    # A public run writes no member-level file, so no reasons or gaps are composed for it.
    output = run_measures(compiled, tables, queries=queries, memory_limit=options.memory_limit, engine=options.engine, audit_texts=not options.public)
    steps = attrition(compiled, output.attrition_counts, output.scan(with_strata=False))
    done()
    timings.update({f"compute {name}{suffix}": seconds for name, seconds in output.timings.items()})

    done = stage("stratify and statistics" + suffix)
    groups = options.groups
    stratifiers = {measure.spec.id: run_stratifiers(measure.spec, measure.uses_dyads, groups.race_scheme, groups.alone_or_in_combination, groups.stratifiers) for measure in compiled}
    counts = stratify(output.scan(), specs, stratifiers, groups.bands)
    mismatches = stratum_total_mismatches(counts)
    if not mismatches.is_empty():
        raise EqmError(f"internal error: strata do not add up to the overall counts:\n{mismatches}")
    rates = compare(counts, specs, options.statistics)
    summary = disparities(rates, specs, groups.bands)
    done()

    done = stage("disclosure control" + suffix)
    protected = suppress_rates(rates, summary, options.suppression) if options.public else None
    if protected is None:
        rates = markers(rates, options.suppression)
    done()
    return PeriodResults(period, compiled, strata, stratifiers, output, rates, summary, protected, steps)


Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def with_period(period: Period, frame: Frame) -> Frame:
    """The frame with the period's label as its first column (PERIOD_SCHEMA)."""
    return frame.select(pl.lit(period.label, dtype=pl.String).alias("period"), pl.all())


def stack(frames: list[tuple[Period, pl.DataFrame]]) -> pl.DataFrame:
    """Frames of several periods as one, with the period's label as the first column."""
    return pl.concat([with_period(period, frame) for period, frame in frames], how="vertical")


def load_baseline(path: Path) -> pl.DataFrame:
    """Rates of an earlier run (rates.parquet or rates.csv), keyed by measure, rate, stratifier and stratum.

    From a multi-period run's file, the latest period is the baseline.
    """
    frame = pl.read_parquet(path) if path.suffix == ".parquet" else pl.read_csv(path, infer_schema_length=10_000)
    missing = [column for column in ("measure_id", "rate_id", "stratifier", "stratum", "rate", "denominator") if column not in frame.columns]
    if missing:
        raise UsageError(f"--baseline '{path}' is not an eqm rates file: no column {', '.join(missing)}")
    if "period" in frame.columns:
        frame = frame.filter(pl.col("period") == frame["period"].cast(pl.String).sort().last())
    return baseline_columns(frame)


def baseline_columns(rates: pl.DataFrame) -> pl.DataFrame:
    return rates.select("measure_id", "rate_id", "stratifier", "stratum", pl.col("rate").cast(pl.Float64), pl.col("denominator").cast(pl.Int64))


def write_outputs(options: RunOptions, specs: list[MeasureSpec], value_sets: ValueSets, extracts: Extracts, results: list[PeriodResults],
                  timings: dict[str, float], program: BenchmarksFile | None = None, targets: TargetResults | None = None) -> list[Path]:
    """Internal runs write everything; public runs write only suppressed tables (no member-level files, no rejects, no gaps)."""
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    # Files an earlier run may have left that this run might not write (member-level ones above all).
    stale = [out / "rejects", out / "warnings", out / "gaps", out / "member_results.parquet", out / "measure_reports"]
    stale += [out / f"{name}.{suffix}" for name in ("targets", "equity_targets", "roll_up", "attrition") for suffix in ("csv", "parquet")]
    for previous in stale:
        if previous.is_dir():
            shutil.rmtree(previous)
        elif previous.exists():
            previous.unlink()
    latest = results[-1]
    public = latest.protected is not None
    written: list[Path] = []

    def write(name: str, frame: pl.DataFrame, folder: Path = out) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        frame.write_csv(folder / f"{name}.csv")
        frame.write_parquet(folder / f"{name}.parquet")
        written.extend([folder / f"{name}.csv", folder / f"{name}.parquet"])

    write("rates", stack([(result.period, result.published) for result in results]))
    write("disparities", stack([(result.period, result.protected.disparities if result.protected else result.summary) for result in results]))
    if targets is not None:
        for name, frame in (("targets", targets.targets), ("equity_targets", targets.equity), ("roll_up", targets.roll_up)):
            write(name, frame)
    if not public:
        # In a fixed order, so runs are diffable: by period, then each rate's rows in order (engine.run),
        # streamed from the rates' files one rate at a time.
        write_member_results(sorted(results, key=lambda result: result.period.label), out / "member_results.parquet")
        written.append(out / "member_results.parquet")
        write("attrition", stack([(result.period, result.attrition) for result in results]))
        written += write_gap_lists(latest, out / "gaps")
        if options.fhir_measure_reports:
            written += write_measure_reports(specs, results, out / "measure_reports")
        for folder, frames in (("rejects", extracts.rejects), ("warnings", extracts.warnings)):
            (out / folder).mkdir()
            for name, frame in frames.items():
                if frame.height:
                    path = out / folder / f"{name}.csv"
                    frame.write_csv(path)
                    written.append(path)
    scorecard, manifest_path = out / "scorecard.html", out / "manifest.json"
    scorecard.write_text(render_scorecard(scorecard_context(options, value_sets, extracts, results, program, targets)), encoding="utf-8")
    written += [scorecard, manifest_path]
    manifest = build_manifest(options, [result.period for result in results], specs, value_sets, extracts, timings, written)
    if public:
        manifest["disclosure_control"] = {result.period.label: disclosure_summary(result.protected) for result in results if result.protected}
    manifest_path.write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
    return written


def write_measure_reports(specs: list[MeasureSpec], results: list[PeriodResults], folder: Path) -> list[Path]:
    """FHIR MeasureReports as NDJSON: every period's summary reports, then its individual reports."""
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    summary, individual = folder / "summary.ndjson", folder / "individual.ndjson"
    write_ndjson((report for result in results for report in summary_reports(specs, result.period, result.rates, generated)), summary)
    write_ndjson((report for result in results for report in individual_reports(specs, result.period, result.output.ordered(), generated)), individual)
    return [summary, individual]


def write_member_results(results: list[PeriodResults], path: Path) -> None:
    """Every period's member results to one file, a rate at a time, each rate sorted and appended:
    memory holds one rate. (polars' `concat(...).sink_parquet` sorted every rate at once: 14.7 GB
    at 5 million members.)"""
    with FrameWriter(path, PERIOD_SCHEMA | MEMBER_RESULT_SCHEMA) as writer:
        for result in results:
            _require_audit_texts(result.output)
            for rows in result.output.ordered_rates():
                writer.write(with_period(result.period, rows).collect(engine="streaming"))


def write_gap_lists(result: PeriodResults, folder: Path) -> list[Path]:
    """Each measure's gap list (CSV and Parquet, every measure gets one) for the period, a rate at a time."""
    _require_audit_texts(result.output)
    folder.mkdir(parents=True, exist_ok=True)
    schema = PERIOD_SCHEMA | {name: (MEMBER_RESULT_SCHEMA | LAST_VISIT_SCHEMA)[name] for name in GAP_COLUMNS}
    writers: dict[str, list[FrameWriter]] = {}
    with ExitStack() as files:  # every file finished at the end, or every one removed on an error
        for measure_id, rows in gap_lists(result.output.rates(), result.output.queries["last_visits"]):
            if measure_id not in writers:
                writers[measure_id] = [files.enter_context(FrameWriter(folder / f"{measure_id}.{suffix}", schema)) for suffix in ("csv", "parquet")]
            for writer in writers[measure_id]:
                writer.write(with_period(result.period, rows))
    return [writer.path for pair in writers.values() for writer in pair]


def _require_audit_texts(output: RunOutput) -> None:
    """Member-level files are for people to read: empty reasons and gaps must not pass for none."""
    if not output.audit_texts:
        raise EqmError("internal error: member-level files written from a run without audit texts (run_measures(audit_texts=False))")


def disclosure_summary(protected: SuppressedRates) -> dict[str, Any]:
    widths = [upper - lower for lower, upper in protected.audit.intervals.values()]
    return {
        "threshold": protected.options.threshold, "protection_width": protected.options.width, "cells_suppressed": protected.cells_suppressed,
        "small_counts_audited": len(protected.audit.intervals), "narrowest_interval": min(widths) if widths else None, "notes": list(protected.notes),
    }


def scorecard_context(options: RunOptions, value_sets: ValueSets, extracts: Extracts, results: list[PeriodResults],
                      program: BenchmarksFile | None, targets: TargetResults | None) -> ScorecardContext:
    """The page for the latest period, with every period's rates for the trends."""
    latest = results[-1]
    period, strata = latest.period, latest.strata
    run_notes = RunNotes(
        period_label=period.label, period_start=period.start.isoformat(), period_end=period.end.isoformat(),
        extracts=tuple(ExtractNote(name, report.rows_read, report.rows_used, report.rows_rejected, report.rows_with_warnings) for name, report in extracts.reports.items()),
        members=strata.height,
        unknown_race_ethnicity=strata.filter(pl.col("race_ethnicity") == UNKNOWN).height,
        declined_race_ethnicity=strata.filter(pl.col("race_ethnicity") == DECLINED).height,
        statistics=options.statistics,
        program=program.program if program else None,
        targets=targets,
    )
    notes = [MeasureNotes(measure.spec, tuple(explain_measure(measure).splitlines()), tuple(latest.stratifiers[measure.spec.id]),
                          value_set_notes(value_sets, used_value_sets([measure.spec])), attrition_notes(measure, latest.attrition))
             for measure in latest.compiled]
    if latest.protected is not None:
        earlier = tuple((result.period.label, result.protected) for result in results[:-1] if result.protected)
        return build_public_scorecard_context(latest.protected, notes, run_notes, earlier)
    trends = stack([(result.period, result.rates) for result in results]) if len(results) > 1 else None
    return build_scorecard_context(latest.rates, latest.summary, notes, run_notes, trends=trends)


def attrition_notes(measure: CompiledMeasure, steps: pl.DataFrame) -> tuple[AttritionNote, ...]:
    """Each rate's rules in order with the units left after each (the page withholds counts when public)."""
    notes = []
    for rate in measure.rates:
        rows = steps.filter((pl.col("measure_id") == measure.spec.id) & (pl.col("rate_id") == rate.rate_id)).sort("step")
        notes.append(AttritionNote(rate.rate_id, rate.title, tuple((row["population"], row["rule"], row["remaining"], row["removed"]) for row in rows.iter_rows(named=True))))
    return tuple(notes)


def value_set_notes(value_sets: ValueSets, names: set[str]) -> tuple[ValueSetNote, ...]:
    """What the methodology section says about each value set a measure uses."""
    notes = []
    for name in sorted(names & value_sets.names):
        codes = value_sets.codes.filter(pl.col("value_set") == name)
        starts, ends = codes["effective_from"], codes["effective_to"]
        first = "open" if starts.null_count() else str(starts.min())
        last = "open" if ends.null_count() else str(ends.max())
        notes.append(ValueSetNote(name, codes.height, ", ".join(sorted(set(codes["code_system"].to_list()))), f"{first} to {last}",
                                  value_sets.hashes[name][:12], str(value_sets.files[name])))
    return tuple(notes)


# The software whose versions can change a result: the same inputs give the same outputs when these match.
RECORDED_PACKAGES = ("duckdb", "polars", "pyarrow", "sqlglot", "pydantic", "numpy", "scipy", "statsmodels", "highspy", "pyspark")


def software_versions() -> dict[str, str | None]:
    """Python's version and each recorded package's installed version (None when not installed, as pyspark may be)."""
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in RECORDED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def build_manifest(options: RunOptions, periods: list[Period], specs: list[MeasureSpec], value_sets: ValueSets, extracts: Extracts, timings: dict[str, float], outputs: list[Path]) -> dict[str, Any]:
    return {
        "engine": "eqm",
        "engine_version": __version__,
        "sql_engine": options.engine,
        "software": software_versions(),
        "enrollment_scope": options.enrollment_scope,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "periods": [{"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label} for period in periods],
        "poverty_guideline_year": {period.label: options.poverty_guideline_year or period.start.year for period in periods},
        "statistics": asdict(options.statistics),
        "groups": asdict(options.groups),
        "parameters": {spec.id: {name: parameter.value for name, parameter in spec.parameters.items()} for spec in specs},
        "parameter_overrides": {key: dict(value) for key, value in options.parameters.items()},
        "benchmarks": None if options.benchmarks is None else {"file": str(options.benchmarks), "sha256": file_sha256(options.benchmarks)},
        "baseline": None if options.baseline is None else {"file": str(options.baseline), "sha256": file_sha256(options.baseline)},
        "measures": {spec.id: {"version": spec.version, "file": str(options.measures_dir / f"{spec.id}.yaml"), "sha256": file_sha256(options.measures_dir / f"{spec.id}.yaml")} for spec in specs},
        "value_sets": {name: {"file": str(value_sets.files[name]), "sha256": digest, **value_sets.identities.get(name, {})} for name, digest in sorted(value_sets.hashes.items())},
        "inputs": {
            name: {"file": report.file, "sha256": report.sha256, "rows_read": report.rows_read, "rows_used": report.rows_used, "rows_rejected": report.rows_rejected, "reject_reasons": report.reasons,
                   "rows_with_warnings": report.rows_with_warnings, "warning_reasons": report.warnings}
            for name, report in extracts.reports.items()
        },
        "timings_seconds": timings,
        "outputs": [str(path) for path in outputs],
    }


__all__ = ["RunOptions", "RunReport", "default_period", "load_specs", "run"]
