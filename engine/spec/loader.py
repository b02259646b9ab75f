"""Load measure specs from YAML, keeping line numbers, and report every problem at once.

Order of work for one file: parse YAML (ruamel keeps each key's line), substitute
`$parameter` references (with run-time overrides), validate against the frozen models,
then check what the models cannot: date names, value set names, stratifiers.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from engine.errors import Problem, SpecError
from engine.spec import models
from engine.spec.models import BUILTIN_DATES, CROSS, CRITERION_KINDS, EVENT_DATE, STRATIFIERS, MeasureSpec

Path_ = tuple[str | int, ...]


def _all_field_names() -> set[str]:
    names: set[str] = set(CRITERION_KINDS)
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, field in value.model_fields.items():
                names.add(field.alias or name)
    return names


FIELD_NAMES = _all_field_names()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def format_path(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_map(node: Any, path: Path_ = (), lines: dict[Path_, int] | None = None) -> dict[Path_, int]:
    """Map every YAML path to its 1-based line."""
    lines = {} if lines is None else lines
    if isinstance(node, CommentedMap):
        for key, child in node.items():
            # Keys merged in with `<<:` have no position of their own: use the mapping's line.
            lines[path + (str(key),)] = (node.lc.key(key)[0] if key in node.lc.data else node.lc.line) + 1
            line_map(child, path + (str(key),), lines)
    elif isinstance(node, CommentedSeq):
        for index, child in enumerate(node):
            lines[path + (index,)] = node.lc.item(index)[0] + 1
            line_map(child, path + (index,), lines)
    return lines


def plain(node: Any) -> Any:
    if isinstance(node, Mapping):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    return node


class Located:
    """Problem factory for one file: finds the nearest line for a path."""

    def __init__(self, file: str, lines: dict[Path_, int]):
        self.file, self.lines = file, lines

    def problem(self, path: Path_, message: str, hint: str = "") -> Problem:
        probe = tuple(path)
        while probe and probe not in self.lines:
            probe = probe[:-1]
        return Problem(self.file, message, self.lines.get(probe, 1), format_path(path), hint)


def read_yaml(text: str, file: str, what: str) -> tuple[dict[str, Any] | None, Located, list[Problem]]:
    """Parse YAML keeping every key's line: the plain data (None unless a mapping), a problem
    locator for the file, and the problems found. `what` names the file kind in messages."""
    try:
        raw = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark
        return None, Located(file, {}), [Problem(file, f"not valid YAML: {error.problem}", mark.line + 1 if mark else None)]
    data = plain(raw)
    if not isinstance(data, dict):
        return None, Located(file, {}), [Problem(file, f"{what} must be a YAML mapping", 1)]
    return data, Located(file, line_map(raw)), []


def _substitute(node: Any, parameters: Mapping[str, Any], path: Path_, found: list[tuple[Path_, str]]) -> Any:
    """Replace every scalar `$name` with the parameter's value; record unknown names."""
    if isinstance(node, dict):
        return {key: _substitute(value, parameters, path + (key,), found) for key, value in node.items()}
    if isinstance(node, list):
        return [_substitute(value, parameters, path + (index,), found) for index, value in enumerate(node)]
    if isinstance(node, str) and node.startswith("$"):
        name = node[1:]
        if name in parameters:
            return copy.deepcopy(parameters[name])
        found.append((path, name))
    return node


def _collapse_tags(loc: tuple[Any, ...]) -> Path_:
    """Pydantic puts the discriminator tag in the location; the YAML path has the key once."""
    out: list[str | int] = []
    for index, part in enumerate(loc):
        if part in CRITERION_KINDS and index + 1 < len(loc) and loc[index + 1] == part:
            continue
        out.append(part)
    return tuple(out)


def validation_problems(error: ValidationError, at: Located, field_names: set[str] | None = None) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = _collapse_tags(item["loc"])
        kind, value = item["type"], item.get("input")
        if kind == "extra_forbidden":
            key = path[-1]
            problems.append(at.problem(path, f"unknown key '{key}'", did_you_mean(str(key), field_names or FIELD_NAMES)))
        elif kind == "missing":
            problems.append(at.problem(path, f"missing required key '{path[-1]}'"))
        elif kind == "unknown_criterion":
            problems.append(_criterion_problem(path, value, at))
        elif kind == "literal_error":
            expected = [choice.strip(" '") for choice in item["ctx"]["expected"].replace(" or ", ", ").split(",")]
            problems.append(at.problem(path, f"'{value}' is not one of {', '.join(expected)}", did_you_mean(str(value), expected)))
        elif kind == "string_pattern_mismatch" and path and path[-1] == "id":
            problems.append(at.problem(path, f"'{value}' is not a valid id", "use lower case letters, digits and underscores, starting with a letter"))
        else:
            message = item["msg"].removeprefix("Value error, ")
            problems.append(at.problem(path, message[0].lower() + message[1:]))
    return problems


def _criterion_problem(path: Path_, value: Any, at: Located) -> Problem:
    if not isinstance(value, dict):
        return at.problem(path, f"a criterion must be a mapping with one kind ({', '.join(CRITERION_KINDS)})")
    kinds = [key for key in value if key in CRITERION_KINDS]
    if len(kinds) > 1:
        return at.problem(path, f"one criterion per mapping, found {', '.join(kinds)}", "wrap them in 'all:' or 'any:'")
    unknown = [key for key in value if key != "label"]
    word = unknown[0] if unknown else ""
    return at.problem(path + ((word,) if word else ()), f"unknown criterion kind '{word}'", did_you_mean(word, CRITERION_KINDS))


def walk_spec(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every model object in a validated spec with its YAML path (aliases, as written)."""
    yield path, node
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            value = getattr(node, name)
            if value is not None:
                yield from walk_spec(value, path + (field.alias or name,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_spec(value, path + (index,))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk_spec(value, path + (key,))


VALUE_SET_FIELDS = ("value_sets", "provider_types", "instruments", "items", "answers", "null_answer_counts_items")
# Keys whose string value names a date (a DateRef given by name, or the `date:` of a DateRef).
DATE_FIELDS = ("at", "from", "to", "anchor", "enrolled_on", "date")


def _raw_walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _raw_walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _raw_walk(value, path + (index,))


def _date_names(node: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    for sub_path, value in _raw_walk(node, path):
        if isinstance(value, str) and sub_path and sub_path[-1] in DATE_FIELDS:
            yield sub_path, value


def _semantic_problems(data: dict[str, Any], value_sets: set[str] | None, at: Located) -> list[Problem]:
    """Checks of names the models cannot make, on the raw YAML so they run even when the models fail."""
    problems: list[Problem] = []
    unit = data.get("unit", "member")
    rates = data["rates"] if isinstance(data.get("rates"), list) else []
    seen_rates: set[Any] = set()
    for index, rate in enumerate(rates):
        if not isinstance(rate, dict):
            continue
        rate_path: Path_ = ("rates", index)
        if rate.get("id") in seen_rates:
            problems.append(at.problem(rate_path + ("id",), f"duplicate rate id '{rate['id']}'"))
        seen_rates.add(rate.get("id"))
        rate_unit = rate.get("unit", unit)
        if rate_unit == "event" and "events" not in rate:
            problems.append(at.problem(rate_path, "an event-unit rate needs 'events:'", "add events: {claims: ...}"))
        # Named dates are computed before the anchor, in order: each may use only earlier ones.
        known = [name for name in BUILTIN_DATES if name != "anchor"] + ([EVENT_DATE] if rate_unit == "event" else [])
        dates = rate["dates"] if isinstance(rate.get("dates"), dict) else {}
        for name, named in dates.items():
            for sub_path, value in _date_names(named, rate_path + ("dates", name)):
                if value == "anchor":
                    problems.append(at.problem(sub_path, "a named date cannot use 'anchor'", "named dates are computed before the anchor date; the anchor may use them"))
                elif value not in known:
                    problems.append(at.problem(sub_path, f"unknown date '{value}'", did_you_mean(value, known)))
            known.append(name)
        known.append("anchor")
        for key, value in rate.items():
            if key == "dates":
                continue
            for sub_path, name in _date_names(value, rate_path + (key,)):
                if name not in known:
                    problems.append(at.problem(sub_path, f"unknown date '{name}'", did_you_mean(name, known)))
    if value_sets is not None:
        for sub_path, node in _raw_walk(data):
            if not sub_path or sub_path[-1] not in VALUE_SET_FIELDS:
                continue
            names = [node] if isinstance(node, str) else node if isinstance(node, list) else []
            for offset, name in enumerate(names):
                where = sub_path + ((offset,) if isinstance(node, list) else ())
                if isinstance(name, str) and name not in value_sets:
                    problems.append(at.problem(where, f"unknown value set '{name}'", did_you_mean(name, value_sets)))
    stratifiers = data["stratifiers"] if isinstance(data.get("stratifiers"), list) else []
    for index, name in enumerate(stratifiers):
        for part in str(name).split(CROSS):
            if part not in STRATIFIERS:
                problems.append(at.problem(("stratifiers", index), f"unknown stratifier '{part}'", did_you_mean(part, STRATIFIERS)))
            elif part == "age_band" and not data.get("age_bands"):
                problems.append(at.problem(("stratifiers", index), "stratifier 'age_band' needs 'age_bands:'"))
    return problems


def parse_spec(
    text: str,
    file: str,
    value_sets: set[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> tuple[MeasureSpec | None, list[Problem]]:
    """Parse one spec's text. Returns the spec (None if invalid) and every problem found."""
    data, at, problems = read_yaml(text, file, "a measure spec")
    if data is None:
        return None, problems
    parameters = {name: entry.get("value") if isinstance(entry, dict) else entry for name, entry in (data.get("parameters") or {}).items()}
    for name, value in (overrides or {}).items():
        if name not in parameters:
            problems.append(Problem(file, f"--param names unknown parameter '{name}'", None, "parameters", did_you_mean(name, parameters)))
        else:
            parameters[name] = value
            data["parameters"][name]["value"] = value
    unknown: list[tuple[Path_, str]] = []
    body = {key: value for key, value in data.items() if key != "parameters"}
    data = {**_substitute(body, parameters, (), unknown), "parameters": data.get("parameters", {})}
    problems += [at.problem(path, f"unknown parameter '${name}'", did_you_mean(name, parameters)) for path, name in unknown]
    problems += _semantic_problems(data, value_sets, at)
    try:
        spec = MeasureSpec.model_validate(data)
    except ValidationError as error:
        # An unknown $parameter is reported once, not again as a value of the wrong type.
        unresolved = {format_path(path) for path, _ in unknown}
        return None, _in_file_order(problems + [problem for problem in validation_problems(error, at) if problem.path not in unresolved])
    return (None if problems else spec), _in_file_order(problems)


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.path))


def load_spec(path: Path, value_sets: set[str] | None = None, overrides: Mapping[str, Any] | None = None) -> MeasureSpec:
    spec, problems = parse_spec(path.read_text(encoding="utf-8"), str(path), value_sets, overrides)
    if problems:
        raise SpecError(problems)
    assert spec is not None
    return spec


def load_measures(
    directory: Path,
    value_sets: set[str] | None = None,
    only: Iterable[str] | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[MeasureSpec]:
    """Load every `*.yaml` in a directory (or the named ids); all files' problems in one error."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise SpecError([Problem(str(directory), "no measure specs (*.yaml) here", hint="point --measures-dir at a folder of measure YAML files")])
    specs, problems = [], []
    for file in files:
        spec, found = parse_spec(file.read_text(encoding="utf-8"), str(file), value_sets, (overrides or {}).get(file.stem))
        problems += found
        if spec is not None:
            if spec.id != file.stem:
                problems.append(Problem(str(file), f"measure id '{spec.id}' must match the file name '{file.stem}'", 1, "id"))
            specs.append(spec)
    wanted = list(only) if only else None
    if wanted:
        ids = {spec.id for spec in specs} | {file.stem for file in files}
        for name in wanted:
            if name not in ids:
                problems.append(Problem(str(directory), f"no measure '{name}'", None, "", did_you_mean(name, ids)))
    if problems:
        raise SpecError(problems)
    return [spec for spec in specs if wanted is None or spec.id in wanted]
