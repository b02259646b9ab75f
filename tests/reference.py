"""A straightforward reference implementation of four shipped measures, written as an analyst would,
in plain Python over the validated extracts. The engine's SQL must agree with it member by member.

It shares no code with the compiler: dates, gaps, value sets and counting are done again here.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta

import polars as pl

from engine.contract import Extracts


def claim_codes(claims: pl.DataFrame) -> pl.DataFrame:
    """Each code on a validated claim line (codes arrive normalised): the procedure, then each diagnosis."""
    rows = []
    for row in claims.iter_rows(named=True):
        codes = [(row["procedure_code"], row["procedure_code_system"], "procedure")] if row["procedure_code"] else []
        codes += [(code, "ICD10CM", "diagnosis") for code in (row["diagnosis_codes"] or "").split("|") if code]
        rows += [{"member_id": row["member_id"], "service_date": row["service_from"], "last_date": row["service_to"] or row["service_from"],
                  "claim_status": row["claim_status"], "provider_type": row["provider_type"],
                  "code": code, "code_system": system, "code_role": role} for code, system, role in codes]
    return pl.DataFrame(rows, schema={"member_id": pl.String, "service_date": pl.Date, "last_date": pl.Date, "claim_status": pl.String, "provider_type": pl.String,
                                      "code": pl.String, "code_system": pl.String, "code_role": pl.String})


def overlaps(row: dict, start: date, end: date) -> bool:
    """A line's service dates overlap the period (a hospice stay counts by its span)."""
    return row["service_date"] <= end and row["last_date"] >= start


def add_years(day: date, years: int) -> date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def continuously_enrolled(spans: list[tuple[date, date]], start: date, end: date, max_gaps: int, max_gap_days: int, on: date | None) -> bool:
    covered = sorted((max(s, start), min(e, end)) for s, e in spans if s <= end and e >= start)
    gaps, cursor = [], start - timedelta(days=1)
    for span_start, span_end in covered:
        if span_start > cursor + timedelta(days=1):
            gaps.append((span_start - cursor).days - 1)
        cursor = max(cursor, span_end)
    if cursor < end:
        gaps.append((end - cursor).days)
    if on is not None and not any(s <= on <= e for s, e in spans):
        return False
    return len(gaps) <= max_gaps and all(gap <= max_gap_days for gap in gaps)


def spaced_count(days: set[date], apart: int) -> int:
    count, last = 0, None
    for day in sorted(days):
        if last is None or (day - last).days >= apart:
            count, last = count + 1, day
    return count


def in_value_set(codes: pl.DataFrame, name: str) -> set[tuple[str, str]]:
    rows = codes.filter(pl.col("value_set") == name)
    return {(row["code"], row["code_system"]) for row in rows.iter_rows(named=True)}


def medical_spans(extracts: Extracts) -> dict[str, list[tuple[date, date]]]:
    spans = defaultdict(list)
    for row in extracts.table("enrollment").filter(pl.col("benefit") == "medical").iter_rows(named=True):
        spans[row["member_id"]].append((row["start_date"], row["end_date"]))
    return spans


def two_year_olds(extracts: Extracts, start: date, end: date) -> list[tuple[str, date, date]]:
    """(member, birth date, second birthday) for children turning 2 in the period (CIS, LSC)."""
    found = []
    for row in extracts.table("members").iter_rows(named=True):
        anchor = add_years(row["birth_date"], 2)
        if start <= anchor <= end:
            found.append((row["member_id"], row["birth_date"], anchor))
    return found


def died_in(extracts: Extracts, start: date, end: date) -> set[str]:
    return {row["member_id"] for row in extracts.table("members").iter_rows(named=True) if row["death_date"] and start <= row["death_date"] <= end}


def w30_first_15_months(extracts: Extracts, codes: pl.DataFrame, start: date, end: date) -> dict[str, tuple[bool, bool, bool]]:
    """member -> (denominator, exclusion, numerator) for members turning 15 months in the period."""
    well_care, hospice = in_value_set(codes, "well_care_visits"), in_value_set(codes, "hospice")
    pcp = {code for code, _ in in_value_set(codes, "pcp_provider_types")}
    spans = medical_spans(extracts)
    visits, hospice_members = defaultdict(set), set()
    for row in claim_codes(extracts.table("claims")).filter(pl.col("claim_status").is_in(["paid", "adjusted"])).iter_rows(named=True):
        key = (row["code"], row["code_system"])
        if key in well_care and row["provider_type"] in pcp:
            visits[row["member_id"]].add(row["service_date"])
        if key in hospice and overlaps(row, start, end):
            hospice_members.add(row["member_id"])
    # EHR visits count as claims do (a finished visit or completed procedure with a PCP); one date is one visit.
    for row in extracts.table("encounters").iter_rows(named=True):
        if (row["record_type"] in ("encounter", "procedure") and row["status"] in ("finished", "completed")
                and (row["code"], row["code_system"]) in well_care and row["provider_type"] in pcp):
            visits[row["member_id"]].add(row["start_date"])
    died = died_in(extracts, start, end)
    results = {}
    for row in extracts.table("members").iter_rows(named=True):
        birth = row["birth_date"]
        anchor = add_years(birth, 1) + timedelta(days=90)
        if not start <= anchor <= end:
            continue
        member = row["member_id"]
        denominator = continuously_enrolled(spans[member], birth + timedelta(days=31), anchor, 1, 45, anchor)
        excluded = denominator and (member in hospice_members or member in died)
        days = {day for day in visits[member] if birth <= day <= anchor}
        results[member] = (denominator, excluded, denominator and not excluded and spaced_count(days, 14) >= 6)
    return results


def sdoh_all_domains(extracts: Extracts, codes: pl.DataFrame, start: date, end: date) -> dict[str, tuple[bool, bool, bool]]:
    """member -> (denominator, exclusion, numerator) for members aged 0-17 on the last day of the period
    (hospice in the period excludes, as NCQA SNS-E)."""
    hospice = in_value_set(codes, "hospice")
    instruments = {code for code, _ in in_value_set(codes, "sdoh_screening_instruments")}
    domains = {name: {code for code, _ in in_value_set(codes, f"sdoh_{name}_items")} for name in ("food", "housing", "transportation")}
    null_ok = {code for code, _ in in_value_set(codes, "sdoh_null_answer_items")}
    spans = medical_spans(extracts)
    screened = defaultdict(set)
    for row in extracts.table("screenings").iter_rows(named=True):
        answered = row["answer_code"] is not None or row["score"] is not None or row["item"] in null_ok
        if start <= row["screening_date"] <= end and row["instrument"] in instruments and answered:
            for name, items in domains.items():
                if row["item"] in items:
                    screened[row["member_id"]].add(name)
    billed, hospice_members = set(), set()
    for row in claim_codes(extracts.table("claims")).filter(pl.col("claim_status").is_in(["paid", "adjusted"])).iter_rows(named=True):
        if (row["code"], row["code_system"]) in hospice and overlaps(row, start, end):
            hospice_members.add(row["member_id"])
        # G0136 is a social needs assessment for dates of service in 2024 and 2025 only.
        if row["code"] == "G0136" and row["code_role"] == "procedure" and start <= row["service_date"] <= end and date(2024, 1, 1) <= row["service_date"] <= date(2025, 12, 31):
            billed.add(row["member_id"])
    died = died_in(extracts, start, end)
    results = {}
    for row in extracts.table("members").iter_rows(named=True):
        if not (row["birth_date"] <= end < add_years(row["birth_date"], 18)):
            continue
        member = row["member_id"]
        denominator = continuously_enrolled(spans[member], start, end, 1, 45, end)
        excluded = denominator and (member in hospice_members or member in died)
        results[member] = (denominator, excluded, denominator and not excluded and (member in billed or screened[member] == set(domains)))
    return results


# CIS Combination 3 (measures/cis.yaml): antigen -> (doses, earliest age: days after birth or years).
COMBINATION_3 = {"dtap": (4, 42, 0), "ipv": (3, 42, 0), "mmr": (1, 0, 1), "hib": (3, 42, 0), "hepb": (3, 0, 0), "vzv": (1, 0, 1), "pcv": (4, 42, 0)}
HISTORY = {"mmr": ("history_measles", "history_mumps", "history_rubella"), "hepb": ("history_hepatitis_b",), "vzv": ("history_varicella",)}


def cis_combination_3(extracts: Extracts, codes: pl.DataFrame, start: date, end: date) -> dict[str, tuple[bool, bool, bool]]:
    """member -> (denominator, exclusion, numerator) for children turning 2 in the period.

    Doses are dates: a billed dose (paid or adjusted claim, procedure code) and a completed
    immunization record of the same antigen on one date are one dose. Histories, anaphylaxis and
    contraindications come from claim diagnoses and from condition records.
    """
    antigens = {name: in_value_set(codes, f"vaccine_{name}") for name in COMBINATION_3}
    hospice, hospice_members = in_value_set(codes, "hospice"), set()
    diagnoses = {name: in_value_set(codes, name) for name in ("vaccine_anaphylaxis", "vaccine_encephalitis", "cis_exclusions",
                                                               "history_measles", "history_mumps", "history_rubella", "history_hepatitis_b", "history_varicella")}
    spans = medical_spans(extracts)
    doses: dict[tuple[str, str], set[date]] = defaultdict(set)
    coded: dict[tuple[str, str], list[date]] = defaultdict(list)  # (member, value set) -> dates of any matching claim code
    for row in claim_codes(extracts.table("claims")).filter(pl.col("claim_status").is_in(["paid", "adjusted"])).iter_rows(named=True):
        key = (row["code"], row["code_system"])
        for name, members in antigens.items():
            if key in members and row["code_role"] == "procedure":
                doses[(row["member_id"], name)].add(row["service_date"])
        for name, members in diagnoses.items():
            if key in members and row["code_role"] == "diagnosis":
                coded[(row["member_id"], name)].append(row["service_date"])
        if key in hospice and overlaps(row, start, end):
            hospice_members.add(row["member_id"])
    # Condition records (EHR problem lists) are diagnoses dated by onset; refuted or entered-in-error ones are not conditions.
    standing = pl.col("verification_status").is_null() | ~pl.col("verification_status").is_in(["refuted", "entered-in-error"])
    for row in extracts.table("conditions").filter(standing).iter_rows(named=True):
        for name, members in diagnoses.items():
            if (row["code"], row["code_system"]) in members:
                coded[(row["member_id"], name)].append(row["onset_date"])
    for row in extracts.table("immunizations").filter(pl.col("status") == "completed").iter_rows(named=True):
        keys = [(row["cvx_code"], "CVX"), (row["cpt_code"], "CPT"), (row["ndc_code"], "NDC")]
        for name, members in antigens.items():
            if any(key in members for key in keys):
                doses[(row["member_id"], name)].add(row["administered_date"])
    died = died_in(extracts, start, end)
    results = {}
    for member, birth, anchor in two_year_olds(extracts, start, end):
        denominator = continuously_enrolled(spans[member], add_years(birth, 1), anchor, 1, 45, anchor)
        by_anchor = lambda name: any(birth <= day <= anchor for day in coded[(member, name)])  # noqa: E731
        excluded = denominator and (member in hospice_members or by_anchor("cis_exclusions") or member in died)
        anaphylaxis = by_anchor("vaccine_anaphylaxis")
        met = True
        for name, (needed, days, years) in COMBINATION_3.items():
            earliest = add_years(birth, years) + timedelta(days=days)
            counted = {day for day in doses[(member, name)] if earliest <= day <= anchor}
            history = name in HISTORY and all(by_anchor(history) for history in HISTORY[name])
            encephalitis = name == "dtap" and by_anchor("vaccine_encephalitis")
            met = met and (len(counted) >= needed or history or anaphylaxis or encephalitis)
        results[member] = (denominator, excluded, denominator and not excluded and met)
    return results


def lsc_by_age_2(extracts: Extracts, codes: pl.DataFrame, start: date, end: date) -> dict[str, tuple[bool, bool, bool]]:
    """member -> (denominator, exclusion, numerator) for children turning 2 in the period: a lead
    test billed (paid or adjusted, procedure code) or a lead result that stands (final, amended,
    corrected), from birth to the second birthday."""
    lead, hospice = in_value_set(codes, "lead_test"), in_value_set(codes, "hospice")
    spans = medical_spans(extracts)
    tests, hospice_members = defaultdict(set), set()
    for row in claim_codes(extracts.table("claims")).filter(pl.col("claim_status").is_in(["paid", "adjusted"])).iter_rows(named=True):
        key = (row["code"], row["code_system"])
        if key in lead and row["code_role"] == "procedure":
            tests[row["member_id"]].add(row["service_date"])
        if key in hospice and overlaps(row, start, end):
            hospice_members.add(row["member_id"])
    for row in extracts.table("lab_results").filter(pl.col("status").is_in(["final", "amended", "corrected"])).iter_rows(named=True):
        if (row["loinc_code"], "LOINC") in lead:
            tests[row["member_id"]].add(row["collection_date"])
    died = died_in(extracts, start, end)
    results = {}
    for member, birth, anchor in two_year_olds(extracts, start, end):
        denominator = continuously_enrolled(spans[member], add_years(birth, 1), anchor, 1, 45, anchor)
        excluded = denominator and (member in hospice_members or member in died)
        results[member] = (denominator, excluded, denominator and not excluded and any(birth <= day <= anchor for day in tests[member]))
    return results
