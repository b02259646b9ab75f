"""Stages of coded events that measures read, each computed once per run (engine.compile.plan
builds it before the first rate that reads it and drops it after the last).

`claim_codes` is the long form of the claims extract, one row per code (a view, read by the next
stage). Without these stages each claims criterion scanned every code of every claim line and
joined the value sets again (CIS alone has dozens of criteria). `claim_value_sets` does that join
once: each claim code with every value set it belongs to on its date of service, of the value sets
some criterion reads from claims.

The table is kept in the order the join produces it. Sorting it by value set (so a criterion's
filter could skip the other value sets' blocks) cost 5 s and 2.2 GB at a million members and saved
nothing measurable in the rates (README, "Scale").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlglot import exp

from engine.compile import sql

CLAIM_CODES, CLAIM_VALUE_SETS = "claim_codes", "claim_value_sets"
# What claims criteria read of a code's line.
CLAIMS_CRITERIA_COLUMNS = ("member_id", "service_date", "claim_status", "code_role", "provider_type", "place_of_service", "modifiers")
# Claim lines of more than one day (service_to after service_from), for criteria that read a stay by
# its span. A column of end dates in claim_value_sets, NULL on nearly every line, cost 300 MB at a
# million members; these few lines, selected before their diagnoses are split, are a stage apart.
CLAIM_STAY_CODES, CLAIM_STAYS = "claim_stay_codes", "claim_stay_value_sets"
# The columns of a claim line that every one of its codes carries.
CLAIM_LINE_COLUMNS = ("member_id", "claim_id", "line_number", "claim_status", "place_of_service", "provider_type", "provider_npi", "modifiers")


@dataclass(frozen=True)
class SharedStage:
    name: str
    description: str
    query: exp.Select
    stored: bool = True  # computed once and kept; False: a view, computed where it is read

    def create_table(self) -> exp.Create:
        """CREATE TEMPORARY TABLE <name> AS <query>: the stage as a table, for DuckDB."""
        return exp.Create(this=sql.table(self.name), kind="TABLE", expression=self.query.copy(), properties=exp.Properties(expressions=[exp.TemporaryProperty()]))

    def create_view(self) -> exp.Create:
        """CREATE TEMPORARY VIEW <name> AS <query>: the portable form `eqm compile` prints before the rates that read it."""
        return exp.Create(this=sql.table(self.name), kind="VIEW", expression=self.query.copy(), properties=exp.Properties(expressions=[exp.TemporaryProperty()]))


def effective(code_alias: str, on_date: exp.Expression) -> exp.Expression:
    """The code's meaning applies on this date of service (either end of its range may be open)."""
    start, end = sql.column("effective_from", code_alias), sql.column("effective_to", code_alias)
    return sql.and_(
        sql.or_(start.is_(exp.null()), exp.GTE(this=on_date, expression=start.copy())),
        sql.or_(end.is_(exp.null()), exp.LTE(this=on_date.copy(), expression=end.copy())),
    )


def claim_codes(stays: bool = False) -> SharedStage:
    """One row per code on a claim line: the procedure, and each diagnosis in the '|'-separated list
    (`stays`: only lines of more than one day, with their last day).

    The claims extract arrives with its codes normalised (engine.contract), so a code here is
    compared to value sets as it stands; an empty entry in the list ('A00||B00') is not a code.
    """
    extra = ("last_service_date",) if stays else ()

    def line(alias: str) -> list[exp.Expression]:
        columns = [sql.column(name, alias) for name in CLAIM_LINE_COLUMNS] + [sql.column("service_from", alias).as_(sql.ident("service_date"))]
        return columns + ([sql.column("service_to", alias).as_(sql.ident("last_service_date"))] if stays else [])

    def lines(select: exp.Select) -> exp.Select:
        select = select.from_(sql.table("claims", "c"))
        # The filter is on the claim line, before its diagnoses are split.
        return select.where(exp.GT(this=sql.column("service_to", "c"), expression=sql.column("service_from", "c"))) if stays else select

    procedures = lines(exp.select(
        *line("c"), sql.column("procedure_code", "c").as_(sql.ident("code")), sql.column("procedure_code_system", "c").as_(sql.ident("code_system")),
        sql.string("procedure").as_(sql.ident("code_role")),
    )).where(sql.column("procedure_code", "c").is_(exp.null()).not_())
    # UNNEST in the select list, not FROM claims c, UNNEST(...): DuckDB streams the first, and plans
    # the second as a lateral join that held every claim line in memory (1M members: 3.9 GB, 4 s;
    # this way 0.1 GB, 0.8 s). sqlglot writes Spark's EXPLODE from the same node.
    listed = lines(exp.select(*line("c"), exp.Explode(this=exp.Split(this=sql.column("diagnosis_codes", "c"), expression=sql.string("|"))).as_(sql.ident("code"))))
    diagnoses = exp.select(
        *[sql.column(name, "d") for name in (*CLAIM_LINE_COLUMNS, "service_date", *extra, "code")], sql.string("ICD10CM").as_(sql.ident("code_system")),
        sql.string("diagnosis").as_(sql.ident("code_role")),
    ).from_(exp.Subquery(this=listed, alias=exp.TableAlias(this=sql.ident("d")))).where(exp.NEQ(this=sql.column("code", "d"), expression=sql.string("")))
    query = sql.union_all([procedures, diagnoses])
    if stays:
        return SharedStage(CLAIM_STAY_CODES, "each code on a claim line of more than one day, with its first and last day", query, stored=False)
    return SharedStage(CLAIM_CODES, "each code on a claim line (the procedure and every diagnosis) with the line's date, status, provider and modifiers", query, stored=False)


def _with_value_sets(codes: str, columns: Sequence[str], value_sets: frozenset[str] | None = None) -> exp.Select:
    """Each row of a stage of codes (`codes`: code, code_system, service_date, ...) with every value
    set its code belongs to on its date (of `value_sets`, the ones read from the stage, when known),
    keeping `columns` of it."""
    conditions = [
        exp.EQ(this=sql.column("code", "v"), expression=sql.column("code", "e")),
        exp.EQ(this=sql.column("code_system", "v"), expression=sql.column("code_system", "e")),
        effective("v", sql.column("service_date", "e")),
    ]
    if value_sets is not None:
        # Without it every claim line joined CMS155's office visit value set, which no claims criterion
        # reads: 860 MB more at a million members (README, "Scale").
        conditions.append(sql.is_in(sql.column("value_set", "v"), sorted(value_sets)))
    on = sql.and_(*conditions)
    return exp.select(*[sql.column(name, "e") for name in columns], sql.column("value_set", "v")).from_(sql.table(codes, "e")).join(sql.table("value_set_codes", "v"), on=on)


def claim_value_sets(value_sets: frozenset[str] | None = None) -> SharedStage:
    # Only the columns claims criteria read (engine.compile.criteria.claims_events): the table is
    # built for every code of every line, and each column more is time and memory at that scale.
    query = _with_value_sets(CLAIM_CODES, CLAIMS_CRITERIA_COLUMNS, value_sets)
    return SharedStage(CLAIM_VALUE_SETS, "each claim code's line with every value set the code belongs to on its date of service", query)


def claim_stay_value_sets(value_sets: frozenset[str] | None = None) -> SharedStage:
    query = _with_value_sets(CLAIM_STAY_CODES, (*CLAIMS_CRITERIA_COLUMNS, "last_service_date"), value_sets)
    return SharedStage(CLAIM_STAYS, "each code of a claim line of more than one day, with its last day and every value set it belongs to on its first", query)


@dataclass(frozen=True)
class CodedSource:
    """A source of coded, dated events that `events:` criteria read: a stage of its codes with their
    value sets (member_id, service_date, value_set, its status column), and how it is filtered.

    Claims have their own stages (above). Every other source is a record extract with code columns
    (`code_columns`: column -> code system, or -> the column naming each row's system), whose two
    stages are built from this entry alone: a new source is a contract entry (engine.contract) and
    a line here, not a new criterion kind.
    """

    status_column: str
    description: str
    # A record source's statuses that count, or, where the status may be empty, the statuses that
    # do not (`uncounted_statuses`; an empty status counts). Claims count by the rule's claim_statuses.
    counted_statuses: tuple[str, ...] = ()
    uncounted_statuses: tuple[str, ...] = ()
    # The column holding each code's role (claims: procedure or diagnosis), or the role of every code.
    role_column: str | None = None
    role: str = "procedure"
    extract: str = ""
    name: str = ""  # the source's name in `events: sources:`, which names its stages (the extract's, unless one extract holds two sources)
    date_column: str = ""
    code_columns: tuple[tuple[str, str], ...] = ()
    system_column: str = ""  # for a code column whose system is "": the row's code system
    # The record's last day, for rules that read a record by its span (`spans: true`): empty is the
    # record's date, or, where `open_ended`, a record still going on (a condition not yet resolved).
    end_column: str = ""
    open_ended: bool = False
    # Code columns dated by another column than date_column: a discharge disposition by the last day.
    code_dates: tuple[tuple[str, str], ...] = ()
    # Only rows whose record_type is one of these (one extract holding visits and orders).
    record_types: tuple[str, ...] = ()
    # A result's value: the columns any of which holds one (`with_value` rules), and the coded
    # answer with its system (`answers` rules: the hospice assessment answered Yes).
    value_columns: tuple[str, ...] = ()
    answer_columns: tuple[str, str] | tuple[()] = ()
    # The column naming the record's provider type (`provider_types` rules), where the source has one.
    provider_column: str = ""
    # Whether its codes with their value sets are kept as a table, built once, or are a view computed
    # where read. EHR visits are many (a visit is typed twice, in CPT and SNOMED CT) and each criterion
    # reading them keeps only its value sets: at a million members the view saved 650 MB and no time.
    stored: bool = True

    @property
    def source_name(self) -> str:
        """Its name in `events: sources:`, which names its stages."""
        return self.name or self.extract

    @property
    def codes_stage(self) -> str:
        return f"{self.source_name}_codes"

    @property
    def stage(self) -> str:
        """The stage of its codes with their value sets, which criteria read."""
        return f"{self.source_name}_value_sets" if self.extract else CLAIM_VALUE_SETS

    def holds(self, match: str) -> bool:
        """Whether the source has codes of this role (`match`: procedure, diagnosis or any)."""
        return match == "any" or self.role_column is not None or self.role == match


CODED_SOURCES = {
    "claims": CodedSource("claim_status", "claim line", role_column="code_role", provider_column="provider_type"),
    # Not-done and entered-in-error records are not doses (FHIR Immunization.status).
    "immunizations": CodedSource("status", "immunization record (completed)", ("completed",), extract="immunizations",
                                 date_column="administered_date", code_columns=(("cvx_code", "CVX"), ("cpt_code", "CPT"), ("ndc_code", "NDC"))),
    # A result that stands (FHIR Observation.status final, amended or corrected): not preliminary, cancelled or in error.
    "lab_results": CodedSource("status", "lab result (final, amended or corrected)", ("final", "amended", "corrected"),
                               extract="lab_results", date_column="collection_date", code_columns=(("loinc_code", "LOINC"),), value_columns=("value_number", "value_code")),
    # An observation that stands (as lab results), dated by its effective date; by its span it lasts
    # to the end of its effective period (the hospice assessment of 31 December to 1 January).
    "observations": CodedSource("status", "observation (final, amended or corrected)", ("final", "amended", "corrected"), extract="observations",
                                date_column="effective_date", code_columns=(("code", ""),), system_column="code_system", end_column="end_date",
                                value_columns=("value_number", "value_code"), answer_columns=("value_code", "value_code_system")),
    # A condition is dated by its onset and is a diagnosis; refuted and entered-in-error records are
    # not conditions (FHIR Condition.verificationStatus), and a record without a status counts. By its
    # span it lasts from onset to abatement, and one not abated goes on (QI-Core prevalenceInterval).
    "conditions": CodedSource("verification_status", "condition record (not refuted)", uncounted_statuses=("refuted", "entered-in-error"),
                              role="diagnosis", extract="conditions", date_column="onset_date", code_columns=(("code", ""),), system_column="code_system",
                              end_column="abatement_date", open_ended=True),
    # Visits that took place and procedures done (QI-Core isEncounterPerformed, isInterventionPerformed:
    # Encounter.status finished, Procedure.status completed); the discharge disposition is a code of
    # the visit dated by its last day.
    "encounters": CodedSource("status", "encounter or procedure in an EHR (finished or completed)", ("finished", "completed"), extract="encounters",
                              date_column="start_date", code_columns=(("code", ""), ("discharge_disposition", "SNOMEDCT")), system_column="code_system",
                              end_column="end_date", code_dates=(("discharge_disposition", "end_date"),), record_types=("encounter", "procedure"),
                              provider_column="provider_type", stored=False),
    # Orders written (QI-Core isInterventionOrder: ServiceRequest.status active or completed), dated by the day written.
    "orders": CodedSource("status", "order in an EHR (active or completed)", ("active", "completed"), extract="encounters", name="orders",
                          date_column="start_date", code_columns=(("code", ""),), system_column="code_system", record_types=("order",), stored=False),
}
RECORD_SOURCES = {name: source for name, source in CODED_SOURCES.items() if source.extract}
# A source's coded answer and its system, as its stages name them.
ANSWER_COLUMNS = ("answer_code", "answer_code_system")


def record_codes(source: CodedSource) -> SharedStage:
    """One row per code on a record of a record source (each of its code columns), with its date, status and (for a source with an end) last day."""
    dates = dict(source.code_dates)

    def branch(column: str, system: str) -> exp.Select:
        dated = sql.column(dates.get(column, source.date_column), "r")
        if column in dates:
            dated = sql.coalesce(dated, sql.column(source.date_column, "r"))
        columns = [sql.column("member_id", "r"), dated.as_(sql.ident("service_date")), sql.column(source.status_column, "r"),
                   sql.column(column, "r").as_(sql.ident("code")), (sql.string(system) if system else sql.column(source.system_column, "r")).as_(sql.ident("code_system"))]
        if source.end_column:
            if column in dates:
                last = dated.copy()  # a code dated by the last day is a one-day event
            elif source.open_ended:
                last = sql.column(source.end_column, "r")  # empty: still going on
            else:
                last = sql.coalesce(sql.column(source.end_column, "r"), sql.column(source.date_column, "r"))  # empty: one day
            columns.append(last.as_(sql.ident("last_service_date")))
        if source.value_columns:
            columns.append(exp.Paren(this=sql.or_(*[sql.column(value, "r").is_(exp.null()).not_() for value in source.value_columns])).as_(sql.ident("has_value")))
        for name, answer in zip(source.answer_columns, ANSWER_COLUMNS):
            columns.append(sql.column(name, "r").as_(sql.ident(answer)))
        if source.provider_column:
            columns.append(sql.column(source.provider_column, "r").as_(sql.ident("provider_type")))
        conditions = [sql.column(column, "r").is_(exp.null()).not_()]
        if source.record_types:
            conditions.append(sql.is_in(sql.column("record_type", "r"), list(source.record_types)))
        return exp.select(*columns).from_(sql.table(source.extract, "r")).where(sql.and_(*conditions))

    query = sql.union_all([branch(column, system) for column, system in source.code_columns])
    systems = ", ".join(system or f"the system in {source.system_column}" for _, system in source.code_columns)
    kinds = f" ({' and '.join(source.record_types)} records)" if source.record_types else ""
    return SharedStage(source.codes_stage, f"each code ({systems}) on a record of {source.extract}{kinds} with its date and status", query, stored=False)


def record_value_sets(source: CodedSource, value_sets: frozenset[str] | None = None) -> SharedStage:
    """Only the records whose status counts, so the stage carries no status: a not-done dose or a
    refuted condition is never evidence, whatever the rule."""
    status = sql.column(source.status_column, "e")
    if source.uncounted_statuses:
        counts: exp.Expression = sql.or_(status.is_(exp.null()), exp.not_(sql.is_in(status.copy(), list(source.uncounted_statuses))))
    else:
        counts = sql.is_in(status, list(source.counted_statuses))
    kept = ("member_id", "service_date", *(("last_service_date",) if source.end_column else ()), *(("has_value",) if source.value_columns else ()),
            *(ANSWER_COLUMNS if source.answer_columns else ()), *(("provider_type",) if source.provider_column else ()))
    query = _with_value_sets(source.codes_stage, kept, value_sets).where(counts)
    return SharedStage(source.stage, f"each code on a record of {source.source_name} whose status counts, with every value set it belongs to on the record's date", query,
                       stored=source.stored)


def mapped_extract(source: str, columns: Sequence[str], code_maps: Mapping[str, str]) -> exp.Select:
    """An extract read in place (engine.contract.read_in_place) as the engine reads every extract:
    `source`'s columns, each column in `code_maps` replaced by its normalised value from its code
    map table (`raw`, `normalised`; every distinct value of the column is in it)."""
    aliases = {column: f"map_{index}" for index, column in enumerate(code_maps)}
    query = exp.select(*[(sql.column("normalised", aliases[column]) if column in aliases else sql.column(column, "f")).as_(sql.ident(column)) for column in columns])
    query = query.from_(sql.table(source, "f"))
    for column, alias in aliases.items():
        query = query.join(sql.table(code_maps[column], alias), on=exp.EQ(this=sql.column(column, "f"), expression=sql.column("raw", alias)), join_type="left")
    return query


def stage_value_sets(reads: Iterable[Mapping[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    """Each stage of coded events -> the value sets read from it, over several rates' reads (CompiledRate.stage_value_sets)."""
    found: dict[str, set[str]] = {}
    for read in reads:
        for stage, names in read.items():
            found.setdefault(stage, set()).update(names)
    return {stage: frozenset(names) for stage, names in found.items()}


def shared_stages(tables_read: set[str] | frozenset[str], value_sets: Mapping[str, frozenset[str]] | None = None) -> tuple[SharedStage, ...]:
    """The stages among `tables_read` (a run's or a measure's) and the stages they read, in build
    order; a stage of value sets holds only the value sets `value_sets` says are read from it."""
    read = value_sets or {}
    stages = (claim_codes(), claim_value_sets(read.get(CLAIM_VALUE_SETS)), claim_codes(stays=True), claim_stay_value_sets(read.get(CLAIM_STAYS)),
              *[stage for source in RECORD_SOURCES.values() for stage in (record_codes(source), record_value_sets(source, read.get(source.stage)))])
    # each reads only stages before it
    wanted = set(tables_read)
    for stage in reversed(stages):
        if stage.name in wanted:
            wanted |= {table.name for table in stage.query.find_all(exp.Table)}
    return tuple(stage for stage in stages if stage.name in wanted)
