"""Orgs through the admin API: list, create, get, delete, credentials, profile, territories."""

from __future__ import annotations

from tests.admin.conftest import error

NOW_ISO = "2026-11-23T06:30:00.000000+00:00"


def _create(admin, **body):
    r = admin.post("/orgs", {"name": "Acme Test", **body})
    assert r.status_code == 201, r.text
    return r.json()


def test_create_org_answers_org_credentials_and_users(admin, client):
    made = _create(admin)
    org = made["org"]
    assert org == {
        "id": org["id"], "name": "Acme Test", "prefix": int(org["id"][:7]), "is_default": False,
        "profile": None, "effective_profile": "documented", "territory_state": "enabled",
        "clock": {"now": NOW_ISO, "frozen": False, "offset_seconds": 0.0}, "created_time": NOW_ISO,
    }
    creds = made["credentials"]
    assert set(creds) == {"client_id", "client_secret", "refresh_token", "access_token", "api_domain",
                          "accounts_url", "org_id"}
    assert creds["org_id"] == org["id"]
    assert set(made["users"]) == {"admin", "standard", "inactive", "unconfirmed"}
    r = client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {creds['access_token']}"})
    assert r.status_code == 200
    assert r.json()["org"][0]["id"] == org["id"]


def test_create_org_without_territories_is_never_enabled(admin):
    assert _create(admin, territories=False)["org"]["territory_state"] == "never_enabled"


def test_create_org_with_empty_name_is_invalid_input(admin):
    r = admin.post("/orgs", {"name": " "})
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "name: 1 to 200 characters"))


def test_create_org_with_unknown_key_is_invalid_input(admin):
    r = admin.post("/orgs", {"name": "x", "colour": "red"})
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "unknown keys: colour"))


def test_list_orgs_includes_created_org(admin):
    made = _create(admin)
    ids = [o["id"] for o in admin.get("/orgs").json()["orgs"]]
    assert made["org"]["id"] in ids


def test_get_unknown_org_is_not_found(admin):
    r = admin.get("/orgs/1234567000000000000")
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such org"))


def test_get_org_with_non_numeric_id_is_not_found(admin):
    assert admin.get("/orgs/abc").status_code == 404


def test_delete_org_removes_it_and_its_tokens(admin, client):
    made = _create(admin)
    org_id, token = made["org"]["id"], made["credentials"]["access_token"]
    r = admin.delete(f"/orgs/{org_id}")
    assert (r.status_code, r.content) == (204, b"")
    assert admin.get(f"/orgs/{org_id}").status_code == 404
    r = client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.json()["code"] == "INVALID_TOKEN"
    assert admin.delete(f"/orgs/{org_id}").status_code == 404


def test_new_credentials_for_standard_user_act_as_that_user(admin, client):
    made = _create(admin)
    org_id, user_id = made["org"]["id"], made["users"]["standard"]
    r = admin.post(f"/orgs/{org_id}/credentials", {"user_id": user_id, "scopes": ["ZohoCRM.users.READ"]})
    assert r.status_code == 201
    token = r.json()["credentials"]["access_token"]
    me = client.get("/crm/v7/users?type=CurrentUser", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert me.json()["users"][0]["id"] == user_id


def test_new_credentials_for_unknown_user_is_not_found(admin):
    org_id = _create(admin)["org"]["id"]
    r = admin.post(f"/orgs/{org_id}/credentials", {"user_id": "1"})
    assert (r.status_code, r.json()) == (404, error("NOT_FOUND", "no such user"))


def test_set_profile_live_then_default(admin):
    org_id = _create(admin)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/profile", {"profile": "live"})
    assert (r.status_code, r.json()) == (200, {"profile": "live", "effective_profile": "live"})
    r = admin.put(f"/orgs/{org_id}/profile", {"profile": None})
    assert r.json() == {"profile": None, "effective_profile": "documented"}
    assert admin.get(f"/orgs/{org_id}/profile").json() == {"profile": None, "effective_profile": "documented"}


def test_set_profile_unknown_is_invalid_input(admin):
    org_id = _create(admin)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/profile", {"profile": "exact"})
    assert (r.status_code, r.json()) == (
        400, error("INVALID_INPUT", "profile: one of documented, live, or null for the server's default"))


def test_disable_territories_then_enable(admin):
    org_id = _create(admin)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/territories", {"state": "disabled"})
    assert (r.status_code, r.json()) == (200, {"territory_state": "disabled"})
    assert admin.put(f"/orgs/{org_id}/territories", {"state": "enabled"}).json() == {"territory_state": "enabled"}
    assert admin.get(f"/orgs/{org_id}/territories").json() == {"territory_state": "enabled"}


def test_disable_territories_never_enabled_is_not_enabled(admin):
    org_id = _create(admin, territories=False)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/territories", {"state": "disabled"})
    assert (r.status_code, r.json()) == (
        409, error("NOT_ENABLED", "the territory feature was never enabled in this org"))


def test_enable_territories_first_time_moves_switch(admin):
    org_id = _create(admin, territories=False)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/territories", {"state": "enabled"})
    assert (r.status_code, r.json()) == (200, {"territory_state": "enabled"})


def test_set_territories_never_enabled_is_invalid_input(admin):
    org_id = _create(admin)["org"]["id"]
    r = admin.put(f"/orgs/{org_id}/territories", {"state": "never_enabled"})
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "state: enabled or disabled"))


def test_enable_territories_first_time_creates_root_territory(admin, client):
    made = _create(admin, territories=False)
    org_id, token = made["org"]["id"], made["credentials"]["access_token"]
    admin.put(f"/orgs/{org_id}/territories", {"state": "enabled"})
    r = client.get("/crm/v7/settings/territories", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 200, r.text
    (root,) = r.json()["territories"]
    assert root["reporting_to"] is None


def test_disable_territories_answers_territory_disabled_on_territory_api(admin, client):
    made = _create(admin)
    org_id, token = made["org"]["id"], made["credentials"]["access_token"]
    admin.put(f"/orgs/{org_id}/territories", {"state": "disabled"})
    r = client.get("/crm/v7/settings/territories", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert (r.status_code, r.json()["code"]) == (403, "TERRITORY_DISABLED")
