"""The search criteria language (spec 50 §3): text → the typed tree of ``tree``.

Parsing is Lark (LALR, contextual lexer); the size limits are checked on the raw text before
the parser runs, so a hostile string costs one linear scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.query import errors as qe
from zcrm_local.domain.query import values as qv
from zcrm_local.domain.query.fields import LOOKUP, NUMBER, PICK, TEXT, TIME, QField, name_field, query_fields
from zcrm_local.domain.query.tree import Column, Logic, Node, Op, Pred

GRAMMAR = r"""
?start: _WS? expr _WS?
?expr: chain | condition
chain: group (_WS? LOGIC _WS? group)*
group: "(" _WS? expr _WS? ")"
condition: NAME ":" OPNAME ":" VALUE?
NAME: /[A-Za-z_$][A-Za-z0-9_$]*/
OPNAME: /[A-Za-z_]+/
LOGIC: /and|or/i
VALUE: /(?:[^()\\]|\\.|\\$)+/s
_WS: / +/
"""

_PARSER = Lark(GRAMMAR, parser="lalr", lexer="contextual", maybe_placeholders=False)
# Anything this long is past every limit (10/15 conditions of bounded values) before parsing.
MAX_CRITERIA_CHARS = 20_000
_OPERATOR = re.compile(r":(?:equals|not_equal|starts_with|in|greater_than|greater_equal|less_than|"
                       r"less_equal|between):", re.IGNORECASE)


@dataclass(frozen=True)
class RawCondition:
    field: str
    operator: str
    value: str


@dataclass(frozen=True)
class RawLogic:
    op: str
    children: tuple[Any, ...]


@v_args(inline=True)
class _ToRaw(Transformer[Token, Any]):
    def condition(self, name: Token, op: Token, value: Token | None = None) -> RawCondition:
        return RawCondition(str(name), str(op), str(value) if value is not None else "")

    def group(self, inner: Any) -> Any:
        return inner

    def chain(self, *parts: Any) -> Any:
        groups = list(parts[0::2])
        logics = [str(t).lower() for t in parts[1::2]]
        if not logics:
            return groups[0]
        # ``and`` binds tighter than ``or`` when one level mixes both (spec 50 §3.1).
        ors: list[Any] = []
        run = [groups[0]]
        for logic, group in zip(logics, groups[1:], strict=True):
            if logic == "and":
                run.append(group)
            else:
                ors.append(run[0] if len(run) == 1 else RawLogic("and", tuple(run)))
                run = [group]
        ors.append(run[0] if len(run) == 1 else RawLogic("and", tuple(run)))
        return ors[0] if len(ors) == 1 else RawLogic("or", tuple(ors))


def _depth(text: str) -> int:
    deepest = depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    return deepest


def parse_raw(text: str, profile: str) -> Any:
    """Syntax and the condition count; raises the documented errors."""
    limit = qe.SEARCH_CONDITION_LIMIT["live" if profile == "live" else "documented"]
    if "\x00" in text or _depth(text) > qe.PAREN_DEPTH_LIMIT:
        raise qe.criteria_syntax(profile)
    if len(text) > MAX_CRITERIA_CHARS or len(_OPERATOR.findall(text)) > 4 * limit:
        raise qe.criteria_limit(limit)
    try:
        raw = _ToRaw().transform(_PARSER.parse(text))
    except LarkError:
        raise qe.criteria_syntax(profile) from None
    if len(conditions(raw)) > limit:
        raise qe.criteria_limit(limit)
    return raw


def conditions(raw: Any) -> list[RawCondition]:
    out: list[RawCondition] = []
    stack = [raw]
    while stack:
        node = stack.pop()
        if isinstance(node, RawCondition):
            out.append(node)
        else:
            stack.extend(reversed(node.children))
    return out


def _items(value: str, split: bool) -> list[str]:
    """Unescape ``\\(``, ``\\)``, ``\\,``, ``\\\\``, ``\\:``; split on bare commas when asked."""
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value) and value[i + 1] in "(),\\:":
            current.append(value[i + 1])
            i += 2
            continue
        if ch == "," and split:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current))
    return [item.strip(" ") for item in items]


_OPS = ("equals", "not_equal", "starts_with", "in", "greater_than", "greater_equal", "less_than",
        "less_equal", "between")
_RANGE = ("greater_than", "greater_equal", "less_than", "less_equal", "between")
_ALLOWED: dict[str, frozenset[str]] = {}
for _t in ("text", "email", "phone", "website", "multiselectpicklist"):
    _ALLOWED[_t] = frozenset({"equals", "not_equal", "starts_with", "in"})
_ALLOWED["textarea"] = frozenset({"equals", "not_equal", "starts_with"})
for _t in ("picklist", "autonumber", "lookup", "ownerlookup", "userlookup", "bigint_id"):
    _ALLOWED[_t] = frozenset({"equals", "not_equal", "in"})
for _t in (*NUMBER, *TIME):
    _ALLOWED[_t] = frozenset(_OPS) - {"starts_with"}
_ALLOWED["boolean"] = frozenset({"equals", "not_equal"})


class Resolver:
    """Field lookups for one module (and lookup targets, for names)."""

    def __init__(self, module: ModuleSpec, modules: Any) -> None:
        self.module = module
        self.modules = modules  # api_name → ModuleSpec | None

    def field(self, name: str) -> QField | None:
        return query_fields(self.module).get(name.lower())


def build(text: str, module: ModuleSpec, modules: Any, profile: str, time_zone: str) -> Node:
    """Parse, then check every condition in reading order (spec 50 §3.6) into the typed tree."""
    raw = parse_raw(text, profile)
    return _typed(raw, module, modules, profile, time_zone)


def _typed(raw: Any, module: ModuleSpec, modules: Any, profile: str, tz: str) -> Node:
    if isinstance(raw, RawLogic):
        return Logic(raw.op, tuple(_typed(c, module, modules, profile, tz) for c in raw.children))
    return condition(raw, module, modules, profile, tz)


def condition(raw: RawCondition, module: ModuleSpec, modules: Any, profile: str, tz: str) -> Node:
    fields = query_fields(module)
    qfield = fields.get(raw.field.lower()) if raw.field == raw.field.strip() else None
    if qfield is None or qfield.data_type not in _ALLOWED and qfield.kind != "id":
        raise qe.not_searchable(raw.field, profile)
    kind = "bigint_id" if qfield.kind == "id" else qfield.data_type
    op = raw.operator.lower()
    if op not in _ALLOWED[kind]:
        raise qe.bad_operator(raw.operator, qfield.api_name, profile)
    items = _items(raw.value, split=op in ("in", "between"))
    if op == "in" and len(items) > qe.IN_VALUES_LIMIT:
        raise qe.too_many_in(qfield.api_name)
    if op == "between" and len(items) != 2:
        raise qe.bad_value(qfield.data_type, qfield.api_name, raw.value, profile)
    column = Column(qfield.api_name, (), qfield)
    if kind == "bigint_id":
        return _ids(column, op, items, profile)
    if kind in LOOKUP:
        return _lookup(column, op, items, modules, profile)
    if kind in TEXT or kind in PICK or kind == "multiselectpicklist":
        return _text(column, op, items, profile)
    if kind == "boolean":
        return Pred(column, Op.EQ if op == "equals" else Op.NOT_EQUAL, (_boolean(column, items[0], profile),))
    return _ordered(column, op, items, profile, tz)


def _ids(column: Column, op: str, items: list[str], profile: str) -> Node:
    ids = []
    for item in items:
        if not item.isdigit() or len(item) > 19:
            raise qe.bad_value("bigint", column.field.api_name, item, profile)
        ids.append(int(item))
    return Pred(column, {"equals": Op.EQ, "not_equal": Op.NOT_EQUAL, "in": Op.IN}[op], tuple(ids))


def _lookup(column: Column, op: str, items: list[str], modules: Any, profile: str) -> Node:
    if all(item.isdigit() and len(item) <= 19 for item in items):
        return Pred(column, {"equals": Op.EQ, "not_equal": Op.NOT_EQUAL, "in": Op.IN}[op],
                    tuple(str(int(i)) for i in items))
    # A display name: compared with the target's name by the text rules (spec 50 §3.4).
    target = column.field.lookup_module
    name: QField | None
    if target == "Users":
        name = QField("name", "text", "user_name")
    else:
        spec = modules(target) if target else None
        name = name_field(spec) if spec is not None else None
    if name is None:
        raise qe.bad_value(column.field.data_type, column.field.api_name, items[0], profile)
    joined = Column(column.text, (column.field,), name)
    return _text(joined, op, items, profile)


def _text(column: Column, op: str, items: list[str], profile: str) -> Node:
    dtype = column.field.data_type
    exact = dtype in PICK or dtype == "autonumber"
    if op == "not_equal":
        return Pred(column, Op.NOT_EQUAL, (items[0],))
    if op == "starts_with":
        return Pred(column, Op.DIGITS_START if dtype == "phone" else Op.STARTS, (items[0],))
    if exact or dtype == "multiselectpicklist":
        return Pred(column, Op.EQ if op == "equals" else Op.IN, tuple(items))
    preds: list[Node] = []
    for item in items:
        if item.count("*") > 1:
            raise qe.wildcards(column.field.api_name)
        if dtype == "phone":
            preds.append(Pred(column, Op.DIGITS, (qv.digits(item),)))
            continue
        words = qv.words(item)
        wildcard = item.endswith("*") and bool(words)
        preds.append(Pred(column, Op(qv.words_pred_op(dtype, item)), (" ".join(words),), (wildcard,)))
    return preds[0] if len(preds) == 1 else Logic("or", tuple(preds))


def _boolean(column: Column, item: str, profile: str) -> bool:
    lowered = item.lower()
    if lowered not in ("true", "false"):
        raise qe.bad_value("boolean", column.field.api_name, item, profile)
    return lowered == "true"


_RANGE_OPS = {"greater_than": Op.GT, "greater_equal": Op.GE, "less_than": Op.LT, "less_equal": Op.LE}


def _ordered(column: Column, op: str, items: list[str], profile: str, tz: str) -> Node:
    dtype = column.field.data_type
    parsed: list[Any] = []
    for item in items:
        value = qv.search_value(dtype, item, tz)
        if value is None:
            raise qe.bad_value(dtype, column.field.api_name, item, profile)
        parsed.append(value)
    if dtype == "datetime":
        return _datetime(column, op, parsed)
    if op == "equals":
        return Pred(column, Op.EQ, (parsed[0],))
    if op == "not_equal":
        return Pred(column, Op.NOT_EQUAL, (parsed[0],))
    if op == "in":
        return Pred(column, Op.IN, tuple(parsed))
    if op == "between":
        return Pred(column, Op.BETWEEN, tuple(parsed))
    return Pred(column, _RANGE_OPS[op], (parsed[0],))


def _datetime(column: Column, op: str, parsed: list[tuple[str, str]]) -> Node:
    """Each value is a (first, last) instant pair: equal for a date-time, a day for a date."""
    if op == "equals":
        return Pred(column, Op.BETWEEN, parsed[0])
    if op == "not_equal":
        return Pred(column, Op.NOT_BETWEEN, parsed[0])
    if op == "in":
        return Logic("or", tuple(Pred(column, Op.BETWEEN, p) for p in parsed)) if len(parsed) > 1 \
            else Pred(column, Op.BETWEEN, parsed[0])
    if op == "between":
        return Pred(column, Op.BETWEEN, (parsed[0][0], parsed[1][1]))
    first, last = parsed[0]
    bound = {"greater_than": last, "greater_equal": first, "less_than": first, "less_equal": last}[op]
    return Pred(column, _RANGE_OPS[op], (bound,))
