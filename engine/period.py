"""The measurement period: a run parameter (`--period 2025` or `--period 2025-01-01..2025-06-30`).

A run may compute several periods at once for trends: `--period 2023..2025` (each calendar year)
or a comma-separated list of periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from engine.errors import UsageError

PERIOD_SCHEMA = {"period": pl.String}  # the first column of every multi-period result table


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


def parse_periods(text: str) -> tuple[Period, ...]:
    """Several periods, earliest first: '2023..2025' (calendar years), or periods joined by commas.

    >>> [period.label for period in parse_periods("2023..2025")]
    ['2023', '2024', '2025']
    >>> [period.label for period in parse_periods("2025,2024-07-01..2025-06-30")]
    ['2024-07-01..2025-06-30', '2025']
    """
    periods: list[Period] = []
    for part in (piece.strip() for piece in text.split(",")):
        first, sep, last = part.partition("..")
        if sep and first.strip().isdigit() and last.strip().isdigit() and len(first.strip()) == len(last.strip()) == 4:
            start, end = int(first), int(last)
            if end < start:
                raise UsageError(f"--period '{part}' ends before it starts")
            periods += [Period(date(year, 1, 1), date(year, 12, 31)) for year in range(start, end + 1)]
        else:
            periods.append(parse_period(part))
    periods.sort(key=lambda period: (period.start, period.end))
    repeated = sorted({period.label for period in periods if periods.count(period) > 1})
    if repeated:
        raise UsageError(f"--period '{text}' names {', '.join(repeated)} more than once")
    return tuple(periods)
