"""The composite body (spec 70 §3.1, §3.8): request-level refusals raise; each sub-request is
checked on its own and either becomes a ``SubRequest`` or carries its ``ZohoError``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import holds_nul

MAX_SUB_REQUESTS = 5
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
URI_REGEX = "/crm(/.*)?/v[0-9]+([.][0-9]+)?/.*"
ID_REGEX = "[a-zA-Z0-9][a-zA-Z0-9_]*"
MAX_ID = 100
MAX_URI = 2048
FORBIDDEN_HEADERS = frozenset({"authorization", "x-crm-org"})
_URI = re.compile(URI_REGEX)
_ID = re.compile(ID_REGEX)
_VERSION = re.compile(r"/v([0-9]+)(?:[.][0-9]+)?/")
WRAPPER = "__composite_requests"
MSG_NOT_ALLOWED_VERSION = "sub request version is greater than composite request version"


@dataclass
class Flags:
    rollback_on_fail: bool
    parallel: bool


@dataclass
class SubRequest:
    index: int
    id: str
    method: str
    uri: str
    params: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    headers: dict[str, Any] = field(default_factory=dict)


Checked = SubRequest | e.ZohoError


def _path(index: int, key: str | None = None) -> str:
    base = f"$.{WRAPPER}[{index}]"
    return f"{base}.{key}" if key else base


def read_flags(doc: dict[str, Any]) -> Flags:
    for key in ("rollback_on_fail", "parallel_execution", "concurrent_execution"):
        if key in doc and not isinstance(doc[key], bool):
            raise e.wrong_type(key, f"$.{key}", "boolean")
    rollback = doc.get("rollback_on_fail", False)
    # parallel_execution wins over its alias when both are sent (NQ-9).
    parallel_key = "parallel_execution" if "parallel_execution" in doc else "concurrent_execution"
    given = doc.get(parallel_key)
    if rollback and given is True:
        raise e.ZohoError(e.ErrorCode.AMBIGUITY_DURING_PROCESSING, "ambiguity during processing", {
            "ambiguity_due_to": [{"api_name": "rollback_on_fail", "json_path": "$.rollback_on_fail"},
                                 {"api_name": parallel_key, "json_path": f"$.{parallel_key}"}]})
    return Flags(rollback_on_fail=rollback, parallel=(not rollback) if given is None else given)


def read_list(doc: Any) -> list[Any]:
    if not isinstance(doc, dict) or doc.get(WRAPPER) is None:
        raise e.mandatory_not_found(WRAPPER, f"$.{WRAPPER}")
    items = doc[WRAPPER]
    if not isinstance(items, list):
        raise e.wrong_type(WRAPPER, f"$.{WRAPPER}", "jsonarray")
    if len(items) > MAX_SUB_REQUESTS:
        raise e.invalid_data(WRAPPER, f"$.{WRAPPER}", maximum_length=MAX_SUB_REQUESTS)
    if not items:
        raise e.invalid_data(WRAPPER, f"$.{WRAPPER}", minimum_length=1)
    return items


def uri_version(uri: str) -> int | None:
    found = _VERSION.search(uri.split("?", 1)[0])
    return int(found.group(1)) if found else None


def check_items(items: list[Any], composite_version: int) -> list[Checked]:
    """Every sub-request checked alone, then duplicate IDs across them (spec 70 §3.8)."""
    checked = [_check(i, item, composite_version) for i, item in enumerate(items)]
    seen: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("sub_request_id"), str):
            seen.setdefault(item["sub_request_id"], []).append(i)
    for indexes in seen.values():
        if len(indexes) > 1:
            for i in indexes:
                if isinstance(checked[i], SubRequest):
                    checked[i] = e.ZohoError(e.ErrorCode.DUPLICATE_DATA, e.MSG_DUPLICATE_DATA, {
                        "api_name": "sub_request_id", "json_path": _path(i, "sub_request_id"),
                        "sub_request_indexes": indexes})
    return checked


def _check(i: int, item: Any, composite_version: int) -> Checked:
    if not isinstance(item, dict):
        return e.wrong_type(WRAPPER, _path(i), "jsonobject")
    for key in ("sub_request_id", "method", "uri", "params", "headers"):
        if holds_nul(item.get(key)):
            return e.invalid_data(key, _path(i, key))
    for key in ("method", "uri"):
        if item.get(key) is None:
            return e.mandatory_not_found(key, _path(i, key))
    sub_id = item.get("sub_request_id", str(i))
    if not isinstance(sub_id, str) or len(sub_id) > MAX_ID or not _ID.fullmatch(sub_id):
        return e.invalid_data("sub_request_id", _path(i, "sub_request_id"), regex=ID_REGEX)
    method = item["method"]
    if method not in METHODS:
        return e.invalid_data("method", _path(i, "method"), supported_values=list(METHODS))
    uri = item["uri"]
    if not isinstance(uri, str) or len(uri) > MAX_URI or not _URI.fullmatch(uri):
        return e.invalid_data("uri", _path(i, "uri"), expected_data_type="text", regex=URI_REGEX)
    for key in ("params", "body", "headers"):
        if key in item and item[key] is not None and not isinstance(item[key], dict):
            return e.wrong_type(key, _path(i, key), "jsonobject")
    headers = item.get("headers") or {}
    restricted = sorted(name for name in headers if name.lower() in FORBIDDEN_HEADERS)
    if restricted:
        return e.invalid_data("headers", _path(i, "headers"), restricted_headers=restricted)
    params = item.get("params") or {}
    for value in params.values():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return e.wrong_type("params", _path(i, "params"), "jsonobject")
    version = uri_version(uri)
    if version is not None and version > composite_version:
        return e.ZohoError(e.ErrorCode.NOT_ALLOWED, MSG_NOT_ALLOWED_VERSION,
                           {"sub_request_version": version, "composite_request_version": composite_version})
    return SubRequest(i, sub_id, method, uri, dict(params), item.get("body"), dict(headers))
