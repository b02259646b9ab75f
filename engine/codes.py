"""Code and code-system normalisation shared by extracts and value sets, so both sides of a join agree."""

from __future__ import annotations

import polars as pl

# Code systems the engine matches on. Claims procedure codes must be CPT, HCPCS or CDT;
# diagnoses are ICD-10-CM; screenings use LOINC; provider types are a local list.
CODE_SYSTEMS = ("CPT", "HCPCS", "CDT", "ICD10CM", "LOINC", "SNOMEDCT", "CVX", "PROVIDER_TYPE")
PROCEDURE_CODE_SYSTEMS = ("CPT", "HCPCS", "CDT")


def normalize_code(column: pl.Expr) -> pl.Expr:
    """Upper case, no dots or spaces: 'z00.121' and 'Z00121' are the same ICD-10-CM code."""
    return column.str.strip_chars().str.to_uppercase().str.replace_all(r"[.\s]", "")


def normalize_code_system(column: pl.Expr) -> pl.Expr:
    """'ICD-10-CM', 'icd10cm' and 'ICD 10 CM' all become 'ICD10CM'; 'SNOMED CT' becomes 'SNOMEDCT'."""
    return column.str.strip_chars().str.to_uppercase().str.replace_all(r"[-\s]", "")


def normalize_modifiers(column: pl.Expr) -> pl.Expr:
    """Procedure modifiers '95 | gt' become '95|GT': upper case, no spaces."""
    return column.str.to_uppercase().str.replace_all(r"\s", "")
