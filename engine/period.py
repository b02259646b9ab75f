"""The measurement period: a run parameter (`--period 2025` or `--period 2025-01-01..2025-06-30`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.errors import UsageError


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def parse_period(text: str) -> Period:
    """A calendar year ('2025') or two ISO dates joined by '..' (both days included)."""
    text = text.strip()
    try:
        if ".." in text:
            first, last = (date.fromisoformat(part.strip()) for part in text.split("..", 1))
        else:
            year = int(text)
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise UsageError(f"--period '{text}' is not a year (2025) or a date range (2025-01-01..2025-12-31)") from None
    if last < first:
        raise UsageError(f"--period '{text}' ends before it starts")
    return Period(first, last)
