"""Harness holes found by the attack run (D-457, D-458): secrets in the query string, multipart
accounts calls, out-of-range journal filters and a clock past what the server can represent."""

from __future__ import annotations

import pytest

from tests.admin.conftest import error


def _refresh_form(org) -> dict[str, str]:
    return {"grant_type": "refresh_token", "client_id": org.creds.client_id,
            "client_secret": org.creds.client_secret, "refresh_token": org.creds.refresh_token}


def test_the_journal_masks_secrets_sent_in_the_query_string(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    r = client.post("/oauth/v2/token", params=_refresh_form(org))
    assert "access_token" in r.json()
    (entry,) = admin.get(f"/orgs/{org.id}/journal").json()["entries"]
    assert org.creds.client_secret not in entry["query"]
    assert org.creds.refresh_token not in entry["query"]
    assert f"client_secret={org.creds.client_secret[:9]}" in entry["query"]
    assert f"client_id={org.creds.client_id}" in entry["query"]


def _multipart(form: dict[str, str]) -> dict:
    return {"files": {k: (None, v) for k, v in form.items()}}


def test_a_multipart_token_call_is_journaled_with_secrets_masked(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    r = client.post("/oauth/v2/token", **_multipart(_refresh_form(org)))
    assert "access_token" in r.json()
    (entry,) = admin.get(f"/orgs/{org.id}/journal").json()["entries"]
    assert entry["path"] == "/oauth/v2/token"
    body = entry["request"]["body"]
    assert f"client_id={org.creds.client_id}" in body
    assert org.creds.client_secret not in body and org.creds.refresh_token not in body


def test_a_fault_on_the_token_url_answers_a_multipart_call(admin, org, client):
    r = admin.post(f"/orgs/{org.id}/faults", {"path": "/oauth/v2/token", "status": 500,
                                             "body": {"error": "server_error"}, "count": 1})
    assert r.status_code == 201
    r = client.post("/oauth/v2/token", **_multipart(_refresh_form(org)))
    assert (r.status_code, r.json()) == (500, {"error": "server_error"})
    assert "access_token" in client.post("/oauth/v2/token", **_multipart(_refresh_form(org))).json()


@pytest.mark.parametrize(("query", "message"), [
    ("after_id=9223372036854775808", "after_id: a whole number from 0 to 9223372036854775807"),
    ("after_id=99999999999999999999999999", "after_id: a whole number from 0 to 9223372036854775807"),
    ("status=99999999999999999999", "status: a whole number from 100 to 599"),
    ("status=2147483648", "status: a whole number from 100 to 599"),
    ("status=99", "status: a whole number from 100 to 599"),
])
def test_out_of_range_journal_filters_are_invalid_input(admin, org, query, message):
    r = admin.get(f"/orgs/{org.id}/journal?{query}")
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", message))


def test_journal_filters_in_range_still_work(admin, org):
    r = admin.get(f"/orgs/{org.id}/journal?after_id=9223372036854775807&status=599")
    assert (r.status_code, r.json()["entries"]) == (200, [])


@pytest.mark.parametrize(("verb", "body", "message"), [
    ("set", {"at": "9999-12-31T00:00:00+00:00"}, "at: must lie between 0002-01-01 and 9998-12-31 (UTC)"),
    ("set", {"at": "0001-01-01T00:00:00+00:00"}, "at: must lie between 0002-01-01 and 9998-12-31 (UTC)"),
    ("freeze", {"at": "9999-12-31T23:00:00-05:00"}, "at: must lie between 0002-01-01 and 9998-12-31 (UTC)"),
    ("advance", {"seconds": 100 * 365 * 86_400}, None),
])
def test_the_clock_stays_where_the_server_can_represent_time(admin, org, client, verb, body, message):
    if verb == "advance":
        assert admin.post(f"/orgs/{org.id}/clock/set", {"at": "9998-06-01T00:00:00+00:00"}).status_code == 200
        message = "the org's time: must lie between 0002-01-01 and 9998-12-31 (UTC)"
    before = admin.get(f"/orgs/{org.id}/clock").json()
    r = admin.post(f"/orgs/{org.id}/clock/{verb}", body)
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", message))
    assert admin.get(f"/orgs/{org.id}/clock").json() == before
    # token calls keep working
    assert "access_token" in client.post("/oauth/v2/token", data=_refresh_form(org)).json()


def test_the_latest_representable_time_still_mints_and_answers(admin, org, client):
    assert admin.post(f"/orgs/{org.id}/clock/freeze", {"at": "9998-12-31T23:59:59+00:00"}).status_code == 200
    token = client.post("/oauth/v2/token", data=_refresh_form(org)).json()["access_token"]
    r = client.get("/crm/v7/users?type=CurrentUser", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 200


def test_a_clock_stored_past_the_bound_by_an_older_version_reads_as_the_bound(admin, org, backend, client):
    from zcrm_local.store.org import orgs as org_store

    with backend.db.write() as conn:
        org_store.update_org(conn, org.id, clock_offset_us=8100 * 366 * 86_400 * 10**6)
    r = admin.get("/orgs")
    assert r.status_code == 200
    assert admin.get(f"/orgs/{org.id}/clock").json()["clock"]["now"].startswith("9998-12-31T23:59:59")
    assert "access_token" in client.post("/oauth/v2/token", data=_refresh_form(org)).json()
