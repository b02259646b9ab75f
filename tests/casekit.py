"""Runs a YAML test case through the real loader, contract, compiler and runner.

A case file has: `description`, `period`, optional `unit` and `parameters`, `rate` (the rate
body: anchor, dates, events, populations), `value_sets` (name -> list of [code, system,
effective_from, effective_to]), input rows per extract (missing columns get defaults), and
`expect`: member -> {population: bool, ...} (a member expected out of the initial population
has `initial_population: false`). Each expectation carries a `why` explaining the hand
computation.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from ruamel.yaml import YAML

from engine.compile import compile_measure
from engine.contract import EXTRACTS, validate_extracts
from engine.period import parse_period
from engine.run import EngineTables, run_measures
from engine.spec.loader import load_spec, parse_spec
from engine.strata import member_strata
from engine.valuesets import load_value_sets, value_set_files

DEFAULTS = {
    "members": {"sex": "U", "race": "UNKNOWN", "ethnicity": "UNKNOWN", "state": "OR"},
    "enrollment": {"plan_id": "P1", "program": "Medicaid", "benefit": "medical"},
    "claims": {"line_number": "1", "claim_status": "paid", "procedure_code_system": "CPT", "provider_type": "PEDIATRICS"},
    "screenings": {},
    "immunizations": {"status": "completed", "source": "registry"},
    "lab_results": {"status": "final"},
    "conditions": {},
    "encounters": {"record_type": "encounter", "status": "finished"},
    "observations": {"status": "final", "code_system": "LOINC"},
    "dyads": {"link_method": "case_number", "link_confidence": "0.95"},
    "kindergarten_assessments": {},
}


def read_case(path: Path) -> dict[str, Any]:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def spec_text(case: dict[str, Any]) -> str:
    spec = {
        "id": "case", "title": case["description"], "version": "test", "steward": "eqm tests", "source": "hand-computed test case",
        "improvement": "increase", "unit": case.get("unit", "member"), "demographics": case.get("demographics", "self"), "parameters": case.get("parameters", {}),
        "stratifiers": case.get("stratifiers", ["race_ethnicity", "income_band", "plan", "race_ethnicity x income_band"]),
        "rates": [{"id": "rate", "title": "case rate", **case["rate"]}],
    }
    buffer = io.StringIO()
    YAML().dump(spec, buffer)
    return buffer.getvalue()


def frames(case: dict[str, Any]) -> dict[str, pl.DataFrame]:
    out = {}
    for name, extract in EXTRACTS.items():
        rows = case.get(name) or []
        counter = iter(range(1, len(rows) + 1))
        filled = []
        for row in rows:
            record = {column.name: None for column in extract.columns} | DEFAULTS[name]
            if name == "claims":
                record["claim_id"] = f"C{next(counter)}"
            if name == "screenings":
                record["screening_id"] = f"S{next(counter)}"
            if name == "immunizations":
                record["immunization_id"] = f"I{next(counter)}"
            if name == "lab_results":
                record["lab_result_id"] = f"L{next(counter)}"
            if name == "conditions":
                record["condition_id"] = f"D{next(counter)}"
            if name == "encounters":
                record["encounter_id"] = f"E{next(counter)}"
            if name == "observations":
                record["observation_id"] = f"O{next(counter)}"
            record |= {key: None if value is None else str(value) for key, value in row.items()}
            filled.append(record)
        out[name] = pl.DataFrame(filled, schema={column.name: pl.String for column in extract.columns}, orient="row") if filled else pl.DataFrame(schema={column.name: pl.String for column in extract.columns})
    return out


def write_value_sets(case: dict[str, Any], directory: Path) -> set[str]:
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in (case.get("value_sets") or {}).items():
        lines = ["code,code_system,description,effective_from,effective_to"]
        for row in rows:
            code, system, start, end = (list(row) + [None, None])[:4]
            lines.append(f"{code},{system},test code,{start or ''},{end or ''}")
        (directory / f"{name}.csv").write_text("\n".join(lines) + "\n")
    return set((case.get("value_sets") or {}).keys())


def run_case(case: dict[str, Any], tmp_path: Path) -> pl.DataFrame:
    """A criterion case: the spec is the case's own rate and value sets."""
    names = write_value_sets(case, tmp_path / "valuesets")
    spec, problems = parse_spec(spec_text(case), "case.yaml", names)
    assert not problems, "\n".join(map(str, problems))
    return execute(spec, case, [tmp_path / "valuesets"])


def run_measure_case(case: dict[str, Any], measures_dir: Path) -> pl.DataFrame:
    """A measure deck case: the shipped measure and value sets; all its rates' results."""
    valuesets = measures_dir / "valuesets"
    spec = load_spec(measures_dir / f"{case['measure']}.yaml", set(value_set_files([valuesets])), case.get("parameters"))
    return execute(spec, case, [valuesets])


def expectations_by_rate(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`rate` + `expect` for one rate, or `expect_by_rate: {rate_id: expect}` for several."""
    return case["expect_by_rate"] if "expect_by_rate" in case else {case["rate"]: case["expect"]}


def execute(spec: Any, case: dict[str, Any], valueset_dirs: list[Path], with_attrition: bool = False) -> Any:
    """The member results (and, with `with_attrition`, the attrition query counts too)."""
    period = parse_period(str(case["period"]))
    extracts = validate_extracts(frames(case), today=date(2030, 1, 1))
    for name, rejected in extracts.rejects.items():
        assert rejected.is_empty(), f"case rows rejected in {name}: {rejected.to_dicts()}"
    value_sets = load_value_sets(valueset_dirs)
    strata = member_strata(extracts.table("members"), case.get("guideline_year", period.start.year))
    compiled = compile_measure(spec, period, case.get("enrollment_scope", "state"))
    output = run_measures([compiled], EngineTables.from_extracts(extracts, value_sets.codes, strata))
    return (output.member_results(), output.attrition_counts) if with_attrition else output.member_results()
