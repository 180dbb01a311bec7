"""``zcrm-local admin locks …`` and ``… territory-jobs …``: the record test hooks from the command
line, on the test database, seen by the server at once (no harness cache in between)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from zcrm_local.cli import app as cli

runner = CliRunner()


def run(database_url, *args, expect=0):
    """The printed JSON, instants left out: the commands run on the real clock."""
    done = runner.invoke(cli, ["admin", *args, "--database-url", database_url])
    assert done.exit_code == expect, done.output
    return json.loads(done.output, object_hook=lambda o: {k: v for k, v in o.items() if k != "created_time"})


def create_account(client, org):
    r = client.post("/crm/v7/Accounts", headers=org.headers, content=json.dumps({"data": [{"Account_Name": "A"}]}))
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def root_action(client, org, record, verb="assign_territories"):
    root = client.get("/crm/v7/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    body = {"data": [{"id": record, "Territories": [{"id": root}]}]}
    return client.post(f"/crm/v7/Accounts/actions/{verb}", headers=org.headers, content=json.dumps(body))


def test_locks_lock_list_unlock(database_url, database, org, client):
    account = create_account(client, org)
    lock = {"module": "Accounts", "id": account}
    assert run(database_url, "locks", "lock", str(org.id), "Accounts", account) == {"record_lock": lock}
    assert run(database_url, "locks", "list", str(org.id)) == {"record_locks": [lock]}
    r = root_action(client, org, account)
    assert (r.status_code, r.json()["data"][0]["code"]) == (400, "RECORD_LOCKED")
    assert run(database_url, "locks", "unlock", str(org.id), "Accounts", account) == {"unlocked": account}
    assert run(database_url, "locks", "list", str(org.id)) == {"record_locks": []}
    assert root_action(client, org, account).status_code == 202


def test_locks_refusals_exit_1_with_the_admin_error(database_url, database, org):
    assert run(database_url, "locks", "lock", str(org.id), "Accounts", "1234567000000000001", expect=1) == {
        "error": {"code": "NOT_FOUND", "message": "no such record"}}
    assert run(database_url, "locks", "unlock", str(org.id), "Widgets", "1", expect=1) == {
        "error": {"code": "NOT_FOUND", "message": "no such module"}}


def test_territory_jobs_hold_show_release(database_url, database, org, client):
    account = create_account(client, org)
    assert run(database_url, "territory-jobs", "hold", str(org.id)) == {"territory_jobs": {"held": True, "pending": []}}
    job = root_action(client, org, account).json()["data"][0]["details"]["job_id"]
    assert run(database_url, "territory-jobs", "show", str(org.id)) == {"territory_jobs": {"held": True, "pending": [
        {"module": "Accounts", "id": account, "job_id": job}]}}
    r = root_action(client, org, account, "remove_territories")
    assert (r.status_code, r.json()["data"][0]["code"]) == (400, "ALREADY_SCHEDULED")
    assert run(database_url, "territory-jobs", "release", str(org.id)) == {
        "territory_jobs": {"held": False, "pending": []}}
    assert root_action(client, org, account, "remove_territories").status_code == 202


def test_territory_jobs_of_unknown_org_exit_1(database_url, database):
    assert run(database_url, "territory-jobs", "show", "1234567000000000000", expect=1) == {
        "error": {"code": "NOT_FOUND", "message": "no such org"}}
