"""A checked COQL ``Query`` → one SELECT (left joins for selected lookup paths; filters through
``IN`` subqueries); subqueries run first, each capped at 100 values (spec 50 §9.5)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.query import errors as qe
from zcrm_local.domain.query.fields import QField
from zcrm_local.domain.query.tree import Column, Logic, Node, Op, Pred, Query
from zcrm_local.store.engine import Unindexed
from zcrm_local.store.query.compile import Compiler, raw, sort_expr
from zcrm_local.store.tables import records

SUBQUERY_ROWS = 100
_ID = QField("id", "bigint", "id")
_ONE_VALUE = {Op.EQ: "=", Op.NE: "!=", Op.GT: ">", Op.GE: ">=", Op.LT: "<", Op.LE: "<=",
              Op.BETWEEN: "between", Op.NOT_BETWEEN: "not between"}


def _resolve(conn: sa.Connection, org_id: int, node: Node) -> Node:
    if isinstance(node, Logic):
        return Logic(node.op, tuple(_resolve(conn, org_id, c) for c in node.children))
    if node.subquery is None:
        return node
    sub = node.subquery
    rows = run(conn, org_id, replace(sub, limit=SUBQUERY_ROWS, offset=0))
    values = [r["value"] for r in rows if r["value"] is not None]
    if node.op in _ONE_VALUE and len(values) > 1:
        raise qe.coql_query("subquery return more than one values which is incompatible for the operator",
                            {"sub_query_sequence": node.sub_sequence, "operator": _ONE_VALUE[node.op]})
    if not values:
        return _constant(node.op == Op.NOT_IN)
    converted = tuple(_convert(node, v) for v in values)
    if node.op in (Op.BETWEEN, Op.NOT_BETWEEN):
        converted = (converted[0], converted[0])
    return Pred(node.column, node.op, converted)


def _constant(truth: bool) -> Node:
    """Always true (an id is never empty) or always false."""
    return Pred(Column("id", (), _ID), Op.NOT_NULL if truth else Op.IS_NULL)


def _convert(node: Pred, value: Any) -> Any:
    dtype = node.column.field.data_type
    if node.column.field.kind == "id" or dtype in ("lookup", "ownerlookup", "userlookup", "bigint"):
        return str(value)
    if dtype in ("integer", "double", "currency", "percent", "decimal"):
        return Decimal(str(value))
    return value


def run(conn: sa.Connection, org_id: int, query: Query) -> list[dict[str, Any]]:
    """Rows as ``{"data": base body, "joins": {prefix: body}}`` or, for aggregates,
    ``{"group": [...], "agg": [...]}``; subqueries ask for ``value``."""
    where = _resolve(conn, org_id, query.where)
    base = records.alias("b")
    compiler = Compiler(org_id)
    clauses = [base.c.org_id == org_id, base.c.module == query.module, compiler.node(where, base)]
    joins: dict[tuple[str, ...], Any] = {}
    from_: Any = base
    shown = [i.column for i in query.select if i.column]
    # A selected lookup shows its target's name: join the target too.
    shown += [Column(c.text, (*c.steps, c.field), c.field) for c in shown
              if c.field.data_type == "lookup" and c.field.lookup_module and c.field.lookup_module != "Users"]
    paths = shown + [o.column for o in query.order_by if o.column] + list(
        query.group_by)
    for column in paths:
        parent, module_alias = base, base
        for index, prefix in enumerate(column.prefixes):
            step = column.steps[index]
            if step.lookup_module == "Users":
                break
            if prefix not in joins:
                alias = records.alias(f"j{len(joins)}")
                link = raw(parent, step)
                from_ = from_.outerjoin(alias, sa.and_(alias.c.org_id == org_id,
                                                       alias.c.module == step.lookup_module,
                                                       sa.cast(alias.c.id, sa.String) == link))
                joins[prefix] = alias
            parent = module_alias = joins[prefix]
    del module_alias
    def table_of(column: Column) -> Any:
        if not column.steps:
            return base
        if column.steps[-1].lookup_module == "Users":
            return joins.get(column.prefixes[-2], base) if len(column.steps) > 1 else base
        return joins[column.prefixes[-1]]

    def expr_of(column: Column) -> Any:
        if column.steps and column.steps[-1].lookup_module == "Users":
            return raw(table_of(column), column.steps[-1])
        return raw(table_of(column), column.field)

    order: list[Any] = []
    if query.aggregated:
        group_exprs = [expr_of(c) for c in query.group_by]
        agg_exprs = []
        for item in query.select:
            if item.aggregate:
                inner = expr_of(item.aggregate.column)
                if item.aggregate.column.field.data_type in ("integer", "bigint", "double", "currency", "percent",
                                                             "decimal") and item.aggregate.function != "COUNT":
                    inner = sa.cast(inner, sa.Float)
                agg_exprs.append(getattr(sa.func, item.aggregate.function.lower())(inner))
        for item in query.order_by:
            if item.column is not None:
                e = sort_expr(table_of(item.column), item.column.field)
            else:
                e = getattr(sa.func, item.aggregate.function.lower())(expr_of(item.aggregate.column))  # type: ignore[union-attr]
            order.append(e.desc().nulls_last() if item.descending else e.asc().nulls_first())
        order += [e.asc().nulls_first() for e in group_exprs]
        stmt = sa.select(*group_exprs, *agg_exprs).select_from(from_).where(*clauses)
        if group_exprs:
            stmt = stmt.group_by(*group_exprs)
        stmt = stmt.order_by(*order).offset(query.offset).limit(query.limit + 1)
        out = []
        for row in conn.execute(stmt):
            values = list(row)
            out.append({"group": values[: len(group_exprs)], "agg": values[len(group_exprs):],
                        "value": values[0] if values else None})
        return out
    for item in query.order_by:
        assert item.column is not None
        e = sort_expr(table_of(item.column), item.column.field)
        order.append(e.desc().nulls_last() if item.descending else e.asc().nulls_first())
    order.append(Unindexed(base.c.id).asc())
    selected = [base.c.data, *(alias.c.data for alias in joins.values())]
    first = query.select[0].column
    value_expr = expr_of(first) if first is not None else base.c.id
    stmt = sa.select(*selected, value_expr.label("value")).select_from(from_).where(*clauses)
    stmt = stmt.order_by(*order).offset(query.offset).limit(query.limit + 1)
    prefixes = list(joins)
    rows = []
    for row in conn.execute(stmt):
        rows.append({"data": row[0], "joins": {p: row[1 + i] for i, p in enumerate(prefixes)}, "value": row[-1]})
    return rows


