"""The official v7 SDK against a live server: the seed page's Update Territories sample (spec 20 §6)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.territories import (
    ActionWrapper,
    BodyWrapper,
    Criteria,
    Field,
    GetTerritoriesParam,
    Manager,
    ReportingTo,
    ResponseWrapper,
    SuccessResponse,
    Territories,
    TerritoriesOperations,
)
from zohocrmsdk.src.com.zoho.crm.api.util import Choice

from zcrm_local.domain.metadata import scoped_id
from zcrm_local.store.db import Database
from zcrm_local.store.org import orgs as org_store

pytestmark = pytest.mark.sdk

AMOUNT_SUFFIX = 4_000_002  # Deals.Amount, the seed sample's rule field


def org_prefix(database_url: str, org_id: str) -> int:
    db = Database(database_url)
    try:
        with db.read() as conn:
            return int(org_store.get_org(conn, int(org_id))["prefix"])
    finally:
        db.dispose()


def territories(**params: Any) -> list[Any]:
    query = ParameterMap()
    for name, value in params.items():
        query.add(getattr(GetTerritoriesParam, name), value)
    response = TerritoriesOperations().get_territories(query)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ResponseWrapper)
    return list(wrapper.get_territories())


def only_success(response: Any, status: int, message: str) -> str:
    assert response.get_status_code() == status
    wrapper = response.get_object()
    assert isinstance(wrapper, ActionWrapper)
    (result,) = wrapper.get_territories()
    assert isinstance(result, SuccessResponse), vars(result)
    assert (result.get_status().get_value(), result.get_code().get_value(), result.get_message()) == (
        "success", "SUCCESS", message)
    return str(result.get_details()["id"])


def test_update_territories_seed_sample_through_the_sdk_reads_back(sdk):
    # An org of its own: the seed sample's name must be free whatever ran before on this store.
    made = sdk.server.cli("org", "create", f"SDK Territories {uuid.uuid4().hex[:8]}")
    sdk.init_refresh(made)
    (root,) = [t for t in territories() if t.get_reporting_to() is None]
    parent = ReportingTo()
    parent.set_id(int(root.get_id()))

    new = Territories()
    new.set_name("SDK North")
    new.set_reporting_to(parent)
    new.set_permission_type(Choice("read_write_delete"))
    new.set_description("set before the sample clears it")
    boss = Manager()
    boss.set_id(int(root.get_manager().get_id()))
    new.set_manager(boss)
    body = BodyWrapper()
    body.set_territories([new])
    created = only_success(TerritoriesOperations().create_territories(body), 201, "Territory Created Successfully")
    (before,) = territories(ids=created)
    assert (str(before.get_manager().get_id()), before.get_description()) == (
        str(boss.get_id()), "set before the sample clears it")

    amount = Field()
    amount.set_api_name("Amount")
    amount.set_id(int(scoped_id(org_prefix(sdk.server.database_url, made["org_id"]), AMOUNT_SUFFIX)))
    rule = Criteria()
    rule.set_comparator("greater_than")
    rule.set_field(amount)
    rule.set_value("2000000")
    sample = Territories()
    sample.set_id(int(created))
    sample.set_name("Territory1234")
    sample.set_reporting_to(parent)
    sample.set_manager(None)
    sample.set_permission_type(Choice("read_only"))
    sample.set_description(None)
    sample.set_account_rule_criteria(None)
    sample.set_lead_rule_criteria(None)
    sample.set_deal_rule_criteria(rule)
    body = BodyWrapper()
    body.set_territories([sample])
    updated = only_success(TerritoriesOperations().update_territories(body), 200, "Territory Updated Successfully")
    assert updated == created

    (back,) = territories(ids=created, include="deal_rule_criteria,account_rule_criteria")
    assert (str(back.get_id()), back.get_name(), back.get_api_name()) == (created, "Territory1234", "SDK_North")
    assert back.get_permission_type().get_value() == "read_only"
    assert (back.get_manager(), back.get_description()) == (None, None)
    assert str(back.get_reporting_to().get_id()) == str(root.get_id())
    assert back.get_reporting_to().get_name() == root.get_name()
    criteria = back.get_deal_rule_criteria()
    assert criteria.get_comparator() == "greater_than"
    assert (criteria.get_field().get_api_name(), str(criteria.get_field().get_id())) == ("Amount", str(amount.get_id()))
    assert criteria.get_value() == "2000000"
    assert back.get_account_rule_criteria() is None
    assert back.get_created_time() is not None and back.get_modified_time() >= back.get_created_time()
