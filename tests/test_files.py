"""Tables appended a piece at a time are the files written whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from engine.files import FrameWriter

WHOLE = pl.DataFrame({"member_id": ["M1", "M2", "M3"], "due": [date(2025, 12, 31), None, date(2024, 2, 29)], "rate": [0.5, None, 1.0]})


def test_pieces_appended_give_the_file_written_whole(tmp_path: Path) -> None:
    WHOLE.write_csv(tmp_path / "whole.csv")
    for suffix in ("csv", "parquet"):
        writer = FrameWriter(tmp_path / f"pieces.{suffix}", WHOLE.schema)
        # An empty piece, and a piece whose only column values are null (typed as nothing).
        for piece in (WHOLE.head(1), WHOLE.clear(), WHOLE.slice(1, 1).with_columns(pl.lit(None).alias("rate")), WHOLE.tail(1)):
            writer.write(piece)
        assert writer.close() == 3
    assert (tmp_path / "pieces.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert pl.read_parquet(tmp_path / "pieces.parquet").equals(WHOLE)


def test_a_csv_that_gets_no_rows_still_has_its_header(tmp_path: Path) -> None:
    FrameWriter(tmp_path / "empty.csv", WHOLE.schema).close()
    assert (tmp_path / "empty.csv").read_text() == "member_id,due,rate\n"


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    """A CSV cut short reads as a complete table: an error inside the block removes the file."""
    for suffix in ("csv", "parquet"):
        path = tmp_path / f"cut.{suffix}"
        with pytest.raises(RuntimeError, match="the source failed"), FrameWriter(path, WHOLE.schema) as writer:
            writer.write(WHOLE.head(2))
            raise RuntimeError("the source failed")
        assert not path.exists(), suffix


def test_the_block_finishes_the_file(tmp_path: Path) -> None:
    with FrameWriter(tmp_path / "whole.parquet", WHOLE.schema) as writer:
        writer.write(WHOLE)
    assert writer.rows == 3
    assert pl.read_parquet(tmp_path / "whole.parquet").equals(WHOLE)
