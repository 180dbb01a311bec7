"""The territory tree: ordering, subtrees, cycles (spec 20 §4.1, §4.2, §6.2).

Children are ordered by ID, which is creation order (IDs increase per org).
"""

from __future__ import annotations

from typing import Mapping

from . import messages as m
from .model import Territory
from .wire import parse_id


def id_order(ident: str) -> tuple[int, str]:
    return (len(ident), ident)


def root_id(territories: Mapping[str, Territory]) -> str | None:
    roots = sorted((t.id for t in territories.values() if t.parent_id is None), key=id_order)
    return roots[0] if roots else None


def children(territories: Mapping[str, Territory], parent_id: str) -> list[str]:
    """Direct children of ``parent_id``, in creation order."""
    return sorted((t.id for t in territories.values() if t.parent_id == parent_id), key=id_order)


def _children_index(territories: Mapping[str, Territory]) -> dict[str | None, list[str]]:
    index: dict[str | None, list[str]] = {}
    for ident in sorted(territories, key=id_order):
        index.setdefault(territories[ident].parent_id, []).append(ident)
    return index


def descendants(territories: Mapping[str, Territory], ident: str) -> list[str]:
    """Every territory below ``ident`` (not itself), pre-order."""
    index = _children_index(territories)
    out: list[str] = []
    stack = list(reversed(index.get(ident, [])))
    while stack:
        current = stack.pop()
        if current in out:  # defensive: a corrupted store must not loop forever
            continue
        out.append(current)
        stack.extend(reversed(index.get(current, [])))
    return out


def preorder(territories: Mapping[str, Territory]) -> list[str]:
    """The whole tree from the root, parents before children, siblings by creation order.

    Territories unreachable from the root (never expected) follow at the end, by ID.
    """
    root = root_id(territories)
    if root is None:
        return sorted(territories, key=id_order)
    order = [root, *descendants(territories, root)]
    seen = set(order)
    order.extend(i for i in sorted(territories, key=id_order) if i not in seen)
    return order


def is_in_subtree(territories: Mapping[str, Territory], ident: str, candidate: str) -> bool:
    """True when ``candidate`` is ``ident`` itself or below it: walks up from the candidate."""
    current: str | None = candidate
    hops = 0
    while current is not None and hops <= len(territories):
        if current == ident:
            return True
        node = territories.get(current)
        current = node.parent_id if node else None
        hops += 1
    return False


def creates_cycle(territories: Mapping[str, Territory], ident: str, new_parent_id: str) -> bool:
    """Re-parenting ``ident`` under ``new_parent_id`` would put it below itself."""
    return is_in_subtree(territories, ident, new_parent_id)


def ancestors(territories: Mapping[str, Territory], ident: str) -> list[str]:
    """Parent, grandparent, … up to the root."""
    out: list[str] = []
    node = territories.get(ident)
    while node is not None and node.parent_id is not None and node.parent_id not in out:
        out.append(node.parent_id)
        node = territories.get(node.parent_id)
    return out


def child_territories(territories: Mapping[str, Territory], path_id: str) -> list[Territory]:
    """``GET /settings/territories/{id}/__child_territories``: direct children in creation order
    (OQ-34). An unknown ``{id}`` is refused at request level (§4.2)."""
    ident = parse_id(path_id)
    if ident is None or ident not in territories:
        raise m.path_id_error(2)
    return [territories[child] for child in children(territories, ident)]
