"""Per-key checks shared by create and update (spec 20 §5–§6); each returns an error or None."""

from __future__ import annotations

from typing import Any, Mapping

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records.values import holds_nul

from . import messages as m
from .criteria import CriteriaSchema, parse_criteria
from .hierarchy import creates_cycle
from .model import (
    CRITERIA_KEYS,
    CRITERIA_MODULE,
    DESCRIPTION_MAX,
    PERMISSION_TYPES,
    Territory,
    TerritoryContext,
    UserInfo,
)
from .wire import ref_id

_ABSENT = object()

# Wire type each key must have; ``None`` marks keys that also accept JSON null.
_TYPES: tuple[tuple[str, type, str, bool], ...] = (
    ("name", str, "text", False),
    ("reporting_to", dict, "jsonobject", True),
    ("permission_type", str, "text", False),
    ("manager", dict, "jsonobject", True),
    ("description", str, "text", True),
)


def is_missing(item: Mapping[str, Any], key: str) -> bool:
    value = item.get(key, _ABSENT)
    if value is _ABSENT or value is None:
        return True
    return key == "name" and isinstance(value, str) and not value.strip()


def check_types(item: Mapping[str, Any], base: str) -> ZohoError | None:
    for key, kind, expected, nullable in _TYPES:
        if key not in item:
            continue
        value = item[key]
        if value is None and nullable:
            continue
        if not isinstance(value, kind):
            return m.bad_type(key, f"{base}.{key}", expected)
    for key in ("name", "description", *CRITERIA_KEYS):
        if holds_nul(item.get(key)):
            return m.invalid(key, f"{base}.{key}")  # stored text may not hold U+0000 (D-8)
    return None


def check_description(item: Mapping[str, Any], base: str) -> ZohoError | None:
    value = item.get("description")
    if isinstance(value, str) and len(value) > DESCRIPTION_MAX:
        return m.too_long("description", f"{base}.description", DESCRIPTION_MAX)
    return None


def check_permission_type(item: Mapping[str, Any], base: str) -> ZohoError | None:
    if "permission_type" in item and item["permission_type"] not in PERMISSION_TYPES:
        return m.invalid(
            "permission_type", f"{base}.permission_type", m.MSG_PERMISSION_TYPE,
            supported_values=list(PERMISSION_TYPES),
        )
    return None


def check_parent(
    value: Any, base: str, territories: Mapping[str, Territory], moving_id: str | None = None
) -> tuple[str | None, ZohoError | None]:
    """``reporting_to`` -> parent ID. ``moving_id`` is set on update, for the cycle rule."""
    parent_id = ref_id(value)
    if parent_id is None or parent_id not in territories:
        return None, m.bad_id("reporting_to", f"{base}.reporting_to")
    if moving_id is not None and creates_cycle(territories, moving_id, parent_id):
        return None, m.not_allowed(m.MSG_CYCLE, m.at("reporting_to", f"{base}.reporting_to"))
    return parent_id, None


def check_manager(value: Any, base: str, users: Mapping[str, UserInfo]) -> tuple[str | None, ZohoError | None]:
    """``manager`` -> user ID (None for JSON null); unknown or unusable users are invalid IDs."""
    if value is None:
        return None, None
    user_id = ref_id(value)
    user = users.get(user_id) if user_id is not None else None
    if user is None or not user.usable:
        return None, m.bad_id("manager", f"{base}.manager")
    return user_id, None


def schema_for(ctx: TerritoryContext, key: str) -> CriteriaSchema:
    module = CRITERIA_MODULE[key]
    return CriteriaSchema(ctx.fields.get(module, {}), ctx.org_prefix, ctx.limits.rules_per_criteria)


def check_criteria(
    item: Mapping[str, Any], base: str, ctx: TerritoryContext
) -> tuple[dict[str, Any], ZohoError | None]:
    """The criteria keys the item sent (raw JSON, ``None`` = remove), validated in key order."""
    accepted: dict[str, Any] = {}
    for key in CRITERIA_KEYS:
        if key not in item:
            continue
        raw = item[key]
        path = f"{base}.{key}"
        if raw is not None:
            if key == "lead_rule_criteria" and not ctx.lead_rule_enabled:
                return {}, m.not_allowed(m.MSG_LEAD_RULE_DISABLED, m.at(key, path))
            if key == "deal_rule_criteria" and not ctx.deal_rule_enabled:
                return {}, m.not_allowed(m.MSG_DEAL_RULE_DISABLED, m.at(key, path))
            try:
                parse_criteria(raw, schema_for(ctx, key), path)
            except ZohoError as error:
                return {}, error
        accepted[key] = raw
    return accepted, None


def check_member_limit(members: frozenset[str], manager_id: str | None, limit: int) -> ZohoError | None:
    """A new manager joins the members; refuse when that would pass the per-territory cap."""
    if manager_id is None or manager_id in members or len(members) + 1 <= limit:
        return None
    return m.limit_exceeded(m.MSG_USERS_LIMIT, limit)

