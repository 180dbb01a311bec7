"""How deep parsed JSON nests, measured without recursion (D-456)."""

from __future__ import annotations

import json
from typing import Any

# Deepest JSON body any endpoint needs: a wrapper, an item, and criteria of 25 nested groups
# (two levels each) fit well below it.
MAX_JSON_DEPTH = 100
# Deepest group nesting of criteria and filters: a valid group holds two or more entries, so
# 25 rules never need more.
MAX_GROUP_DEPTH = 25


def deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays/objects in ``value`` nest more than ``limit`` levels; stops at the first."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def json_param(raw: str) -> Any:
    """A JSON query parameter (``filters``…), decoded; ``ValueError`` when it is not JSON or nests
    deeper than any request needs (the decoder's own recursion limit included)."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if deeper_than(value, MAX_JSON_DEPTH):
        raise ValueError("nested too deeply")
    return value
