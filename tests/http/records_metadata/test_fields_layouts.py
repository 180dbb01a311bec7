"""/settings/fields (list and by id), /settings/layouts, /settings/related_lists (spec 40 §1.4–§1.6, §2)."""

from __future__ import annotations

import pytest

from tests.conftest import new_org

from .test_modules import STANDARD, err


def _fields(client, org, module):
    r = client.get(f"/crm/v7/settings/fields?module={module}", headers=org.headers)
    assert r.status_code == 200, r.text
    return {f["api_name"]: f for f in r.json()["fields"]}


# (module, mandatory fields of §2, a few other fields with their data_type)
SPOT_CHECKS = [
    ("Leads", {"Last_Name"}, {"Full_Name": "text", "Salutation": "picklist", "Converted__s": "boolean",
                              "Converted_Account": "lookup", "Data_Source": "picklist"}),
    ("Contacts", {"Last_Name"}, {"Reporting_To": "lookup", "Home_Phone": "phone", "Other_Zip": "text"}),
    ("Accounts", {"Account_Name"}, {"Parent_Account": "lookup", "SIC_Code": "integer", "Shipping_Code": "text"}),
    ("Deals", {"Deal_Name", "Stage", "Closing_Date"}, {"Campaign_Source": "lookup", "Reason_For_Loss__s": "picklist"}),
    ("Tasks", {"Subject"}, {"Who_Id": "lookup", "What_Id": "multi_module_lookup", "Closed_Time": "datetime"}),
    ("Events", {"Event_Title", "Start_DateTime", "End_DateTime"}, {"Participants": "participants",
                                                                  "All_day": "boolean"}),
    ("Calls", {"Subject", "Call_Type", "Call_Start_Time"}, {"Call_Duration_in_seconds": "integer"}),
    ("Products", {"Product_Name"}, {"Handler": "userlookup", "Tax": "multiselectpicklist", "Unit_Price": "currency"}),
    ("Vendors", {"Vendor_Name"}, {"GL_Account": "picklist", "Email": "email"}),
    ("Price_Books", {"Price_Book_Name"}, {"Pricing_Details": "pricing_details"}),
    ("Quotes", {"Subject", "Account_Name", "Quoted_Items"}, {"Quote_Number": "autonumber", "Grand_Total": "currency"}),
    ("Sales_Orders", {"Subject", "Account_Name", "Ordered_Items"}, {"Quote_Name": "lookup"}),
    ("Purchase_Orders", {"Subject", "Vendor_Name", "Purchase_Items"}, {"PO_Number": "text"}),
    ("Invoices", {"Subject", "Account_Name", "Invoiced_Items"}, {"Sales_Order": "lookup"}),
    ("Campaigns", {"Campaign_Name"}, {"Parent_Campaign": "lookup", "Num_sent": "integer"}),
    ("Cases", {"Subject", "Status", "Case_Origin"}, {"Case_Number": "autonumber", "Related_To": "lookup"}),
    ("Solutions", {"Solution_Title"}, {"Published": "boolean", "Answer": "textarea"}),
    ("Notes", {"Note_Content", "Parent_Id"}, {"Note_Title": "text"}),
    ("Attachments", set(), {"File_Name": "text"}),
    ("Appointments__s", {"Appointment_Name", "Appointment_For", "Service_Name", "Appointment_Start_Time"},
     {"Remind_At": "multireminder"}),
    ("Appointments_Rescheduled_History__s", {"Appointment_Name", "Rescheduled_From", "Rescheduled_To",
                                             "Rescheduled_Time", "Rescheduled_By"}, {"Reschedule_Reason": "picklist"}),
]


@pytest.mark.parametrize(("module", "mandatory", "types"), SPOT_CHECKS, ids=[c[0] for c in SPOT_CHECKS])
def test_fields_per_module(client, org, module, mandatory, types):
    fields = _fields(client, org, module)
    assert {name for name, f in fields.items() if f["system_mandatory"]} == mandatory
    assert {name: fields[name]["data_type"] for name in types} == types
    for common in ("Owner", "Created_By", "Modified_By", "Created_Time", "Modified_Time"):
        assert common in fields
    assert fields["Created_Time"]["read_only"] is True
    for field in fields.values():
        assert field["id"].isdigit() and field["json_type"]
        assert {"unique", "external", "lookup", "multiselectlookup", "formula", "auto_number",
                "rollup_summary", "textarea", "decimal_place"} <= set(field)
    if module != "Attachments":
        assert fields["Tag"]["json_type"] == "jsonarray"


def test_field_details(client, org):
    leads = _fields(client, org, "Leads")
    assert leads["Salutation"]["pick_list_values"][0] == {
        "display_value": "-None-", "actual_value": "-None-", "id": leads["Salutation"]["pick_list_values"][0]["id"],
        "sequence_number": 1, "type": "used", "colour_code": None}
    assert leads["Full_Name"]["read_only"] is True and leads["Full_Name"]["field_read_only"] is True
    assert leads["Description"]["textarea"] == {"type": "large"}
    modules = {m["api_name"]: m["id"] for m in client.get("/crm/v7/settings/modules",
                                                           headers=org.headers).json()["modules"]}
    contacts = _fields(client, org, "Contacts")
    assert contacts["Account_Name"]["lookup"]["module"] == {"api_name": "Accounts", "id": modules["Accounts"]}
    quotes = _fields(client, org, "Quotes")
    assert quotes["Quoted_Items"]["associated_module"] == {"module": "Quoted_Items", "id": modules["Quoted_Items"]}
    assert quotes["Quoted_Items"]["json_type"] == "jsonarray"
    items = _fields(client, org, "Quoted_Items")
    assert items["Product_Name"]["lookup"]["module"]["api_name"] == "Products"


def test_field_by_id(client, org):
    leads = _fields(client, org, "Leads")
    r = client.get(f"/crm/v7/settings/fields/{leads['Email']['id']}?module=Leads", headers=org.headers)
    assert r.status_code == 200 and r.json() == {"fields": [leads["Email"]]}
    r = client.get("/crm/v7/settings/fields/1?module=Leads", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 2}))
    r = client.get(f"/crm/v7/settings/fields/{leads['Email']['id']}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                                  {"param_name": "module"}))
    r = client.get(f"/crm/v7/settings/fields/{leads['Email']['id']}?module=Nope", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_MODULE", "the module name given seems to be invalid", {}))


def test_layouts(client, org):
    r = client.get("/crm/v7/settings/layouts?module=Leads", headers=org.headers)
    assert r.status_code == 200
    (layout,) = r.json()["layouts"]
    assert (layout["name"], layout["api_name"], layout["status"], layout["visible"], layout["source"]) == (
        "Standard", "Standard__s", "active", True, "crm")
    assert "convert_mapping" in layout
    (section,) = layout["sections"]
    assert section["display_label"] == "Lead Information"
    by_name = {f["api_name"]: f for f in section["fields"]}
    assert by_name["Last_Name"]["required"] is True and by_name["First_Name"]["required"] is False
    assert [f["api_name"] for f in section["fields"]] == list(_fields(client, org, "Leads"))
    again = client.get(f"/crm/v7/settings/layouts/{layout['id']}?module=Leads", headers=org.headers)
    assert again.status_code == 200 and again.json() == {"layouts": [layout]}
    (deals,) = client.get("/crm/v7/settings/layouts?module=Deals", headers=org.headers).json()["layouts"]
    assert "convert_mapping" not in deals and deals["id"] != layout["id"]


@pytest.mark.parametrize(("path", "status", "expected"), [
    ("/settings/layouts", 400, err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                   {"param_name": "module"})),
    ("/settings/layouts?module=Nope", 400, err("INVALID_MODULE", "the module name given seems to be invalid",
                                               {"param_name": "module"})),
    ("/settings/layouts/12345?module=Leads", 400, err("INVALID_DATA", "the id given seems to be invalid",
                                                      {"resource_path_index": 2})),
    ("/settings/related_lists", 400, err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                         {"param_name": "module"})),
    ("/settings/related_lists?module=Nope", 400, err("INVALID_MODULE", "the module name given seems to be invalid",
                                                     {"param_name": "module"})),
    ("/settings/related_lists?module=Notes", 400, err("NOT_SUPPORTED", "the given module is not supported for this api",
                                                      {"param_name": "module"})),
])
def test_layout_and_related_list_errors(client, org, path, status, expected):
    r = client.get(f"/crm/v7{path}", headers=org.headers)
    assert (r.status_code, r.json()) == (status, expected)


LEADS_LISTS = ["Notes", "Attachments", "Products", "Activities_Chronological_View",
               "Activities_Chronological_View_History", "Calls", "Events", "Tasks", "Calls_History", "Events_History",
               "Tasks_History", "Emails", "Campaigns"]


def test_related_lists(client, org):
    r = client.get("/crm/v7/settings/related_lists?module=Leads", headers=org.headers)
    assert r.status_code == 200
    lists = r.json()["related_lists"]
    assert [e["api_name"] for e in lists] == LEADS_LISTS
    notes = lists[0]
    assert set(notes) == {"id", "sequence_number", "display_label", "api_name", "module", "name", "type", "href",
                          "action", "customize_sort", "customize_fields", "customize_display_label", "status"}
    assert (notes["sequence_number"], notes["href"], notes["type"], notes["status"]) == (
        "1", "Leads/{ENTITYID}/Notes", "default", "visible")
    grouped = lists[3]
    assert (grouped["type"], grouped["href"], grouped["module"]) == ("grouped", None, None)
    one = client.get(f"/crm/v7/settings/related_lists/{notes['id']}?module=Leads", headers=org.headers)
    assert one.status_code == 200 and one.json() == {"related_lists": [notes]}
    assert client.get("/crm/v7/settings/related_lists/1?module=Leads", headers=org.headers).status_code == 204
    products = client.get("/crm/v7/settings/related_lists?module=Products", headers=org.headers).json()
    names = [e["api_name"] for e in products["related_lists"]]
    assert names[:7] == ["Notes", "Attachments", "Leads", "Accounts", "Contacts", "Deals", "Price_Books"]
    assert {"Cases", "Solutions", "Quoted_Items"} & set(names) == {"Cases", "Solutions"}


@pytest.mark.parametrize("module", [m for m in STANDARD if m not in ("Notes", "Attachments",
                                                                      "Appointments_Rescheduled_History__s")])
def test_every_module_has_a_layout_and_related_lists(client, org, module):
    assert client.get(f"/crm/v7/settings/layouts?module={module}", headers=org.headers).status_code == 200
    r = client.get(f"/crm/v7/settings/related_lists?module={module}", headers=org.headers)
    assert r.status_code == 200 and r.json()["related_lists"][0]["api_name"] == "Notes"


def test_metadata_scopes(client, backend):
    modules_only = new_org(backend, scopes=["ZohoCRM.settings.modules.READ"])
    for path in ("/settings/layouts?module=Leads", "/settings/related_lists?module=Leads",
                 "/settings/fields?module=Leads"):
        r = client.get(f"/crm/v7{path}", headers=modules_only.headers)
        assert r.status_code == 401 and r.json()["code"] == "OAUTH_SCOPE_MISMATCH"
    right = new_org(backend, scopes=["ZohoCRM.settings.layouts.READ", "ZohoCRM.settings.related_lists.READ"])
    assert client.get("/crm/v7/settings/layouts?module=Leads", headers=right.headers).status_code == 200
    assert client.get("/crm/v7/settings/related_lists?module=Leads", headers=right.headers).status_code == 200
