"""The `eqm` command line. Thin: maps library errors to messages and exit codes, prints results."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table
from ruamel.yaml import YAML

from engine import __version__
from engine.errors import EqmError, UsageError

if TYPE_CHECKING:
    from engine.import_report import ImportReport

console = Console(stderr=True, highlight=False)
EXIT_USER_ERROR = 2

DATA_OPTION = click.option("--data", type=click.Path(path_type=Path), default=Path("sample_data"), show_default=True, help="Folder of extracts (CSV or Parquet).")
MEASURES_DIR_OPTION = click.option("--measures-dir", type=click.Path(path_type=Path), default=None, help="Folder of measure specs (default: the shipped library).")
VALUESETS_OPTION = click.option("--valuesets", type=click.Path(path_type=Path), default=None, help="Folder of value sets (CSV or FHIR ValueSet JSON) that replace shipped files of the same name.")
PERIOD_OPTION = click.option("--period", default=None, help="Measurement period: a year (2025) or 2025-01-01..2025-12-31. Default: the latest calendar year the claims in --data cover (to within 31 days of its end).")
PARAM_OPTION = click.option("--param", "params", multiple=True, metavar="MEASURE.NAME=VALUE", help="Override a measure parameter (YAML value), e.g. w30.min_days_apart=1.")


class EqmGroup(click.Group):
    """Turns user errors into a message and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EqmError as error:
            console.print(f"[bold red]error:[/] {error}", markup=True, soft_wrap=True)
            sys.exit(EXIT_USER_ERROR)


def _parse_params(params: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    parsed: dict[str, dict[str, Any]] = {}
    for text in params:
        key, sep, value = text.partition("=")
        measure, dot, name = key.partition(".")
        if not sep or not dot or not measure or not name:
            raise UsageError(f"--param '{text}' must look like MEASURE.NAME=VALUE")
        parsed.setdefault(measure, {})[name] = YAML(typ="safe").load(value)
    return parsed


def _whole_numbers(text: str, flag: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"{flag} '{text}' must be whole numbers separated by commas") from None


def _stratifiers(text: str | None) -> tuple[str, ...]:
    from engine.spec.loader import did_you_mean
    from engine.spec.models import CROSS, STRATIFIERS

    names = tuple(name.strip() for name in (text or "").split(",") if name.strip())
    for name in names:
        for part in name.split(CROSS):
            if part not in STRATIFIERS:
                hint = did_you_mean(part, STRATIFIERS)
                raise UsageError(f"--stratifiers: unknown stratifier '{part}'" + (f" ({hint})" if hint else ""))
    return names


def _period(text: str | None, data: Path):
    from engine.period import parse_period
    from engine.pipeline import default_period

    return parse_period(text) if text else default_period(data)


def _periods(text: str | None, data: Path):
    from engine.period import parse_periods
    from engine.pipeline import default_period

    return parse_periods(text) if text else (default_period(data),)


def _measures_dir(path: Path | None) -> Path:
    from engine.pipeline import DEFAULT_MEASURES

    return path or DEFAULT_MEASURES


@click.group(cls=EqmGroup)
@click.version_option(__version__, prog_name="eqm")
def main() -> None:
    """eqm: equity-stratified quality measures from YAML specs, compiled to SQL and run on DuckDB."""


@main.command()
@DATA_OPTION
@click.option("--out", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Output folder.")
@click.option("--period", default=None, help="Measurement period: a year (2025), 2025-01-01..2025-12-31, or several for trends: 2023..2025 (each year) or periods joined by commas. Default: the latest calendar year the claims in --data cover (to within 31 days of its end).")
@click.option("--measures", default=None, help="Comma-separated measure ids (default: all).")
@MEASURES_DIR_OPTION
@VALUESETS_OPTION
@PARAM_OPTION
@click.option("--poverty-guideline-year", type=int, default=None, help="HHS poverty guideline year for income bands (default: the period's first year).")
@click.option("--interval", type=click.Choice(["wilson", "clopper-pearson"]), default="wilson", show_default=True, help="Confidence interval for each rate.")
@click.option("--reference", type=click.Choice(["largest", "best", "rest"]), default="largest", show_default=True, help="Reference group: the largest, the best-performing reliable group, or everyone else.")
@click.option("--reference-group", "reference_groups", multiple=True, metavar="STRATIFIER=GROUP", help="A named reference group for one stratifier, e.g. race_ethnicity=White.")
@click.option("--adjust", "adjustment", type=click.Choice(["holm", "bh"]), default="holm", show_default=True, help="Multiple-comparison adjustment per measure and stratifier.")
@click.option("--min-denominator", type=click.IntRange(min=1), default=30, show_default=True, help="Smallest denominator flagged reliable.")
@click.option("--race-scheme", type=click.Choice(["spd15", "hedis"]), default="spd15", show_default=True, help="SPD-15 combined categories, or HEDIS race and ethnicity as separate stratifiers (with data source).")
@click.option("--alone-or-in-combination", is_flag=True, help="Also report the overlapping SPD-15 alone-or-in-combination view.")
@click.option("--forbid-imputed", is_flag=True, help="Treat imputed race and ethnicity as Unknown (Oregon REALD).")
@click.option("--income-bands", default="100,138,200,300", show_default=True, help="Upper bounds (whole percents of poverty, inclusive) of the income bands.")
@click.option("--stratifiers", "stratifier_list", default=None, help="Comma-separated stratifiers for every measure (two crossed with ' x '), replacing each measure's list.")
@click.option("--public", is_flag=True, help="Public release: suppress small counts and what reveals them; write no member-level files.")
@click.option("--threshold", type=click.IntRange(min=1), default=10, show_default=True, help="Counts from 1 to this are suppressed in public output.")
@click.option("--protection-width", type=click.IntRange(min=1), default=None, help="Narrowest interval an attacker may derive for a suppressed count (default: threshold + 1).")
@click.option("--benchmarks", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, help="A program's benchmarks file (YAML or CSV): benchmarks, improvement and equity targets, roll-up.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, help="rates.parquet (or .csv) of an earlier run: the baseline for improvement and equity targets.")
@click.option("--memory-limit", default=None, help="DuckDB memory limit, e.g. 4GB: beyond it DuckDB spills to a temporary folder on disk (Spark in local mode: the driver's memory, 4GB unless given).")
@click.option("--enrollment-scope", type=click.Choice(["state", "plan"]), default="state", show_default=True, help="Continuous enrollment across every plan and program (state: the state's Core Set rate), or only in the plan attributed on the anchor date (plan: HEDIS plan-level rates).")
@click.option("--engine", "sql_engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True, help="Where the compiled SQL runs: DuckDB in-process, or Spark SQL on a SparkSession (pip install 'eqm[spark]'; local mode unless Spark is configured for a cluster).")
@click.option("--fhir-measure-reports", is_flag=True, help="Also write FHIR MeasureReports (NDJSON): a summary per rate with its strata, and one per member and rate. Internal runs only.")
def run(data: Path, out: Path, period: str | None, measures: str | None, measures_dir: Path | None, valuesets: Path | None, params: tuple[str, ...], poverty_guideline_year: int | None,
        interval: str, reference: str, reference_groups: tuple[str, ...], adjustment: str, min_denominator: int,
        race_scheme: str, alone_or_in_combination: bool, forbid_imputed: bool, income_bands: str, stratifier_list: str | None,
        public: bool, threshold: int, protection_width: int | None, benchmarks: Path | None, baseline: Path | None, memory_limit: str | None, enrollment_scope: str, sql_engine: str,
        fhir_measure_reports: bool) -> None:
    """Run measures on a folder of extracts and write results, rates, rejects, a scorecard and a manifest."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from engine.compare import StatisticsOptions
    from engine.pipeline import RunOptions
    from engine.strata import GroupOptions
    from engine.suppress import SuppressionOptions
    from engine.pipeline import run as run_pipeline

    if public and fhir_measure_reports:
        raise UsageError("--fhir-measure-reports writes a report for every member: not in a public run (drop --public, or the reports)")
    named = {}
    for text in reference_groups:
        stratifier, sep, group = text.partition("=")
        if not sep or not stratifier or not group:
            raise UsageError(f"--reference-group '{text}' must look like STRATIFIER=GROUP")
        named[stratifier] = group
    statistics = StatisticsOptions(interval=interval, reference=reference, reference_groups=named, adjustment=adjustment, min_denominator=min_denominator)
    groups = GroupOptions(
        income_bounds=_whole_numbers(income_bands, "--income-bands"), forbid_imputed=forbid_imputed, race_scheme=race_scheme,
        alone_or_in_combination=alone_or_in_combination, stratifiers=_stratifiers(stratifier_list),
    )
    options = RunOptions(
        data=data, out=out, periods=_periods(period, data), measures=tuple(filter(None, (measures or "").split(","))),
        measures_dir=_measures_dir(measures_dir), valuesets_dir=valuesets, parameters=_parse_params(params), poverty_guideline_year=poverty_guideline_year,
        statistics=statistics, groups=groups, public=public, suppression=SuppressionOptions(threshold=threshold, protection_width=protection_width),
        benchmarks=benchmarks, baseline=baseline, memory_limit=memory_limit, engine=sql_engine, enrollment_scope=enrollment_scope,
        fhir_measure_reports=fhir_measure_reports,
    )
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("starting")
        report = run_pipeline(options, lambda stage: progress.update(task, description=stage))
    table = Table(title="Extracts (rows read = used + rejected; warnings: used rows with a field set to unknown or flagged)", title_justify="left")
    for column in ("extract", "read", "used", "rejected", "warnings"):
        table.add_column(column, justify="left" if column == "extract" else "right")
    for name, extract in report.extracts.reports.items():
        table.add_row(name, str(extract.rows_read), str(extract.rows_used), str(extract.rows_rejected), str(extract.rows_with_warnings))
    console.print(table)
    overall = report.rates.filter(report.rates["stratifier"] == "overall")
    several = len(report.periods) > 1
    labels = ", ".join(period.label for period in report.periods)
    rates = Table(title=f"Overall rates, measurement period{'s' if several else ''} {labels}", title_justify="left")
    for column in (("period",) if several else ()) + ("measure", "rate", "numerator", "denominator", "rate %"):
        rates.add_column(column, justify="left" if column in ("period", "measure", "rate") else "right")
    for row in overall.sort("measure_id", "rate_id", "period", maintain_order=True).iter_rows(named=True):
        shown = [("suppressed" if row[name] is None else str(row[name])) for name in ("numerator", "denominator")]
        rates.add_row(*([row["period"]] if several else []), row["measure_id"], row["rate_id"], *shown, "-" if row["rate"] is None else f"{100 * row['rate']:.1f}")
    console.print(rates)
    if report.targets is not None and report.targets.roll_up.height:
        roll_up = Table(title="Program roll-up by plan", title_justify="left")
        for column in ("plan", "rates met", "required", "program met", "earned share"):
            roll_up.add_column(column, justify="left" if column == "plan" else "right")
        for row in report.targets.roll_up.iter_rows(named=True):
            roll_up.add_row(row["plan"], f"{row['rates_met']} of {row['rates_benchmarked']}", str(row["required"]), "yes" if row["program_met"] else "no", f"{100 * row['earned_share']:.0f}%")
        console.print(roll_up)
    console.print(f"Wrote {len(report.outputs)} files to {out}/ (scorecard: {out / 'scorecard.html'})")


@main.command(name="compile")
@click.argument("measure")
@PERIOD_OPTION
@DATA_OPTION
@MEASURES_DIR_OPTION
@click.option("--dialect", type=click.Choice(["duckdb", "spark", "trino", "snowflake", "bigquery", "postgres"]), default="duckdb", show_default=True,
              help="SQL dialect to print. DuckDB and Spark are run and tested; the others are sqlglot transpilations, not run by eqm's tests.")
def compile_command(measure: str, period: str | None, data: Path, measures_dir: Path | None, dialect: str) -> None:
    """Print the SQL a measure compiles to."""
    from engine.compile import compile_measure
    from engine.pipeline import load_specs

    spec = load_specs(_measures_dir(measures_dir), only=(measure,))[0]
    click.echo(compile_measure(spec, _period(period, data)).sql(dialect))


@main.command()
@click.argument("measure")
@PERIOD_OPTION
@DATA_OPTION
@MEASURES_DIR_OPTION
def explain(measure: str, period: str | None, data: Path, measures_dir: Path | None) -> None:
    """Print a measure's logic in plain English (from the same compiled pieces as its SQL)."""
    from engine.compile import compile_measure, explain_measure
    from engine.pipeline import load_specs

    spec = load_specs(_measures_dir(measures_dir), only=(measure,))[0]
    click.echo(explain_measure(compile_measure(spec, _period(period, data))))


@main.command(name="list")
@MEASURES_DIR_OPTION
def list_command(measures_dir: Path | None) -> None:
    """List the measures in the library."""
    from engine.pipeline import load_specs

    for spec in load_specs(_measures_dir(measures_dir)):
        rates = ", ".join(rate.id for rate in spec.rates)
        click.echo(f"{spec.id}\t{spec.version}\t{spec.title}\t[{rates}]")


@main.command()
@MEASURES_DIR_OPTION
@VALUESETS_OPTION
def validate(measures_dir: Path | None, valuesets: Path | None) -> None:
    """Check every measure spec and the value sets they use; report every problem at once."""
    from engine.pipeline import load_specs, used_value_sets, value_set_dirs
    from engine.valuesets import load_value_sets

    directory = _measures_dir(measures_dir)
    specs = load_specs(directory, valuesets)
    load_value_sets(value_set_dirs(directory, valuesets), used_value_sets(specs))
    click.echo(f"{len(specs)} measure specs are valid.")


@main.command()
@click.option("--members", type=click.IntRange(min=1), default=5000, show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--year", type=int, default=2025, show_default=True, help="Last year of data (the measurement year).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("sample_data"), show_default=True)
@click.option("--format", "file_format", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--bad-rows/--no-bad-rows", default=True, show_default=True, help="Add a few invalid rows that the run must reject.")
def synth(members: int, seed: int, year: int, out: Path, file_format: str, bad_rows: bool) -> None:
    """Generate a deterministic synthetic population with every extract."""
    from engine.synth import SynthOptions, synthesize_chunks, write_extracts

    for path, rows in write_extracts(synthesize_chunks(SynthOptions(members=members, seed=seed, year=year, bad_rows=bad_rows)), out, file_format).items():
        click.echo(f"{path}\t{rows} rows")


@main.command(name="bench")
@click.option("--members", "sizes", default="100000", show_default=True, help="Population size, or several comma-separated (time per member is compared across them).")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="Folder of cached synthetic populations (default: ~/.cache/eqm/bench).")
@click.option("--memory-limit", default=None, help="DuckDB memory limit for the engine run, e.g. 4GB (DuckDB spills to disk beyond it).")
@click.option("--internal", is_flag=True, help="Benchmark an internal run (member-level files, gap lists) instead of a public one.")
@click.option("--comparisons/--no-comparisons", default=True, show_default=True, help="Also time the bare scan and the pandas reference (which needs about 11 GB per million members).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench.json"), show_default=True, help="JSON file for every measurement.")
def bench_command(sizes: str, seed: int, cache: Path | None, memory_limit: str | None, internal: bool, comparisons: bool, out: Path) -> None:
    """Time every stage of a full run on a synthetic population, against a bare scan and a pandas reference."""
    import json
    import tempfile

    from engine.bench import BenchOptions, bench, default_cache

    options = BenchOptions(members=_whole_numbers(sizes, "--members"), seed=seed, cache=cache or default_cache(), memory_limit=memory_limit, public=not internal, comparisons=comparisons)
    with tempfile.TemporaryDirectory(prefix="eqm-bench-") as work:
        result = bench(options, Path(work), lambda members: console.print(f"{members:,} members: synthesising (if not cached) and measuring"))
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for size in result["sizes"]:
        if "errors" in size:
            console.print(f"{size['members']:,} members: not measured. " + " ".join(size["errors"]), soft_wrap=True)
            continue
        table = Table(title=f"{size['members']:,} members ({sum(size['engine']['rows'].values()):,} input rows)", title_justify="left")
        for column in ("stage", "wall s", "CPU s", "peak MB"):
            table.add_column(column, justify="left" if column == "stage" else "right")
        compared = [size[name]["total"] for name in ("bare_scan", "engine_two_measures", "pandas_two_measures") if name in size]
        for stage in size["engine"]["stages"] + [size["engine"]["total"], *compared]:
            table.add_row(stage["name"], f"{stage['wall_seconds']:.2f}", f"{stage['cpu_seconds']:.2f}", f"{stage['peak_memory_mb']:,.0f}")
        console.print(table)
        if "ratios" not in size:
            continue
        ratios = size["ratios"]
        console.print(f"engine end to end / bare scan: {ratios['end_to_end_over_bare_scan']}x; compute / bare scan: {ratios['compute_over_bare_scan']}x; "
                      f"pandas / engine (W30 and social needs): {ratios['pandas_over_engine']}x; pandas reference agrees: {'yes' if size['reference_agrees'] else 'NO'}", soft_wrap=True)
    if result["per_member_spread"] is not None and len(result["sizes"]) > 1:
        console.print(f"time per member, slowest over fastest size: {result['per_member_spread']}x")
    console.print(f"Wrote {out}")


@main.group(name="import")
def import_group() -> None:
    """Turn other formats into eqm extracts."""


@import_group.command(name="fhir")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder for the extracts (CSV), the skipped resources and the counts.")
def import_fhir_command(path: Path, out: Path) -> None:
    """Read FHIR R4 JSON (resources, Bundles, Bulk Data NDJSON) into eqm extracts: Patient, Coverage,
    Encounter, Procedure, ServiceRequest (orders), Immunization, Observation and Condition.
    Every other resource is counted as skipped, with its reason."""
    from engine.fhir_import import import_fhir
    from engine.import_report import write_import

    frames, report = import_fhir(path)
    written = write_import(frames, report, out)
    _print_import(report, written, out, f"FHIR resources in {report.files} files (read = mapped + skipped)", "resource type")


@import_group.command(name="synthea")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder for the extracts (CSV), the skipped rows and the counts.")
def import_synthea_command(path: Path, out: Path) -> None:
    """Read a Synthea CSV export (patients, payer_transitions, encounters, procedures, immunizations,
    conditions, observations) into eqm extracts. Every row read is mapped or counted as skipped,
    with its reason."""
    from engine.import_report import write_import
    from engine.synthea_import import import_synthea

    frames, report = import_synthea(path)
    written = write_import(frames, report, out)
    _print_import(report, written, out, f"Synthea tables in {path} (read = mapped + skipped)", "table")


def _print_import(report: ImportReport, written: list[Path], out: Path, title: str, kind: str) -> None:
    table = Table(title=title, title_justify="left")
    for column in (kind, "read", "mapped", "skipped", "why skipped"):
        table.add_column(column, justify="left" if column in (kind, "why skipped") else "right")
    for name, counts in sorted(report.counts.items()):
        reasons = "; ".join(f"{reason} ({count})" for reason, count in sorted(counts.skipped.items()))
        table.add_row(name, str(counts.read), str(counts.mapped), str(sum(counts.skipped.values())), reasons)
    console.print(table)
    for note in report.notes:
        console.print(f"- {note}", soft_wrap=True)
    console.print(f"Wrote {len(written)} files to {out}/ (skipped records: {out / 'import_skipped.csv'})", soft_wrap=True)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("specs"), show_default=True)
def schemas(out: Path) -> None:
    """Write the JSON Schemas of the measure spec language, input extracts and result tables."""
    from engine.schemas import write_schemas

    for path in write_schemas(out):
        click.echo(str(path))


if __name__ == "__main__":
    main()
