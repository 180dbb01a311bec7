"""Territories of records (spec 21 §10–§14): assign, remove, automatic assignment, reads."""

from __future__ import annotations

import json

import pytest

from zcrm_local.service.auth import authenticate
from zcrm_local.service.territories import feature as territory_feature, records as territory_records
from zcrm_local.store.territories import rows as territory_store

from tests.http.territories.helpers import ID_INVALID, REQUIRED, error, headers_of, make, root_id, user_id

SHOWN_AT = "2026-11-23T12:00:00+05:30"
DEAL_RULE = {"comparator": "greater_than", "field": {"api_name": "Amount"}, "value": "2000000"}


def create(client, org, module, **fields):
    defaults = {"Deals": {"Deal_Name": "D", "Stage": "Qualification", "Closing_Date": "2026-12-01"},
                "Accounts": {"Account_Name": "A"}, "Contacts": {"Last_Name": "C"}, "Leads": {"Last_Name": "L"}}
    r = client.post(f"/crm/v7/{module}", headers=org.headers, content=json.dumps({"data": [{**defaults[module],
                                                                                         **fields}]}))
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def update(client, org, module, ident, **fields):
    r = client.put(f"/crm/v7/{module}/{ident}", headers=org.headers, content=json.dumps({"data": [fields]}))
    assert r.status_code == 200, r.text


def held(backend, org, ident):
    with backend.db.read() as conn:
        entries = territory_store.entries_of(conn, org.id, [int(ident)])[int(ident)]
    return [(e.territory_id, e.assigned) for e in entries]


def action(client, org, module, verb, *items, record=None):
    path = f"/crm/v7/{module}/{record}/actions/{verb}" if record else f"/crm/v7/{module}/actions/{verb}"
    return client.post(path, headers=org.headers, content=json.dumps({"data": list(items)}))


def one(record, *territories):
    return {"id": record, "Territories": [{"id": t} for t in territories]}


# ---- automatic assignment ---------------------------------------------------------------------

def test_create_deal_matching_deal_rule_is_assigned_automatically(client, backend, org):
    big = make(client, org, "Big Deals", root_id(client, org), deal_rule_criteria=DEAL_RULE)
    large = create(client, org, "Deals", Amount=3_000_000)
    small = create(client, org, "Deals", Amount=5)
    assert (held(backend, org, large), held(backend, org, small)) == ([(big, "automatically")], [])
    update(client, org, "Deals", large, Amount=10)
    assert held(backend, org, large) == []


def test_create_account_lands_in_the_deepest_matching_territory(client, backend, org):
    def rule(value):
        return {"comparator": "greater_than", "field": {"api_name": "Annual_Revenue"}, "value": value}

    root = root_id(client, org)
    big = make(client, org, "Big", root, account_rule_criteria=rule("100"))
    bigger = make(client, org, "Bigger", big, account_rule_criteria=rule("1000"))
    assert held(backend, org, create(client, org, "Accounts", Annual_Revenue=5000)) == [(bigger, "automatically")]
    assert held(backend, org, create(client, org, "Accounts", Annual_Revenue=500)) == [(big, "automatically")]
    assert held(backend, org, create(client, org, "Accounts", Annual_Revenue=5)) == []


def test_create_contact_inherits_its_accounts_territories(client, backend, org):
    rule = {"comparator": "greater_than", "field": {"api_name": "Annual_Revenue"}, "value": "100"}
    big = make(client, org, "Big", root_id(client, org), account_rule_criteria=rule)
    account = create(client, org, "Accounts", Annual_Revenue=5000)
    contact = create(client, org, "Contacts", Account_Name={"id": account})
    assert held(backend, org, contact) == [(big, "automatically")]


def test_automatic_reassignment_keeps_manual_entries(client, backend, org):
    root = root_id(client, org)
    big = make(client, org, "Big Deals", root, deal_rule_criteria=DEAL_RULE)
    deal = create(client, org, "Deals", Amount=5)
    assert action(client, org, "Deals", "assign_territories", one(deal, root)).status_code == 202
    update(client, org, "Deals", deal, Amount=3_000_000)
    # Deals hold one territory: the manual one stays, the rule adds nothing past the limit.
    assert held(backend, org, deal) == [(root, "manually")]
    assert action(client, org, "Deals", "remove_territories", one(deal, root)).status_code == 202
    update(client, org, "Deals", deal, Amount=4_000_000)
    assert held(backend, org, deal) == [(big, "automatically")]


def test_no_assignment_while_the_feature_is_off(client, backend, org):
    make(client, org, "Big Deals", root_id(client, org), deal_rule_criteria=DEAL_RULE)
    territory_feature.disable(backend, org.id)
    assert held(backend, org, create(client, org, "Deals", Amount=3_000_000)) == []


# ---- assign and remove --------------------------------------------------------------------------

def test_assign_then_remove_territories_of_an_account(client, backend, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    account = create(client, org, "Accounts")
    r = action(client, org, "Accounts", "assign_territories", one(account, north, root))
    (item,) = r.json()["data"]
    assert (r.status_code, r.json()) == (202, {"data": [{
        "code": "SCHEDULED", "details": {"job_id": item["details"]["job_id"], "id": account},
        "message": "Territory assignment process scheduled successfully", "status": "success"}]})
    assert item["details"]["job_id"].isdigit()
    # Entries assigned at one instant read back by territory id (no position column yet).
    assert held(backend, org, account) == [(root, "manually"), (north, "manually")]
    r = action(client, org, "Accounts", "remove_territories", {"Territories": [{"id": north}]}, record=account)
    assert r.status_code == 202
    assert r.json()["data"][0]["message"] == "Territory removal process scheduled successfully"
    assert held(backend, org, account) == [(root, "manually")]


def test_read_record_territories_shows_the_assigner(client, backend, org):
    north = make(client, org, "North", root_id(client, org))
    account = create(client, org, "Accounts")
    assert action(client, org, "Accounts", "assign_territories", one(account, north)).status_code == 202
    principal = authenticate(backend, org.token)
    record = {"id": account}
    territory_records.territory_field(backend, principal, "Accounts", [record])
    assert record == {"id": account, "Territories": [{
        "Name": "North", "id": north, "$assigned_by": {"name": "Patricia Boyle", "id": user_id(org, "admin")},
        "$assigned_time": SHOWN_AT, "$assigned": "manually"}]}


def test_read_record_territories_field_per_module(client, backend, org):
    big = make(client, org, "Big Deals", root_id(client, org), deal_rule_criteria=DEAL_RULE)
    deal = create(client, org, "Deals", Amount=3_000_000)
    account = create(client, org, "Accounts")
    principal = authenticate(backend, org.token)
    deals, accounts = [{"id": deal}], [{"id": account}]
    territory_records.territory_field(backend, principal, "Deals", deals)
    territory_records.territory_field(backend, principal, "Accounts", accounts)
    assert deals == [{"id": deal, "Territory": [{"Name": "Big Deals", "id": big, "$assigned_by": None,
                                                 "$assigned_time": SHOWN_AT, "$assigned": "automatically"}]}]
    assert accounts == [{"id": account, "Territories": []}]


def test_list_by_territory_scope_with_and_without_children(client, backend, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    east = make(client, org, "North East", north)
    principal = authenticate(backend, org.token)
    assert territory_records.territory_scope(backend, principal, "Accounts", north) == [north]
    assert territory_records.territory_scope(backend, principal, "Accounts", north, "true") == [north, east]
    assert territory_records.territory_scope(backend, principal, "Accounts", None) is None
    with pytest.raises(Exception) as refused:
        territory_records.territory_scope(backend, principal, "Leads", north)
    assert refused.value.body() == error("INVALID_MODULE", "Territory is not supported for the given module",
                                         {"resource_path_index": 0})
    with pytest.raises(Exception) as refused:
        territory_records.territory_scope(backend, principal, "Accounts", "1234567890123")
    assert refused.value.body() == error("INVALID_DATA", ID_INVALID, {"param_name": "territory_id"})


# ---- errors of spec 21 §10–§11 -----------------------------------------------------------------

def test_assign_on_leads_is_territory_not_enabled(client, org):
    r = action(client, org, "Leads", "assign_territories", one("1", "2"))
    assert (r.status_code, r.json()) == (403, error("TERRITORY_NOT_ENABLED",
                                                    "the territory feature is not enabled for Leads Module"))


def test_assign_on_services_is_not_supported(client, org):
    r = action(client, org, "Services__s", "assign_territories", one("1", "2"))
    assert (r.status_code, r.json()) == (400, error("NOT_SUPPORTED", "the api is not supported for this module",
                                                    {"resource_path_index": 0}))


def test_assign_on_unknown_module_is_invalid_module(client, org):
    r = action(client, org, "Nothing", "assign_territories", one("1", "2"))
    assert (r.status_code, r.json()) == (400, error("INVALID_MODULE", "the module name given seems to be invalid",
                                                    {"resource_path_index": 0}))


def test_assign_to_unknown_path_record_is_invalid_path_id(client, org):
    r = action(client, org, "Accounts", "assign_territories", {"Territories": [{"id": "1"}]}, record="123456789")
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 1}))


def test_assign_item_without_record_id_is_mandatory_not_found(client, org):
    r = action(client, org, "Accounts", "assign_territories", {"Territories": [{"id": "1"}]})
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "MANDATORY_NOT_FOUND", "One of the expected parameter is missing", {"api_name": "id",
                                                                             "json_path": "$.data[0].id"})]})


def test_assign_unknown_record_is_invalid_record_id(client, org):
    r = action(client, org, "Accounts", "assign_territories", one("123456789", root_id(client, org)))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "INVALID_DATA", "The record Id given seems to be invalid", {"api_name": "id", "json_path": "$.data[0].id"})]})


def test_assign_without_territories_is_mandatory_not_found(client, org):
    account = create(client, org, "Accounts")
    r = action(client, org, "Accounts", "assign_territories", {"id": account, "Territories": []})
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "MANDATORY_NOT_FOUND", REQUIRED, {"api_name": "Territories", "json_path": "$.data[0].Territories"})]})


def test_assign_unknown_territory_is_invalid_id(client, org):
    account = create(client, org, "Accounts")
    r = action(client, org, "Accounts", "assign_territories", one(account, root_id(client, org), "123456789"))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "INVALID_DATA", ID_INVALID, {"api_name": "id", "json_path": "$.data[0].Territories[1].id"})]})


def test_assign_same_territory_twice_is_already_used(client, org):
    account = create(client, org, "Accounts")
    root = root_id(client, org)
    r = action(client, org, "Accounts", "assign_territories", one(account, root, root))
    assert (r.status_code, r.json()) == (400, {"data": [error("ALREADY_USED", "duplicate territory id found", {
        "api_name": "id", "json_path": "$.data[0].Territories[1].id",
        "exists_in": {"json_path": "$.data[0].Territories[0].id"}})]})


def test_assign_territory_already_on_record_is_duplicate_data(client, org):
    account = create(client, org, "Accounts")
    root = root_id(client, org)
    assert action(client, org, "Accounts", "assign_territories", one(account, root)).status_code == 202
    r = action(client, org, "Accounts", "assign_territories", one(account, root))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "DUPLICATE_DATA", "Given Territory id already exists for that record",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"})]})


def test_assign_second_territory_to_deal_is_limit_exceeded(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    deal = create(client, org, "Deals")
    r = action(client, org, "Deals", "assign_territories", one(deal, root, north))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "LIMIT_EXCEEDED", "Maximum limit of territories for that record exceeds", {"limit": 1})]})


def test_remove_territory_not_on_record_is_invalid_id(client, org):
    account = create(client, org, "Accounts")
    r = action(client, org, "Accounts", "remove_territories", one(account, root_id(client, org)))
    assert (r.status_code, r.json()) == (400, {"data": [error(
        "INVALID_DATA", ID_INVALID, {"api_name": "id", "json_path": "$.data[0].Territories[0].id"})]})


def test_remove_automatic_territory_is_not_allowed(client, backend, org):
    big = make(client, org, "Big Deals", root_id(client, org), deal_rule_criteria=DEAL_RULE)
    deal = create(client, org, "Deals", Amount=3_000_000)
    r = action(client, org, "Deals", "remove_territories", one(deal, big))
    assert (r.status_code, r.json()) == (403, {"data": [error(
        "NOT_ALLOWED", "Territory id which you are trying to remove was system assigned",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"})]})
    assert held(backend, org, deal) == [(big, "automatically")]


def test_assign_by_standard_profile_with_edit_permission_is_accepted(client, backend, org):
    account = create(client, org, "Accounts")
    r = client.post("/crm/v7/Accounts/actions/assign_territories", headers=headers_of(backend, org, "standard"),
                    content=json.dumps({"data": [one(account, root_id(client, org))]}))
    assert r.status_code == 202
