"""A snapshot is validated completely before anything is written (D-461): each import below
once wrote rows that then answered 500 (or answered an admin 500 itself)."""

from __future__ import annotations

from tests.conftest import new_org
from tests.http.services.helpers import seed_item


def _export(admin, org):
    r = admin.get(f"/orgs/{org.id}/snapshot")
    assert r.status_code == 200
    return r.json()


def _refused(admin, org, snap, message):
    before = _export(admin, org)
    r = admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert (r.status_code, r.json()) == (400, {"error": {"code": "INVALID_SNAPSHOT", "message": message}})
    assert _export(admin, org) == before  # nothing written


def _assigned_account(client, org) -> str:
    root = client.get("/crm/v7/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    made = client.post("/crm/v7/Accounts", json={"data": [{"Account_Name": "T"}]}, headers=org.headers)
    ident = made.json()["data"][0]["details"]["id"]
    r = client.post(f"/crm/v7/Accounts/{ident}/actions/assign_territories",
                    json={"data": [{"Territories": [{"id": root}]}]}, headers=org.headers)
    assert r.status_code == 202, r.text
    return ident


def test_a_snapshot_naming_another_orgs_territory_is_refused(admin, org, client, backend):
    other = new_org(backend)
    _assigned_account(client, org)
    theirs = client.get("/crm/v7/settings/territories", headers=other.headers).json()["territories"][0]["id"]
    snap = _export(admin, org)
    snap["tables"]["record_territories"][0]["territory_id"] = int(theirs)
    _refused(admin, org, snap, "record_territories[0].territory_id: names no row of territories in the snapshot")
    # The other org's own territory actions still work.
    _assigned_account(client, other)


def test_a_snapshot_whose_rows_carry_another_orgs_ids_is_refused(admin, org, client, backend):
    other = new_org(backend)
    theirs = client.get("/crm/v7/users?type=AllUsers", headers=other.headers).json()["users"][0]["id"]
    snap = _export(admin, org)
    territory = snap["tables"]["territories"][0]
    territory["data"]["manager_id"] = theirs
    _refused(admin, org, snap, "territories[0].data.manager_id: not an id of this org")


def test_undecodable_values_are_refused_with_what_is_wrong(admin, org, client):
    client.post("/crm/v7/Services__s", json={"data": [seed_item(org)]}, headers=org.headers)
    snap = _export(admin, org)
    snap["tables"]["records"][0]["created_time"] = "yesterday"
    snap["tables"]["users"][0]["confirm"] = "yes"
    snap["tables"]["roles"][0]["name"] = "x" * 500
    snap["tables"]["taxes"][0]["id"] = 2**70
    snap["tables"]["orgs"][0]["clock_frozen_at"] = "9999-12-31T23:00:00+00:00"
    _refused(admin, org, snap, "; ".join([
        "orgs[0].clock_frozen_at: a date-time needs an offset and a year from 2 to 9998",
        "records[0].created_time: not an ISO 8601 date-time",
        "roles[0].name: longer than 100 characters",
        "taxes[0].id: not a 64-bit integer",
        "users[0].confirm: not true or false",
    ]))


def test_a_snapshot_making_a_second_default_org_is_refused(admin, org, backend, database):
    from zcrm_local.service.org.orgs import create_org
    from zcrm_local.store.org.orgs import default_org

    with database.read() as conn:
        found = default_org(conn)
    default_id = found["id"] if found is not None else create_org(backend, "Default", default=True).org_id
    snap = _export(admin, org)
    snap["tables"]["orgs"][0]["is_default"] = True
    _refused(admin, org, snap, f"orgs[0].is_default: org {default_id} is the default org")


def test_a_record_value_the_api_cannot_render_is_refused(admin, org, client):
    client.post("/crm/v7/Services__s", json={"data": [seed_item(org)]}, headers=org.headers)
    snap = _export(admin, org)
    index = next(i for i, row in enumerate(snap["tables"]["records"]) if row["module"] == "Services__s")
    snap["tables"]["records"][index]["data"]["Price"] = "abc"
    _refused(admin, org, snap, f"records[{index}].data: cannot be read back (InvalidOperation)")
    r = client.get("/crm/v7/Services__s?fields=Price", headers=org.headers)
    assert r.status_code == 200


def test_a_nul_in_a_snapshot_is_invalid_snapshot(admin, org):
    snap = _export(admin, org)
    snap["tables"]["roles"][0]["name"] = "a\u0000"
    _refused(admin, org, snap, "text holds U+0000 or an unpaired surrogate, which cannot be stored")


def test_a_valid_snapshot_still_imports(admin, org, client):
    _assigned_account(client, org)
    snap = _export(admin, org)
    r = admin.put(f"/orgs/{org.id}/snapshot", snap)
    assert r.status_code == 200
    assert _export(admin, org)["tables"] == snap["tables"]
