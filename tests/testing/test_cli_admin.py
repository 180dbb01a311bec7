"""``zcrm-local admin …`` on the test database: the same actions as the admin API."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from zcrm_local.cli import app as cli

runner = CliRunner()


def _run(database_url: str, *args: str) -> dict:
    done = runner.invoke(cli, ["admin", *args, "--database-url", database_url])
    assert done.exit_code == 0, done.output
    return json.loads(done.output)


def test_org_create_then_admin_orgs_lists_it(database_url, database):
    # One command creates orgs: `org create` (the former `admin create` points to it).
    done = runner.invoke(cli, ["org", "create", "CLI Org", "--journal-size", "5", "--json",
                               "--database-url", database_url])
    assert done.exit_code == 0, done.output
    made = json.loads(done.stdout)
    assert made["name"] == "CLI Org"
    listed = {o["id"]: o for o in _run(database_url, "orgs")["orgs"]}
    assert listed[made["org_id"]]["name"] == "CLI Org"
    moved = runner.invoke(cli, ["admin", "create", "X", "--journal-size", "5", "--database-url", database_url])
    assert moved.exit_code == 2 and "zcrm-local org create NAME" in moved.output


def test_admin_key_mints_usable_key(database_url, database, client):
    key = _run(database_url, "key")["admin_key"]
    assert client.get("/_zcrm/orgs", headers={"X-ZCRM-Admin-Key": key}).status_code == 200


def test_admin_clock_freeze_and_advance(database_url, database, org):
    shown = _run(database_url, "clock", "freeze", str(org.id), "--at", "2027-02-01T00:00:00+00:00")
    assert shown["clock"]["now"] == "2027-02-01T00:00:00.000000+00:00"
    shown = _run(database_url, "clock", "advance", str(org.id), "60")
    assert shown["clock"] == {"now": "2027-02-01T00:01:00.000000+00:00", "frozen": True, "offset_seconds": 0.0}


def test_admin_faults_add_is_answered_by_server(database_url, database, org, client):
    _run(database_url, "faults", "add", str(org.id), "--path", "/crm/v7/org", "--error", "INTERNAL_ERROR")
    client.app.state.harness.invalidate()  # another process's change: seen after the cache time
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 500
    assert _run(database_url, "faults", "clear", str(org.id)) == {"deleted": 1}


def test_admin_limits_set_and_show(database_url, database, org):
    shown = _run(database_url, "limits", "set", str(org.id), "--edition", "professional", "--licences", "2")
    assert (shown["limits"]["credits_per_day"], shown["limits"]["concurrency_cap"]) == (51_000, 15)
    assert _run(database_url, "limits", "off", str(org.id))["limits"]["enabled"] is False


def test_admin_export_import_round_trip(database_url, database, org, tmp_path):
    target = tmp_path / "org.json"
    done = runner.invoke(cli, ["admin", "export", str(org.id), "-o", str(target), "--database-url", database_url])
    assert done.exit_code == 0, done.output
    before = json.loads(target.read_text())
    assert _run(database_url, "import", str(target))["org"]["id"] == str(org.id)
    assert _run(database_url, "export", str(org.id)) == before


def test_admin_reset_unknown_org_exits_with_error(database_url, database):
    done = runner.invoke(cli, ["admin", "reset", "1234567000000000000", "--database-url", database_url])
    assert done.exit_code == 1
    assert json.loads(done.output) == {"error": {"code": "NOT_FOUND", "message": "no such org"}}


def test_admin_journal_size_and_show(database_url, database, org, client):
    _run(database_url, "journal", "size", str(org.id), "3")
    client.app.state.harness.invalidate()
    client.get("/crm/v7/org", headers=org.headers)
    (entry,) = _run(database_url, "journal", "show", str(org.id))["entries"]
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/crm/v7/org", 200)


def test_admin_outbox_prints_and_clears_the_orgs_mail(database_url, database, org, client):
    r = client.post("/crm/v7/Leads", content=json.dumps({"data": [{"Last_Name": "Ng", "Email": "ng@example.com"}]}),
                    headers=org.headers)
    rid = r.json()["data"][0]["details"]["id"]
    sender = client.get("/crm/v7/settings/emails/actions/from_addresses", headers=org.headers).json()[
        "from_addresses"][0]["email"]
    mail = {"from": {"email": sender}, "to": [{"email": "ng@example.com"}], "subject": "CLI"}
    r = client.post(f"/crm/v7/Leads/{rid}/actions/send_mail", content=json.dumps({"data": [mail]}), headers=org.headers)
    message_id = r.json()["data"][0]["details"]["message_id"]
    shown = _run(database_url, "outbox", str(org.id), "--clear")
    assert [(m["message_id"], m["subject"], m["record_id"]) for m in shown["messages"]] == [(message_id, "CLI", rid)]
    assert _run(database_url, "outbox", str(org.id)) == {"messages": []}


def test_admin_email_fixture_sets_a_template(database_url, database, org, client):
    shown = _run(database_url, "email-fixture", str(org.id), "email_template", "42", '{"name": "Hi", "subject": "S"}')
    assert shown == {"kind": "email_template", "key": "42", "doc": {"name": "Hi", "subject": "S"}}
    r = client.get("/crm/v7/settings/email_templates/42", headers=org.headers)
    assert r.json()["email_templates"][0]["name"] == "Hi"
    done = runner.invoke(cli, ["admin", "email-fixture", str(org.id), "nope", "1", "{}", "--database-url", database_url])
    assert done.exit_code == 1
