"""The exception types users can cause. Library code raises these; only the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in a user's input, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.path}:" if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{key} {self.message}{hint}"


class EqmError(Exception):
    """Base for every error a user can cause: bad spec, bad data, bad flags."""


class ProblemsError(EqmError):
    """Carries every problem found, so a user fixes them all in one pass."""

    title = "problems found"

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"{len(self.problems)} {self.title}:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class SpecError(ProblemsError):
    """A measure spec (or value set it names) is invalid."""

    title = "problem(s) in measure specs"


class BenchmarksError(SpecError):
    """A program's benchmarks file is invalid."""

    title = "problem(s) in the benchmarks file"


class DataError(ProblemsError):
    """Input extracts are missing files or columns."""

    title = "problem(s) in input extracts"


class UsageError(EqmError):
    """A bad flag or argument combination."""


class UnsupportedError(EqmError):
    """A construct the compiler has no rule for (named, never guessed)."""
