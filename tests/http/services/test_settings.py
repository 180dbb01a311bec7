"""Service preferences, business hours, holidays, taxes, field and module metadata."""

from __future__ import annotations

import json

import pytest

from zcrm_local.domain.metadata import scoped_id

from tests.conftest import token_for
from tests.http.services.helpers import post, seed_item


def _err(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


# ---- service preferences (spec 11) ----------------------------------------------------------

def test_service_preferences_get_and_put(client, org):
    r = client.get("/crm/v7/settings/service_preferences", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"service_preferences": {"job_sheet_enabled": True}})
    r = client.put("/crm/v7/settings/service_preferences", headers=org.headers,
                   content=json.dumps({"service_preferences": {"job_sheet_enabled": False}}))
    assert r.status_code == 200
    assert r.json() == {"service_preferences": {"code": "SUCCESS", "details": {},
                                                "message": "Services preferences updated successfully",
                                                "status": "success"}}
    r = client.get("/crm/v7/settings/service_preferences", headers=org.headers)
    assert r.json() == {"service_preferences": {"job_sheet_enabled": False}}


def test_job_sheet_off_refuses_job_sheet_services_with_403_in_documented(client, org):
    client.put("/crm/v7/settings/service_preferences", headers=org.headers,
               content=json.dumps({"service_preferences": {"job_sheet_enabled": False}}))
    r = post(client, org, seed_item(org))
    assert r.status_code == 403
    assert r.json() == {"data": [_err("NOT_ALLOWED", "Job Sheet is not configured in services preferences",
                                      {"api_name": "Job_Sheet_Required", "json_path": "$.data[0].Job_Sheet_Required"})]}
    assert post(client, org, seed_item(org, Job_Sheet_Required="No", Job_Sheet_Section__s=None)).status_code == 201


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        ({}, 400, _err("MANDATORY_NOT_FOUND", "required field not found",
                       {"api_name": "service_preferences", "json_path": "$.service_preferences"})),
        ({"service_preferences": {}}, 400, {"service_preferences": _err(
            "MANDATORY_NOT_FOUND", "required field not found",
            {"api_name": "job_sheet_enabled", "json_path": "$.service_preferences.job_sheet_enabled"})}),
        ({"service_preferences": {"job_sheet_enabled": "no"}}, 400, {"service_preferences": _err(
            "INVALID_DATA", "invalid data",
            {"expected_data_type": "boolean", "api_name": "job_sheet_enabled",
             "json_path": "$.service_preferences.job_sheet_enabled"})}),
    ],
)
def test_service_preferences_put_errors(client, org, body, status, expected):
    r = client.put("/crm/v7/settings/service_preferences", headers=org.headers, content=json.dumps(body))
    assert (r.status_code, r.json()) == (status, expected)


def test_service_preferences_below_v3_is_api_not_supported(client, org):
    r = client.get("/crm/v2/settings/service_preferences", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("API_NOT_SUPPORTED", "api not supported in this version",
                                                   {"supported_version": 3}))


@pytest.mark.parametrize("method", ["POST", "DELETE", "PATCH"])
def test_service_preferences_other_methods(client, org, method):
    r = client.request(method, "/crm/v7/settings/service_preferences", headers=org.headers)
    assert (r.status_code, r.json()["code"]) == (400, "INVALID_REQUEST_METHOD")


def test_standard_user_cannot_change_preferences(client, backend, org):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'standard')}"}
    assert client.get("/crm/v7/settings/service_preferences", headers=headers).status_code == 200
    r = client.put("/crm/v7/settings/service_preferences", headers=headers,
                   content=json.dumps({"service_preferences": {"job_sheet_enabled": False}}))
    assert (r.status_code, r.json()) == (403, _err("NO_PERMISSION", "permission denied",
                                                   {"permissions": ["Crm_Implied_Manage_Settings"]}))


# ---- business hours (spec 12 §1) ------------------------------------------------------------

def test_business_hours_fixture(client, org):
    r = client.get("/crm/v7/settings/business_hours", headers=org.headers)
    assert r.json() == {"business_hours": {
        "business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "custom_timing": None,
        "daily_timing": ["09:00", "19:00"], "week_starts_on": "Monday", "same_as_everyday": True,
        "id": scoped_id(org.made.prefix, 40_001), "type": "custom"}}


def test_business_hours_post_when_one_exists(client, org):
    body = {"business_hours": {"type": "24_by_7", "week_starts_on": "Monday"}}
    r = client.post("/crm/v7/settings/business_hours", headers=org.headers, content=json.dumps(body))
    assert (r.status_code, r.json()) == (400, _err("NOT_ALLOWED", "Organization can have only one Business Hour", {}))


def test_business_hours_put_changes_services_rules(client, org):
    hours_id = scoped_id(org.made.prefix, 40_001)
    body = {"business_hours": {"id": int(hours_id), "type": "24*5", "week_starts_on": "Sunday",
                               "business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Saturday"]}}
    r = client.put("/crm/v7/settings/business_hours", headers=org.headers, content=json.dumps(body))
    assert (r.status_code, r.json()) == (200, {"business_hours": {"code": "SUCCESS", "details": {"id": hours_id},
                                                                  "message": "Business Hours saved successfully",
                                                                  "status": "success"}})
    got = client.get("/crm/v7/settings/business_hours", headers=org.headers).json()["business_hours"]
    assert got["type"] == "24_by_5"
    r = post(client, org, seed_item(org, Available_Days=["Saturday"], Available_Timings=None))
    assert r.status_code == 201, r.text


def test_business_hours_standard_user_forbidden(client, backend, org):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'standard')}"}
    body = {"business_hours": {"type": "24_by_7", "week_starts_on": "Monday"}}
    r = client.put("/crm/v7/settings/business_hours", headers=headers, content=json.dumps(body))
    assert (r.status_code, r.json()) == (403, _err("NO_PERMISSION", "Forbidden due to insufficient permissions",
                                                   {"permissions": ["Crm_Implied_Manage_Users"]}))


def test_business_hours_wrapped_error(client, org):
    body = {"business_hours": {"type": "weekly", "week_starts_on": "Monday"}}
    r = client.put("/crm/v7/settings/business_hours", headers=org.headers, content=json.dumps(body))
    assert (r.status_code, r.json()) == (400, {"business_hours": _err(
        "INVALID_DATA", "invalid data", {"api_name": "type", "json_path": "$.business_hours.type"})})


# ---- holidays, taxes, fields, modules -----------------------------------------------------

def test_holidays_of_a_year(client, org):
    r = client.get("/crm/v7/settings/holidays?year=2026", headers=org.headers)
    body = r.json()
    assert body["info"] == {"per_page": 200, "count": 5, "page": 1, "more_records": False}
    assert body["holidays"][0] == {"id": scoped_id(org.made.prefix, 30_002), "name": "New Year's Day",
                                   "date": "2026-01-01", "year": 2026, "type": "business_holiday",
                                   "shift_hour": None}
    assert client.get("/crm/v7/settings/holidays?year=2031", headers=org.headers).status_code == 204


def test_taxes(client, org):
    r = client.get("/crm/v7/org/taxes", headers=org.headers)
    assert r.json() == {"org_taxes": {
        "taxes": [
            {"id": scoped_id(org.made.prefix, 21_003), "name": "Vat", "display_label": "Vat - 0.8 %", "value": 0.8,
             "sequence_number": 1},
            {"id": scoped_id(org.made.prefix, 21_001), "name": "Sales Tax", "display_label": "Sales Tax - 2.0 %",
             "value": 2, "sequence_number": 2},
        ],
        "preference": {"auto_populate_tax": False, "modify_tax_rates": False}}}
    one = client.get(f"/crm/v7/org/taxes/{scoped_id(org.made.prefix, 21_001)}", headers=org.headers).json()
    assert [t["name"] for t in one["org_taxes"]["taxes"]] == ["Sales Tax"]
    assert client.get("/crm/v7/org/taxes/123", headers=org.headers).status_code == 204


def test_fields_of_services_list_every_accepted_value(client, org):
    r = client.get("/crm/v7/settings/fields?module=Services__s", headers=org.headers)
    fields = {f["api_name"]: f for f in r.json()["fields"]}
    values = {name: [v["display_value"] for v in f["pick_list_values"]] for name, f in fields.items()
              if f.get("pick_list_values")}
    assert values["Status"] == ["Available", "Temporarily Unavailable", "Not in Use"]
    assert values["Location"] == ["Client Address", "Business Address", "Business Address and Client Address"]
    assert values["Availability_Type"] == ["Every Business Days", "Specific Date Range", "Specific Date(s)",
                                           "Specific Day(s)"]
    assert values["Tax"] == ["Vat - 0.8 %", "Sales Tax - 2.0 %"]
    assert values["Job_Sheet_Section__s"] == ["Standard"]
    assert fields["Duration"]["data_type"] == "integer"
    assert fields["Available_Timings"]["data_type"] == "time_range"
    linking = fields["Members"]["multiuserlookup"]["linking_module"]["api_name"]
    linked = client.get(f"/crm/v7/settings/fields?module={linking}", headers=org.headers)
    assert linked.status_code == 200 and linked.json()["fields"]


def test_fields_errors(client, org):
    r = client.get("/crm/v7/settings/fields", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                                   {"param_name": "module"}))
    r = client.get("/crm/v7/settings/fields?module=Nope", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("INVALID_MODULE", "the module name given seems to be invalid", {}))


def test_modules(client, org):
    r = client.get("/crm/v7/settings/modules", headers=org.headers)
    (services,) = [m for m in r.json()["modules"] if m["api_name"] == "Services__s"]
    assert services["api_supported"] is True and services["generated_type"] == "default"
