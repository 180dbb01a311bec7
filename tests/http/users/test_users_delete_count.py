"""DELETE /users/{id} (spec 40 §19.3) and GET /users/actions/count (§19.4)."""

from __future__ import annotations

import pytest

from tests.conftest import token_for
from tests.http.users.helpers import USERS, add_user, error, headers_of, ok, read_user


def test_delete_user(client, org):
    user_id = add_user(client, org)
    r = client.delete(f"{USERS}/{user_id}", headers=org.headers)
    assert r.status_code == 200
    assert r.json() == {"users": [ok("User deleted", {})]}
    assert read_user(client, org, user_id)["status"] == "deleted"
    deleted = client.get(f"{USERS}?type=DeletedUsers", headers=org.headers).json()["users"]
    assert [u["id"] for u in deleted] == [user_id]
    assert user_id not in {u["id"] for u in client.get(USERS, headers=org.headers).json()["users"]}


def test_delete_in_the_live_profile_names_the_id(client, backend, org):
    from zcrm_local.service.harness import admin

    admin.set_profile(backend, org.id, "live")
    user_id = add_user(client, org)
    r = client.delete(f"{USERS}/{user_id}", headers=org.headers)
    assert r.json() == {"users": [ok("User deleted", {"id": user_id})]}


def test_delete_twice(client, org):
    user_id = add_user(client, org)
    client.delete(f"{USERS}/{user_id}", headers=org.headers)
    r = client.delete(f"{USERS}/{user_id}", headers=org.headers)
    assert r.status_code == 400
    assert r.json() == {"users": [error("ID_ALREADY_DELETED", "User is already deleted",
                                        {"json_path": "$.users[0].id", "id": user_id})]}


@pytest.mark.parametrize("path_id", ["123", "x1"])
def test_delete_unknown(client, org, path_id):
    r = client.delete(f"{USERS}/{path_id}", headers=org.headers)
    assert r.status_code == 400
    assert r.json() == error("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 1})


def test_primary_contact_cannot_be_deleted(client, org):
    r = client.delete(f"{USERS}/{org.made.admin_id}", headers=org.headers)
    assert r.status_code == 400
    assert r.json() == {"users": [error("INVALID_REQUEST", "Primary contact cannot be deleted")]}


def test_standard_user_cannot_delete(client, backend, org):
    r = client.delete(f"{USERS}/{org.made.user_ids['unconfirmed']}", headers=headers_of(backend, org, "standard"))
    assert r.status_code == 403
    assert r.json() == error("NO_PERMISSION", "permission denied", {"permissions": ["Crm_Implied_Manage_Users"]})


def test_delete_needs_the_delete_scope(client, backend, org):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'admin', ['ZohoCRM.users.UPDATE'])}"}
    r = client.delete(f"{USERS}/{org.made.user_ids['unconfirmed']}", headers=headers)
    assert r.status_code == 401
    assert r.json()["code"] == "OAUTH_SCOPE_MISMATCH"


def test_no_collection_delete(client, org):
    r = client.delete(USERS, headers=org.headers)
    assert r.status_code == 400
    assert r.json() == error("INVALID_REQUEST_METHOD", "The http request method type is not a valid one")


@pytest.mark.parametrize(
    ("type_param", "count"),
    [(None, 4), ("AllUsers", 4), ("ActiveUsers", 3), ("DeactiveUsers", 1), ("ConfirmedUsers", 3),
     ("NotConfirmedUsers", 1), ("DeletedUsers", 0), ("ActiveConfirmedUsers", 2), ("AdminUsers", 1),
     ("ActiveConfirmedAdmins", 1), ("CurrentUser", 1)],
)
def test_count_per_type(client, org, type_param, count):
    url = f"{USERS}/actions/count" + (f"?type={type_param}" if type_param else "")
    r = client.get(url, headers=org.headers)
    assert r.status_code == 200
    assert r.json() == {"count": count}


def test_count_follows_writes(client, org):
    user_id = add_user(client, org)
    client.delete(f"{USERS}/{user_id}", headers=org.headers)
    counts = {t: client.get(f"{USERS}/actions/count?type={t}", headers=org.headers).json()["count"]
              for t in ("AllUsers", "DeletedUsers", "NotConfirmedUsers")}
    assert counts == {"AllUsers": 4, "DeletedUsers": 1, "NotConfirmedUsers": 1}


def test_count_bad_type(client, org):
    r = client.get(f"{USERS}/actions/count?type=Everyone", headers=org.headers)
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "INVALID_DATA" and body["message"] == "invalid data"
    assert body["details"]["param_name"] == "type" and "CurrentUser" in body["details"]["supported_values"]


def test_count_needs_a_users_read_scope(client, backend, org):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'admin', ['ZohoCRM.org.READ'])}"}
    r = client.get(f"{USERS}/actions/count", headers=headers)
    assert r.status_code == 401
    assert r.json() == error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL")
