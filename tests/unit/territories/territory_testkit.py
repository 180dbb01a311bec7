"""A small org used by the territory tests: tree, users, field metadata."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records.modules import accounts, deals, leads
from zcrm_local.domain.territories.model import Limits, Territory, TerritoryContext, UserInfo

NOW = datetime(2024, 7, 9, 15, 20, 29, tzinfo=UTC)
ORG_PREFIX = 4315810

ADMIN, ANNA, IDLE, GONE, NEW = "111", "112", "113", "114", "115"
USERS = {
    ADMIN: UserInfo(ADMIN, "Patricia Boyle"),
    ANNA: UserInfo(ANNA, "Anna Smith"),
    IDLE: UserInfo(IDLE, "Ian Idle", status="inactive"),
    GONE: UserInfo(GONE, "Gail Gone", status="deleted"),
    NEW: UserInfo(NEW, "Ned New", confirmed=False),
}

ROOT, NORTH, SOUTH, NORTH_EAST = "1000", "1001", "1002", "1003"


def tree() -> dict[str, Territory]:
    return {
        ROOT: Territory(ROOT, "zoho", "zoho", None, "read_only", "Organization Parent Territory",
                        ADMIN, frozenset({ADMIN}), created_time=NOW, modified_time=NOW,
                        created_by_id=ADMIN, modified_by_id=ADMIN),
        NORTH: Territory(NORTH, "North", "North", ROOT, "read_write_delete", None, ANNA,
                         frozenset({ANNA, ADMIN}), created_time=NOW, modified_time=NOW,
                         created_by_id=ADMIN, modified_by_id=ADMIN),
        SOUTH: Territory(SOUTH, "South", "South", ROOT, created_time=NOW, modified_time=NOW,
                         created_by_id=ADMIN, modified_by_id=ADMIN),
        NORTH_EAST: Territory(NORTH_EAST, "North East", "North_East", NORTH, created_time=NOW,
                              modified_time=NOW, created_by_id=ADMIN, modified_by_id=ADMIN),
    }


def fields_of(spec: Any) -> dict[str, Any]:
    return {f.api_name: f for f in spec.fields}


FIELDS = {"Accounts": fields_of(accounts.SPEC), "Leads": fields_of(leads.SPEC), "Deals": fields_of(deals.SPEC)}


def ctx(**overrides: Any) -> TerritoryContext:
    base = TerritoryContext(
        territories=tree(), users=USERS, now=NOW, caller_id=ADMIN, fields=FIELDS, org_prefix=ORG_PREFIX,
        limits=Limits(),
    )
    return replace(base, **overrides)


def err(error: Any) -> tuple[Any, ...]:
    """The whole error as one comparable value."""
    assert isinstance(error, ZohoError), f"expected an error, got {error!r}"
    return (error.code, error.message, error.details, error.status)


def one(items: list[Any]) -> Any:
    assert len(items) == 1
    return items[0]
