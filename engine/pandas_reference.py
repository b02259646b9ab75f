"""Two shipped measures written again in plain pandas, the way an analyst would: the benchmark's yardstick.

`eqm bench` times these against the engine on the same files, and checks that they agree. They read
the Parquet extracts directly (no validation: the benchmark's data has no bad rows) and share no code
with the compiler. Rules (from measures/w30.yaml and measures/sdoh_screening.yaml):

- W30 rate 1: children turning 15 months (first birthday + 90 days) in the period, enrolled from
  31 days of age to that day with at most one gap of at most 45 days and enrolled on it; excluded
  for hospice or death in the period; met with six or more well-child visit days (with a primary care
  provider type) at least 14 days apart, from birth to the 15-month day.
- Social needs screening, all domains: members 0-17 on the last day of the period, enrolled all
  period (one gap of at most 45 days, enrolled on the last day); excluded for hospice or death in
  the period (NCQA SNS-E); met when screened in the period
  for food, housing and transportation with answered items, or billed G0136 (2024 and 2025 only).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

PAID = ["paid", "adjusted"]


def _dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, errors="coerce")


def _codes(value_sets: pd.DataFrame, name: str) -> pd.DataFrame:
    return value_sets.loc[value_sets["value_set"] == name, ["code", "code_system"]].drop_duplicates()


def _died(data: Path, start: pd.Timestamp, end: pd.Timestamp) -> set[str]:
    """Members whose date of death is in the period (a members file may have no death_date column)."""
    members = pd.read_parquet(data / "members.parquet")
    if "death_date" not in members.columns:
        return set()
    death = _dates(members["death_date"])
    return set(members.loc[(death >= start) & (death <= end), "member_id"])


def _medical_spans(data: Path) -> pd.DataFrame:
    spans = pd.read_parquet(data / "enrollment.parquet", columns=["member_id", "benefit", "start_date", "end_date"])
    spans = spans[spans["benefit"] == "medical"].copy()
    spans["start_date"] = _dates(spans["start_date"])
    spans["end_date"] = _dates(spans["end_date"]).fillna(pd.Timestamp("2262-04-01"))
    return spans[["member_id", "start_date", "end_date"]]


def continuously_enrolled(windows: pd.DataFrame, spans: pd.DataFrame, max_gaps: int, max_gap_days: int) -> pd.Series:
    """windows: member_id, window_start, window_end, on (a day that must be covered). A boolean per member of windows."""
    joined = windows.merge(spans, on="member_id")
    covers_day = (joined["start_date"] <= joined["on"]) & (joined["end_date"] >= joined["on"])
    covered_on = joined.loc[covers_day, "member_id"].unique()
    joined = joined[(joined["start_date"] <= joined["window_end"]) & (joined["end_date"] >= joined["window_start"])].copy()
    joined["start"] = joined["start_date"].where(joined["start_date"] > joined["window_start"], joined["window_start"])
    joined["end"] = joined["end_date"].where(joined["end_date"] < joined["window_end"], joined["window_end"])
    joined = joined.sort_values(["member_id", "start"])
    # The furthest day covered before each span; a gap is the stretch between it and the span's start.
    joined["reach"] = joined.groupby("member_id")["end"].cummax()
    before = joined.groupby("member_id")["reach"].shift(1).fillna(joined["window_start"] - pd.Timedelta(days=1))
    joined["gap"] = (joined["start"] - before).dt.days - 1
    tail = joined.groupby("member_id").agg(reach=("reach", "max"), window_end=("window_end", "first"))
    tail["gap"] = (tail["window_end"] - tail["reach"]).dt.days
    gaps = pd.concat([joined.loc[joined["gap"] > 0, ["member_id", "gap"]], tail.loc[tail["gap"] > 0, "gap"].reset_index()])
    summary = gaps.groupby("member_id")["gap"].agg(["count", "max"])
    within = pd.Series(True, index=tail.index)
    within.loc[summary.index] = (summary["count"] <= max_gaps) & (summary["max"] <= max_gap_days)
    # A member with no span in the window is never covered on its day (the day lies in the window).
    result = within.reindex(windows["member_id"].to_numpy(), fill_value=False)
    return result & result.index.isin(covered_on)


def _spaced_count(days: pd.Series, apart: int) -> int:
    count, last = 0, None
    for day in sorted(days):
        if last is None or (day - last).days >= apart:
            count, last = count + 1, day
    return count


def _claim_codes(data: Path) -> pd.DataFrame:
    claims = pd.read_parquet(data / "claims.parquet", columns=["member_id", "service_from", "service_to", "procedure_code", "procedure_code_system", "diagnosis_codes", "provider_type", "claim_status"])
    claims = claims[claims["claim_status"].isin(PAID)]
    claims = claims.assign(service_date=_dates(claims["service_from"]))
    claims = claims.assign(last_date=_dates(claims["service_to"]).fillna(claims["service_date"]))
    procedures = claims.dropna(subset=["procedure_code"]).rename(columns={"procedure_code": "code", "procedure_code_system": "code_system"})
    diagnoses = claims.dropna(subset=["diagnosis_codes"]).assign(code=lambda frame: frame["diagnosis_codes"].str.split("|")).explode("code")
    diagnoses = diagnoses.assign(code=diagnoses["code"].str.replace(".", "", regex=False).str.upper(), code_system="ICD10CM")
    columns = ["member_id", "service_date", "last_date", "code", "code_system", "provider_type"]
    return pd.concat([procedures[columns], diagnoses[columns]], ignore_index=True)


def _ehr_visits(data: Path) -> pd.DataFrame:
    """Finished EHR visits and completed procedures (the encounters extract, when given), in the claim codes' columns."""
    path = data / "encounters.parquet"
    columns = ["member_id", "service_date", "last_date", "code", "code_system", "provider_type"]
    if not path.exists():
        return pd.DataFrame(columns=columns)
    visits = pd.read_parquet(path, columns=["member_id", "record_type", "start_date", "code", "code_system", "status", "provider_type"])
    visits = visits[visits["record_type"].isin(["encounter", "procedure"]) & visits["status"].isin(["finished", "completed"])]
    visits = visits.assign(service_date=_dates(visits["start_date"]), code=visits["code"].str.upper(), code_system=visits["code_system"].str.upper().str.replace(" ", ""))
    return visits.assign(last_date=visits["service_date"])[columns]


def w30_first_15_months(data: Path, value_sets: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """member_id, denominator, denominator_exclusion, numerator."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    members = pd.read_parquet(data / "members.parquet", columns=["member_id", "birth_date"])
    members["birth_date"] = _dates(members["birth_date"])
    members["anchor"] = members["birth_date"] + pd.DateOffset(years=1) + pd.Timedelta(days=90)
    cohort = members[(members["anchor"] >= start) & (members["anchor"] <= end)].copy()
    windows = pd.DataFrame({"member_id": cohort["member_id"], "window_start": cohort["birth_date"] + pd.Timedelta(days=31),
                            "window_end": cohort["anchor"], "on": cohort["anchor"]})
    enrolled = continuously_enrolled(windows, _medical_spans(data), 1, 45)
    codes = _claim_codes(data)
    codes = codes[codes["member_id"].isin(cohort["member_id"])]
    hospice = codes.merge(_codes(value_sets, "hospice"), on=["code", "code_system"])
    hospice = set(hospice.loc[(hospice["last_date"] >= start) & (hospice["service_date"] <= end), "member_id"])  # a stay by its span
    visits = pd.concat([codes, _ehr_visits(data)], ignore_index=True).merge(_codes(value_sets, "well_care_visits"), on=["code", "code_system"])
    visits = visits[visits["provider_type"].isin(_codes(value_sets, "pcp_provider_types")["code"])]
    visits = visits.merge(cohort[["member_id", "birth_date", "anchor"]], on="member_id")
    visits = visits[(visits["service_date"] >= visits["birth_date"]) & (visits["service_date"] <= visits["anchor"])]
    spaced = visits.drop_duplicates(["member_id", "service_date"]).groupby("member_id")["service_date"].agg(lambda days: _spaced_count(days, 14))
    result = pd.DataFrame({"member_id": cohort["member_id"].to_numpy()})
    result["denominator"] = enrolled.reindex(result["member_id"]).to_numpy()
    result["denominator_exclusion"] = result["denominator"] & result["member_id"].isin(hospice | _died(data, start, end))
    visit_count = spaced.reindex(result["member_id"]).fillna(0).to_numpy()
    result["numerator"] = result["denominator"] & ~result["denominator_exclusion"] & (visit_count >= 6)
    return result


def sdoh_all_domains(data: Path, value_sets: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """member_id, denominator, denominator_exclusion (hospice in the period, as NCQA SNS-E), numerator."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    members = pd.read_parquet(data / "members.parquet", columns=["member_id", "birth_date"])
    members["birth_date"] = _dates(members["birth_date"])
    cohort = members[(members["birth_date"] <= end) & (members["birth_date"] + pd.DateOffset(years=18) > end)].copy()
    windows = pd.DataFrame({"member_id": cohort["member_id"], "window_start": start, "window_end": end, "on": end})
    enrolled = continuously_enrolled(windows, _medical_spans(data), 1, 45)
    screenings = pd.read_parquet(data / "screenings.parquet", columns=["member_id", "screening_date", "instrument", "item", "answer_code", "score"])
    screenings["screening_date"] = _dates(screenings["screening_date"])
    null_ok = set(_codes(value_sets, "sdoh_null_answer_items")["code"])
    answered = screenings["answer_code"].notna() | screenings["score"].notna() | screenings["item"].isin(null_ok)
    in_period = (screenings["screening_date"] >= start) & (screenings["screening_date"] <= end)
    screenings = screenings[in_period & answered & screenings["instrument"].isin(_codes(value_sets, "sdoh_screening_instruments")["code"])]
    domains = []
    for name in ("food", "housing", "transportation"):
        items = _codes(value_sets, f"sdoh_{name}_items")["code"]
        domains.append(screenings.loc[screenings["item"].isin(items), ["member_id"]].drop_duplicates().assign(domain=name))
    screened = pd.concat(domains).groupby("member_id")["domain"].nunique()
    all_three = set(screened[screened == 3].index)
    claims = pd.read_parquet(data / "claims.parquet", columns=["member_id", "service_from", "procedure_code", "claim_status"])
    claims["service_from"] = _dates(claims["service_from"])
    billed = claims[(claims["procedure_code"] == "G0136") & claims["claim_status"].isin(PAID) & (claims["service_from"] >= max(start, pd.Timestamp("2024-01-01")))
                    & (claims["service_from"] <= min(end, pd.Timestamp("2025-12-31")))]
    codes = _claim_codes(data)
    hospice = codes.merge(_codes(value_sets, "hospice"), on=["code", "code_system"])
    hospice = set(hospice.loc[(hospice["last_date"] >= start) & (hospice["service_date"] <= end), "member_id"])  # a stay by its span
    result = pd.DataFrame({"member_id": cohort["member_id"].to_numpy()})
    result["denominator"] = enrolled.reindex(result["member_id"]).to_numpy()
    result["denominator_exclusion"] = result["denominator"] & result["member_id"].isin(hospice | _died(data, start, end))
    screened_or_billed = result["member_id"].isin(all_three) | result["member_id"].isin(set(billed["member_id"]))
    result["numerator"] = result["denominator"] & ~result["denominator_exclusion"] & screened_or_billed
    return result
