"""RECORD_LOCKED and ALREADY_SCHEDULED on assign/remove territories (spec 21 §10–§11, OQ-23),
reached through the admin test hooks: a locked record, territory jobs held pending."""

from __future__ import annotations

import json

import pytest

from zcrm_local.service.harness.admin import install_admin_key

from tests.admin.conftest import ADMIN_KEY, Admin
from tests.http.territories.helpers import error, make, root_id

LOCKED = "Sorry, you cannot perform this operation as the record is locked."
PENDING = "a job is already scheduled for the record"
ASSIGNED = "Territory assignment process scheduled successfully"
REMOVED = "Territory removal process scheduled successfully"


@pytest.fixture
def admin(client, backend) -> Admin:  # type: ignore[no-untyped-def]
    install_admin_key(backend, ADMIN_KEY)
    return Admin(client)


def create(client, org, module="Accounts"):
    body = {"Accounts": {"Account_Name": "A"}, "Contacts": {"Last_Name": "C"},
            "Deals": {"Deal_Name": "D", "Stage": "Qualification", "Closing_Date": "2026-12-01"}}[module]
    r = client.post(f"/crm/v7/{module}", headers=org.headers, content=json.dumps({"data": [body]}))
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def action(client, org, verb, *items, module="Accounts", record=None):
    path = f"/crm/v7/{module}/{record}/actions/{verb}" if record else f"/crm/v7/{module}/actions/{verb}"
    return client.post(path, headers=org.headers, content=json.dumps({"data": list(items)}))


def one(record, *territories):
    return {"id": record, "Territories": [{"id": t} for t in territories]}


def scheduled(r, message, record):
    """The one SCHEDULED item of a 202 answer; returns its job id."""
    (item,) = r.json()["data"]
    assert (r.status_code, r.json()) == (202, {"data": [{
        "code": "SCHEDULED", "details": {"job_id": item["details"]["job_id"], "id": record},
        "message": message, "status": "success"}]})
    return str(item["details"]["job_id"])


def territory_ids(client, org, record, module="Accounts"):
    r = client.get(f"/crm/v7/{module}/{record}", headers=org.headers)
    assert r.status_code == 200, r.text
    key = "Territory" if module == "Deals" else "Territories"
    return [e["id"] for e in r.json()["data"][0][key]]


def lock(admin, org, record, module="Accounts"):
    r = admin.put(f"/orgs/{org.id}/record_locks/{module}/{record}")
    assert r.status_code == 200, r.text


def hold(admin, org, held=True):
    r = admin.put(f"/orgs/{org.id}/territory_jobs", {"held": held})
    assert r.status_code == 200, r.text
    return r.json()["territory_jobs"]


# ---- RECORD_LOCKED ------------------------------------------------------------------------------

def test_assign_on_locked_record_is_record_locked_and_changes_nothing(client, org, admin):
    root, account = root_id(client, org), create(client, org)
    lock(admin, org, account)
    r = action(client, org, "assign_territories", one(account, root))
    assert (r.status_code, r.json()) == (400, {"data": [
        error("RECORD_LOCKED", LOCKED, {"id": account, "action": "record_locking"})]})
    assert territory_ids(client, org, account) == []


def test_remove_on_locked_record_path_is_record_locked(client, org, admin):
    root, deal = root_id(client, org), create(client, org, "Deals")
    scheduled(action(client, org, "assign_territories", one(deal, root), module="Deals"), ASSIGNED, deal)
    lock(admin, org, deal, "Deals")
    r = action(client, org, "remove_territories", {"Territories": [{"id": root}]}, module="Deals", record=deal)
    assert (r.status_code, r.json()) == (400, {"data": [
        error("RECORD_LOCKED", LOCKED, {"id": deal, "action": "record_locking"})]})
    assert territory_ids(client, org, deal, "Deals") == [root]


def test_lock_comes_after_the_item_checks(client, org, admin):
    """Spec 21 §10 order: a territory already on the record is reported before the lock."""
    root, account = root_id(client, org), create(client, org)
    scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    lock(admin, org, account)
    r = action(client, org, "assign_territories", one(account, root))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "DUPLICATE_DATA", "Given Territory id already exists for that record",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"})]})


def test_only_the_locked_record_fails_in_a_mixed_call(client, org, admin):
    root, free, locked = root_id(client, org), create(client, org), create(client, org)
    lock(admin, org, locked)
    r = action(client, org, "assign_territories", one(free, root), one(locked, root))
    assert r.status_code == 207
    assert [item["code"] for item in r.json()["data"]] == ["SCHEDULED", "RECORD_LOCKED"]
    assert (territory_ids(client, org, free), territory_ids(client, org, locked)) == ([root], [])


def test_unlocked_record_is_assigned_again(client, org, admin):
    root, contact = root_id(client, org), create(client, org, "Contacts")
    lock(admin, org, contact, "Contacts")
    assert action(client, org, "assign_territories", one(contact, root), module="Contacts").status_code == 400
    assert admin.delete(f"/orgs/{org.id}/record_locks/Contacts/{contact}").status_code == 204
    scheduled(action(client, org, "assign_territories", one(contact, root), module="Contacts"), ASSIGNED, contact)
    assert territory_ids(client, org, contact, "Contacts") == [root]


# ---- ALREADY_SCHEDULED -------------------------------------------------------------------------

def test_without_hold_jobs_never_stay_pending(client, org):
    root, account = root_id(client, org), create(client, org)
    north = make(client, org, "North", root)
    scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    scheduled(action(client, org, "assign_territories", one(account, north)), ASSIGNED, account)


def test_held_job_is_applied_and_the_next_change_is_already_scheduled(client, org, admin):
    root, account = root_id(client, org), create(client, org)
    north = make(client, org, "North", root)
    hold(admin, org)
    job = scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    assert territory_ids(client, org, account) == [root]  # applied, yet pending
    busy = {"data": [error("ALREADY_SCHEDULED", PENDING, {"id": account})]}
    r = action(client, org, "assign_territories", one(account, north))
    assert (r.status_code, r.json()) == (400, busy)
    r = action(client, org, "remove_territories", {"Territories": [{"id": root}]}, record=account)
    assert (r.status_code, r.json()) == (400, busy)
    assert territory_ids(client, org, account) == [root]
    assert admin.get(f"/orgs/{org.id}/territory_jobs").json() == {"territory_jobs": {"held": True, "pending": [
        {"module": "Accounts", "id": account, "job_id": job, "created_time": "2026-11-23T06:30:00.000000+00:00"}]}}


def test_a_second_item_on_the_same_record_in_one_call_is_already_scheduled(client, org, admin):
    root, account = root_id(client, org), create(client, org)
    north = make(client, org, "North", root)
    hold(admin, org)
    r = action(client, org, "assign_territories", one(account, root), one(account, north))
    assert r.status_code == 207
    assert r.json()["data"][1] == error("ALREADY_SCHEDULED", PENDING, {"id": account})
    assert territory_ids(client, org, account) == [root]


def test_other_records_are_not_held_back_by_a_pending_job(client, org, admin):
    root, first, second = root_id(client, org), create(client, org), create(client, org)
    hold(admin, org)
    scheduled(action(client, org, "assign_territories", one(first, root)), ASSIGNED, first)
    scheduled(action(client, org, "assign_territories", one(second, root)), ASSIGNED, second)


def test_release_completes_pending_jobs(client, org, admin):
    root, account = root_id(client, org), create(client, org)
    hold(admin, org)
    scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    assert hold(admin, org, False) == {"held": False, "pending": []}
    scheduled(action(client, org, "remove_territories", one(account, root)), REMOVED, account)
    scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    assert territory_ids(client, org, account) == [root]


def test_locked_is_reported_before_pending(client, org, admin):
    root, account = root_id(client, org), create(client, org)
    north = make(client, org, "North", root)
    hold(admin, org)
    scheduled(action(client, org, "assign_territories", one(account, root)), ASSIGNED, account)
    lock(admin, org, account)
    r = action(client, org, "assign_territories", one(account, north))
    assert r.json()["data"][0]["code"] == "RECORD_LOCKED"
