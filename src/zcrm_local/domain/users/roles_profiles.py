"""Roles and profiles as GET /settings/roles and /settings/profiles show them (spec 40 §19.5)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain.times import format_datetime


def render_role(row: Mapping[str, Any], names: Mapping[int, str]) -> dict[str, Any]:
    parent = row["reporting_to"]
    return {
        "display_label": row["name"],
        "forecast_manager": None,
        "share_with_peers": True,
        "name": row["name"],
        "description": None,
        "id": str(row["id"]),
        "reporting_to": {"name": names.get(int(parent)), "id": str(parent)} if parent else None,
        # The root role (no parent) is the administrators' role (D-547).
        "admin_user": parent is None,
    }


def render_profile(row: Mapping[str, Any], org: Mapping[str, Any], *, tz: str) -> dict[str, Any]:
    """Default profiles exist since the org was made, by nobody (D-547)."""
    made = format_datetime(org["created_time"], tz)
    return {
        "display_label": row["name"],
        "created_time": made,
        "modified_time": made,
        "name": row["name"],
        "modified_by": None,
        "description": None,
        "id": str(row["id"]),
        "category": False,
        "created_by": None,
        "custom": False,
        "default": bool(row["is_admin"]),
        "type": "normal_profile",
        "_default_view": {"name": row["name"], "id": str(row["id"]), "type": "profile"},
    }
