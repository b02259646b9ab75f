"""Code and code-system normalisation shared by extracts and value sets, so both sides of a join agree."""

from __future__ import annotations

import polars as pl

# Code systems the engine matches on. Claims procedure codes must be CPT, HCPCS or CDT;
# diagnoses are ICD-10-CM; screenings use LOINC; vaccines are CDC CVX, with CPT and FDA NDC
# product codes beside them; provider types are a local list.
CODE_SYSTEMS = ("CPT", "HCPCS", "CDT", "ICD10CM", "ICD10PCS", "LOINC", "SNOMEDCT", "CVX", "NDC", "RXNORM", "PROVIDER_TYPE")
PROCEDURE_CODE_SYSTEMS = ("CPT", "HCPCS", "CDT")
CONDITION_CODE_SYSTEMS = ("ICD10CM", "SNOMEDCT")
ENCOUNTER_CODE_SYSTEMS = ("CPT", "HCPCS", "CDT", "SNOMEDCT", "ICD10PCS")
# What an observation is coded in, and what its coded answer is (a LOINC answer LA... or a SNOMED CT qualifier).
OBSERVATION_CODE_SYSTEMS = ("LOINC", "SNOMEDCT")


# FHIR canonical URIs of each code system (HL7 terminology, terminology.hl7.org), and the HL7 OIDs
# VSAC and older documents use (as urn:oid:...), so FHIR value sets and resources map to the
# engine's system names.
SYSTEM_URIS = {
    "http://www.ama-assn.org/go/cpt": "CPT", "urn:oid:2.16.840.1.113883.6.12": "CPT",
    "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets": "HCPCS", "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets": "HCPCS",
    "urn:oid:2.16.840.1.113883.6.285": "HCPCS",
    "http://www.ada.org/cdt": "CDT", "http://ada.org/cdt": "CDT", "urn:oid:2.16.840.1.113883.6.13": "CDT",
    "http://terminology.hl7.org/CodeSystem/CD2": "CDT",  # the HL7 terminology name VSAC expansions use for CDT
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD10CM", "urn:oid:2.16.840.1.113883.6.90": "ICD10CM",
    "http://www.cms.gov/Medicare/Coding/ICD10": "ICD10PCS", "urn:oid:2.16.840.1.113883.6.4": "ICD10PCS",
    "http://loinc.org": "LOINC", "urn:oid:2.16.840.1.113883.6.1": "LOINC",
    "http://snomed.info/sct": "SNOMEDCT", "urn:oid:2.16.840.1.113883.6.96": "SNOMEDCT",
    "http://hl7.org/fhir/sid/cvx": "CVX", "urn:oid:2.16.840.1.113883.12.292": "CVX",
    "http://hl7.org/fhir/sid/ndc": "NDC", "urn:oid:2.16.840.1.113883.6.69": "NDC",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RXNORM", "urn:oid:2.16.840.1.113883.6.88": "RXNORM",
}


def normalize_code(column: pl.Expr) -> pl.Expr:
    """Upper case, no dots or spaces: 'z00.121' and 'Z00121' are the same ICD-10-CM code."""
    return column.str.strip_chars().str.to_uppercase().str.replace_all(r"[.\s]", "")


def normalize_code_system(column: pl.Expr) -> pl.Expr:
    """'ICD-10-CM', 'icd10cm' and 'ICD 10 CM' all become 'ICD10CM'; 'SNOMED CT' becomes 'SNOMEDCT'."""
    return column.str.strip_chars().str.to_uppercase().str.replace_all(r"[-\s]", "")


def normalize_padding(column: pl.Expr) -> pl.Expr:
    """' 11 ' becomes '11': codes whose spelling is otherwise exact (places of service, NPIs) lose only their padding."""
    return column.str.strip_chars()


def normalize_cvx(column: pl.Expr) -> pl.Expr:
    """CDC CVX codes as the CDC table writes them, at least two digits: '3', '03' and '003' are MMR's '03'.

    >>> import polars as pl
    >>> pl.select(normalize_cvx(pl.Series(["3", " 03", "110", "0", "1a"]))).to_series().to_list()
    ['03', '03', '110', '00', '1A']
    """
    code = normalize_code(column)
    digits = code.str.strip_chars_start("0")
    return pl.when(code.str.contains(r"^[0-9]+$")).then(digits.str.pad_start(2, "0")).otherwise(code)


def normalize_ndc(column: pl.Expr) -> pl.Expr:
    """FDA NDCs as 11 digits (5-4-2, the form claims and the CMS crosswalks use): a 10-digit NDC
    written with hyphens (4-4-2, 5-3-2 or 5-4-1) has the zero put in its short segment; an NDC
    already without hyphens is kept as given (a 10-digit one cannot be padded without knowing its form).

    >>> import polars as pl
    >>> pl.select(normalize_ndc(pl.Series(["0006-4047-41", "49281-400-10", "58160-0820-1", "00006404741"]))).to_series().to_list()
    ['00006404741', '49281040010', '58160082001', '00006404741']
    """
    code = column.str.strip_chars().str.replace_all(r"\s", "")
    parts = code.str.split("-")
    padded = pl.concat_str(parts.list.get(0, null_on_oob=True).str.pad_start(5, "0"), parts.list.get(1, null_on_oob=True).str.pad_start(4, "0"),
                           parts.list.get(2, null_on_oob=True).str.pad_start(2, "0"))
    return pl.when(code.str.contains(r"^[0-9]{1,5}-[0-9]{1,4}-[0-9]{1,2}$")).then(padded).otherwise(code)


# How a code of each system is spelled once normalised, where it differs from `normalize_code`.
SYSTEM_NORMALISERS = {"CVX": normalize_cvx, "NDC": normalize_ndc}


def normalize_code_in_system(code: pl.Expr, system: pl.Expr) -> pl.Expr:
    """A value set's code normalised as its (normalised) system spells codes."""
    normalised = normalize_code(code)
    for name, normaliser in SYSTEM_NORMALISERS.items():
        normalised = pl.when(system == name).then(normaliser(code)).otherwise(normalised)
    return normalised


def normalize_modifiers(column: pl.Expr) -> pl.Expr:
    """Procedure modifiers '95 | gt' become '95|GT': upper case, no spaces."""
    return column.str.to_uppercase().str.replace_all(r"\s", "")


# The shape of a code in each system, after normalisation (upper case, no dots or spaces). A code
# that does not have its system's shape can never match a value set of that system: a SNOMED CT
# concept in a list of ICD-10-CM diagnoses, free text where a LOINC answer belongs. Such codes are
# kept and counted as field warnings (engine.contract), never silently accepted.
CODE_SHAPES = {
    # AMA CPT: Category I is five digits; Category II ends in F, III in T, PLA codes in U, MAAA in M.
    "CPT": r"^[0-9]{4}[0-9FTUM]$",
    # CMS HCPCS Level II: one letter and four digits.
    "HCPCS": r"^[A-V][0-9]{4}$",
    # ADA CDT: D and four digits.
    "CDT": r"^D[0-9]{4}$",
    # CDC/NCHS ICD-10-CM: 3 to 7 characters, a letter, a digit, then letters or digits.
    "ICD10CM": r"^[A-Z][0-9][0-9A-Z]{1,5}$",
    # CMS ICD-10-PCS: seven characters, digits and letters other than I and O.
    "ICD10PCS": r"^[0-9A-HJ-NP-Z]{7}$",
    # Regenstrief LOINC: a number of up to 7 digits, a hyphen and a check digit.
    "LOINC": r"^[0-9]{1,7}-[0-9]$",
    # LOINC answer list entries: LA, a number, a hyphen and a check digit.
    "LOINC_ANSWER": r"^LA[0-9]{1,8}-[0-9]$",
    # A procedure modifier: two letters or digits (CPT and HCPCS Level II modifiers).
    "MODIFIER": r"^[0-9A-Z]{2}$",
    # CMS place of service: two digits.
    "PLACE_OF_SERVICE": r"^[0-9]{2}$",
    # CMS NPI: ten digits.
    "NPI": r"^[0-9]{10}$",
    # SNOMED CT: a concept id of 6 to 18 digits (SNOMED International's SCTID).
    "SNOMEDCT": r"^[0-9]{6,18}$",
    # CDC CVX: a number of two or three digits (after normalize_cvx).
    "CVX": r"^[0-9]{2,3}$",
    # FDA NDC: 11 digits (after normalize_ndc), or 10 given without hyphens.
    "NDC": r"^[0-9]{10,11}$",
}


def has_shape(column: pl.Expr, system: str) -> pl.Expr:
    """Whether a normalised code has the shape of its system (CODE_SHAPES); a list ('|') when every
    code in it has.

    >>> import polars as pl
    >>> pl.select(a=has_shape(pl.lit("Z00129|Z23"), "ICD10CM"), b=has_shape(pl.lit("Z00129|410429000"), "ICD10CM")).row(0)
    (True, False)
    """
    return column.str.split("|").list.eval(pl.element().str.contains(CODE_SHAPES[system])).list.all()
