"""Territory name rules (spec 20 §5.3, OQ-9, OQ-12)."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from zcrm_local.domain.errors import ErrorCode, ZohoError

from . import messages as m
from .model import NAME_MAX

# The seed page's list: 20 characters, any occurrence refuses the name.
FORBIDDEN_NAME_CHARS: frozenset[str] = frozenset("^~`#%&+=[]{}|\\;\"'<>,")


def name_key(name: str) -> str:
    """Comparison key: trimmed and case-insensitive (OQ-12)."""
    return name.strip().casefold()


def derive_api_name(name: str) -> str:
    """Set once at creation: spaces become underscores; never follows a rename (OQ-9)."""
    return name.strip().replace(" ", "_")


def repeated_keys(names: Iterable[Any]) -> set[str]:
    """Keys of the string names that occur more than once in one request body."""
    counts = Counter(name_key(n) for n in names if isinstance(n, str) and n.strip())
    return {key for key, count in counts.items() if count > 1}


def check_name(
    name: str,
    path: str,
    repeated: set[str],
    taken: Iterable[str],
) -> ZohoError | None:
    """Length, characters, in-request duplicate, org uniqueness — in that order.

    ``taken`` holds the keys of every other territory's name (the item's own excluded).
    """
    stripped = name.strip()
    if len(stripped) > NAME_MAX:
        return m.too_long("name", path, NAME_MAX)
    if any(ch in FORBIDDEN_NAME_CHARS for ch in stripped):
        return m.invalid("name", path)
    key = name_key(stripped)
    if key in repeated:
        return ZohoError(ErrorCode.DUPLICATE_DATA, m.MSG_NAME_REPEATED, m.at("name", path))
    if key in set(taken):
        return ZohoError(ErrorCode.DUPLICATE_DATA, m.MSG_NAME_EXISTS, m.at("name", path))
    return None
