"""Small parsers for the shapes every territory endpoint shares: IDs, wrappers, query params."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import ErrorCode, ZohoError, invalid_param, unable_to_parse

from . import messages as m

_MAX_ID = 2**63 - 1


def parse_id(value: Any) -> str | None:
    """An ID as sent (JSON string or number, conventions §9) -> canonical digits, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if 0 < value <= _MAX_ID else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
        return str(number) if 0 < number <= _MAX_ID else None
    return None


def ref_id(value: Any) -> str | None:
    """``{"id": …}`` -> canonical ID, or None when the object or its id is unusable."""
    if isinstance(value, dict):
        return parse_id(value.get("id"))
    return None


def wrapper_items(body: Any, key: str, limit: int) -> list[Any]:
    """The body's wrapper array, or the request-level refusal (spec 20 §5.2 step 1, OQ-5)."""
    if not isinstance(body, dict):
        raise unable_to_parse()
    items = body.get(key)
    if items is None or items == []:
        raise ZohoError(ErrorCode.MANDATORY_NOT_FOUND, m.MSG_MANDATORY, {"api_name": key, "json_path": f"$.{key}"})
    if not isinstance(items, list):
        raise m.bad_type(key, f"$.{key}", "jsonarray")
    if len(items) > limit:
        raise m.limit_exceeded(m.MSG_ARRAY_LIMIT, limit)
    return items


def ids_param(raw: str | None, limit: int | None = None) -> list[str]:
    """``ids=1,2,3`` split, blanks dropped, duplicates collapsed (order kept); raw tokens are
    returned, unparsable ones included, so each can answer as an unknown ID."""
    if raw is None or not raw.strip():
        raise m.param_missing("ids")
    seen: dict[str, None] = {}
    for token in raw.split(","):
        token = token.strip()
        if token:
            seen.setdefault(parse_id(token) or token, None)
    if not seen:
        raise m.param_missing("ids")
    if limit is not None and len(seen) > limit:
        raise m.invalid_request()
    return list(seen)


def bool_param(name: str, raw: str | None, default: bool = False) -> bool:
    """``true``/``false`` in any case (the SDK sends ``True``); anything else is refused."""
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise ZohoError(ErrorCode.INVALID_DATA,
        m.MSG_INVALID_DATA_TEXT, {"param_name": name, "expected_data_type": "boolean"})


def page_params(page: str | None, per_page: str | None, max_per_page: int) -> tuple[int, int]:
    """``page``/``per_page`` as positive integers; ``per_page`` defaults to and caps at the max."""
    return _positive("page", page, 1, None), _positive("per_page", per_page, max_per_page, max_per_page)


def _positive(name: str, raw: str | None, default: int, cap: int | None) -> int:
    if raw is None:
        return default
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise invalid_param(name)
    value = int(text)
    if cap is not None and value > cap:
        raise invalid_param(name)
    return value


def page_info(total: int, page: int, per_page: int) -> dict[str, Any]:
    """The short ``info`` form of territory lists (conventions §11)."""
    start = (page - 1) * per_page
    count = max(0, min(per_page, total - start))
    return {"per_page": per_page, "count": count, "page": page, "more_records": start + count < total}


def page_slice(items: list[Any], page: int, per_page: int) -> list[Any]:
    start = (page - 1) * per_page
    return items[start:start + per_page]
