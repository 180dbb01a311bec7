"""Territory settings use cases (spec 20 §4–§8): read, create, update, delete, transfer.

Writes return one result per item, in input order: a success dict or the item's ZohoError.
Request-level refusals are raised.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.permissions import MANAGE_TERRITORIES
from zcrm_local.domain.territories import messages as m
from zcrm_local.domain.territories.filters import FilterNode
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import NewId
from zcrm_local.service.territories.context import planned_writes, reading, wrapper_count
from zcrm_local.store.territories import rows as store

Result = Outcome


# ---- reads ---------------------------------------------------------------------------------

def list_territories(backend: Backend, principal: Principal, *, filters: FilterNode | None = None,
                     ids: list[int] | None = None, include: tuple[str, ...] = (),
                     inner: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Every matching territory, rendered, in hierarchy pre-order (§4.1); ``inner``: OQ-8."""
    ctx, tz = reading(backend, principal)
    keys = t.criteria_keys_for("list", include, lead_rule_enabled=ctx.lead_rule_enabled,
                               deal_rule_enabled=ctx.deal_rule_enabled)
    wanted = {str(i) for i in ids} if ids is not None else None
    out = []
    for ident in t.preorder(ctx.territories):
        territory = ctx.territories[ident]
        if (wanted is None or ident in wanted) and t.filter_matches(filters, territory):
            out.append(t.render_territory(territory, ctx.territories, ctx.users, tz, keys, inner))
    return out


def get_territory(backend: Backend, principal: Principal, ident: str,
                  include: tuple[str, ...] = (), inner: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """One territory, or None (the caller answers 204, OQ-10)."""
    found = list_territories(backend, principal, ids=[int(ident)], include=include, inner=inner)
    return found[0] if found else None


def child_territories(backend: Backend, principal: Principal, path_id: str,
                      filters: FilterNode | None = None, inner: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Direct children in creation order, every enabled criteria key shown (§4.2, §4.3)."""
    ctx, tz = reading(backend, principal)
    keys = t.criteria_keys_for("child", lead_rule_enabled=ctx.lead_rule_enabled,
                               deal_rule_enabled=ctx.deal_rule_enabled)
    return [
        t.render_territory(child, ctx.territories, ctx.users, tz, keys, inner)
        for child in t.child_territories(ctx.territories, path_id)
        if t.filter_matches(filters, child)
    ]


def associated_users_count(backend: Backend, principal: Principal) -> list[dict[str, Any]]:
    ctx, _ = reading(backend, principal)
    return t.associated_users_count(ctx.territories[i] for i in t.preorder(ctx.territories))


# ---- writes --------------------------------------------------------------------------------

def create(backend: Backend, principal: Principal, body: Any) -> list[Result]:
    def apply(conn: sa.Connection, ctx: t.TerritoryContext, draft: Any, new_id: NewId) -> Result:
        ident = new_id()
        store.insert(conn, principal.org_id, ident, draft)
        return m.success(m.MSG_CREATED, str(ident))

    return planned_writes(backend, principal, lambda conn, ctx: t.validate_create(body, ctx), apply,
                          ids_needed=wrapper_count(body, "territories", t.Limits().territories_per_call))


def update(backend: Backend, principal: Principal, body: Any, path_id: str | None = None) -> list[Result]:
    working: dict[str, Any] = {}

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        working.clear()
        working.update(ctx.territories)  # a re-run starts from the tree it read again
        return t.validate_update(body, ctx, path_id)

    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        after = result.apply(working[result.id])
        working[result.id] = after
        store.save(conn, principal.org_id, after)
        store.add_members(conn, principal.org_id, result.id, result.added_member_ids, ctx.now)
        return m.success(m.MSG_UPDATED, result.id)

    return planned_writes(backend, principal, plan, apply)


def delete(backend: Backend, principal: Principal, ids: str | None, *, path_id: str | None = None,
           delete_previous_forecasts: str | None = None) -> list[Result]:
    """§7; a caller who may not manage territories is refused as the delete page documents."""
    if not principal.is_admin and MANAGE_TERRITORIES not in principal.permissions:
        raise m.delete_denied()

    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.delete(conn, principal.org_id, result.id)
        return m.success(m.MSG_DELETED, result.id)

    return planned_writes(backend, principal, lambda conn, ctx: t.validate_delete(
        ctx.territories, ids, path_id=path_id, delete_previous_forecasts=delete_previous_forecasts,
        limits=ctx.limits), apply)


def transfer_and_delete(backend: Backend, principal: Principal, body: Any,
                        path_id: str | None = None) -> list[Result]:
    """§8: children re-parented, members dropped, record entries moved, then the delete."""

    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.reparent(conn, principal.org_id, result.moved_child_ids, result.transfer_to_id)
        store.drop_members(conn, principal.org_id, result.id)
        store.transfer_record_entries(conn, principal.org_id, result.id, result.transfer_to_id)
        store.delete(conn, principal.org_id, result.id)
        return m.success(m.MSG_TRANSFERRED, result.id)

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        return t.validate_transfer(body, ctx.territories, path_id=path_id, limits=ctx.limits)

    return planned_writes(backend, principal, plan, apply)
