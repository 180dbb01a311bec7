"""Criteria operands are read as the field reads a written value (issue: criteria accepted
non-ASCII digits and 400-digit numbers the field itself refuses)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.territories.territory_testkit import FIELDS, ORG_PREFIX, err
from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories.criteria import CriteriaSchema, parse_criteria
from zcrm_local.domain.territories.filters import parse_filters

B = "$.territories[0].deal_rule_criteria"
DEALS = CriteriaSchema(FIELDS["Deals"], ORG_PREFIX)
ACCOUNTS = CriteriaSchema(FIELDS["Accounts"], ORG_PREFIX)
BAD_VALUE = ("INVALID_DATA", "the given filter value is invalid", {"api_name": "value", "json_path": f"{B}.value"}, 400)


def rule(api_name, comparator, value):
    return {"comparator": comparator, "field": {"api_name": api_name}, "value": value}


@pytest.mark.parametrize(("schema", "api_name", "value"), [
    (DEALS, "Amount", "١٢"),              # Arabic-Indic digits
    (DEALS, "Amount", "１２"),             # full-width digits
    (DEALS, "Amount", "9" * 400),
    (DEALS, "Amount", "0." + "1" * 400),
    (DEALS, "Amount", 1e30),
    (DEALS, "Amount", 10**16),
    (DEALS, "Probability", "٣"),
    (DEALS, "Probability", 1000),         # the field holds 3 digits
    (DEALS, "Probability", 2**31),
    (DEALS, "Probability", 1e30),
    (ACCOUNTS, "Employees", "9" * 400),
    (ACCOUNTS, "Employees", 2147483648),
])
def test_operand_the_field_refuses_is_refused(schema, api_name, value):
    with pytest.raises(ZohoError) as caught:
        parse_criteria(rule(api_name, "equal", value), schema, B)
    assert err(caught.value) == BAD_VALUE


@pytest.mark.parametrize(("schema", "api_name", "value", "operand"), [
    (DEALS, "Amount", "2000000", Decimal("2000000")),
    (DEALS, "Amount", 1.005, Decimal("1.005")),   # exact, not rounded as a stored value would be
    (DEALS, "Probability", "90", Decimal(90)),
    (DEALS, "Probability", 90.0, Decimal(90)),
    (ACCOUNTS, "Employees", "-214748364", Decimal(-214748364)),
])
def test_operand_the_field_accepts(schema, api_name, value, operand):
    assert parse_criteria(rule(api_name, "equal", value), schema, B).operand == operand


def test_between_bounds_checked_alike():
    with pytest.raises(ZohoError) as caught:
        parse_criteria(rule("Amount", "between", ["1", "٩"]), DEALS, B)
    assert err(caught.value) == BAD_VALUE


@pytest.mark.parametrize("value", ["٢٠٢٤-07-09T10:00:00+05:30", "2024-07-09T10:00:00+٠5:30"])
def test_list_filters_refuse_non_ascii_digits(value):
    raw = '{"field":{"api_name":"created_time"},"comparator":"equal","value":"%s"}' % value
    with pytest.raises(ZohoError) as caught:
        parse_filters(raw)
    assert caught.value.code == "INVALID_DATA"
