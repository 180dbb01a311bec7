"""Service preferences (``11-service-preferences.md``): one org-wide ``job_sheet_enabled``."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import (
    MSG_API_NOT_SUPPORTED,
    ErrorCode,
    ZohoError,
    mandatory_not_found,
    wrapped,
    wrong_type,
)
from zcrm_local.domain.outcomes import Success

WRAPPER = "service_preferences"
KEY = "job_sheet_enabled"
DEFAULT_JOB_SHEET_ENABLED = True
MSG_UPDATED = "Services preferences updated successfully"
# Versions that exist but predate this API ("supported only from Version 3", Q-1).
_OLDER_VERSIONS = frozenset({"v2", "v2.1"})


def check_version(version: str) -> None:
    """``API_NOT_SUPPORTED`` ``{"supported_version":3}`` for ``v2``/``v2.1`` path segments."""
    if version in _OLDER_VERSIONS:
        raise api_not_supported(3)


def api_not_supported(supported_version: int) -> ZohoError:
    return ZohoError(ErrorCode.API_NOT_SUPPORTED, MSG_API_NOT_SUPPORTED, {"supported_version": supported_version})


def parse_update(body: Any) -> bool:
    """The new ``job_sheet_enabled`` of a PUT body.

    Wrapper missing/``null`` → request-level ``MANDATORY_NOT_FOUND``; not an object →
    request-level ``INVALID_DATA`` (``jsonobject``); key missing → wrapped
    ``MANDATORY_NOT_FOUND``; not a JSON boolean → wrapped ``INVALID_DATA`` (``boolean``).
    Unknown keys inside the object are ignored.
    """
    section = body.get(WRAPPER) if isinstance(body, dict) else None
    if section is None:
        raise mandatory_not_found(WRAPPER, f"$.{WRAPPER}")
    if not isinstance(section, dict):
        raise wrong_type(WRAPPER, f"$.{WRAPPER}", "jsonobject")
    path = f"$.{WRAPPER}.{KEY}"
    if KEY not in section:
        raise wrapped(WRAPPER, mandatory_not_found(KEY, path))
    value = section[KEY]
    if not isinstance(value, bool):
        raise wrapped(WRAPPER, wrong_type(KEY, path, "boolean"))
    return value


def render(enabled: bool) -> dict[str, Any]:
    """``GET`` body (always 200)."""
    return {WRAPPER: {KEY: enabled}}


def updated() -> Success:
    """``PUT`` success body (200), also when the value did not change."""
    return Success(MSG_UPDATED, {}, wrapper=WRAPPER)
