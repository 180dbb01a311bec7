from decimal import Decimal
from datetime import date

import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import DataType, FieldSpec
from zcrm_local.domain.territories.criteria import (
    COMPARATORS,
    DATE_LITERALS,
    Condition,
    CriteriaSchema,
    DateLiteral,
    Group,
    family_of,
    leaf_count,
    parse_criteria,
    to_json,
)

from tests.unit.territories.territory_testkit import FIELDS, ORG_PREFIX, err

B = "$.territories[0].deal_rule_criteria"
DEALS = CriteriaSchema({**FIELDS["Deals"], "Photo": FieldSpec("Photo", DataType.PROFILEIMAGE, "Photo", 9)},
                       ORG_PREFIX)
ACCOUNTS = CriteriaSchema(FIELDS["Accounts"], ORG_PREFIX)
LEADS = CriteriaSchema(FIELDS["Leads"], ORG_PREFIX)


def rule(api_name, comparator, value, **field):
    return {"comparator": comparator, "field": {"api_name": api_name, **field}, "value": value}


def refusal(raw, schema=DEALS, path=B):
    with pytest.raises(ZohoError) as caught:
        parse_criteria(raw, schema, path)
    return err(caught.value)


def test_seed_sample_parses():
    node = parse_criteria(rule("Amount", "greater_than", "2000000", id="4315810000004000002"), DEALS, B)
    assert node == Condition("Amount", "number", "greater_than", Decimal("2000000"), "4315810000004000002")


def test_group_parses_nested():
    raw = {"group_operator": "or", "group": [
        rule("Stage", "equal", "Closed Won"),
        {"group_operator": "AND", "group": [rule("Amount", "between", [1, "2.5"]),
                                            rule("Closing_Date", "equal", "${TODAY}")]}]}
    node = parse_criteria(raw, DEALS, B)
    assert node == Group("OR", (
        Condition("Stage", "text", "equal", "Closed Won"),
        Group("AND", (Condition("Amount", "number", "between", (Decimal(1), Decimal("2.5"))),
                      Condition("Closing_Date", "date", "equal", DateLiteral("TODAY"))))))
    assert leaf_count(node) == 3


def test_not_an_object():
    assert refusal("x") == ("INVALID_DATA", "invalid data", {
        "api_name": "deal_rule_criteria", "json_path": B, "expected_data_type": "jsonobject"}, 400)


def test_group_entry_not_an_object():
    assert refusal({"group_operator": "AND", "group": [rule("Amount", "equal", 1), 5]}) == (
        "INVALID_DATA", "invalid data",
        {"api_name": "group", "json_path": f"{B}.group[1]", "expected_data_type": "jsonobject"}, 400)


def test_unknown_api_name():
    assert refusal(rule("Nope", "equal", "1")) == (
        "INVALID_DATA", "The given api_name seems to be invalid",
        {"api_name": "api_name", "json_path": f"{B}.field.api_name"}, 400)


def test_api_name_of_another_module():
    assert refusal(rule("Industry", "equal", "Technology"))[1] == "The given api_name seems to be invalid"


def test_field_type_not_supported():
    assert refusal(rule("Photo", "equal", "x")) == (
        "INVALID_DATA", "The given field api_name is not supported in criteria",
        {"api_name": "api_name", "json_path": f"{B}.field.api_name"}, 400)


@pytest.mark.parametrize("api_name,comparator,family", [
    ("Deal_Name", "greater_than", "text"), ("Amount", "contains", "number"),
    ("Closing_Date", "starts_with", "date"), ("Created_Time", "contains", "datetime"), ("Stage", 5, "text"),
])
def test_comparator_not_allowed(api_name, comparator, family):
    assert refusal(rule(api_name, comparator, "1")) == (
        "INVALID_DATA", "The given comparator seems to be invalid",
        {"api_name": "comparator", "json_path": f"{B}.comparator", "supported_values": list(COMPARATORS[family])},
        400)


def test_boolean_allows_only_equal():
    assert refusal(rule("Email_Opt_Out", "not_equal", True), LEADS)[2]["supported_values"] == ["equal"]


@pytest.mark.parametrize("key", ["comparator", "field", "value"])
def test_rule_key_missing(key):
    raw = rule("Amount", "equal", "1")
    del raw[key]
    assert refusal(raw) == ("MANDATORY_NOT_FOUND", "required field not found",
                            {"api_name": key, "json_path": f"{B}.{key}"}, 400)


def test_field_api_name_missing():
    assert refusal({"comparator": "equal", "field": {}, "value": "1"}) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "api_name", "json_path": f"{B}.field.api_name"},
        400)


def test_field_not_an_object():
    assert refusal({"comparator": "equal", "field": "Amount", "value": "1"}) == (
        "INVALID_DATA", "invalid data", {"api_name": "field", "json_path": f"{B}.field",
                                         "expected_data_type": "jsonobject"}, 400)


def test_field_id_must_match():
    assert refusal(rule("Amount", "equal", "1", id="4315810000004000003")) == (
        "INVALID_DATA", "the id given seems to be invalid", {"api_name": "id", "json_path": f"{B}.field.id"}, 400)


@pytest.mark.parametrize("api_name,comparator,value", [
    ("Amount", "equal", "abc"), ("Amount", "equal", True), ("Amount", "equal", None),
    ("Probability", "equal", "1.5"), ("Amount", "between", [1]), ("Amount", "between", [5, 1]),
    ("Amount", "between", "1,5"), ("Closing_Date", "equal", "2024-13-01"), ("Closing_Date", "equal", "07/09/2024"),
    ("Created_Time", "equal", "2024-07-09T10:00:00"), ("Created_Time", "equal", "2024-07-09"),
    ("Stage", "equal", "Won"), ("Deal_Name", "equal", ""), ("Deal_Name", "equal", {"a": 1}),
    ("Closing_Date", "between", "${TODAY}"), ("Closing_Date", "equal", "${THISMONTH}"),
    ("Closing_Date", "equal", "${AGEINDAYS}"), ("Closing_Date", "equal", "${TODAY}+2"),
    ("Closing_Date", "less_than", "${YESTERDAYMINUS}"), ("Closing_Date", "equal", "${NOTEMPTY}"),
    ("Deal_Name", "equal", None),
])
def test_bad_value(api_name, comparator, value):
    assert refusal(rule(api_name, comparator, value)) == (
        "INVALID_DATA", "the given filter value is invalid", {"api_name": "value", "json_path": f"{B}.value"}, 400)


def test_boolean_value():
    assert refusal(rule("Email_Opt_Out", "equal", "yes"), LEADS)[1] == "the given filter value is invalid"
    assert parse_criteria(rule("Email_Opt_Out", "equal", "TRUE"), LEADS, B).operand is True


def test_picklist_substring_need_not_be_a_choice():
    assert parse_criteria(rule("Stage", "contains", "Closed"), DEALS, B).operand == "Closed"


@pytest.mark.parametrize("literal", sorted(DATE_LITERALS))
def test_every_seed_literal_with_its_comparator(literal):
    suffix = "+3" if literal in ("AGEINDAYS", "DUEINDAYS") else ""
    for value in (f"${{{literal}}}{suffix}", f"{literal}{suffix}"):
        node = parse_criteria(rule("Closing_Date", DATE_LITERALS[literal], value), DEALS, B)
        assert node.operand == DateLiteral(literal, 3 if suffix else None)


def test_literal_table_is_the_seed_page():
    assert {k for k, v in DATE_LITERALS.items() if v == "equal"} == {
        "TODAY", "TOMORROW", "TOMORROWPLUS", "YESTERDAY", "AGEINDAYS", "DUEINDAYS", "EMPTY"}
    assert DATE_LITERALS["YESTERDAYMINUS"] == "less_equal" and DATE_LITERALS["NOTEMPTY"] == "not_equal"
    assert len([v for v in DATE_LITERALS.values() if v == "between"]) == 14


def test_literals_apply_to_datetime_fields():
    node = parse_criteria(rule("Created_Time", "between", "${THISFY}"), ACCOUNTS, B)
    assert node.operand == DateLiteral("THISFY")


def test_datetime_value_parsed():
    node = parse_criteria(rule("Created_Time", "greater_than", "2024-07-09T10:00:00+05:30"), ACCOUNTS, B)
    assert to_json(node)["value"] == "2024-07-09T10:00:00+05:30"
    assert parse_criteria(rule("Closing_Date", "less_than", "2024-07-09"), DEALS, B).operand == date(2024, 7, 9)


def test_twenty_five_rules_ok_twenty_six_refused():
    def criteria(n):
        return {"group_operator": "AND", "group": [rule("Amount", "greater_than", i) for i in range(n)]}
    assert leaf_count(parse_criteria(criteria(25), DEALS, B)) == 25
    assert refusal(criteria(26)) == ("LIMIT_EXCEEDED", "Maximum Territory Criteria Limit reached", {
        "limit": 25, "limit_due_to": [{"api_name": "deal_rule_criteria", "json_path": B}]}, 400)


def test_limit_counts_nested_leaves():
    inner = {"group_operator": "OR", "group": [rule("Amount", "equal", i) for i in range(13)]}
    assert refusal({"group_operator": "AND", "group": [inner, inner]})[0] == "LIMIT_EXCEEDED"


def test_group_operator_rules():
    two = [rule("Amount", "equal", 1), rule("Amount", "equal", 2)]
    assert refusal({"group": two}) == ("MANDATORY_NOT_FOUND", "required field not found",
                                       {"api_name": "group_operator", "json_path": f"{B}.group_operator"}, 400)
    assert refusal({"group_operator": "XOR", "group": two}) == ("INVALID_DATA", "invalid data", {
        "api_name": "group_operator", "json_path": f"{B}.group_operator", "supported_values": ["AND", "OR"]}, 400)
    assert refusal({"group_operator": "AND"}) == ("MANDATORY_NOT_FOUND", "required field not found",
                                                  {"api_name": "group", "json_path": f"{B}.group"}, 400)
    assert refusal({"group_operator": "AND", "group": two[:1]}) == (
        "INVALID_DATA", "invalid data", {"api_name": "group", "json_path": f"{B}.group"}, 400)


def test_nested_error_path():
    raw = {"group_operator": "AND", "group": [rule("Amount", "equal", 1), rule("Amount", "equal", "x")]}
    assert refusal(raw)[2] == {"api_name": "value", "json_path": f"{B}.group[1].value"}


def test_family_coverage_of_module_fields():
    families = {family_of(f.data_type) for spec in FIELDS.values() for f in spec.values()}
    assert families == {"text", "number", "date", "datetime", "boolean"}


def test_to_json_is_canonical():
    raw = {"group_operator": "or", "group": [rule("Amount", "between", [1, 2.5]),
                                             rule("Closing_Date", "equal", "AGEINDAYS+4")]}
    assert to_json(parse_criteria(raw, DEALS, B)) == {"group_operator": "OR", "group": [
        {"comparator": "between", "field": {"api_name": "Amount"}, "value": ["1", "2.5"]},
        {"comparator": "equal", "field": {"api_name": "Closing_Date"}, "value": "${AGEINDAYS}+4"}]}
