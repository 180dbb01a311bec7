"""Which APIs a composite may run and with which cap (spec 70 §3.3): ``FREE`` (no restriction),
``ONE`` (a write of one record or item), ``PAGE`` (reads of at most 25 records). Anything else
is ``NOT_SUPPORTED``. Paths are the segments after ``/crm/{version}/``; ``*`` is any segment."""

from __future__ import annotations

from enum import Enum
from typing import Any

from zcrm_local.domain import errors as e

MSG_NOT_SUPPORTED = "the api is not supported in composite requests"
PAGE_LIMIT = 25


class Cap(Enum):
    FREE = "free"
    ONE = "one"
    PAGE = "page"


_W = ("POST", "PUT", "PATCH")
# (methods, pattern, cap). Literal patterns are tried before the record patterns with "*".
_TABLE: tuple[tuple[tuple[str, ...], tuple[str, ...], Cap], ...] = (
    (("GET",), ("org",), Cap.FREE),
    (("GET",), ("settings", "modules"), Cap.FREE),
    (("GET",), ("settings", "modules", "*"), Cap.FREE),
    (("GET",), ("settings", "fields"), Cap.FREE),
    (("GET",), ("settings", "fields", "*"), Cap.FREE),
    (("GET",), ("settings", "layouts"), Cap.FREE),
    (("GET",), ("settings", "layouts", "*"), Cap.FREE),
    (("GET",), ("settings", "related_lists"), Cap.FREE),
    (("GET",), ("settings", "related_lists", "*"), Cap.FREE),
    (("GET",), ("settings", "roles"), Cap.FREE),
    (("GET",), ("settings", "roles", "*"), Cap.FREE),
    (("POST", "PUT"), ("settings", "roles"), Cap.FREE),
    (("PUT",), ("settings", "roles", "*"), Cap.FREE),
    (("GET",), ("settings", "profiles"), Cap.FREE),
    (("GET",), ("settings", "profiles", "*"), Cap.FREE),
    (("GET",), ("settings", "variables"), Cap.FREE),
    (("GET",), ("settings", "variable_groups"), Cap.FREE),
    (("GET",), ("settings", "tags"), Cap.FREE),
    (("GET",), ("org", "currencies"), Cap.FREE),
    (("GET",), ("settings", "emails", "actions", "from_addresses"), Cap.FREE),
    (("DELETE",), ("actions", "watch"), Cap.FREE),
    (("GET",), ("actions", "watch"), Cap.PAGE),
    (_W, ("actions", "watch"), Cap.ONE),
    (("GET",), ("users",), Cap.PAGE),
    (("GET",), ("users", "*"), Cap.PAGE),
    (_W, ("users",), Cap.ONE),
    (("PUT", "DELETE"), ("users", "*"), Cap.ONE),
    (("GET",), ("territories",), Cap.PAGE),
    (("GET",), ("territories", "*"), Cap.PAGE),
    (("GET",), ("settings", "email_templates"), Cap.PAGE),
    (("GET",), ("settings", "email_templates", "*"), Cap.PAGE),
    (("GET",), ("settings", "inventory_templates"), Cap.PAGE),
    (("GET",), ("settings", "inventory_templates", "*"), Cap.PAGE),
    (("POST",), ("coql",), Cap.PAGE),
    (("GET",), ("*", "actions", "count"), Cap.FREE),
    (("GET",), ("*", "deleted"), Cap.PAGE),
    (("GET",), ("*", "search"), Cap.PAGE),
    (("POST", "PUT"), ("*", "upsert"), Cap.ONE),
    (("POST",), ("Leads", "*", "actions", "convert"), Cap.FREE),
    (("GET",), ("*", "*", "Notes"), Cap.PAGE),
    (("GET",), ("*", "*", "Attachments"), Cap.PAGE),
    (("GET",), ("*",), Cap.PAGE),
    (("GET",), ("*", "*"), Cap.PAGE),
    (("POST", "PUT"), ("*",), Cap.ONE),
    (("PUT", "DELETE"), ("*", "*"), Cap.ONE),
    (("GET",), ("*", "*", "*"), Cap.PAGE),  # related records
    (("PUT", "DELETE"), ("*", "*", "*", "*"), Cap.ONE),  # update / delink one related record
)
_WRITE_KEYS = ("data", "watch", "users", "roles", "tags")


def classify(method: str, segments: tuple[str, ...]) -> Cap | None:
    for methods, pattern, cap in _TABLE:
        if method in methods and len(pattern) == len(segments) and all(
                want in ("*", got) for want, got in zip(pattern, segments, strict=True)):
            if pattern and pattern[0] == "*" and segments[0] in ("settings", "actions", "org", "coql"):
                continue
            return cap
    return None


def restricted_params(method: str, segments: tuple[str, ...], params: dict[str, Any]) -> list[str]:
    """Deletes only with the ID in the path (spec 70 §3.3), except notifications (N6)."""
    if method == "DELETE" and segments != ("actions", "watch") and "ids" in params:
        return ["ids"]
    return []


def cap_refusal(cap: Cap, method: str, params: dict[str, Any], body: Any) -> e.ZohoError | None:
    """The sub-API's own answer to a call over the composite caps (spec 70 §3.3), or None."""
    if cap is Cap.ONE and method in ("POST", "PUT", "PATCH") and isinstance(body, dict):
        for key in _WRITE_KEYS:
            if isinstance(body.get(key), list) and len(body[key]) > 1:
                return e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, "limit exceeded",
                                   {"api_name": key, "json_path": f"$.{key}", "limit": 1})
    if cap is Cap.PAGE and method == "GET":
        raw = str(params.get("per_page", ""))
        if raw.isdigit() and int(raw) > PAGE_LIMIT:
            return e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, "limit exceeded", {"by": "per_page", "limit": PAGE_LIMIT})
    if cap is Cap.PAGE and method == "POST" and isinstance(body, dict):
        query = body.get("select_query")
        limit = _coql_limit(query) if isinstance(query, str) else None
        if limit is not None and limit > PAGE_LIMIT:
            return e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, "limit exceeded", {"by": "limit", "limit": PAGE_LIMIT})
    return None


def _coql_limit(query: str) -> int | None:
    words = query.replace(",", " , ").split()
    for i, word in enumerate(words[:-1]):
        if word.lower() == "limit":
            tail = words[i + 1:]
            # LIMIT offset, count
            if len(tail) >= 3 and tail[1] == ",":
                tail = tail[2:]
            return int(tail[0]) if tail[0].isdigit() else None
    return None


def unsupported(index: int) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.NOT_SUPPORTED, MSG_NOT_SUPPORTED,
                       {"api_name": "uri", "json_path": f"$.__composite_requests[{index}].uri"})
