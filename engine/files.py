"""A table written to one CSV or Parquet file a frame at a time, so memory holds one frame.

Large outputs (a synthetic population, member results, gap lists at millions of members) are
produced in pieces that are already in the file's order; appending them gives the same file as
writing the whole table at once.

Used as a context manager: the file is finished when the block ends, and removed if the block
fails, so a half-written output (a CSV that reads as complete) is never left behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

import polars as pl
import pyarrow.parquet as pq

# Rows per Parquet row group: polars' default, so DuckDB reads a large file in parallel.
PARQUET_ROW_GROUP = 512**2


class FrameWriter:
    """Appends frames to `path` (CSV with one header, or Parquet row groups), each cast to `schema`."""

    def __init__(self, path: Path, schema: Mapping[str, pl.DataType]) -> None:
        self.path, self.schema, self.rows, self._header = path, dict(schema), 0, True
        self._csv = path.open("wb") if path.suffix == ".csv" else None
        self._parquet = None if self._csv else pq.ParquetWriter(path, pl.DataFrame(schema=self.schema).to_arrow().schema, compression="zstd")
        self._open = True

    def __enter__(self) -> FrameWriter:
        return self

    def __exit__(self, error_type: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        if error_type is None:
            self.close()
        else:
            self._release()
            self.path.unlink(missing_ok=True)

    def write(self, frame: pl.DataFrame) -> None:
        frame = frame.cast(self.schema)  # a column empty in one piece must not change its type
        if self._csv:
            frame.write_csv(self._csv, include_header=self._header)
            self._header = False
        else:
            self._parquet.write_table(frame.to_arrow(), row_group_size=PARQUET_ROW_GROUP)
        self.rows += frame.height

    def close(self) -> int:
        """Finish the file (a CSV that got no frame still has its header); the rows written."""
        if self._open and self._csv and self._header:
            pl.DataFrame(schema=self.schema).write_csv(self._csv)
        self._release()
        return self.rows

    def _release(self) -> None:
        if self._open:
            (self._csv or self._parquet).close()
            self._open = False
