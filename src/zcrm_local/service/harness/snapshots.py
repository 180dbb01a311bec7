"""Org snapshots: export every org row to JSON, import it back, reset an org to its fixture.

A snapshot holds the rows of every org table (the org row, its people, records, settings,
territories, OAuth clients and token digests…), so an imported org answers as it did, with the
same credentials. Harness state (fault rules, limits, journal, switches) is not org data and is
neither exported nor replaced, except record locks and pending territory jobs: they name records
the import or reset replaces, so both drop them. Each replaces the org's rows in one transaction.
"""

from __future__ import annotations

from typing import Any

from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import AdminError, invalid, org_row
from zcrm_local.service.org.orgs import create_org
from zcrm_local.store.harness import record_flags as flag_store
from zcrm_local.store.harness import snapshots as store
from zcrm_local.store.migrate import head_revision

FORMAT = "zcrm-local/org-snapshot"
VERSION = 1
# Kept across a reset: the org's identity and its credentials.
_KEPT_ORG_COLUMNS = ("zgid", "created_time", "is_default", "profile", "alias")
_OAUTH_TABLES = ("oauth_clients", "oauth_grants", "oauth_refresh_tokens", "oauth_access_tokens")


def export_org(backend: Backend, org_id: int) -> dict[str, Any]:
    org_row(backend, org_id)
    with backend.db.read() as conn:
        tables = store.export_rows(conn, org_id)
    return {"format": FORMAT, "version": VERSION, "schema": head_revision(), "org_id": str(org_id),
            "tables": tables}


def import_org(backend: Backend, org_id: int, snapshot: Any) -> None:
    """Replace the org's rows with the snapshot's (creating the org if it is not there)."""
    if not isinstance(snapshot, dict) or snapshot.get("format") != FORMAT:
        raise invalid(f"not an org snapshot (format must be {FORMAT!r})")
    if snapshot.get("version") != VERSION:
        raise invalid(f"snapshot version {snapshot.get('version')!r} is not supported (expected {VERSION})")
    if snapshot.get("org_id") != str(org_id):
        raise invalid(f"the snapshot is of org {snapshot.get('org_id')}, not {org_id}")
    tables = snapshot.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(v, list) for v in tables.values()):
        raise invalid("tables: an object of row lists")
    _replace(backend, org_id, tables)


def reset_org(backend: Backend, org_id: int) -> None:
    """The org as a fresh org with its name is, keeping its id, identity and credentials."""
    current = export_org(backend, org_id)["tables"]
    org = current["orgs"][0]
    scratch = store.scratch_database()
    try:
        built = Backend(db=scratch, settings=backend.settings, clock=backend.clock)
        create_org(built, org["company_name"], territories=org["territory_state"] != "never_enabled",
                   default=bool(org["is_default"]), prefix=org["prefix"])
        with scratch.read() as conn:
            fresh = store.export_rows(conn, org_id)
    finally:
        scratch.dispose()
    if len(fresh["orgs"]) != 1:
        raise AdminError("RESET_FAILED", "the org's fixture could not be rebuilt with its own ids", 500)
    for column in _KEPT_ORG_COLUMNS:
        fresh["orgs"][0][column] = org[column]
    for name in _OAUTH_TABLES:
        fresh[name] = current.get(name, [])
    _replace(backend, org_id, fresh)


def _replace(backend: Backend, org_id: int, tables: dict[str, Any]) -> None:
    try:
        with backend.db.write() as conn:
            store.replace_rows(conn, org_id, tables)
            flag_store.delete_flags(conn, org_id)
    except store.SnapshotError as refusal:
        raise AdminError("INVALID_SNAPSHOT", str(refusal), 400) from None
    # Ids leased before the import stay unused rather than risk meeting restored rows.
    backend.ids.forget(org_id)
