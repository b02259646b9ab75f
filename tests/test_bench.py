"""`eqm bench` measures every stage, the bare scan and the pandas reference, and caches its populations."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import numpy
from click.testing import CliRunner

from engine.bench import StageProbe, attempt, population
from engine.cli import main
from engine.synth import GENERATOR_VERSION

STAGES = ["load measure specs and value sets", "compile", "load and validate extracts", "compute measures", "stratify and statistics", "disclosure control", "write outputs"]


def test_bench_writes_every_measurement_and_reuses_its_population(tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--members", "1500", "--cache", str(cache), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    (size,) = report["sizes"]
    assert size["members"] == 1500 and report["machine"]["cpus"] >= 1
    assert [stage["name"] for stage in size["engine"]["stages"]] == STAGES
    assert size["engine"]["rows"]["members"] == 1500 and size["bare_scan"]["rows"] == sum(size["engine"]["rows"].values())
    for measured in size["engine"]["stages"] + [size["engine"]["total"], size["bare_scan"]["total"]]:
        assert measured["wall_seconds"] >= 0 and measured["peak_memory_mb"] > 0
    # The pandas reference computes the same counts, and they are not trivially empty.
    assert size["reference_agrees"] and size["engine_two_measures"]["counts"]["sdoh_screening"]["denominator"] > 500
    assert size["ratios"]["pandas_over_engine"] > 0 and size["ratios"]["compute_over_bare_scan"] > 0
    assert "pandas / engine" in result.output and "bare scan" in result.output
    marker = cache / f"members-1500-seed-7-generator-{GENERATOR_VERSION}" / "COMPLETE"
    written = marker.stat().st_mtime_ns
    assert population(1500, 7, cache) == marker.parent and marker.stat().st_mtime_ns == written


def test_bench_without_comparisons_times_only_the_engine(tmp_path: Path) -> None:
    """For sizes the pandas reference cannot hold (5 million members), with DuckDB's memory limited."""
    out = tmp_path / "bench.json"
    arguments = ["bench", "--members", "800", "--cache", str(tmp_path / "cache"), "--out", str(out), "--no-comparisons", "--memory-limit", "1GB", "--internal"]
    result = CliRunner().invoke(main, arguments, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (size,) = json.loads(out.read_text())["sizes"]
    assert [stage["name"] for stage in size["engine"]["stages"]] == STAGES and size["seconds_per_million_members"] > 0
    assert not {"bare_scan", "pandas_two_measures", "ratios"} & set(size) and "pandas / engine" not in result.output


def test_stage_probe_gives_each_stage_its_own_time_and_peak_memory() -> None:
    probe = StageProbe(interval=0.002)
    probe.stage("idle")
    time.sleep(0.2)
    probe.stage("allocate")
    block = numpy.ones(300 * 2**20 // 8)  # written, so every page is resident
    time.sleep(0.05)  # the sampler runs while the engine works (DuckDB and polars release the GIL)
    del block
    idle, allocate = probe.finish()
    assert idle.wall_seconds >= 0.2 and idle.cpu_seconds < 0.1
    assert allocate.peak_memory_mb - idle.peak_memory_mb > 250


def _killed() -> dict:
    os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's out-of-memory killer does
    return {}


def test_a_measurement_whose_process_is_killed_is_reported_not_hidden() -> None:
    result = attempt("engine run", _killed)
    assert result["error"].startswith("engine run: the process was killed after ") and "out of memory?" in result["error"]
