"""The official v7 SDK against a live server: module, field, layout and related-list metadata of
the standard-module catalogue, and records of modules the catalogue added (spec 40 §1–§2, 30 §3.3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from zohocrmsdk.src.com.zoho.crm.api.fields import FieldsOperations, GetFieldsParam
from zohocrmsdk.src.com.zoho.crm.api.fields import ResponseWrapper as FieldsWrapper
from zohocrmsdk.src.com.zoho.crm.api.layouts import GetLayoutsParam, LayoutsOperations
from zohocrmsdk.src.com.zoho.crm.api.layouts import ResponseWrapper as LayoutsWrapper
from zohocrmsdk.src.com.zoho.crm.api.modules import ModulesOperations
from zohocrmsdk.src.com.zoho.crm.api.modules import ResponseWrapper as ModulesWrapper
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.record import (
    ActionWrapper,
    BodyWrapper,
    GetRecordsParam,
    Record,
    RecordOperations,
    ResponseWrapper,
    SuccessResponse,
)
from zohocrmsdk.src.com.zoho.crm.api.related_lists import GetRelatedListsParam, RelatedListsOperations
from zohocrmsdk.src.com.zoho.crm.api.related_lists import ResponseWrapper as RelatedListsWrapper
from zohocrmsdk.src.com.zoho.crm.api.util import Choice

pytestmark = pytest.mark.sdk


def own_org(sdk: Any) -> dict[str, Any]:
    made = sdk.server.cli("org", "create", f"SDK Catalogue {uuid.uuid4().hex[:8]}")
    sdk.init_refresh(made)
    return made


def _object(response: Any, kind: type) -> Any:
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, kind), vars(wrapper)
    return wrapper


def test_get_modules_lists_the_standard_modules(sdk):
    own_org(sdk)
    modules = _object(ModulesOperations().get_modules(), ModulesWrapper).get_modules()
    supported = [m.get_api_name() for m in modules if m.get_api_supported()]
    assert supported[:4] == ["Leads", "Contacts", "Accounts", "Deals"] and len(supported) == 22
    events = next(m for m in modules if m.get_api_name() == "Events")
    assert (events.get_module_name(), events.get_singular_label()) == ("Meetings", "Meeting")


def test_get_module_by_api_name(sdk):
    own_org(sdk)
    (leads,) = _object(ModulesOperations().get_module_by_api_name("Leads"), ModulesWrapper).get_modules()
    assert leads.get_api_name() == "Leads"
    assert leads.get_display_field() == "Full_Name"
    assert leads.get_convertable() is True


def test_get_fields_of_new_modules(sdk):
    own_org(sdk)
    for module, mandatory in (("Products", {"Product_Name"}), ("Tasks", {"Subject"}),
                              ("Cases", {"Subject", "Status", "Case_Origin"})):
        params = ParameterMap()
        params.add(GetFieldsParam.module, module)
        fields = _object(FieldsOperations().get_fields(params), FieldsWrapper).get_fields()
        assert {f.get_api_name() for f in fields if f.get_system_mandatory()} == mandatory


def test_layouts_and_related_lists(sdk):
    own_org(sdk)
    params = ParameterMap()
    params.add(GetLayoutsParam.module, "Deals")
    (layout,) = _object(LayoutsOperations().get_layouts(params), LayoutsWrapper).get_layouts()
    assert (layout.get_name(), layout.get_api_name()) == ("Standard", "Standard__s")
    (section,) = layout.get_sections()
    assert "Deal_Name" in [f.get_api_name() for f in section.get_fields()]
    params = ParameterMap()
    params.add(GetRelatedListsParam.module, "Deals")
    lists = _object(RelatedListsOperations().get_related_lists(params), RelatedListsWrapper).get_related_lists()
    assert [r.get_api_name() for r in lists][:3] == ["Notes", "Attachments", "Contact_Roles"]


def _body(*items: Record) -> BodyWrapper:
    wrapper = BodyWrapper()
    wrapper.set_data(list(items))
    return wrapper


def _create(module: str, record: Record) -> str:
    response = RecordOperations(module).create_records(_body(record))
    assert response.get_status_code() == 201
    wrapper = response.get_object()
    assert isinstance(wrapper, ActionWrapper)
    (result,) = wrapper.get_data()
    assert isinstance(result, SuccessResponse), vars(result)
    return str(result.get_details()["id"])


def _read(module: str, record_id: str) -> Record:
    response = RecordOperations(module).get_record(int(record_id))
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ResponseWrapper)
    (item,) = wrapper.get_data()
    return item


def _value(item: Record, name: str) -> Any:
    raw = item.get_key_value(name)
    return raw.get_value() if isinstance(raw, Choice) else raw


def test_products_and_tasks_records_round_trip(sdk):
    own_org(sdk)
    product = Record()
    product.add_key_value("Product_Name", "Widget")
    product.add_key_value("Unit_Price", 12.5)
    product.add_key_value("Product_Category", Choice("Software"))
    product.add_key_value("Sales_Start_Date", date(2026, 12, 1))
    product_id = _create("Products", product)
    back = _read("Products", product_id)
    assert (_value(back, "Product_Name"), _value(back, "Unit_Price"), _value(back, "Product_Category")) == (
        "Widget", 12.5, "Software")
    assert _value(back, "Sales_Start_Date") == date(2026, 12, 1)
    assert _value(back, "Product_Active") is True

    task = Record()
    task.add_key_value("Subject", "Call the customer")
    task.add_key_value("Status", Choice("In Progress"))
    task.add_key_value("Priority", Choice("High"))
    task.add_key_value("Due_Date", date(2026, 12, 2))
    task_id = _create("Tasks", task)
    back = _read("Tasks", task_id)
    assert (_value(back, "Subject"), _value(back, "Status"), _value(back, "Priority")) == (
        "Call the customer", "In Progress", "High")

    call = Record()
    call.add_key_value("Subject", "Intro")
    call.add_key_value("Call_Type", Choice("Outbound"))
    call.add_key_value("Call_Start_Time", datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("UTC")))
    call_id = _create("Calls", call)
    assert _value(_read("Calls", call_id), "Subject") == "Intro"

    params = ParameterMap()
    params.add(GetRecordsParam.fields, "Subject,Status")
    response = RecordOperations("Tasks").get_records(params)
    (listed,) = _object(response, ResponseWrapper).get_data()
    assert str(listed.get_id()) == task_id
    assert RecordOperations("Tasks").delete_record(int(task_id)).get_status_code() == 200


def test_auto_refresh_reads_every_modules_fields(sdk):
    """With ``auto_refresh_fields`` the SDK reads the module list, then the fields of every API
    module (file 30 §3.3): every module's metadata must satisfy its parser."""
    from zohocrmsdk.src.com.zoho.api.authenticator.oauth_token import OAuthToken
    from zohocrmsdk.src.com.zoho.api.authenticator.store import FileStore
    from zohocrmsdk.src.com.zoho.api.logger import Logger
    from zohocrmsdk.src.com.zoho.crm.api.initializer import Initializer
    from zohocrmsdk.src.com.zoho.crm.api.sdk_config import SDKConfig

    made = sdk.server.cli("org", "create", f"SDK Refresh {uuid.uuid4().hex[:8]}")
    resources = sdk.work / "resources"
    resources.mkdir(exist_ok=True)
    Initializer.initialize(
        environment=sdk.environment(),
        token=OAuthToken(client_id=made["client_id"], client_secret=made["client_secret"],
                         refresh_token=made["refresh_token"]),
        store=FileStore(str(sdk.token_file)), sdk_config=SDKConfig(auto_refresh_fields=True),
        resource_path=str(resources), logger=Logger.get_instance(Logger.Levels.INFO, str(sdk.log_file)),
    )
    campaign = Record()
    campaign.add_key_value("Campaign_Name", "Launch")
    campaign.add_key_value("Type", Choice("Webinar"))
    campaign_id = _create("Campaigns", campaign)
    assert _value(_read("Campaigns", campaign_id), "Type") == "Webinar"
    cached = "".join(p.read_text() for p in resources.rglob("*.json"))
    for module in ("leads", "price_books", "appointments__s", "quoted_items"):
        assert module in cached.lower(), module
