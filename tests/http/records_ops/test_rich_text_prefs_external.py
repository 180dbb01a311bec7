"""Rich text (spec 40 §12), the duplicate check preference (§17) and X-EXTERNAL (§18)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import token_for

from .helpers import create, err, get, post


def test_fetch_full_data(client, org):
    rid = create(client, org, "Leads", {"Last_Name": "A", "Description": "plain"})
    r = get(client, org, f"Leads/{rid}/actions/fetch_full_data")
    assert (r.status_code, r.json()) == (200, {"data": [{"id": rid}]})
    r = get(client, org, f"Leads/{rid}/actions/fetch_full_data?fields=Description")
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {"param_name": "fields"}))
    r = get(client, org, "Leads/123/actions/fetch_full_data")
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 1}))
    assert get(client, org, f"Leads/actions/fetch_full_data?ids={rid},1").json() == {"data": [{"id": rid}]}


PREF = "settings/duplicate_check_preference?module=Leads"


def _send(client, org, method, path, body=None, headers=None):
    return client.request(method, f"/crm/v7/{path}", content=json.dumps(body) if body is not None else None,
                          headers={**org.headers, **(headers or {})})


def test_duplicate_check_preference_lifecycle(client, org):
    assert _send(client, org, "GET", PREF).status_code == 204
    body = {"duplicate_check_preference": {"type": "converted_records"}}
    r = _send(client, org, "POST", PREF, body)
    assert (r.status_code, r.json()) == (200, {"duplicate_check_preference": {
        "code": "SUCCESS", "details": {}, "message": "Duplicate check enabled for converted_records successfully.",
        "status": "success"}})
    assert _send(client, org, "GET", PREF).json() == {"duplicate_check_preference": {
        "type": "converted_records", "type_configurations": []}}
    r = _send(client, org, "POST", PREF, body)
    assert (r.status_code, r.json()) == (400, err("ALREADY_CONFIGURED", "already configured.", {}))
    r = _send(client, org, "PUT", PREF, body)
    assert r.json()["duplicate_check_preference"]["message"] == (
        "Updated fieldMapping for converted_records successfully.")
    r = _send(client, org, "DELETE", PREF)
    assert r.json()["duplicate_check_preference"]["message"] == (
        "Duplicate check disabled for converted_records successfully.")
    r = _send(client, org, "DELETE", PREF)
    assert (r.status_code, r.json()) == (403, err(
        "FEATURE_NOT_ENABLED", "The DuplicateCheckPreference for mapped_module_records feature is not yet enabled. "
        "Please enable it before doing this action.", {}))


@pytest.mark.parametrize(("path", "body", "expected"), [
    ("settings/duplicate_check_preference", None,
     err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", {"param_name": "module"})),
    ("settings/duplicate_check_preference?module=Nope", None,
     err("INVALID_MODULE", "the module name given seems to be invalid", {"param_name": "module"})),
    ("settings/duplicate_check_preference?module=Accounts", None,
     err("NOT_SUPPORTED", "the given module is not supported for this api", {"param_name": "module"})),
    (PREF, {}, err("MANDATORY_NOT_FOUND", "required field not found", {
        "api_name": "duplicate_check_preference", "json_path": "$.duplicate_check_preference"})),
    (PREF, {"duplicate_check_preference": {"type": "x"}}, err("INVALID_DATA", "invalid data", {
        "api_name": "type", "json_path": "$.duplicate_check_preference.type",
        "supported_values": ["converted_records", "mapped_module_records"]})),
    (PREF, {"duplicate_check_preference": {"type": "mapped_module_records", "type_configurations": [
        {"field_mappings": [{"current_field": {}, "mapped_field": {"api_name": "Email"}}],
         "mapped_module": {"api_name": "Contacts"}}]}},
     err("EXPECTED_FIELD_MISSING", "Specify at least one field.", {"expected_fields": [
         {"api_name": "api_name", "json_path": "$.duplicate_check_preference.type_configurations[0]"
                                               ".field_mappings[0].current_field.api_name"},
         {"api_name": "id", "json_path": "$.duplicate_check_preference.type_configurations[0]"
                                         ".field_mappings[0].current_field.id"}]})),
    (PREF, {"duplicate_check_preference": {"type": "mapped_module_records", "type_configurations": [
        {"field_mappings": [{"current_field": {"api_name": "Email"}, "mapped_field": {"api_name": "Email"}}],
         "mapped_module": {"api_name": "Contacts"}}]}},
     err("NOT_ALLOWED", "the given current_field API name is not a unique field API name.", {
         "api_name": "current_field",
         "json_path": "$.duplicate_check_preference.type_configurations[0].field_mappings[0].current_field"})),
])
def test_duplicate_check_preference_errors(client, org, path, body, expected):
    r = _send(client, org, "POST", path, body if body is not None else {"duplicate_check_preference": {
        "type": "converted_records"}})
    assert (r.status_code, r.json()) == (400, expected)


def test_duplicate_check_preference_needs_an_admin(client, backend, org):
    token = token_for(backend, org, "standard")
    r = client.get(f"/crm/v7/{PREF}", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert (r.status_code, r.json()) == (403, err("NO_PERMISSION", "permission denied", {"permissions": []}))


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_x_external_naming_no_external_field(client, org, method):
    rid = create(client, org, "Contacts", {"Last_Name": "A"})
    body = {"data": [{"Last_Name": "B"}]} if method == "PUT" else None
    r = _send(client, org, method, f"Contacts/{rid}", body, {"X-EXTERNAL": "Contacts.Last_Name"})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "The value of the external field is invalid.",
                                                  {"api_name": "X-EXTERNAL"}))


def test_x_external_on_upsert(client, org):
    r = post(client, org, "Contacts/upsert", {"data": [{"Last_Name": "A"}]}, {"X-EXTERNAL": "Leads.Ext"})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "The value of the external field is invalid.",
                                                  {"api_name": "X-EXTERNAL"}))


def test_x_external_addresses_records_by_value(client, org, monkeypatch):
    from zcrm_local.domain.records import external

    # A default org has no external field: mark Contacts.Mailing_City as one for this test.
    monkeypatch.setattr(external, "EXTERNAL_FIELDS", {"Contacts": frozenset({"Mailing_City"})})
    rid = create(client, org, "Contacts", {"Last_Name": "Ext", "Mailing_City": "ext-42"})
    header = {"X-EXTERNAL": "Contacts.Mailing_City"}
    r = _send(client, org, "GET", "Contacts/ext-42?fields=Last_Name", None, header)
    assert (r.status_code, r.json()) == (200, {"data": [{"id": rid, "Last_Name": "Ext"}]})
    assert _send(client, org, "GET", "Contacts/nope", None, header).status_code == 204
    r = _send(client, org, "PUT", "Contacts/ext-42", {"data": [{"Last_Name": "Renamed"}]}, header)
    assert (r.status_code, r.json()["data"][0]["details"]["id"]) == (200, rid)
    r = _send(client, org, "PUT", "Contacts/nope", {"data": [{"Last_Name": "x"}]}, header)
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 1}))
    r = _send(client, org, "DELETE", "Contacts/nope", None, header)
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 1}))
    assert _send(client, org, "DELETE", "Contacts/ext-42", None, header).status_code == 200
    assert get(client, org, f"Contacts/{rid}").status_code == 204
    r = _send(client, org, "GET", "Contacts/ext-42", None, {"X-EXTERNAL": "Leads.Mailing_City"})
    assert r.json() == err("INVALID_DATA", "The value of the external field is invalid.", {"api_name": "X-EXTERNAL"})
