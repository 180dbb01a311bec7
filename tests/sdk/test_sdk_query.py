"""The official v7 SDK against a live server: ``RecordOperations.search_records`` (criteria,
email, word), ``record_count`` and ``CoqlOperations.get_records`` (spec 50, spec 30)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from zohocrmsdk.src.com.zoho.crm.api.coql import APIException as CoqlException
from zohocrmsdk.src.com.zoho.crm.api.coql import BodyWrapper as CoqlBody
from zohocrmsdk.src.com.zoho.crm.api.coql import CoqlOperations
from zohocrmsdk.src.com.zoho.crm.api.coql import ResponseWrapper as CoqlWrapper
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.record import (
    APIException,
    CountWrapper,
    RecordCountParam,
    RecordOperations,
    ResponseWrapper,
    SearchRecordsParam,
)

pytestmark = pytest.mark.sdk

LEADS = [
    {"Last_Name": "Boyle", "First_Name": "Patricia", "Company": "ABC Inc", "Email": "p.boyle@zylker.com",
     "Annual_Revenue": 100000},
    {"Last_Name": "Burns", "First_Name": "Mark", "Company": "ABC", "Email": "sales-team@zoho.com",
     "Annual_Revenue": 250000},
    {"Last_Name": "Kent", "Company": "Daily Planet", "Email": "sales_team@zoho.com"},
]


@pytest.fixture
def leads(sdk) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A fresh org holding three leads (written over HTTP); the SDK is initialised for it."""
    made = sdk.server.cli("org", "create", f"SDK Query {uuid.uuid4().hex[:8]}")
    r = httpx.post(f"{sdk.server.base_url}/crm/v7/Leads", json={"data": LEADS}, trust_env=False,
                   headers={"Authorization": f"Zoho-oauthtoken {made['access_token']}"})
    assert r.status_code == 201, r.text
    sdk.init_refresh(made)
    return {lead["Last_Name"]: item["details"]["id"] for lead, item in zip(LEADS, r.json()["data"], strict=True)}


def _search(**params: str) -> Any:
    pm = ParameterMap()
    for name, value in params.items():
        pm.add(getattr(SearchRecordsParam, name), value)
    return RecordOperations("Leads").search_records(pm)


def _found(response: Any) -> list[str]:
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, ResponseWrapper)
    return sorted(str(record.get_id()) for record in wrapper.get_data())


def test_search_records_by_criteria(leads):
    response = _search(criteria="((Company:equals:ABC)and(Annual_Revenue:greater_than:150000))")
    assert _found(response) == [leads["Burns"]]
    info = response.get_object().get_info()
    assert (info.get_count(), info.get_more_records(), info.get_page()) == (1, False, 1)
    records = response.get_object().get_data()
    assert records[0].get_key_value("Company") == "ABC"


def test_search_records_by_email_and_word(leads):
    assert _found(_search(email="sales-team@zoho.com")) == sorted([leads["Burns"], leads["Kent"]])
    assert _found(_search(email="p.boyle")) == [leads["Boyle"]]
    assert _found(_search(word="planet")) == [leads["Kent"]]


def test_search_records_without_a_match_is_204(leads):
    response = _search(criteria="(Company:equals:Nobody)")
    assert response.get_status_code() == 204
    assert response.get_object() is None


def test_search_records_with_a_bad_criteria_raises_the_documented_error(leads):
    response = _search(criteria="(Company:equals:ABC")
    assert response.get_status_code() == 400
    error = response.get_object()
    assert isinstance(error, APIException)
    assert (error.get_code().get_value(), error.get_message().get_value(), error.get_details()) == (
        "INVALID_QUERY", "invalid query formed", {"param_name": "criteria"})


def test_record_count_with_criteria(leads):
    pm = ParameterMap()
    pm.add(RecordCountParam.criteria, "(Company:starts_with:abc)")
    response = RecordOperations("Leads").record_count(pm)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, CountWrapper)
    assert wrapper.get_count() == 2


def _coql(text: str) -> Any:
    body = CoqlBody()
    body.set_select_query(text)
    return CoqlOperations().get_records(body)


def test_coql_get_records(leads):
    response = _coql("select Last_Name, Company, Annual_Revenue from Leads where Annual_Revenue >= 100000 "
                     "order by Annual_Revenue desc limit 5")
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, CoqlWrapper)
    rows = [(str(r.get_id()), r.get_key_value("Last_Name"), r.get_key_value("Company")) for r in wrapper.get_data()]
    assert rows == [(leads["Burns"], "Burns", "ABC"), (leads["Boyle"], "Boyle", "ABC Inc")]
    info = wrapper.get_info()
    assert (info.get_count(), info.get_more_records()) == (2, False)


def test_coql_without_a_match_is_204(leads):
    response = _coql("select Last_Name from Leads where Company = 'Nobody'")
    assert response.get_status_code() == 204


def test_coql_syntax_error_is_the_documented_error(leads):
    response = _coql("select Last_Name from Leads where Company = 'ABC' and Last_Name is not null and id is not null")
    assert response.get_status_code() == 400
    error = response.get_object()
    assert isinstance(error, CoqlException)
    assert (error.get_code().get_value(), error.get_message().get_value()) == ("SYNTAX_ERROR", "unexpected token")
