"""Typed tree → SQLAlchemy expressions over the records table (spec 50 §3.4, §9.3).

Every condition runs in the database; nothing loads a module's records to filter them. A
column behind lookups (``Account_Name.Parent_Account.Account_Name``) becomes nested
``IN (SELECT id …)`` subqueries on the target module, so filters need no joins.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.query.fields import NUMBER, QField
from zcrm_local.domain.query.tree import Column, Logic, Node, Op, Pred
from zcrm_local.domain.query.values import SEPARATORS
from zcrm_local.store.engine import JsonArrayLength, JsonIsTrue, JsonText, WordsNorm
from zcrm_local.store.tables import records, users

_LIKE_ESCAPE = "\\"
_PHONE_NOISE = " -().+"


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def raw(table: Any, field: QField) -> Any:
    """The stored value as SQL text (or the system column)."""
    if field.kind == "id":
        return table.c.id
    if field.kind == "created":
        return table.c.created_time
    if field.kind == "modified":
        return table.c.modified_time
    if field.kind == "full_name":
        first, last = JsonText(table.c.data, "First_Name"), JsonText(table.c.data, "Last_Name")
        return sa.func.trim(cat(sa.func.coalesce(first, ""), " ", sa.func.coalesce(last, "")), type_=sa.String)
    return JsonText(table.c.data, field.api_name)


def cat(*parts: Any) -> Any:
    """String concatenation (``||`` on both stores)."""
    out = parts[0] if not isinstance(parts[0], str) else sa.literal(parts[0], sa.String)
    for part in parts[1:]:
        out = out.op("||", return_type=sa.String)(part)
    return out


def _words_norm(expr: Any) -> Any:
    """Lower case, separators to spaces, runs of spaces collapsed (up to 16 in a row)."""
    out = sa.func.lower(expr, type_=sa.String)
    for ch in SEPARATORS + "\t\n\r":
        out = sa.func.replace(out, ch, " ", type_=sa.String)
    for _ in range(4):
        out = sa.func.replace(out, "  ", " ", type_=sa.String)
    return out


def _digits(expr: Any) -> Any:
    out = expr
    for ch in _PHONE_NOISE:
        out = sa.func.replace(out, ch, "", type_=sa.String)
    return out


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


class Compiler:
    def __init__(self, org_id: int) -> None:
        self.org_id = org_id

    def node(self, node: Node, table: Any) -> Any:
        if isinstance(node, Logic):
            parts = [self.node(child, table) for child in node.children]
            return sa.and_(*parts) if node.op == "and" else sa.or_(*parts)
        return self.pred(node, table)

    def pred(self, pred: Pred, table: Any) -> Any:
        column = pred.column
        if column.steps:
            return self._through(pred, column, table)
        return self._on(pred, column.field, table)

    def _through(self, pred: Pred, column: Column, table: Any) -> Any:
        step, rest = column.steps[0], column.steps[1:]
        inner = Pred(Column(column.text, rest, column.field), pred.op, pred.values, pred.wildcard)
        link = raw(table, step) if step.kind != "owner" else JsonText(table.c.data, step.api_name)
        if step.lookup_module == "Users":
            target = users.alias()
            ids = sa.select(sa.cast(target.c.id, sa.String)).where(target.c.org_id == self.org_id,
                                                                    self._user_pred(inner, target))
        else:
            target = records.alias()
            ids = sa.select(sa.cast(target.c.id, sa.String)).where(
                target.c.org_id == self.org_id, target.c.module == step.lookup_module, self.pred(inner, target))
        found = link.in_(ids)
        if pred.op == Op.IS_NULL:
            return sa.or_(link.is_(None), found)
        return found

    def _user_pred(self, pred: Pred, table: Any) -> Any:
        name = pred.column.field.api_name
        if name == "id":
            expr: Any = sa.cast(table.c.id, sa.String)
        elif name == "email":
            expr = table.c.email
        else:
            expr = sa.func.trim(cat(sa.func.coalesce(table.c.first_name, ""), " ", table.c.last_name), type_=sa.String)
        if pred.op in (Op.IS_NULL, Op.NOT_NULL):
            empty = sa.or_(expr.is_(None), expr == "")
            return empty if pred.op == Op.IS_NULL else sa.not_(empty)
        return self._text(pred, expr)

    def _on(self, pred: Pred, field: QField, table: Any) -> Any:
        expr = raw(table, field)
        dtype = field.data_type
        if pred.op in (Op.IS_NULL, Op.NOT_NULL):
            empty = sa.or_(expr.is_(None), sa.cast(expr, sa.String) == "")
            return empty if pred.op == Op.IS_NULL else sa.not_(empty)
        if field.kind == "id":
            return self._ordered(pred, expr, [int(v) for v in pred.values])
        if field.kind in ("created", "modified"):
            return self._ordered(pred, expr, [_instant(v) for v in pred.values])
        if field.kind == "owner" and pred.op in (Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.NOT_EQUAL):
            return self._ordered(pred, table.c.owner_id, [int(v) for v in pred.values])
        if dtype == "boolean":
            truth = JsonIsTrue(table.c.data, field.api_name)
            want = bool(pred.values[0])
            hit = truth if want else sa.not_(truth)
            if pred.op == Op.EQ:
                return sa.and_(expr.is_not(None), hit)
            return sa.or_(expr.is_(None), sa.not_(hit))
        if dtype in NUMBER:
            return self._ordered(pred, sa.cast(expr, sa.Float), [float(Decimal(v)) for v in pred.values])
        if dtype in ("date", "datetime", "lookup", "ownerlookup", "userlookup"):
            return self._ordered(pred, expr, [str(v) for v in pred.values])
        if dtype == "multiselectpicklist":
            return self._multi(pred, expr, table)
        return self._text(pred, expr)

    def _ordered(self, pred: Pred, expr: Any, values: list[Any]) -> Any:
        op = pred.op
        if op == Op.EQ:
            return expr == values[0]
        if op == Op.NE:
            return expr != values[0]
        if op == Op.NOT_EQUAL:
            return sa.or_(expr.is_(None), expr != values[0])
        if op == Op.IN:
            return expr.in_(values)
        if op == Op.NOT_IN:
            return sa.and_(expr.is_not(None), expr.not_in(values))
        if op == Op.GT:
            return expr > values[0]
        if op == Op.GE:
            return expr >= values[0]
        if op == Op.LT:
            return expr < values[0]
        if op == Op.LE:
            return expr <= values[0]
        if op == Op.BETWEEN:
            return sa.and_(expr >= values[0], expr <= values[1])
        if op == Op.NOT_BETWEEN:
            return sa.or_(expr < values[0], expr > values[1])
        raise ValueError(f"operator {op} on an ordered column")

    def _text(self, pred: Pred, expr: Any) -> Any:
        op = pred.op
        lowered = sa.func.lower(expr, type_=sa.String)
        values = [str(v).lower() for v in pred.values]
        if op == Op.SAME_WORDS:
            return WordsNorm(expr) == values[0]
        if op == Op.WORDS:
            padded = cat(" ", _words_norm(expr), " ")
            tail = "%" if pred.wildcard and pred.wildcard[0] else " %"
            word_run = values[0].rstrip("*") if tail == "%" else values[0]
            return padded.like("% " + like_escape(word_run) + tail, escape=_LIKE_ESCAPE)
        if op == Op.DIGITS:
            return _digits(expr).like("%" + like_escape(values[0]) + "%", escape=_LIKE_ESCAPE)
        if op == Op.DIGITS_START:
            return _digits(expr).like(like_escape("".join(c for c in values[0] if c.isdigit())) + "%",
                                      escape=_LIKE_ESCAPE)
        if op == Op.STARTS:
            return lowered.like(like_escape(values[0]) + "%", escape=_LIKE_ESCAPE)
        if op == Op.ENDS:
            return lowered.like("%" + like_escape(values[0]), escape=_LIKE_ESCAPE)
        if op == Op.CONTAINS:
            return lowered.like("%" + like_escape(values[0]) + "%", escape=_LIKE_ESCAPE)
        if op == Op.NOT_CONTAINS:
            return sa.not_(lowered.like("%" + like_escape(values[0]) + "%", escape=_LIKE_ESCAPE))
        if op == Op.NOT_EQUAL:
            return sa.or_(expr.is_(None), lowered != values[0])
        if op == Op.NOT_IN:
            return sa.and_(expr.is_not(None), lowered.not_in(values))
        return self._ordered(pred, lowered, values)

    def _multi(self, pred: Pred, expr: Any, table: Any) -> Any:
        """A multi-select list is stored as a JSON array; one option matches as ``"value"``."""
        text = sa.func.lower(sa.cast(expr, sa.String))

        def has(value: str) -> Any:
            return text.like('%"' + like_escape(value.lower()) + '"%', escape=_LIKE_ESCAPE)

        values = [str(v) for v in pred.values]
        if pred.op in (Op.SAME_SET, Op.NOT_SAME_SET):
            wanted = list(dict.fromkeys(v.strip().lower() for v in values[0].split(";") if v.strip()))
            length = JsonArrayLength(table.c.data, pred.column.field.api_name)
            same = sa.and_(length == len(wanted), *(has(v) for v in wanted))
            return same if pred.op == Op.SAME_SET else sa.and_(expr.is_not(None), length > 0, sa.not_(same))
        if pred.op in (Op.EQ, Op.IN):
            if pred.op == Op.EQ and ";" in values[0]:
                return sa.and_(*(has(v) for v in values[0].split(";")))
            return sa.or_(*(has(v) for v in values))
        if pred.op == Op.STARTS:
            return text.like('%"' + like_escape(values[0].lower()) + "%", escape=_LIKE_ESCAPE)
        if pred.op == Op.NOT_EQUAL:
            return sa.or_(expr.is_(None), sa.not_(has(values[0])))
        return sa.and_(expr.is_not(None), sa.not_(sa.or_(*(has(v) for v in values))))


def sort_expr(table: Any, field: QField) -> Any:
    expr = raw(table, field)
    if field.data_type in NUMBER and field.kind == "body":
        return sa.cast(expr, sa.Float)
    if field.data_type in ("text", "email", "phone", "website", "picklist", "textarea", "autonumber"):
        return sa.func.lower(expr)
    return expr
