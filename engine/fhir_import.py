"""FHIR R4 JSON to eqm extracts: Patient, Coverage, Encounter, Procedure, ServiceRequest, Immunization, Observation and Condition.

Reads single resources, Bundles (their entries, nested Bundles too) and Bulk Data NDJSON (one
resource per line), from a file or every .json and .ndjson file under a folder. Each resource is
mapped to extract rows (an encounter has a row per code) or skipped with a reason, and nothing is dropped without being counted:
the report (engine.import_report) has, per resource type, how many were read, mapped and skipped, and each skip.

The resources are walked as JSON rather than parsed by a FHIR model library: a library that
validates whole resources (fhir.resources) rejects a resource for any field it dislikes, where
an import must keep every resource it can map and say why it skipped the others; only a handful
of paths are read (they are named beside each mapping, with the US Core and QI-Core profiles they
follow). Code systems are recognised by their canonical URIs (engine.codes.SYSTEM_URIS).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from engine.codes import ENCOUNTER_CODE_SYSTEMS, OBSERVATION_CODE_SYSTEMS, SYSTEM_URIS
from engine.contract import EXTRACTS, OBSERVATION_CATEGORIES
from engine.import_report import ImportReport

# US Core race and ethnicity extensions: OMB categories (CDC Race & Ethnicity code system).
RACE_EXTENSION = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"
ETHNICITY_EXTENSION = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"
OMB_RACES = {"1002-5": "AIAN", "2028-9": "ASIAN", "2054-5": "BLACK", "2076-8": "NHPI", "2106-3": "WHITE"}
OMB_ETHNICITIES = {"2135-2": "HISPANIC", "2186-5": "NOT_HISPANIC"}
# v3 NullFlavor in place of a category: asked but unknown (the person was asked and gave none) is Declined.
NULL_FLAVORS = {"ASKU": "DECLINED", "UNK": "UNKNOWN"}
SEXES = {"female": "F", "male": "M", "other": "X", "unknown": "U"}  # Patient.gender (administrative gender)
# The Observation category that is a laboratory result (the lab_results extract); every other
# observation (vital signs, surveys, assessments) is an observations row.
LAB_CATEGORY = "laboratory"
# Resources that are not a member's data: why each is left out.
NOT_DATA = {"MeasureReport": "a measure result, not input data", "Measure": "a measure definition, not input data", "Library": "measure logic, not input data",
            "ValueSet": "a value set: give it to --valuesets", "Organization": "reference data (read through references)",
            "Practitioner": "reference data (read through references)", "Location": "reference data (read through references)"}


class Skip(Exception):
    """A resource that cannot become an extract row, and why."""


def resources(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file, resource) for every resource under `path`: Bundles opened, NDJSON read a line at a time."""
    files = [path] if path.is_file() else sorted(file for file in path.rglob("*") if file.suffix in (".json", ".ndjson"))
    for file in files:
        if file.suffix == ".ndjson":
            with file.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield from _opened(str(file), json.loads(line))
        else:
            yield from _opened(str(file), json.loads(file.read_text(encoding="utf-8")))


def _opened(file: str, resource: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(resource, dict):
        return
    if resource.get("resourceType") == "Bundle":
        for entry in resource.get("entry", []):
            yield from _opened(file, entry.get("resource"))
    else:
        yield file, resource


def import_fhir(path: Path) -> tuple[dict[str, pl.DataFrame], ImportReport]:
    """The extracts mapped from every resource under `path`, and the report of what was read."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)  # extract -> its rows, for the extracts some resource maps to
    report = ImportReport()
    seen_files = set()
    for file, resource in resources(path):
        seen_files.add(file)
        resource_type = str(resource.get("resourceType", "(no resourceType)"))
        resource_id = str(resource.get("id", ""))
        mapper = MAPPERS.get(resource_type)
        if mapper is None:
            report.add(resource_type, False, NOT_DATA.get(resource_type, f"no extract for {resource_type} resources yet"), file, resource_id)
            continue
        try:
            extract, mapped = mapper(resource)
        except Skip as skip:
            report.add(resource_type, False, str(skip), file, resource_id)
            continue
        rows[extract].extend(mapped if isinstance(mapped, list) else [mapped])
        report.add(resource_type, True)
    report.files = len(seen_files)
    frames = {}
    for name, found in rows.items():
        columns = [column.name for column in EXTRACTS[name].columns]
        frames[name] = pl.DataFrame(found, schema={column: pl.String for column in columns}, orient="row").unique(maintain_order=True)  # one resource given twice (a Bundle and its loose copy) is one row
    return frames, report


# ---- mappings, one per resource type ----


def _reference_id(reference: Any, expected: str) -> str:
    """'Patient/123' -> '123'; a reference to another type, or none, cannot name a member."""
    text = str((reference or {}).get("reference", "")) if isinstance(reference, dict) else ""
    kind, _, identifier = text.rpartition("/")
    if not identifier or kind.split("/")[-1] != expected:
        raise Skip(f"no {expected} reference")
    return identifier


def _record_id(member: str, resource: dict[str, Any]) -> str:
    """The record's id qualified by its patient's: separate test servers (the eCQM test cases) reuse
    resource ids across patients, which would otherwise collide as duplicate keys."""
    if not resource.get("id"):
        raise Skip("no id")
    return f"{member}/{resource['id']}"


def _date(value: Any) -> str | None:
    """A FHIR date or dateTime's calendar date: the first 10 characters ('2024-01-02T00:00:00Z' -> '2024-01-02')."""
    return str(value)[:10] if value else None


def _codings(concept: Any) -> list[tuple[str, str]]:
    """(engine system, code) for each coding of a CodeableConcept in a system the engine knows."""
    found = []
    for coding in (concept or {}).get("coding", []) if isinstance(concept, dict) else []:
        system = SYSTEM_URIS.get(str(coding.get("system", "")))
        if system and coding.get("code"):
            found.append((system, str(coding["code"])))
    return found


def _category(extension: list[dict[str, Any]], url: str, categories: dict[str, str]) -> list[str]:
    """The OMB categories (or a null flavor) in a US Core race or ethnicity extension."""
    found = []
    for item in extension:
        if item.get("url") != url:
            continue
        for part in item.get("extension", []):
            if part.get("url") == "ombCategory":
                code = str(part.get("valueCoding", {}).get("code", ""))
                value = categories.get(code) or NULL_FLAVORS.get(code)
                if value and value not in found:
                    found.append(value)
    return found


def patient(resource: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Patient -> members: birthDate, gender, US Core race and ethnicity (OMB), deceasedDateTime,
    address (state, postal code, district as county), communication (preferred language)."""
    if not resource.get("id"):
        raise Skip("no id")
    if not resource.get("birthDate"):
        raise Skip("no birthDate")
    extension = resource.get("extension", [])
    races = _category(extension, RACE_EXTENSION, OMB_RACES)
    ethnicities = _category(extension, ETHNICITY_EXTENSION, OMB_ETHNICITIES)
    # Categories and a null flavor together: the categories are what the person gave.
    race = [value for value in races if value not in NULL_FLAVORS.values()] or races[:1] or ["UNKNOWN"]
    ethnicity = ([value for value in ethnicities if value not in NULL_FLAVORS.values()] or ethnicities[:1] or ["UNKNOWN"])[0]
    given = bool(races or ethnicities)
    address = next(iter(resource.get("address", [])), {})
    languages = [item.get("language", {}) for item in resource.get("communication", [])]
    preferred = next((item.get("language", {}) for item in resource.get("communication", []) if item.get("preferred")), languages[0] if languages else {})
    language = preferred.get("text") or next((coding.get("display") or coding.get("code") for coding in preferred.get("coding", [])), None)
    return "members", {
        "member_id": str(resource["id"]), "birth_date": _date(resource["birthDate"]), "sex": SEXES.get(str(resource.get("gender", "")), "U"),
        "race": "|".join(race), "ethnicity": ethnicity,
        # US Core race and ethnicity are the patient's own answers (self-reported), when given.
        "race_ethnicity_source": "SELF_REPORTED" if given else "UNKNOWN",
        "household_income": None, "household_size": None, "fpl_percent": None,
        "state": address.get("state"), "county": address.get("district"), "zip": address.get("postalCode"), "preferred_language": language,
        "death_date": _date(resource.get("deceasedDateTime")),
    }


def coverage(resource: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Coverage -> enrollment: beneficiary, period, payor (the plan), type (the program); medical."""
    member = _reference_id(resource.get("beneficiary"), "Patient")
    if str(resource.get("status", "active")) in ("cancelled", "entered-in-error"):
        raise Skip(f"status {resource.get('status')}")
    period = resource.get("period", {})
    if not period.get("start"):
        raise Skip("no period.start")
    payor = next(iter(resource.get("payor", [])), {})
    plan = payor.get("display") or str(payor.get("reference", "")).rpartition("/")[2] or "Unknown"
    program_coding = next(iter(resource.get("type", {}).get("coding", [])), {})
    program = program_coding.get("display") or program_coding.get("code") or "Unknown"
    return "enrollment", {"member_id": member, "plan_id": plan, "program": program, "benefit": "medical",
                          "start_date": _date(period["start"]), "end_date": _date(period.get("end"))}


def immunization(resource: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Immunization -> immunizations: vaccineCode (CVX, CPT, NDC), occurrenceDateTime, status; an EHR record."""
    member = _reference_id(resource.get("patient"), "Patient")
    codes = dict(reversed(_codings(resource.get("vaccineCode"))))  # the first coding of each system
    if not any(system in codes for system in ("CVX", "CPT", "NDC")):
        raise Skip("vaccineCode has no CVX, CPT or NDC coding")
    occurred = _date(resource.get("occurrenceDateTime"))
    if occurred is None:
        raise Skip("no occurrenceDateTime")
    return "immunizations", {"immunization_id": _record_id(member, resource), "member_id": member, "administered_date": occurred,
                             "cvx_code": codes.get("CVX"), "cpt_code": codes.get("CPT"), "ndc_code": codes.get("NDC"),
                             "status": resource.get("status"), "source": "ehr"}


def observation(resource: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Observation -> lab_results (category laboratory: LOINC code, effective date, valueQuantity or
    valueCodeableConcept, status) or observations (any other category, or none: vital signs, surveys
    and assessments; code in LOINC or SNOMED CT, effective date or period, value and coded answer)."""
    categories = [str(coding.get("code")) for concept in resource.get("category", []) for coding in concept.get("coding", [])]
    member = _reference_id(resource.get("subject"), "Patient")
    codes = dict(reversed(_codings(resource.get("code"))))  # the first coding of each system
    period = resource.get("effectivePeriod", {})
    effective = _date(resource.get("effectiveDateTime") or period.get("start") or resource.get("effectiveInstant") or resource.get("issued"))
    if effective is None:
        raise Skip("no effective date")
    quantity = resource.get("valueQuantity", {})
    if LAB_CATEGORY in categories:
        if "LOINC" not in codes:
            raise Skip("code has no LOINC coding")
        coded = next((code for _, code in _codings(resource.get("valueCodeableConcept"))), None)
        return "lab_results", {"lab_result_id": _record_id(member, resource), "member_id": member, "collection_date": effective,
                               "loinc_code": codes["LOINC"], "value_number": quantity.get("value"), "value_code": coded,
                               "unit": quantity.get("unit") or quantity.get("code"), "status": resource.get("status")}
    system = next((name for name in OBSERVATION_CODE_SYSTEMS if name in codes), None)
    if system is None:
        raise Skip("code has no LOINC or SNOMED CT coding")
    answer = next(((answer_system, code) for answer_system, code in _codings(resource.get("valueCodeableConcept")) if answer_system in OBSERVATION_CODE_SYSTEMS), (None, None))
    return "observations", {"observation_id": _record_id(member, resource), "member_id": member,
                            "category": next((category for category in categories if category in OBSERVATION_CATEGORIES), None),
                            "effective_date": effective, "end_date": _date(period.get("end")), "code": codes[system], "code_system": system,
                            "value_number": quantity.get("value"), "unit": quantity.get("unit") or quantity.get("code"),
                            "value_code": answer[1], "value_code_system": answer[0], "status": resource.get("status")}


def condition(resource: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Condition -> conditions: code (ICD-10-CM preferred, else SNOMED CT), onset (else recordedDate), abatement, verificationStatus."""
    member = _reference_id(resource.get("subject"), "Patient")
    codes = dict(reversed(_codings(resource.get("code"))))
    system = next((name for name in ("ICD10CM", "SNOMEDCT") if name in codes), None)
    if system is None:
        raise Skip("code has no ICD-10-CM or SNOMED CT coding")
    onset = _date(resource.get("onsetDateTime") or resource.get("onsetPeriod", {}).get("start") or resource.get("recordedDate"))
    if onset is None:
        raise Skip("no onset or recorded date")
    abatement = _date(resource.get("abatementDateTime") or resource.get("abatementPeriod", {}).get("end"))
    verification = next((coding.get("code") for coding in resource.get("verificationStatus", {}).get("coding", [])), None)
    return "conditions", {"condition_id": _record_id(member, resource), "member_id": member, "code": codes[system], "code_system": system,
                          "onset_date": onset, "abatement_date": abatement, "verification_status": verification}


# ServiceRequest.intent values that are orders (QI-Core isInterventionOrder counts order and its kinds).
ORDER_INTENTS = ("order", "original-order", "reflex-order", "filler-order", "instance-order")


def _encounter_rows(member: str, resource: dict[str, Any], record_type: str, concepts: list[Any], start: str | None, end: str | None,
                    disposition: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """One encounters row per code (CPT, HCPCS, CDT, SNOMED CT) of the record's concepts."""
    codes = list(dict.fromkeys((system, code) for concept in concepts for system, code in _codings(concept) if system in ENCOUNTER_CODE_SYSTEMS))
    if not codes:
        raise Skip("no CPT, HCPCS, CDT or SNOMED CT code")
    if start is None:
        raise Skip("no date")
    record = _record_id(member, resource)
    return "encounters", [{"encounter_id": record, "member_id": member, "record_type": record_type, "start_date": start, "end_date": end, "code": code,
                           "code_system": system, "status": resource.get("status"), "discharge_disposition": disposition,
                           "provider_npi": None, "provider_type": None} for system, code in codes]


def encounter(resource: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """Encounter -> encounters: type (each code a row), period, status, hospitalization.dischargeDisposition (SNOMED CT)."""
    member = _reference_id(resource.get("subject"), "Patient")
    period = resource.get("period", {})
    disposition = next((code for system, code in _codings(resource.get("hospitalization", {}).get("dischargeDisposition")) if system == "SNOMEDCT"), None)
    return _encounter_rows(member, resource, "encounter", resource.get("type", []), _date(period.get("start")), _date(period.get("end")), disposition)


def procedure(resource: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """Procedure -> encounters (record_type procedure): code, performedDateTime or performedPeriod, status."""
    member = _reference_id(resource.get("subject"), "Patient")
    period = resource.get("performedPeriod", {})
    start = _date(resource.get("performedDateTime") or period.get("start"))
    return _encounter_rows(member, resource, "procedure", [resource.get("code")], start, _date(period.get("end")))


def service_request(resource: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """ServiceRequest (an order) -> encounters (record_type order): code, authoredOn, status; a proposal or plan is not an order."""
    member = _reference_id(resource.get("subject"), "Patient")
    if resource.get("intent") not in ORDER_INTENTS:
        raise Skip(f"intent {resource.get('intent')} is not an order")
    return _encounter_rows(member, resource, "order", [resource.get("code")], _date(resource.get("authoredOn")), None)


MAPPERS = {"Patient": patient, "Encounter": encounter, "Procedure": procedure, "ServiceRequest": service_request, "Coverage": coverage, "Immunization": immunization, "Observation": observation, "Condition": condition}
