"""Profiles and the permissions endpoints require (spec 12 §8, conventions §6 NO_PERMISSION).

Two profiles: Administrator (everything) and Standard (records CRUD, settings read-only).
"""

from __future__ import annotations

from collections.abc import Iterable

from zcrm_local.domain.errors import MSG_NO_PERMISSION, ErrorCode, ZohoError

ADMINISTRATOR = "Administrator"
STANDARD = "Standard"

MANAGE_SETTINGS = "Crm_Implied_Manage_Settings"
MANAGE_USERS = "Crm_Implied_Manage_Users"
MANAGE_TERRITORIES = "Crm_Implied_Manage_Territories"


def module_permission(op: str, module_api_name: str) -> str:
    """``Crm_Implied_View_Services__s`` and friends; ``op`` is READ/CREATE/UPDATE/DELETE."""
    verb = {"READ": "View", "CREATE": "Create", "UPDATE": "Edit", "DELETE": "Delete"}[op]
    return f"Crm_Implied_{verb}_{module_api_name}"


def standard_permissions(module_names: Iterable[str]) -> list[str]:
    granted = ["Crm_Implied_View_Settings"]
    for name in module_names:
        granted += [module_permission(op, name) for op in ("READ", "CREATE", "UPDATE", "DELETE")]
    return granted


def check(is_admin: bool, granted: Iterable[str], needed: str | None, message: str = MSG_NO_PERMISSION) -> None:
    if needed is None or is_admin or needed in granted:
        return
    raise ZohoError(ErrorCode.NO_PERMISSION, message, {"permissions": [needed]})
