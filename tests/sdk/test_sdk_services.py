"""The official v7 SDK against a live server: Services CRUD from the seed samples, bulk results,
listing, service preferences and business hours (spec 10 §4–§8, 30 §4–§8).

Values are typed as the SDK demands from the served field metadata: ``int`` for ``Duration``,
``float`` for ``Price``, ``Choice`` for picklists and for each multi-select entry (``Tax`` too),
``Record`` holding a ``MinifiedUser`` per member, ``TimeRange`` per timing window, ``date`` for
``Available_From``/``Available_Till`` and aware ``datetime`` for ``Unavailable_*``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from zohocrmsdk.src.com.zoho.crm.api.business_hours import BusinessHoursOperations
from zohocrmsdk.src.com.zoho.crm.api.business_hours import ResponseWrapper as BusinessHoursWrapper
from zohocrmsdk.src.com.zoho.crm.api.exception import SDKException
from zohocrmsdk.src.com.zoho.crm.api.fields import FieldsOperations, GetFieldsParam
from zohocrmsdk.src.com.zoho.crm.api.fields import ResponseWrapper as FieldsWrapper
from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.record import (
    ActionWrapper,
    APIException,
    BodyWrapper,
    DeleteRecordsParam,
    GetRecordsParam,
    Record,
    RecordOperations,
    ResponseWrapper,
    SuccessResponse,
    TimeRange,
)
from zohocrmsdk.src.com.zoho.crm.api.service_preference import ActionWrapper as PreferenceActionWrapper
from zohocrmsdk.src.com.zoho.crm.api.service_preference import BodyWrapper as PreferenceBody
from zohocrmsdk.src.com.zoho.crm.api.service_preference import ResponseWrapper as PreferenceWrapper
from zohocrmsdk.src.com.zoho.crm.api.service_preference import ServicePreference, ServicePreferenceOperations
from zohocrmsdk.src.com.zoho.crm.api.service_preference import SuccessResponse as PreferenceSuccess
from zohocrmsdk.src.com.zoho.crm.api.users import GetUsersParam, MinifiedUser, UsersOperations
from zohocrmsdk.src.com.zoho.crm.api.users import ResponseWrapper as UsersWrapper
from zohocrmsdk.src.com.zoho.crm.api.util import Choice

from zcrm_local.domain.metadata import scoped_id
from zcrm_local.domain.org.fixtures import BUSINESS_HOURS_SUFFIX, TAX_SUFFIXES, default_org_fixture
from zcrm_local.store.db import Database
from zcrm_local.store.org import orgs as org_store

pytestmark = pytest.mark.sdk

MODULE = "Services__s"
VAT, SALES_TAX = "Vat - 0.8 %", "Sales Tax - 2.0 %"


# --- the org and its settings, as an SDK client finds them -------------------------------------

def own_org(sdk: Any) -> dict[str, Any]:
    """A fresh org for one test (its own services, preferences and limits), SDK initialised on it."""
    made = sdk.server.cli("org", "create", f"SDK Services {uuid.uuid4().hex[:8]}")
    sdk.init_refresh(made)
    return made


def org_prefix(database_url: str, org_id: str) -> int:
    db = Database(database_url)
    try:
        with db.read() as conn:
            return int(org_store.get_org(conn, int(org_id))["prefix"])
    finally:
        db.dispose()


def members_pool() -> tuple[Any, Any]:
    """The org's active, confirmed users (the only ones a service accepts): administrator, second user."""
    params = ParameterMap()
    params.add(GetUsersParam.type, Choice("ActiveUsers"))
    response = UsersOperations().get_users(params)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, UsersWrapper)
    usable = [u for u in wrapper.get_users() if u.get_confirm() is True]
    admin, second = usable
    assert (admin.get_full_name(), admin.get_profile().get_name()) == ("Patricia Boyle", "Administrator")
    assert second.get_full_name() == "Ryan Dahl"
    return admin, second


def tax_ids() -> dict[str, str]:
    """Tax display value → tax id, read from the field metadata as the seed page tells clients to."""
    params = ParameterMap()
    params.add(GetFieldsParam.module, MODULE)
    response = FieldsOperations().get_fields(params)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, FieldsWrapper)
    (tax,) = [f for f in wrapper.get_fields() if f.get_api_name() == "Tax"]
    return {str(v.get_display_value()): str(v.get_id()) for v in tax.get_pick_list_values()}


def org_zone() -> ZoneInfo:
    response = OrgOperations().get_organization()
    assert response.get_status_code() == 200
    (org,) = response.get_object().get_org()
    return ZoneInfo(org.get_time_zone())


# --- building and reading records ---------------------------------------------------------------

def record(**values: Any) -> Record:
    item = Record()
    for name, value in values.items():
        item.add_key_value(name, value)
    return item


def member(user_id: int) -> Record:
    user = MinifiedUser()
    user.set_id(int(user_id))
    return record(Members=user)


def window(start: str, end: str) -> TimeRange:
    timing = TimeRange()
    timing.set_from(start)
    timing.set_to(end)
    return timing


def tax(tax_id: str, value: str) -> Choice:
    # The seed's {"id","value"} object; the SDK sends a Choice's value as it is.
    return Choice({"id": tax_id, "value": value})


def seed_create(admin_id: int, vat_id: str, **changes: Any) -> Record:
    """The Create Services seed sample (``Duration`` as a number: the field is ``integer``)."""
    values: dict[str, Any] = {
        "Service_Name": "AC Repair",
        "Duration": 60,
        "Location": Choice("Client Address"),
        "Members": [member(admin_id)],
        "Availability_Type": Choice("Specific Day(s)"),
        "Available_Days": [Choice("Monday"), Choice("Tuesday")],
        "Available_Timings": [window("10:00", "18:30")],
        "Price": 230.66,
        "Tax": [tax(vat_id, VAT)],
        "Status": Choice("Available"),
        "Job_Sheet_Required": Choice("Yes"),
        "Job_Sheet_Section__s": Choice("Standard"),
        "Description": "AC repair and service at your doorstep.",
    }
    values.update(changes)
    return record(**values)


def body(*items: Record) -> BodyWrapper:
    wrapper = BodyWrapper()
    wrapper.set_data(list(items))
    return wrapper


def results(response: Any, status: int) -> list[Any]:
    assert response.get_status_code() == status
    wrapper = response.get_object()
    assert isinstance(wrapper, ActionWrapper)
    return list(wrapper.get_data())


def success(result: Any, message: str) -> str:
    assert isinstance(result, SuccessResponse), vars(result)
    assert (result.get_status().get_value(), result.get_code().get_value(), result.get_message().get_value()) == (
        "success", "SUCCESS", message)
    return str(result.get_details()["id"])


def create(*items: Record) -> list[str]:
    return [success(r, "record added") for r in results(RecordOperations(MODULE).create_records(body(*items)), 201)]


def read(record_id: str) -> Record:
    response = RecordOperations(MODULE).get_record(int(record_id))
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ResponseWrapper)
    (item,) = wrapper.get_data()
    return item


def value(item: Record, name: str) -> Any:
    """A field as the SDK parsed it: picklists unwrapped from their ``Choice``."""
    raw = item.get_key_value(name)
    if isinstance(raw, Choice):
        return raw.get_value()
    if isinstance(raw, list):
        return [v.get_value() if isinstance(v, Choice) else v for v in raw]
    return raw


def member_user_ids(item: Record) -> list[int]:
    return [m.get_key_value("Members").get_id() for m in item.get_key_value("Members")]


def timings(item: Record) -> list[tuple[str, str]]:
    return [(t.get_from(), t.get_to()) for t in item.get_key_value("Available_Timings")]


# --- tests -----------------------------------------------------------------------------------------

def test_create_services_seed_sample_reads_back_field_by_field(sdk):
    own_org(sdk)
    admin, _ = members_pool()
    taxes = tax_ids()
    (created,) = create(seed_create(admin.get_id(), taxes[VAT]))

    back = read(created)
    assert str(back.get_id()) == created
    assert value(back, "Service_Name") == "AC Repair"
    assert value(back, "Duration") == 60
    assert value(back, "Location") == "Client Address"
    assert member_user_ids(back) == [int(admin.get_id())]
    assert back.get_key_value("Members")[0].get_key_value("Members").get_name() == "Patricia Boyle"
    assert value(back, "Availability_Type") == "Specific Day(s)"
    assert value(back, "Available_Days") == ["Monday", "Tuesday"]
    assert timings(back) == [("10:00", "18:30")]
    assert value(back, "Price") == 230.66
    assert value(back, "Tax") == [{"id": taxes[VAT], "value": VAT}]
    assert value(back, "Status") == "Available"
    assert value(back, "Job_Sheet_Required") == "Yes"
    assert value(back, "Job_Sheet_Section__s") == "Standard"
    assert value(back, "Description") == "AC repair and service at your doorstep."
    assert (value(back, "Available_From"), value(back, "Available_Till")) == (None, None)
    assert (value(back, "Unavailable_From"), value(back, "Unavailable_Till")) == (None, None)
    assert back.get_key_value("Owner").get_id() == int(admin.get_id())


def test_create_refuses_the_seed_duration_string_client_side(sdk):
    # The seed sends "60"; with Duration served as `integer` the SDK stops it before any request.
    own_org(sdk)
    admin, _ = members_pool()
    with pytest.raises(SDKException) as raised:
        RecordOperations(MODULE).create_records(body(seed_create(admin.get_id(), tax_ids()[VAT], Duration="60")))
    assert raised.value.code == "TYPE ERROR"
    assert raised.value.details == {"field": "Duration", "class": "Record", "accepted_type": "Integer",
                                    "given_type": str, "index": 0}
    # Nothing reached the server.
    params = ParameterMap()
    params.add(GetRecordsParam.fields, "Service_Name")
    assert RecordOperations(MODULE).get_records(params).get_status_code() == 204


def test_update_services_seed_sample_reads_back(sdk):
    own_org(sdk)
    admin, second = members_pool()
    taxes = tax_ids()
    (created,) = create(seed_create(admin.get_id(), taxes[VAT]))

    # Unavailable_From must be past yet inside the date range, which opens at Available_From
    # 00:00 in the org's zone: the range starts today there and runs into the future.
    zone = org_zone()
    now = datetime.now(zone).replace(microsecond=0)
    available_from = now.date()
    available_till = available_from + timedelta(days=191)
    unavailable_from = max(datetime.combine(available_from, time(), zone), now - timedelta(hours=1))
    unavailable_till = unavailable_from + timedelta(days=14)
    sample = record(
        id=int(created),
        Duration=60,
        Location=Choice("Business Address and Client Address"),
        Members=[member(admin.get_id()), member(second.get_id())],
        Availability_Type=Choice("Specific Date Range"),
        Available_From=available_from,
        Available_Till=available_till,
        Available_Timings=[window("10:00", "13:30"), window("15:00", "18:00")],
        Tax=[tax(taxes[SALES_TAX], SALES_TAX)],
        Status=Choice("Temporarily Unavailable"),
        Unavailable_From=unavailable_from,
        Unavailable_Till=unavailable_till,
        Job_Sheet_Required=Choice("No"),
        Job_Sheet_Section__s=None,
    )
    (result,) = results(RecordOperations(MODULE).update_records(body(sample)), 200)
    assert success(result, "record updated") == created

    back = read(created)
    assert value(back, "Duration") == 60
    assert value(back, "Location") == "Business Address and Client Address"
    assert member_user_ids(back) == [int(admin.get_id()), int(second.get_id())]
    assert value(back, "Availability_Type") == "Specific Date Range"
    assert (value(back, "Available_From"), value(back, "Available_Till")) == (available_from, available_till)
    assert timings(back) == [("10:00", "13:30"), ("15:00", "18:00")]
    assert value(back, "Tax") == [{"id": taxes[SALES_TAX], "value": SALES_TAX}]
    assert value(back, "Status") == "Temporarily Unavailable"
    assert value(back, "Unavailable_From") == unavailable_from
    assert value(back, "Unavailable_Till") == unavailable_till
    assert value(back, "Job_Sheet_Required") == "No"
    assert value(back, "Job_Sheet_Section__s") is None
    # Keys the sample leaves out keep their stored values.
    assert (value(back, "Service_Name"), value(back, "Price")) == ("AC Repair", 230.66)
    assert value(back, "Available_Days") == ["Monday", "Tuesday"]
    assert value(back, "Description") == "AC repair and service at your doorstep."


def test_delete_records_then_get_record_answers_204(sdk):
    own_org(sdk)
    admin, _ = members_pool()
    vat = tax_ids()[VAT]
    first, second = create(seed_create(admin.get_id(), vat), seed_create(admin.get_id(), vat, Service_Name="Heater"))

    params = ParameterMap()
    params.add(DeleteRecordsParam.ids, f"{first},{second}")
    deleted = results(RecordOperations(MODULE).delete_records(params), 200)
    assert [success(r, "record deleted") for r in deleted] == [first, second]

    for gone in (first, second):
        response = RecordOperations(MODULE).get_record(int(gone))
        assert response.get_status_code() == 204
        assert response.get_object() is None


def test_bulk_create_with_invalid_middle_item_answers_207_in_input_order(sdk):
    own_org(sdk)
    admin, _ = members_pool()
    vat = tax_ids()[VAT]
    items = [seed_create(admin.get_id(), vat, Service_Name="First"),
             seed_create(admin.get_id(), vat, Service_Name="Second", Duration=2000),
             seed_create(admin.get_id(), vat, Service_Name="Third")]
    first, failed, third = results(RecordOperations(MODULE).create_records(body(*items)), 207)

    first_id = success(first, "record added")
    third_id = success(third, "record added")
    assert isinstance(failed, APIException), vars(failed)
    assert failed.get_status().get_value() == "error"
    assert failed.get_code().get_value() == "INVALID_DATA"
    assert failed.get_message().get_value() == "invalid data"
    assert failed.get_details() == {"api_name": "Duration", "json_path": "$.data[1].Duration"}
    assert value(read(first_id), "Service_Name") == "First"
    assert value(read(third_id), "Service_Name") == "Third"


def test_get_records_with_fields_and_per_page_pages_newest_first(sdk):
    own_org(sdk)
    admin, _ = members_pool()
    vat = tax_ids()[VAT]
    ids = create(*(seed_create(admin.get_id(), vat, Service_Name=f"Service {n}", Duration=30 * n) for n in (1, 2, 3)))

    def page(number: int) -> tuple[list[Record], Any]:
        params = ParameterMap()
        params.add(GetRecordsParam.fields, "Service_Name,Duration,Status")
        params.add(GetRecordsParam.per_page, 2)
        params.add(GetRecordsParam.page, number)
        response = RecordOperations(MODULE).get_records(params)
        assert response.get_status_code() == 200
        wrapper = response.get_object()
        assert isinstance(wrapper, ResponseWrapper)
        return list(wrapper.get_data()), wrapper.get_info()

    listed, info = page(1)
    assert [(str(r.get_id()), value(r, "Service_Name"), value(r, "Duration"), value(r, "Status")) for r in listed] == [
        (ids[2], "Service 3", 90, "Available"), (ids[1], "Service 2", 60, "Available")]
    # Only id and the requested fields come back.
    assert all(sorted(r.get_key_values()) == ["Duration", "Service_Name", "Status", "id"] for r in listed)
    assert (info.get_per_page(), info.get_count(), info.get_page(), info.get_more_records()) == (2, 2, 1, True)

    listed, info = page(2)
    assert [(str(r.get_id()), value(r, "Service_Name"), value(r, "Duration")) for r in listed] == [
        (ids[0], "Service 1", 30)]
    assert (info.get_per_page(), info.get_count(), info.get_page(), info.get_more_records()) == (2, 1, 2, False)


def job_sheet_enabled() -> bool:
    response = ServicePreferenceOperations().get_service_preference()
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, PreferenceWrapper)
    return wrapper.get_service_preferences().get_job_sheet_enabled()


def set_job_sheet_enabled(enabled: bool) -> None:
    preference = ServicePreference()
    preference.set_job_sheet_enabled(enabled)
    request = PreferenceBody()
    request.set_service_preferences(preference)
    response = ServicePreferenceOperations().update_service_preference(request)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, PreferenceActionWrapper)
    result = wrapper.get_service_preferences()
    assert isinstance(result, PreferenceSuccess)
    assert (result.get_status().get_value(), result.get_code().get_value(), result.get_message().get_value(),
            result.get_details()) == ("success", "SUCCESS", "Services preferences updated successfully", {})


def test_service_preference_update_round_trip_is_restored(sdk):
    own_org(sdk)
    original = job_sheet_enabled()
    assert original is True
    try:
        set_job_sheet_enabled(not original)
        assert job_sheet_enabled() is (not original)
        # With job sheets off, the seed sample's "Yes" is refused by the server, not the SDK.
        admin, _ = members_pool()
        (refused,) = results(RecordOperations(MODULE).create_records(body(seed_create(admin.get_id(), tax_ids()[VAT]))),
                             403)
        assert isinstance(refused, APIException), vars(refused)
        assert (refused.get_code().get_value(), refused.get_message().get_value()) == (
            "NOT_ALLOWED", "Job Sheet is not configured in services preferences")
        assert refused.get_details() == {"api_name": "Job_Sheet_Required", "json_path": "$.data[0].Job_Sheet_Required"}
    finally:
        set_job_sheet_enabled(original)
    assert job_sheet_enabled() is original


def test_get_business_hours_reads_the_org_calendar(sdk):
    made = own_org(sdk)
    response = BusinessHoursOperations().get_business_hours()
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, BusinessHoursWrapper)
    hours = wrapper.get_business_hours()
    prefix = org_prefix(sdk.server.database_url, made["org_id"])
    assert str(hours.get_id()) == scoped_id(prefix, BUSINESS_HOURS_SUFFIX)
    assert hours.get_type().get_value() == "custom"
    assert hours.get_week_starts_on().get_value() == "Monday"
    assert hours.get_business_days() == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert hours.get_same_as_everyday() is True
    assert hours.get_daily_timing() == ["09:00", "19:00"]
    assert hours.get_custom_timing() is None


def test_tax_ids_in_field_metadata_are_the_org_taxes(sdk):
    made = own_org(sdk)
    prefix = org_prefix(sdk.server.database_url, made["org_id"])
    assert tax_ids() == {VAT: scoped_id(prefix, TAX_SUFFIXES[0]), SALES_TAX: scoped_id(prefix, TAX_SUFFIXES[1])}


def test_specific_dates_go_through_only_as_choice_entries(sdk):
    # Available_Dates is served with a type the SDK does not map; for such a field it reads each
    # list entry's __module__, so plain strings or dates fail client-side and Choice entries pass.
    made = own_org(sdk)
    admin, _ = members_pool()
    holidays = {h.date for h in default_org_fixture(org_prefix(sdk.server.database_url, made["org_id"])).holidays}
    day = datetime.now(org_zone()).date() + timedelta(days=28)
    while day.weekday() > 4 or day in holidays:
        day += timedelta(days=1)
    dates_only = {"Availability_Type": Choice("Specific Date(s)"), "Available_Days": None}
    vat = tax_ids()[VAT]
    with pytest.raises(SDKException) as raised:
        RecordOperations(MODULE).create_records(
            body(seed_create(admin.get_id(), vat, **dates_only, Available_Dates=[day.isoformat()])))
    assert str(raised.value) == "Caused By: None - 'str' object has no attribute '__module__'"

    (created,) = create(seed_create(admin.get_id(), vat, **dates_only, Available_Dates=[Choice(day.isoformat())]))
    back = read(created)
    assert value(back, "Availability_Type") == "Specific Date(s)"
    assert back.get_key_value("Available_Dates") == [day.isoformat()]
