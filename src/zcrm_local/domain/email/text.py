"""Text no stored mail may carry: U+0000 anywhere in an item (D-8) is that key's INVALID_DATA."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import holds_nul


def refuse_nul(item: Any, base: str) -> None:
    """``base`` is the item's JSON path (``$.data[0]``)."""
    if isinstance(item, Mapping):
        for key, value in item.items():
            if holds_nul(key) or holds_nul(value):
                name = key.replace("\x00", "") if isinstance(key, str) else str(key)
                raise e.invalid_data(name, f"{base}.{name}")
    elif holds_nul(item):
        raise e.invalid_data(base.rsplit(".", 1)[-1].split("[", 1)[0].lstrip("$"), base)
