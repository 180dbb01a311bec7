"""Admin API and users: confirming an invitation, no credentials for users who are not active."""

from __future__ import annotations

from tests.admin.conftest import error

USERS = "/crm/v7/users"


def _add(client, org) -> str:
    ids = {r["name"]: r["id"] for r in client.get("/crm/v7/settings/roles", headers=org.headers).json()["roles"]}
    profiles = client.get("/crm/v7/settings/profiles", headers=org.headers).json()["profiles"]
    standard = next(p["id"] for p in profiles if p["name"] == "Standard")
    r = client.post(USERS, headers=org.headers, json={"users": [
        {"last_name": "Hopper", "email": "grace@example.com", "role": ids["Manager"], "profile": standard}]})
    assert r.status_code == 201, r.text
    return str(r.json()["users"][0]["details"]["id"])


def test_confirm_hook(admin, client, org):
    user_id = _add(client, org)
    assert admin.post(f"/orgs/{org.id}/users/{user_id}/confirm").status_code == 204
    user = client.get(f"{USERS}/{user_id}", headers=org.headers).json()["users"][0]
    assert user["confirm"] is True
    r = admin.post(f"/orgs/{org.id}/users/123/confirm")
    assert r.status_code == 404 and r.json() == error("NOT_FOUND", "no such user")


def test_credentials_for_an_active_api_user(admin, client, org):
    user_id = _add(client, org)
    r = admin.post(f"/orgs/{org.id}/credentials", {"user_id": user_id})
    assert r.status_code == 201
    token = r.json()["credentials"]["access_token"]
    me = client.get(f"{USERS}?type=CurrentUser", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert me.json()["users"][0]["id"] == user_id


def test_no_credentials_for_an_inactive_user(admin, org):
    inactive = org.made.user_ids["inactive"]
    r = admin.post(f"/orgs/{org.id}/credentials", {"user_id": str(inactive)})
    assert r.status_code == 400
    assert r.json() == error("USER_NOT_ACTIVE",
                             f"user {inactive} is deactivated: it gets no new tokens until it is active again")


def test_no_credentials_for_a_deleted_user(admin, client, org):
    user_id = _add(client, org)
    client.delete(f"{USERS}/{user_id}", headers=org.headers)
    r = admin.post(f"/orgs/{org.id}/credentials", {"user_id": user_id})
    assert r.status_code == 400
    assert r.json() == error("USER_NOT_ACTIVE",
                             f"user {user_id} is deleted: it gets no new tokens")
