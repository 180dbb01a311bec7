"""POST /users: the success body, the user as it reads back, every documented refusal (spec 40 §19.1)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.users.helpers import USERS, add_user, error, headers_of, new_user, ok, people, read_user


def test_add_user_answers_201_and_reads_back(client, org):
    ids = people(client, org)
    body = new_user(client, org, time_zone="Europe/London", time_format="HH:mm", phone="+44 20 1234")
    r = client.post(USERS, headers=org.headers, json=body)
    assert r.status_code == 201
    (item,) = r.json()["users"]
    assert item == ok("User added", {"id": item["details"]["id"]})
    user = read_user(client, org, item["details"]["id"])
    assert user["full_name"] == "Ada Lovelace"
    assert user["email"] == "ada@example.com"
    assert user["status"] == "active" and user["confirm"] is False
    assert user["role"] == {"name": "Manager", "id": ids["Manager"]}
    assert user["profile"] == {"name": "Standard", "id": ids["Standard"]}
    assert user["time_zone"] == "Europe/London"
    assert user["time_format"] == "HH:mm"
    assert user["phone"] == "+44 20 1234"
    assert user["zuid"].isdigit()
    assert user["created_by"] == {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    listed = client.get(f"{USERS}?type=NotConfirmedUsers", headers=org.headers).json()["users"]
    assert item["details"]["id"] in {u["id"] for u in listed}


def test_role_and_profile_as_objects_and_first_name_optional(client, org):
    ids = people(client, org)
    user_id = add_user(client, org, first_name=None, role={"id": ids["CEO"]}, profile={"id": ids["Administrator"]})
    user = read_user(client, org, user_id)
    assert user["first_name"] is None and user["full_name"] == "Lovelace"
    assert user["profile"]["name"] == "Administrator"
    admins = client.get(f"{USERS}?type=AdminUsers", headers=org.headers).json()["users"]
    assert user_id in {u["id"] for u in admins}


def _post(client, org, body: Any, headers=None):
    return client.post(USERS, headers=headers or org.headers, json=body)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"last_name": None}, error("MANDATORY_NOT_FOUND", "Last Name is required",
                                    {"api_name": "last_name", "json_path": "$.users[0].last_name"})),
        ({"email": None}, error("MANDATORY_NOT_FOUND", "required field not found",
                                {"api_name": "email", "json_path": "$.users[0].email"})),
        ({"role": None}, error("MANDATORY_NOT_FOUND", "required field not found",
                               {"api_name": "role", "json_path": "$.users[0].role"})),
        ({"profile": None}, error("MANDATORY_NOT_FOUND", "required field not found",
                                  {"api_name": "profile", "json_path": "$.users[0].profile"})),
        ({"first_name": "Ada<b>"}, error("INVALID_DATA", "Special Characters Found",
                                         {"api_name": "first_name", "json_path": "$.users[0].first_name"})),
        ({"last_name": "L" * 51}, error("INVALID_DATA", "invalid data",
                                        {"maximum_length": 50, "api_name": "last_name",
                                         "json_path": "$.users[0].last_name"})),
        ({"last_name": 7}, error("INVALID_DATA", "invalid data",
                                 {"expected_data_type": "string", "api_name": "last_name",
                                  "json_path": "$.users[0].last_name"})),
        ({"email": "not-an-email"}, error("INVALID_DATA", "Invalid Email Id. Please choose a different email id",
                                          {"api_name": "email"})),
        ({"role": "111"}, error("INVALID_DATA", "INVALID_DATA", {"api_name": "role", "json_path": "$.users[0].role"})),
        ({"profile": {"id": "222"}}, error("INVALID_DATA", "INVALID_DATA",
                                           {"api_name": "profile", "json_path": "$.users[0].profile"})),
        ({"time_zone": "Mars/Olympus"}, error("INVALID_DATA", "Give a proper time zone value",
                                              {"api_name": "time_zone", "json_path": "$.users[0].time_zone"})),
        ({"time_format": "HH.mm"}, error("INVALID_DATA", "Pattern not matched",
                                         {"api_name": "time_format", "json_path": "$.users[0].time_format"})),
        ({"created_by": {"id": "1"}}, error("NOT_SUPPORTED", "Created by & Modified by fields cannot be updated by api",
                                            {"api_name": "created_by", "json_path": "$.users[0].created_by"})),
        ({"Modified_By": {"id": "1"}}, error("NOT_SUPPORTED", "Created by & Modified by fields cannot be updated by api",
                                             {"api_name": "Modified_By", "json_path": "$.users[0].Modified_By"})),
        ({"type__s": "x"}, error("NOT_SUPPORTED", "type__s is cannot be updated by api",
                                 {"api_name": "type__s", "json_path": "$.users[0].type__s"})),
        ({"Reporting_To": {"id": "999"}}, error("INVALID_DATA", "the id given seems to be invalid",
                                                {"api_name": "Reporting_To",
                                                 "json_path": "$.users[0].Reporting_To.id"})),
    ],
)
def test_item_refusals(client, org, keys, expected):
    r = _post(client, org, new_user(client, org, **keys))
    assert r.status_code == 400
    assert r.json() == {"users": [expected]}
    assert client.get(f"{USERS}?type=AllUsers", headers=org.headers).json()["info"]["count"] == 4


def test_email_taken_is_duplicate_data_even_in_other_case(client, org):
    taken = read_user(client, org, str(org.made.user_ids["standard"]))["email"]
    r = _post(client, org, new_user(client, org, email=taken.upper()))
    assert r.status_code == 400
    assert r.json() == {"users": [error("DUPLICATE_DATA", "Failed to add user since same email id is already present")]}


def test_email_of_a_deleted_user_can_be_reused(client, org):
    user_id = add_user(client, org)
    assert client.delete(f"{USERS}/{user_id}", headers=org.headers).status_code == 200
    assert add_user(client, org) != user_id


def test_reporting_to_a_deleted_user_is_not_allowed(client, org):
    gone = add_user(client, org, email="gone@example.com")
    client.delete(f"{USERS}/{gone}", headers=org.headers)
    r = _post(client, org, new_user(client, org, Reporting_To={"id": gone}))
    assert r.status_code == 400
    assert r.json() == {"users": [error("NOT_ALLOWED", "the id given seems to be already deleted",
                                        {"api_name": "Reporting_To", "json_path": "$.users[0].Reporting_To.id"})]}


def test_reporting_to_an_active_user_reads_back(client, org):
    boss = str(org.made.user_ids["standard"])
    user = read_user(client, org, add_user(client, org, Reporting_To={"id": boss}))
    assert user["Reporting_To"] == {"name": "Ryan Dahl", "id": boss}


def test_licence_limit(client, org):
    # The fixture has 3 active users; the org holds 10 licences (GET /org license_details).
    for n in range(7):
        add_user(client, org, email=f"u{n}@example.com")
    org_row = client.get("/crm/v7/org", headers=org.headers).json()["org"][0]
    assert org_row["license_details"]["users_license_purchased"] == 10
    r = _post(client, org, new_user(client, org, email="eleventh@example.com"))
    assert r.status_code == 400
    assert r.json() == {"users": [error(
        "LICENSE_LIMIT_EXCEEDED", "Request exceeds your license limit. Need to upgrade in order to add a user")]}


def test_more_than_one_user_is_request_level(client, org):
    body = new_user(client, org)
    body["users"].append(dict(body["users"][0], email="second@example.com"))
    r = _post(client, org, body)
    assert r.status_code == 400
    assert r.json() == error("INVALID_DATA", "invalid data",
                             {"maximum_length": 1, "api_name": "users", "json_path": "$.users"})


@pytest.mark.parametrize("body", [{}, {"users": []}, {"users": None}, []])
def test_missing_users_is_request_level(client, org, body):
    r = _post(client, org, body)
    assert r.status_code == 400
    assert r.json() == error("MANDATORY_NOT_FOUND", "required field not found",
                             {"api_name": "users", "json_path": "$.users"})


def test_malformed_json_is_unable_to_parse(client, org):
    r = client.post(USERS, headers=org.headers, content=b"{nope")
    assert r.status_code == 400
    assert r.json() == error("UNABLE_TO_PARSE_DATA_TYPE", "either the request body or parameters is in wrong format")


def test_standard_user_has_no_permission(client, backend, org):
    r = _post(client, org, new_user(client, org), headers=headers_of(backend, org, "standard"))
    assert r.status_code == 403
    assert r.json() == error("NO_PERMISSION", "permission denied", {"permissions": ["Crm_Implied_Manage_Users"]})


@pytest.mark.parametrize(("scope", "status"), [("ZohoCRM.users.READ", 401), ("ZohoCRM.users.CREATE", 201),
                                               ("ZohoCRM.users.ALL", 201)])
def test_scopes(client, backend, org, scope, status):
    from tests.conftest import token_for

    body = new_user(client, org)
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'admin', [scope])}"}
    r = _post(client, org, body, headers=headers)
    assert r.status_code == status
    if status == 401:
        assert r.json() == error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL")


@pytest.mark.parametrize(("key", "value", "details"), [
    ("email", "a\u0000b@example.com", {"api_name": "email"}),
    ("phone", "1\u00002", {"api_name": "phone", "json_path": "$.users[0].phone"}),
    ("time_zone", "Asia/\u0000Kolkata", {"api_name": "time_zone", "json_path": "$.users[0].time_zone"}),
    ("last_name", "Love\u0000lace", {"api_name": "last_name", "json_path": "$.users[0].last_name"}),
])
def test_nul_in_text_is_refused_not_stored(client, org, key, value, details):
    r = _post(client, org, new_user(client, org, **{key: value}))
    assert r.status_code == 400
    (item,) = r.json()["users"]
    assert item["code"] == "INVALID_DATA" and item["details"] == details


@pytest.mark.parametrize("body", [{"users": "x"}, {"users": [1]}, {"users": [{"role": ["x"], "last_name": "L",
                                                                             "email": "e@example.com",
                                                                             "profile": 1}]}])
def test_wrong_shapes_never_500(client, org, body):
    r = _post(client, org, body)
    assert r.status_code == 400
    assert r.json()
