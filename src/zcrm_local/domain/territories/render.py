"""Territories as the read endpoints show them (spec 20 §1, §4; spec 21 §5–§6)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any, Iterable, Mapping

from zcrm_local.domain.errors import invalid_param

from .model import CRITERIA_KEYS, Territory, UserInfo
from .wire import page_info  # re-exported: the short ``info`` form

__all__ = [
    "associated_users_count",
    "criteria_keys_for",
    "format_time",
    "page_info",
    "parse_include",
    "parse_inner_details",
    "render_territory",
    "render_user_territory",
]

LIST_MAX_PER_PAGE = 2000
CHILD_MAX_PER_PAGE = 200
# OQ-8: later releases' ``include_inner_details`` values, in the order their keys are added.
INNER_DETAILS = ("manager.zuid", "manager.status")


def format_time(moment: datetime | None, tz: tzinfo) -> str | None:
    """ISO 8601, seconds, numeric offset with colon (conventions §10)."""
    if moment is None:
        return None
    return moment.astimezone(tz).isoformat(timespec="seconds")


def _user(user_id: str | None, users: Mapping[str, UserInfo]) -> dict[str, Any] | None:
    if user_id is None:
        return None
    user = users.get(user_id)
    return {"name": user.name if user else None, "id": user_id}


def parse_include(raw: str | None) -> tuple[str, ...]:
    """``include=lead_rule_criteria,…`` -> the keys asked for; anything else is refused."""
    if raw is None or not raw.strip():
        return ()
    asked = tuple(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    if any(key not in CRITERIA_KEYS for key in asked):
        raise invalid_param("include", list(CRITERIA_KEYS))
    return asked


def parse_inner_details(raw: str | None) -> tuple[str, ...]:
    """``include_inner_details=manager.zuid,…`` -> the known values asked for; others ignored (OQ-8)."""
    asked = {part.strip() for part in (raw or "").split(",")}
    return tuple(value for value in INNER_DETAILS if value in asked)


def _manager(user_id: str | None, users: Mapping[str, UserInfo], inner: Iterable[str]) -> dict[str, Any] | None:
    out = _user(user_id, users)
    if out is not None:
        user = users.get(str(user_id))
        for value in inner:
            key = value.removeprefix("manager.")
            out[key] = getattr(user, key) if user else None
    return out


def criteria_keys_for(
    endpoint: str, include: Iterable[str] = (), *, lead_rule_enabled: bool = True, deal_rule_enabled: bool = True
) -> tuple[str, ...]:
    """§4.3: ``endpoint`` is "list" (list and by-ID) or "child" (child territories)."""
    enabled = {
        "account_rule_criteria": True,
        "lead_rule_criteria": lead_rule_enabled,
        "deal_rule_criteria": deal_rule_enabled,
    }
    wanted = set(CRITERIA_KEYS) if endpoint == "child" else set(include)
    return tuple(key for key in CRITERIA_KEYS if key in wanted and enabled[key])


def render_territory(
    territory: Territory,
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    tz: tzinfo,
    criteria_keys: Iterable[str] = (),
    inner: Iterable[str] = (),
) -> dict[str, Any]:
    """The territory object of §1; criteria keys only those given (``criteria_keys_for``);
    ``inner`` from ``parse_inner_details``."""
    parent = territories.get(territory.parent_id) if territory.parent_id else None
    out: dict[str, Any] = {
        "id": territory.id,
        "name": territory.name,
        "api_name": territory.api_name,
        "description": territory.description,
        "permission_type": territory.permission_type,
        "reporting_to": {"name": parent.name, "id": parent.id} if parent else None,
        "manager": _manager(territory.manager_id, users, inner),
        "created_time": format_time(territory.created_time, tz),
        "modified_time": format_time(territory.modified_time, tz),
        "created_by": _user(territory.created_by_id, users),
        "modified_by": _user(territory.modified_by_id, users),
    }
    for key in criteria_keys:
        out[key] = territory.rule(key)
    return out


def render_user_territory(
    territory: Territory, territories: Mapping[str, Territory], users: Mapping[str, UserInfo]
) -> dict[str, Any]:
    """One entry of ``GET /users/{id}/territories``: capitalised keys, v7 sample shape (OQ-18)."""
    parent = territories.get(territory.parent_id) if territory.parent_id else None
    return {
        "id": territory.id,
        "Manager": _user(territory.manager_id, users),
        "Name": territory.name,
        "Reporting_To": {"id": parent.id, "Name": parent.name} if parent else None,
    }


def associated_users_count(ordered: Iterable[Territory]) -> list[dict[str, Any]]:
    """``associated_users_count`` entries in the given (pre-)order; counts are strings (OQ-28)."""
    return [
        {"count": str(len(t.member_ids)), "territory": {"name": t.name, "id": t.id}}
        for t in ordered
    ]
