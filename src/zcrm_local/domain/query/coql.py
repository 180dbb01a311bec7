"""COQL semantics (spec 50 §9, §11): a raw statement → the typed ``Query``, checked in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.query import errors as qe
from zcrm_local.domain.query import values as qv
from zcrm_local.domain.query.coql_parse import RawAggregate, RawColumn, RawLiteral, RawLogic, RawPredicate, RawQuery
from zcrm_local.domain.query.fields import LOOKUP, NUMBER, PICK, TEXT, QField, query_fields
from zcrm_local.domain.query.tree import Aggregate, Column, Logic, Node, Op, OrderItem, Pred, Query, SelectItem, walk

MAX_LIMIT, MAX_WINDOW, MAX_SELECT, MAX_CRITERIA = 2000, 100_000, 500, 25
MAX_ORDER, MAX_GROUP, MAX_AGGREGATES, MAX_DEPTH, MAX_SUBQUERIES = 10, 4, 5, 2, 5
MAX_BASE_JOINS, MAX_SELECT_JOINS = 5, 15
AGGREGATES = ("COUNT", "SUM", "MIN", "MAX", "AVG")
UNSUPPORTED_TYPES = frozenset({"multiselectlookup", "multiuserlookup", "fileupload", "imageupload", "subform",
                               "time_range", "multi_date"})
USER_FIELDS = {"id": "bigint", "first_name": "text", "last_name": "text", "email": "email", "name": "text"}
_ORDERED = NUMBER | {"date", "datetime", "bigint"}
_CMP = {"=": Op.EQ, "!=": Op.NE, ">": Op.GT, ">=": Op.GE, "<": Op.LT, "<=": Op.LE}

Modules = Callable[[str], ModuleSpec | None]


def resolve_module(name: str, modules: Modules) -> ModuleSpec:
    spec = modules(name)
    if spec is None or not spec.api_supported:
        raise ZohoError(ErrorCode.INVALID_MODULE, "the given module is not supported in api", {})
    return spec


class Checker:
    def __init__(self, modules: Modules, lookup: Modules) -> None:
        self.modules = modules      # case-insensitive path resolution (base modules)
        self.lookup = lookup        # exact API names (lookup targets)
        self.subqueries: list[RawQuery] = []

    def check(self, raw: RawQuery) -> Query:
        module = resolve_module(raw.module, self.modules)
        if raw.cvid is not None:
            raise qe.invalid_query({"cvid": raw.cvid})
        select = self._select(raw, module)
        where = self._where(raw.where, module)
        group_by = self._group(raw, module, select)
        order_by = self._order(raw, module, select)
        _base_joins(where, group_by, order_by)
        limit, offset = self._window(raw)
        return Query(module.api_name, select, where, group_by, order_by, limit, offset)

    # ---- columns -------------------------------------------------------------------------
    def column(self, raw: RawColumn, module: ModuleSpec, clause: str) -> Column:
        steps = list(raw.steps)
        if steps and steps[0].startswith("!"):
            if steps[0][1:].lower() != module.api_name.lower() or len(steps) < 2:
                raise qe.invalid_column(raw.text, clause)
            steps = steps[1:]
        if len(steps) - 1 > MAX_DEPTH:
            raise qe.limit_exceeded({"clause": "join", "limit": MAX_DEPTH})
        walked: list[QField] = []
        current: ModuleSpec | None = module
        users = False
        for index, name in enumerate(steps):
            last = index == len(steps) - 1
            if users:
                kind = USER_FIELDS.get(name.lower())
                if kind is None or not last:
                    raise qe.invalid_column(raw.text, clause)
                return Column(raw.text, tuple(walked), QField(name.lower(), kind, "user"))
            assert current is not None
            field = query_fields(current).get(name.lower())
            if field is None:
                raise qe.invalid_column(raw.text, clause)
            if field.data_type in UNSUPPORTED_TYPES:
                raise qe.type_not_supported(field.api_name, field.data_type)
            if last:
                return Column(raw.text, tuple(walked), field)
            if field.data_type not in LOOKUP or field.lookup_module is None:
                raise qe.invalid_column(raw.text, clause)
            walked.append(field)
            if field.lookup_module == "Users":
                users, current = True, None
            else:
                current = self.lookup(field.lookup_module)
                if current is None:
                    raise qe.invalid_column(raw.text, clause)
        raise qe.invalid_column(raw.text, clause)  # pragma: no cover - a path has a last step

    # ---- select --------------------------------------------------------------------------
    def _select(self, raw: RawQuery, module: ModuleSpec) -> tuple[SelectItem, ...]:
        if len(raw.select) > MAX_SELECT:
            raise qe.limit_exceeded({"clause": "select", "limit": MAX_SELECT})
        items: list[SelectItem] = []
        seen: set[str] = set()
        seen_aggs: set[tuple[str, str]] = set()
        aliases: dict[str, str] = {}
        for item in raw.select:
            target = item.target
            if isinstance(target, RawAggregate):
                aggregate = self._aggregate(target, module)
                pair = (aggregate.function, aggregate.column.field.api_name.lower())
                if pair in seen_aggs:
                    raise ZohoError(ErrorCode.DUPLICATE_DATA, "duplicate aggregate function",
                                    {"column_name": aggregate.column.field.api_name,
                                     "aggregate": aggregate.function})
                seen_aggs.add(pair)
                text, column = target.text, None
            else:
                column = self.column(target, module, "select")
                text, aggregate = target.text, None
                if text.lower() in seen:
                    raise ZohoError(ErrorCode.DUPLICATE_DATA, "duplicate select column", {"column_name": text})
                seen.add(text.lower())
            if item.alias is not None:
                if item.alias == "":
                    raise ZohoError(ErrorCode.INVALID_ALIAS, "alias name cannot be an empty string",
                                    {"column_name": text, "alias": ""})
                if item.alias.lower() in aliases:
                    raise ZohoError(ErrorCode.DUPLICATE_ALIAS, "same alias cannot refer more than one column",
                                    {"referred_columns": [aliases[item.alias.lower()], text], "alias": item.alias})
                aliases[item.alias.lower()] = text
            items.append(SelectItem(item.alias or text, column, aggregate))
        for item in raw.select:
            if item.alias and item.alias.lower() in seen and not isinstance(item.target, RawAggregate) \
                    and item.target.text.lower() != item.alias.lower():
                raise qe.coql_query("column name or property name given in select columns without alias name "
                                    "cannot be an alias name for other select columns",
                                    {"column_name": item.target.text, "alias": item.alias})
        if sum(1 for i in items if i.aggregate) > MAX_AGGREGATES:
            raise qe.limit_exceeded({"clause": "aggregate", "limit": MAX_AGGREGATES})
        prefixes = {p for i in items if i.column for p in i.column.prefixes}
        if len(prefixes) > MAX_SELECT_JOINS:
            raise qe.limit_exceeded({"clause": "join", "limit": MAX_SELECT_JOINS})
        return tuple(items)

    def _aggregate(self, raw: RawAggregate, module: ModuleSpec) -> Aggregate:
        if raw.function not in AGGREGATES or raw.column is None:
            raise ZohoError(ErrorCode.INVALID_DATA, "invalid data",
                            {"reason": "unsupported aggregate function", "column": raw.text})
        column = self.column(raw.column, module, "select")
        dtype = column.field.data_type
        allowed = {"COUNT": NUMBER | LOOKUP | PICK | {"bigint"}, "SUM": NUMBER, "AVG": NUMBER,
                   "MIN": NUMBER | {"date", "datetime"}, "MAX": NUMBER | {"date", "datetime"}}[raw.function]
        if dtype not in allowed:
            raise qe.type_not_supported(column.field.api_name, dtype)
        return Aggregate(raw.function, column)

    # ---- where ---------------------------------------------------------------------------
    def _where(self, raw: Any, module: ModuleSpec) -> Node:
        predicates: list[RawPredicate] = []
        stack = [raw]
        while stack:
            node = stack.pop()
            if isinstance(node, RawLogic):
                stack.extend(node.children)
            else:
                predicates.append(node)
        if len(predicates) > MAX_CRITERIA:
            raise qe.limit_exceeded({"clause": "where", "limit": MAX_CRITERIA})
        return self._node(raw, module)

    def _node(self, raw: Any, module: ModuleSpec) -> Node:
        if isinstance(raw, RawLogic):
            return Logic(raw.op, tuple(self._node(c, module) for c in raw.children))
        return self._predicate(raw, module)

    def _predicate(self, raw: RawPredicate, module: ModuleSpec) -> Node:
        column = self.column(raw.column, module, "where")
        field = column.field
        dtype = "bigint" if field.kind == "id" else field.data_type
        op_text = _op_text(raw)
        if field.is_textarea or dtype in ("territory",):
            value = raw.values[0].text if raw.values else ("${EMPTY}" if raw.op == "null" else "")
            operator = op_text if raw.op != "null" else ("!=" if raw.negated else "=")
            raise qe.coql_query("unsupported column in criteria", {"cv_criteria": False, "column_name": field.api_name,
                                                                    "value": value, "operator": operator})
        if raw.op == "null":
            return Pred(column, Op.NOT_NULL if raw.negated else Op.IS_NULL)
        op = self._operator(raw, column, dtype, op_text)
        if raw.op == "in" and len(raw.values) > qe.IN_VALUES_LIMIT:
            raise qe.limit_exceeded({"clause": "where", "limit": qe.IN_VALUES_LIMIT, "column_name": raw.column.text})
        if raw.subquery is not None:
            if len(self.subqueries) >= MAX_SUBQUERIES:
                raise qe.limit_exceeded({"clause": "subquery", "limit": MAX_SUBQUERIES})
            sequence = len(self.subqueries)
            self.subqueries.append(raw.subquery)
            sub = self.check(raw.subquery)
            if len(sub.select) != 1:
                raise qe.coql_query("subquery should contains only one column",
                                    {"sub_query_sequence": sequence,
                                     "column_name": [item.key for item in sub.select]})
            return Pred(column, op, (), (), sub, sequence)
        if raw.op == "like":
            return _like(column, raw, op_text)
        values = tuple(literal(column, v) for v in raw.values)
        return Pred(column, op, values)

    def _operator(self, raw: RawPredicate, column: Column, dtype: str, op_text: str) -> Op:
        name = column.field.api_name
        if raw.op == "between":
            op = Op.NOT_BETWEEN if raw.negated else Op.BETWEEN
        elif raw.op == "in":
            op = Op.NOT_IN if raw.negated else Op.IN
        elif raw.op == "like":
            op = Op.NOT_CONTAINS if raw.negated else Op.CONTAINS
        else:
            op = _CMP[raw.op]
        if dtype == "boolean":
            ok = op == Op.EQ
        elif dtype in _ORDERED:
            ok = op not in (Op.CONTAINS, Op.NOT_CONTAINS)
        elif dtype in LOOKUP or dtype == "multiselectpicklist" or column.field.kind == "user":
            ok = op in (Op.EQ, Op.NE, Op.IN, Op.NOT_IN)
        else:
            ok = op in (Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.CONTAINS, Op.NOT_CONTAINS)
        if not ok:
            raise qe.coql_bad_operator(name, op_text)
        if dtype == "multiselectpicklist" and op in (Op.EQ, Op.NE):
            return Op.SAME_SET if op == Op.EQ else Op.NOT_SAME_SET
        return op

    # ---- group, order, window ------------------------------------------------------------
    def _group(self, raw: RawQuery, module: ModuleSpec, select: tuple[SelectItem, ...]) -> tuple[Column, ...]:
        if len(raw.group_by) > MAX_GROUP:
            raise qe.limit_exceeded({"clause": "group by", "limit": MAX_GROUP})
        columns: list[Column] = []
        for item in raw.group_by:
            column = self.column(item, module, "group by")
            if any(c.text.lower() == column.text.lower() for c in columns):
                raise ZohoError(ErrorCode.DUPLICATE_DATA, "duplicate group by column", {"column_name": column.text})
            columns.append(column)
        aggregated = bool(columns) or any(i.aggregate for i in select)
        if aggregated:
            grouped = {c.text.lower() for c in columns}
            for item in select:
                if item.column is not None and item.column.text.lower() not in grouped:
                    raise qe.invalid_query({"reason": "column not in group by", "column_name": item.column.text})
        return tuple(columns)

    def _order(self, raw: RawQuery, module: ModuleSpec, select: tuple[SelectItem, ...]) -> tuple[OrderItem, ...]:
        if len(raw.order_by) > MAX_ORDER:
            raise qe.limit_exceeded({"clause": "order by", "limit": MAX_ORDER})
        out: list[OrderItem] = []
        seen: set[str] = set()
        by_alias = {i.key.lower(): i for i in select}
        for target, descending in raw.order_by:
            text = target.text.lower()
            if text in seen:
                raise ZohoError(ErrorCode.DUPLICATE_DATA, "duplicate order by column", {"column_name": target.text})
            seen.add(text)
            if isinstance(target, RawAggregate):
                out.append(OrderItem(descending, aggregate=self._aggregate(target, module)))
            elif text in by_alias and not by_alias[text].column is None:
                out.append(OrderItem(descending, column=by_alias[text].column))
            elif text in by_alias:
                out.append(OrderItem(descending, aggregate=by_alias[text].aggregate))
            else:
                out.append(OrderItem(descending, column=self.column(target, module, "order by")))
        return tuple(out)

    def _window(self, raw: RawQuery) -> tuple[int, int]:
        limit, offset = 200, 0
        if raw.limit is not None:
            if not raw.limit.isdigit():
                raise qe.coql_query("limit given seems to be invalid", {"limit": raw.limit})
            limit = int(raw.limit)
        if raw.offset is not None:
            if not raw.offset.isdigit():
                raise qe.coql_query("offset given seems to be invalid", {"offset": raw.offset})
            offset = int(raw.offset)
        if limit == 0:
            raise ZohoError(ErrorCode.INVALID_DATA, "limit should be greater than 0", {})
        if limit > MAX_LIMIT:
            raise qe.limit_exceeded({"clause": "limit", "limit": MAX_LIMIT})
        if limit + offset > MAX_WINDOW:
            raise qe.limit_exceeded({"limit": MAX_WINDOW}, "Max records limit exceeded")
        return limit, offset


def _op_text(raw: RawPredicate) -> str:
    if raw.op in ("between", "in", "like"):
        return ("not " if raw.negated else "") + raw.op
    return raw.op


def _like(column: Column, raw: RawPredicate, op_text: str) -> Pred:
    pattern = raw.values[0].text
    starts, ends = pattern.startswith("%"), pattern.endswith("%") and len(pattern) > 1
    inner = pattern[1 if starts else 0: len(pattern) - (1 if ends else 0)]
    if "%" in inner or (raw.negated and not (starts and ends)):
        raise qe.coql_bad_operator(column.field.api_name, op_text)
    if raw.negated:
        return Pred(column, Op.NOT_CONTAINS, (inner,))
    op = Op.CONTAINS if starts and ends else Op.ENDS if starts else Op.STARTS if ends else Op.EQ
    return Pred(column, op, (inner,))


def literal(column: Column, raw: RawLiteral) -> Any:
    """A COQL literal → storage form for the column, or the value error of §9.2."""
    field = column.field
    dtype = "bigint" if field.kind == "id" else field.data_type
    text = raw.text
    bad = qe.coql_bad_value(dtype, field.api_name)
    if field.kind == "user":
        return text
    if dtype in TEXT or dtype in PICK or dtype == "multiselectpicklist":
        return text
    if dtype == "boolean":
        if text.lower() not in ("true", "false"):
            raise bad
        return text.lower() == "true"
    if dtype in LOOKUP or dtype == "bigint":
        if not text.isdigit() or len(text) > 19:
            raise bad
        return str(int(text))
    if dtype in NUMBER:
        number = qv.number(text, integer=dtype == "integer")
        if number is None:
            raise bad
        return number
    if dtype == "date":
        value = qv.date(text)
    elif dtype == "datetime":
        value = qv.instant(text)
    else:
        value = None
    if value is None:
        raise bad
    return value


def _base_joins(where: Node, group_by: tuple[Column, ...], order_by: tuple[OrderItem, ...]) -> None:
    """Lookup paths outside the SELECT list (spec 50 §9.4): at most 5 distinct, each prefix one join."""
    columns = [p.column for p in walk(where)] + list(group_by) + [o.column for o in order_by if o.column]
    joins = {prefix for column in columns for prefix in column.prefixes}
    if len(joins) > MAX_BASE_JOINS:
        raise qe.limit_exceeded({"clause": "join", "limit": MAX_BASE_JOINS})
