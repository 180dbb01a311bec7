"""Who may call the admin API, and how its refusals look (docs/decisions.md, "Admin API")."""

from __future__ import annotations

from tests.admin.conftest import ADMIN_KEY, error


def test_admin_call_without_key_is_admin_key_required(client):
    r = client.get("/_zcrm/orgs")
    assert r.status_code == 401
    assert r.json() == error("ADMIN_KEY_REQUIRED", "send the admin key in the X-ZCRM-Admin-Key header")
    assert r.headers["content-type"] == "application/json;charset=UTF-8"


def test_admin_call_with_wrong_key_is_admin_key_invalid(client, admin):
    r = client.get("/_zcrm/orgs", headers={"X-ZCRM-Admin-Key": ADMIN_KEY + "x"})
    assert (r.status_code, r.json()) == (403, error("ADMIN_KEY_INVALID", "the admin key is not valid"))


def test_admin_call_with_zoho_token_is_admin_key_required(client, org):
    r = client.get("/_zcrm/orgs", headers=org.headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "ADMIN_KEY_REQUIRED"


def test_unknown_admin_path_is_not_found(admin):
    r = admin.get("/nothing/here")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such admin endpoint"))


def test_unknown_admin_path_without_key_is_admin_key_required(client):
    assert client.get("/_zcrm/nothing").status_code == 401


def test_wrong_method_on_admin_path_is_method_not_allowed(admin):
    r = admin.put("/orgs", {})
    assert (r.status_code, r.json()) == (405, error("METHOD_NOT_ALLOWED", "allowed: GET, POST"))
    assert r.headers["allow"] == "GET, POST"


def test_admin_body_not_json_is_invalid_json(admin):
    r = admin.client.post("/_zcrm/orgs", content=b"{nope", headers=admin.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_JSON", "the body is not JSON"))


def test_openapi_without_key_is_served(client):
    r = client.get("/_zcrm/openapi.json")
    assert r.status_code == 200
    assert r.json()["openapi"] == "3.1.0"


def test_key_minted_later_is_accepted_at_once(client, admin, backend):
    from zcrm_local.service.harness.admin import mint_admin_key

    assert admin.get("/orgs").status_code == 200  # the known keys are now cached
    fresh = mint_admin_key(backend)
    assert client.get("/_zcrm/orgs", headers={"X-ZCRM-Admin-Key": fresh}).status_code == 200
