"""Request-level rules of a records list (Services §3.1, conventions §11): fields, ids, sort,
page, per_page, page_token. Pure: the token's key and "now" come in as arguments."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..errors import ErrorCode, ZohoError, invalid_param, required_param_missing
from .values import parse_digits, parse_id

SORT_BY = ["id", "Created_Time", "Modified_Time"]
SORT_ORDER = ["asc", "desc"]
MAX_FIELDS = 50
MAX_IDS = 100
MAX_PER_PAGE = 200
DISCRETE_LIMIT = 2000
TOKEN_LIMIT = 100_000
TOKEN_LIFETIME = timedelta(hours=24)
MSG_TOKEN_MISMATCH = "The page_token given seems to be invalid or input param is added or altered or deleted"


@dataclass(frozen=True)
class ListParams:
    fields: list[str] | None
    ids: list[int] | None
    sort_by: str
    descending: bool
    page: int
    per_page: int
    offset: int
    by_token: bool


def _positive(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    number = parse_digits(raw)
    if number is None or number < 1:
        raise invalid_param(name)
    return number


def parse_list(query: Mapping[str, str], *, fields_required: bool, user_id: int, key: bytes,
               now: datetime) -> ListParams:
    fields = _fields(query.get("fields"), required=fields_required)
    ids = _ids(query.get("ids"))
    sort_by = query.get("sort_by") or "id"
    if sort_by not in SORT_BY:
        raise invalid_param("sort_by", SORT_BY)
    sort_order = query.get("sort_order") or "desc"
    if sort_order not in SORT_ORDER:
        raise invalid_param("sort_order", SORT_ORDER)
    if query.get("cvid") is not None:
        # Custom views are not modelled: every cvid names a view that does not exist.
        raise invalid_param("cvid")
    per_page = min(_positive(query, "per_page", MAX_PER_PAGE), MAX_PER_PAGE)
    token = query.get("page_token")
    if token is not None:
        if query.get("page") is not None:
            raise ZohoError(
                ErrorCode.AMBIGUITY_DURING_PROCESSING, "page and page_token cannot be given together",
                {"ambiguity_due_to": [{"param_name": "page"}, {"param_name": "page_token"}]},
            )
        offset = read_token(token, query, user_id, key, now)
        if offset + per_page > TOKEN_LIMIT:
            raise ZohoError(ErrorCode.PAGINATION_LIMIT_EXCEEDED,
                            "You can only get upto 100000 records using page_token param",
                            {"param_name": "page_token"})
        page = offset // per_page + 1
        return ListParams(fields, ids, sort_by, sort_order == "desc", page, per_page, offset, True)
    page = _positive(query, "page", 1)
    if page * per_page > DISCRETE_LIMIT:
        raise ZohoError(ErrorCode.DISCRETE_PAGINATION_LIMIT_EXCEEDED,
                        "You can only get the first 2000 records without using page_token param",
                        {"limit": DISCRETE_LIMIT})
    return ListParams(fields, ids, sort_by, sort_order == "desc", page, per_page, (page - 1) * per_page, False)


def _fields(raw: str | None, *, required: bool) -> list[str] | None:
    names = [n.strip() for n in (raw or "").split(",") if n.strip()]
    if not names:
        if required:
            raise required_param_missing("fields")
        return None
    if len(names) > MAX_FIELDS:
        raise ZohoError(ErrorCode.LIMIT_EXCEEDED, "limit exceeded", {"limit": MAX_FIELDS, "param_name": "fields"})
    return names


def _ids(raw: str | None) -> list[int] | None:
    if raw is None or raw.strip() == "":
        return None
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if len(set(parts)) > MAX_IDS:
        raise ZohoError(ErrorCode.LIMIT_EXCEEDED, "Limit Exceeded, You cannot give more than 100 record ids",
                        {"limit": str(MAX_IDS), "param_name": "ids"})
    ids = [parse_id(p) for p in dict.fromkeys(parts)]
    if None in ids:
        raise invalid_param("ids")
    return ids  # type: ignore[return-value]


# ---- page tokens: bound to the user and to the other query parameters ---------------------

def _binding(query: Mapping[str, str], user_id: int) -> str:
    kept = sorted((k, v) for k, v in query.items() if k not in ("page_token", "page", "per_page"))
    return hashlib.sha256(json.dumps([user_id, kept]).encode()).hexdigest()[:24]


def make_token(offset: int, query: Mapping[str, str], user_id: int, key: bytes, now: datetime) -> tuple[str, datetime]:
    expires = now + TOKEN_LIFETIME
    payload = json.dumps({"o": offset, "b": _binding(query, user_id), "e": int(expires.timestamp())}).encode()
    body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{body}.{mac}", expires


def read_token(token: str, query: Mapping[str, str], user_id: int, key: bytes, now: datetime) -> int:
    mismatch = ZohoError(ErrorCode.TOKEN_BOUND_DATA_MISMATCH, MSG_TOKEN_MISMATCH, {"param_name": "page_token"})
    body, _, mac = token.partition(".")
    if not hmac.compare_digest(hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32], mac):
        raise mismatch
    try:
        payload: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except ValueError:
        raise mismatch from None
    if payload.get("b") != _binding(query, user_id):
        raise mismatch
    if int(payload.get("e", 0)) <= now.timestamp():
        raise ZohoError(ErrorCode.EXPIRED_VALUE, "Page token expired",
                        {"api_name": "page_token", "json_path": "$.query.page_token"})
    return int(payload.get("o", 0))
