"""The request journal: last N requests and answers of an org, filterable, timed, secrets masked."""

from __future__ import annotations

from tests.admin.conftest import error


def _journal(admin, org, query=""):
    r = admin.get(f"/orgs/{org.id}/journal{query}")
    assert r.status_code == 200, r.text
    return r.json()


def test_journal_of_new_org_is_off_and_empty(admin, org, client):
    client.get("/crm/v7/org", headers=org.headers)
    assert _journal(admin, org) == {"size": 0, "entries": []}


def test_journal_records_request_and_answer(admin, org, client):
    assert admin.put(f"/orgs/{org.id}/journal", {"size": 10}).json() == {"journal": {"size": 10}}
    client.get("/crm/v7/users?type=AdminUsers", headers=org.headers)
    (entry,) = _journal(admin, org)["entries"]
    assert entry["method"] == "GET"
    assert entry["path"] == "/crm/v7/users"
    assert entry["query"] == "type=AdminUsers"
    assert entry["status"] == 200
    assert entry["code"] is None
    assert entry["at"] == "2026-11-23T06:30:00.000000+00:00"
    assert entry["harness"] is None
    assert entry["duration_ms"] >= 0
    assert entry["request"]["headers"]["authorization"] == f"Zoho-oauthtoken {org.token[:9]}…"
    assert entry["response"]["headers"]["content-type"] == "application/json;charset=UTF-8"
    assert '"users"' in entry["response"]["body"]


def test_journal_records_zoho_error_code(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 10})
    client.get("/crm/v7/no/such/path/at/all", headers=org.headers)
    (entry,) = _journal(admin, org)["entries"]
    assert (entry["status"], entry["code"]) == (404, "INVALID_URL_PATTERN")


def test_journal_keeps_last_n_newest_first(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 3})
    for n in range(5):
        client.get(f"/crm/v7/users/{n}", headers=org.headers)
    paths = [e["path"] for e in _journal(admin, org)["entries"]]
    assert paths == ["/crm/v7/users/4", "/crm/v7/users/3", "/crm/v7/users/2"]


def test_journal_filters_by_method_path_status_and_code(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 20})
    client.get("/crm/v7/org", headers=org.headers)
    client.get("/crm/v7/users", headers=org.headers)
    client.post("/crm/v7/org", headers=org.headers)
    assert [e["path"] for e in _journal(admin, org, "?path=/crm/v7/us*")["entries"]] == ["/crm/v7/users"]
    assert [e["method"] for e in _journal(admin, org, "?method=post")["entries"]] == ["POST"]
    assert [e["status"] for e in _journal(admin, org, "?status=400")["entries"]] == [400]
    assert [e["code"] for e in _journal(admin, org, "?code=INVALID_REQUEST_METHOD")["entries"]] == [
        "INVALID_REQUEST_METHOD"]
    assert len(_journal(admin, org, "?limit=1")["entries"]) == 1


def test_journal_path_filter_treats_underscore_literally(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 20})
    client.get("/crm/v7/Services__s", headers=org.headers)
    client.get("/crm/v7/ServicesXXs", headers=org.headers)
    assert [e["path"] for e in _journal(admin, org, "?path=/crm/v7/Services__s")["entries"]] == [
        "/crm/v7/Services__s"]


def test_journal_masks_secrets_of_token_calls(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    client.post("/oauth/v2/token", data={"grant_type": "refresh_token", "client_id": org.creds.client_id,
                                         "client_secret": org.creds.client_secret,
                                         "refresh_token": org.creds.refresh_token})
    (entry,) = _journal(admin, org)["entries"]
    assert entry["path"] == "/oauth/v2/token"
    assert org.creds.client_secret not in entry["request"]["body"]
    assert org.creds.refresh_token not in entry["request"]["body"]
    assert f"client_id={org.creds.client_id}" in entry["request"]["body"]
    assert '"access_token":"1000.' in entry["response"]["body"]
    assert len(entry["response"]["body"]) < 200


def test_journal_notes_limit_refusals(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    admin.put(f"/orgs/{org.id}/limits", {"credits": 0})
    client.get("/crm/v7/org", headers=org.headers)
    (entry,) = _journal(admin, org)["entries"]
    assert (entry["status"], entry["code"], entry["harness"]) == (429, "TOO_MANY_REQUESTS", "limit")


def test_journal_size_zero_switches_off_and_forgets(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    client.get("/crm/v7/org", headers=org.headers)
    admin.put(f"/orgs/{org.id}/journal", {"size": 0})
    client.get("/crm/v7/org", headers=org.headers)
    assert _journal(admin, org) == {"size": 0, "entries": []}


def test_clear_journal_deletes_entries(admin, org, client):
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    client.get("/crm/v7/org", headers=org.headers)
    assert admin.delete(f"/orgs/{org.id}/journal").json() == {"deleted": 1}
    assert _journal(admin, org)["entries"] == []


def test_set_journal_size_invalid_is_invalid_input(admin, org):
    r = admin.put(f"/orgs/{org.id}/journal", {"size": -1})
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "size: 0 (off) to 10000"))


def test_journal_limit_out_of_range_is_invalid_input(admin, org):
    r = admin.get(f"/orgs/{org.id}/journal?limit=0")
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "limit: 1 to 1000"))
