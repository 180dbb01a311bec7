"""Records addressed by an external field value (spec 40 §18)."""

from __future__ import annotations

from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.records import match as record_match


def resolve(backend: Backend, principal: Principal, module: str, field: str, value: str) -> int | None:
    """The id of the record whose external ``field`` holds ``value``, or None."""
    key = value.strip()
    if not key:
        return None
    with backend.db.read() as conn:
        row = record_match.oldest_with(conn, principal.org_id, module, field, key, case_insensitive=False,
                                       lock=False)
    return int(row["id"]) if row is not None else None
