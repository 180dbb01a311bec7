"""Reading records of any module: one page of a list, or one record by id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zcrm_local.domain.modules import registry
from zcrm_local.domain.records.listing import ListParams
from zcrm_local.domain.records.render import referenced_user_ids
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.service.auth import Principal
from zcrm_local.service import installation
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import users_by_id
from zcrm_local.store import records as record_store
from zcrm_local.store import territories as territory_store


@dataclass(frozen=True)
class Page:
    records: list[dict[str, Any]]
    more: bool
    users: dict[int, UserRef]


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
    return Page(shown, len(rows) > params.per_page, users)


def modified_since_any(backend: Backend, principal: Principal, module: str, since: datetime) -> bool:
    with backend.db.read() as conn:
        rows = record_store.page(conn, principal.org_id, module, limit=1, modified_since=since)
    return bool(rows)


def get_one(backend: Backend, principal: Principal, module: str, record_id: int) -> tuple[dict[str, Any] | None,
                                                                                          dict[int, UserRef]]:
    with backend.db.read() as conn:
        row = record_store.get(conn, principal.org_id, module, record_id)
        record = dict(row["data"]) if row is not None else None
        users = _users_for(conn, principal.org_id, module, [record]) if record is not None else {}
    return record, users


def _users_for(conn: Any, org_id: int, module: str, records: list[dict[str, Any]]) -> dict[int, UserRef]:
    """Only the users these records name (not every user of the org): all a rendering reads."""
    spec = registry.get(module)
    if spec is None:
        return users_by_id(conn, org_id)
    return users_by_id(conn, org_id, referenced_user_ids(spec, records))
