"""Org snapshots: export, import (round-trip exact), reset to the fixture."""

from __future__ import annotations

from tests.admin.conftest import error
from zcrm_local.store.migrate import head_revision
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.settings import rows as settings_store
from zcrm_local.store.tables import metadata

HARNESS_TABLES = {"org_harness", "fault_rules", "api_usage", "api_inflight", "request_journal", "record_flags"}


def _export(admin, org):
    r = admin.get(f"/orgs/{org.id}/snapshot")
    assert r.status_code == 200, r.text
    return r.json()


def _mutate(backend, org):
    with backend.db.write() as conn:
        settings_store.put_setting(conn, org.id, "test.note", {"changed": True})
        org_store.update_org(conn, org.id, company_name="Renamed", job_sheet_enabled=False)


def test_export_holds_every_org_table_but_harness_state(admin, org):
    snap = _export(admin, org)
    assert (snap["format"], snap["version"], snap["schema"], snap["org_id"]) == (
        "zcrm-local/org-snapshot", 1, head_revision(), str(org.id))
    org_tables = {t.name for t in metadata.sorted_tables if "org_id" in t.c} | {"orgs"}
    assert set(snap["tables"]) == org_tables - HARNESS_TABLES
    (row,) = snap["tables"]["orgs"]
    assert row["id"] == org.id
    assert row["created_time"] == "2026-11-23T06:30:00.000000+00:00"
    assert len(snap["tables"]["users"]) == 4
    assert len(snap["tables"]["oauth_clients"]) == 1


def test_export_import_export_is_exact(admin, org, backend):
    _mutate(backend, org)
    first = _export(admin, org)
    r = admin.put(f"/orgs/{org.id}/snapshot", first)
    assert r.status_code == 200
    assert r.json()["org"]["name"] == "Renamed"
    assert _export(admin, org) == first


def test_import_replaces_rows_changed_since_export(admin, org, backend, client):
    before = _export(admin, org)
    _mutate(backend, org)
    admin.put(f"/orgs/{org.id}/snapshot", before)
    assert _export(admin, org) == before
    assert client.get("/crm/v7/org", headers=org.headers).json()["org"][0]["company_name"] != "Renamed"


def test_import_keeps_harness_state(admin, org, client):
    snap = _export(admin, org)
    admin.post(f"/orgs/{org.id}/faults", {"error": "INTERNAL_ERROR"})
    admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 500


def test_import_deleted_org_brings_it_back_with_its_credentials(admin, org, client):
    snap = _export(admin, org)
    admin.delete(f"/orgs/{org.id}")
    r = admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert r.status_code == 200
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    assert _export(admin, org) == snap


def test_import_snapshot_of_other_org_is_invalid_input(admin, org, backend):
    from tests.conftest import new_org

    other = new_org(backend)
    r = admin.put(f"/orgs/{other.id}/snapshot", _export(admin, org))
    assert (r.status_code, r.json()) == (
        400, error("INVALID_INPUT", f"the snapshot is of org {org.id}, not {other.id}"))


def test_import_unknown_table_is_invalid_snapshot(admin, org):
    snap = _export(admin, org)
    snap["tables"]["gadgets"] = []
    r = admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert (r.status_code, r.json()) == (400, error("INVALID_SNAPSHOT", "unknown tables: gadgets"))


def test_import_row_with_missing_column_is_invalid_snapshot(admin, org):
    snap = _export(admin, org)
    del snap["tables"]["roles"][0]["name"]
    r = admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "INVALID_SNAPSHOT"
    assert r.json()["error"]["message"].startswith("table roles: columns")


def test_import_not_a_snapshot_is_invalid_input(admin, org):
    r = admin.put(f"/orgs/{org.id}/snapshot", {"tables": {}})
    assert (r.status_code, r.json()) == (
        400, error("INVALID_INPUT", "not an org snapshot (format must be 'zcrm-local/org-snapshot')"))


def test_failed_import_changes_nothing(admin, org):
    before = _export(admin, org)
    broken = _export(admin, org)
    broken["tables"]["users"].append(dict(broken["tables"]["users"][0]))  # a duplicate primary key
    assert admin.put(f"/orgs/{org.id}/snapshot", broken).status_code == 400
    assert _export(admin, org) == before


def test_reset_org_restores_fixture_and_keeps_credentials(admin, org, backend, client):
    fixture = _export(admin, org)
    with backend.db.write() as conn:
        settings_store.put_setting(conn, org.id, "test.note", {"changed": True})
        org_store.update_org(conn, org.id, job_sheet_enabled=False)
    admin.put(f"/orgs/{org.id}/territories", {"state": "disabled"})
    admin.post(f"/orgs/{org.id}/clock/freeze", {"at": "2030-01-01T00:00:00+00:00"})
    r = admin.post(f"/orgs/{org.id}/reset")
    assert r.status_code == 200
    assert r.json()["org"]["territory_state"] == "enabled"
    assert r.json()["org"]["clock"]["frozen"] is False
    assert _export(admin, org) == fixture
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200


def test_reset_org_keeps_its_name(admin, org, backend):
    _mutate(backend, org)
    assert admin.post(f"/orgs/{org.id}/reset").json()["org"]["name"] == "Renamed"


def test_reset_org_never_enabled_territories_stays_never_enabled(admin, backend):
    from tests.conftest import new_org

    plain = new_org(backend, territories=False)
    fixture = _export(admin, plain)
    r = admin.post(f"/orgs/{plain.id}/reset")
    assert r.json()["org"]["territory_state"] == "never_enabled"
    assert _export(admin, plain) == fixture


def test_reset_unknown_org_is_not_found(admin):
    r = admin.post("/orgs/1234567000000000000/reset")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such org"))
