"""What a record write returns to the HTTP layer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records.refs import UserRef


@dataclass
class WriteOutcome:
    """Per item: the stored record, or the item's refusal; plus the users to render with."""

    items: list[dict[str, Any] | ZohoError]
    users: dict[int, UserRef]


def ids_needed(items: Sequence[Any]) -> int:
    """An upper bound of the ids a write may consume: the record and each member link."""
    total = 0
    for item in items:
        members = item.get("Members") if isinstance(item, dict) else None
        total += 1 + (len(members) if isinstance(members, list) else 0)
    return total
