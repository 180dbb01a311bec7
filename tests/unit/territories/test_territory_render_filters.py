import json
from dataclasses import replace
from datetime import UTC
from zoneinfo import ZoneInfo

import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import (
    associated_users_count,
    criteria_keys_for,
    filter_matches,
    page_info,
    parse_filters,
    parse_include,
    preorder,
    render_territory,
    render_user_territory,
)
from zcrm_local.domain.territories.wire import page_params, page_slice

from tests.unit.territories.territory_testkit import ADMIN, ANNA, NORTH, NORTH_EAST, ROOT, SOUTH, USERS, err, tree

T = tree()
KOLKATA = ZoneInfo("Asia/Kolkata")
RULE = {"comparator": "equal", "field": {"api_name": "Industry"}, "value": "Technology"}


def test_render_full_object():
    north = replace(T[NORTH], criteria={"account_rule_criteria": RULE})
    assert render_territory(north, T, USERS, KOLKATA, ("account_rule_criteria", "deal_rule_criteria")) == {
        "id": NORTH, "name": "North", "api_name": "North", "description": None,
        "permission_type": "read_write_delete", "reporting_to": {"name": "zoho", "id": ROOT},
        "manager": {"name": "Anna Smith", "id": ANNA},
        "created_time": "2024-07-09T20:50:29+05:30", "modified_time": "2024-07-09T20:50:29+05:30",
        "created_by": {"name": "Patricia Boyle", "id": ADMIN}, "modified_by": {"name": "Patricia Boyle", "id": ADMIN},
        "account_rule_criteria": RULE, "deal_rule_criteria": None,
    }


def test_render_root_and_no_manager():
    assert render_territory(T[ROOT], T, USERS, UTC)["reporting_to"] is None
    out = render_territory(T[SOUTH], T, USERS, UTC)
    assert out["manager"] is None and "account_rule_criteria" not in out


@pytest.mark.parametrize("endpoint,include,lead,deal,expected", [
    ("list", (), True, True, ()),
    ("list", ("deal_rule_criteria", "account_rule_criteria"), True, True,
     ("account_rule_criteria", "deal_rule_criteria")),
    ("list", ("lead_rule_criteria",), False, True, ()),
    ("child", (), True, True, ("account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria")),
    ("child", (), False, False, ("account_rule_criteria",)),
])
def test_criteria_key_visibility(endpoint, include, lead, deal, expected):
    assert criteria_keys_for(endpoint, include, lead_rule_enabled=lead, deal_rule_enabled=deal) == expected


def test_include_param():
    assert parse_include(None) == ()
    assert parse_include("lead_rule_criteria, deal_rule_criteria,lead_rule_criteria") == (
        "lead_rule_criteria", "deal_rule_criteria")
    with pytest.raises(ZohoError) as caught:
        parse_include("name")
    assert err(caught.value) == ("INVALID_DATA", "invalid data", {
        "param_name": "include",
        "supported_values": ["account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria"]}, 400)


def test_user_territory_shape_and_counts():
    assert render_user_territory(T[NORTH_EAST], T, USERS) == {
        "id": NORTH_EAST, "Manager": None, "Name": "North East", "Reporting_To": {"id": NORTH, "Name": "North"}}
    assert render_user_territory(T[ROOT], T, USERS)["Reporting_To"] is None
    assert render_user_territory(T[ROOT], T, USERS)["Manager"] == {"name": "Patricia Boyle", "id": ADMIN}
    assert associated_users_count(T[i] for i in preorder(T)) == [
        {"count": "1", "territory": {"name": "zoho", "id": ROOT}},
        {"count": "2", "territory": {"name": "North", "id": NORTH}},
        {"count": "0", "territory": {"name": "North East", "id": NORTH_EAST}},
        {"count": "0", "territory": {"name": "South", "id": SOUTH}}]


def test_paging():
    assert page_params(None, None, 2000) == (1, 2000)
    assert page_info(5, 1, 2000) == {"per_page": 2000, "count": 5, "page": 1, "more_records": False}
    assert page_info(5, 2, 2) == {"per_page": 2, "count": 2, "page": 2, "more_records": True}
    assert page_slice(list("abcde"), 3, 2) == ["e"]
    for page, per_page in (("0", None), ("x", None), (None, "201")):
        with pytest.raises(ZohoError) as caught:
            page_params(page, per_page, 200)
        assert err(caught.value)[0] == "INVALID_DATA"


def f(api_name, comparator, value):
    return json.dumps({"field": {"api_name": api_name}, "comparator": comparator, "value": value})


def picked(raw):
    node = parse_filters(raw)
    return [i for i in preorder(T) if filter_matches(node, T[i])]


def test_filters_by_key():
    assert picked(None) == [ROOT, NORTH, NORTH_EAST, SOUTH]
    assert picked(f("manager.id", "equal", ANNA)) == [NORTH]
    assert picked(f("manager.id", "equal", None)) == [NORTH_EAST, SOUTH]
    assert picked(f("reporting_to.id", "not_equal", int(ROOT))) == [ROOT, NORTH_EAST]
    assert picked(f("id", "equal", SOUTH)) == [SOUTH]
    assert picked(f("permission_type", "equal", "read_write_delete")) == [NORTH]
    assert picked(f("created_by", "equal", ADMIN)) == [ROOT, NORTH, NORTH_EAST, SOUTH]
    assert picked(f("name", "starts_with", "NORTH")) == [NORTH, NORTH_EAST]
    assert picked(f("name", "not_contains", "th")) == [ROOT]
    assert picked(f("name", "ends_with", "east")) == [NORTH_EAST]


def test_filters_by_time_and_groups():
    at = "2024-07-09T20:50:29+05:30"
    assert picked(f("created_time", "equal", at)) == [ROOT, NORTH, NORTH_EAST, SOUTH]
    assert picked(f("modified_time", "greater_than", at)) == []
    assert picked(f("created_time", "between", ["2024-07-09T00:00:00Z", "2024-07-10T00:00:00Z"])) == [
        ROOT, NORTH, NORTH_EAST, SOUTH]
    group = json.dumps({"group_operator": "or", "group": [json.loads(f("id", "equal", SOUTH)),
                                                          json.loads(f("name", "equal", "north"))]})
    assert picked(group) == [NORTH, SOUTH]


@pytest.mark.parametrize("raw", [
    "{", "[]", f("owner", "equal", "1"), f("id", "equal", "abc"), f("permission_type", "equal", "all"),
    f("created_time", "equal", "yesterday"), f("created_time", "between", ["2024-07-10T00:00:00Z"]),
    json.dumps({"field": {"api_name": "id"}, "comparator": "equal"}),
    json.dumps({"group_operator": "AND", "group": [json.loads(f("id", "equal", "1"))]}),
])
def test_bad_filters(raw):
    with pytest.raises(ZohoError) as caught:
        parse_filters(raw)
    assert err(caught.value) == ("INVALID_DATA", "invalid data", {"param_name": "filters"}, 400)


def test_disallowed_filter_comparator_lists_supported():
    with pytest.raises(ZohoError) as caught:
        parse_filters(f("manager.id", "contains", "1"))
    assert err(caught.value) == (
        "INVALID_DATA", "invalid data", {"param_name": "filters", "supported_values": ["equal", "not_equal"]}, 400)
