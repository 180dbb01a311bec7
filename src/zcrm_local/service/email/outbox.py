"""The outbox of an org (spec 70 §1.4): every mail the server "sent", for tests to read."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.email import render
from zcrm_local.service.backend import Backend
from zcrm_local.store.email import rows as store
from zcrm_local.store.org import orgs as org_store


FIXTURE_KINDS = ("email_template", "inventory_template", "mail_merge_template", "from_address", "bounce", "cadence")


def _org(backend: Backend, org_id: int) -> Any:
    with backend.db.read() as conn:
        return org_store.get_org(conn, org_id)


def messages(backend: Backend, org_id: int) -> list[dict[str, Any]] | None:
    """The org's outbox in sending order, or None when the org does not exist."""
    org = _org(backend, org_id)
    if org is None:
        return None
    now = backend.org_now(org)
    with backend.db.read() as conn:
        return [render.outbox_entry(row, now) for row in store.outbox(conn, org_id)]


def clear(backend: Backend, org_id: int) -> int | None:
    if _org(backend, org_id) is None:
        return None
    with backend.db.write() as conn:
        return store.clear_outbox(conn, org_id)


def put_fixture(backend: Backend, org_id: int, kind: str, key: str, doc: Any) -> None:
    """Email fixtures (templates, from addresses, bounce state, cadences) of an org."""
    with backend.db.write() as conn:
        store.put_setting(conn, org_id, kind, key, doc)
