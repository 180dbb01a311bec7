"""GET /settings/modules and /settings/modules/{api_name} (spec 40 §1.1–§1.3)."""

from __future__ import annotations

import pytest

from tests.conftest import new_org

STANDARD = ["Leads", "Contacts", "Accounts", "Deals", "Tasks", "Events", "Calls", "Products", "Vendors",
            "Price_Books", "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices", "Campaigns", "Cases", "Solutions",
            "Notes", "Attachments", "Appointments__s", "Appointments_Rescheduled_History__s", "Services__s"]
TABS = ["Home", "Reports", "Analytics", "SalesInbox", "Feeds", "Documents", "Forecasts"]
LIST_KEYS = {
    "has_more_profiles", "access_type", "private_profile", "deletable", "description", "creatable",
    "recycle_bin_on_delete", "modified_time", "plural_label", "presence_sub_menu", "actual_plural_label", "id",
    "visibility", "convertable", "sub_menu_available", "editable", "actual_singular_label", "profiles", "show_as_tab",
    "web_link", "sequence_number", "singular_label", "viewable", "api_supported", "api_name", "quick_create",
    "modified_by", "generated_type", "feeds_required", "arguments", "module_name", "profile_count",
    "business_card_field_limit", "parent_module", "status"}


def err(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def _modules(client, org, query=""):
    r = client.get(f"/crm/v7/settings/modules{query}", headers=org.headers)
    assert r.status_code == 200, r.text
    return r.json()["modules"]


def test_module_list_holds_the_22_standard_modules_in_order_then_the_tabs(client, org):
    modules = _modules(client, org)
    supported = [m["api_name"] for m in modules if m["api_supported"]]
    assert supported == STANDARD
    assert [m["api_name"] for m in modules if not m["api_supported"] and m["generated_type"] == "default"] == TABS
    for entry in modules:
        assert set(entry) == LIST_KEYS, entry["api_name"]
    by_name = {m["api_name"]: m for m in modules}
    assert [by_name[n]["sequence_number"] for n in STANDARD] == [1, 2, 3, 4, 5, 5, 5, *range(6, 21)]
    assert len({m["id"] for m in modules}) == len(modules)
    assert all(m["id"].startswith(str(org.made.prefix)) and len(m["id"]) == 19 for m in modules)
    assert {n for n, m in by_name.items() if m["convertable"]} == {"Leads", "Quotes", "Sales_Orders"}
    events = by_name["Events"]
    assert (events["module_name"], events["singular_label"], events["plural_label"]) == ("Meetings", "Meeting",
                                                                                          "Meetings")
    assert (by_name["Price_Books"]["module_name"], by_name["Analytics"]["module_name"]) == ("PriceBooks", "Dashboards")
    notes = by_name["Notes"]
    assert (notes["status"], notes["show_as_tab"]) == ("system_hidden", False)
    assert [p["name"] for p in by_name["Leads"]["profiles"]] == ["Administrator", "Standard"]
    assert by_name["Leads"]["profile_count"] == 2
    assert by_name["Quoted_Items"]["generated_type"] == "subform"


def test_status_filter_and_its_error(client, org):
    hidden = _modules(client, org, "?status=system_hidden")
    assert {"Notes", "Attachments"} <= {m["api_name"] for m in hidden}
    assert all(m["status"] == "system_hidden" for m in hidden)
    r = client.get("/crm/v7/settings/modules?status=gone", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {
        "param_name": "status", "supported_values": ["visible", "user_hidden", "system_hidden",
                                                     "scheduled_for_deletion"]}))


def test_if_modified_since(client, org):
    modules = _modules(client, org)
    stamp = modules[0]["modified_time"]
    r = client.get("/crm/v7/settings/modules", headers={**org.headers, "If-Modified-Since": stamp})
    assert (r.status_code, r.content) == (304, b"")
    old = "2000-01-01T00:00:00+00:00"
    r = client.get("/crm/v7/settings/modules", headers={**org.headers, "If-Modified-Since": old})
    assert r.status_code == 200 and len(r.json()["modules"]) == len(modules)
    r = client.get("/crm/v7/settings/modules", headers={**org.headers, "If-Modified-Since": "yesterday"})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {"param_name": "If-Modified-Since"}))


@pytest.mark.parametrize("version", ["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"])
def test_every_version_answers(client, org, version):
    r = client.get(f"/crm/{version}/settings/modules/Leads", headers=org.headers)
    assert r.status_code == 200 and r.json()["modules"][0]["api_name"] == "Leads"


def test_module_by_name_and_by_id(client, org):
    (leads,) = client.get("/crm/v7/settings/modules/leads", headers=org.headers).json()["modules"]
    assert leads["api_name"] == "Leads" and leads["display_field"] == "Full_Name"
    assert LIST_KEYS < set(leads)
    assert {"search_layout_fields", "lookup_field_properties", "related_list_properties", "$properties", "per_page",
            "custom_view", "activity_badge", "isBlueprintSupported", "kanban_view", "filter_status"} <= set(leads)
    assert leads["per_page"] == 50
    assert leads["custom_view"]["display_value"] == "All Leads"
    assert leads["related_list_properties"]["sort_by"] is None
    (by_id,) = client.get(f"/crm/v7/settings/modules/{leads['id']}", headers=org.headers).json()["modules"]
    assert by_id["api_name"] == "Leads"
    (products,) = client.get("/crm/v7/settings/modules/Products", headers=org.headers).json()["modules"]
    assert products["display_field"] == "Product_Name"


def test_territory_key_when_territories_are_on(client, backend):
    on = new_org(backend, territories=True)
    off = new_org(backend, territories=False)
    (accounts,) = client.get("/crm/v7/settings/modules/Accounts", headers=on.headers).json()["modules"]
    assert accounts["territory"] == {"name": "All Territories", "id": "0", "subordinates": False}
    (accounts,) = client.get("/crm/v7/settings/modules/Accounts", headers=off.headers).json()["modules"]
    assert "territory" not in accounts


@pytest.mark.parametrize(("segment", "expected"), [
    ("Nope", err("INVALID_MODULE", "the module name given seems to be invalid", {"resource_path_index": 2})),
    ("123", err("INVALID_MODULE", "the module name given seems to be invalid", {"resource_path_index": 2})),
    ("Reports", err("NOT_SUPPORTED", "the module name given seems to be invalid", {"resource_path_index": 2})),
    ("Home", err("NOT_SUPPORTED", "the module name given seems to be invalid", {"resource_path_index": 2})),
])
def test_module_errors(client, org, segment, expected):
    r = client.get(f"/crm/v7/settings/modules/{segment}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, expected)


def test_scope(client, backend):
    fields_only = new_org(backend, scopes=["ZohoCRM.settings.fields.READ"])
    for path in ("/crm/v7/settings/modules", "/crm/v7/settings/modules/Leads"):
        r = client.get(path, headers=fields_only.headers)
        assert (r.status_code, r.json()) == (401, err("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL",
                                                      {}))
    ok = new_org(backend, scopes=["ZohoCRM.settings.modules.READ"])
    assert client.get("/crm/v7/settings/modules/Leads", headers=ok.headers).status_code == 200


def test_another_orgs_module_id_is_unknown(client, backend, org):
    other = new_org(backend)
    (leads,) = client.get("/crm/v7/settings/modules/Leads", headers=other.headers).json()["modules"]
    r = client.get(f"/crm/v7/settings/modules/{leads['id']}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, err("INVALID_MODULE", "the module name given seems to be invalid",
                                                  {"resource_path_index": 2}))
