"""Compile a measure spec into one SQL tree per rate, as an ordered list of small passes.

Passes for each rate: unit rows (members, or events for event-unit measures) -> named dates
-> anchor date -> population criteria -> plan attribution -> population flags, reasons,
evidence and strata. Every criterion carries its sentence, so `explain` and the scorecard's
methodology come from the same pieces as the SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.errors import ErrorLevel, UnsupportedError

from engine.compile import sql
from engine.compile.criteria import MEMBERS, UNITS, Context, Fragment, attributed_plan_query, compile_criterion, event_source
from engine.compile.describe import describe_date, describe_window
from engine.compile.shared import RECORD_SOURCES, shared_stages, stage_value_sets
from engine.errors import UsageError
from engine.period import Period
from engine.spec import models as m

POPULATIONS = (
    "initial_population",
    "denominator",
    "denominator_exclusion",
    "denominator_exception",
    "numerator",
    "numerator_exclusion",
)
# Which extract each engine table comes from (claim_codes is the long form of claims, claim_value_sets its shared join).
TABLE_EXTRACTS = {"members": "members", "enrollment": "enrollment", "claim_codes": "claims", "claim_value_sets": "claims", "claim_stay_codes": "claims", "claim_stay_value_sets": "claims", "screenings": "screenings", "dyads": "dyads",
                  "kindergarten_assessments": "kindergarten_assessments"}
TABLE_EXTRACTS |= {table: source.extract for source in RECORD_SOURCES.values() for table in (source.codes_stage, source.stage)}


@dataclass(frozen=True)
class AttritionStep:
    """One population rule in order: the units still in after it are counted (see `attrition_query`)."""

    population: str  # "units", or the population the rule belongs to
    rule: str


@dataclass(frozen=True)
class CompiledRate:
    measure_id: str
    rate_id: str
    title: str
    query: exp.Select
    anchor: str
    unit: str
    dates: tuple[tuple[str, str], ...]
    populations: dict[str, Fragment | None]
    tables: frozenset[str]  # engine tables the rate's logic reads (not counting strata joins)
    attrition_steps: tuple[AttritionStep, ...] = ()
    attrition_query: exp.Select | None = None  # one row: "step_<i>" = units left after steps 0..i
    stage_value_sets: Mapping[str, frozenset[str]] = field(default_factory=dict)  # stage of coded events -> value sets read from it


@dataclass(frozen=True)
class CompiledMeasure:
    spec: m.MeasureSpec
    period: Period
    rates: tuple[CompiledRate, ...]
    extracts: tuple[str, ...] = field(default=())

    @property
    def uses_dyads(self) -> bool:
        """Reads mother-child links in its logic or strata: its results carry the linkage rate."""
        return self.spec.demographics == "mother" or any("dyads" in rate.tables for rate in self.rates)

    def sql(self, dialect: str = "duckdb") -> str:
        """Every rate's query in a sqlglot dialect; raises UsageError where sqlglot cannot translate a construct."""
        stages = shared_stages(set().union(*(rate.tables for rate in self.rates)), stage_value_sets(rate.stage_value_sets for rate in self.rates))
        try:
            return "\n\n".join(
                [f"-- shared stage {stage.name}: {stage.description}\n{stage.create_view().sql(dialect, pretty=True, unsupported_level=ErrorLevel.RAISE)};" for stage in stages]
                + [f"-- {self.spec.id}.{rate.rate_id}: {rate.title}\n{rate.query.sql(dialect, pretty=True, unsupported_level=ErrorLevel.RAISE)};" for rate in self.rates]
            )
        except UnsupportedError as error:
            raise UsageError(f"{self.spec.id} cannot be written as {dialect} SQL: {error}") from None


@dataclass
class RateBuild:
    """The state the passes hand to each other."""

    spec: m.MeasureSpec
    rate: m.Rate
    context: Context
    ctes: list[tuple[str, exp.Select]] = field(default_factory=list)
    current_units: str = ""
    dates: list[tuple[str, str]] = field(default_factory=list)
    populations: dict[str, Fragment | None] = field(default_factory=dict)
    unit_description: str = ""
    unit_tables: list[str] = field(default_factory=list)

    def add(self, name: str, query: exp.Select) -> None:
        self.ctes.append((name, query))
        self.current_units = name
        self.unit_tables.append(name)


ENROLLMENT_SCOPES = ("state", "plan")


def compile_measure(spec: m.MeasureSpec, period: Period, enrollment_scope: str = "state") -> CompiledMeasure:
    """Every rate of a measure, compiled for one period. `enrollment_scope`: whose enrollment is
    continuous, any plan's ("state", the default) or the attributed plan's ("plan")."""
    if enrollment_scope not in ENROLLMENT_SCOPES:
        raise UsageError(f"unknown enrollment scope '{enrollment_scope}' (state or plan)")
    rates = tuple(compile_rate(spec, rate, period, enrollment_scope) for rate in spec.rates)
    tables = set().union(*(rate.tables for rate in rates)) | ({"dyads"} if spec.demographics == "mother" else set())
    extracts = {TABLE_EXTRACTS[name] for name in tables if name in TABLE_EXTRACTS}
    # Enrollment is read for the plan on the anchor date by every rate, but only a continuous
    # enrollment rule needs it: a measure with none (an eCQM, scored on EHR data with no coverage)
    # runs without the extract, its plans Unknown.
    if not any(_has_kind(fragment, "enrollment") for rate in rates for fragment in rate.populations.values() if fragment):
        extracts.discard("enrollment")
    return CompiledMeasure(spec, period, rates, tuple(sorted(extracts)))


def _has_kind(fragment: Fragment, kind: str) -> bool:
    return fragment.kind == kind or any(_has_kind(child, kind) for child in fragment.children)


def compile_rate(spec: m.MeasureSpec, rate: m.Rate, period: Period, enrollment_scope: str = "state") -> CompiledRate:
    build = RateBuild(spec, rate, Context(period.start, period.end, rate.id, enrollment_scope=enrollment_scope))
    for compile_pass in PASSES:
        compile_pass(build)
    tables = frozenset(table.name for _, cte in build.ctes for table in cte.find_all(exp.Table))
    query = final_select(build)
    steps, attrition = attrition_query(build)
    stage_value_sets = {stage: frozenset(names) for stage, names in build.context.stage_value_sets.items()}
    return CompiledRate(spec.id, rate.id, rate.title, query, describe_date(rate.anchor), build.unit_description, tuple(build.dates), build.populations, tables, steps, attrition,
                        stage_value_sets)


# ---- passes ----


def units_pass(build: RateBuild) -> None:
    """One row per unit: each member, or each distinct (member, event date) for event units."""
    typed_null = lambda type_name: exp.cast(exp.null(), exp.DataType.build(type_name))  # noqa: E731
    if build.spec.unit_of(build.rate) == "member":
        query = exp.select(
            sql.column("member_id", "u").as_(sql.ident("unit_id")),
            sql.column("member_id", "u").as_(sql.ident("member_id")),
            sql.column("birth_date", "u").as_(sql.ident("birth_date")),
            typed_null("varchar").as_(sql.ident("event_id")),
            typed_null("date").as_(sql.ident("event_date")),
        ).from_(sql.table(MEMBERS, "u"))
        build.unit_description = "each member"
    else:
        assert build.rate.events is not None
        select, when, sentence, window = event_source(build.rate.events, build.context, MEMBERS)
        event_id = exp.cast(when.copy(), exp.DataType.build("varchar"))
        query = select.select(
            exp.Concat(expressions=[sql.column("member_id", "u"), sql.string("#"), event_id.copy()]).as_(sql.ident("unit_id")),
            sql.column("member_id", "u").as_(sql.ident("member_id")),
            sql.column("birth_date", "u").as_(sql.ident("birth_date")),
            event_id.as_(sql.ident("event_id")),
            when.copy().as_(sql.ident("event_date")),
        ).group_by(sql.column("member_id", "u"), sql.column("birth_date", "u"), when.copy())
        build.unit_description = f"each date with {sentence} {describe_window(window)} (one event per member and date)"
    build.add(f"{build.rate.id}_units_0", query)


def named_dates_pass(build: RateBuild) -> None:
    for index, (name, named) in enumerate(build.rate.dates.items(), start=1):
        source = build.current_units
        if named.date is not None:
            value: exp.Expression = build.context.date(named.date)
            query = exp.select(sql.star("u"), value.as_(sql.ident(f"date_{name}"))).from_(sql.table(source, "u"))
            build.dates.append((name, describe_date(named.date)))
        else:
            which = named.first or named.last
            assert which is not None
            select, when, sentence, window = event_source(which, build.context, source)
            aggregate = exp.Min(this=when) if named.first else exp.Max(this=when)
            found = select.select(sql.column("unit_id", "u").as_(sql.ident("unit_id")), aggregate.as_(sql.ident("value"))).group_by(sql.column("unit_id", "u"))
            query = (
                exp.select(sql.star("u"), sql.column("value", "d").as_(sql.ident(f"date_{name}")))
                .from_(sql.table(source, "u"))
                .join(exp.Subquery(this=found, alias=exp.TableAlias(this=sql.ident("d"))), on=exp.EQ(this=sql.column("unit_id", "d"), expression=sql.column("unit_id", "u")), join_type="left")
            )
            build.dates.append((name, f"the {'first' if named.first else 'last'} date of {sentence} {describe_window(window)}"))
        build.add(f"{build.rate.id}_units_{index}", query)


def anchor_pass(build: RateBuild) -> None:
    query = exp.select(sql.star("u"), build.context.date(build.rate.anchor).as_(sql.ident("anchor_date"))).from_(sql.table(build.current_units, "u"))
    build.add(UNITS, query)


def populations_pass(build: RateBuild) -> None:
    """Compile each population. Only the initial population's rules are computed for every unit;
    the others' tables are computed for the units in it (`<rate>_in_scope`), and read the EHR
    records built as views from the rate's own step of those units' records (`_in_scope_steps`)."""
    seen: set[str] = set()

    def add_tables(fragment: Fragment | None) -> None:
        for table in fragment.all_tables() if fragment else []:
            if table.name not in seen:
                seen.add(table.name)
                build.ctes.append((table.name, table.query))

    criterion = build.rate.populations.initial_population
    initial = compile_criterion(criterion, build.context) if criterion is not None else None
    build.populations["initial_population"] = initial
    add_tables(initial)
    if initial is not None:
        scope = f"{build.rate.id}_in_scope"
        query = exp.select(sql.star("u")).from_(sql.table(UNITS, "u"))
        for name in dict.fromkeys(table.name for table in initial.all_tables()):
            query = query.join(sql.table(name), on=exp.EQ(this=sql.column("unit_id", name), expression=sql.column("unit_id", "u")), join_type="left")
        build.ctes.append((scope, query.where(_met(initial, False))))
        build.unit_tables.append(scope)
        build.context.units = scope
        build.context.local_stages = {source.stage: f"{build.rate.id}_{source.name or source.extract}_in_scope" for source in RECORD_SOURCES.values() if not source.stored}
    after_scope = len(build.ctes)
    for name in POPULATIONS[1:]:
        criterion = getattr(build.rate.populations, name)
        build.populations[name] = compile_criterion(criterion, build.context) if criterion is not None else None
        add_tables(build.populations[name])
    build.ctes[after_scope:after_scope] = _in_scope_steps(build.context)


def _in_scope_steps(context: Context) -> list[tuple[str, exp.Select]]:
    """The rate's own steps of the view-built stages (Context.local_stages): the records of the
    members in scope with a value set some rule reads, before the rules that read them."""
    stages = {local: stage for stage, local in context.local_stages.items()}
    members = exp.select(sql.column("member_id", "s")).distinct().from_(sql.table(context.units, "s"))
    steps = []
    for local, value_sets in context.local_value_sets.items():
        in_scope = exp.Subquery(this=members.copy(), alias=exp.TableAlias(this=sql.ident("s")))
        query = exp.select(sql.star("c")).from_(sql.table(stages[local], "c")).join(
            in_scope, on=exp.EQ(this=sql.column("member_id", "s"), expression=sql.column("member_id", "c")))
        steps.append((local, query.where(sql.is_in(sql.column("value_set", "c"), sorted(value_sets)))))
    return steps


def plan_pass(build: RateBuild) -> None:
    """Plan attribution: the medical plan on the anchor date, else the latest span that began before it."""
    build.ctes.append((f"{build.rate.id}_plan", attributed_plan_query(build.context.units)))


PASSES = (units_pass, named_dates_pass, anchor_pass, populations_pass, plan_pass)


# ---- the rate query ----


def _met(fragment: Fragment | None, default: bool) -> exp.Expression:
    if fragment is None:
        return exp.true() if default else exp.false()
    return sql.coalesce(exp.Paren(this=fragment.condition.copy()), exp.false())


def fragment_name(fragment: Fragment) -> str:
    if fragment.label:
        return fragment.label
    if fragment.kind in ("all", "any", "not"):
        return f"{fragment.description}: " + "; ".join(fragment_name(child) for child in fragment.children)
    return fragment.description


def failed(fragment: Fragment, prefix: str) -> exp.Expression:
    """Why a criterion is false: for `all`, the first child that failed (under the label, if any)."""
    if fragment.kind == "all":
        inner = f"{prefix}{fragment.label} > " if fragment.label else prefix
        return sql.case([(exp.not_(_met(child, False)), failed(child, inner)) for child in fragment.children])
    return sql.string(prefix + fragment_name(fragment))


def matched(fragment: Fragment, prefix: str) -> exp.Expression:
    """Which branch made a criterion true: for `any`, the first child that matched."""
    if fragment.kind == "any" and not fragment.label:
        return sql.case([(_met(child, False), matched(child, prefix)) for child in fragment.children])
    return sql.string(prefix + fragment_name(fragment))


def final_select(build: RateBuild) -> exp.Select:
    pops = build.populations
    met = {
        "ip": _met(pops["initial_population"], True),
        "den": _met(pops["denominator"], True),
        "denex": _met(pops["denominator_exclusion"], False),
        "excep": _met(pops["denominator_exception"], False),
        "num": _met(pops["numerator"], False),
        "numex": _met(pops["numerator_exclusion"], False),
    }
    flags = exp.select(
        sql.column("unit_id", "u"), sql.column("member_id", "u"), sql.column("event_id", "u"), sql.column("event_date", "u"),
        sql.column("anchor_date", "u"), sql.column("birth_date", "u"),
        *[value.as_(sql.ident(f"{key}_met")) for key, value in met.items()],
        *_reason_columns(pops),
        _evidence(pops["numerator"]).as_(sql.ident("numerator_evidence")),
        _evidence_sources(pops["numerator"]).as_(sql.ident("numerator_sources")),
        (gap_text(pops["numerator"]) if pops["numerator"] else exp.cast(exp.null(), exp.DataType.build("varchar"))).as_(sql.ident("numerator_gap")),
        (gap_due(pops["numerator"]) if pops["numerator"] else exp.cast(exp.null(), sql.DATE)).as_(sql.ident("numerator_due")),
    ).from_(sql.table(UNITS, "u"))
    joined: set[str] = set()
    for fragment in pops.values():
        for table in fragment.all_tables() if fragment else []:
            if table.name in joined:
                continue
            joined.add(table.name)
            # The tree is built here and not shared: no copy per join (copies made this quadratic).
            flags = flags.join(sql.table(table.name), on=exp.EQ(this=sql.column("unit_id", table.name), expression=sql.column("unit_id", "u")), join_type="left", copy=False)

    f = lambda name: sql.column(f"{name}_met", "f")  # noqa: E731
    ip = f("ip")
    den = sql.and_(ip.copy(), f("den"))
    denex = sql.and_(den.copy(), f("denex"))
    num = sql.and_(den.copy(), exp.not_(f("denex")), f("num"))
    numex = sql.and_(num.copy(), f("numex"))
    excep = sql.and_(den.copy(), exp.not_(f("denex")), exp.not_(f("num")), f("excep"))
    in_gap = sql.and_(den.copy(), exp.not_(f("denex")), exp.Paren(this=sql.or_(
        sql.and_(exp.not_(f("num")), exp.not_(f("excep"))),
        sql.and_(f("num"), f("numex")),
    )))
    exclusion_reason = sql.case([
        (denex.copy(), sql.column("denominator_exclusion_reason", "f")),
        (excep.copy(), sql.column("denominator_exception_reason", "f")),
        (numex.copy(), sql.column("numerator_exclusion_reason", "f")),
    ])
    not_met_reason = sql.case([
        (exp.not_(den.copy()), sql.column("denominator_failed", "f")),
        (denex.copy(), exp.null()),
        (excep.copy(), exp.null()),
        (exp.not_(num.copy()), sql.column("numerator_failed", "f")),
    ])
    birth, anchor = sql.column("birth_date", "f"), sql.column("anchor_date", "f")
    year_gap = exp.Sub(this=exp.Year(this=anchor.copy()), expression=exp.Year(this=birth.copy()))
    age_years = exp.Sub(this=year_gap.copy(), expression=exp.Case().when(
        exp.GT(this=sql.add_months(birth.copy(), exp.Mul(this=exp.Paren(this=year_gap.copy()), expression=sql.number(12))), expression=anchor.copy()), sql.number(1)
    ).else_(sql.number(0)))
    plan_alias = "pl"
    mother, linked_child = "mo", "lc"
    dyad_link = sql.case([
        (sql.column("mother_member_id", mother).is_(exp.null()).not_(), sql.string("Linked mother")),
        (sql.column("mother_member_id", linked_child).is_(exp.null()).not_(), sql.string("Linked child")),
    ], sql.string("No link"))
    # Whose demographics stratify: the member's own, or (two-generation measures) the linked mother's;
    # a child without a linked mother then has Unknown strata, never dropped. The strata themselves are
    # joined to the member results outside SQL (engine.run.RunOutput): joining them in every rate's
    # query was a third of the time spent writing member results (10 s of 28 s at a million members).
    whose = sql.column("mother_member_id", mother) if build.spec.demographics == "mother" else sql.column("member_id", "f")
    query = exp.select(
        sql.string(build.spec.id).as_(sql.ident("measure_id")),
        sql.string(build.rate.id).as_(sql.ident("rate_id")),
        sql.column("member_id", "f"), sql.column("event_id", "f"), sql.column("event_date", "f"), sql.column("anchor_date", "f"),
        ip.as_(sql.ident("initial_population")),
        den.as_(sql.ident("denominator")),
        denex.as_(sql.ident("denominator_exclusion")),
        excep.as_(sql.ident("denominator_exception")),
        num.as_(sql.ident("numerator")),
        numex.as_(sql.ident("numerator_exclusion")),
        exclusion_reason.as_(sql.ident("exclusion_reason")),
        not_met_reason.as_(sql.ident("not_met_reason")),
        sql.case([(num.copy(), sql.column("numerator_evidence", "f"))]).as_(sql.ident("evidence_date")),
        sql.case([(num.copy(), sql.column("numerator_sources", "f"))]).as_(sql.ident("evidence_sources")),
        # A gap: counted in the denominator and not in the numerator (so gaps = denominator - numerator).
        sql.case([(in_gap.copy(), sql.coalesce(sql.column("numerator_gap", "f"), sql.column("numerator_exclusion_reason", "f")))]).as_(sql.ident("gap")),
        sql.case([(in_gap.copy(), sql.column("numerator_due", "f"))]).as_(sql.ident("gap_due_date")),
        sql.coalesce(sql.column("plan_id", plan_alias), sql.string("Unknown")).as_(sql.ident("plan")),
        sql.coalesce(sql.column("program", plan_alias), sql.string("Unknown")).as_(sql.ident("program")),
        age_years.as_(sql.ident("age_years")),
        _age_band(build.spec, age_years.copy()).as_(sql.ident("age_band")),
        dyad_link.as_(sql.ident("dyad_link")),
        whose.as_(sql.ident("strata_member_id")),
    ).from_(exp.Subquery(this=flags, alias=exp.TableAlias(this=sql.ident("f"))), copy=False)
    # This query is built here and read by nothing else: no defensive copy per step (copies of the
    # growing tree were most of compile time).
    query = query.join(sql.table(f"{build.rate.id}_plan", plan_alias), on=exp.EQ(this=sql.column("unit_id", plan_alias), expression=sql.column("unit_id", "f")), join_type="left", copy=False)
    query = query.join(sql.table(f"{build.rate.id}_mother", mother), on=exp.EQ(this=sql.column("child_member_id", mother), expression=sql.column("member_id", "f")), join_type="left", copy=False)
    query = query.join(sql.table(f"{build.rate.id}_mothers", linked_child), on=exp.EQ(this=sql.column("mother_member_id", linked_child), expression=sql.column("member_id", "f")), join_type="left", copy=False)
    query = query.where(ip.copy(), copy=False)
    for name, cte in [*build.ctes, *_dyad_ctes(build.rate.id)]:
        query = query.with_(sql.ident(name), as_=cte, copy=False)
    return query


def attrition_query(build: RateBuild) -> tuple[tuple[AttritionStep, ...], exp.Select]:
    """Units left after each rule of the initial population and the denominator, in spec order.

    A population written as `all` contributes each part as a rule; any other is one rule. Only
    these rules' tables are computed: what the denominator loses to exclusions and exceptions,
    and the numerator, are in the member results (engine.attrition adds them).
    """
    everyone = "every member in the members extract" if build.spec.unit_of(build.rate) == "member" else f"every event: {build.unit_description}"
    steps = [AttritionStep("units", everyone)]
    conditions: list[exp.Expression] = [exp.true()]
    needed: list[str] = []
    for population in ("initial_population", "denominator"):
        fragment = build.populations[population]
        if fragment is None:
            continue
        needed += [table.name for table in fragment.all_tables()]
        for part in fragment.children if fragment.kind == "all" else (fragment,):
            steps.append(AttritionStep(population, fragment_name(part)))
            conditions.append(_met(part, False))
    counts = [
        exp.Sum(this=sql.case([(sql.and_(*conditions[: index + 1]), sql.number(1))], sql.number(0))).as_(sql.ident(f"step_{index}"))
        for index in range(len(conditions))
    ]
    query = exp.select(*counts).from_(sql.table(UNITS, "u"))
    for name in dict.fromkeys(needed):
        query = query.join(sql.table(name), on=exp.EQ(this=sql.column("unit_id", name), expression=sql.column("unit_id", "u")), join_type="left", copy=False)
    wanted = set(build.unit_tables) | set(needed)
    for name, cte in build.ctes:
        if name in wanted:
            query = query.with_(sql.ident(name), as_=cte.copy(), copy=False)
    return tuple(steps), query


def _dyad_ctes(prefix: str) -> list[tuple[str, exp.Select]]:
    """Each child's most confident mother link, and the members who are someone's linked mother."""
    ranked = exp.select(
        sql.column("child_member_id"), sql.column("mother_member_id"),
        exp.Window(this=exp.RowNumber(), partition_by=[sql.column("child_member_id")], order=exp.Order(expressions=[
            exp.Ordered(this=sql.column("link_confidence"), desc=True), exp.Ordered(this=sql.column("mother_member_id")),
        ])).as_(sql.ident("link_rank")),
    ).from_(sql.table("dyads"))
    best = exp.select(sql.column("child_member_id"), sql.column("mother_member_id")).from_(
        exp.Subquery(this=ranked, alias=exp.TableAlias(this=sql.ident("ranked")))
    ).where(exp.EQ(this=sql.column("link_rank"), expression=sql.number(1)))
    mothers = exp.select(sql.column("mother_member_id")).distinct().from_(sql.table("dyads"))
    return [(f"{prefix}_mother", best), (f"{prefix}_mothers", mothers)]


def _reason_columns(pops: dict[str, Fragment | None]) -> list[exp.Expression]:
    """Why each population criterion failed or which branch matched, as text columns."""
    reasons = {
        "denominator_failed": (pops["denominator"], failed, "not in denominator: "),
        "numerator_failed": (pops["numerator"], failed, "numerator not met: "),
        "denominator_exclusion_reason": (pops["denominator_exclusion"], matched, ""),
        "denominator_exception_reason": (pops["denominator_exception"], matched, ""),
        "numerator_exclusion_reason": (pops["numerator_exclusion"], matched, ""),
    }
    return [
        (explain(fragment, prefix) if fragment else exp.cast(exp.null(), exp.DataType.build("varchar"))).as_(sql.ident(name))
        for name, (fragment, explain, prefix) in reasons.items()
    ]


def _varchar(value: exp.Expression) -> exp.Expression:
    return exp.cast(value, exp.DataType.build("varchar"))


def _text(*parts: exp.Expression | str) -> exp.Expression:
    return exp.Concat(expressions=[sql.string(part) if isinstance(part, str) else part for part in parts])


EVENT_KINDS = ("claims", "events", "screenings", "kindergarten")


def applies(fragment: Fragment) -> exp.Expression:
    """Whether a route to the numerator is open to the unit: its conditions that are not events hold.

    A child who turned 2 cannot close the gap through the "turned 1 and screened by 1" route;
    only missing events (visits, screenings, assessments) are things outreach can supply.
    """
    if fragment.kind in EVENT_KINDS:
        return exp.true()
    if fragment.kind == "all":
        return sql.and_(*[applies(child) for child in fragment.children])
    if fragment.kind == "any":
        return exp.Paren(this=sql.or_(*[applies(child) for child in fragment.children]))
    return _met(fragment, False)


def gap_text(fragment: Fragment, name: str | None = None) -> exp.Expression:
    """What is still missing for a criterion that is not met (NULL when it is met).

    An event criterion says how many more are needed and by when (its window's last day). A
    choice (`any`) with a label names its first open route under that label (list the usual
    route first); an unlabelled choice lists every open route; `all` lists each unmet part.
    """
    not_met = exp.not_(_met(fragment, False))
    inherited = fragment.label or name
    if fragment.kind == "all":
        # The one unlabelled event part (what a route is "for") is named by the nearest label above it.
        unnamed = [child for child in fragment.children if child.kind in EVENT_KINDS and not child.label]
        passed = inherited if len(unnamed) == 1 else None
        return exp.func("nullif", exp.ConcatWs(coalesce=True, expressions=[sql.string("; "), *[gap_text(child, passed) for child in fragment.children]]), sql.string(""))
    if fragment.kind == "any":
        if fragment.label:
            text = sql.case([(applies(child), gap_text(child, inherited)) for child in fragment.children])
        else:
            routes = exp.ConcatWs(coalesce=True, expressions=[sql.string(" or "), *[sql.case([(applies(child), gap_text(child))]) for child in fragment.children]])
            text = _text("one of: ", routes)
        return sql.case([(not_met, text)])
    name = (inherited if fragment.kind in EVENT_KINDS else fragment.label) or fragment.noun or fragment.description
    if fragment.kind == "not":
        return sql.case([(not_met, sql.string(f"{name}: must not be present"))])
    if fragment.found is None or fragment.due is None:
        return sql.case([(not_met, sql.string(f"{name}: not met"))])
    due = sql.coalesce(_varchar(fragment.due.copy()), sql.string("an unknown date"))
    spacing = f", at least {fragment.spacing_days} days apart" if fragment.spacing_days else ""
    if fragment.needed == 1:
        text = _text(f"{name}: needs 1 by ", due)
    else:
        missing = _varchar(exp.Sub(this=sql.number(fragment.needed), expression=fragment.found.copy()))
        text = _text(f"{name}: needs ", missing, " more by ", due, " (", _varchar(fragment.found.copy()), f" of {fragment.needed} found{spacing})")
    return sql.case([(not_met, text)])


def gap_due(fragment: Fragment) -> exp.Expression:
    """The last day on which the gap can still be closed (NULL when no missing event has a date).

    For `all`, the earliest deadline among unmet parts (missing it makes the whole unreachable);
    for a labelled choice, its first open route's; for an unlabelled choice, the latest among
    open routes (any one of them still closes the gap).
    """
    not_met = exp.not_(_met(fragment, False))
    if fragment.kind == "all":
        return _fold(exp.Least, [gap_due(child) for child in fragment.children])
    if fragment.kind == "any":
        if fragment.label:
            return sql.case([(not_met, sql.case([(applies(child), gap_due(child)) for child in fragment.children]))])
        return sql.case([(not_met, _fold(exp.Greatest, [sql.case([(applies(child), gap_due(child))]) for child in fragment.children]))])
    if fragment.due is None or fragment.found is None:
        return exp.cast(exp.null(), sql.DATE)
    return sql.case([(not_met, fragment.due.copy())])


def _fold(function: type[exp.Least] | type[exp.Greatest], values: list[exp.Expression]) -> exp.Expression:
    return values[0] if len(values) == 1 else function(this=values[0], expressions=values[1:], ignore_nulls=True)


def _evidence(fragment: Fragment | None) -> exp.Expression:
    columns: list[exp.Expression] = []
    stack = [fragment] if fragment else []
    while stack:
        node = stack.pop()
        columns += [column.copy() for column in node.evidence]
        stack += list(node.children)
    if not columns:
        return exp.cast(exp.null(), sql.DATE)
    return columns[0] if len(columns) == 1 else exp.Greatest(this=columns[0], expressions=columns[1:], ignore_nulls=True)


def _evidence_sources(fragment: Fragment | None) -> exp.Expression:
    """Where the numerator's evidence came from, for each met criterion that reads several sources:
    '4 DTaP: claims and immunizations; 1 MMR: immunizations' (NULL when none reads several)."""
    parts: list[exp.Expression] = []
    # Each criterion with the nearest label at or above it, which names it ('4 DTaP').
    stack = [(fragment, fragment.label)] if fragment else []
    while stack:  # depth first, in spec order
        node, label = stack.pop()
        if node.sources is not None:
            parts.append(sql.case([(node.condition.copy(), _text(f"{label or node.noun}: ", node.sources.copy()))]))
        stack += [(child, child.label or label) for child in reversed(node.children)]
    if not parts:
        return exp.cast(exp.null(), exp.DataType.build("varchar"))
    return exp.func("nullif", exp.ConcatWs(coalesce=True, expressions=[sql.string("; "), *parts]), sql.string(""))


def _age_band(spec: m.MeasureSpec, age_years: exp.Expression) -> exp.Expression:
    if not spec.age_bands:
        return exp.cast(exp.null(), exp.DataType.build("varchar"))
    return sql.case([(sql.between(age_years.copy(), sql.number(band.min), sql.number(band.max)), sql.string(band.label)) for band in spec.age_bands], sql.string("Outside age bands"))
