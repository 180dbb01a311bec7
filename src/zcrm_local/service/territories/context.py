"""What every territory use case reads first: the org's territories, users, limits and rule
switches, as one domain ``TerritoryContext`` taken inside the caller's transaction.

Writes take it under the org lock (``write_locked``), so read-snapshot → validate → apply is one
serialised step per org on both stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import FieldSpec
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.users.render import full_name
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import NewId, run_items
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.settings import rows as settings_store
from zcrm_local.store.territories import rows as store

T = TypeVar("T")

# org_settings key of the per-org territory switches (OQ-6, OQ-31).
SETTINGS_KEY = "territories"
FIELDS: dict[str, dict[str, FieldSpec]] = {
    spec.api_name: {f.api_name: f for f in spec.fields}
    for spec in registry.all_modules() if spec.territory_field is not None
}


@dataclass(frozen=True)
class TerritorySettings:
    limits: t.Limits
    lead_rule_enabled: bool
    deal_rule_enabled: bool


def territory_settings(conn: sa.Connection, org_id: int) -> TerritorySettings:
    raw: dict[str, Any] = settings_store.get_setting(conn, org_id, SETTINGS_KEY) or {}
    base = t.Limits()
    limits = t.Limits(
        max_territories=int(raw.get("max_territories", base.max_territories)),
        max_users_per_territory=int(raw.get("max_users_per_territory", base.max_users_per_territory)),
    )
    return TerritorySettings(limits, bool(raw.get("lead_rule_enabled", True)), bool(raw.get("deal_rule_enabled", True)))


def users_of(conn: sa.Connection, org_id: int) -> dict[str, t.UserInfo]:
    return {
        str(u["id"]): t.UserInfo(str(u["id"]), full_name(u["first_name"], u["last_name"]), u["status"],
                                 bool(u["confirm"]), u["zuid"])
        for u in org_store.list_users(conn, org_id)
    }


def load_context(conn: sa.Connection, org: Any, caller_id: int, now: Any) -> t.TerritoryContext:
    org_id = int(org["id"])
    switches = territory_settings(conn, org_id)
    return t.TerritoryContext(
        territories=store.load(conn, org_id),
        users=users_of(conn, org_id),
        now=now,
        caller_id=str(caller_id),
        fields=FIELDS,
        org_prefix=int(org["prefix"]),
        limits=switches.limits,
        lead_rule_enabled=switches.lead_rule_enabled,
        deal_rule_enabled=switches.deal_rule_enabled,
    )


def reading(backend: Backend, principal: Principal) -> tuple[t.TerritoryContext, ZoneInfo]:
    """A read-only snapshot and the caller's time zone for rendering."""
    with backend.db.read() as conn:
        ctx = load_context(conn, principal.org, principal.user_id, backend.org_now(principal.org))
    return ctx, ZoneInfo(principal.time_zone)


def write_locked(backend: Backend, principal: Principal,
                 fn: Callable[[sa.Connection, t.TerritoryContext], T]) -> T:
    """``fn(conn, ctx)`` in one write transaction holding the org lock, with the snapshot taken
    under it; run again whole if the transaction loses a race (``Database.write_retrying``).

    The feature state is checked again under the lock: a switch-off that committed after the
    gate read the org must win.
    """

    def run(conn: sa.Connection) -> T:
        org_store.lock_org(conn, principal.org_id)
        org = org_store.get_org(conn, principal.org_id)
        t.check_feature(org["territory_state"])
        return fn(conn, load_context(conn, org, principal.user_id, backend.org_now(org)))

    return backend.db.write_retrying(run)


class _PlannedStep:
    """A territory write through the one pipeline: the domain plans the whole batch under the org
    lock (its rules span items: names unique in the request, a parent made by an earlier item),
    then each plan is applied; a refused plan is the item's answer."""

    def __init__(self, conn: sa.Connection, ctx: t.TerritoryContext,
                 apply: Callable[[sa.Connection, t.TerritoryContext, Any, NewId], Outcome]) -> None:
        self.conn, self.ctx, self._apply = conn, ctx, apply

    def apply(self, index: int, planned: Any, new_id: NewId) -> Outcome:
        if isinstance(planned, ZohoError):
            raise planned
        return self._apply(self.conn, self.ctx, planned, new_id)

    def finish(self) -> None:
        pass


def planned_writes(backend: Backend, principal: Principal,
                   plan: Callable[[sa.Connection, t.TerritoryContext], Iterable[Any]],
                   apply: Callable[[sa.Connection, t.TerritoryContext, Any, NewId], Outcome],
                   *, ids_needed: int = 0) -> list[Outcome]:
    """Run a territory write through ``service/pipeline.run_items`` inside ``write_locked``."""
    bulk = run_items(
        backend, principal, lambda step: plan(step.conn, step.ctx),
        lambda conn, ctx: _PlannedStep(conn, ctx, apply),
        ids_needed=ids_needed,
        transaction=lambda run: write_locked(backend, principal, run),
    )
    return bulk.items  # type: ignore[return-value]


def wrapper_count(body: Any, key: str, limit: int) -> int:
    """How many ids a write body may consume: ids are leased before the transaction opens."""
    items = body.get(key) if isinstance(body, dict) else None
    return min(len(items), limit) if isinstance(items, list) else 0
