"""The one typed tree both query languages parse into (spec 50 §3, §8).

A ``Column`` is a resolved path (lookup steps, then a field); a ``Pred`` is one condition on it
with values already in storage form; ``Logic`` joins conditions. A COQL ``Query`` adds the
select list, grouping, order and window. Search, count and COQL compile the same nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Union

from zcrm_local.domain.query.fields import QField


class Op(StrEnum):
    EQ = "eq"                  # COQL ``=``: whole value, case-insensitive
    NE = "ne"                  # COQL ``!=``: SQL null logic (empty never matches)
    WORDS = "words"            # search ``equals`` on text: a run of whole words (§3.4)
    SAME_SET = "same_set"      # COQL ``=`` on a multi-select: exactly these options (``'a;b'``), any order
    NOT_SAME_SET = "not_same_set"
    SAME_WORDS = "same_words"  # search for a whole e-mail address: the value's words are the field's
    NOT_EQUAL = "not_equal"    # search ``not_equal``: whole value differs, empty matches
    STARTS = "starts"
    ENDS = "ends"
    CONTAINS = "contains"
    NOT_CONTAINS = "not_contains"
    IN = "in"                  # any value, each compared as EQ (or WORDS for search text)
    NOT_IN = "not_in"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    BETWEEN = "between"
    NOT_BETWEEN = "not_between"
    IS_NULL = "is_null"
    NOT_NULL = "not_null"
    DIGITS = "digits"          # phone: the field's digits contain the value's digits
    DIGITS_START = "digits_start"


@dataclass(frozen=True)
class Column:
    """``steps``: the lookup fields walked from the base module, then ``field``."""

    text: str
    steps: tuple[QField, ...]
    field: QField

    @property
    def prefixes(self) -> tuple[tuple[str, ...], ...]:
        names = tuple(s.api_name for s in self.steps)
        return tuple(names[: i + 1] for i in range(len(names)))


@dataclass(frozen=True)
class Pred:
    column: Column
    op: Op
    # Storage-form values: str for text, ids and date-times, Decimal for numbers, bool.
    values: tuple[Any, ...] = ()
    # Search text ``equals``/``in``: the value's last word is a prefix (``zyl*``).
    wildcard: tuple[bool, ...] = ()
    # COQL: a subquery in place of the values, resolved by the store before compiling.
    subquery: Query | None = None
    sub_sequence: int = 0


@dataclass(frozen=True)
class Logic:
    op: str  # "and" | "or"
    children: tuple[Node, ...]


Node = Union[Pred, Logic]


@dataclass(frozen=True)
class Aggregate:
    function: str  # COUNT SUM MIN MAX AVG
    column: Column


@dataclass(frozen=True)
class SelectItem:
    key: str                      # the row key: the alias, else the text as written
    column: Column | None = None
    aggregate: Aggregate | None = None


@dataclass(frozen=True)
class OrderItem:
    descending: bool
    column: Column | None = None
    aggregate: Aggregate | None = None


@dataclass(frozen=True)
class Query:
    module: str
    select: tuple[SelectItem, ...]
    where: Node
    group_by: tuple[Column, ...] = ()
    order_by: tuple[OrderItem, ...] = ()
    limit: int = 200
    offset: int = 0
    subqueries: tuple[Query, ...] = field(default=())

    @property
    def aggregated(self) -> bool:
        return bool(self.group_by) or any(item.aggregate for item in self.select)


def walk(node: Node) -> list[Pred]:
    """Every predicate, left to right, without recursion (trees may be deep)."""
    out: list[Pred] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Pred):
            out.append(current)
        else:
            stack.extend(reversed(current.children))
    return out
