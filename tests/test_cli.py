"""The CLI end to end on the committed sample data, and the messages users get for their mistakes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.period import PERIOD_SCHEMA
from engine.pipeline import DEFAULT_MEASURES, load_specs
from engine.run import MEMBER_RESULT_SCHEMA
from engine.stratify import stratum_total_mismatches
from tests.test_spec_errors import check_snapshot

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "sample_data"
SNAPSHOTS = Path(__file__).parent / "snapshots" / "cli"
LIBRARY = {spec.id for spec in load_specs(DEFAULT_MEASURES)}


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_run_writes_every_output(sample_run: Path) -> None:
    for name in ("member_results.parquet", "rates.csv", "rates.parquet", "scorecard.html", "manifest.json"):
        assert (sample_run / name).exists(), name
    results = pl.read_parquet(sample_run / "member_results.parquet")
    assert dict(results.schema) == PERIOD_SCHEMA | MEMBER_RESULT_SCHEMA
    assert set(results["measure_id"]) == LIBRARY
    key = ["period", "measure_id", "rate_id", "member_id", "event_date"]
    assert results.select(key).equals(results.select(key).sort(key, nulls_last=True)), "member results are written in a fixed order, so runs can be diffed"


def test_rows_read_equal_rows_used_plus_rejected(sample_run: Path) -> None:
    manifest = json.loads((sample_run / "manifest.json").read_text())
    for name, entry in manifest["inputs"].items():
        assert entry["rows_read"] == entry["rows_used"] + entry["rows_rejected"], name
        rejects = sample_run / "rejects" / f"{name}.csv"
        assert rejects.exists() == (entry["rows_rejected"] > 0), name
        if rejects.exists():
            frame = pl.read_csv(rejects, infer_schema=False)
            assert frame.height == entry["rows_rejected"] and frame["reject_reason"].null_count() == 0
    assert [period["label"] for period in manifest["periods"]] == ["2025"]
    assert set(manifest["measures"]) == LIBRARY and manifest["value_sets"]


def test_strata_add_up_to_the_overall_counts(sample_run: Path) -> None:
    rates = pl.read_parquet(sample_run / "rates.parquet")
    assert stratum_total_mismatches(rates).is_empty()
    race = rates.filter((pl.col("measure_id") == "w30") & (pl.col("stratifier") == "race_ethnicity"))
    assert {"Unknown", "Declined"} <= set(race["stratum"]), "Unknown and Declined are visible strata"
    overall = rates.filter(pl.col("stratifier") == "overall")
    assert overall["rate"].is_between(0.05, 0.95).all(), "no sample rate is 0% or 100% by construction"


def test_member_results_are_the_rates(sample_run: Path) -> None:
    """Recount the overall rows from the member-level table."""
    results = pl.read_parquet(sample_run / "member_results.parquet")
    rates = pl.read_parquet(sample_run / "rates.parquet").filter(pl.col("stratifier") == "overall")
    for row in rates.iter_rows(named=True):
        mine = results.filter((pl.col("measure_id") == row["measure_id"]) & (pl.col("rate_id") == row["rate_id"]))
        denominator = mine["denominator"].sum() - mine["denominator_exclusion"].sum() - mine["denominator_exception"].sum()
        assert (row["denominator"], row["numerator"]) == (denominator, mine["numerator"].sum() - mine["numerator_exclusion"].sum())


def test_commands_that_read_specs() -> None:
    listed = invoke("list")
    assert listed.exit_code == 0 and "w30" in listed.output and "sdoh_screening" in listed.output
    assert invoke("validate").exit_code == 0
    compiled = invoke("compile", "w30", "--period", "2025")
    assert compiled.exit_code == 0 and '"claim_codes"' in compiled.output
    explained = invoke("explain", "w30", "--period", "2025")
    assert explained.exit_code == 0 and "15-month birthday" in explained.output


def test_param_override_changes_the_result(tmp_path: Path, sample_run: Path) -> None:
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "w30", "--param", "w30.min_days_apart=1")
    assert result.exit_code == 0, result.output
    base = pl.read_parquet(sample_run / "rates.parquet").filter((pl.col("measure_id") == "w30") & (pl.col("stratifier") == "overall"))
    relaxed = pl.read_parquet(tmp_path / "rates.parquet").filter(pl.col("stratifier") == "overall")
    assert (relaxed["numerator"] >= base["numerator"]).all()
    assert json.loads((tmp_path / "manifest.json").read_text())["parameter_overrides"] == {"w30": {"min_days_apart": 1}}


def test_a_run_that_spills_to_disk_gives_the_same_results(tmp_path: Path, sample_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a memory limit below what the run uses, DuckDB spills to a private folder under the
    temporary folder (not the working folder) and every member result and rate is unchanged."""
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    # 200 MB, not less: CMS117's 44 rules are one query, whose joins and aggregates need about
    # 150 MB of DuckDB's working memory even at 5,000 members (the whole run holds about 550 MB).
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path / "out"), "--memory-limit", "200MB")
    assert result.exit_code == 0, result.output
    for name in ("member_results.parquet", "rates.parquet"):
        assert pl.read_parquet(tmp_path / "out" / name).equals(pl.read_parquet(sample_run / name)), name
    assert not list(temporary.iterdir()), "the spill folder and the run's working files are removed"
    assert not (Path.cwd() / ".tmp").exists()


ERRORS = {
    "bad_period": ["run", "--period", "20x5"],
    "unknown_measure": ["run", "--measures", "w31"],
    "missing_data": ["run", "--data", "no_such_folder", "--period", "2025"],
    "bad_param": ["run", "--param", "w30=1"],
    "missing_valuesets": ["run", "--valuesets", "no_such_folder"],
    "empty_measures_dir": ["run", "--measures-dir", "tests", "--period", "2025"],
    "bad_income_bands": ["run", "--income-bands", "200,100"],
    "unknown_stratifier": ["run", "--stratifiers", "county,sexx"],
    "memory_limit_too_small": ["run", "--measures", "w30", "--memory-limit", "20MB"],
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_user_errors_exit_2_with_a_message(name: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(*ERRORS[name], "--out", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    check_snapshot(SNAPSHOTS / f"{name}.txt", result.output.strip().replace(str(ROOT) + "/", "") + "\n")


def test_synth_is_deterministic(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        assert invoke("synth", "--members", "300", "--seed", "3", "--out", str(tmp_path / folder), "--format", "csv").exit_code == 0
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name
    result = invoke("run", "--data", str(tmp_path / "a"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output


def test_readme_states_the_sample_rates(sample_run: Path) -> None:
    """The README's measure table quotes each overall rate on the sample data."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Measures"):readme.index("### Licensed value sets")]
    overall = pl.read_parquet(sample_run / "rates.parquet").filter(pl.col("stratifier") == "overall")
    for row in overall.iter_rows(named=True):
        assert f"{100 * row['rate']:.1f}%" in table, f"README does not state {row['measure_id']}.{row['rate_id']} = {100 * row['rate']:.1f}%"


def test_group_options_on_the_sample(tmp_path: Path) -> None:
    args = ["run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "w30,sdoh_screening", "--race-scheme", "hedis",
            "--alone-or-in-combination", "--forbid-imputed", "--income-bands", "100,200", "--reference", "best", "--adjust", "bh"]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    rates = pl.read_parquet(tmp_path / "rates.parquet")
    assert stratum_total_mismatches(rates).is_empty()
    assert {"race", "ethnicity", "race x race_ethnicity_source", "race_ethnicity_alone_or_in_combination"} <= set(rates["stratifier"])
    assert "race_ethnicity" not in set(rates["stratifier"])
    assert rates.filter(pl.col("stratifier") == "race_ethnicity_alone_or_in_combination")["overlapping"].all()
    assert set(rates.filter(pl.col("stratifier") == "income_band")["stratum"]) == {"0-100%", "101-200%", "Over 200%", "Unknown"}
    sources = rates.filter(pl.col("stratifier") == "race x race_ethnicity_source")["stratum"].to_list()
    assert not any(stratum.endswith("| Imputed") and not stratum.startswith("Unknown") for stratum in sources), "no imputed race is used"
    disparities = pl.read_csv(tmp_path / "disparities.csv")
    assert "race_ethnicity_alone_or_in_combination" not in set(disparities["stratifier"]), "indices need groups that partition"
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["groups"]["race_scheme"] == "hedis" and manifest["statistics"]["adjustment"] == "bh"


def test_an_internal_run_with_nothing_to_suppress(tmp_path: Path) -> None:
    """Issue 20: `--measures lsc --stratifiers sex` has no small cell; the markers' join crashed."""
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "lsc", "--stratifiers", "sex")
    assert result.exit_code == 0, result.output
    rates = pl.read_parquet(tmp_path / "rates.parquet")
    assert not rates["would_be_suppressed"].any() and stratum_total_mismatches(rates).is_empty()


def test_mother_demographics_on_the_sample(tmp_path: Path) -> None:
    """Issue 20: infants without a linked mother keep Unknown strata (they were null and the run
    stopped: "strata do not add up to the overall counts")."""
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "maternal_depression_screening",
                    "--param", "maternal_depression_screening.demographics=mother")
    assert result.exit_code == 0, result.output
    rates = pl.read_parquet(tmp_path / "rates.parquet")
    assert stratum_total_mismatches(rates).is_empty()
    members = pl.read_parquet(tmp_path / "member_results.parquet")
    unlinked = members.filter(pl.col("dyad_link") == "No link")
    assert unlinked.height and (unlinked["race_ethnicity"] == "Unknown").all() and (unlinked["income_band"] == "Unknown").all()


def overall(rates: pl.DataFrame) -> pl.DataFrame:
    return rates.filter(pl.col("stratifier") == "overall").select("measure_id", "rate_id", "denominator", "numerator")


def test_plan_enrollment_scope_on_the_sample(tmp_path: Path, sample_run: Path) -> None:
    """`--enrollment-scope plan` counts only spans in the attributed plan: no denominator grows, and
    the sample's plan switchers leave some."""
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "w30,wcv", "--enrollment-scope", "plan")
    assert result.exit_code == 0, result.output
    by_plan = overall(pl.read_parquet(tmp_path / "rates.parquet"))
    by_state = overall(pl.read_parquet(sample_run / "rates.parquet")).filter(pl.col("measure_id").is_in(["w30", "wcv"]))
    joined = by_plan.join(by_state, on=["measure_id", "rate_id"], suffix="_state")
    assert joined.height == 3 and (joined["denominator"] <= joined["denominator_state"]).all()
    assert (joined["denominator"] < joined["denominator_state"]).any(), "the sample has members who switch plans"
    assert json.loads((tmp_path / "manifest.json").read_text())["enrollment_scope"] == "plan"


def test_the_manifest_records_the_software(sample_run: Path) -> None:
    """The same inputs give the same outputs with the same software: the manifest names it."""
    manifest = json.loads((sample_run / "manifest.json").read_text())
    software = manifest["software"]
    assert set(software) >= {"python", "duckdb", "polars", "pyarrow", "sqlglot", "pyspark"}
    import duckdb
    import sqlglot
    assert software["duckdb"] == duckdb.__version__ and software["sqlglot"] == sqlglot.__version__ and software["python"].count(".") == 2
    assert manifest["enrollment_scope"] == "state"


def test_public_run_writes_no_member_level_files(public_run: Path) -> None:
    for name in ("member_results.parquet", "rejects", "warnings", "gaps", "attrition.csv", "attrition.parquet"):
        assert not (public_run / name).exists(), name
    manifest = json.loads((public_run / "manifest.json").read_text())
    assert manifest["disclosure_control"]["2025"]["narrowest_interval"] >= 11
    assert "Public view" in (public_run / "scorecard.html").read_text()


def test_public_run_prints_only_published_numbers(tmp_path: Path) -> None:
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--public", "--measures", "lsc", "--threshold", "200")
    assert result.exit_code == 0, result.output
    assert "suppressed" in result.output and "151" not in result.output, "the true numerator (151) must not reach the terminal"


def test_attack_the_sample_public_tables(public_run: Path, sample_run: Path) -> None:
    """Rebuild every linear relation from the true counts, hide what the public tables hide, and
    ask a linear program how far each small count can be narrowed."""
    from engine.suppress import audit, build_system

    public = pl.read_parquet(public_run / "rates.parquet")
    for column in ("numerator", "denominator", "exclusions"):
        assert public.filter(pl.col(column).is_between(1, 10)).is_empty(), f"a published {column} from 1 to 10"
    both = public.filter(pl.col("numerator").is_not_null() & pl.col("denominator").is_not_null())
    assert both.filter((pl.col("denominator") - pl.col("numerator")).is_between(1, 10)).is_empty(), "a derivable complement from 1 to 10"
    hidden_rows = public.filter(pl.col("numerator").is_null() | pl.col("denominator").is_null())
    assert hidden_rows.filter(pl.col("rate").is_not_null()).is_empty()
    assert hidden_rows.filter(pl.col("reliable").is_not_null() | pl.col("statistics_notes").is_not_null()).is_empty(), "reliability would say a hidden denominator is under 30"
    truth = pl.read_parquet(sample_run / "rates.parquet").filter(~pl.col("overlapping"))
    hidden = set()
    for row in public.iter_rows(named=True):
        key = (row["measure_id"], row["rate_id"], row["stratifier"], row["stratum"])
        hidden |= {(*key, kind) for kind, column in (("n", "numerator"), ("d", "denominator"), ("e", "exclusions")) if row[column] is None}
    result = audit(build_system(truth), hidden, 10, 11)
    assert not result.failures, result.failures[:3]
    assert len(result.intervals) > 100, "the sample has many small counts to protect"


def test_run_with_benchmarks_and_a_baseline(tmp_path: Path, sample_run: Path) -> None:
    program = ROOT / "measures" / "programs" / "example_program.yaml"
    result = invoke("run", "--data", str(SAMPLE), "--out", str(tmp_path), "--measures", "w30,wcv,dev_ch,lsc,sdoh_screening",
                    "--benchmarks", str(program), "--baseline", str(sample_run / "rates.parquet"))
    assert result.exit_code == 0, result.output
    targets = pl.read_parquet(tmp_path / "targets.parquet")
    assert targets.height == 5 * 5, "five benchmarked rates, for the state and four plans"
    state = {row["measure_id"]: row for row in targets.filter(pl.col("level") == "state").iter_rows(named=True)}
    # The baseline is this same run. W30 (67.2%, 133 of 198) is past its 62.0 benchmark: the target
    # is the benchmark, met. Social needs screening, 25.62% (741 of 2,899 less 7 exclusions, hospice
    # or death) against 35.0 with 20% of the gap to close: 25.62 + 0.2 x 9.38 = 27.50, rounded 27.5,
    # which the unchanged rate misses.
    assert (state["w30"]["target"], state["w30"]["status"]) == (62.0, "met")
    assert (state["sdoh_screening"]["target"], state["sdoh_screening"]["status"]) == (27.5, "not met")
    assert pl.read_parquet(tmp_path / "roll_up.parquet")["plan"].to_list() == ["PLAN-A", "PLAN-B", "PLAN-C", "PLAN-D"]
    assert "Program roll-up by plan" in result.output and "Contract targets" in (tmp_path / "scorecard.html").read_text()
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["benchmarks"]["file"] == str(program) and manifest["baseline"]["sha256"]
