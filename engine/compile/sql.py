"""The only SQL-building helpers: quoted identifiers, literal nodes, date arithmetic.

Spec and data text reach SQL only as literal nodes made here, never as parsed text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlglot import exp

DATE = exp.DataType.build("date")


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def column(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(table) if table else None)


def table(name: str, alias: str | None = None) -> exp.Table:
    node = exp.Table(this=ident(name))
    return node.as_(ident(alias), table=True) if alias else node


def star(table_alias: str) -> exp.Column:
    return exp.Column(this=exp.Star(), table=ident(table_alias))


def string(value: str) -> exp.Literal:
    return exp.Literal.string(value)


def number(value: float | int) -> exp.Literal:
    return exp.Literal.number(value)


def date_literal(value: date) -> exp.Cast:
    return exp.cast(exp.Literal.string(value.isoformat()), DATE)


def literal(value: Any) -> exp.Expression:
    if isinstance(value, bool):
        return exp.true() if value else exp.false()
    if isinstance(value, date):
        return date_literal(value)
    if isinstance(value, (int, float)):
        return number(value)
    if value is None:
        return exp.null()
    return string(str(value))


def is_in(expression: exp.Expression, values: list[Any]) -> exp.In:
    return exp.In(this=expression, expressions=[literal(value) for value in values])


def add_months(value: exp.Expression, months: int | exp.Expression) -> exp.Expression:
    """Calendar months; a day past the month's end becomes its last day (29 Feb + 1 year = 28 Feb)."""
    amount = number(months) if isinstance(months, int) else months
    return exp.cast(exp.DateAdd(this=value, expression=amount, unit=exp.var("MONTH")), DATE)


def add_days(value: exp.Expression, days: int) -> exp.Expression:
    return exp.cast(exp.DateAdd(this=value, expression=number(days), unit=exp.var("DAY")), DATE)


def shift(value: exp.Expression, years: int = 0, months: int = 0, days: int = 0) -> exp.Expression:
    """Years and months first (as calendar months), then days."""
    if years or months:
        value = add_months(value, 12 * years + months)
    if days:
        value = add_days(value, days)
    return value


def days_between(start: exp.Expression, end: exp.Expression) -> exp.Expression:
    return exp.DateDiff(this=end, expression=start, unit=exp.var("DAY"))


def between(value: exp.Expression, low: exp.Expression, high: exp.Expression) -> exp.Between:
    return exp.Between(this=value, low=low, high=high)


# The helpers below take the nodes they are given (no copy): the compiler builds each tree once,
# and sqlglot's defensive copies in its builders were most of compile time (a deep copy of the
# growing tree at every step: 4 s for the library).


def and_(*conditions: exp.Expression) -> exp.Expression:
    present = [condition for condition in conditions if condition is not None]
    return exp.and_(*present, copy=False) if present else exp.true()


def or_(*conditions: exp.Expression) -> exp.Expression:
    return exp.or_(*conditions, copy=False)


def union_all(selects: list[exp.Select]) -> exp.Select:
    """The selects' rows one after another (UNION ALL), in order."""
    query = selects[0]
    for select in selects[1:]:
        query = exp.union(query, select, distinct=False)
    return query


def coalesce(*values: exp.Expression) -> exp.Expression:
    return exp.Coalesce(this=values[0], expressions=list(values[1:]))


def count_distinct(value: exp.Expression) -> exp.Expression:
    return exp.Count(this=exp.Distinct(expressions=[value]))


def case(whens: list[tuple[exp.Expression, exp.Expression]], default: exp.Expression | None = None) -> exp.Expression:
    return exp.Case(ifs=[exp.If(this=condition, true=result) for condition, result in whens], default=default)


def spaced_chain_count(dates: exp.Expression, min_days_apart: int) -> exp.Expression:
    """How many of the (distinct) dates can be counted when each must be at least K days after the last counted.

    Taking the earliest date, then the earliest at least K days later, and so on, counts the
    most possible (the greedy choice is optimal for a minimum spacing). Built as a fold over
    the sorted list of dates with a {last, n} accumulator.
    """
    accumulator, current = exp.column("acc"), exp.column("d")
    # acc['last'], not acc.last: inside a grouped query DuckDB would bind acc.last as a table column.
    last = exp.Bracket(this=accumulator.copy(), expressions=[string("last")])
    count = exp.Bracket(this=accumulator.copy(), expressions=[string("n")])

    def state(last_value: exp.Expression, n_value: exp.Expression) -> exp.Struct:
        return exp.Struct(expressions=[
            exp.PropertyEQ(this=exp.to_identifier("last"), expression=last_value),
            exp.PropertyEQ(this=exp.to_identifier("n"), expression=n_value),
        ])

    take = exp.or_(last.copy().is_(exp.null()), exp.GTE(this=current.copy(), expression=add_days(last.copy(), min_days_apart)))
    step = exp.If(this=take, true=state(current.copy(), exp.Add(this=count.copy(), expression=number(1))), false=accumulator.copy())
    # exp.Reduce is DuckDB's list_reduce and Spark's aggregate: one tree for both dialects.
    fold = exp.Reduce(
        this=exp.ArraySort(this=exp.ArrayAgg(this=exp.Distinct(expressions=[dates]))),
        initial=state(exp.cast(exp.null(), DATE), number(0)),
        merge=exp.Lambda(this=step, expressions=[exp.to_identifier("acc"), exp.to_identifier("d")]),
    )
    return exp.Bracket(this=fold, expressions=[string("n")])
