"""Spec 21 §16, part A: every error row of the user/territory endpoints, exact status and body."""

from __future__ import annotations

import json

from tests.http.territories.helpers import (
    BASE, ID_INVALID, REQUIRED, configure, error, headers_of, make, root_id, set_user_status, user_id,
)

UNKNOWN = "1234567890123"


def users_put(client, org, territory, *ids):
    return client.put(f"{BASE}/{territory}/users", headers=org.headers,
                      content=json.dumps({"users": [{"id": i} for i in ids]}))


def user_put(client, org, user, *territories, headers=None):
    return client.put(f"/crm/v7/users/{user}/territories", headers=headers or org.headers,
                      content=json.dumps({"territories": [{"id": t} for t in territories]}))


def field(name, json_path, **extra):
    return {"api_name": name, "json_path": json_path, **extra}


# ---- request level -------------------------------------------------------------------------

def test_list_territory_users_of_unknown_territory_is_invalid_path_id(client, org):
    r = client.get(f"{BASE}/{UNKNOWN}/users", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_get_territory_user_unknown_user_is_invalid_path_id(client, org):
    r = client.get(f"{BASE}/{root_id(client, org)}/users/{UNKNOWN}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 4}))


def test_disassociate_on_unknown_territory_is_invalid_path_id(client, org):
    r = client.delete(f"{BASE}/{UNKNOWN}/users?ids=1", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_user_territories_of_unknown_user_is_invalid_path_id(client, org):
    r = client.get(f"/crm/v7/users/{UNKNOWN}/territories", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 1}))


def test_user_territory_unknown_territory_is_invalid_path_id(client, org):
    r = client.get(f"/crm/v7/users/{user_id(org, 'admin')}/territories/{UNKNOWN}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 3}))


def test_remove_user_territory_unknown_path_territory_is_invalid_territory_id(client, org):
    r = client.delete(f"/crm/v7/users/{user_id(org, 'standard')}/territories/{UNKNOWN}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", "Invalid Territory Id",
                                                    {"resource_path_index": 3}))


def test_associate_without_wrapper_is_mandatory_not_found(client, org):
    r = client.put(f"{BASE}/{root_id(client, org)}/users", headers=org.headers, content=json.dumps({}))
    assert (r.status_code, r.json()) == (400, error("MANDATORY_NOT_FOUND", REQUIRED,
                                                    {"api_name": "users", "json_path": "$.users"}))


def test_disassociate_without_ids_is_required_param_missing(client, org):
    r = client.delete(f"{BASE}/{root_id(client, org)}/users", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("REQUIRED_PARAM_MISSING", "mandatory param missing",
                                                    {"param_name": "ids"}))


def test_remove_user_territories_without_ids_is_required_param_missing(client, org):
    r = client.delete(f"/crm/v7/users/{user_id(org, 'standard')}/territories", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("REQUIRED_PARAM_MISSING", "mandatory param missing",
                                                    {"param_name": "ids"}))


def test_add_own_territories_is_not_allowed(client, org):
    r = user_put(client, org, user_id(org, "admin"), root_id(client, org))
    assert (r.status_code, r.json()) == (400, error("NOT_ALLOWED", "Logged in user can't update their territories"))


def test_remove_own_territories_is_not_allowed(client, org):
    r = client.delete(f"/crm/v7/users/{user_id(org, 'admin')}/territories?ids=1", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("NOT_ALLOWED", "Logged in user can't update their territories"))


def test_add_more_than_100_territories_to_user_is_limit_exceeded(client, org):
    r = user_put(client, org, user_id(org, "standard"), *(str(10**12 + i) for i in range(101)))
    assert (r.status_code, r.json()) == (400, error("LIMIT_EXCEEDED", "limit exceeded", {"limit": 100}))


def test_associate_by_standard_user_is_no_permission(client, backend, org):
    r = client.put(f"{BASE}/{root_id(client, org)}/users", headers=headers_of(backend, org, "standard"),
                   content=json.dumps({"users": [{"id": user_id(org, "standard")}]}))
    assert (r.status_code, r.json()) == (403, error("NO_PERMISSION", "permission denied",
                                                    {"permissions": ["Crm_Implied_Manage_Territories"]}))


# ---- per item: associate / disassociate ----------------------------------------------------------

def test_associate_item_without_id_is_mandatory_not_found(client, org):
    r = client.put(f"{BASE}/{root_id(client, org)}/users", headers=org.headers,
                   content=json.dumps({"users": [{}]}))
    assert (r.status_code, r.json()) == (400, {"users": [error("MANDATORY_NOT_FOUND", REQUIRED,
                                                               field("id", "$.users[0].id"))]})


def test_associate_unknown_user_is_invalid_id(client, org):
    r = users_put(client, org, root_id(client, org), UNKNOWN)
    assert (r.status_code, r.json()) == (400, {"users": [error("INVALID_DATA", ID_INVALID,
                                                               field("id", "$.users[0].id"))]})


def test_associate_deleted_user_is_invalid_data_with_owner_status(client, backend, org):
    set_user_status(backend, org, "standard", "deleted")
    r = users_put(client, org, root_id(client, org), user_id(org, "standard"))
    message = "The user to whom you are trying to update is deleted."
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "INVALID_DATA", message, field("id", "$.users[0].id", owner_status="deleted"))]})


def test_associate_inactive_user_is_invalid_data_with_owner_status(client, org):
    r = users_put(client, org, root_id(client, org), user_id(org, "inactive"))
    message = "The user to whom you are trying to update is deleted."
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "INVALID_DATA", message, field("id", "$.users[0].id", owner_status="inactive"))]})


def test_associate_existing_member_is_duplicate_data(client, org):
    r = users_put(client, org, root_id(client, org), user_id(org, "admin"))
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "DUPLICATE_DATA", "Given user id already exists for that record", field("id", "$.users[0].id"))]})


def test_associate_past_member_limit_is_limit_exceeded(client, backend, org):
    configure(backend, org, max_users_per_territory=1)
    r = users_put(client, org, root_id(client, org), user_id(org, "standard"))
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 1})]})


def test_disassociate_unknown_user_is_invalid_user_id(client, org):
    r = client.delete(f"{BASE}/{root_id(client, org)}/users?ids={UNKNOWN}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "INVALID_DATA", "the given user id given seems to be invalid", {"id": UNKNOWN})]})


def test_disassociate_non_member_is_invalid_data(client, org):
    r = client.delete(f"{BASE}/{root_id(client, org)}/users?ids={user_id(org, 'standard')}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"users": [error(
        "INVALID_DATA", "Given user is not a member of this territory.", {"id": user_id(org, "standard")})]})


def test_disassociate_manager_is_invalid_data(client, org):
    r = client.delete(f"{BASE}/{root_id(client, org)}/users/{user_id(org, 'admin')}", headers=org.headers)
    message = "This user cannot be removed as the user is a manager of the mentioned Territory."
    assert (r.status_code, r.json()) == (400, {"users": [error("INVALID_DATA", message, {})]})


# ---- per item: territories of a user ---------------------------------------------------------------

def test_add_user_territory_non_numeric_id_is_invalid_type(client, org):
    r = user_put(client, org, user_id(org, "standard"), "north")
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "INVALID_DATA", "invalid data", field("id", "$.territories[0].id", expected_data_type="long"))]})


def test_add_user_territory_without_id_is_mandatory_not_found(client, org):
    r = client.put(f"/crm/v7/users/{user_id(org, 'standard')}/territories", headers=org.headers,
                   content=json.dumps({"territories": [{}]}))
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "MANDATORY_NOT_FOUND", REQUIRED, field("id", "$.territories[0].id"))]})


def test_add_user_unknown_territory_is_invalid_territory_id(client, org):
    r = user_put(client, org, user_id(org, "standard"), UNKNOWN)
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "INVALID_DATA", "Invalid Territory Id", field("id", "$.territories[0].id"))]})


def test_add_user_territory_already_associated_is_duplicate_data(client, org):
    north = make(client, org, "North", root_id(client, org), manager={"id": user_id(org, "standard")})
    r = user_put(client, org, user_id(org, "standard"), north)
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "DUPLICATE_DATA", "Territory already associated with the user", field("id", "$.territories[0].id"))]})


def test_add_user_territory_that_is_full_is_limit_exceeded(client, backend, org):
    configure(backend, org, max_users_per_territory=1)
    r = user_put(client, org, user_id(org, "standard"), root_id(client, org))
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 1})]})


def test_remove_root_from_user_is_invalid_data(client, org):
    root = root_id(client, org)
    assert user_put(client, org, user_id(org, "standard"), root).status_code == 200
    r = client.delete(f"/crm/v7/users/{user_id(org, 'standard')}/territories?ids={root}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "INVALID_DATA", "Organization Territory cannot be removed from the user", {"id": root})]})


def test_remove_unlinked_territory_from_user_is_invalid_data(client, org):
    north = make(client, org, "North", root_id(client, org))
    r = client.delete(f"/crm/v7/users/{user_id(org, 'standard')}/territories?ids={north}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"territories": [error(
        "INVALID_DATA", "The territory ID is not linked with the specified user", {"id": north})]})


def test_remove_managed_territory_from_user_is_invalid_data(client, org):
    north = make(client, org, "North", root_id(client, org), manager={"id": user_id(org, "standard")})
    r = client.delete(f"/crm/v7/users/{user_id(org, 'standard')}/territories/{north}", headers=org.headers)
    message = "This user cannot be removed as the user is a manager of the mentioned Territory."
    assert (r.status_code, r.json()) == (400, {"territories": [error("INVALID_DATA", message, {})]})


def test_remove_user_territories_mixed_is_multi_status(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    standard = user_id(org, "standard")
    assert user_put(client, org, standard, north).status_code == 200
    r = client.delete(f"/crm/v7/users/{standard}/territories?ids={north},{UNKNOWN}", headers=org.headers)
    assert (r.status_code, r.json()) == (207, {"territories": [
        {"code": "SUCCESS", "details": {"id": north}, "message": "Territory removed from the user successfully",
         "status": "success"},
        error("INVALID_DATA", "Invalid Territory Id", field("id", "$.territories[1].id")),
    ]})
