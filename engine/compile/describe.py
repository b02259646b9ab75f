"""Plain-English phrases for dates, windows and offsets, shared by every compiled fragment."""

from __future__ import annotations

from engine.spec.models import DateRef, Offset, Window

DATE_NAMES = {
    "birth_date": "birth",
    "period_start": "the start of the measurement period",
    "period_end": "the end of the measurement period",
    "anchor": "the anchor date",
    "event_date": "the event date",
}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe_offset(offset: Offset) -> str:
    parts = [plural(abs(value), unit) for value, unit in ((offset.years, "year"), (offset.months, "month"), (offset.days, "day")) if value]
    return " and ".join(parts) if parts else "0 days"


def describe_date(ref: DateRef) -> str:
    base = DATE_NAMES.get(ref.date, f"the {ref.date.replace('_', ' ')} date")
    if ref.is_zero():
        return base
    signs = {value > 0 for value in (ref.years, ref.months, ref.days) if value}
    if len(signs) == 1:
        direction = "after" if signs == {True} else "before"
        return f"{describe_offset(ref)} {direction} {base}"
    return f"{base} shifted by {ref.years} years, {ref.months} months and {ref.days} days"


def describe_window(window: Window) -> str:
    return f"from {describe_date(window.from_)} through {describe_date(window.to)}"

