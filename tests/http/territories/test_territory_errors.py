"""Spec 20 §10: every error row of the territory settings endpoints, exact status and body."""

from __future__ import annotations

import json

from zcrm_local.domain.metadata import scoped_id

from tests.conftest import new_org
from tests.http.territories.helpers import (
    BASE, ID_INVALID, REQUIRED, configure, error, headers_of, item, make, post, put, root_id, set_user_status, user_id,
)

INVALID = "invalid data"


def items(*errors):
    return {"territories": list(errors)}


def at(name, index=0, **extra):
    return {"api_name": name, "json_path": f"$.territories[{index}].{name}", **extra}


# ---- request-level -------------------------------------------------------------------------

def test_create_without_wrapper_is_mandatory_not_found(client, org):
    r = client.post(BASE, content=json.dumps({"data": []}), headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("MANDATORY_NOT_FOUND", REQUIRED,
                                                    {"api_name": "territories", "json_path": "$.territories"}))


def test_update_with_empty_wrapper_is_mandatory_not_found(client, org):
    r = client.put(BASE, content=json.dumps({"territories": []}), headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("MANDATORY_NOT_FOUND", REQUIRED,
                                                    {"api_name": "territories", "json_path": "$.territories"}))


def test_create_more_than_ten_items_is_limit_exceeded(client, org):
    root = root_id(client, org)
    r = post(client, org, *(item(f"T{i}", root) for i in range(11)))
    assert (r.status_code, r.json()) == (400, error("LIMIT_EXCEEDED", "limit exceeded", {"limit": 10}))


def test_delete_without_ids_is_required_param_missing(client, org):
    r = client.delete(BASE, headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("REQUIRED_PARAM_MISSING", "mandatory param missing",
                                                    {"param_name": "ids"}))


def test_delete_more_than_ten_ids_is_invalid_request(client, org):
    r = client.delete(f"{BASE}?ids=" + ",".join(str(10**17 + i) for i in range(11)), headers=org.headers)
    message = ("unable to process your request. please verify whether you have entered proper method name, "
               "parameter and parameter values.")
    assert (r.status_code, r.json()) == (400, error("INVALID_REQUEST", message, {}))


def test_update_unknown_path_id_is_invalid_path_id(client, org):
    r = put(client, org, {"permission_type": "read_only"}, path=f"{BASE}/1234567890123")
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_delete_unknown_path_id_is_invalid_path_id(client, org):
    r = client.delete(f"{BASE}/1234567890123", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_child_territories_of_unknown_id_is_invalid_path_id(client, org):
    r = client.get(f"{BASE}/1234567890123/__child_territories", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_get_unknown_id_is_no_content(client, org):
    r = client.get(f"{BASE}/1234567890123", headers=org.headers)
    assert (r.status_code, r.content, r.headers.get("content-type")) == (204, b"", None)


def test_delete_by_standard_user_is_permission_denied(client, backend, org):
    r = client.delete(f"{BASE}?ids=1", headers=headers_of(backend, org, "standard"))
    assert (r.status_code, r.json()) == (401, error("PERMISSION_DENIED",
                                                    "You don't have a permission to delete the Territory", {}))


def test_create_by_standard_user_is_no_permission(client, backend, org):
    r = post(client, org, item("North", root_id(client, org)), headers=headers_of(backend, org, "standard"))
    assert (r.status_code, r.json()) == (403, error("NO_PERMISSION", "permission denied",
                                                    {"permissions": ["Crm_Implied_Manage_Territories"]}))


def test_list_with_token_lacking_territory_scope_is_scope_mismatch(client, backend):
    other = new_org(backend, scopes=["ZohoCRM.modules.ALL", "ZohoCRM.users.ALL"])
    r = client.get(BASE, headers=other.headers)
    assert (r.status_code, r.json()) == (401, error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL"))


def test_later_release_endpoint_is_invalid_url_pattern(client, org):
    r = client.get(f"{BASE}/actions/deleted_associated_territories", headers=org.headers)
    assert (r.status_code, r.json()) == (404, error("INVALID_URL_PATTERN",
                                                    "Please check if the URL trying to access is a correct one"))


def test_patch_is_invalid_request_method(client, org):
    r = client.patch(BASE, headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_REQUEST_METHOD",
                                                    "The http request method type is not a valid one"))


# ---- per item: create ----------------------------------------------------------------------

def test_create_item_without_name_is_mandatory_not_found(client, org):
    r = post(client, org, {"reporting_to": {"id": root_id(client, org)}, "permission_type": "read_only"})
    assert (r.status_code, r.json()) == (400, items(error("MANDATORY_NOT_FOUND", REQUIRED, at("name"))))


def test_create_item_with_wrong_json_type_is_invalid_data(client, org):
    r = post(client, org, item("North", root_id(client, org), manager="someone"))
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", INVALID,
                                                          at("manager", expected_data_type="jsonobject"))))


def test_create_bad_permission_type_is_invalid_data(client, org):
    r = post(client, org, item("North", root_id(client, org), permission_type="read_all"))
    details = at("permission_type", supported_values=["read_write_delete", "read_only"])
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", "Given Permission_type value is invalid",
                                                          details)))


def test_create_name_with_forbidden_character_is_invalid_data(client, org):
    r = post(client, org, item("North;East", root_id(client, org)))
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", INVALID, at("name"))))


def test_create_name_over_fifty_characters_is_invalid_data(client, org):
    r = post(client, org, item("N" * 51, root_id(client, org)))
    assert (r.status_code, r.json()) == (400, items(error(
        "INVALID_DATA", "the value of the field exceeds the maximum allowed length", at("name", maximum_length=50))))


def test_create_description_over_250_characters_is_invalid_data(client, org):
    r = post(client, org, item("North", root_id(client, org), description="d" * 251))
    assert (r.status_code, r.json()) == (400, items(error(
        "INVALID_DATA", "the value of the field exceeds the maximum allowed length",
        at("description", maximum_length=250))))


def test_create_unknown_parent_is_invalid_id(client, org):
    r = post(client, org, item("North", "1234567890123"))
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", ID_INVALID, at("reporting_to"))))


def test_create_inactive_manager_is_invalid_id(client, org):
    r = post(client, org, item("North", root_id(client, org), manager={"id": user_id(org, "inactive")}))
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", ID_INVALID, at("manager"))))


def test_create_name_taken_in_org_is_duplicate_data(client, org):
    root = root_id(client, org)
    make(client, org, "North", root)
    r = post(client, org, item("  nORTH ", root))
    assert (r.status_code, r.json()) == (400, items(error("DUPLICATE_DATA", "Given Territory name already exists",
                                                          at("name"))))


def test_create_name_repeated_in_body_is_duplicate_data_for_every_copy(client, org):
    root = root_id(client, org)
    r = post(client, org, item("North", root), item("north", root))
    assert (r.status_code, r.json()) == (400, items(
        error("DUPLICATE_DATA", "Duplicate Territory Name Found", at("name", 0)),
        error("DUPLICATE_DATA", "Duplicate Territory Name Found", at("name", 1))))


def test_create_lead_criteria_while_lead_rule_off_is_not_allowed(client, backend, org):
    configure(backend, org, lead_rule_enabled=False)
    rule = {"comparator": "greater_than", "field": {"api_name": "Annual_Revenue"}, "value": "100"}
    r = post(client, org, item("North", root_id(client, org), lead_rule_criteria=rule))
    assert (r.status_code, r.json()) == (400, items(error("NOT_ALLOWED", "Lead Rule Disabled",
                                                          at("lead_rule_criteria"))))


def test_update_deal_criteria_while_deal_rule_off_is_not_allowed(client, backend, org):
    north = make(client, org, "North", root_id(client, org))
    configure(backend, org, deal_rule_enabled=False)
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount"}, "value": "100"}
    r = put(client, org, {"id": north, "permission_type": "read_only", "deal_rule_criteria": rule})
    assert (r.status_code, r.json()) == (400, items(error("NOT_ALLOWED", "Deal Rule Disabled",
                                                          at("deal_rule_criteria"))))


def test_create_past_org_territory_limit_is_limit_exceeded(client, backend, org):
    configure(backend, org, max_territories=2)
    root = root_id(client, org)
    r = post(client, org, item("North", root), item("South", root))
    assert r.status_code == 207
    assert r.json()["territories"][1] == error("LIMIT_EXCEEDED", "Maximum Territory limit reached", {"limit": 2})


def test_update_manager_past_member_limit_is_limit_exceeded(client, backend, org):
    north = make(client, org, "North", root_id(client, org), manager={"id": user_id(org, "admin")})
    configure(backend, org, max_users_per_territory=1)
    r = put(client, org, {"id": north, "permission_type": "read_only", "manager": {"id": user_id(org, "standard")}})
    assert (r.status_code, r.json()) == (400, items(error("LIMIT_EXCEEDED",
                                                          "Maximum Users Limit reached for a territory", {"limit": 1})))


def test_create_criteria_over_25_rules_is_limit_exceeded(client, org):
    rule = {"comparator": "greater_than", "field": {"api_name": "Annual_Revenue"}, "value": "1"}
    criteria = {"group_operator": "AND", "group": [rule] * 26}
    r = post(client, org, item("North", root_id(client, org), account_rule_criteria=criteria))
    limit_due_to = [{"api_name": "account_rule_criteria", "json_path": "$.territories[0].account_rule_criteria"}]
    assert (r.status_code, r.json()) == (400, items(error(
        "LIMIT_EXCEEDED", "Maximum Territory Criteria Limit reached", {"limit": 25, "limit_due_to": limit_due_to})))


def test_create_criteria_on_unknown_field_is_invalid_api_name(client, org):
    rule = {"comparator": "equal", "field": {"api_name": "Nope"}, "value": "1"}
    r = post(client, org, item("North", root_id(client, org), deal_rule_criteria=rule))
    path = "$.territories[0].deal_rule_criteria.field.api_name"
    assert (r.status_code, r.json()) == (400, items(error(
        "INVALID_DATA", "The given api_name seems to be invalid", {"api_name": "api_name", "json_path": path})))


def test_create_criteria_with_wrong_field_id_is_refused(client, org):
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount", "id": "431581000000000799"}, "value": "1"}
    r = post(client, org, item("North", root_id(client, org), deal_rule_criteria=rule))
    assert r.status_code == 400
    assert r.json()["territories"][0]["code"] == "INVALID_DATA"


def test_create_criteria_with_own_field_id_is_accepted(client, org):
    amount = scoped_id(org.made.prefix, 4_000_002)
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount", "id": amount}, "value": "2000000"}
    r = post(client, org, item("North", root_id(client, org), deal_rule_criteria=rule))
    assert r.status_code == 201


# ---- per item: update ----------------------------------------------------------------------

def test_update_item_without_id_is_mandatory_not_found(client, org):
    r = put(client, org, {"name": "X", "permission_type": "read_only"})
    assert (r.status_code, r.json()) == (400, items(error("MANDATORY_NOT_FOUND", REQUIRED, at("id"))))


def test_update_item_without_permission_type_is_mandatory_not_found(client, org):
    north = make(client, org, "North", root_id(client, org))
    r = put(client, org, {"id": north, "name": "X"})
    assert (r.status_code, r.json()) == (400, items(error("MANDATORY_NOT_FOUND", REQUIRED, at("permission_type"))))


def test_update_unknown_territory_is_invalid_id(client, org):
    r = put(client, org, {"id": "1234567890123", "permission_type": "read_only"})
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", ID_INVALID, at("id"))))


def test_update_parent_inside_own_subtree_is_not_allowed(client, org):
    north = make(client, org, "North", root_id(client, org))
    east = make(client, org, "North East", north)
    r = put(client, org, {"id": north, "permission_type": "read_only", "reporting_to": {"id": east}})
    message = "Reporting_to id should not be the child of given territory. Chosse another territory as Reporing_to"
    assert (r.status_code, r.json()) == (400, items(error("NOT_ALLOWED", message, at("reporting_to"))))


def test_update_root_beyond_its_name_is_not_allowed(client, org):
    root = root_id(client, org)
    r = put(client, org, {"id": root, "permission_type": "read_write_delete"})
    refusal = error("NOT_ALLOWED", "Cannot update the Org Territory except Name")
    assert (r.status_code, r.json()) == (400, items(refusal))


def test_update_deleted_user_as_manager_is_invalid_id(client, backend, org):
    north = make(client, org, "North", root_id(client, org))
    set_user_status(backend, org, "standard", "deleted")
    r = put(client, org, {"id": north, "permission_type": "read_only", "manager": {"id": user_id(org, "standard")}})
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", ID_INVALID, at("manager"))))
