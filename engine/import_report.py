"""What an import read, mapped and skipped, and writing its extracts: shared by the FHIR and Synthea imports.

Nothing is dropped without being counted: per kind of record (a FHIR resource type, a Synthea
table), read = mapped + skipped, and each skipped record is listed with its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


@dataclass
class TypeCounts:
    read: int = 0
    mapped: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass
class ImportReport:
    """Per kind of record: read = mapped + skipped; `skips` lists each skipped record with its reason;
    `notes` says what an import wrote without reading it (an extract the source has no data for)."""

    counts: dict[str, TypeCounts] = field(default_factory=dict)
    skips: list[tuple[str, str, str, str]] = field(default_factory=list)  # file, kind of record, id, reason
    files: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, resource_type: str, mapped: bool, reason: str = "", file: str = "", resource_id: str = "") -> None:
        counts = self.counts.setdefault(resource_type, TypeCounts())
        counts.read += 1
        if mapped:
            counts.mapped += 1
        else:
            counts.skipped[reason] = counts.skipped.get(reason, 0) + 1
            self.skips.append((file, resource_type, resource_id, reason))

    def add_rows(self, kind: str, file: str, outcome: pl.DataFrame) -> None:
        """Many records at once: `outcome` has a row per record read, its `id` and the `reason` it was skipped (empty: mapped)."""
        counts = self.counts.setdefault(kind, TypeCounts())
        counts.read += outcome.height
        skipped = outcome.filter(pl.col("reason").is_not_null())
        counts.mapped += outcome.height - skipped.height
        for reason, count in skipped.group_by("reason").len().sort("reason").iter_rows():
            counts.skipped[reason] = counts.skipped.get(reason, 0) + count
        self.skips.extend((file, kind, record, reason) for record, reason in skipped.select("id", "reason").iter_rows())


def write_import(frames: dict[str, pl.DataFrame], report: ImportReport, out: Path) -> list[Path]:
    """Each extract some record mapped to, as CSV (one nothing mapped to is left out: an absent
    extract is empty), the skipped records with their reasons, and the counts."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        frame.write_csv(out / f"{name}.csv")
        written.append(out / f"{name}.csv")
    skipped = pl.DataFrame(report.skips, schema={"file": pl.String, "resource_type": pl.String, "id": pl.String, "reason": pl.String}, orient="row")
    skipped.write_csv(out / "import_skipped.csv")
    summary = {"files": report.files, "resource_types": {name: {"read": counts.read, "mapped": counts.mapped, "skipped": counts.skipped}
                                                         for name, counts in sorted(report.counts.items())}, "notes": report.notes}
    (out / "import_report.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return [*written, out / "import_skipped.csv", out / "import_report.json"]
