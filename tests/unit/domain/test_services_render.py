"""Read-back JSON, field metadata and module entries for Services."""

from __future__ import annotations

from tests.unit.domain.domain_helpers import ORG, U1, USERS, base_item, id_source, make_ctx

from zcrm_local.domain.org.fixtures import default_org_fixture
from zcrm_local.domain.records.fields_json import fields_json, modules_json
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.render import RenderContext, render_record, split_fields_param
from zcrm_local.domain.records.results import write_success
from zcrm_local.domain.services.rules import SERVICES, SERVICES_X_USERS, create_service, services_fields_json
from zcrm_local.domain.settings.taxes import tax_picklist
from zcrm_local.http.render import outcome_body

RC = RenderContext(USERS, "Asia/Kolkata", "£")
PATRICIA = {"name": "Patricia Boyle", "id": str(U1), "email": "patricia@example.com"}


def _record():
    item = base_item(Price=44, Tax=["Vat - 0.8 %"], Status="Not in Use",
                     Unavailable_From="2026-01-14T12:20:35+05:30")
    return create_service(item, 0, make_ctx(), id_source(4671651000000867004)).record


def test_full_render():
    body = render_record(SERVICES, _record(), RC)
    assert body == {
        "id": "4671651000000867004",
        "Service_Name": "AC Repair",
        "Duration": 60,
        "Location": "Client Address",
        "Members": [{"id": "4671651000000867005", "Members": {"name": "Patricia Boyle", "id": str(U1)}}],
        "Availability_Type": "Every Business Days",
        "Available_From": None,
        "Available_Till": None,
        "Available_Dates": [],
        "Available_Days": [],
        "Price": 44,
        "Available_Timings": None,
        "Tax": [{"id": "5545974000000021003", "value": "Vat - 0.8 %"}],
        "Job_Sheet_Required": "No",
        "Job_Sheet_Section__s": None,
        "Status": "Not in Use",
        "Unavailable_From": "2026-01-14T12:20:35+05:30",
        "Unavailable_Till": None,
        "Description": None,
        "Owner": PATRICIA,
        "Created_By": PATRICIA,
        "Modified_By": PATRICIA,
        "Created_Time": "2026-03-04T11:30:00+05:30",
        "Modified_Time": "2026-03-04T11:30:00+05:30",
        "Record_Image": None,
        "Record_Status__s": "Available",
        "Tag": [],
        "$currency_symbol": "£",
        "$state": "save",
        "$editable": True,
        "$sharing_permission": "full_access",
        "$has_more": {"Members": False},
    }
    assert isinstance(body["Price"], int)


def test_projection_keeps_id_and_ignores_unknown():
    body = render_record(SERVICES, _record(), RC, split_fields_param("Service_Name, Duration,Nope,"))
    assert body == {"id": "4671651000000867004", "Service_Name": "AC Repair", "Duration": 60}


def test_available_dates_null_when_empty_option_and_module_key():
    rc = RenderContext(USERS, "UTC", "$", null_when_empty=frozenset({"Available_Dates"}), link_module_key=True)
    body = render_record(SERVICES, _record(), rc)
    assert body["Available_Dates"] is None and body["Available_Days"] == []
    assert body["Members"][0]["Members"] == {"name": "Patricia Boyle", "id": str(U1), "module": "Users"}
    assert body["Created_Time"] == "2026-03-04T06:00:00+00:00"


def test_write_success_item():
    assert outcome_body(write_success(_record(), USERS, "Asia/Kolkata", created=False)) == {
        "code": "SUCCESS",
        "details": {
            "Modified_Time": "2026-03-04T11:30:00+05:30",
            "Modified_By": {"name": "Patricia Boyle", "id": str(U1)},
            "Created_Time": "2026-03-04T11:30:00+05:30",
            "id": "4671651000000867004",
            "Created_By": {"name": "Patricia Boyle", "id": str(U1)},
        },
        "message": "record updated",
        "status": "success",
    }


def _fields(profile: str, **kw):
    fixture = default_org_fixture(ORG)
    body = services_fields_json(ORG, profile=profile, tax_values=tax_picklist(fixture.taxes),
                                job_sheet_sections=fixture.job_sheet_sections, **kw)
    return {field["api_name"]: field for field in body["fields"]}


def _values(field):
    return [value["display_value"] for value in field["pick_list_values"]]


def test_fields_types_and_picklists():
    fields = _fields("documented", module_id=lambda name: {"Services_X_Users": "5545974000005200000"}.get(name))
    assert {name: (f["data_type"], f["json_type"]) for name, f in fields.items() if name in (
        "Duration", "Price", "Members", "Available_Timings", "Available_Dates", "Unavailable_From", "Tag")} == {
        "Duration": ("integer", "integer"), "Price": ("currency", "double"), "Members": ("multiuserlookup", "jsonarray"),
        "Available_Timings": ("time_range", "jsonarray"), "Available_Dates": ("multi_date", "jsonarray"),
        "Unavailable_From": ("datetime", "string"), "Tag": ("text", "jsonarray")}
    assert _values(fields["Status"]) == ["Available", "Temporarily Unavailable", "Not in Use"]
    assert _values(fields["Location"]) == ["Client Address", "Business Address", "Business Address and Client Address"]
    assert _values(fields["Availability_Type"]) == [
        "Every Business Days", "Specific Date Range", "Specific Date(s)", "Specific Day(s)"]
    assert _values(fields["Job_Sheet_Section__s"]) == ["Standard"]
    assert _values(fields["Job_Sheet_Required"]) == ["Yes", "No"]
    assert fields["Tax"]["pick_list_values"][0] == {
        "display_value": "Vat - 0.8 %", "actual_value": "Vat - 0.8 %", "id": "5545974000000021003",
        "sequence_number": 1, "type": "used"}
    assert fields["Members"]["multiuserlookup"]["linking_module"] == {
        "api_name": "Services_X_Users", "id": "5545974000005200000"}
    assert fields["Price"]["length"] == 16 and fields["Price"]["decimal_place"] == 2
    assert fields["Service_Name"]["id"] == "5545974000005100001"
    assert fields["Service_Name"]["system_mandatory"] is True
    assert fields["Created_Time"]["read_only"] is True
    assert fields["Created_Time"]["operation_type"]["api_create"] is False


def test_fields_live_and_date_switch():
    fields = _fields("live", available_dates_as_date=True)
    assert _values(fields["Status"])[-1] == "Scheduled"
    assert (fields["Available_Dates"]["data_type"], fields["Available_Dates"]["json_type"]) == ("date", "string")


def test_linking_module_fields_and_registry():
    body = fields_json(ORG, SERVICES_X_USERS, module_id=lambda name: "M")
    by_name = {field["api_name"]: field for field in body["fields"]}
    assert by_name["Members"]["data_type"] == "userlookup"
    assert by_name["Services"]["lookup"]["module"] == {"api_name": "Services__s", "id": "M"}
    assert registry.resolve_path_module("services__S") is SERVICES
    assert registry.resolve_path_module("Services_X_Users") is None
    assert registry.get("Services_X_Users") is SERVICES_X_USERS
    assert modules_json(ORG, [SERVICES])["modules"] == [{
        "api_name": "Services__s", "module_name": "Services", "singular_label": "Service",
        "plural_label": "Services", "generated_type": "default", "api_supported": True,
        "id": "5545974000005100000"}]
