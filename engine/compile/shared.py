"""Stages that every measure reads, computed once per run before any rate.

Without them each claims criterion scanned every code of every claim line and joined the value
sets again (CIS alone has dozens of criteria). `claim_value_sets` does that join once: each claim
code with every value set it belongs to on its date of service. A claims criterion then reads only
its value sets' rows (DuckDB keeps the table sorted by value set, so the rest is skipped).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from engine.compile import sql

CLAIM_VALUE_SETS = "claim_value_sets"


@dataclass(frozen=True)
class SharedStage:
    name: str
    description: str
    query: exp.Select
    cluster_by: tuple[str, ...] = ()  # physical order that lets filters skip data (an engine may ignore it)

    def create_table(self) -> exp.Create:
        """CREATE TEMPORARY TABLE <name> AS <query> ORDER BY <cluster_by>: the stage as a table, for DuckDB."""
        ordered = self.query.copy().order_by(*[sql.column(name) for name in self.cluster_by]) if self.cluster_by else self.query.copy()
        return exp.Create(this=sql.table(self.name), kind="TABLE", expression=ordered, properties=exp.Properties(expressions=[exp.TemporaryProperty()]))

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


def claim_value_sets() -> SharedStage:
    on = sql.and_(
        exp.EQ(this=sql.column("code", "v"), expression=sql.column("code", "e")),
        exp.EQ(this=sql.column("code_system", "v"), expression=sql.column("code_system", "e")),
        effective("v", sql.column("service_date", "e")),
    )
    query = (
        exp.select(sql.star("e"), sql.column("value_set", "v"))
        .from_(sql.table("claim_codes", "e"))
        .join(sql.table("value_set_codes", "v"), on=on)
    )
    return SharedStage(CLAIM_VALUE_SETS, "each claim code with every value set it belongs to on its date of service", query, ("value_set", "member_id"))


def shared_stages(tables_read: set[str] | frozenset[str]) -> tuple[SharedStage, ...]:
    """The stages among `tables_read` (a run's or a measure's), in the order they must be built."""
    return tuple(stage for stage in (claim_value_sets(),) if stage.name in tables_read)
