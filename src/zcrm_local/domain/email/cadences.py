"""K1 cadences (spec 70 §8): the enrol / un-enrol body and its per-record answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e

MODULES = frozenset({"Leads", "Contacts", "Deals", "Vendors"})
MAX_CADENCES = 5
MAX_IDS = 100
PERMISSION = "Crm_Implied_Manage_UnEnroll_Series"
MSG_ENROLLED = "records manually enrolled"
MSG_UNENROLLED = "records manually unenrolled"
_LISTS = (("cadences_ids", "Cadences ids not found", MAX_CADENCES, "cadences ids"),
          ("ids", "Record ids not found", MAX_IDS, "record ids"))


def read_body(body: Any) -> tuple[list[str], list[str]]:
    doc = body if isinstance(body, dict) else {}
    out: dict[str, list[str]] = {}
    for key, message, limit, noun in _LISTS:
        value = doc.get(key)
        if value is None:
            raise e.ZohoError(e.ErrorCode.MANDATORY_NOT_FOUND, message, {"api_name": key, "json_path": f"$.{key}"})
        if not isinstance(value, list):
            raise e.ZohoError(e.ErrorCode.INVALID_DATA, message, {"api_name": key, "json_path": f"$.{key}",
                                                                  "expected_data_type": "jsonarray"})
        if len(value) > limit:
            raise e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, f"Limit Exceeded, You cannot give more than {limit} {noun}",
                              {"limit": limit, "limit_due_to": [{"api_name": key, "json_path": f"$.{key}"}]})
        out[key] = [str(v) for v in value]
    return out["cadences_ids"], out["ids"]


def check_cadences(ids: list[str], cadences: Mapping[str, Mapping[str, Any]]) -> list[dict[str, str]]:
    """``[{name, id}]`` of the cadences asked for, or the request's refusal."""
    out = []
    for i, cadence_id in enumerate(ids):
        found = cadences.get(cadence_id)
        if found is None:
            raise e.ZohoError(e.ErrorCode.INVALID_DATA, "the given id seems to be invalid",
                              {"api_name": "cadences_ids", "json_path": "$.cadences_ids"})
        if found.get("type", "Manual enrollment") != "Manual enrollment":
            raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "id given is not manual enrollment cadence",
                              {"api_name": "cadences_id", "json_path": f"$.cadences_id[{i}]"})
        out.append({"name": str(found.get("name")), "id": cadence_id})
    return out


def bad_record(index: int) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.INVALID_DATA, "given id seems to be invalid",
                       {"api_name": "ids", "json_path": f"$.ids[{index}]"})


def no_permission() -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.NO_PERMISSION, "No permission", {"permissions": [PERMISSION]}, 403)
