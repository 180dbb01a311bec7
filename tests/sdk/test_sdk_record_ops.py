"""The official v7 SDK against a live server: upsert, clone, deleted records, timeline and change
owner on Leads and Accounts (spec 40 §10–§15)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from zohocrmsdk.src.com.zoho.crm.api.change_owner import ActionWrapper as OwnerActionWrapper
from zohocrmsdk.src.com.zoho.crm.api.change_owner import BodyWrapper as OwnerBody
from zohocrmsdk.src.com.zoho.crm.api.change_owner import ChangeOwnerOperations, MassWrapper, Owner
from zohocrmsdk.src.com.zoho.crm.api.change_owner import SuccessResponse as OwnerSuccess
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.record import (
    ActionWrapper,
    BodyWrapper,
    DeletedRecordsWrapper,
    GetDeletedRecordsParam,
    Record,
    RecordOperations,
    ResponseWrapper,
    SuccessResponse,
)
from zohocrmsdk.src.com.zoho.crm.api.timelines import ResponseWrapper as TimelineWrapper
from zohocrmsdk.src.com.zoho.crm.api.timelines import TimelinesOperations
from zohocrmsdk.src.com.zoho.crm.api.users import UsersOperations
from zohocrmsdk.src.com.zoho.crm.api.users import ResponseWrapper as UsersWrapper

pytestmark = pytest.mark.sdk


def own_org(sdk: Any) -> dict[str, Any]:
    made = sdk.server.cli("org", "create", f"SDK Record Ops {uuid.uuid4().hex[:8]}")
    sdk.init_refresh(made)
    return made


def record(**values: Any) -> Record:
    item = Record()
    for name, value in values.items():
        item.add_key_value(name, value)
    return item


def action_results(response: Any, status: int) -> list[Any]:
    assert response.get_status_code() == status, vars(response.get_object())
    wrapper = response.get_object()
    assert isinstance(wrapper, ActionWrapper)
    return list(wrapper.get_data())


def create(module: str, **values: Any) -> str:
    body = BodyWrapper()
    body.set_data([record(**values)])
    (result,) = action_results(RecordOperations(module).create_records(body), 201)
    assert isinstance(result, SuccessResponse)
    return str(result.get_details()["id"])


def read(module: str, record_id: str) -> Record:
    response = RecordOperations(module).get_record(int(record_id))
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ResponseWrapper)
    (item,) = wrapper.get_data()
    return item


def users() -> dict[str, Any]:
    response = UsersOperations().get_users()
    wrapper = response.get_object()
    assert isinstance(wrapper, UsersWrapper)
    return {u.get_email().split("@")[0]: u for u in wrapper.get_users()}


@pytest.mark.parametrize(("module", "values", "key", "changed"), [
    ("Leads", {"Last_Name": "Roe", "Email": "roe@example.com"}, "Email", ("Last_Name", "Roe Jr")),
    ("Accounts", {"Account_Name": "Zylker"}, "Account_Name", ("Phone", "555-0100")),
])
def test_upsert_inserts_then_updates_through_the_sdk(sdk, module, values, key, changed):
    own_org(sdk)
    body = BodyWrapper()
    body.set_data([record(**values)])
    (inserted,) = action_results(RecordOperations(module).upsert_records(body), 200)
    assert isinstance(inserted, SuccessResponse)
    assert (inserted.get_action().get_value(), inserted.get_duplicate_field()) == ("insert", None)
    rid = str(inserted.get_details()["id"])
    body = BodyWrapper()
    body.set_data([record(**{key: values[key], changed[0]: changed[1]})])
    body.set_duplicate_check_fields([key])
    (updated,) = action_results(RecordOperations(module).upsert_records(body), 200)
    assert (updated.get_action().get_value(), updated.get_duplicate_field(), str(updated.get_details()["id"])) == (
        "update", key, rid)
    assert read(module, rid).get_key_value(changed[0]) == changed[1]


@pytest.mark.parametrize(("module", "values"), [
    ("Leads", {"Last_Name": "Clone me", "Company": "Acme"}),
    ("Accounts", {"Account_Name": "Clone me", "Phone": "555"}),
])
def test_clone_through_the_sdk(sdk, module, values):
    own_org(sdk)
    rid = create(module, **values)
    (result,) = action_results(RecordOperations(module).clone_record(int(rid)), 201)
    assert isinstance(result, SuccessResponse)
    assert result.get_message().get_value() == "record added"
    new = str(result.get_details()["id"])
    assert new != rid
    copy = read(module, new)
    for name, value in values.items():
        assert copy.get_key_value(name) == value


@pytest.mark.parametrize(("module", "values", "name"), [
    ("Leads", {"First_Name": "Ada", "Last_Name": "Lovelace"}, "Ada Lovelace"),
    ("Accounts", {"Account_Name": "Gone Inc"}, "Gone Inc"),
])
def test_deleted_records_through_the_sdk(sdk, module, values, name):
    own_org(sdk)
    rid = create(module, **values)
    assert RecordOperations(module).delete_record(int(rid)).get_status_code() == 200
    params = ParameterMap()
    params.add(GetDeletedRecordsParam.type, "recycle")
    response = RecordOperations(module).get_deleted_records(params)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, DeletedRecordsWrapper)
    (entry,) = wrapper.get_data()
    assert (str(entry.get_id()), entry.get_display_name(), entry.get_type()) == (rid, name, "recycle")
    assert entry.get_deleted_by().get_name() == "Patricia Boyle"
    assert entry.get_deleted_time() is not None
    assert wrapper.get_info().get_count() == 1


@pytest.mark.parametrize(("module", "values"), [
    ("Leads", {"Last_Name": "Timeline"}),
    ("Accounts", {"Account_Name": "Timeline"}),
])
def test_change_owner_and_timeline_through_the_sdk(sdk, module, values):
    own_org(sdk)
    rid = create(module, **values)
    other = create(module, **values)
    ryan = users()["ryan.dahl"]
    owner = Owner()
    owner.set_id(int(ryan.get_id()))
    single = OwnerBody()
    single.set_owner(owner)
    single.set_notify(False)
    response = ChangeOwnerOperations(module).single_update(int(rid), single)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, OwnerActionWrapper)
    (result,) = wrapper.get_data()
    assert isinstance(result, OwnerSuccess), vars(result)
    assert result.get_message().get_value() == "owner is successfully updated"
    mass = MassWrapper()
    mass.set_owner(owner)
    mass.set_ids([int(other)])
    response = ChangeOwnerOperations(module).mass_update(mass)
    assert response.get_status_code() == 200
    for record_id in (rid, other):
        assert str(read(module, record_id).get_key_value("Owner").get_id()) == str(ryan.get_id())

    response = TimelinesOperations().get_timelines(module, rid)
    assert response.get_status_code() == 200
    timeline = response.get_object()
    assert isinstance(timeline, TimelineWrapper)
    changed, added = timeline.get_timeline()
    assert (added.get_action(), changed.get_action(), changed.get_source()) == ("added", "updated", "change_owner")
    (history,) = changed.get_field_history()
    assert history.get_api_name() == "Owner"
    assert (history.get_value().get_old(), history.get_value().get_new()) == ("Patricia Boyle", "Ryan Dahl")
