"""Creating an org with everything a fresh org has (spec 12; issue "Foundation")."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.org import defaults as defaults
from zcrm_local.domain.permissions import ADMINISTRATOR, standard_permissions
from zcrm_local.domain.records.modules import registry
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import apply_services_fixture
from zcrm_local.service.territories.feature import create_root_territory
from zcrm_local.store.ids import FIRST_SEQ, make_id
from zcrm_local.store.org import orgs as org_store

# Ids the fixture itself consumes before the org's sequence is handed to the allocator.
_FIXTURE_IDS = 64


@dataclass(frozen=True)
class NewOrg:
    org_id: int
    prefix: int
    admin_id: int
    user_ids: dict[str, int]


def create_org(backend: Backend, name: str, *, territories: bool = True, default: bool = False,
               prefix: int | None = None) -> NewOrg:
    """``prefix``: rebuild an org's fixture with its own ids (reset); by default a free one."""
    with backend.db.write() as conn:
        return _create_in(conn, backend, name, territories=territories, default=default, prefix=prefix)


def _create_in(conn: sa.Connection, backend: Backend, name: str, *, territories: bool, default: bool,
               prefix: int | None) -> NewOrg:
    now = backend.clock.now()
    prefix = prefix or _free_prefix(conn)
    seq = iter(range(FIRST_SEQ, FIRST_SEQ + _FIXTURE_IDS))

    def next_id() -> int:
        return make_id(prefix, next(seq))

    org_id = next_id()
    domain = defaults.email_domain(name, prefix)
    currency, iso, symbol, locale = defaults.CURRENCY
    org_store.insert_org(
        conn,
        {
            "id": org_id,
            "prefix": prefix,
            "zgid": str(secrets.randbelow(9 * 10**9) + 10**9),
            "company_name": name,
            "alias": None,
            "primary_email": f"{defaults.PEOPLE[0].email_local}@{domain}",
            "time_zone": defaults.TIME_ZONE,
            "country_code": defaults.COUNTRY_CODE,
            "currency": currency,
            "iso_code": iso,
            "currency_symbol": symbol,
            "currency_locale": locale,
            "profile": None,
            "next_seq": FIRST_SEQ + _FIXTURE_IDS,
            "territory_state": "enabled" if territories else "never_enabled",
            "job_sheet_enabled": True,
            "clock_frozen_at": None,
            "clock_offset_us": 0,
            "created_time": now,
            "is_default": default,
        },
    )
    profile_ids = {ADMINISTRATOR: next_id(), "Standard": next_id()}
    org_store.insert_profiles(
        conn,
        [
            {"id": profile_ids[ADMINISTRATOR], "org_id": org_id, "name": ADMINISTRATOR, "is_admin": True,
             "permissions": []},
            {"id": profile_ids["Standard"], "org_id": org_id, "name": "Standard", "is_admin": False,
             "permissions": standard_permissions(_module_names())},
        ],
    )
    role_ids = {role: next_id() for role, _ in defaults.ROLES}
    org_store.insert_roles(
        conn,
        [
            {"id": role_ids[role], "org_id": org_id, "name": role,
             "reporting_to": role_ids[parent] if parent else None}
            for role, parent in defaults.ROLES
        ],
    )
    user_ids = {p.key: next_id() for p in defaults.PEOPLE}
    admin_id = user_ids["admin"]
    org_store.insert_users(
        conn,
        [
            {
                "id": user_ids[p.key],
                "org_id": org_id,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "email": f"{p.email_local}@{domain}",
                "status": p.status,
                "confirm": p.confirm,
                "role_id": role_ids[p.role],
                "profile_id": profile_ids[p.profile],
                "reporting_to": None if p.key == "admin" else admin_id,
                "time_zone": defaults.TIME_ZONE,
                "locale": defaults.LOCALE,
                "zuid": f"{prefix}{i + 1:03d}",
                "created_time": now,
                "modified_time": now,
            }
            for i, p in enumerate(defaults.PEOPLE)
        ],
    )
    _feature_fixtures(conn, org_id, prefix, next_id, now)
    return NewOrg(org_id=org_id, prefix=prefix, admin_id=admin_id, user_ids=user_ids)


def ensure_default_org(backend: Backend) -> int:
    """The default org, made by the first of several servers starting at once on one database;
    the others wait for it under a lock and find it."""
    with backend.db.read() as conn:
        row = org_store.default_org(conn)
    if row is not None:
        return int(row["id"])
    with backend.db.write() as conn:
        org_store.lock_default_org(conn)
        row = org_store.default_org(conn)
        if row is not None:
            return int(row["id"])
        return _create_in(conn, backend, defaults.DEFAULT_ORG_NAME, territories=True, default=True,
                          prefix=None).org_id


def _free_prefix(conn: sa.Connection) -> int:
    while True:
        # Ids must fit a signed 64-bit integer: 9_199_999 * 10**12 + seq stays below 2**63.
        prefix = 1_000_000 + secrets.randbelow(8_200_000)
        if not org_store.prefix_taken(conn, prefix):
            return prefix


def _module_names() -> list[str]:
    return [spec.api_name for spec in registry.all_modules() if spec.api_supported]


def _feature_fixtures(conn: sa.Connection, org_id: int, prefix: int, next_id: Any, now: Any) -> None:
    """What each feature gives a new org (business hours, taxes, root territory…), inside the
    org's creating transaction so an org is never half-made."""
    apply_services_fixture(conn, org_id, prefix)
    create_root_territory(conn, org_id, next_id, now)
