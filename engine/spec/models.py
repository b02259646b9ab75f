"""Frozen, typed models of the measure spec language (pure data, no behaviour).

A measure spec is one YAML file in `measures/`. Its shape is documented by these
models and published as JSON Schema in `specs/measure-spec.schema.json`.
Population semantics follow FHIR proportion measures
(http://terminology.hl7.org/CodeSystem/measure-population).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

# Dates every unit has; rates may add named dates (`dates:`) and `event_date` for event units.
BUILTIN_DATES = ("birth_date", "period_start", "period_end", "anchor")
EVENT_DATE = "event_date"

STRATIFIERS = (
    "race_ethnicity",
    "race_ethnicity_alone_or_in_combination",
    "race",
    "ethnicity",
    "race_ethnicity_source",
    "income_band",
    "plan",
    "program",
    "county",
    "sex",
    "preferred_language",
    "age_band",
    "dyad_link",
)
CROSS = " x "


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Offset(Frozen):
    """A calendar offset: years and months are added first, then days."""

    years: int = 0
    months: int = 0
    days: int = 0

    def is_zero(self) -> bool:
        return not (self.years or self.months or self.days)


class DateRef(Offset):
    """A per-unit date plus an offset. In YAML a bare name (`anchor`) is shorthand, and an
    `offset:` mapping (often a parameter) is added to any years, months and days given."""

    date: str = Field(description="birth_date, period_start, period_end, anchor, event_date or a named date")

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"date": value}
        if isinstance(value, dict) and isinstance(value.get("offset"), dict):
            merged = {key: item for key, item in value.items() if key != "offset"}
            for unit, amount in value["offset"].items():
                merged[unit] = merged.get(unit, 0) + amount if isinstance(amount, int) else amount
            return merged
        return value


class Window(Frozen):
    """An inclusive date window: both the first and the last day count."""

    from_: DateRef = Field(alias="from")
    to: DateRef


class AgeRule(Frozen):
    """Completed age at a date, in whole years, months or days, between min and max inclusive."""

    at: DateRef
    unit: Literal["years", "months", "days"] = "years"
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _bounds(self) -> AgeRule:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class TurnsRule(Frozen):
    """The date the member reaches an age (birth date plus `age`) falls within a window."""

    age: Offset
    within: Window


class OnRule(Frozen):
    """A unit's date (for example the event date, or a named date) falls within a window."""

    date: DateRef
    within: Window


class EnrollmentRule(Frozen):
    """Continuous enrollment over a window, allowing a number of gaps of bounded length."""

    window: Window
    max_gaps: int = Field(default=1, ge=0)
    max_gap_days: int = Field(default=45, ge=0)
    enrolled_on: DateRef | None = None
    benefit: Literal["medical", "dental"] | None = "medical"
    programs: list[str] | None = None


Subject = Literal["self", "mother", "child"]


class ClaimsRule(Frozen):
    """Claim lines with a code in a value set, on a date in the window."""

    value_sets: list[str] = Field(min_length=1)
    match: Literal["procedure", "diagnosis", "any"] = "any"
    window: Window
    at_least: int = Field(default=1, ge=1)
    min_days_apart: int = Field(default=0, ge=0, description="counted dates must be at least this many days apart")
    subject: Subject = "self"
    provider_types: str | None = Field(default=None, description="value set of provider types (code_system PROVIDER_TYPE)")
    claim_statuses: list[str] = ["paid"]
    exclude_place_of_service: list[str] = []
    exclude_modifiers: list[str] = []
    spans: bool = Field(default=False, description="a line counts when its service dates (service_from to service_to) overlap the window, "
                        "not only when service_from is in it: a hospice stay that began before the period and runs into it")


# Sources of coded, dated events (engine.compile.shared.CODED_SOURCES): a new source is an entry
# there and a name here, not a new criterion kind.
CodedSource = Literal["claims", "immunizations", "lab_results", "conditions", "encounters", "orders", "observations"]


class EventsRule(Frozen):
    """Coded events from any of several sources (claim lines, immunization records, lab results, condition
    records, EHR encounters and orders, observations), with a code in a value set on a date in the window. Events of one value set on the same date are one event,
    whichever sources recorded them: a registry dose that was also billed is one dose."""

    value_sets: list[str] = Field(min_length=1)
    sources: list[CodedSource] = Field(default=["claims", "immunizations", "lab_results", "conditions"], min_length=1, description="where the events may come from")
    match: Literal["procedure", "diagnosis", "any"] = Field(
        default="any", description="which codes count: a claim's procedure or diagnoses; immunization, lab, encounter and order records hold procedures, condition records diagnoses")
    window: Window
    at_least: int = Field(default=1, ge=1)
    min_days_apart: int = Field(default=0, ge=0, description="counted dates must be at least this many days apart")
    subject: Subject = "self"
    claim_statuses: list[str] = Field(default=["paid"], description="claim statuses that count (immunization records count when completed)")
    provider_types: str | None = Field(default=None, description="value set of provider types (code_system PROVIDER_TYPE): only claim lines and EHR "
                                       "encounters with such a provider count; the other sources name no provider and give none")
    exclude_place_of_service: list[str] = Field(default=[], description="claim lines at these places of service do not count (an EHR encounter has no place of service)")
    exclude_modifiers: list[str] = Field(default=[], description="claim lines with these modifiers do not count (an EHR encounter has no modifiers)")
    spans: bool = Field(default=False, description="an event counts when its span overlaps the window: a claim line's service dates, an encounter's start "
                        "to end, a condition's onset to abatement (one not abated goes on), an observation's effective period; other records are one day")
    answers: str | None = Field(default=None, description="value set of coded answers: only a record whose coded answer is in it counts "
                                "(observations; the other sources have no coded answers and give none)")
    with_value: bool = Field(default=False, description="only a record with a value (a number or a coded answer) counts "
                             "(lab results and observations; the other sources have no values and give none)")


class DiedRule(Frozen):
    """The member's date of death (members.death_date) falls in the window."""

    window: Window


class ScreeningsRule(Frozen):
    """Screening records (instrument, item, answer, score, result) on a date in the window.

    With `dated_by: referral_date` the window applies to the referral recorded on the screening row."""

    window: Window
    dated_by: Literal["screening_date", "referral_date"] = "screening_date"
    referral_statuses: list[str] | None = Field(default=None, description="referral statuses that count (made, completed, declined)")
    instruments: str | None = Field(default=None, description="value set of instrument (panel) codes")
    items: str | None = Field(default=None, description="value set of item (question) codes")
    answers: str | None = Field(default=None, description="value set of answer codes")
    answered: bool = Field(default=False, description="the item has a non-null answer code or score")
    null_answer_counts_items: str | None = Field(
        default=None, description="value set of items where a null answer still counts as answered"
    )
    resulted: bool = Field(default=False, description="the record has a result: a score, a positive or negative result, or an answer code")
    score_at_least: float | None = None
    score_at_most: float | None = None
    result: Literal["positive", "negative"] | None = None
    at_least: int = Field(default=1, ge=1)
    min_days_apart: int = Field(default=0, ge=0)
    subject: Subject = "self"


class KindergartenRule(Frozen):
    """Kindergarten entry assessments (education data) dated in the window, optionally assessed as ready."""

    window: Window
    ready: bool | None = None
    at_least: int = Field(default=1, ge=1)
    min_days_apart: int = Field(default=0, ge=0)
    subject: Subject = "self"


class LinkedRule(Frozen):
    """The member has a linked mother or child in `dyads` with at least this confidence."""

    relation: Literal["mother", "child"]
    min_confidence: float = Field(default=0.0, ge=0, le=1)


def _criterion_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        kinds = [key for key in value if key in CRITERION_KINDS]
        return kinds[0] if len(kinds) == 1 else None
    if isinstance(value, BaseModel):
        return next((kind for kind in CRITERION_KINDS if kind in type(value).model_fields), None)
    return None


class Labelled(Frozen):
    label: str | None = Field(default=None, description="short name used in reasons (defaults to the description)")


class AllOf(Labelled):
    all: list[Criterion] = Field(min_length=1)


class AnyOf(Labelled):
    any: list[Criterion] = Field(min_length=1)


class NotOf(Labelled):
    not_: Criterion = Field(alias="not")


class Age(Labelled):
    age: AgeRule


class Turns(Labelled):
    turns: TurnsRule


class On(Labelled):
    on: OnRule


class Enrollment(Labelled):
    enrollment: EnrollmentRule


class Claims(Labelled):
    claims: ClaimsRule


class Events(Labelled):
    events: EventsRule


class Died(Labelled):
    died: DiedRule


class Screenings(Labelled):
    screenings: ScreeningsRule


class Kindergarten(Labelled):
    kindergarten: KindergartenRule


class Linked(Labelled):
    linked: LinkedRule


CRITERION_KINDS = ("all", "any", "not", "age", "turns", "on", "enrollment", "claims", "events", "screenings", "kindergarten", "linked", "died")

Criterion = Annotated[
    Union[
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[NotOf, Tag("not")],
        Annotated[Age, Tag("age")],
        Annotated[Turns, Tag("turns")],
        Annotated[On, Tag("on")],
        Annotated[Enrollment, Tag("enrollment")],
        Annotated[Claims, Tag("claims")],
        Annotated[Events, Tag("events")],
        Annotated[Screenings, Tag("screenings")],
        Annotated[Kindergarten, Tag("kindergarten")],
        Annotated[Linked, Tag("linked")],
        Annotated[Died, Tag("died")],
    ],
    Discriminator(
        _criterion_kind,
        custom_error_type="unknown_criterion",
        custom_error_message="expected exactly one criterion kind",
    ),
]


class EventQuery(Frozen):
    """Events from one source: claim lines, screening records or kindergarten assessments
    (counting fields are ignored)."""

    claims: ClaimsRule | None = None
    screenings: ScreeningsRule | None = None
    kindergarten: KindergartenRule | None = None

    @model_validator(mode="after")
    def _one_source(self) -> EventQuery:
        if sum(source is not None for source in (self.claims, self.screenings, self.kindergarten)) != 1:
            raise ValueError("give exactly one of claims, screenings or kindergarten")
        return self


class NamedDate(Frozen):
    """A per-unit date: the first or last matching event, or an offset from another date."""

    first: EventQuery | None = None
    last: EventQuery | None = None
    date: DateRef | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> NamedDate:
        if sum(rule is not None for rule in (self.first, self.last, self.date)) != 1:
            raise ValueError("give exactly one of first, last or date")
        return self


class Populations(Frozen):
    """FHIR proportion populations. Omitted optional populations are empty."""

    initial_population: Criterion
    denominator: Criterion | None = Field(default=None, description="omitted: the denominator is the initial population")
    denominator_exclusion: Criterion | None = None
    denominator_exception: Criterion | None = None
    numerator: Criterion
    numerator_exclusion: Criterion | None = None


class Rate(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    unit: Literal["member", "event"] | None = Field(default=None, description="overrides the measure's unit for this rate")
    anchor: DateRef = Field(default=DateRef(date="period_end"), description="date for age, plan and strata")
    events: EventQuery | None = Field(default=None, description="required when the measure's unit is event")
    dates: dict[str, NamedDate] = Field(default_factory=dict)
    populations: Populations


class Parameter(Frozen):
    value: Any
    description: str


class AgeBand(Frozen):
    label: str
    min: int = Field(ge=0)
    max: int = Field(ge=0)


class MeasureSpec(Frozen):
    """One measure: metadata, parameters, rates and the stratifiers to report."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    version: str
    steward: str
    source: str = Field(description="citation of the published definition this spec follows")
    improvement: Literal["increase", "decrease"]
    unit: Literal["member", "event"] = "member"
    demographics: Literal["self", "mother"] = Field(
        default="self", description="whose race/ethnicity, income, sex, county and language stratify: the member's or the linked mother's"
    )
    description: str = ""
    choices: list[str] = Field(default_factory=list, description="where sources disagree: what this spec chose, and why")
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    age_bands: list[AgeBand] = Field(default_factory=list)
    stratifiers: list[str] = Field(default_factory=lambda: ["race_ethnicity", "income_band", "plan", "race_ethnicity x income_band", "plan x race_ethnicity", "plan x income_band"])
    definitions: dict[str, Any] = Field(
        default_factory=dict, description="fragments named with YAML anchors (&name) for rates to reuse (*name); not read on their own"
    )
    rates: list[Rate] = Field(min_length=1)

    def unit_of(self, rate: Rate) -> str:
        return rate.unit or self.unit


for _model in (AllOf, AnyOf, NotOf, Populations, NamedDate, Rate, MeasureSpec):
    _model.model_rebuild()
