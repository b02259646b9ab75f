"""`eqm run --engine spark` gives exactly DuckDB's results: every member flag and every rate on the sample.

Spark runs in local mode. It needs pyspark (the test extra installs it) and Java 17 or later.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest
from sqlglot import exp

from engine.run import EngineTables, SparkSession
from tests.conftest import _run

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'eqm[spark]')")
if shutil.which("java") is None and not Path(os.environ.get("JAVA_HOME", "/nonexistent"), "bin", "java").exists():
    pytest.skip("Spark needs Java 17 or later: no java on PATH and no JAVA_HOME", allow_module_level=True)

MEMBER_KEY = ["period", "measure_id", "rate_id", "member_id", "event_id"]
RATE_KEY = ["period", "measure_id", "rate_id", "stratifier", "stratum"]


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("spark"), "--engine", "spark")


def test_spark_member_results_equal_duckdb(spark_run: Path, sample_run: Path) -> None:
    duckdb = pl.read_parquet(sample_run / "member_results.parquet").sort(MEMBER_KEY, nulls_last=True)
    spark = pl.read_parquet(spark_run / "member_results.parquet").sort(MEMBER_KEY, nulls_last=True)
    assert spark.height == duckdb.height > 20_000
    for column in duckdb.columns:
        differ = duckdb.with_row_index().filter(pl.col(column).ne_missing(spark[column]))
        assert differ.is_empty(), f"{column} differs on {differ.height} rows, e.g. {differ.select(MEMBER_KEY + [column]).head(3)}"


def test_spark_rates_attrition_and_gaps_equal_duckdb(spark_run: Path, sample_run: Path) -> None:
    for name, key in (("rates", RATE_KEY), ("attrition", ["period", "measure_id", "rate_id", "step"]), ("disparities", None)):
        duckdb, spark = pl.read_parquet(sample_run / f"{name}.parquet"), pl.read_parquet(spark_run / f"{name}.parquet")
        order = key or duckdb.columns
        assert spark.sort(order, nulls_last=True).equals(duckdb.sort(order, nulls_last=True)), name
    for path in (sample_run / "gaps").glob("*.parquet"):
        assert pl.read_parquet(spark_run / "gaps" / path.name).equals(pl.read_parquet(path)), path.name


def test_spark_reads_extracts_in_place(typed_sample: Path, sample_run: Path, tmp_path: Path) -> None:
    """Extracts read in place, claims through their code maps (engine.contract.read_in_place), give
    Spark the same member results as DuckDB on the sample."""
    in_place = _run(tmp_path / "out", "--engine", "spark", "--measures", "w30,wcv,sdoh_screening", data=typed_sample)
    spark = pl.read_parquet(in_place / "member_results.parquet").sort(MEMBER_KEY, nulls_last=True)
    duckdb = pl.read_parquet(sample_run / "member_results.parquet").filter(pl.col("measure_id").is_in(["w30", "wcv", "sdoh_screening"])).sort(MEMBER_KEY, nulls_last=True)
    assert spark.height == duckdb.height > 5_000
    assert spark.equals(duckdb)


def test_runs_sharing_a_staging_path_stage_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With EQM_SPARK_STAGING, each session copies its files into a folder of its own under it
    (two runs at once must not overwrite each other's), removed when the session closes."""
    staging = tmp_path / "staging"
    staging.mkdir()
    monkeypatch.setenv("EQM_SPARK_STAGING", str(staging))
    members = pl.DataFrame({"member_id": ["M1"], "birth_date": [None]}, schema={"member_id": pl.String, "birth_date": pl.Date})
    members.write_parquet(tmp_path / "members.parquet")
    codes = pl.DataFrame({"value_set": ["a"], "code": ["1"]})
    tables = EngineTables({"members": tmp_path / "members.parquet"}, {"value_set_codes": codes}, pl.DataFrame())
    first, second = SparkSession(tables), SparkSession(tables)
    try:
        assert first.staging != second.staging
        assert {first.staging.parent, second.staging.parent} == {staging}
        assert sorted(path.name for path in first.staging.iterdir()) == ["members.parquet", "value_set_codes.parquet"]
        assert first.row(exp.select(exp.func("count", exp.Star())).from_("members")) == (1,)
    finally:
        first.close()
        second.close()
    assert list(staging.iterdir()) == []
