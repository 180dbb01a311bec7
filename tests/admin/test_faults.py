"""Fault rules: Zoho errors, bare statuses and latency on matching requests."""

from __future__ import annotations

import pytest

from tests.admin.conftest import error

INTERNAL = {"code": "INTERNAL_ERROR", "details": {}, "message": "Internal Server Error", "status": "error"}


def _add(admin, org, **spec):
    r = admin.post(f"/orgs/{org.id}/faults", spec)
    assert r.status_code == 201, r.text
    return r.json()["fault"]


def test_error_fault_with_count_answers_zoho_error_then_passes(admin, org, client):
    rule = _add(admin, org, path="/crm/v7/org", error="INTERNAL_ERROR", count=1)
    assert rule == {"id": rule["id"], "method": "*", "path": "/crm/v7/org", "error": "INTERNAL_ERROR",
                    "message": "Internal Server Error", "probability": 1.0, "remaining": 1, "fired": 0,
                    "created_time": "2026-11-23T06:30:00.000000+00:00"}
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (500, INTERNAL)
    assert r.headers["content-type"] == "application/json;charset=UTF-8"
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    (listed,) = admin.get(f"/orgs/{org.id}/faults").json()["faults"]
    assert (listed["remaining"], listed["fired"]) == (0, 1)


def test_error_fault_with_custom_message_and_status(admin, org, client):
    _add(admin, org, error="NO_PERMISSION", message="nope", details={"why": "test"}, status=403)
    r = client.get("/crm/v7/users", headers=org.headers)
    assert (r.status_code, r.json()) == (403, {"code": "NO_PERMISSION", "details": {"why": "test"},
                                               "message": "nope", "status": "error"})


def test_too_many_requests_fault_answers_catalogue_body(admin, org, client):
    _add(admin, org, error="TOO_MANY_REQUESTS")
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (429, {"code": "TOO_MANY_REQUESTS", "details": {},
                                               "message": "too many requests", "status": "error"})


def test_status_fault_without_body_is_empty(admin, org, client):
    _add(admin, org, status=503)
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.content) == (503, b"")


def test_status_fault_with_body_answers_it(admin, org, client):
    _add(admin, org, status=502, body={"upstream": "down"})
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (502, {"upstream": "down"})


def test_fault_for_other_method_does_not_fire(admin, org, client):
    _add(admin, org, method="post", path="/crm/v7/*", error="INTERNAL_ERROR")
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200


def test_fault_for_other_path_does_not_fire(admin, org, client):
    _add(admin, org, path="/crm/v7/users*", error="INTERNAL_ERROR")
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    assert client.get("/crm/v7/users", headers=org.headers).status_code == 500


def test_fault_with_probability_zero_never_fires(admin, org, client):
    _add(admin, org, error="INTERNAL_ERROR", probability=0)
    assert [client.get("/crm/v7/org", headers=org.headers).status_code for _ in range(5)] == [200] * 5


def test_fault_of_one_org_does_not_touch_another(admin, org, client, backend):
    from tests.conftest import new_org

    other = new_org(backend)
    _add(admin, org, error="INTERNAL_ERROR")
    assert client.get("/crm/v7/org", headers=other.headers).status_code == 200


def test_first_added_rule_decides(admin, org, client):
    _add(admin, org, error="INTERNAL_ERROR", count=1)
    _add(admin, org, status=503)
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 500
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 503


def test_latency_fault_delays_then_answers(admin, org, client):
    _add(admin, org, latency_ms=150)
    admin.put(f"/orgs/{org.id}/journal", {"size": 5})
    r = client.get("/crm/v7/org", headers=org.headers)
    assert r.status_code == 200
    (entry,) = admin.get(f"/orgs/{org.id}/journal").json()["entries"]
    assert entry["duration_ms"] >= 150
    assert entry["harness"].startswith("fault:")


def test_fault_on_token_url_answers_accounts_call(admin, org, client):
    _add(admin, org, path="/oauth/v2/token", status=500, body={"error": "server_error"}, count=1)
    form = {"grant_type": "refresh_token", "client_id": org.creds.client_id,
            "client_secret": org.creds.client_secret, "refresh_token": org.creds.refresh_token}
    r = client.post("/oauth/v2/token", data=form)
    assert (r.status_code, r.json()) == (500, {"error": "server_error"})
    assert "access_token" in client.post("/oauth/v2/token", data=form).json()


def test_delete_fault_stops_it(admin, org, client):
    rule = _add(admin, org, error="INTERNAL_ERROR")
    r = admin.delete(f"/orgs/{org.id}/faults/{rule['id']}")
    assert (r.status_code, r.content) == (204, b"")
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    assert admin.delete(f"/orgs/{org.id}/faults/{rule['id']}").status_code == 404


def test_clear_faults_deletes_all(admin, org, client):
    _add(admin, org, error="INTERNAL_ERROR")
    _add(admin, org, status=503)
    assert admin.delete(f"/orgs/{org.id}/faults").json() == {"deleted": 2}
    assert admin.get(f"/orgs/{org.id}/faults").json() == {"faults": []}


@pytest.mark.parametrize(("spec", "message"), [
    ({}, "a fault needs error, status or latency_ms"),
    ({"error": "INTERNAL_ERROR", "probability": 2}, "probability: a number from 0 to 1"),
    ({"error": "INTERNAL_ERROR", "count": 0}, "count: a positive integer, or null for no limit"),
    ({"error": "MY_CODE"}, "message: MY_CODE has no catalogue message; give one"),
    ({"status": 700}, "status: an HTTP status from 100 to 599"),
    ({"method": "FETCH", "status": 500}, "method: one of *, GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"),
    ({"error": "INTERNAL_ERROR", "body": {}}, "body goes with status, not with error (the error has Zoho's body)"),
    ({"status": 500, "colour": 1}, "unknown keys: colour"),
])
def test_add_fault_invalid_is_invalid_input(admin, org, spec, message):
    r = admin.post(f"/orgs/{org.id}/faults", spec)
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", message))
