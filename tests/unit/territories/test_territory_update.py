import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import Limits, TerritoryPatch, validate_update
from zcrm_local.domain.territories import update as update_module

from tests.unit.territories.territory_testkit import ADMIN, ANNA, IDLE, NORTH, NORTH_EAST, NOW, ROOT, SOUTH, ctx, err, one, tree

P = "$.territories[0]"


def update(*items, path_id=None, **overrides):
    return validate_update({"territories": list(items)}, ctx(**overrides), path_id=path_id)


def test_partial_update_lists_only_sent_keys():
    patch = one(update({"id": SOUTH, "permission_type": "read_write_delete", "name": " Deep South "}))
    assert patch == TerritoryPatch(0, SOUTH, {"name": "Deep South", "permission_type": "read_write_delete"},
                                   frozenset(), NOW, ADMIN)
    applied = patch.apply(tree()[SOUTH])
    assert (applied.name, applied.api_name, applied.permission_type) == ("Deep South", "South", "read_write_delete")


def test_seed_sample_body():
    body = {"id": NORTH_EAST, "name": "Territory1234", "reporting_to": {"id": SOUTH}, "manager": None,
            "permission_type": "read_only", "description": None, "account_rule_criteria": None,
            "lead_rule_criteria": None,
            "deal_rule_criteria": {"comparator": "greater_than",
                                   "field": {"api_name": "Amount", "id": "4315810000004000002"},
                                   "value": "2000000"}}
    patch = one(update(body))
    assert patch.changes == {
        "name": "Territory1234", "description": None, "permission_type": "read_only", "parent_id": SOUTH,
        "manager_id": None, "account_rule_criteria": None, "lead_rule_criteria": None,
        "deal_rule_criteria": body["deal_rule_criteria"]}


def test_id_missing_on_collection_url():
    assert err(one(update({"permission_type": "read_only"}))) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "id", "json_path": f"{P}.id"}, 400)


def test_permission_type_missing():
    assert err(one(update({"id": SOUTH}))) == (
        "MANDATORY_NOT_FOUND", "required field not found",
        {"api_name": "permission_type", "json_path": f"{P}.permission_type"}, 400)


def test_permission_type_rule_can_be_relaxed(monkeypatch):
    monkeypatch.setattr(update_module, "PERMISSION_TYPE_REQUIRED_ON_UPDATE", False)
    assert isinstance(one(update({"id": SOUTH, "name": "S2"})), TerritoryPatch)


@pytest.mark.parametrize("ident", ["999", "x1", 0])
def test_unknown_id(ident):
    assert err(one(update({"id": ident, "permission_type": "read_only"}))) == (
        "INVALID_DATA", "the id given seems to be invalid", {"api_name": "id", "json_path": f"{P}.id"}, 400)


@pytest.mark.parametrize("path_id", ["999", "abc"])
def test_unknown_path_id_is_request_level(path_id):
    with pytest.raises(ZohoError) as caught:
        update({"permission_type": "read_only"}, path_id=path_id)
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2}, 400)


def test_path_id_wins_and_only_first_item_counts():
    results = update({"id": NORTH, "permission_type": "read_only", "name": "S2"},
                     {"id": NORTH, "permission_type": "read_only"}, path_id=SOUTH)
    assert one(results).id == SOUTH


def test_root_non_name_change_refused():
    assert err(one(update({"id": ROOT, "permission_type": "read_write_delete"}))) == (
        "NOT_ALLOWED", "Cannot update the Org Territory except Name", {}, 400)


@pytest.mark.parametrize("extra", [
    {"reporting_to": {"id": SOUTH}}, {"description": "x"}, {"manager": {"id": ANNA}}, {"manager": None},
    {"account_rule_criteria": {"comparator": "equal", "field": {"api_name": "Industry"}, "value": "Technology"}},
])
def test_root_other_keys_refused(extra):
    assert err(one(update({"id": ROOT, "permission_type": "read_only", **extra})))[0] == "NOT_ALLOWED"


def test_root_same_values_and_rename_accepted():
    patch = one(update({"id": ROOT, "permission_type": "read_only", "name": "Acme", "reporting_to": None,
                        "manager": {"id": ADMIN}, "description": "Organization Parent Territory",
                        "deal_rule_criteria": None}))
    assert patch.changes["name"] == "Acme" and "parent_id" not in patch.changes


def test_reparent_to_self_or_descendant_refused():
    for parent in (NORTH, NORTH_EAST):
        assert err(one(update({"id": NORTH, "permission_type": "read_only", "reporting_to": {"id": parent}}))) == (
            "NOT_ALLOWED",
            "Reporting_to id should not be the child of given territory. Chosse another territory as Reporing_to",
            {"api_name": "reporting_to", "json_path": f"{P}.reporting_to"}, 400)


def test_reparent_to_unknown_or_null():
    for parent in ({"id": "999"}, None):
        assert err(one(update({"id": NORTH, "permission_type": "read_only", "reporting_to": parent}))) == (
            "INVALID_DATA", "the id given seems to be invalid",
            {"api_name": "reporting_to", "json_path": f"{P}.reporting_to"}, 400)


def test_reparent_moves_subtree_in_later_items():
    results = update({"id": NORTH, "permission_type": "read_only", "reporting_to": {"id": SOUTH}},
                     {"id": SOUTH, "permission_type": "read_only", "reporting_to": {"id": NORTH_EAST}})
    assert results[0].changes["parent_id"] == SOUTH
    assert err(results[1])[0] == "NOT_ALLOWED"


def test_name_rules_ignore_self_but_not_others():
    assert isinstance(one(update({"id": NORTH, "permission_type": "read_only", "name": "NORTH"})), TerritoryPatch)
    assert err(one(update({"id": NORTH, "permission_type": "read_only", "name": "south"}))) == (
        "DUPLICATE_DATA", "Given Territory name already exists", {"api_name": "name", "json_path": f"{P}.name"}, 400)


def test_name_repeated_in_request():
    results = update({"id": NORTH, "permission_type": "read_only", "name": "X"},
                     {"id": SOUTH, "permission_type": "read_only", "name": "x"})
    assert [err(r)[1] for r in results] == ["Duplicate Territory Name Found"] * 2


def test_later_item_sees_earlier_rename():
    results = update({"id": NORTH, "permission_type": "read_only", "name": "Nord"},
                     {"id": SOUTH, "permission_type": "read_only", "name": "North"})
    assert all(isinstance(r, TerritoryPatch) for r in results)


def test_blank_name_on_update():
    assert err(one(update({"id": NORTH, "permission_type": "read_only", "name": " "}))) == (
        "INVALID_DATA", "invalid data", {"api_name": "name", "json_path": f"{P}.name"}, 400)


def test_manager_set_adds_member_and_null_keeps_old_member():
    patch = one(update({"id": SOUTH, "permission_type": "read_only", "manager": {"id": ANNA}}))
    assert patch.changes["manager_id"] == ANNA and patch.added_member_ids == {ANNA}
    patch = one(update({"id": NORTH, "permission_type": "read_only", "manager": None}))
    assert patch.changes["manager_id"] is None and patch.apply(tree()[NORTH]).member_ids == {ANNA, ADMIN}


def test_inactive_manager():
    assert err(one(update({"id": SOUTH, "permission_type": "read_only", "manager": {"id": IDLE}}))) == (
        "INVALID_DATA", "the id given seems to be invalid", {"api_name": "manager", "json_path": f"{P}.manager"}, 400)


def test_member_limit_on_new_manager():
    limits = Limits(max_users_per_territory=2)
    assert err(one(update({"id": NORTH_EAST, "permission_type": "read_only", "manager": {"id": ANNA}},
                          limits=Limits(max_users_per_territory=0)))) == (
        "LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 0}, 400)
    # An existing member becoming manager adds nobody.
    assert isinstance(one(update({"id": NORTH, "permission_type": "read_only", "manager": {"id": ADMIN}},
                                 limits=limits)), TerritoryPatch)


def test_criteria_null_removes_rule():
    assert one(update({"id": NORTH, "permission_type": "read_only", "account_rule_criteria": None})).changes == {
        "permission_type": "read_only", "account_rule_criteria": None}


def test_more_than_ten_items():
    with pytest.raises(ZohoError) as caught:
        update(*[{"id": SOUTH, "permission_type": "read_only"}] * 11)
    assert err(caught.value) == ("LIMIT_EXCEEDED", "limit exceeded", {"limit": 10}, 400)
