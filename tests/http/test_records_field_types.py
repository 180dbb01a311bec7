"""Field value types on the wire (spec 40 §3, §4, §7.2): every type error with its whole body,
lookups checked in the caller's org and read back with the target's name."""

from __future__ import annotations

import json

import pytest

from tests.conftest import new_org

DEAL = {"Deal_Name": "Big one", "Stage": "Qualification", "Closing_Date": "2026-12-31"}


def _post(client, org, module, *items):
    return client.post(f"/crm/v7/{module}", content=json.dumps({"data": list(items)}), headers=org.headers)


def _put(client, org, module, rid, item):
    return client.put(f"/crm/v7/{module}/{rid}", content=json.dumps({"data": [item]}), headers=org.headers)


def _get(client, org, module, rid):
    return client.get(f"/crm/v7/{module}/{rid}", headers=org.headers).json()["data"][0]


def _created(client, org, module, item):
    r = _post(client, org, module, item)
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def _count(client, org, module):
    r = client.get(f"/crm/v7/{module}?fields=id", headers=org.headers)
    return 0 if r.status_code == 204 else r.json()["info"]["count"]


def _err(api_name, message="invalid data", code="INVALID_DATA", **extra):
    return {"code": code, "details": {**extra, "api_name": api_name, "json_path": f"$.data[0].{api_name}"},
            "message": message, "status": "error"}


RELATED = "the related id given seems to be invalid"

TYPE_ERRORS = [
    # integer: 32-bit range (else a type error), then `length` digits
    ("Deals", {**DEAL, "Probability": 1e30}, _err("Probability", expected_data_type="integer")),
    ("Deals", {**DEAL, "Probability": 2147483648}, _err("Probability", expected_data_type="integer")),
    ("Deals", {**DEAL, "Probability": "9" * 400}, _err("Probability", expected_data_type="integer")),
    ("Deals", {**DEAL, "Probability": 1000}, _err("Probability", maximum_length=3)),
    ("Deals", {**DEAL, "Probability": 50.5}, _err("Probability", expected_data_type="integer")),
    ("Deals", {**DEAL, "Probability": "١٢"}, _err("Probability", expected_data_type="integer")),
    ("Deals", {**DEAL, "Probability": True}, _err("Probability", expected_data_type="integer")),
    ("Leads", {"Last_Name": "x", "No_of_Employees": 1234567890}, _err("No_of_Employees", maximum_length=9)),
    ("Accounts", {"Account_Name": "x", "Employees": -2147483649}, _err("Employees", expected_data_type="integer")),
    # currency / double: digits and type
    ("Deals", {**DEAL, "Amount": 1e17}, _err("Amount", maximum_length=16)),
    ("Deals", {**DEAL, "Amount": "1" * 400}, _err("Amount", maximum_length=16)),
    ("Deals", {**DEAL, "Amount": "١٢"}, _err("Amount", expected_data_type="double")),
    ("Deals", {**DEAL, "Amount": [1]}, _err("Amount", expected_data_type="double")),
    ("Accounts", {"Account_Name": "x", "Exchange_Rate": "12345678.123456789"},
     _err("Exchange_Rate", maximum_length=16)),
    # text family: type and length
    ("Leads", {"Last_Name": 5}, _err("Last_Name", expected_data_type="text")),
    ("Accounts", {"Account_Name": "x", "Phone": "1" * 31}, _err("Phone", maximum_length=30)),
    ("Accounts", {"Account_Name": "x", "Website": "w" * 256}, _err("Website", maximum_length=255)),
    ("Accounts", {"Account_Name": "x", "Description": "d" * 32001}, _err("Description", maximum_length=32000)),
    ("Leads", {"Last_Name": "x", "Email": "a" * 95 + "@b.com"}, _err("Email", maximum_length=100)),
    ("Leads", {"Last_Name": "x", "Email": 7}, _err("Email", expected_data_type="text")),
    # email format: invalid data without expected_data_type (step 4)
    ("Leads", {"Last_Name": "x", "Email": "not-an-email"}, _err("Email")),
    ("Contacts", {"Last_Name": "x", "Email": "a@b"}, _err("Email")),
    ("Contacts", {"Last_Name": "x", "Email": "a b@c.com"}, _err("Email")),
    # boolean
    ("Leads", {"Last_Name": "x", "Email_Opt_Out": "yes"}, _err("Email_Opt_Out", expected_data_type="boolean")),
    ("Leads", {"Last_Name": "x", "Email_Opt_Out": 1}, _err("Email_Opt_Out", expected_data_type="boolean")),
    # date
    ("Deals", {**DEAL, "Closing_Date": "31-12-2026"}, _err("Closing_Date", expected_data_type="date")),
    ("Contacts", {"Last_Name": "x", "Date_of_Birth": "2026-02-30"}, _err("Date_of_Birth", expected_data_type="date")),
    # picklist: a number is a type error; an unknown value is plain invalid data (RQ-8)
    ("Deals", {**DEAL, "Stage": 3}, _err("Stage", expected_data_type="text")),
    ("Deals", {**DEAL, "Type": "Old Business"}, _err("Type")),
    # lookups: wrong type, malformed id, unknown id (RQ-9)
    ("Deals", {**DEAL, "Account_Name": 12}, _err("Account_Name", expected_data_type="jsonobject")),
    ("Deals", {**DEAL, "Account_Name": {"id": "abc"}}, _err("Account_Name", RELATED)),
    ("Deals", {**DEAL, "Account_Name": {"id": "5545974000009999999"}}, _err("Account_Name", RELATED)),
    ("Contacts", {"Last_Name": "x", "Account_Name": "5545974000009999999"}, _err("Account_Name", RELATED)),
    # ownerlookup
    ("Deals", {**DEAL, "Owner": 12}, _err("Owner", expected_data_type="jsonobject")),
    ("Deals", {**DEAL, "Owner": "123"}, _err("Owner", "the id given seems to be invalid")),
]


@pytest.mark.parametrize(("module", "item", "expected"), TYPE_ERRORS)
def test_type_error_bodies(client, org, module, item, expected):
    r = _post(client, org, module, item)
    assert (r.status_code, r.json()) == (400, {"data": [expected]})
    assert _count(client, org, module) == 0


def test_type_error_on_update_leaves_record(client, org):
    rid = _created(client, org, "Deals", {**DEAL, "Probability": 40})
    r = _put(client, org, "Deals", rid, {"Probability": 1e30})
    assert (r.status_code, r.json()) == (400, {"data": [_err("Probability", expected_data_type="integer")]})
    assert _get(client, org, "Deals", rid)["Probability"] == 40


def test_check_order_type_before_mandatory_before_values(client, org):
    # §7.2: type (step 2) beats a missing mandatory field (3), which beats a bad picklist (4).
    r = _post(client, org, "Deals", {"Stage": "Sleeping", "Closing_Date": "2026-12-31", "Probability": 1e30})
    assert r.json()["data"][0] == _err("Probability", expected_data_type="integer")
    r = _post(client, org, "Deals", {"Stage": "Sleeping", "Closing_Date": "2026-12-31"})
    assert r.json()["data"][0] == _err("Deal_Name", "required field not found", "MANDATORY_NOT_FOUND")
    # Values (4) before references (5).
    r = _post(client, org, "Deals", {**DEAL, "Stage": "Sleeping", "Account_Name": {"id": "5545974000009999999"}})
    assert r.json()["data"][0] == _err("Stage")


def test_values_accepted_and_read_back(client, org):
    rid = _created(client, org, "Leads", {"Last_Name": "Roe", "Email": "roe@example.co.uk", "Email_Opt_Out": "true",
                                          "No_of_Employees": "42", "Annual_Revenue": "1234.565"})
    got = _get(client, org, "Leads", rid)
    assert (got["Email"], got["Email_Opt_Out"], got["No_of_Employees"], got["Annual_Revenue"]) == (
        "roe@example.co.uk", True, 42, 1234.57)
    rid = _created(client, org, "Deals", {**DEAL, "Probability": 1e2, "Amount": 999999999999999})
    got = _get(client, org, "Deals", rid)
    assert (got["Probability"], got["Amount"]) == (100, 999999999999999)


def test_lookup_checked_and_rendered_with_name(client, org):
    account = _created(client, org, "Accounts", {"Account_Name": "Zylker"})
    contact = _created(client, org, "Contacts", {"First_Name": "Ada", "Last_Name": "Lovelace",
                                                 "Account_Name": {"id": account}})
    deal = _created(client, org, "Deals", {**DEAL, "Account_Name": account, "Contact_Name": {"id": int(contact)}})
    got = _get(client, org, "Deals", deal)
    assert got["Account_Name"] == {"name": "Zylker", "id": account}
    assert got["Contact_Name"] == {"name": "Ada Lovelace", "id": contact}
    assert _get(client, org, "Contacts", contact)["Account_Name"] == {"name": "Zylker", "id": account}
    # The name is the target's current one, in lists too.
    assert _put(client, org, "Accounts", account, {"Account_Name": "Zylker Inc"}).status_code == 200
    listed = client.get("/crm/v7/Deals?fields=Account_Name", headers=org.headers).json()["data"][0]
    assert listed == {"id": deal, "Account_Name": {"name": "Zylker Inc", "id": account}}


def test_lookup_to_wrong_module_or_other_org_is_refused(client, backend, org):
    contact = _created(client, org, "Contacts", {"Last_Name": "Doe"})
    r = _post(client, org, "Deals", {**DEAL, "Account_Name": {"id": contact}})
    assert (r.status_code, r.json()) == (400, {"data": [_err("Account_Name", RELATED)]})
    other = new_org(backend)
    foreign = _created(client, other, "Accounts", {"Account_Name": "Theirs"})
    r = _post(client, org, "Deals", {**DEAL, "Account_Name": {"id": foreign}})
    assert (r.status_code, r.json()) == (400, {"data": [_err("Account_Name", RELATED)]})
    # Mixed batch: the good item is stored, the bad one is not.
    account = _created(client, org, "Accounts", {"Account_Name": "Ours"})
    r = _post(client, org, "Deals", {**DEAL, "Account_Name": {"id": account}},
              {**DEAL, "Account_Name": {"id": foreign}})
    assert r.status_code == 207
    assert r.json()["data"][1] == {**_err("Account_Name", RELATED), "details": {
        "api_name": "Account_Name", "json_path": "$.data[1].Account_Name"}}
    assert _count(client, org, "Deals") == 1


def test_lookup_cleared_with_null(client, org):
    account = _created(client, org, "Accounts", {"Account_Name": "Zylker"})
    deal = _created(client, org, "Deals", {**DEAL, "Account_Name": {"id": account}})
    assert _put(client, org, "Deals", deal, {"Account_Name": None}).status_code == 200
    assert _get(client, org, "Deals", deal)["Account_Name"] is None


def test_system_keys_of_a_record(client, org):
    lead = _get(client, org, "Leads", _created(client, org, "Leads", {"Last_Name": "Roe", "$approved": False,
                                                                       "$state": "draft"}))
    assert {k: v for k, v in lead.items() if k.startswith("$")} == {
        "$approved": True,
        "$approval": {"delegate": False, "approve": False, "reject": False, "resubmit": False},
        "$editable": True, "$currency_symbol": "$", "$state": "save", "$process_flow": False,
        "$review_process": None, "$review": None, "$orchestration": False, "$in_merge": False,
        "$converted": False, "$sharing_permission": "full_access"}
    contact = _get(client, org, "Contacts", _created(client, org, "Contacts", {"Last_Name": "Doe"}))
    keys = {k for k in contact if k.startswith("$")}
    assert "$currency_symbol" not in keys and "$converted" not in keys and "$has_more" not in keys
