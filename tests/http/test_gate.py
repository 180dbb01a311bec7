"""The request pipeline's refusals (spec conventions §6–§7): exact status and whole body."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import new_org, token_for

AUTH_FAILED = {"code": "AUTHENTICATION_FAILURE", "details": {}, "message": "Authentication failed", "status": "error"}
INVALID_TOKEN = {"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error"}
URL_PATTERN = {"code": "INVALID_URL_PATTERN", "details": {},
               "message": "Please check if the URL trying to access is a correct one", "status": "error"}
BAD_METHOD = {"code": "INVALID_REQUEST_METHOD", "details": {},
              "message": "The http request method type is not a valid one", "status": "error"}
SCOPE = {"code": "OAUTH_SCOPE_MISMATCH", "details": {}, "message": "invalid oauth scope to access this URL",
         "status": "error"}


@pytest.mark.parametrize("header", [None, "", "Bearer abc", "Zoho-oauthtoken", "Zoho-oauthtoken   ", "Basic eDp5"])
def test_missing_or_malformed_authorization_is_authentication_failure(client, header):
    headers = {} if header is None else {"Authorization": header}
    r = client.get("/crm/v7/org", headers=headers)
    assert r.status_code == 401
    assert r.json() == AUTH_FAILED
    assert r.headers["content-type"] == "application/json;charset=UTF-8"


def test_unknown_token_is_invalid_token(client):
    r = client.get("/crm/v7/org", headers={"Authorization": "Zoho-oauthtoken 1000.abc.def"})
    assert (r.status_code, r.json()) == (401, INVALID_TOKEN)


def test_expired_token_is_invalid_token(client, org, clock):
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    clock.advance(timedelta(seconds=3600))
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (401, INVALID_TOKEN)


def test_token_is_checked_before_the_path(client):
    r = client.get("/crm/v7/no/such/path", headers={"Authorization": "Zoho-oauthtoken 1000.x.y"})
    assert (r.status_code, r.json()) == (401, INVALID_TOKEN)


@pytest.mark.parametrize("path", ["/crm/v7/no_such_thing/1/2", "/crm/v9/org", "/crm/v7/org/", "/crm/v1/org",
                                  "/crm/v7/users/1/2/3", "/crm/v7"])
def test_unknown_path_is_invalid_url_pattern(client, org, path):
    r = client.get(path, headers=org.headers)
    assert (r.status_code, r.json()) == (404, URL_PATTERN)


def test_paths_outside_the_api_are_invalid_url_pattern(client):
    r = client.get("/nothing/here")
    assert (r.status_code, r.json()) == (404, URL_PATTERN)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_invalid_request_method(client, org, method):
    r = client.request(method, "/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (400, BAD_METHOD)


@pytest.mark.parametrize("version", ["v3", "v4", "v5", "v6", "v7", "v8", "v2", "v2.1"])
def test_other_versions_answer_with_v7_behaviour(client, org, version):
    r = client.get(f"/crm/{version}/org", headers=org.headers)
    assert r.status_code == 200
    assert r.json()["org"][0]["id"] == str(org.id)


def test_scope_not_covering_the_endpoint_is_scope_mismatch(client, backend):
    other = new_org(backend, scopes=["ZohoCRM.modules.ALL"])
    r = client.get("/crm/v7/org", headers=other.headers)
    assert (r.status_code, r.json()) == (401, SCOPE)


@pytest.mark.parametrize("scope", ["ZohoCRM.org.READ", "ZohoCRM.org.ALL", "zohocrm.ORG.all", "ZohoCRM.org.read"])
def test_scope_matching_is_case_insensitive_and_all_implies_read(client, backend, scope):
    other = new_org(backend, scopes=[scope])
    assert client.get("/crm/v7/org", headers=other.headers).status_code == 200


def test_users_scope_read_only_refuses_nothing_it_covers(client, backend):
    other = new_org(backend, scopes=["ZohoCRM.users.READ"])
    assert client.get("/crm/v7/users", headers=other.headers).status_code == 200
    r = client.get("/crm/v7/org", headers=other.headers)
    assert (r.status_code, r.json()) == (401, SCOPE)


def test_non_admin_token_reads_users(client, backend, org):
    token = token_for(backend, org, "standard")
    r = client.get("/crm/v7/users?type=CurrentUser", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 200
    assert r.json()["users"][0]["profile"]["name"] == "Standard"
