"""Reading records of any module: one page of a list, or one record by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from zcrm_local.domain.records.listing import ListParams
from zcrm_local.domain.records.lookups import RelatedRef, ids_in_records
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.layouts import record_layout
from zcrm_local.domain.records.render import RenderContext, referenced_user_ids
from zcrm_local.service.auth import Principal
from zcrm_local.service import installation
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.records.rows import related_refs
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.territories import rows as territory_store


@dataclass(frozen=True)
class Page:
    records: list[dict[str, Any]]
    more: bool
    users: dict[int, UserRef]
    related: dict[int, RelatedRef] = field(default_factory=dict)


def token_key(backend: Backend, principal: Principal) -> bytes:
    """Page tokens are signed per org with a key derived from the installation secret, which
    every process on the database shares and no client can know (D-455)."""
    return installation.derived_key(backend, f"page-token:{principal.org_id}")


def list_page(backend: Backend, principal: Principal, module: str, params: ListParams,
              modified_since: datetime | None = None, territory_ids: list[str] | None = None) -> Page:
    """``territory_ids``: only records that hold one of these territories (None: no filter)."""
    in_territories = territory_store.record_ids_in(principal.org_id, territory_ids) if territory_ids else None
    with backend.db.read() as conn:
        rows = record_store.page(
            conn, principal.org_id, module, sort_by=params.sort_by, descending=params.descending,
            offset=params.offset, limit=params.per_page + 1, ids=params.ids, modified_since=modified_since,
            record_ids_in=in_territories,
        )
        shown = [dict(r["data"]) for r in rows[: params.per_page]]
        users = _users_for(conn, principal.org_id, module, shown) if shown else {}
        related = _related_for(conn, principal.org_id, module, shown)
    return Page(shown, len(rows) > params.per_page, users, related)


def modified_since_any(backend: Backend, principal: Principal, module: str, since: datetime) -> bool:
    with backend.db.read() as conn:
        rows = record_store.page(conn, principal.org_id, module, limit=1, modified_since=since)
    return bool(rows)


def get_one(backend: Backend, principal: Principal, module: str, record_id: int) -> tuple[dict[str, Any] | None,
                                                                                          dict[int, UserRef]]:
    found = get_full(backend, principal, module, record_id)
    return found.records[0] if found.records else None, found.users


def get_full(backend: Backend, principal: Principal, module: str, record_id: int) -> Page:
    """One record (or none) with the users and lookup targets it names, read together."""
    with backend.db.read() as conn:
        row = record_store.get(conn, principal.org_id, module, record_id)
        if row is None:
            return Page([], False, {})
        record = dict(row["data"])
        users = _users_for(conn, principal.org_id, module, [record])
        related = _related_for(conn, principal.org_id, module, [record])
    return Page([record], False, users, related)


def _related_for(conn: Any, org_id: int, module: str, records: list[dict[str, Any]]) -> dict[int, RelatedRef]:
    """Names of the records these records' lookups point at (one query, none without lookups)."""
    spec = registry.get(module)
    if spec is None or not records:
        return {}
    return related_refs(conn, org_id, ids_in_records(spec, records))


def _users_for(conn: Any, org_id: int, module: str, records: list[dict[str, Any]]) -> dict[int, UserRef]:
    """Only the users these records name (not every user of the org): all a rendering reads."""
    spec = registry.get(module)
    if spec is None:
        return users_by_id(conn, org_id)
    return users_by_id(conn, org_id, referenced_user_ids(spec, records))


def render_context(principal: Principal, module: str, users: Any, related: Any = None) -> RenderContext:
    """How a record of ``module`` renders for ``principal``: the one context every reader of
    records (the API, the console) renders with."""
    spec = registry.get(module)
    layout = record_layout(int(principal.org["prefix"]), spec) if spec else None
    return RenderContext(users=users, time_zone=principal.time_zone,
                         currency_symbol=principal.org["currency_symbol"], related=related or {}, layout=layout)
