"""U1 unsubscribe links (spec 70 §7): item checks, first failure answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email.text import refuse_nul

WRAPPER = "unsubscribe_links"
MAX_LINKS = 10
MAX_NAME = 50
MAX_URL = 250
MAX_MESSAGE = 2000
DEFAULT_NAME = "Default"
MSG_CREATED = "Unsubscribe Link created successfully"
MSG_UPDATED = "Unsubscribe Link updated successfully"
MSG_DELETED = "Unsubscribe Link deleted successfully"
MSG_DEFAULT = "The given Unsubscribe Link id is Default"
MSG_NOT_IN_ORG = "The given Unsubscribe Link id is not part of Org"
MSG_DUPLICATE = "Unsubscribe Link name already exists"
MSG_LIMIT = "Unsubscribe Link limit exceeded"
MSG_REQUIRED = "required field not found"
KEYS = ("name", "page_type", "custom_location_url", "standard_page_message", "submission_action_type",
        "submission_redirect_url", "submission_message")
_NEEDS = {("page_type", "custom"): "custom_location_url", ("submission_action_type", "redirect"): "submission_redirect_url",
          ("submission_action_type", "display_message"): "submission_message"}


def _p(i: int, key: str) -> str:
    return f"$.{WRAPPER}[{i}].{key}"


def default_link() -> dict[str, Any]:
    return {"name": DEFAULT_NAME, "page_type": "standard", "custom_location_url": None,
            "standard_page_message": "You have been unsubscribed.", "submission_action_type": "display_message",
            "submission_redirect_url": None, "submission_message": "You have been unsubscribed."}


def limit_exceeded() -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, MSG_LIMIT, {"limit": MAX_LINKS, "limit_due_to": [
        {"api_name": WRAPPER, "json_path": f"$.{WRAPPER}"}]})


def not_in_org(i: int | None = None) -> e.ZohoError:
    if i is None:
        return e.ZohoError(e.ErrorCode.INVALID_DATA, MSG_NOT_IN_ORG, {"resource_path_index": 2})
    return e.invalid_data("id", _p(i, "id"), MSG_NOT_IN_ORG)


def check(i: int, item: Any, current: Mapping[str, Any] | None, other_names: set[str]) -> dict[str, Any]:
    """The link's stored fields (``current`` merged with ``item`` on update)."""
    if not isinstance(item, dict):
        raise e.wrong_type(WRAPPER, f"$.{WRAPPER}[{i}]", "jsonobject")
    refuse_nul(item, f"$.{WRAPPER}[{i}]")
    doc = {k: (current or {}).get(k) for k in KEYS}
    doc.update({k: item[k] for k in KEYS if k in item})
    for key in ("name", "page_type", "submission_action_type"):
        if doc.get(key) in (None, ""):
            raise e.ZohoError(e.ErrorCode.MANDATORY_NOT_FOUND, MSG_REQUIRED, {"api_name": key, "json_path": _p(i, key)})
    for key in KEYS:
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise e.wrong_type(key, _p(i, key), "text")
    if len(doc["name"]) > MAX_NAME:
        raise e.invalid_data("name", _p(i, "name"), maximum_length=MAX_NAME)
    if doc["name"].lower() in other_names:
        raise e.ZohoError(e.ErrorCode.DUPLICATE_DATA, MSG_DUPLICATE, {"api_name": "name", "json_path": _p(i, "name")})
    if doc["page_type"] not in ("standard", "custom"):
        raise e.invalid_data("page_type", _p(i, "page_type"), supported_values=["standard", "custom"])
    if doc["submission_action_type"] not in ("display_message", "redirect"):
        raise e.invalid_data("submission_action_type", _p(i, "submission_action_type"),
                             supported_values=["display_message", "redirect"])
    for (key, value), needed in _NEEDS.items():
        if doc[key] == value and doc.get(needed) in (None, ""):
            raise e.ZohoError(e.ErrorCode.DEPENDENT_FIELD_MISSING, MSG_REQUIRED,
                              e.dependency(key, needed, f"$.{WRAPPER}[{i}]"))
    for key in ("custom_location_url", "submission_redirect_url"):
        value = doc.get(key)
        if value is not None and (len(value) > MAX_URL or not value.startswith(("http://", "https://"))):
            raise e.invalid_data(key, _p(i, key), expected_data_type="website", maximum_length=MAX_URL)
    for key in ("standard_page_message", "submission_message"):
        if doc.get(key) is not None and len(doc[key]) > MAX_MESSAGE:
            raise e.invalid_data(key, _p(i, key), maximum_length=MAX_MESSAGE)
    return doc
