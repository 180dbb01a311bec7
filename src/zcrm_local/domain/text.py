"""Which text can reach the database at all: the one check every edge input passes (D-452).

PostgreSQL refuses U+0000 in text and JSON, and no driver can encode a lone surrogate as
UTF-8; SQLite would take the first and answer differently per store. Edges treat such text as
a value that matches nothing (accounts parameters) or refuse it (admin inputs).
"""

from __future__ import annotations

from typing import Any


def storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def all_storable(value: Any) -> bool:
    """Every string in ``value`` (dict keys included) is storable; iterative, so depth is no issue."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not storable(item):
                return False
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple)):
            pending.extend(item)
    return True
