"""Value sets: CSV files of codes with effective dates, loaded into one table for joins.

Each `<name>.csv` has code, code_system, description, effective_from, effective_to.
A code counts on a date of service inside its effective range (either end may be empty),
because codes change meaning (HCPCS G0136 is a social needs assessment only before 2026).
Files in an override directory replace the shipped file of the same name, so a licensee
can point a measure at their own (for example NCQA) value sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from engine.codes import CODE_SYSTEMS, normalize_code_in_system, normalize_code_system
from engine.contract import file_sha256
from engine.errors import Problem, SpecError

COLUMNS = ("code", "code_system", "description", "effective_from", "effective_to")


@dataclass(frozen=True)
class ValueSets:
    codes: pl.DataFrame  # value_set, code, code_system, description, effective_from, effective_to
    files: dict[str, Path]
    hashes: dict[str, str]

    @property
    def names(self) -> set[str]:
        return set(self.files)


def value_set_files(directories: list[Path]) -> dict[str, Path]:
    """Name -> file; later directories override earlier ones."""
    files: dict[str, Path] = {}
    for directory in directories:
        if directory.is_dir():
            files.update({path.stem: path for path in sorted(directory.glob("*.csv"))})
    return files


def load_value_sets(directories: list[Path], names: set[str] | None = None) -> ValueSets:
    """Load the named value sets (all if None); every problem in every file is reported at once."""
    files = value_set_files(directories)
    if names is not None:
        files = {name: path for name, path in files.items() if name in names}
    frames, problems = [], []
    for name, path in files.items():
        frame, found = _load_one(name, path)
        frames.append(frame)
        problems += found
    if problems:
        raise SpecError(problems)
    schema = {"value_set": pl.String, "code": pl.String, "code_system": pl.String, "description": pl.String, "effective_from": pl.Date, "effective_to": pl.Date}
    codes = pl.concat(frames) if frames else pl.DataFrame(schema=schema)
    return ValueSets(codes, files, {name: file_sha256(path) for name, path in files.items()})


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
