"""Service preferences, taxes and holidays."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from tests.unit.domain.domain_helpers import ORG, as_tuple

from zcrm_local.domain.errors import WrappedZohoError, ZohoError
from zcrm_local.domain.org.fixtures import default_org_fixture
from zcrm_local.domain.settings import service_preferences as prefs
from zcrm_local.domain.settings.holidays import Holiday, list_holidays
from zcrm_local.domain.settings.taxes import Tax, render_taxes, tax_display_value
from zcrm_local.http.render import outcome_body

SP = "$.service_preferences"


def test_preferences_roundtrip():
    assert prefs.parse_update({"service_preferences": {"job_sheet_enabled": False, "x": 1}}) is False
    assert prefs.render(True) == {"service_preferences": {"job_sheet_enabled": True}}
    assert outcome_body(prefs.updated()) == {"service_preferences": {
        "code": "SUCCESS", "details": {}, "message": "Services preferences updated successfully", "status": "success"}}


@pytest.mark.parametrize(
    ("body", "wrapped", "error"),
    [
        ({}, False, ("MANDATORY_NOT_FOUND", "required field not found",
                     {"api_name": "service_preferences", "json_path": SP}, 400)),
        ({"service_preferences": None}, False, ("MANDATORY_NOT_FOUND", "required field not found",
                                                {"api_name": "service_preferences", "json_path": SP}, 400)),
        ({"service_preferences": []}, False, ("INVALID_DATA", "invalid data", {
            "expected_data_type": "jsonobject", "api_name": "service_preferences", "json_path": SP}, 400)),
        ({"service_preferences": {}}, True, ("MANDATORY_NOT_FOUND", "required field not found", {
            "api_name": "job_sheet_enabled", "json_path": f"{SP}.job_sheet_enabled"}, 400)),
        ({"service_preferences": {"job_sheet_enabled": "true"}}, True, ("INVALID_DATA", "invalid data", {
            "expected_data_type": "boolean", "api_name": "job_sheet_enabled", "json_path": f"{SP}.job_sheet_enabled"}, 400)),
        ({"service_preferences": {"job_sheet_enabled": None}}, True, ("INVALID_DATA", "invalid data", {
            "expected_data_type": "boolean", "api_name": "job_sheet_enabled", "json_path": f"{SP}.job_sheet_enabled"}, 400)),
    ],
)
def test_preferences_errors(body, wrapped, error):
    with pytest.raises(ZohoError) as caught:
        prefs.parse_update(body)
    assert as_tuple(caught.value) == error
    assert isinstance(caught.value, WrappedZohoError) is wrapped
    if wrapped:
        assert list(caught.value.body()) == ["service_preferences"]


def test_api_not_supported():
    prefs.check_version("v7")
    with pytest.raises(ZohoError) as caught:
        prefs.check_version("v2.1")
    assert caught.value.body() == {"code": "API_NOT_SUPPORTED", "details": {"supported_version": 3},
                                   "message": "api not supported in this version", "status": "error"}


def test_tax_display_and_render():
    assert tax_display_value("Vat", Decimal("0.8")) == "Vat - 0.8 %"
    assert tax_display_value("Sales Tax", Decimal("2")) == "Sales Tax - 2.0 %"
    assert tax_display_value("X", Decimal("12.50")) == "X - 12.5 %"
    assert render_taxes(default_org_fixture(ORG).taxes) == {"org_taxes": {
        "taxes": [
            {"id": "5545974000000021003", "name": "Vat", "display_label": "Vat - 0.8 %", "value": 0.8, "sequence_number": 1},
            {"id": "5545974000000021001", "name": "Sales Tax", "display_label": "Sales Tax - 2.0 %", "value": 2,
             "sequence_number": 2},
        ],
        "preference": {"auto_populate_tax": False, "modify_tax_rates": False}}}
    assert render_taxes([Tax(1, "Z", Decimal("10"))])["org_taxes"]["taxes"][0]["value"] == 10


def test_holidays():
    holidays = default_org_fixture(ORG).holidays
    body = list_holidays(holidays, today=date(2026, 3, 4), per_page=2)
    assert body["info"] == {"per_page": 2, "count": 2, "page": 1, "more_records": True}
    assert body["holidays"][0] == {"id": "5545974000000030002", "name": "New Year's Day", "date": "2026-01-01",
                                   "year": 2026, "type": "business_holiday", "shift_hour": None}
    assert list_holidays(holidays, today=date(2026, 3, 4), year="2030") is None
    assert list_holidays([Holiday(1, "S", date(2026, 1, 2), "shift_holiday")], today=date(2026, 1, 1),
                         type_="business_holiday") is None
    with pytest.raises(ZohoError) as caught:
        list_holidays(holidays, today=date(2026, 3, 4), type_="other")
    assert caught.value.details == {"param_name": "type", "supported_values": ["business_holiday", "shift_holiday"]}
