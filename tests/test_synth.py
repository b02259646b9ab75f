"""`eqm synth` writes large populations a chunk of members at a time, with the same extracts' rules."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from engine.contract import load_extracts
from engine.synth import SynthOptions, synthesize, synthesize_chunks, write_extracts

EXTRACT_NAMES = ["members", "enrollment", "claims", "screenings", "immunizations", "lab_results", "conditions", "encounters", "observations", "dyads",
                 "kindergarten_assessments"]
KEYS = {"members": ["member_id"], "claims": ["claim_id", "line_number"], "screenings": ["screening_id", "item"], "immunizations": ["immunization_id"],
        "lab_results": ["lab_result_id"], "conditions": ["condition_id"], "observations": ["observation_id"]}


def test_a_population_of_one_chunk_does_not_depend_on_the_chunk_size() -> None:
    whole = synthesize(SynthOptions(members=400, bad_rows=False))
    first_of_two = next(synthesize_chunks(SynthOptions(members=800, chunk_members=400, bad_rows=False)))
    for name in EXTRACT_NAMES:
        assert whole[name].equals(first_of_two[name]), name


def test_chunks_continue_the_ids_and_link_mothers_within_their_chunk(tmp_path: Path) -> None:
    options = SynthOptions(members=900, chunk_members=400, bad_rows=False)
    chunks = list(synthesize_chunks(options))
    assert [chunk["members"].height for chunk in chunks] == [400, 400, 100]
    assert chunks[1]["members"]["member_id"][0] == "M0000401" and chunks[2]["members"]["member_id"][-1] == "M0000900"
    # Claim ids run on from the last one the chunk before used (claims after a death are removed, their ids not reused).
    last = int(chunks[0]["claims"]["claim_id"].str.slice(1).cast(pl.Int64).max())
    assert int(chunks[1]["claims"]["claim_id"].str.slice(1).cast(pl.Int64).min()) > last
    for chunk in chunks:
        assert chunk["dyads"]["mother_member_id"].is_in(chunk["members"]["member_id"].implode()).all()

    written = write_extracts(iter(chunks), tmp_path)
    assert {path.name: rows for path, rows in written.items()} == {f"{name}.parquet": sum(chunk[name].height for chunk in chunks) for name in EXTRACT_NAMES}
    assert pq.ParquetFile(tmp_path / "claims.parquet").metadata.num_row_groups >= len(chunks)
    for name, key in KEYS.items():
        assert pl.read_parquet(tmp_path / f"{name}.parquet").select(key).is_duplicated().sum() == 0, name
    extracts = load_extracts(tmp_path, EXTRACT_NAMES)
    assert all(report.rows_rejected == 0 for report in extracts.reports.values()), extracts.reports
    # No field warnings either: no claim before the child's birth (the newborn visit's jitter made some), no code of the wrong shape.
    assert all(report.rows_with_warnings == 0 for report in extracts.reports.values()), {name: report.warnings for name, report in extracts.reports.items()}


def test_bad_rows_come_once_and_every_chunk_is_text_like_a_csv(tmp_path: Path) -> None:
    write_extracts(synthesize_chunks(SynthOptions(members=300, chunk_members=150)), tmp_path / "two")
    write_extracts(synthesize_chunks(SynthOptions(members=150)), tmp_path / "one")
    two, one = (load_extracts(tmp_path / folder, EXTRACT_NAMES).reports for folder in ("two", "one"))
    assert pl.read_parquet_schema(tmp_path / "two" / "claims.parquet")["service_from"] == pl.String
    for name in EXTRACT_NAMES:
        assert two[name].reasons == one[name].reasons, name
    assert sum(report.rows_rejected for report in two.values()) > 0


def test_csv_extracts_have_one_header(tmp_path: Path) -> None:
    write_extracts(synthesize_chunks(SynthOptions(members=300, chunk_members=100, bad_rows=False)), tmp_path, "csv")
    members = pl.read_csv(tmp_path / "members.csv", infer_schema=False)
    assert members.height == 300 and members["member_id"].n_unique() == 300


def test_nothing_is_dated_after_a_death_and_the_registry_repeats_billed_doses() -> None:
    tables = synthesize(SynthOptions(members=5000, bad_rows=False))
    died = tables["members"].filter(pl.col("death_date").is_not_null()).select("member_id", "death_date")
    assert died.height > 0 and (died["death_date"] >= tables["members"].filter(pl.col("death_date").is_not_null())["birth_date"]).all()
    for name, column in (("claims", "service_from"), ("screenings", "screening_date"), ("immunizations", "administered_date"), ("lab_results", "collection_date"), ("conditions", "onset_date")):
        after = tables[name].join(died, on="member_id").filter(pl.col(column) > pl.col("death_date"))
        assert after.is_empty(), name
    # Most registry records repeat a billed dose on its date: a dose counted twice would show here.
    immunizations, claims = tables["immunizations"], tables["claims"]
    repeated = immunizations.join(claims.select("member_id", pl.col("service_from").alias("administered_date")).unique(), on=["member_id", "administered_date"])
    assert 0.5 < repeated.height / immunizations.height < 1
