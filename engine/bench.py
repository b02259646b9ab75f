"""`eqm bench`: the whole measure library end to end on a synthetic population, timed stage by stage,
against the physical limit (a bare scan of the same columns) and a plain pandas reference.

Every measurement runs in a fresh process, so its CPU time and peak memory are its own and a
population synthesised (or a measurement taken) earlier does not inflate the next one.
Populations are cached by size and seed: synthesising a million members takes longer than running them.
"""

from __future__ import annotations

import os
import resource
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import polars as pl

# The two measures the pandas reference implements (engine/pandas_reference.py), with their rates.
REFERENCE_RATES = {"w30": "first_15_months", "sdoh_screening": "all_domains"}
# The targets on the 2-core benchmark machine (README, "Performance").
TARGETS = {"end_to_end_seconds_at_1m": 60.0, "peak_memory_mb_at_1m": 4096.0, "compute_over_bare_scan": 3.0, "pandas_over_engine": 10.0, "per_member_spread": 1.25}


def default_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "eqm" / "bench"


@dataclass(frozen=True)
class BenchOptions:
    members: tuple[int, ...] = (100_000,)
    seed: int = 7
    cache: Path = field(default_factory=default_cache)
    memory_limit: str | None = None  # DuckDB's, for the engine run
    public: bool = True  # a public run exercises every stage (suppression included)
    comparisons: bool = True  # the bare scan and the pandas reference (which needs about 11 GB per million members)


@dataclass
class Measured:
    """One piece of work: wall and CPU seconds (all threads) and the process's peak resident memory."""

    name: str
    wall_seconds: float
    cpu_seconds: float
    peak_memory_mb: float


class StageProbe:
    """Times the stages a pipeline announces; samples resident memory so each stage gets its own peak."""

    def __init__(self, interval: float = 0.01) -> None:
        self.stages: list[Measured] = []
        self._current: tuple[str, float, float] | None = None
        self._peak = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, args=(interval,), daemon=True)
        self._sampler.start()

    def _sample(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._peak = max(self._peak, resident_bytes())

    def stage(self, name: str) -> None:
        self._close()
        self._peak = resident_bytes()
        self._current = (name, time.perf_counter(), time.process_time())

    def finish(self) -> list[Measured]:
        self._close()
        self._stop.set()
        self._sampler.join()
        return self.stages

    def _close(self) -> None:
        if self._current is not None:
            name, wall, cpu = self._current
            self._peak = max(self._peak, resident_bytes())
            self.stages.append(Measured(name, round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3), round(self._peak / 2**20, 1)))
            self._current = None


def resident_bytes() -> int:
    """Current resident memory (Linux /proc); elsewhere the process's peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return peak_bytes()


def peak_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if os.uname().sysname == "Darwin" else peak * 1024  # bytes on macOS, kilobytes on Linux


def measure(name: str, work: Callable[[], Any]) -> tuple[Measured, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return Measured(name, round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3), round(peak_bytes() / 2**20, 1)), result


def in_fresh_process(function: Callable[..., Any], *args: Any) -> Any:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def attempt(name: str, function: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """A measurement in a fresh process; if the process dies (the kernel's out-of-memory killer,
    most often), the failure is the result, so a size that does not fit is reported, not hidden."""
    started = time.perf_counter()
    try:
        return in_fresh_process(function, *args)
    except BrokenProcessPool:
        return {"error": f"{name}: the process was killed after {time.perf_counter() - started:.0f} s (out of memory?)"}


def population(members: int, seed: int, cache: Path) -> Path:
    """The cached synthetic extracts for this size and seed, synthesised on first use (typed Parquet, no bad rows)."""
    from engine.synth import GENERATOR_VERSION

    folder = cache / f"members-{members}-seed-{seed}-generator-{GENERATOR_VERSION}"
    if (folder / "COMPLETE").exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    in_fresh_process(_synthesise, members, seed, partial)
    (partial / "COMPLETE").write_text(f"eqm synth --members {members} --seed {seed} --no-bad-rows\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder


def _synthesise(members: int, seed: int, folder: Path) -> None:
    from engine.synth import SynthOptions, synthesize_chunks, write_extracts

    write_extracts(synthesize_chunks(SynthOptions(members=members, seed=seed, bad_rows=False)), folder)


def _engine_run(data: Path, out: Path, memory_limit: str | None, public: bool) -> dict[str, Any]:
    """The full library with default stratifiers, as `eqm run` does it."""
    from engine.pipeline import RunOptions, run

    probe = StageProbe()
    total, report = measure("end to end", lambda: run(RunOptions(data=data, out=out, memory_limit=memory_limit, public=public), probe.stage))
    stages = probe.finish()
    rows = {name: extract.rows_read for name, extract in report.extracts.reports.items()}
    return {"total": asdict(total), "stages": [asdict(stage) for stage in stages], "rows": rows,
            "compute_by_measure": {name[len("compute "):]: seconds for name, seconds in report.timings.items() if name.startswith("compute ") and name != "compute measures"}}


def _bare_scan(data: Path) -> dict[str, Any]:
    """Every column of every extract the run loads (the loader validates them all), read once from Parquet."""
    from engine.contract import EXTRACTS, find_extract_file
    from engine.run import bare_scan

    files = {}
    for name, extract in EXTRACTS.items():
        path = find_extract_file(data, name)
        if path is not None:
            present = set(pl.read_parquet_schema(path))  # a column that may be absent (members.death_date) is read only if there
            files[path] = [column.name for column in extract.columns if column.name in present]
    measured, rows = measure("bare scan", lambda: bare_scan(files))
    return {"total": asdict(measured), "rows": rows, "columns": sum(len(columns) for columns in files.values())}


def _reference_counts(frame: pl.DataFrame) -> dict[str, int]:
    return {column: int(frame[column].sum()) for column in frame.columns if column != "member_id"}


def _engine_two_measures(data: Path) -> dict[str, Any]:
    """From files to member flags for the two reference measures, with the engine (load, validate, compile, compute)."""
    from engine.compile import compile_measure
    from engine.contract import load_extracts
    from engine.pipeline import DEFAULT_MEASURES, default_period, load_specs, used_value_sets, value_set_dirs
    from engine.run import EngineTables, run_measures
    from engine.strata import member_strata
    from engine.valuesets import load_value_sets

    def work() -> pl.DataFrame:
        specs = load_specs(DEFAULT_MEASURES, only=tuple(REFERENCE_RATES))
        codes = load_value_sets(value_set_dirs(DEFAULT_MEASURES, None), used_value_sets(specs)).codes
        period = default_period(data)
        # The rates the reference computes, and no others: the same work on both sides.
        compiled = [replace(measure, rates=tuple(rate for rate in measure.rates if rate.rate_id == REFERENCE_RATES[measure.spec.id]))
                    for measure in (compile_measure(spec, period) for spec in specs)]
        extracts = load_extracts(data, sorted({name for measure in compiled for name in measure.extracts}))
        tables = EngineTables.from_extracts(extracts, codes, member_strata(extracts.table("members"), period.start.year))
        # Member flags, as the pandas reference returns them (no strata, no order, no audit texts).
        flags = ["measure_id", "rate_id", "member_id", "denominator", "denominator_exclusion", "numerator"]
        output = run_measures(compiled, tables, audit_texts=False)  # held while its files are read: they go with it
        return output.scan(with_strata=False).select(flags).collect()

    measured, results = measure("engine, W30 and social needs screening", work)
    counts = {}
    for measure_id, rate_id in REFERENCE_RATES.items():
        rows = results.filter((pl.col("measure_id") == measure_id) & (pl.col("rate_id") == rate_id))
        counts[measure_id] = _reference_counts(rows.select("member_id", "denominator", "denominator_exclusion", "numerator"))
    return {"total": asdict(measured), "counts": counts}


def _pandas_two_measures(data: Path) -> dict[str, Any]:
    """The same two measures in plain pandas (engine/pandas_reference.py), from the same files."""
    from engine import pandas_reference
    from engine.pipeline import DEFAULT_MEASURES, default_period, load_specs, used_value_sets, value_set_dirs
    from engine.valuesets import load_value_sets

    specs = load_specs(DEFAULT_MEASURES, only=tuple(REFERENCE_RATES))
    value_sets = load_value_sets(value_set_dirs(DEFAULT_MEASURES, None), used_value_sets(specs)).codes.to_pandas()
    period = default_period(data)

    def work() -> dict[str, Any]:
        return {"w30": pandas_reference.w30_first_15_months(data, value_sets, period.start, period.end),
                "sdoh_screening": pandas_reference.sdoh_all_domains(data, value_sets, period.start, period.end)}

    measured, frames = measure("pandas, W30 and social needs screening", work)
    return {"total": asdict(measured), "counts": {name: _reference_counts(pl.from_pandas(frame)) for name, frame in frames.items()}}


def bench_one(members: int, options: BenchOptions, work: Path) -> dict[str, Any]:
    """Every measurement for one population size."""
    data = population(members, options.seed, options.cache)
    engine = attempt("engine run", _engine_run, data, work / f"run-{members}", options.memory_limit, options.public)
    if not options.comparisons:
        size = {"members": members, "data": str(data), "engine": engine}
        if "error" in engine:
            return {**size, "errors": [engine["error"]]}
        return {**size, "seconds_per_million_members": round(engine["total"]["wall_seconds"] / members * 1e6, 2)}
    scan = attempt("bare scan", _bare_scan, data)
    two = attempt("engine, two measures", _engine_two_measures, data)
    pandas = attempt("pandas, two measures", _pandas_two_measures, data)
    errors = [result["error"] for result in (engine, scan, two, pandas) if "error" in result]
    if errors:
        return {"members": members, "data": str(data), "engine": engine, "bare_scan": scan, "engine_two_measures": two, "pandas_two_measures": pandas, "errors": errors}
    compute = sum(stage["wall_seconds"] for stage in engine["stages"] if stage["name"].startswith("compute measures"))
    return {
        "members": members, "data": str(data), "engine": engine, "bare_scan": scan, "engine_two_measures": two, "pandas_two_measures": pandas,
        "ratios": {
            "end_to_end_over_bare_scan": round(engine["total"]["wall_seconds"] / scan["total"]["wall_seconds"], 2),
            "compute_over_bare_scan": round(compute / scan["total"]["wall_seconds"], 2),
            "pandas_over_engine": round(pandas["total"]["wall_seconds"] / two["total"]["wall_seconds"], 2),
        },
        "seconds_per_million_members": round(engine["total"]["wall_seconds"] / members * 1e6, 2),
        "reference_agrees": two["counts"] == pandas["counts"],
    }


def machine() -> dict[str, Any]:
    import platform

    import duckdb
    import pandas

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else None
    return {"cpus": os.cpu_count(), "memory_gb": round(memory / 2**30, 1) if memory else None, "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(), "python": platform.python_version(),
            "duckdb": duckdb.__version__, "polars": pl.__version__, "pandas": pandas.__version__}


def bench(options: BenchOptions, work: Path, on_size: Callable[[int], None] = lambda members: None) -> dict[str, Any]:
    """Run the benchmark for each size; the result is what `eqm bench` writes as JSON."""
    sizes = []
    for members in options.members:
        on_size(members)
        sizes.append(bench_one(members, options, work))
    per_member = [size["seconds_per_million_members"] for size in sizes if "errors" not in size]
    return {"machine": machine(), "options": {**asdict(options), "cache": str(options.cache)}, "sizes": sizes,
            "per_member_spread": round(max(per_member) / min(per_member), 2) if per_member else None, "targets": TARGETS}
