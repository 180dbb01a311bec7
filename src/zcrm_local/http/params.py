"""Query parameters shared by many endpoints: ids, page and per_page, booleans."""

from __future__ import annotations

from starlette.datastructures import QueryParams

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import parse_digits, parse_id

MAX_PER_PAGE = 200


def parse_ids(value: str | None, name: str) -> list[int]:
    """Comma-separated numeric ids; anything else is a parameter the API cannot parse."""
    ids: list[int] = []
    for part in (value or "").split(","):
        part = part.strip()
        if not part:
            continue
        ident = parse_id(part)
        if ident is None:
            raise e.invalid_param(name)
        ids.append(ident)
    return ids


def positive_int(query: QueryParams, name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    number = parse_digits(raw)
    if number is None or number < 1:
        raise e.invalid_param(name)
    return number


def short_page(query: QueryParams) -> tuple[int, int]:
    """``page``/``per_page`` of the short ``info`` form; per_page is capped at 200 (Q-17)."""
    return positive_int(query, "page", 1), min(positive_int(query, "per_page", MAX_PER_PAGE), MAX_PER_PAGE)


def boolean(query: QueryParams, name: str, default: bool = False) -> bool:
    """The SDK renders Python booleans (``True``/``False``): compare case-insensitively."""
    raw = query.get(name)
    if raw is None:
        return default
    lowered = raw.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise e.invalid_param(name)
