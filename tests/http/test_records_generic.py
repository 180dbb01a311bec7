"""Accounts, Contacts, Deals and Leads: served by the same records engine, from metadata."""

from __future__ import annotations

import json

import pytest


def _post(client, org, module, *items):
    return client.post(f"/crm/v7/{module}", content=json.dumps({"data": list(items)}), headers=org.headers)


def test_deal_create_read_update_delete(client, org):
    r = _post(client, org, "Deals", {"Deal_Name": "Big one", "Stage": "Qualification", "Closing_Date": "2026-12-31",
                                     "Amount": "2500000.5"})
    assert r.status_code == 201, r.text
    rid = r.json()["data"][0]["details"]["id"]
    got = client.get(f"/crm/v7/Deals/{rid}", headers=org.headers).json()["data"][0]
    assert (got["Deal_Name"], got["Stage"], got["Closing_Date"], got["Amount"]) == (
        "Big one", "Qualification", "2026-12-31", 2500000.5)
    assert got["Owner"]["id"] == str(org.made.admin_id)
    r = client.put(f"/crm/v7/Deals/{rid}", content=json.dumps({"data": [{"Stage": "Closed Won"}]}),
                   headers=org.headers)
    assert r.status_code == 200
    assert client.get(f"/crm/v7/Deals/{rid}?fields=Stage", headers=org.headers).json()["data"][0] == {
        "id": rid, "Stage": "Closed Won"}
    assert client.delete(f"/crm/v7/Deals/{rid}", headers=org.headers).status_code == 200
    assert client.get(f"/crm/v7/Deals/{rid}", headers=org.headers).status_code == 204


@pytest.mark.parametrize(
    ("module", "item", "expected"),
    [
        ("Deals", {"Stage": "Qualification", "Closing_Date": "2026-12-31"},
         {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Deal_Name", "json_path": "$.data[0].Deal_Name"},
          "message": "required field not found", "status": "error"}),
        ("Deals", {"Deal_Name": "x", "Stage": "Sleeping", "Closing_Date": "2026-12-31"},
         {"code": "INVALID_DATA", "details": {"api_name": "Stage", "json_path": "$.data[0].Stage"},
          "message": "invalid data", "status": "error"}),
        ("Leads", {"Last_Name": "x" * 81},
         {"code": "INVALID_DATA", "details": {"maximum_length": 80, "api_name": "Last_Name",
                                              "json_path": "$.data[0].Last_Name"},
          "message": "invalid data", "status": "error"}),
        ("Accounts", {"Account_Name": "Zylker", "Owner": {"id": "123"}},
         {"code": "INVALID_DATA", "details": {"api_name": "Owner", "json_path": "$.data[0].Owner"},
          "message": "the id given seems to be invalid", "status": "error"}),
    ],
)
def test_generic_module_rules(client, org, module, item, expected):
    r = _post(client, org, module, item)
    assert (r.status_code, r.json()) == (400, {"data": [expected]})


def test_contacts_and_leads_list(client, org):
    assert _post(client, org, "Contacts", {"Last_Name": "Doe"}).status_code == 201
    assert _post(client, org, "Leads", {"Last_Name": "Roe", "Company": "Acme"}).status_code == 201
    assert client.get("/crm/v7/Contacts?fields=Last_Name", headers=org.headers).json()["info"]["count"] == 1
    assert client.get("/crm/v7/Leads?fields=Last_Name", headers=org.headers).json()["data"][0]["Last_Name"] == "Roe"
