"""One visit function per criterion kind: each returns a SQL condition and a plain sentence.

Conventions of the compiled query: the rate's units are the table `units` aliased `u`
(unit_id, member_id, birth_date, event_date, anchor_date and named dates `date_<name>`).
A criterion that needs events becomes a table of the unit_ids that satisfy it (with the
latest qualifying date as evidence); the rate query left-joins it and tests for a match.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlglot import exp

from engine.compile import sql
from engine.compile.describe import describe_date, describe_offset, describe_window, plural
from engine.compile.shared import ANSWER_COLUMNS, CLAIM_STAYS, CLAIM_VALUE_SETS, CLAIMS_CRITERIA_COLUMNS, CODED_SOURCES, CodedSource, effective
from engine.errors import UnsupportedError
from engine.spec import models as m

UNITS, MEMBERS = "units", "members"


@dataclass(frozen=True)
class CriterionTable:
    """A named query of the unit_ids satisfying one criterion, with evidence_date."""

    name: str
    query: exp.Select


@dataclass(frozen=True)
class Fragment:
    """A compiled criterion: a boolean over the unit row, its sentence, and what it needs."""

    condition: exp.Expression
    description: str
    kind: str
    label: str | None = None
    children: tuple[Fragment, ...] = ()
    tables: tuple[CriterionTable, ...] = ()
    evidence: tuple[exp.Expression, ...] = ()
    # For gap lists: events counted so far, how many are needed, by when, and a short name.
    found: exp.Expression | None = None
    needed: int = 1
    due: exp.Expression | None = None
    noun: str = ""
    spacing_days: int = 0
    # For criteria reading several sources: which of them recorded the events found ('claims and immunizations').
    sources: exp.Expression | None = None

    @property
    def name(self) -> str:
        return self.label or self.description

    def all_tables(self) -> list[CriterionTable]:
        found = list(self.tables)
        for child in self.children:
            found += child.all_tables()
        return found


@dataclass
class Context:
    """What a visit function needs: the period, the names in scope, and a table counter."""

    period_start: date
    period_end: date
    prefix: str
    # The units a criterion's table is computed for: all of them for the initial population, then
    # only those in it (a rate for two-year-olds need not count every member's vaccines).
    units: str = UNITS
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    # A criterion reused through YAML aliases compiles to the same query: one table serves all uses.
    tables_by_sql: dict[str, str] = field(default_factory=dict)
    # Whose enrollment is continuous: "state" counts every span of the member (any plan, any program:
    # the state's Core Set rate); "plan" only spans in the plan attributed on the anchor date (a
    # HEDIS plan-level rate asks for enrollment in that organisation).
    enrollment_scope: str = "state"
    # The value sets each stage of coded events is read for (engine.compile.shared): a stage holds
    # only the codes of value sets some criterion reads from it, not every value set of the run.
    stage_value_sets: dict[str, set[str]] = field(default_factory=dict)
    # A stage built as a view (EHR encounters, orders) -> the rate's own step of its rows for the
    # members in scope, read by the rules after the initial population: a rate with many such
    # rules (CMS117 has 20) joins the extract to its value sets once, not once per rule.
    # `local_value_sets`: the value sets those rules read from each step.
    local_stages: dict[str, str] = field(default_factory=dict)
    local_value_sets: dict[str, set[str]] = field(default_factory=dict)

    def reads(self, stage: str, value_sets: list[str]) -> None:
        self.stage_value_sets.setdefault(stage, set()).update(value_sets)

    def read_from(self, stage: str, value_sets: list[str], subject: str) -> str:
        """The table a rule reads the stage from: the rate's step for the members in scope, where
        there is one and the records are the unit's own (a linked mother's are not in scope)."""
        self.reads(stage, value_sets)
        local = self.local_stages.get(stage) if subject == "self" else None
        if local is None:
            return stage
        self.local_value_sets.setdefault(local, set()).update(value_sets)
        return local

    def table_name(self) -> str:
        return f"{self.prefix}_criterion_{next(self.counter)}"

    def date(self, ref: m.DateRef, alias: str = "u") -> exp.Expression:
        if ref.date == "period_start":
            base: exp.Expression = sql.date_literal(self.period_start)
        elif ref.date == "period_end":
            base = sql.date_literal(self.period_end)
        elif ref.date == "anchor":
            base = sql.column("anchor_date", alias)
        elif ref.date in ("birth_date", "event_date"):
            base = sql.column(ref.date, alias)
        else:
            base = sql.column(f"date_{ref.date}", alias)
        return sql.shift(base, ref.years, ref.months, ref.days)

    def window(self, window: m.Window, value: exp.Expression, alias: str = "u") -> exp.Expression:
        return sql.between(value, self.date(window.from_, alias), self.date(window.to, alias))


# ---- event sources (claims, screenings): shared by criteria, named dates and event units ----


def _subject_join(select: exp.Select, subject: str, alias: str) -> tuple[exp.Select, exp.Expression]:
    """Whose records to read: the unit's member, or the linked mother or child through dyads."""
    if subject == "self":
        return select, sql.column("member_id", alias)
    mine, theirs = ("child_member_id", "mother_member_id") if subject == "mother" else ("mother_member_id", "child_member_id")
    select = select.join(sql.table("dyads", "dy"), on=exp.EQ(this=sql.column(mine, "dy"), expression=sql.column("member_id", alias)))
    return select, sql.column(theirs, "dy")


def _in_value_set(select: exp.Select, alias: str, names: list[str], code: exp.Expression, system: exp.Expression | str, on_date: exp.Expression, join: str = "inner") -> exp.Select:
    system_node = sql.string(system) if isinstance(system, str) else system
    condition = sql.and_(
        exp.EQ(this=sql.column("code", alias), expression=code),
        exp.EQ(this=sql.column("code_system", alias), expression=system_node),
        sql.is_in(sql.column("value_set", alias), names),
        effective(alias, on_date),
    )
    return select.join(sql.table("value_set_codes", alias), on=condition, join_type="left" if join == "left" else None)


def _span_in_window(window: m.Window, first: exp.Expression, last: exp.Expression, context: Context) -> exp.Expression:
    """A span overlaps the window: it begins on or before the window's last day and ends (or, with
    no last day, goes on) on or after its first."""
    return sql.and_(exp.LTE(this=first, expression=context.date(window.to)),
                    sql.or_(last.is_(exp.null()), exp.GTE(this=last.copy(), expression=context.date(window.from_))))


def _claim_line_exclusions(rule: m.ClaimsRule | m.EventsRule, alias: str) -> list[exp.Expression]:
    """A claim line at an excluded place of service, or with an excluded modifier, does not count."""
    conditions: list[exp.Expression] = []
    if rule.exclude_place_of_service:
        place = sql.column("place_of_service", alias)
        conditions.append(sql.or_(place.is_(exp.null()), exp.not_(sql.is_in(place.copy(), rule.exclude_place_of_service))))
    # The line's modifiers ('95|GT', normalised by engine.contract) between bars, so a modifier
    # test is a plain LIKE '%|95|%' that cannot match part of another modifier; none is '||'.
    modifiers = exp.Paren(this=exp.DPipe(this=exp.DPipe(this=sql.string("|"), expression=exp.Coalesce(this=sql.column("modifiers", alias), expressions=[sql.string("")])), expression=sql.string("|")))
    for modifier in rule.exclude_modifiers:
        conditions.append(exp.not_(exp.Like(this=modifiers.copy(), expression=sql.string(f"%|{modifier.upper()}|%"))))
    return conditions


def _provider_phrase(rule: m.ClaimsRule | m.EventsRule) -> str:
    phrase = f" from a provider type in {_names([rule.provider_types])}" if rule.provider_types else ""
    if rule.exclude_place_of_service or rule.exclude_modifiers:
        phrase += f", not at place of service {', '.join(rule.exclude_place_of_service) or '-'} nor with modifier {', '.join(rule.exclude_modifiers) or '-'}"
    return phrase


def claims_events(rule: m.ClaimsRule, context: Context, source: str = UNITS) -> tuple[exp.Select, exp.Expression, str]:
    """FROM units u JOIN claim_value_sets e ... with every filter of the rule; returns (query, date, sentence).

    claim_value_sets (engine.compile.shared) already holds each code's value sets on its date of service.
    """
    when = sql.column("service_date", "e")
    select, whose = _subject_join(exp.select().from_(sql.table(source, "u")), rule.subject, "u")
    lines: exp.Expression = sql.table(CLAIM_VALUE_SETS, "e")
    context.reads(CLAIM_VALUE_SETS, rule.value_sets)
    if rule.spans:
        context.reads(CLAIM_STAYS, rule.value_sets)
        # Every line by its first day, and the lines of more than one day by their last day too.
        columns = [sql.column(name) for name in CLAIMS_CRITERIA_COLUMNS if name != "service_date"] + [sql.column("value_set")]
        single = exp.select(sql.column("service_date"), sql.column("service_date").as_(sql.ident("last_service_date")), *columns).from_(sql.table(CLAIM_VALUE_SETS))
        stays = exp.select(sql.column("service_date"), sql.column("last_service_date"), *[column.copy() for column in columns]).from_(sql.table(CLAIM_STAYS))
        lines = exp.Subquery(this=sql.union_all([single, stays]), alias=exp.TableAlias(this=sql.ident("e")))
    select = select.join(lines, on=exp.EQ(this=sql.column("member_id", "e"), expression=whose))
    in_window = _span_in_window(rule.window, when.copy(), sql.column("last_service_date", "e"), context) if rule.spans else context.window(rule.window, when.copy())
    conditions = [
        sql.is_in(sql.column("value_set", "e"), rule.value_sets),
        in_window,
        sql.is_in(sql.column("claim_status", "e"), rule.claim_statuses),
    ]
    if rule.match != "any":
        conditions.append(exp.EQ(this=sql.column("code_role", "e"), expression=sql.string(rule.match)))
    if rule.provider_types:
        select = _in_value_set(select, "p", [rule.provider_types], sql.column("provider_type", "e"), "PROVIDER_TYPE", when)
    conditions.extend(_claim_line_exclusions(rule, "e"))
    sentence = f"a claim with a code in {_names(rule.value_sets)}" + (f" ({rule.match} code)" if rule.match != "any" else "")
    sentence += _provider_phrase(rule)
    sentence += f", status {' or '.join(rule.claim_statuses)}"
    if rule.spans:
        sentence += ", its service dates overlapping the window"
    return select.where(sql.and_(*conditions)), when, sentence + _subject_phrase(rule.subject)


def coded_events(rule: m.EventsRule, context: Context, source: str = UNITS) -> tuple[exp.Select, exp.Expression, str]:
    """FROM units u JOIN (the rule's events from each of its sources) e ...; returns (query, date, sentence).

    Each source's stage (engine.compile.shared.CODED_SOURCES) holds its codes with their value sets;
    the filters that do not depend on the unit are applied in each source's branch, and every
    branch names its source (`source`), so the evidence can say where it came from.
    """
    branches = []
    for name in rule.sources:
        coded = CODED_SOURCES[name]
        if not _reads(coded, rule):
            continue  # a vaccine record holds no diagnoses, a condition record no procedures nor answers
        conditions = [sql.is_in(sql.column("value_set", "c"), rule.value_sets)]
        if rule.with_value:
            conditions.append(exp.EQ(this=sql.column("has_value", "c"), expression=exp.true()))
        if not coded.extract:  # claims: the rule's statuses and line exclusions; a record source's stage holds only records whose status counts
            conditions.append(sql.is_in(sql.column(coded.status_column, "c"), rule.claim_statuses))
            conditions.extend(_claim_line_exclusions(rule, "c"))
        if coded.role_column is not None and rule.match != "any":
            conditions.append(exp.EQ(this=sql.column(coded.role_column, "c"), expression=sql.string(rule.match)))
        # With spans, each branch carries the record's last day: a claim line's is its first unless
        # it is one of the stays of more than one day; an encounter's or condition's its own (a
        # condition's empty one goes on); any other record's is its date.
        if rule.spans and not coded.extract:
            stages = ((coded.stage, "service_date"), (CLAIM_STAYS, "last_service_date"))
        else:
            stages = ((coded.stage, "last_service_date" if coded.end_column else "service_date"),)
        for stage, last in stages:
            table = context.read_from(stage, rule.value_sets, rule.subject)
            columns = [sql.column("member_id", "c"), sql.column("service_date", "c"), sql.string(name).as_(sql.ident("source"))]
            if rule.spans:
                columns.append(sql.column(last, "c").as_(sql.ident("last_service_date")))
            branch = exp.select(*columns).from_(sql.table(table, "c"))
            if rule.answers:
                branch = _in_value_set(branch, "a", [rule.answers], sql.column(ANSWER_COLUMNS[0], "c"), sql.column(ANSWER_COLUMNS[1], "c"), sql.column("service_date", "c"))
            if rule.provider_types:
                branch = _in_value_set(branch, "p", [rule.provider_types], sql.column(coded.provider_column, "c"), "PROVIDER_TYPE", sql.column("service_date", "c"))
            branches.append(branch.where(sql.and_(*[condition.copy() for condition in conditions])))
    if not branches:
        held = (f"{rule.match} codes" + (" with coded answers" if rule.answers else "") + (" with values" if rule.with_value else "")
                + (" with a provider type" if rule.provider_types else ""))
        raise UnsupportedError(f"events: none of the sources {', '.join(rule.sources)} holds {held}")
    union = sql.union_all(branches)
    when = sql.column("service_date", "e")
    select, whose = _subject_join(exp.select().from_(sql.table(source, "u")), rule.subject, "u")
    select = select.join(exp.Subquery(this=union, alias=exp.TableAlias(this=sql.ident("e"))), on=exp.EQ(this=sql.column("member_id", "e"), expression=whose))
    read = [CODED_SOURCES[name].description for name in rule.sources if _reads(CODED_SOURCES[name], rule)]
    statuses = f", claim status {' or '.join(rule.claim_statuses)}" if "claims" in rule.sources and _reads(CODED_SOURCES["claims"], rule) else ""
    article = "an" if read[0][0] in "aeiou" else "a"
    sentence = (f"{article} {' or '.join(read)} with a code in {_names(rule.value_sets)}" + (f" ({rule.match} code)" if rule.match != "any" else "")
                + (f" answered with a code in {_names([rule.answers])}" if rule.answers else "") + (" and a value" if rule.with_value and not rule.answers else "")
                + _provider_phrase(rule) + statuses + (", its span overlapping the window" if rule.spans else "") + (" (the same date in several sources is one event)" if len(read) > 1 else ""))
    in_window = _span_in_window(rule.window, when.copy(), sql.column("last_service_date", "e"), context) if rule.spans else context.window(rule.window, when.copy())
    return select.where(in_window), when, sentence + _subject_phrase(rule.subject)


def _reads(source: CodedSource, rule: m.EventsRule) -> bool:
    """Whether the source can give the rule's events: codes of its role, and coded answers, values or a provider type when the rule asks for them."""
    return (source.holds(rule.match) and (not rule.answers or bool(source.answer_columns)) and (not rule.with_value or bool(source.value_columns))
            and (not rule.provider_types or bool(source.provider_column)))


def screenings_events(rule: m.ScreeningsRule, context: Context, source: str = UNITS) -> tuple[exp.Select, exp.Expression, str]:
    when = sql.column(rule.dated_by, "e")
    select, whose = _subject_join(exp.select().from_(sql.table(source, "u")), rule.subject, "u")
    select = select.join(sql.table("screenings", "e"), on=exp.EQ(this=sql.column("member_id", "e"), expression=whose))
    conditions = [context.window(rule.window, when.copy())]
    parts = []
    if rule.referral_statuses:
        conditions.append(sql.is_in(sql.column("referral_status", "e"), rule.referral_statuses))
        parts.append(f"referral status {' or '.join(rule.referral_statuses)}")
    for field_name, value_set, alias in (("instrument", rule.instruments, "vi"), ("item", rule.items, "vq"), ("answer_code", rule.answers, "va")):
        if value_set:
            select = _in_value_set(select, alias, [value_set], sql.column(field_name, "e"), "LOINC", when)
            parts.append(f"{field_name.replace('_', ' ')} in {_names([value_set])}")
    if rule.answered:
        answered = [sql.column("answer_code", "e").is_(exp.null()).not_(), sql.column("score", "e").is_(exp.null()).not_()]
        if rule.null_answer_counts_items:
            select = _in_value_set(select, "vn", [rule.null_answer_counts_items], sql.column("item", "e"), "LOINC", when, join="left")
            answered.append(sql.column("code", "vn").is_(exp.null()).not_())
            parts.append(f"answered (a null answer counts for items in {_names([rule.null_answer_counts_items])})")
        else:
            parts.append("answered")
        conditions.append(exp.Paren(this=exp.or_(*answered)))
    if rule.resulted:
        # An instrument recorded with neither score, result nor answer (an order, a form opened and
        # left blank) is not a screening: "any recorded result counts", not any record.
        recorded = [sql.column(name, "e").is_(exp.null()).not_() for name in ("score", "result", "answer_code")]
        conditions.append(exp.Paren(this=exp.or_(*recorded)))
        parts.append("a recorded result (a score, a positive or negative result, or an answer)")
    if rule.score_at_least is not None:
        conditions.append(exp.GTE(this=sql.column("score", "e"), expression=sql.number(rule.score_at_least)))
        parts.append(f"score at least {rule.score_at_least:g}")
    if rule.score_at_most is not None:
        conditions.append(exp.LTE(this=sql.column("score", "e"), expression=sql.number(rule.score_at_most)))
        parts.append(f"score at most {rule.score_at_most:g}")
    if rule.result:
        conditions.append(exp.EQ(this=sql.column("result", "e"), expression=sql.string(rule.result)))
        parts.append(f"result {rule.result}")
    what = "a referral recorded on a screening record" if rule.dated_by == "referral_date" else "a screening record"
    sentence = what + (" with " + ", ".join(parts) if parts else "")
    return select.where(sql.and_(*conditions)), when, sentence + _subject_phrase(rule.subject)


def kindergarten_events(rule: m.KindergartenRule, context: Context, source: str = UNITS) -> tuple[exp.Select, exp.Expression, str]:
    when = sql.column("assessment_date", "e")
    select, whose = _subject_join(exp.select().from_(sql.table(source, "u")), rule.subject, "u")
    select = select.join(sql.table("kindergarten_assessments", "e"), on=exp.EQ(this=sql.column("member_id", "e"), expression=whose))
    conditions = [context.window(rule.window, when.copy())]
    sentence = "a kindergarten entry assessment"
    if rule.ready is not None:
        conditions.append(exp.EQ(this=sql.column("ready", "e"), expression=exp.true() if rule.ready else exp.false()))
        sentence += " assessed as ready" if rule.ready else " assessed as not ready"
    return select.where(sql.and_(*conditions)), when, sentence + _subject_phrase(rule.subject)


def event_source(query: m.EventQuery, context: Context, source: str = UNITS) -> tuple[exp.Select, exp.Expression, str, m.Window]:
    if query.claims is not None:
        return (*claims_events(query.claims, context, source), query.claims.window)
    if query.screenings is not None:
        return (*screenings_events(query.screenings, context, source), query.screenings.window)
    assert query.kindergarten is not None
    return (*kindergarten_events(query.kindergarten, context, source), query.kindergarten.window)


def _names(value_sets: list[str]) -> str:
    return " or ".join(f"'{name}'" for name in value_sets)


def _subject_phrase(subject: str) -> str:
    return {"self": "", "mother": " for the linked mother (dyads)", "child": " for the linked child (dyads)"}[subject]


EventRule = m.ClaimsRule | m.EventsRule | m.ScreeningsRule | m.KindergartenRule


def _counted_events(rule: EventRule, select: exp.Select, when: exp.Expression) -> exp.Select:
    """Units with at least one qualifying event: how many count (`found`) and the latest date.

    Units short of `at_least` stay in the table, so a gap list can say how many are missing;
    the criterion is met when found reaches at_least (see `_events_fragment`).
    """
    if rule.min_days_apart > 1:
        counted: exp.Expression = sql.spaced_chain_count(when.copy(), rule.min_days_apart)
    elif rule.at_least > 1:
        counted = sql.count_distinct(when.copy())
    else:
        counted = sql.number(1)  # a row here is one event found, and one is all that is needed
    select = select.select(
        sql.column("unit_id", "u").as_(sql.ident("unit_id")),
        exp.Max(this=when.copy()).as_(sql.ident("evidence_date")),
        counted.as_(sql.ident("found")),
    )
    if isinstance(rule, m.EventsRule):
        # Whether each source recorded any of the events found (a flag per source, portable SQL).
        for name in rule.sources:
            recorded = exp.Case().when(exp.EQ(this=sql.column("source", "e"), expression=sql.string(name)), sql.number(1)).else_(sql.number(0))
            select = select.select(exp.Max(this=recorded).as_(sql.ident(f"from_{name}")))
    return select.group_by(sql.column("unit_id", "u"))


def _events_sentence(rule: EventRule, what: str) -> str:
    count = "at least one" if rule.at_least == 1 else f"at least {rule.at_least} on different dates"
    spacing = f", each at least {plural(rule.min_days_apart, 'day')} after the last one counted" if rule.min_days_apart > 1 else ""
    return f"{count}: {what} {describe_window(rule.window)} (both days included){spacing}"


def _table_fragment(kind: str, label: str | None, query: exp.Select, description: str, context: Context) -> Fragment:
    name = _table_name(query, context)
    matched = sql.column("unit_id", name).is_(exp.null()).not_()
    return Fragment(matched, description, kind, label, tables=(CriterionTable(name, query),), evidence=(sql.column("evidence_date", name),))


def _table_name(query: exp.Select, context: Context) -> str:
    text = query.sql("duckdb")
    return context.tables_by_sql.get(text) or context.tables_by_sql.setdefault(text, context.table_name())


def _events_fragment(kind: str, node: m.Claims | m.Events | m.Screenings | m.Kindergarten, rule: EventRule,
                     select: exp.Select, when: exp.Expression, sentence: str, noun: str, context: Context) -> Fragment:
    """An event criterion: met when the events found reach at_least; the evidence is the latest one."""
    query = _counted_events(rule, select, when)
    name = _table_name(query, context)
    found = sql.coalesce(sql.column("found", name), sql.number(0))
    matched = exp.GTE(this=found.copy(), expression=sql.number(rule.at_least))
    evidence = sql.case([(matched.copy(), sql.column("evidence_date", name))])
    sources = None
    if isinstance(rule, m.EventsRule):
        named = [sql.case([(exp.EQ(this=sql.column(f"from_{source}", name), expression=sql.number(1)), sql.string(source))]) for source in rule.sources]
        sources = exp.ConcatWs(coalesce=True, expressions=[sql.string(" and "), *named])
    return Fragment(matched, _events_sentence(rule, sentence), kind, node.label, tables=(CriterionTable(name, query),), evidence=(evidence,),
                    found=found, needed=rule.at_least, due=context.date(rule.window.to), noun=noun, spacing_days=rule.min_days_apart if rule.min_days_apart > 1 else 0,
                    sources=sources)


# ---- visit functions ----


def visit_all(node: m.AllOf, context: Context) -> Fragment:
    children = tuple(compile_criterion(child, context) for child in node.all)
    return Fragment(sql.and_(*[exp.Paren(this=child.condition) for child in children]), "all of", "all", node.label, children)


def visit_any(node: m.AnyOf, context: Context) -> Fragment:
    children = tuple(compile_criterion(child, context) for child in node.any)
    return Fragment(exp.Paren(this=sql.or_(*[exp.Paren(this=child.condition) for child in children])), "any of", "any", node.label, children)


def visit_not(node: m.NotOf, context: Context) -> Fragment:
    child = compile_criterion(node.not_, context)
    return Fragment(exp.not_(exp.Paren(this=child.condition)), "none of", "not", node.label, (child,))


def visit_age(node: m.Age, context: Context) -> Fragment:
    rule = node.age
    birth, at = sql.column("birth_date", "u"), context.date(rule.at)
    conditions = []
    if rule.unit == "days":
        age = sql.days_between(birth, at)
        if rule.min is not None:
            conditions.append(exp.GTE(this=age, expression=sql.number(rule.min)))
        if rule.max is not None:
            conditions.append(exp.LTE(this=age.copy(), expression=sql.number(rule.max)))
    else:
        months = 12 if rule.unit == "years" else 1
        # Completed age: the min-th birthday is on or before the date, the (max+1)-th is after it.
        if rule.min is not None:
            conditions.append(exp.LTE(this=sql.shift(birth.copy(), months=rule.min * months), expression=at.copy()))
        if rule.max is not None:
            conditions.append(exp.GT(this=sql.shift(birth.copy(), months=(rule.max + 1) * months), expression=at.copy()))
    bounds = f"{rule.min} to {rule.max}" if rule.min is not None and rule.max is not None else (f"at least {rule.min}" if rule.max is None else f"at most {rule.max}")
    return Fragment(sql.and_(*conditions), f"aged {bounds} completed {rule.unit} at {describe_date(rule.at)}", "age", node.label)


def visit_turns(node: m.Turns, context: Context) -> Fragment:
    rule = node.turns
    reached = sql.shift(sql.column("birth_date", "u"), rule.age.years, rule.age.months, rule.age.days)
    return Fragment(context.window(rule.within, reached), f"reaches {describe_offset(rule.age)} of age (birth plus {describe_offset(rule.age)}) {describe_window(rule.within)}", "turns", node.label)


def visit_on(node: m.On, context: Context) -> Fragment:
    rule = node.on
    return Fragment(context.window(rule.within, context.date(rule.date)), f"{describe_date(rule.date)} falls {describe_window(rule.within)}", "on", node.label)


def visit_enrollment(node: m.Enrollment, context: Context) -> Fragment:
    rule = node.enrollment
    query = enrollment_query(rule, context)
    parts = [f"continuously enrolled {describe_window(rule.window)}", f"with at most {plural(rule.max_gaps, 'gap')} of at most {plural(rule.max_gap_days, 'day')}"]
    if rule.benefit:
        parts.append(f"in the {rule.benefit} benefit")
    if rule.programs:
        parts.append(f"in program {' or '.join(rule.programs)}")
    if context.enrollment_scope == "plan":
        parts.append("in the plan attributed on the anchor date")
    if rule.enrolled_on:
        parts.append(f"and enrolled on {describe_date(rule.enrolled_on)}")
    return _table_fragment("enrollment", node.label, query, " ".join(parts), context)


def attributed_plan_query(units: str) -> exp.Select:
    """Each unit's plan (and program): the medical plan on the anchor date, else the latest span that began before it."""
    covers = sql.between(sql.column("anchor_date", "u"), sql.column("start_date", "e"), sql.column("end_date", "e"))
    ranked = exp.select(
        sql.column("unit_id", "u").as_(sql.ident("unit_id")),
        sql.column("plan_id", "e").as_(sql.ident("plan_id")),
        sql.column("program", "e").as_(sql.ident("program")),
        exp.Window(
            this=exp.RowNumber(),
            partition_by=[sql.column("unit_id", "u")],
            order=exp.Order(expressions=[
                exp.Ordered(this=exp.Case().when(covers, sql.number(0)).else_(sql.number(1))),
                exp.Ordered(this=sql.column("end_date", "e"), desc=True),
                exp.Ordered(this=sql.column("start_date", "e"), desc=True),
                exp.Ordered(this=sql.column("plan_id", "e")),
            ]),
        ).as_(sql.ident("plan_rank")),
    ).from_(sql.table(units, "u")).join(sql.table("enrollment", "e"), on=sql.and_(
        exp.EQ(this=sql.column("member_id", "e"), expression=sql.column("member_id", "u")),
        exp.EQ(this=sql.column("benefit", "e"), expression=sql.string("medical")),
        exp.LTE(this=sql.column("start_date", "e"), expression=sql.column("anchor_date", "u")),
    ))
    return exp.select(sql.column("unit_id"), sql.column("plan_id"), sql.column("program")).from_(
        exp.Subquery(this=ranked, alias=exp.TableAlias(this=sql.ident("ranked")))
    ).where(exp.EQ(this=sql.column("plan_rank"), expression=sql.number(1)))


def enrollment_query(rule: m.EnrollmentRule, context: Context) -> exp.Select:
    """Units whose coverage of the window has few and short enough gaps.

    Spans are clipped to the window and ordered; the gap before a span is the days between the
    latest coverage so far and its start (overlapping and adjacent spans leave no gap); the
    trailing gap is from the last covered day to the window's end. With the plan scope, only spans
    in the unit's attributed plan count: a child who switched plans has a gap in each.
    """
    window_start, window_end = context.date(rule.window.from_), context.date(rule.window.to)
    span_filter = [exp.LTE(this=sql.column("start_date", "e"), expression=window_end.copy()), exp.GTE(this=sql.column("end_date", "e"), expression=window_start.copy())]
    if rule.benefit:
        span_filter.append(exp.EQ(this=sql.column("benefit", "e"), expression=sql.string(rule.benefit)))
    if rule.programs:
        span_filter.append(sql.is_in(sql.column("program", "e"), rule.programs))
    on_date = context.date(rule.enrolled_on) if rule.enrolled_on else exp.null()
    clipped = (
        exp.select(
            sql.column("unit_id", "u").as_(sql.ident("unit_id")),
            window_start.copy().as_(sql.ident("window_start")),
            window_end.copy().as_(sql.ident("window_end")),
            exp.Greatest(this=sql.column("start_date", "e"), expressions=[window_start.copy()], ignore_nulls=True).as_(sql.ident("span_start")),
            exp.Least(this=sql.column("end_date", "e"), expressions=[window_end.copy()], ignore_nulls=True).as_(sql.ident("span_end")),
            exp.Case().when(sql.between(on_date, sql.column("start_date", "e"), sql.column("end_date", "e")), sql.number(1)).else_(sql.number(0)).as_(sql.ident("covers_date")),
        )
        .from_(sql.table(context.units, "u"))
        .join(sql.table("enrollment", "e"), on=exp.EQ(this=sql.column("member_id", "e"), expression=sql.column("member_id", "u")))
    )
    if context.enrollment_scope == "plan":
        clipped = clipped.join(exp.Subquery(this=attributed_plan_query(context.units), alias=exp.TableAlias(this=sql.ident("pa"))),
                               on=exp.EQ(this=sql.column("unit_id", "pa"), expression=sql.column("unit_id", "u")))
        span_filter.append(exp.EQ(this=sql.column("plan_id", "e"), expression=sql.column("plan_id", "pa")))
    clipped = clipped.where(sql.and_(*span_filter))
    previous_end = exp.Window(
        this=exp.Max(this=sql.column("span_end")),
        partition_by=[sql.column("unit_id")],
        # Spans are never null (open ends are 9999-12-31), so where nulls sort changes nothing; saying
        # NULLS FIRST (Spark's and BigQuery's default) keeps a clause BigQuery cannot take out of their SQL.
        order=exp.Order(expressions=[exp.Ordered(this=sql.column("span_start"), nulls_first=True), exp.Ordered(this=sql.column("span_end"), nulls_first=True)]),
        spec=exp.WindowSpec(kind="ROWS", start="UNBOUNDED", start_side="PRECEDING", end=sql.number(1), end_side="PRECEDING"),
    )
    covered_before = sql.coalesce(previous_end, sql.add_days(sql.column("window_start"), -1))
    gaps = exp.select(
        sql.column("unit_id"), sql.column("window_end"), sql.column("span_end"), sql.column("covers_date"),
        exp.Sub(this=sql.days_between(covered_before, sql.column("span_start")), expression=sql.number(1)).as_(sql.ident("gap_before")),
    ).from_(exp.Subquery(this=clipped, alias=exp.TableAlias(this=sql.ident("clipped"))))
    trailing = sql.days_between(exp.Max(this=sql.column("span_end")), exp.Max(this=sql.column("window_end")))
    gap_count = exp.Add(
        this=exp.Sum(this=exp.Case().when(exp.GT(this=sql.column("gap_before"), expression=sql.number(0)), sql.number(1)).else_(sql.number(0))),
        expression=exp.Case().when(exp.GT(this=trailing.copy(), expression=sql.number(0)), sql.number(1)).else_(sql.number(0)),
    )
    longest = exp.Greatest(this=exp.Max(this=sql.column("gap_before")), expressions=[trailing.copy()], ignore_nulls=True)
    having = [exp.LTE(this=gap_count, expression=sql.number(rule.max_gaps)), exp.LTE(this=longest, expression=sql.number(rule.max_gap_days))]
    if rule.enrolled_on:
        having.append(exp.EQ(this=exp.Max(this=sql.column("covers_date")), expression=sql.number(1)))
    return (
        exp.select(sql.column("unit_id"), exp.null().as_(sql.ident("evidence_date")))
        .from_(exp.Subquery(this=gaps, alias=exp.TableAlias(this=sql.ident("gaps"))))
        .group_by(sql.column("unit_id"))
        .having(sql.and_(*having))
    )


def visit_claims(node: m.Claims, context: Context) -> Fragment:
    select, when, sentence = claims_events(node.claims, context, context.units)
    return _events_fragment("claims", node, node.claims, select, when, sentence, f"claim with a code in {_names(node.claims.value_sets)}", context)


def visit_events(node: m.Events, context: Context) -> Fragment:
    select, when, sentence = coded_events(node.events, context, context.units)
    return _events_fragment("events", node, node.events, select, when, sentence, f"record with a code in {_names(node.events.value_sets)}", context)


def visit_died(node: m.Died, context: Context) -> Fragment:
    rule = node.died
    death = sql.column("death_date", "mb")
    query = (
        exp.select(sql.column("unit_id", "u").as_(sql.ident("unit_id")), death.as_(sql.ident("evidence_date")))
        .from_(sql.table(context.units, "u"))
        .join(sql.table(MEMBERS, "mb"), on=exp.EQ(this=sql.column("member_id", "mb"), expression=sql.column("member_id", "u")))
        .where(context.window(rule.window, death.copy()))
    )
    return _table_fragment("died", node.label, query, f"died (members.death_date) {describe_window(rule.window)} (both days included)", context)


def visit_screenings(node: m.Screenings, context: Context) -> Fragment:
    select, when, sentence = screenings_events(node.screenings, context, context.units)
    return _events_fragment("screenings", node, node.screenings, select, when, sentence, "screening record", context)


def visit_kindergarten(node: m.Kindergarten, context: Context) -> Fragment:
    select, when, sentence = kindergarten_events(node.kindergarten, context, context.units)
    return _events_fragment("kindergarten", node, node.kindergarten, select, when, sentence, "kindergarten entry assessment", context)


def visit_linked(node: m.Linked, context: Context) -> Fragment:
    rule = node.linked
    mine = "child_member_id" if rule.relation == "mother" else "mother_member_id"
    query = (
        exp.select(sql.column("unit_id", "u").as_(sql.ident("unit_id")), exp.null().as_(sql.ident("evidence_date")))
        .from_(sql.table(context.units, "u"))
        .join(sql.table("dyads", "dy"), on=sql.and_(
            exp.EQ(this=sql.column(mine, "dy"), expression=sql.column("member_id", "u")),
            exp.GTE(this=sql.column("link_confidence", "dy"), expression=sql.number(rule.min_confidence)),
        ))
        .group_by(sql.column("unit_id", "u"))
    )
    confidence = f" with link confidence at least {rule.min_confidence:g}" if rule.min_confidence else ""
    return _table_fragment("linked", node.label, query, f"has a linked {rule.relation} in the dyads extract{confidence}", context)


VISITORS: dict[type, Callable[..., Fragment]] = {
    m.AllOf: visit_all,
    m.AnyOf: visit_any,
    m.NotOf: visit_not,
    m.Age: visit_age,
    m.Turns: visit_turns,
    m.On: visit_on,
    m.Enrollment: visit_enrollment,
    m.Claims: visit_claims,
    m.Events: visit_events,
    m.Died: visit_died,
    m.Screenings: visit_screenings,
    m.Kindergarten: visit_kindergarten,
    m.Linked: visit_linked,
}


def compile_criterion(node: m.Criterion, context: Context) -> Fragment:
    visitor = VISITORS.get(type(node))
    if visitor is None:
        raise UnsupportedError(f"no compile rule for criterion {type(node).__name__}")
    return visitor(node, context)
