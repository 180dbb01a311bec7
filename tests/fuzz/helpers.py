"""Shared pieces of the fuzz tests: the served OpenAPI description made richer for
generation (query parameters and request bodies), and the Zoho envelope every answer must have."""

from __future__ import annotations

import json
from typing import Any

# Query parameters the endpoints read; the description leaves them out, the fuzzer sends them.
QUERY_NAMES = ("ids", "fields", "page", "per_page", "page_token", "sort_by", "sort_order", "module", "include",
               "filters", "type", "year", "territory_id", "include_child", "cvid", "delete_previous_forecasts",
               "converted", "approved")
WRAPPERS = ("data", "territories", "users", "service_preferences", "business_hours", "shift_hours")
FIELD_NAMES = ("id", "Name", "Owner", "Service_Name", "Duration", "Price", "Unavailable_Till", "Status", "Tax",
               "Members", "Available_Days", "name", "description", "parent_id", "manager", "permission_type",
               "reporting_to", "criteria", "account_rule_criteria", "deal_rule_criteria", "transfer_to_id",
               "territories", "users", "business_days", "week_starts_on", "type", "daily_timing",
               "custom_timing", "same_as_everyday", "services_enabled", "timing", "days")


def _any_json(depth: int = 2) -> dict[str, Any]:
    """A JSON-schema that generates JSON of every type, nested a little."""
    scalar: dict[str, Any] = {"type": ["null", "boolean", "integer", "number", "string"]}
    if depth == 0:
        return scalar
    inner = _any_json(depth - 1)
    return {"anyOf": [scalar, {"type": "array", "items": inner, "maxItems": 3},
                      {"type": "object", "additionalProperties": inner, "maxProperties": 3}]}


def write_body_schema() -> dict[str, Any]:
    """Mostly Zoho-shaped bodies (a wrapper holding objects with real field names), some anything."""
    value = _any_json(2)
    item = {"type": "object", "properties": {name: value for name in FIELD_NAMES}, "additionalProperties": value}
    return {"anyOf": [
        {"type": "object", "properties": {w: {"anyOf": [{"type": "array", "items": item, "maxItems": 3}, value]}
                                         for w in WRAPPERS}},
        _any_json(3),
    ]}


def fuzz_document(served: dict[str, Any], known: dict[str, list[str]]) -> dict[str, Any]:
    """The served description, with ``known`` values (ids that exist) proposed for path
    placeholders, every query parameter the server reads, and a JSON body on the writes."""
    doc = json.loads(json.dumps(served))
    for path, item in list(doc["paths"].items()):
        if not path.startswith("/crm/"):
            continue
        for method, op in item.items():
            for param in op["parameters"]:
                if param["name"] == "version":
                    param["schema"] = {"enum": ["v7"]}
                elif param["in"] == "path":
                    choices = known.get(param["name"], [])
                    param["schema"] = {"anyOf": [{"enum": choices}, {"type": "string", "minLength": 1}]} \
                        if choices else {"type": "string", "minLength": 1}
            op["parameters"] += [{"name": q, "in": "query", "required": False, "schema": {"type": "string"}}
                                 for q in QUERY_NAMES]
            if method in ("post", "put", "patch"):
                op["requestBody"] = {"required": False,
                                     "content": {"application/json": {"schema": write_body_schema()}}}
    return doc


def assert_zoho_answer(status: int, headers: Any, content: bytes, *, accounts: bool = False) -> None:
    """No 5xx; 204/304 are empty; anything else is a JSON object: the four-key error, or a
    wrapper whose failed items are each a four-key error (``{"error": …}`` on the accounts server)."""
    assert status < 500, (status, content[:500])
    if status in (204, 304):
        assert content == b"", (status, content[:200])
        return
    assert headers.get("content-type", "").startswith("application/json"), (status, headers, content[:200])
    body = json.loads(content)
    assert isinstance(body, dict), body
    if accounts:
        if status >= 400:
            assert set(body) == {"error"} and isinstance(body["error"], str), body
        return
    if status >= 400 and "status" in body:
        assert set(body) == {"code", "details", "message", "status"}, body
        assert body["status"] == "error" and isinstance(body["code"], str) and isinstance(body["details"], dict)
        assert isinstance(body["message"], str)
        return
    for value in body.values():
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, dict) and entry.get("status") == "error":
                assert set(entry) == {"code", "details", "message", "status"}, entry
    if status >= 400:
        # Failed items of a wrapper array, or the one object of an object wrapper
        # (``{"business_hours": {error}}``).
        wrapped = [v if isinstance(v, list) else [v] for v in body.values() if isinstance(v, (list, dict))]
        assert wrapped and all(isinstance(e, dict) and e.get("status") == "error" for e in wrapped[0]), body
