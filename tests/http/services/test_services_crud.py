"""Create, read back, update and delete Services__s through HTTP (spec 10 §2–§7)."""

from __future__ import annotations

import json

import pytest

from zcrm_local.domain.metadata import scoped_id

from tests.conftest import new_org, token_for
from tests.http.services.helpers import post, seed_item

INVALID = "invalid data"


def _created_id(response) -> str:
    return response.json()["data"][0]["details"]["id"]


def test_create_seed_sample_reads_back_field_by_field(client, org):
    r = post(client, org, seed_item(org))
    assert r.status_code == 201
    (item,) = r.json()["data"]
    assert item["code"] == "SUCCESS" and item["message"] == "record added" and item["status"] == "success"
    admin = {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    assert item["details"] == {"Modified_Time": "2026-11-23T12:00:00+05:30", "Modified_By": admin,
                               "Created_Time": "2026-11-23T12:00:00+05:30", "id": item["details"]["id"],
                               "Created_By": admin}
    got = client.get(f"/crm/v7/Services__s/{item['details']['id']}", headers=org.headers)
    assert got.status_code == 200
    (record,) = got.json()["data"]
    email = record["Owner"]["email"]
    assert email.startswith("patricia.boyle@")
    assert record["Service_Name"] == "AC Repair"
    assert record["Duration"] == 60
    assert record["Location"] == "Client Address"
    assert [m["Members"] for m in record["Members"]] == [admin]
    assert record["Members"][0]["id"].isdigit() and record["Members"][0]["id"] != str(org.made.admin_id)
    assert record["Availability_Type"] == "Specific Day(s)"
    assert record["Available_Days"] == ["Monday", "Tuesday"]
    assert record["Available_Dates"] == []
    assert record["Available_Timings"] == [{"From": "10:00", "To": "18:30"}]
    assert record["Price"] == 230.66
    assert record["Tax"] == [{"id": scoped_id(org.made.prefix, 21_003), "value": "Vat - 0.8 %"}]
    assert record["Status"] == "Available"
    assert record["Job_Sheet_Required"] == "Yes"
    assert record["Job_Sheet_Section__s"] == "Standard"
    assert record["Description"] == "AC repair and service at your doorstep."
    assert record["Unavailable_From"] is None and record["Unavailable_Till"] is None
    assert record["Owner"] == {**admin, "email": email}
    assert record["Created_By"] == record["Modified_By"] == {**admin, "email": email}
    assert record["Record_Status__s"] == "Available"
    assert record["Tag"] == [] and record["Record_Image"] is None
    assert record["$currency_symbol"] == "$"
    assert record["$state"] == "save" and record["$editable"] is True
    assert record["$sharing_permission"] == "full_access"
    assert record["$has_more"] == {"Members": False}


def test_create_three_with_one_invalid_is_207_in_input_order(client, org):
    r = post(client, org, seed_item(org), seed_item(org, Duration=None), seed_item(org, Service_Name="Second"))
    assert r.status_code == 207
    first, second, third = r.json()["data"]
    assert first["code"] == "SUCCESS" and third["code"] == "SUCCESS"
    assert second == {"code": "MANDATORY_NOT_FOUND",
                      "details": {"api_name": "Duration", "json_path": "$.data[1].Duration"},
                      "message": "required field not found", "status": "error"}
    listed = client.get("/crm/v7/Services__s?fields=Service_Name", headers=org.headers).json()["data"]
    assert sorted(r["Service_Name"] for r in listed) == ["AC Repair", "Second"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "data", "json_path": "$.data"},
              "message": "required field not found", "status": "error"}),
        ({"data": None}, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "data", "json_path": "$.data"},
                          "message": "required field not found", "status": "error"}),
        ({"data": []}, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "data", "json_path": "$.data"},
                        "message": "required field not found", "status": "error"}),
        ({"data": {"a": 1}}, {"code": "INVALID_DATA", "details": {"expected_data_type": "jsonarray",
                                                                 "api_name": "data", "json_path": "$.data"},
                              "message": INVALID, "status": "error"}),
        ({"data": [{}] * 101}, {"code": "LIMIT_EXCEEDED", "details": {"maximum_length": 100, "api_name": "data"},
                                "message": "count of records in your request exceeds the limit", "status": "error"}),
        ([1, 2], {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "data", "json_path": "$.data"},
                  "message": "required field not found", "status": "error"}),
    ],
)
def test_create_request_level_body_errors(client, org, body, expected):
    r = client.post("/crm/v7/Services__s", content=json.dumps(body), headers=org.headers)
    assert (r.status_code, r.json()) == (400, expected)


@pytest.mark.parametrize("raw", [b"{nope", b"\xff\xfe", b"[1,", b'{"data": [}'])
def test_create_unparsable_body_is_unable_to_parse(client, org, raw):
    r = client.post("/crm/v7/Services__s", content=raw, headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "UNABLE_TO_PARSE_DATA_TYPE", "details": {},
                                               "message": "either the request body or parameters is in wrong format",
                                               "status": "error"})


def test_create_item_not_an_object(client, org):
    r = post(client, org, "text")
    assert r.status_code == 400
    assert r.json() == {"data": [{"code": "INVALID_DATA", "details": {"expected_data_type": "jsonobject",
                                                                      "api_name": "data", "json_path": "$.data[0]"},
                                  "message": INVALID, "status": "error"}]}


def test_body_without_content_type_is_read_as_json(client, org):
    headers = {**org.headers}
    r = client.post("/crm/v7/Services__s", content=json.dumps({"data": [seed_item(org)]}).encode(), headers=headers)
    assert r.status_code == 201
    r = client.post("/crm/v7/Services__s", content=json.dumps({"data": [seed_item(org)]}),
                    headers={**headers, "Content-Type": "text/plain"})
    assert r.status_code == 201


def test_get_unknown_id_is_204_and_non_numeric_is_invalid_id(client, org):
    r = client.get("/crm/v7/Services__s/5545974000002180641", headers=org.headers)
    assert (r.status_code, r.content, r.headers.get("content-type")) == (204, b"", None)
    r = client.get("/crm/v7/Services__s/abc", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "INVALID_DATA", "details": {"resource_path_index": 1},
                                               "message": "the id given seems to be invalid", "status": "error"})


def test_get_by_id_with_fields_keeps_id(client, org):
    rid = _created_id(post(client, org, seed_item(org)))
    r = client.get(f"/crm/v7/Services__s/{rid}?fields=Duration,Nope", headers=org.headers)
    assert r.json() == {"data": [{"id": rid, "Duration": 60}]}


def test_module_name_is_case_insensitive_and_unknown_is_invalid_module(client, org):
    assert post(client, org, seed_item(org)).status_code == 201
    assert client.get("/crm/v7/services__s?fields=Duration", headers=org.headers).status_code == 200
    for name in ("Services", "Service__s"):
        r = client.get(f"/crm/v7/{name}?fields=Duration", headers=org.headers)
        assert (r.status_code, r.json()) == (400, {"code": "INVALID_MODULE", "details": {"resource_path_index": 0},
                                                   "message": "the module name given seems to be invalid",
                                                   "status": "error"})


def test_deeper_record_path_is_invalid_url_pattern(client, org):
    r = client.get("/crm/v7/Services__s/1/x/y", headers=org.headers)
    assert r.status_code == 404 and r.json()["code"] == "INVALID_URL_PATTERN"


@pytest.mark.parametrize("method", ["PATCH", "POST"])
def test_wrong_method_on_record_path(client, org, method):
    r = client.request(method, "/crm/v7/Services__s/1", headers=org.headers)
    assert (r.status_code, r.json()["code"]) == (400, "INVALID_REQUEST_METHOD")


@pytest.mark.parametrize(
    ("scope", "method", "path", "allowed"),
    [
        ("ZohoCRM.modules.services.READ", "GET", "/crm/v7/Services__s?fields=Duration", True),
        ("ZohoCRM.modules.services.READ", "POST", "/crm/v7/Services__s", False),
        ("ZohoCRM.modules.services.CREATE", "POST", "/crm/v7/Services__s", True),
        ("ZohoCRM.modules.READ", "GET", "/crm/v7/Services__s?fields=Duration", True),
        ("ZohoCRM.modules.ALL", "DELETE", "/crm/v7/Services__s?ids=1", True),
        ("ZohoCRM.modules.services.Delete", "DELETE", "/crm/v7/Services__s?ids=1", True),
        ("ZohoCRM.modules.leads.ALL", "GET", "/crm/v7/Services__s?fields=Duration", False),
        ("ZohoCRM.settings.ALL", "GET", "/crm/v7/Services__s?fields=Duration", False),
    ],
)
def test_services_scopes(client, backend, scope, method, path, allowed):
    org = new_org(backend, scopes=[scope])
    body = json.dumps({"data": [seed_item(org)]}) if method == "POST" else None
    r = client.request(method, path, content=body, headers=org.headers)
    if allowed:
        assert r.status_code != 401
    else:
        assert (r.status_code, r.json()) == (401, {"code": "OAUTH_SCOPE_MISMATCH", "details": {},
                                                   "message": "invalid oauth scope to access this URL",
                                                   "status": "error"})


def test_standard_user_can_write_services(client, backend, org):
    token = token_for(backend, org, "standard")
    r = client.post("/crm/v7/Services__s", content=json.dumps({"data": [seed_item(org)]}),
                    headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 201


def test_one_org_never_reads_or_changes_another_orgs_services(client, backend, org):
    rid = _created_id(post(client, org, seed_item(org)))
    other = new_org(backend)
    assert client.get(f"/crm/v7/Services__s/{rid}", headers=other.headers).status_code == 204
    assert client.get("/crm/v7/Services__s?fields=Duration", headers=other.headers).status_code == 204
    r = client.put(f"/crm/v7/Services__s/{rid}", content=json.dumps({"data": [{"Duration": 30}]}),
                   headers=other.headers)
    assert r.json()["code"] == "INVALID_DATA"
    r = client.delete(f"/crm/v7/Services__s?ids={rid}", headers=other.headers)
    assert r.json()["data"][0]["message"] == "record not deleted"
    assert client.get(f"/crm/v7/Services__s/{rid}", headers=org.headers).json()["data"][0]["Duration"] == 60
