"""The ``$`` keys a full record read carries (spec 40 §4). Never taken from a request: a
``$`` key in an item is ignored like any unknown key (RQ-10)."""

from __future__ import annotations

from typing import Any

from ..metadata import DataType, ModuleSpec, per_module

# Services__s reads back exactly the keys of its seed sample (spec 10 §2), which prints none
# of the approval keys; the seed page wins for that module (D-497).
_SEED_ONLY = frozenset({"Services__s"})


@per_module
def _has_currency(module: ModuleSpec) -> bool:
    return any(f.data_type == DataType.CURRENCY for f in module.fields)


def system_keys(module: ModuleSpec, currency_symbol: str, editable: bool, sharing: str) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    if module.api_name in _SEED_ONLY:
        return {"$currency_symbol": currency_symbol, "$state": "save", "$editable": editable,
                "$sharing_permission": sharing}
    keys["$approved"] = True
    keys["$approval"] = {"delegate": False, "approve": False, "reject": False, "resubmit": False}
    keys["$editable"] = editable
    if _has_currency(module):
        keys["$currency_symbol"] = currency_symbol
    keys["$state"] = "save"
    keys["$process_flow"] = False
    keys["$review_process"] = None
    keys["$review"] = None
    keys["$orchestration"] = False
    keys["$in_merge"] = False
    if module.api_name == "Leads":
        keys["$converted"] = False
    keys["$sharing_permission"] = sharing
    return keys
