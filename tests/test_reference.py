"""The engine agrees with a plain reference implementation on the whole sample population."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from engine.compile import compile_measure
from engine.contract import load_extracts
from engine.period import parse_period
from engine.pipeline import DEFAULT_MEASURES, load_specs, used_value_sets, value_set_dirs
from engine.run import EngineTables, run_measures
from engine.strata import member_strata
from engine.valuesets import load_value_sets
from engine import pandas_reference
from tests import reference

SAMPLE = Path(__file__).parent.parent / "sample_data"


@pytest.fixture(scope="module")
def sample():
    specs = load_specs(DEFAULT_MEASURES)
    codes = load_value_sets(value_set_dirs(DEFAULT_MEASURES, None), used_value_sets(specs)).codes
    period = parse_period("2025")
    extracts = load_extracts(SAMPLE, ["members", "enrollment", "claims", "screenings", "immunizations", "lab_results", "conditions"])
    tables = EngineTables.from_extracts(extracts, codes, member_strata(extracts.table("members"), 2025))
    results = run_measures([compile_measure(spec, period) for spec in specs], tables).member_results()
    return extracts, codes, period, results


def engine_flags(results: pl.DataFrame, measure: str, rate: str, columns: list[str]) -> dict[str, tuple]:
    rows = results.filter((pl.col("measure_id") == measure) & (pl.col("rate_id") == rate))
    return {row["member_id"]: tuple(row[column] for column in columns) for row in rows.iter_rows(named=True)}


def test_w30_first_15_months_matches_reference(sample) -> None:
    extracts, codes, period, results = sample
    expected = reference.w30_first_15_months(extracts, codes, period.start, period.end)
    actual = engine_flags(results, "w30", "first_15_months", ["denominator", "denominator_exclusion", "numerator"])
    assert len(expected) > 100 and sum(flags[2] for flags in expected.values()) > 20
    assert actual == expected


def test_sdoh_all_domains_matches_reference(sample) -> None:
    extracts, codes, period, results = sample
    expected = reference.sdoh_all_domains(extracts, codes, period.start, period.end)
    actual = engine_flags(results, "sdoh_screening", "all_domains", ["denominator", "denominator_exclusion", "numerator"])
    assert len(expected) > 1000 and sum(flags[2] for flags in expected.values()) > 100 and sum(flags[1] for flags in expected.values()) > 0
    assert actual == expected


def test_cis_combination_3_matches_reference(sample) -> None:
    """Doses from claims and the registry, one per antigen and date: the engine's events criterion
    against a plain loop over both extracts."""
    extracts, codes, period, results = sample
    expected = reference.cis_combination_3(extracts, codes, period.start, period.end)
    actual = engine_flags(results, "cis", "combination_3", ["denominator", "denominator_exclusion", "numerator"])
    assert len(expected) > 150 and sum(flags[2] for flags in expected.values()) > 50
    assert actual == expected


def test_lsc_matches_reference(sample) -> None:
    """Lead tests billed or reported by a lab, one per date: the engine against a plain loop over both extracts."""
    extracts, codes, period, results = sample
    expected = reference.lsc_by_age_2(extracts, codes, period.start, period.end)
    actual = engine_flags(results, "lsc", "by_age_2", ["denominator", "denominator_exclusion", "numerator"])
    assert len(expected) > 150 and sum(flags[2] for flags in expected.values()) > 100
    assert actual == expected


def test_pandas_reference_agrees_with_the_engine(sample) -> None:
    """The benchmark's pandas yardstick computes the same members and flags (the sample's rejected rows aside)."""
    extracts, codes, period, results = sample
    value_sets = codes.to_pandas()
    # The pandas reference reads files unvalidated: compare on members none of whose rows were rejected.
    rejected = set().union(*(set(frame["member_id"].drop_nulls()) for name, frame in extracts.rejects.items() if "member_id" in frame.columns))
    for measure, rate, frame, columns in (
        ("w30", "first_15_months", pandas_reference.w30_first_15_months(SAMPLE, value_sets, period.start, period.end), ["denominator", "denominator_exclusion", "numerator"]),
        ("sdoh_screening", "all_domains", pandas_reference.sdoh_all_domains(SAMPLE, value_sets, period.start, period.end), ["denominator", "denominator_exclusion", "numerator"]),
    ):
        expected = {row[0]: tuple(row[1:]) for row in frame[["member_id", *columns]].itertuples(index=False) if row[0] not in rejected}
        actual = {member: flags for member, flags in engine_flags(results, measure, rate, columns).items() if member not in rejected}
        assert len(expected) > 100
        assert actual == expected
