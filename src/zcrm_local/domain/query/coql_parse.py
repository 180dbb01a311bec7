"""COQL text → a raw statement (spec 50 §8): Lark LALR with a contextual lexer.

Syntax only; names are resolved by ``coql``. Pre-checks on the whole text (statement kind,
balanced quotes and parentheses, nesting depth) run before the parser, as §8.2 orders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from zcrm_local.domain.query import errors as qe

GRAMMAR = r"""
query: SELECT select_list FROM module_ref [WHERE condition] [group_by] [order_by] [limit]
select_list: select_item ("," select_item)*
select_item: target [AS? alias]
?target: column | aggregate
aggregate: NAME "(" (column | STAR) ")"
alias: STRING | NAME
module_ref: NAME ("#" NUMBER)?
column: path | STRING
path: (BANG NAME ".")? step ("." step)*
step: NAME (ARROW NAME)?
condition: term ((AND | OR) term)?
term: "(" condition ")"
    | predicate
    | NOT term -> negated
predicate: column cmp rhs                                  -> compare
         | column NOT? BETWEEN bound AND bound             -> between
         | column NOT? IN "(" (value_list | query) ")"     -> in_list
         | column NOT? LIKE STRING                         -> like
         | column IS NOT? NULL                             -> null
cmp: CMP | BADOP | ILIKE
rhs: value | "(" query ")"
bound: value | "(" query ")"
value_list: value ("," value)*
value: STRING | NUMBER | NAME
group_by: GROUP BY column ("," column)*
order_by: ORDER BY order_item ("," order_item)*
order_item: target (ASC | DESC)?
limit: LIMIT limit_value (OFFSET limit_value)?
     | LIMIT limit_value "," limit_value   -> limit_comma
limit_value: NUMBER | STRING | NAME

SELECT: "select"i
FROM: "from"i
WHERE: "where"i
AND: "and"i
OR: "or"i
NOT: "not"i
IN: "in"i
LIKE: "like"i
ILIKE: "ilike"i
BETWEEN: "between"i
IS: "is"i
NULL: "null"i
GROUP: "group"i
ORDER: "order"i
BY: "by"i
ASC: "asc"i
DESC: "desc"i
LIMIT: "limit"i
OFFSET: "offset"i
AS: "as"i
CMP: "!=" | ">=" | "<=" | "=" | ">" | "<"
BADOP.2: "<>"
BANG: "!"
ARROW: "->"
STAR: "*"
NAME: /[A-Za-z_][A-Za-z0-9_]*/
NUMBER: /-?[0-9]+(\.[0-9]+)?/
STRING: /'(?:[^'\\]|\\.|'')*'/ | /"(?:[^"\\]|\\.|"")*"/
%ignore /[ \t\n\r]+/
"""

_PARSER = Lark(GRAMMAR, start="query", parser="lalr", lexer="contextual", propagate_positions=True)

KEYWORDS = frozenset({"select", "from", "where", "and", "or", "not", "in", "like", "between", "is", "null",
                      "group", "order", "by", "asc", "desc", "limit", "offset", "as", "true", "false"})
RESERVED = KEYWORDS | frozenset(
    "all any case cast check column create cross current default delete distinct drop else end exists "
    "external for foreign full having inner insert intersect into join left natural on outer primary "
    "references right set table then union unique update using values when with".split())
MAX_QUERY_CHARS = 100_000


@dataclass(frozen=True)
class RawColumn:
    text: str              # as written, without quotes
    steps: tuple[str, ...]  # dot-separated names (``What_Id->Leads`` kept as one step)
    quoted: bool
    token: Token


@dataclass(frozen=True)
class RawAggregate:
    function: str
    column: RawColumn | None  # None for ``*``
    text: str


@dataclass(frozen=True)
class RawLiteral:
    kind: str   # string | number | bare
    text: str


@dataclass(frozen=True)
class RawPredicate:
    column: RawColumn
    op: str                      # = != > >= < <= between in like null
    negated: bool = False
    values: tuple[RawLiteral, ...] = ()
    subquery: RawQuery | None = None


@dataclass(frozen=True)
class RawLogic:
    op: str
    children: tuple[Any, ...]


@dataclass(frozen=True)
class RawSelectItem:
    target: RawColumn | RawAggregate
    alias: str | None


@dataclass(frozen=True)
class RawQuery:
    select: tuple[RawSelectItem, ...]
    module: str
    cvid: str | None
    where: Any
    group_by: tuple[RawColumn, ...] = ()
    order_by: tuple[tuple[RawColumn | RawAggregate, bool], ...] = ()
    limit: str | None = None
    offset: str | None = None
    subqueries: list[RawQuery] = field(default_factory=list)


def _unquote(token: str) -> str:
    quote = token[0]
    body = token[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(body[i + 1])
            i += 2
        elif ch == quote and i + 1 < len(body) and body[i + 1] == quote:
            out.append(quote)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class _ToRaw(Transformer[Token, Any]):
    def __init__(self) -> None:
        super().__init__()
        self.subqueries: list[RawQuery] = []

    @v_args(inline=True)
    def step(self, name: Token, arrow: Token | None = None, module: Token | None = None) -> Token:
        return name.update(value=f"{name}->{module}") if arrow is not None else name

    def path(self, items: list[Any]) -> tuple[tuple[str, ...], Token | None]:
        if items and isinstance(items[0], Token) and items[0].type == "BANG":
            return ("!" + str(items[1]), *items[2:]), items[1]
        return tuple(items), None

    def column(self, items: list[Any]) -> RawColumn:
        (item,) = items
        if isinstance(item, Token):  # a quoted column
            text = _unquote(item)
            return RawColumn(text, tuple(text.split(".")), True, item)
        steps, _ = item
        first = steps[0] if isinstance(steps[0], Token) else steps[1]
        return RawColumn(".".join(str(s) for s in steps), tuple(str(s) for s in steps), False, first)

    def aggregate(self, items: list[Any]) -> RawAggregate:
        name, arg = items
        column = arg if isinstance(arg, RawColumn) else None
        inner = column.text if column else "*"
        return RawAggregate(str(name), column, f"{name}({inner})")

    def alias(self, items: list[Any]) -> str:
        token = items[0]
        return _unquote(token) if token.type == "STRING" else str(token)

    def select_item(self, items: list[Any]) -> RawSelectItem:
        target = items[0]
        alias = items[-1] if len(items) > 1 and isinstance(items[-1], str) and not isinstance(items[-1], Token) \
            else None
        return RawSelectItem(target, alias)

    def select_list(self, items: list[Any]) -> tuple[RawSelectItem, ...]:
        return tuple(items)

    def module_ref(self, items: list[Any]) -> tuple[str, str | None]:
        return str(items[0]), (str(items[1]) if len(items) > 1 else None)

    def value(self, items: list[Any]) -> RawLiteral:
        token = items[0]
        if token.type == "STRING":
            return RawLiteral("string", _unquote(token))
        return RawLiteral("number" if token.type == "NUMBER" else "bare", str(token))

    def value_list(self, items: list[Any]) -> tuple[RawLiteral, ...]:
        return tuple(items)

    def rhs(self, items: list[Any]) -> Any:
        return items[0]

    bound = rhs

    def cmp(self, items: list[Any]) -> str:
        token = items[0]
        if token.type in ("BADOP", "ILIKE"):
            raise qe.syntax("operator not supported", {"operator": str(token)})
        return str(token)

    def _sub(self, item: Any) -> tuple[tuple[RawLiteral, ...], RawQuery | None]:
        if isinstance(item, RawQuery):
            return (), item
        if isinstance(item, RawLiteral):
            return (item,), None
        return tuple(item), None

    def compare(self, items: list[Any]) -> RawPredicate:
        column, op, rhs = items
        values, sub = self._sub(rhs)
        return RawPredicate(column, op, False, values, sub)

    def between(self, items: list[Any]) -> RawPredicate:
        negated = any(isinstance(t, Token) and t.type == "NOT" for t in items)
        column = items[0]
        bounds = [i for i in items if isinstance(i, (RawLiteral, RawQuery))]
        sub = next((b for b in bounds if isinstance(b, RawQuery)), None)
        literals = tuple(b for b in bounds if isinstance(b, RawLiteral))
        return RawPredicate(column, "between", negated, literals, sub)

    def in_list(self, items: list[Any]) -> RawPredicate:
        negated = any(isinstance(t, Token) and t.type == "NOT" for t in items)
        values, sub = self._sub(items[-1])
        return RawPredicate(items[0], "in", negated, values, sub)

    def like(self, items: list[Any]) -> RawPredicate:
        negated = any(isinstance(t, Token) and t.type == "NOT" for t in items)
        return RawPredicate(items[0], "like", negated, (RawLiteral("string", _unquote(items[-1])),))

    def null(self, items: list[Any]) -> RawPredicate:
        negated = any(isinstance(t, Token) and t.type == "NOT" for t in items)
        return RawPredicate(items[0], "null", negated)

    def negated(self, items: list[Any]) -> Any:
        raise qe.syntax("operator not supported", {"operator": "not"})

    def term(self, items: list[Any]) -> Any:
        return items[0]

    def condition(self, items: list[Any]) -> Any:
        if len(items) == 1:
            return items[0]
        return RawLogic(str(items[1]).lower(), (items[0], items[2]))

    def group_by(self, items: list[Any]) -> tuple[RawColumn, ...]:
        return tuple(i for i in items if isinstance(i, RawColumn))

    def order_item(self, items: list[Any]) -> tuple[Any, bool]:
        descending = len(items) > 1 and str(items[1]).lower() == "desc"
        return items[0], descending

    def order_by(self, items: list[Any]) -> tuple[Any, ...]:
        return tuple(i for i in items if isinstance(i, tuple))

    def limit_value(self, items: list[Any]) -> str:
        token = items[0]
        return _unquote(token) if token.type == "STRING" else str(token)

    def limit(self, items: list[Any]) -> tuple[str, str | None]:
        values = [i for i in items if isinstance(i, str) and not isinstance(i, Token)]
        return values[0], (values[1] if len(values) > 1 else None)

    def limit_comma(self, items: list[Any]) -> tuple[str, str | None]:
        values = [i for i in items if isinstance(i, str) and not isinstance(i, Token)]
        return values[1], values[0]  # ``limit offset, count``

    def query(self, items: list[Any]) -> RawQuery:
        select, module_ref = items[1], items[3]
        where = items[5] if len(items) > 5 else None
        group_by, order_by, window = (), (), (None, None)
        for part in items[6:]:
            if part is None:
                continue
            if isinstance(part, tuple) and part and isinstance(part[0], RawColumn):
                group_by = part
            elif isinstance(part, tuple) and len(part) == 2 and (part[1] is None or isinstance(part[1], str)) \
                    and isinstance(part[0], str):
                window = part
            elif isinstance(part, tuple):
                order_by = part
        raw = RawQuery(select, module_ref[0], module_ref[1], where, group_by, order_by, window[0], window[1])
        return raw


def _prechecks(text: str) -> None:
    stripped = text.strip()
    if not re.match(r"select\b", stripped, re.IGNORECASE):
        raise qe.syntax("given coql query not supported")
    depth = deepest = 0
    quote: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
            if depth < 0:
                break
        i += 1
    if quote or depth != 0 or deepest > qe.PAREN_DEPTH_LIMIT:
        raise qe.syntax(qe.PARSING_TOO_LONG)
    if not re.search(r"\bfrom\b", text, re.IGNORECASE):
        raise qe.syntax("missing clause", {"clause": "from"})


def parse(text: str) -> RawQuery:
    if len(text) > MAX_QUERY_CHARS or "\x00" in text:
        raise qe.syntax(qe.PARSING_TOO_LONG)
    _prechecks(text)
    try:
        tree = _PARSER.parse(text)
    except UnexpectedEOF:
        raise _premature(text) from None
    except UnexpectedToken as exc:
        if exc.token.type == "$END":
            raise _premature(text) from None
        raise _token_error(exc.token) from None
    except UnexpectedCharacters as exc:
        raise qe.unexpected(exc.line, exc.column, text[exc.pos_in_stream:exc.pos_in_stream + 1]) from None
    except UnexpectedInput:  # pragma: no cover - the three above are all Lark raises
        raise qe.syntax("error occured while parsing the query", {}) from None
    transformer = _ToRaw()
    try:
        raw = transformer.transform(tree)
    except Exception as exc:  # Lark wraps errors raised in callbacks
        inner = getattr(exc, "orig_exc", exc)
        raise inner from None
    if raw.where is None:
        raise qe.syntax("missing clause", {"clause": "where"})
    _reserved(raw)
    return raw


def _premature(text: str) -> Exception:
    tokens = text.split()
    last = tokens[-1] if tokens else ""
    if last.lower() == "where":
        return qe.syntax("missing clause", {"clause": "where"})
    return qe.syntax("error occured while parsing the query", {"near": last})


def _token_error(token: Token) -> Exception:
    text = str(token)
    if token.type == "NOT":
        return qe.syntax("operator not supported", {"operator": "not"})
    return qe.unexpected(token.line or 1, token.column or 1, text)


def _reserved(raw: RawQuery) -> None:
    """An unquoted column named like a reserved word is a syntax error at that word (§8.1)."""
    columns: list[RawColumn] = []
    for item in raw.select:
        target = item.target
        columns.append(target if isinstance(target, RawColumn) else target.column) if not isinstance(
            target, RawAggregate) or target.column else None
    for column in columns:
        if column is not None and not column.quoted and column.steps[0].lower() in RESERVED:
            token = column.token
            raise qe.unexpected(token.line or 1, token.column or 1, column.steps[0])
