"""Record test hooks of the admin API: record locks and territory jobs held pending."""

from __future__ import annotations

import json

from tests.admin.conftest import error

AT = "2026-11-23T06:30:00.000000+00:00"
UNKNOWN_ORG = "1234567000000000000"


def create(client, org, module="Accounts"):
    body = {"Accounts": {"Account_Name": "A"}, "Contacts": {"Last_Name": "C"}}[module]
    r = client.post(f"/crm/v7/{module}", headers=org.headers, content=json.dumps({"data": [body]}))
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def assign_root(client, org, record):
    root = client.get("/crm/v7/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    body = {"data": [{"id": record, "Territories": [{"id": root}]}]}
    return client.post("/crm/v7/Accounts/actions/assign_territories", headers=org.headers, content=json.dumps(body))


# ---- record locks -------------------------------------------------------------------------------

def test_lock_answers_the_lock_and_lists_it(admin, org, client):
    account = create(client, org)
    r = admin.put(f"/orgs/{org.id}/record_locks/accounts/{account}")
    lock = {"module": "Accounts", "id": account, "created_time": AT}
    assert (r.status_code, r.json()) == (200, {"record_lock": lock})
    assert admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}").json() == {"record_lock": lock}
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": [lock]}


def test_no_locks_is_an_empty_list(admin, org):
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": []}


def test_lock_refuses_unknown_org_module_and_record(admin, org, client):
    account = create(client, org)
    cases = [
        (f"/orgs/{UNKNOWN_ORG}/record_locks/Accounts/{account}", "no such org"),
        (f"/orgs/{org.id}/record_locks/Widgets/{account}", "no such module"),
        (f"/orgs/{org.id}/record_locks/Accounts/1234567000000000001", "no such record"),
        (f"/orgs/{org.id}/record_locks/Accounts/abc", "no such record"),
        (f"/orgs/{org.id}/record_locks/Contacts/{account}", "no such record"),
    ]
    for path, message in cases:
        r = admin.put(path)
        assert (r.status_code, r.json()) == (404, error("NOT_FOUND", message)), path
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": []}


def test_lock_of_a_deleted_record_is_refused(admin, org, client):
    account = create(client, org)
    assert client.delete(f"/crm/v7/Accounts/{account}", headers=org.headers).status_code == 200
    r = admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such record"))


def test_unlock_removes_the_lock_once(admin, org, client):
    account = create(client, org)
    admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    r = admin.delete(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    assert (r.status_code, r.content) == (204, b"")
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": []}
    r = admin.delete(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such record lock"))


def test_unlock_under_another_module_is_refused(admin, org, client):
    account = create(client, org)
    admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    r = admin.delete(f"/orgs/{org.id}/record_locks/Contacts/{account}")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such record lock"))
    assert len(admin.get(f"/orgs/{org.id}/record_locks").json()["record_locks"]) == 1


def test_locks_are_per_org(admin, org, client, backend):
    from tests.conftest import new_org

    other = new_org(backend)
    account = create(client, org)
    admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    assert admin.get(f"/orgs/{other.id}/record_locks").json() == {"record_locks": []}
    r = admin.put(f"/orgs/{other.id}/record_locks/Accounts/{account}")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such record"))


# ---- territory jobs -----------------------------------------------------------------------------

def test_territory_jobs_are_not_held_by_default(admin, org):
    r = admin.get(f"/orgs/{org.id}/territory_jobs")
    assert (r.status_code, r.json()) == (200, {"territory_jobs": {"held": False, "pending": []}})


def test_hold_switch_needs_a_boolean(admin, org):
    for body in ({}, {"held": "yes"}, {"held": 1}, {"held": None}):
        r = admin.put(f"/orgs/{org.id}/territory_jobs", body)
        assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "held: true or false")), body
    r = admin.put(f"/orgs/{org.id}/territory_jobs", [True])
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "the body must be a JSON object"))
    assert admin.get(f"/orgs/{org.id}/territory_jobs").json()["territory_jobs"]["held"] is False


def test_hold_of_unknown_org_is_not_found(admin):
    r = admin.put(f"/orgs/{UNKNOWN_ORG}/territory_jobs", {"held": True})
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such org"))
    r = admin.get(f"/orgs/{UNKNOWN_ORG}/territory_jobs")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such org"))


def test_holding_again_keeps_pending_jobs(admin, org, client):
    account = create(client, org)
    admin.put(f"/orgs/{org.id}/territory_jobs", {"held": True})
    assert assign_root(client, org, account).status_code == 202
    r = admin.put(f"/orgs/{org.id}/territory_jobs", {"held": True})
    assert r.status_code == 200
    assert [p["id"] for p in r.json()["territory_jobs"]["pending"]] == [account]


# ---- snapshots and reset (harness state, but naming records) ------------------------------------

def test_reset_drops_locks_and_pending_jobs_but_keeps_the_hold(admin, org, client):
    account = create(client, org)
    admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    admin.put(f"/orgs/{org.id}/territory_jobs", {"held": True})
    other = create(client, org)
    assert assign_root(client, org, other).status_code == 202
    assert admin.post(f"/orgs/{org.id}/reset").status_code == 200
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": []}
    assert admin.get(f"/orgs/{org.id}/territory_jobs").json() == {"territory_jobs": {"held": True, "pending": []}}


def test_import_drops_locks_and_the_snapshot_holds_none(admin, org, client):
    account = create(client, org)
    snap = admin.get(f"/orgs/{org.id}/snapshot").json()
    admin.put(f"/orgs/{org.id}/record_locks/Accounts/{account}")
    assert "record_flags" not in admin.get(f"/orgs/{org.id}/snapshot").json()["tables"]
    assert admin.put(f"/orgs/{org.id}/snapshot", snap).status_code == 200
    assert admin.get(f"/orgs/{org.id}/record_locks").json() == {"record_locks": []}
    assert assign_root(client, org, account).status_code == 202
