import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import Limits, TerritoryDraft, validate_create
from zcrm_local.domain.territories.names import FORBIDDEN_NAME_CHARS

from tests.unit.territories.territory_testkit import ADMIN, ANNA, GONE, IDLE, NEW, NORTH, NOW, ROOT, ctx, err, one

P = "$.territories[0]"


def create(*items, **overrides):
    return validate_create({"territories": list(items)}, ctx(**overrides))


def item(**kw):
    base = {"name": "West", "reporting_to": {"id": ROOT}, "permission_type": "read_only"}
    base.update(kw)
    return base


def test_success_builds_a_normalized_draft():
    draft = one(create(item(name="  West Coast ", manager={"id": int(ANNA)}, description="d",
                            reporting_to={"id": int(NORTH)})))
    assert draft == TerritoryDraft(
        index=0, name="West Coast", api_name="West_Coast", parent_id=NORTH, permission_type="read_only",
        description="d", manager_id=ANNA, member_ids=frozenset({ANNA}),
        criteria={"account_rule_criteria": None, "lead_rule_criteria": None, "deal_rule_criteria": None},
        created_time=NOW, created_by_id=ADMIN,
    )


def test_draft_keeps_criteria_as_sent():
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount"}, "value": "2000000"}
    draft = one(create(item(deal_rule_criteria=rule)))
    assert draft.criteria["deal_rule_criteria"] is rule
    assert draft.as_territory("1010").criteria["deal_rule_criteria"] == rule


@pytest.mark.parametrize("key", ["name", "reporting_to", "permission_type"])
def test_mandatory_key_missing(key):
    body = item()
    del body[key]
    assert err(one(create(body))) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": key, "json_path": f"{P}.{key}"}, 400)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_blank_name_is_missing(value):
    assert err(one(create(item(name=value)))) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "name", "json_path": f"{P}.name"}, 400)


@pytest.mark.parametrize("key,value,expected", [
    ("name", 5, "text"),
    ("reporting_to", ROOT, "jsonobject"),
    ("permission_type", 1, "text"),
    ("manager", ANNA, "jsonobject"),
    ("description", 3, "text"),
])
def test_wrong_json_type(key, value, expected):
    assert err(one(create(item(**{key: value})))) == (
        "INVALID_DATA", "invalid data",
        {"api_name": key, "json_path": f"{P}.{key}", "expected_data_type": expected}, 400)


def test_name_too_long():
    assert err(one(create(item(name="x" * 51)))) == (
        "INVALID_DATA", "the value of the field exceeds the maximum allowed length",
        {"api_name": "name", "json_path": f"{P}.name", "maximum_length": 50}, 400)
    assert isinstance(one(create(item(name="x" * 50))), TerritoryDraft)


def test_description_too_long():
    assert err(one(create(item(description="d" * 251)))) == (
        "INVALID_DATA", "the value of the field exceeds the maximum allowed length",
        {"api_name": "description", "json_path": f"{P}.description", "maximum_length": 250}, 400)


def test_forbidden_characters_are_the_seed_list():
    assert FORBIDDEN_NAME_CHARS == set("^~`#%&+=[]{}|\\;\"'<>,") and len(FORBIDDEN_NAME_CHARS) == 20


@pytest.mark.parametrize("char", sorted(FORBIDDEN_NAME_CHARS))
def test_forbidden_character_in_name(char):
    assert err(one(create(item(name=f"We{char}st")))) == (
        "INVALID_DATA", "invalid data", {"api_name": "name", "json_path": f"{P}.name"}, 400)


def test_allowed_punctuation_in_name():
    assert isinstance(one(create(item(name="West-1 (A/B) _x.y:z!?@$*"))), TerritoryDraft)


def test_name_repeated_in_request_fails_every_copy():
    results = create(item(name="West"), item(name="Other"), item(name=" west "))
    assert err(results[0]) == ("DUPLICATE_DATA", "Duplicate Territory Name Found",
                               {"api_name": "name", "json_path": "$.territories[0].name"}, 400)
    assert isinstance(results[1], TerritoryDraft)
    assert err(results[2]) == ("DUPLICATE_DATA", "Duplicate Territory Name Found",
                               {"api_name": "name", "json_path": "$.territories[2].name"}, 400)


def test_name_taken_in_org_case_and_space_insensitive():
    assert err(one(create(item(name="  NORTH east ")))) == (
        "DUPLICATE_DATA", "Given Territory name already exists", {"api_name": "name", "json_path": f"{P}.name"}, 400)


def test_bad_permission_type():
    assert err(one(create(item(permission_type="read")))) == (
        "INVALID_DATA", "Given Permission_type value is invalid",
        {"api_name": "permission_type", "json_path": f"{P}.permission_type",
         "supported_values": ["read_write_delete", "read_only"]}, 400)


@pytest.mark.parametrize("parent", [{"id": "999"}, {"id": "abc"}, {}])
def test_unknown_parent(parent):
    assert err(one(create(item(reporting_to=parent)))) == (
        "INVALID_DATA", "the id given seems to be invalid",
        {"api_name": "reporting_to", "json_path": f"{P}.reporting_to"}, 400)


@pytest.mark.parametrize("manager", [{"id": "999"}, {"id": IDLE}, {"id": GONE}, {"id": NEW}, {}])
def test_unusable_manager(manager):
    assert err(one(create(item(manager=manager)))) == (
        "INVALID_DATA", "the id given seems to be invalid", {"api_name": "manager", "json_path": f"{P}.manager"}, 400)


def test_null_manager_means_none():
    draft = one(create(item(manager=None)))
    assert draft.manager_id is None and draft.member_ids == frozenset()


def test_lead_rule_disabled():
    rule = {"comparator": "equal", "field": {"api_name": "City"}, "value": "Oslo"}
    assert err(one(create(item(lead_rule_criteria=rule), lead_rule_enabled=False))) == (
        "NOT_ALLOWED", "Lead Rule Disabled",
        {"api_name": "lead_rule_criteria", "json_path": f"{P}.lead_rule_criteria"}, 400)


def test_deal_rule_disabled():
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount"}, "value": "5"}
    assert err(one(create(item(deal_rule_criteria=rule), deal_rule_enabled=False))) == (
        "NOT_ALLOWED", "Deal Rule Disabled",
        {"api_name": "deal_rule_criteria", "json_path": f"{P}.deal_rule_criteria"}, 400)


def test_null_criteria_accepted_while_rule_disabled():
    assert isinstance(one(create(item(deal_rule_criteria=None), deal_rule_enabled=False)), TerritoryDraft)


def test_criteria_error_carries_item_path():
    rule = {"comparator": "equal", "field": {"api_name": "Nope"}, "value": "1"}
    assert err(create(item(), item(name="B", account_rule_criteria=rule))[1]) == (
        "INVALID_DATA", "The given api_name seems to be invalid",
        {"api_name": "api_name", "json_path": "$.territories[1].account_rule_criteria.field.api_name"}, 400)


def test_org_territory_limit_counts_root_and_earlier_items():
    results = create(item(name="A"), item(name="B"), limits=Limits(max_territories=5))
    assert isinstance(results[0], TerritoryDraft)
    assert err(results[1]) == ("LIMIT_EXCEEDED", "Maximum Territory limit reached", {"limit": 5}, 400)


def test_member_limit_for_new_manager():
    assert err(one(create(item(manager={"id": ANNA}), limits=Limits(max_users_per_territory=0)))) == (
        "LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 0}, 400)


def test_item_not_an_object():
    assert err(one(create("x"))) == (
        "INVALID_DATA", "invalid data", {"api_name": "territories", "json_path": P, "expected_data_type": "jsonobject"},
        400)


@pytest.mark.parametrize("body", [{}, {"territories": []}, {"territories": None}])
def test_wrapper_missing_is_request_level(body):
    with pytest.raises(ZohoError) as caught:
        validate_create(body, ctx())
    assert err(caught.value) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "territories", "json_path": "$.territories"},
        400)


def test_wrapper_not_an_array():
    with pytest.raises(ZohoError) as caught:
        validate_create({"territories": {}}, ctx())
    assert err(caught.value) == ("INVALID_DATA", "invalid data", {
        "api_name": "territories", "json_path": "$.territories", "expected_data_type": "jsonarray"}, 400)


def test_body_not_an_object():
    with pytest.raises(ZohoError) as caught:
        validate_create([], ctx())
    assert err(caught.value) == (
        "UNABLE_TO_PARSE_DATA_TYPE", "either the request body or parameters is in wrong format", {}, 400)


def test_more_than_ten_items():
    with pytest.raises(ZohoError) as caught:
        create(*[item(name=f"T{i}") for i in range(11)])
    assert err(caught.value) == ("LIMIT_EXCEEDED", "limit exceeded", {"limit": 10}, 400)
    assert len(create(*[item(name=f"T{i}") for i in range(10)])) == 10


def test_order_mandatory_before_types_before_name():
    assert one(create({"name": 5})).code == "MANDATORY_NOT_FOUND"
    assert one(create(item(name="a#", permission_type=3))).details["api_name"] == "permission_type"
    assert one(create(item(name="a#", permission_type="bad"))).details["api_name"] == "name"
