"""Queries for outreach that are not part of any measure: each member's last visit."""

from __future__ import annotations

from datetime import date

from sqlglot import exp

from engine.compile import sql

# Claims that show a visit happened (denied and pending claims do not).
VISIT_STATUSES = ("paid", "adjusted")


def last_visit_query(through: date) -> exp.Select:
    """Each member's latest paid or adjusted claim line with a provider on or before `through`
    (any line: a visit need not carry a code a measure counts).

    Ties on the date are broken by provider NPI, then provider type, so the answer never depends on row
    order (rows equal on all three are the same answer). Spark and DuckDB are checked to agree.
    """
    ranked = exp.select(
        sql.column("member_id"),
        sql.column("service_from").as_(sql.ident("last_visit_date")),
        sql.column("provider_npi").as_(sql.ident("last_visit_provider_npi")),
        sql.column("provider_type").as_(sql.ident("last_visit_provider_type")),
        exp.Window(this=exp.RowNumber(), partition_by=[sql.column("member_id")], order=exp.Order(expressions=[
            exp.Ordered(this=sql.column("service_from"), desc=True), exp.Ordered(this=sql.column("provider_npi")), exp.Ordered(this=sql.column("provider_type"), nulls_first=False),
        ])).as_(sql.ident("visit_rank")),
    ).from_(sql.table("claims")).where(sql.and_(
        exp.LTE(this=sql.column("service_from"), expression=sql.date_literal(through)),
        sql.is_in(sql.column("claim_status"), list(VISIT_STATUSES)),
        sql.column("provider_npi").is_(exp.null()).not_(),
    ))
    return exp.select(
        sql.column("member_id"), sql.column("last_visit_date"), sql.column("last_visit_provider_npi"), sql.column("last_visit_provider_type"),
    ).from_(exp.Subquery(this=ranked, alias=exp.TableAlias(this=sql.ident("ranked")))).where(exp.EQ(this=sql.column("visit_rank"), expression=sql.number(1)))
