"""Records of every standard module through the generic engine (spec 40 §2, §5, §7), the module
errors of record paths (§1.1, RQ-1), v2 lists without ``fields`` and the ETL-style flow (issue 11)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.http.services.helpers import seed_item

from .test_modules import err

START = "2026-12-01T10:00:00+05:30"


def _post(client, org, module, *items, version="v7"):
    return client.post(f"/crm/{version}/{module}", content=json.dumps({"data": list(items)}), headers=org.headers)


def _create(client, org, module, item):
    r = _post(client, org, module, item)
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def _minimal(client, org, module):
    """A minimal valid item of ``module``: its mandatory fields of spec 40 §2 (related records made first)."""
    def account():
        return {"id": _create(client, org, "Accounts", {"Account_Name": "Zylker"})}

    def line():
        return [{"Product_Name": {"id": _create(client, org, "Products", {"Product_Name": "Widget"})}, "Quantity": 2}]

    lead_id = None
    if module in ("Notes", "Appointments__s"):
        lead_id = _create(client, org, "Leads", {"Last_Name": "Parent"})
    items = {
        "Leads": lambda: {"Last_Name": "Doe", "First_Name": "Jane"},
        "Contacts": lambda: {"Last_Name": "Doe", "First_Name": "John"},
        "Accounts": lambda: {"Account_Name": "Zylker"},
        "Deals": lambda: {"Deal_Name": "Big", "Stage": "Qualification", "Closing_Date": "2026-12-31"},
        "Tasks": lambda: {"Subject": "Call back", "Status": "Not Started", "Due_Date": "2026-12-02"},
        "Events": lambda: {"Event_Title": "Demo", "Start_DateTime": START, "End_DateTime": "2026-12-01T11:00:00+05:30"},
        "Calls": lambda: {"Subject": "Intro", "Call_Type": "Outbound", "Call_Start_Time": START},
        "Products": lambda: {"Product_Name": "Widget", "Unit_Price": 12.5},
        "Vendors": lambda: {"Vendor_Name": "Acme Supplies"},
        "Price_Books": lambda: {"Price_Book_Name": "Wholesale", "Pricing_Model": "Flat"},
        "Quotes": lambda: {"Subject": "Q-1", "Account_Name": account(), "Quoted_Items": line()},
        "Sales_Orders": lambda: {"Subject": "SO-1", "Account_Name": account(), "Ordered_Items": line()},
        "Purchase_Orders": lambda: {"Subject": "PO-1",
                                    "Vendor_Name": {"id": _create(client, org, "Vendors", {"Vendor_Name": "V"})},
                                    "Purchase_Items": line()},
        "Invoices": lambda: {"Subject": "INV-1", "Account_Name": account(), "Invoiced_Items": line()},
        "Campaigns": lambda: {"Campaign_Name": "Launch", "Type": "Webinar"},
        "Cases": lambda: {"Subject": "Broken", "Status": "New", "Case_Origin": "Email"},
        "Solutions": lambda: {"Solution_Title": "Restart it"},
        "Notes": lambda: {"Note_Content": "Met today", "Parent_Id": {"module": {"api_name": "Leads"}, "id": lead_id}},
        "Appointments__s": lambda: {"Appointment_Name": "Visit", "Appointment_Start_Time": START,
                                    "Appointment_For": {"module": "Leads", "id": lead_id},
                                    "Service_Name": {"id": _create(client, org, "Services__s", seed_item(org))}},
        "Appointments_Rescheduled_History__s": lambda: {
            "Appointment_Name": {"id": _create(client, org, "Appointments__s", _minimal(client, org, "Appointments__s"))},
            "Rescheduled_From": START, "Rescheduled_To": START,
            "Rescheduled_Time": START, "Rescheduled_By": {"id": str(org.made.admin_id)}},
    }
    return items[module]()


# The text field each minimal item sets, read back to prove the record round-trips.
NAME_FIELD = {"Leads": "Last_Name", "Contacts": "Last_Name", "Accounts": "Account_Name", "Deals": "Deal_Name",
              "Tasks": "Subject", "Events": "Event_Title", "Calls": "Subject", "Products": "Product_Name",
              "Vendors": "Vendor_Name", "Price_Books": "Price_Book_Name", "Quotes": "Subject",
              "Sales_Orders": "Subject", "Purchase_Orders": "Subject", "Invoices": "Subject",
              "Campaigns": "Campaign_Name", "Cases": "Subject", "Solutions": "Solution_Title",
              "Notes": "Note_Content", "Appointments__s": "Appointment_Name",
              "Appointments_Rescheduled_History__s": "Rescheduled_From"}


@pytest.mark.parametrize("module", list(NAME_FIELD))
def test_insert_a_minimal_record_and_read_it_back(client, org, module):
    item = _minimal(client, org, module)
    rid = _create(client, org, module, item)
    r = client.get(f"/crm/v7/{module}/{rid}", headers=org.headers)
    assert r.status_code == 200, r.text
    (record,) = r.json()["data"]
    name = NAME_FIELD[module]
    expected = item[name] if not name.startswith("Rescheduled") else "2026-12-01T10:00:00+05:30"
    assert (record["id"], record[name]) == (rid, expected)
    assert record["Owner"]["id"] == str(org.made.admin_id)
    assert (record["Tag"], record["Record_Status__s"], record["Locked__s"]) == ([], "Available", False)
    (layout,) = client.get(f"/crm/v7/settings/layouts?module={module}", headers=org.headers).json()["layouts"]
    assert record["Layout"] == {"name": "Standard", "id": layout["id"]}
    listed = client.get(f"/crm/v7/{module}?fields={name}", headers=org.headers)
    assert listed.status_code == 200 and listed.json()["data"] == [{"id": rid, name: expected}]


@pytest.mark.parametrize("module", list(NAME_FIELD))
def test_mandatory_fields_are_required(client, org, module):
    r = _post(client, org, module, {})
    assert r.status_code == 400
    (item,) = r.json()["data"]
    assert (item["code"], item["message"]) == ("MANDATORY_NOT_FOUND", "required field not found")


def test_update_and_delete_of_a_new_module(client, org):
    rid = _create(client, org, "Cases", {"Subject": "Broken", "Status": "New", "Case_Origin": "Email"})
    r = client.put(f"/crm/v7/Cases/{rid}", content=json.dumps({"data": [{"Status": "Closed", "Priority": "High"}]}),
                   headers=org.headers)
    assert r.status_code == 200, r.text
    got = client.get(f"/crm/v7/Cases/{rid}?fields=Status,Priority,Subject", headers=org.headers).json()["data"][0]
    assert got == {"id": rid, "Status": "Closed", "Priority": "High", "Subject": "Broken"}
    got = client.get("/crm/v7/Cases?fields=Layout", headers=org.headers).json()["data"][0]
    assert set(got) == {"id", "Layout"} and got["Layout"]["name"] == "Standard"
    r = _post(client, org, "Cases", {"Subject": "x", "Status": "Sleeping", "Case_Origin": "Email"})
    assert r.json() == {"data": [err("INVALID_DATA", "invalid data", {"api_name": "Status",
                                                                       "json_path": "$.data[0].Status"})]}
    assert client.delete(f"/crm/v7/Cases?ids={rid}", headers=org.headers).status_code == 200
    assert client.get(f"/crm/v7/Cases/{rid}", headers=org.headers).status_code == 204


def test_full_name_is_computed(client, org):
    rid = _create(client, org, "Leads", {"Last_Name": "Doe", "First_Name": "Jane", "Salutation": "Dr."})
    got = client.get(f"/crm/v7/Leads/{rid}?fields=Full_Name", headers=org.headers).json()["data"][0]
    assert got["Full_Name"] == "Jane Doe"
    client.put(f"/crm/v7/Leads/{rid}", content=json.dumps({"data": [{"First_Name": None}]}), headers=org.headers)
    assert client.get(f"/crm/v7/Leads/{rid}?fields=Full_Name", headers=org.headers).json()["data"][0][
        "Full_Name"] == "Doe"


@pytest.mark.parametrize(("method", "path"), [("POST", "/Attachments"), ("PUT", "/Attachments"),
                                              ("DELETE", "/Attachments?ids=1")])
def test_attachments_are_not_written_through_records(client, org, method, path):
    r = client.request(method, f"/crm/v7{path}", content=json.dumps({"data": [{}]}), headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_MODULE", "the given module is not supported in api",
                                                  {"resource_path_index": 0}))


@pytest.mark.parametrize(("segment", "message"), [
    ("Reports", "the given module is not supported in api"),
    ("home", "the given module is not supported in api"),
    ("Quoted_Items", "the module name given seems to be invalid"),
    ("Widgets", "the module name given seems to be invalid"),
])
def test_record_paths_of_modules_without_records_api(client, org, segment, message):
    r = client.get(f"/crm/v7/{segment}?fields=id", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_MODULE", message, {"resource_path_index": 0}))


def test_module_scope_words(client, backend):
    from tests.conftest import new_org

    scoped = new_org(backend, scopes=["ZohoCRM.modules.pricebooks.ALL"])
    assert _post(client, scoped, "Price_Books", {"Price_Book_Name": "P"}).status_code == 201
    r = _post(client, scoped, "Products", {"Product_Name": "P"})
    assert (r.status_code, r.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
    events = new_org(backend, scopes=["ZohoCRM.modules.events.READ"])
    assert client.get("/crm/v7/Events?fields=Event_Title", headers=events.headers).status_code == 204


@pytest.mark.parametrize("version", ["v2", "v2.1"])
def test_v2_list_without_fields_returns_every_field(client, org, version):
    rid = _create(client, org, "Leads", {"Last_Name": "Doe", "Company": "Acme"})
    r = client.get(f"/crm/{version}/Leads", headers=org.headers)
    assert r.status_code == 200, r.text
    (record,) = r.json()["data"]
    fields = client.get("/crm/v7/settings/fields?module=Leads", headers=org.headers).json()["fields"]
    assert {f["api_name"] for f in fields} <= set(record)
    assert (record["id"], record["Last_Name"], record["Company"], record["Email"]) == (rid, "Doe", "Acme", None)


@pytest.mark.parametrize("version", ["v3", "v7", "v8"])
def test_from_v3_on_fields_is_required(client, org, version):
    r = client.get(f"/crm/{version}/Leads", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                                  {"param_name": "fields"}))


def test_etl_flow(client, org, clock):
    """What an ETL connector does: module list → module by name → fields → v2 list without
    ``fields`` → incremental read with ``If-Modified-Since``."""
    h = org.headers
    modules = client.get("/crm/v2/settings/modules", headers=h).json()["modules"]
    streams = [m["api_name"] for m in modules if m["api_supported"]]
    assert "Contacts" in streams
    (contacts,) = client.get("/crm/v2/settings/modules/Contacts", headers=h).json()["modules"]
    assert contacts["api_name"] == "Contacts"
    fields = client.get("/crm/v2/settings/fields?module=Contacts", headers=h).json()["fields"]
    names = {f["api_name"] for f in fields}
    assert {"Last_Name", "Email", "Modified_Time"} <= names
    assert client.get("/crm/v2/Contacts", headers=h).status_code == 204
    first = _create(client, org, "Contacts", {"Last_Name": "One"})
    r = client.get("/crm/v2/Contacts", headers=h)
    (record,) = r.json()["data"]
    assert record["id"] == first and names <= set(record)
    cursor = record["Modified_Time"]
    r = client.get("/crm/v2/Contacts", headers={**h, "If-Modified-Since": cursor})
    assert (r.status_code, r.content) == (304, b"")
    clock.advance(timedelta(seconds=60))
    second = _create(client, org, "Contacts", {"Last_Name": "Two"})
    r = client.get("/crm/v2/Contacts", headers={**h, "If-Modified-Since": cursor})
    assert r.status_code == 200 and [d["id"] for d in r.json()["data"]] == [second]


def test_attachments_list_reads_nothing(client, org):
    assert client.get("/crm/v7/Attachments?fields=File_Name", headers=org.headers).status_code == 204


def test_a_standard_user_works_on_the_new_modules(client, backend, org):
    from tests.conftest import token_for

    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'standard')}"}
    r = client.post("/crm/v7/Products", content=json.dumps({"data": [{"Product_Name": "Mine"}]}), headers=headers)
    assert r.status_code == 201, r.text
    assert client.get("/crm/v7/Products?fields=Product_Name", headers=headers).json()["data"][0][
        "Product_Name"] == "Mine"
