from dataclasses import replace
from datetime import UTC, datetime

from zcrm_local.domain.territories import (
    TerritoryEntry,
    auto_territories,
    merge_automatic,
    rule_territories,
)
from zcrm_local.domain.territories.criteria import EvalEnv

from tests.unit.territories.territory_testkit import ADMIN, FIELDS, NORTH, NORTH_EAST, NOW, ROOT, SOUTH, Territory, tree

ENV = EvalEnv(now=NOW, tz=UTC)
WEST = "1005"


def rule(api_name, comparator, value):
    return {"comparator": comparator, "field": {"api_name": api_name}, "value": value}


def world():
    t = tree()
    t[NORTH] = replace(t[NORTH], criteria={"account_rule_criteria": rule("Billing_State", "starts_with", "N"),
                                           "deal_rule_criteria": rule("Amount", "greater_than", 100)})
    t[NORTH_EAST] = replace(t[NORTH_EAST], criteria={"account_rule_criteria": rule("Billing_City", "equal", "Boston")})
    t[SOUTH] = replace(t[SOUTH], criteria={"account_rule_criteria": rule("Industry", "equal", "Technology")})
    t[WEST] = Territory(WEST, "West", "West", ROOT)  # no criteria: never matches
    return t


def accounts(record, territories=None):
    return rule_territories("Accounts", record, territories or world(), FIELDS["Accounts"], ENV)


def test_deepest_match_wins():
    assert accounts({"Billing_State": "New York", "Billing_City": "Boston"}) == [NORTH_EAST]


def test_parent_match_without_matching_child_keeps_parent():
    assert accounts({"Billing_State": "Nevada", "Billing_City": "Reno"}) == [NORTH]


def test_child_never_matches_when_parent_does_not():
    assert accounts({"Billing_State": "Texas", "Billing_City": "Boston"}) == []


def test_several_branches_in_preorder():
    assert accounts({"Billing_State": "NH", "Billing_City": "Boston", "Industry": "Technology"}) == [NORTH_EAST, SOUTH]


def test_root_with_criteria_gates_everything():
    t = world()
    t[ROOT] = replace(t[ROOT], criteria={"account_rule_criteria": rule("Employees", "greater_than", 10)})
    assert accounts({"Billing_State": "NH", "Employees": 5}, t) == []
    assert accounts({"Billing_State": "NH", "Employees": 50}, t) == [NORTH]
    assert accounts({"Employees": 50}, t) == [ROOT]


def test_module_routing():
    t = world()
    deal = {"Amount": 500}
    common = dict(territories=t, env=ENV)
    assert auto_territories("Deals", deal, fields=FIELDS["Deals"], **common) == [NORTH]
    assert auto_territories("Deals", deal, fields=FIELDS["Deals"], deal_rule_enabled=False,
                            contact_territory_ids=[SOUTH], account_territory_ids=[NORTH], **common) == [SOUTH]
    assert auto_territories("Deals", deal, fields=FIELDS["Deals"], deal_rule_enabled=False,
                            account_territory_ids=[NORTH, "404"], **common) == [NORTH]
    assert auto_territories("Contacts", {}, fields={}, account_territory_ids=[SOUTH, NORTH], **common) == [SOUTH, NORTH]
    assert auto_territories("Leads", {"City": "x"}, fields=FIELDS["Leads"], lead_rule_enabled=False, **common) == []
    assert auto_territories("Leads", {"City": "x"}, fields=FIELDS["Leads"], **common) == []


def test_broken_stored_criteria_matches_nothing():
    t = world()
    t[SOUTH] = replace(t[SOUTH], criteria={"account_rule_criteria": rule("Removed_Field", "equal", "x")})
    assert accounts({"Removed_Field": "x"}, t) == []


AT = datetime(2024, 1, 1, tzinfo=UTC)


def test_merge_keeps_manual_replaces_automatic_and_caps():
    entries = (TerritoryEntry(SOUTH, "manually", ADMIN, AT), TerritoryEntry(NORTH, "automatically", None, AT),
               TerritoryEntry(WEST, "automatically", None, AT))
    merged = merge_automatic("Accounts", entries, [NORTH_EAST, SOUTH, NORTH], NOW)
    assert merged == (entries[0], TerritoryEntry(NORTH_EAST, "automatically", None, NOW), entries[1])
    assert merge_automatic("Deals", entries, [NORTH], NOW) == (entries[0],)
    assert merge_automatic("Deals", (), [NORTH, SOUTH], NOW) == (TerritoryEntry(NORTH, "automatically", None, NOW),)
