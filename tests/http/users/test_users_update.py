"""PUT /users and PUT /users/{id}: success, read-back and every documented refusal (spec 40 §19.2)."""

from __future__ import annotations

import pytest

from tests.http.users.helpers import USERS, add_user, error, headers_of, ok, people, read_user


def _put(client, org, user_id, headers=None, **keys):
    return client.put(f"{USERS}/{user_id}", headers=headers or org.headers, json={"users": [keys]})


def test_update_by_path_reads_back(client, org):
    user_id = add_user(client, org)
    ids = people(client, org)
    r = _put(client, org, user_id, last_name="Byron", role={"id": ids["CEO"]}, mobile="555", date_format="dd/MM/yyyy")
    assert r.status_code == 200
    assert r.json() == {"users": [ok("User updated", {"id": user_id})]}
    user = read_user(client, org, user_id)
    assert user["full_name"] == "Ada Byron"
    assert user["role"] == {"name": "CEO", "id": ids["CEO"]}
    assert user["mobile"] == "555" and user["date_format"] == "dd/MM/yyyy"
    assert user["Modified_By"] == {"name": "Patricia Boyle", "id": str(org.made.admin_id)}


def test_update_on_the_collection_url_takes_the_body_id(client, org):
    user_id = add_user(client, org)
    r = client.put(USERS, headers=org.headers, json={"users": [{"id": user_id, "first_name": "Augusta"}]})
    assert r.status_code == 200
    assert r.json() == {"users": [ok("User updated", {"id": user_id})]}
    assert read_user(client, org, user_id)["first_name"] == "Augusta"


def test_url_id_wins_over_the_body_id(client, org):
    user_id = add_user(client, org)
    other = str(org.made.user_ids["standard"])
    r = client.put(f"{USERS}/{user_id}", headers=org.headers, json={"users": [{"id": other, "first_name": "Url"}]})
    assert r.status_code == 200
    assert read_user(client, org, user_id)["first_name"] == "Url"
    assert read_user(client, org, other)["first_name"] == "Ryan"


def test_collection_url_without_id(client, org):
    r = client.put(USERS, headers=org.headers, json={"users": [{"first_name": "X"}]})
    assert r.status_code == 400
    assert r.json() == error("MANDATORY_NOT_FOUND", "required field not found",
                             {"api_name": "id", "json_path": "$.users[0].id"})


def test_collection_url_with_unknown_id(client, org):
    r = client.put(USERS, headers=org.headers, json={"users": [{"id": "123", "first_name": "X"}]})
    assert r.status_code == 400
    assert r.json() == {"users": [error("INVALID_DATA", "the id given seems to be invalid",
                                        {"api_name": "id", "json_path": "$.users[0].id"})]}


@pytest.mark.parametrize("path_id", ["123", "abc"])
def test_unknown_path_id_is_request_level(client, org, path_id):
    r = _put(client, org, path_id, first_name="X")
    assert r.status_code == 400
    assert r.json() == error("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 1})


def test_deleted_user_cannot_be_updated(client, org):
    user_id = add_user(client, org)
    client.delete(f"{USERS}/{user_id}", headers=org.headers)
    r = _put(client, org, user_id, first_name="X")
    assert r.status_code == 400
    assert r.json() == {"users": [error("CANNOT_UPDATE_DELETED_USER", "Deleted user cannot be updated")]}


def test_deactivate_then_reactivate(client, org):
    user_id = add_user(client, org)
    assert _put(client, org, user_id, status="inactive").status_code == 200
    assert read_user(client, org, user_id)["status"] == "disabled"
    deactive = client.get(f"{USERS}?type=DeactiveUsers", headers=org.headers).json()["users"]
    assert user_id in {u["id"] for u in deactive}
    r = _put(client, org, user_id, status="inactive")
    assert r.status_code == 400
    assert r.json() == {"users": [error("ID_ALREADY_DEACTIVATED", "User is already deactivated")]}
    assert _put(client, org, user_id, status="active").status_code == 200
    r = _put(client, org, user_id, status="active")
    assert r.status_code == 400
    assert r.json() == {"users": [error("ID_ALREADY_ACTIVE", "User is already active")]}


def test_bad_status_value(client, org):
    r = _put(client, org, add_user(client, org), status="sleeping")
    assert r.status_code == 400
    assert r.json() == {"users": [error("INVALID_DATA", "invalid data",
                                        {"supported_values": ["active", "inactive"], "api_name": "status",
                                         "json_path": "$.users[0].status"})]}


def test_primary_contact_cannot_be_deactivated(client, org):
    r = _put(client, org, org.made.admin_id, status="inactive")
    assert r.status_code == 400
    assert r.json() == {"users": [error("INVALID_REQUEST", "Primary Contact cannot be deactivated")]}


def test_reactivating_beyond_licences(client, org):
    inactive = org.made.user_ids["inactive"]
    for n in range(7):
        add_user(client, org, email=f"u{n}@example.com")
    r = _put(client, org, inactive, status="active")
    assert r.status_code == 400
    assert r.json() == {"users": [error("LICENSE_LIMIT_EXCEEDED", "License Limit is Exceeded")]}


def test_email_of_a_confirmed_user_cannot_change(client, org):
    r = _put(client, org, org.made.user_ids["standard"], email="new@example.com")
    assert r.status_code == 400
    assert r.json() == {"users": [error("EMAIL_UPDATE_NOT_ALLOWED", "Cannot update email of a confirmed CRM User",
                                        {"api_name": "email"})]}


def test_email_of_an_unconfirmed_user_can_change(client, org):
    user_id = add_user(client, org)
    assert _put(client, org, user_id, email="ada@analytical.example.com").status_code == 200
    assert read_user(client, org, user_id)["email"] == "ada@analytical.example.com"


def test_time_zone_of_another_user_is_415(client, org):
    r = _put(client, org, add_user(client, org), time_zone="Europe/Paris")
    assert r.status_code == 415
    assert r.json() == {"users": [error("INVALID_DATA", "Give a proper time zone value",
                                        {"api_name": "time_zone", "json_path": "$.users[0].time_zone"})]}


def test_own_time_zone_can_change(client, org):
    assert _put(client, org, org.made.admin_id, time_zone="Europe/Paris").status_code == 200
    assert read_user(client, org, str(org.made.admin_id))["time_zone"] == "Europe/Paris"


@pytest.mark.parametrize("key", ["name_format__s", "sort_order_preference__s"])
def test_name_format_of_another_user(client, org, key):
    r = _put(client, org, add_user(client, org), **{key: "Salutation,First Name,Last Name"})
    assert r.status_code == 400
    assert r.json() == {"users": [error("NOT_ALLOWED", f"Cannot update the {key} of another User",
                                        {"api_name": key})]}


def test_standard_user_cannot_change_another_users_role(client, backend, org):
    ids = people(client, org)
    headers = headers_of(backend, org, "standard")
    r = _put(client, org, org.made.user_ids["unconfirmed"], headers=headers, role={"id": ids["CEO"]})
    assert r.status_code == 403
    assert r.json() == {"users": [error(
        "AUTHORIZATION_FAILED",
        "Either trial is expired or user does not have sufficient previlege to perform this action")]}


def test_standard_user_updates_themselves(client, backend, org):
    headers = headers_of(backend, org, "standard")
    r = _put(client, org, org.made.user_ids["standard"], headers=headers, mobile="777")
    assert r.status_code == 200
    assert read_user(client, org, str(org.made.user_ids["standard"]))["mobile"] == "777"


def test_live_profile_answers_400_and_the_capture_spelling(client, backend, org):
    from zcrm_local.service.harness import admin

    admin.set_profile(backend, org.id, "live")
    r = _put(client, org, org.made.user_ids["standard"], email="new@example.com")
    assert r.json()["users"][0]["code"] == "EMAIL_UPDATE_NOT_ALOWED"
    r = _put(client, org, add_user(client, org), time_zone="Europe/Paris")
    assert r.status_code == 400
    headers = headers_of(backend, org, "standard")
    r = _put(client, org, org.made.user_ids["unconfirmed"], headers=headers, first_name="X")
    assert r.status_code == 400 and r.json()["users"][0]["code"] == "AUTHORIZATION_FAILED"
