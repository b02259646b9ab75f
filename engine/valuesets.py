"""Value sets: CSV files of codes with effective dates, or FHIR ValueSet resources, loaded into one table for joins.

Each `<name>.csv` has code, code_system, description, effective_from, effective_to.
A code counts on a date of service inside its effective range (either end may be empty),
because codes change meaning (HCPCS G0136 is a social needs assessment only before 2026).
A `<name>.json` is a FHIR R4 ValueSet (as VSAC and the eCQM repositories publish them): its
expansion's codes, or, unexpanded, the codes its compose lists explicitly (less those it excludes);
code systems are recognised by their canonical URIs or OIDs, and its url, version and OID are kept.
Files in an override directory replace the shipped file of the same name, so a licensee
can point a measure at their own (for example NCQA) value sets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from engine.codes import CODE_SYSTEMS, SYSTEM_URIS, normalize_code_in_system, normalize_code_system
from engine.contract import file_sha256
from engine.errors import Problem, SpecError

COLUMNS = ("code", "code_system", "description", "effective_from", "effective_to")


@dataclass(frozen=True)
class ValueSets:
    codes: pl.DataFrame  # value_set, code, code_system, description, effective_from, effective_to
    files: dict[str, Path]
    hashes: dict[str, str]
    identities: dict[str, dict[str, str]] = field(default_factory=dict)  # FHIR value sets: url, version, oid

    @property
    def names(self) -> set[str]:
        return set(self.files)


def value_set_files(directories: list[Path]) -> dict[str, Path]:
    """Name -> file (`<name>.csv` or a FHIR ValueSet `<name>.json`); later directories override
    earlier ones. One folder holding both forms of a name is an error: which one counts would be a guess."""
    files: dict[str, Path] = {}
    problems = []
    for directory in directories:
        if directory.is_dir():
            found = sorted([*directory.glob("*.csv"), *directory.glob("*.json")])
            names = [path.stem for path in found]
            problems += [Problem(str(directory / name), "value set given both as CSV and as FHIR JSON", hint="keep one of the two files")
                         for name in sorted({name for name in names if names.count(name) > 1})]
            files.update({path.stem: path for path in found})
    if problems:
        raise SpecError(problems)
    return files


def load_value_sets(directories: list[Path], names: set[str] | None = None) -> ValueSets:
    """Load the named value sets (all if None); every problem in every file is reported at once."""
    files = value_set_files(directories)
    if names is not None:
        files = {name: path for name, path in files.items() if name in names}
    frames, problems, identities = [], [], {}
    for name, path in files.items():
        if path.suffix == ".json":
            frame, found, identity = _load_fhir(name, path)
            identities[name] = identity
        else:
            frame, found = _load_one(name, path)
        frames.append(frame)
        problems += found
    if problems:
        raise SpecError(problems)
    schema = {"value_set": pl.String, "code": pl.String, "code_system": pl.String, "description": pl.String, "effective_from": pl.Date, "effective_to": pl.Date}
    codes = pl.concat(frames) if frames else pl.DataFrame(schema=schema)
    return ValueSets(codes, files, {name: file_sha256(path) for name, path in files.items()}, identities)


def _load_fhir(name: str, path: Path) -> tuple[pl.DataFrame, list[Problem], dict[str, str]]:
    """A FHIR ValueSet: its expansion, else its compose's explicit codes; every problem reported."""
    try:
        resource = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return pl.DataFrame(), [Problem(str(path), f"not JSON: {error}")], {}
    if not isinstance(resource, dict) or resource.get("resourceType") != "ValueSet":
        return pl.DataFrame(), [Problem(str(path), "not a FHIR ValueSet resource", hint="resourceType must be ValueSet")], {}
    oids = [str(item.get("value", "")).removeprefix("urn:oid:") for item in resource.get("identifier", []) if str(item.get("system", "")) == "urn:ietf:rfc:3986"]
    identity = {key: str(resource[key]) for key in ("url", "version", "name") if resource.get(key)}
    if oids:
        identity["oid"] = oids[0]
    problems: list[Problem] = []
    rows: list[tuple[str, str, str]] = []  # system URI, code, display
    if resource.get("expansion", {}).get("contains"):
        stack = list(resource["expansion"]["contains"])
        while stack:
            entry = stack.pop(0)
            stack += entry.get("contains", [])
            if entry.get("code") and not entry.get("abstract"):
                rows.append((entry.get("system", ""), str(entry["code"]), entry.get("display", "")))
    else:
        compose = resource.get("compose", {})
        excluded = {(item.get("system", ""), str(concept.get("code"))) for item in compose.get("exclude", []) for concept in item.get("concept", [])}
        for index, include in enumerate(compose.get("include", [])):
            if include.get("filter") or include.get("valueSet") or not include.get("concept"):
                problems.append(Problem(str(path), f"compose.include[{index}] has no explicit codes (a filter, another value set, or a whole system)",
                                        hint="give the ValueSet's expansion (VSAC $expand) instead"))
            rows += [(include.get("system", ""), str(concept["code"]), concept.get("display", "")) for concept in include.get("concept", [])
                     if concept.get("code") and (include.get("system", ""), str(concept["code"])) not in excluded]
    if not rows and not problems:
        problems.append(Problem(str(path), "the ValueSet has no codes (no expansion and no compose concepts)"))
    unknown = sorted({system for system, _, _ in rows if system not in SYSTEM_URIS})
    problems += [Problem(str(path), f"unknown code system '{system}'", hint=f"one of {', '.join(sorted(uri for uri in SYSTEM_URIS if not uri.startswith('urn:')))}, or a system's HL7 OID as urn:oid:...") for system in unknown]
    frame = pl.DataFrame({"system": [row[0] for row in rows], "code": [row[1] for row in rows], "description": [row[2] for row in rows]},
                         schema={"system": pl.String, "code": pl.String, "description": pl.String})
    system = pl.col("system").replace_strict(SYSTEM_URIS, default=None)
    frame = frame.select(
        pl.lit(name).alias("value_set"), normalize_code_in_system(pl.col("code"), system).alias("code"), system.alias("code_system"),
        pl.col("description"), pl.lit(None, pl.Date).alias("effective_from"), pl.lit(None, pl.Date).alias("effective_to"),
    ).filter(pl.col("code_system").is_not_null()).unique(maintain_order=True)
    return frame, problems, identity


def _load_one(name: str, path: Path) -> tuple[pl.DataFrame, list[Problem]]:
    raw = pl.read_csv(path, infer_schema=False)
    missing = [column for column in COLUMNS if column not in raw.columns]
    if missing:
        return pl.DataFrame(), [Problem(str(path), f"value set is missing column '{column}'", 1, hint=f"columns: {', '.join(COLUMNS)}") for column in missing]
    frame = raw.select(
        pl.lit(name).alias("value_set"),
        normalize_code_in_system(pl.col("code"), normalize_code_system(pl.col("code_system"))).alias("code"),
        normalize_code_system(pl.col("code_system")).alias("code_system"),
        pl.col("description"),
        pl.col("effective_from").str.to_date("%Y-%m-%d", strict=False).alias("effective_from"),
        pl.col("effective_to").str.to_date("%Y-%m-%d", strict=False).alias("effective_to"),
        pl.col("effective_from").alias("__from"),
        pl.col("effective_to").alias("__to"),
    )
    problems = []
    for index, row in enumerate(frame.iter_rows(named=True)):
        line = index + 2  # header is line 1
        if not row["code"]:
            problems.append(Problem(str(path), "empty code", line))
        if row["code_system"] not in CODE_SYSTEMS:
            problems.append(Problem(str(path), f"unknown code system '{row['code_system']}'", line, hint=f"one of {', '.join(CODE_SYSTEMS)}"))
        for column in ("from", "to"):
            if row[f"__{column}"] and row[f"effective_{column}"] is None:
                problems.append(Problem(str(path), f"effective_{column} '{row[f'__{column}']}' is not a date (YYYY-MM-DD)", line))
        if row["effective_from"] and row["effective_to"] and row["effective_to"] < row["effective_from"]:
            problems.append(Problem(str(path), "effective_to is before effective_from", line))
    return frame.drop("__from", "__to"), problems
