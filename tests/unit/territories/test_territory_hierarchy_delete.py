from dataclasses import replace
from datetime import UTC, datetime

import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import (
    DeletePlan,
    Limits,
    TerritoryEntry,
    TransferPlan,
    ancestors,
    children,
    creates_cycle,
    descendants,
    drop_record_entries,
    preorder,
    root_id,
    transfer_record_entries,
    validate_delete,
    validate_transfer,
)

from tests.unit.territories.territory_testkit import ADMIN, ANNA, NORTH, NORTH_EAST, ROOT, SOUTH, Territory, err, one, tree

T = tree()
NORTH_WEST = "1004"
BIG = {**T, NORTH_WEST: Territory(NORTH_WEST, "North West", "North_West", NORTH),
       "999": Territory("999", "Early", "Early", NORTH)}


def test_order_helpers():
    assert root_id(T) == ROOT
    # "999" sorts before "1003" as a number: children follow creation (ID) order.
    assert children(BIG, NORTH) == ["999", NORTH_EAST, NORTH_WEST]
    assert preorder(BIG) == [ROOT, NORTH, "999", NORTH_EAST, NORTH_WEST, SOUTH]
    assert descendants(BIG, NORTH) == ["999", NORTH_EAST, NORTH_WEST]
    assert descendants(BIG, SOUTH) == []
    assert ancestors(BIG, NORTH_EAST) == [NORTH, ROOT]


def test_cycle_detection():
    assert creates_cycle(T, NORTH, NORTH) and creates_cycle(T, NORTH, NORTH_EAST)
    assert not creates_cycle(T, NORTH, SOUTH) and not creates_cycle(T, NORTH_EAST, SOUTH)


def test_delete_leaf_plans_member_drop():
    plan = one(validate_delete(T, ids=NORTH_EAST, delete_previous_forecasts="True"))
    assert plan == DeletePlan(NORTH_EAST, frozenset(), True)


def test_delete_unknown_id():
    assert err(one(validate_delete(T, ids="12345"))) == (
        "INVALID_DATA", "the id given seems to be invalid", {"id": "12345"}, 400)


def test_delete_root():
    assert err(one(validate_delete(T, ids=ROOT))) == (
        "NOT_ALLOWED", "Org Territory cannot be deleted", {"id": ROOT}, 400)


def test_delete_with_children():
    assert err(one(validate_delete(T, ids=NORTH))) == (
        "NOT_ALLOWED", "Territory can't be deleted as it's having child", {"id": NORTH}, 400)


def test_delete_sequential_and_duplicates_collapse():
    results = validate_delete(T, ids=f"{NORTH_EAST},{NORTH},{NORTH_EAST}")
    assert [type(r) for r in results] == [DeletePlan, DeletePlan]
    assert results[1].dropped_member_ids == {ANNA, ADMIN}
    assert err(validate_delete(T, ids=f"{NORTH},{NORTH_EAST}")[0])[0] == "NOT_ALLOWED"


def test_delete_ids_missing():
    for raw in (None, "", " , "):
        with pytest.raises(ZohoError) as caught:
            validate_delete(T, ids=raw)
        assert err(caught.value) == ("REQUIRED_PARAM_MISSING", "mandatory param missing", {"param_name": "ids"}, 400)


def test_delete_more_than_ten_ids():
    with pytest.raises(ZohoError) as caught:
        validate_delete(T, ids=",".join(str(i) for i in range(1, 12)))
    assert err(caught.value) == ("INVALID_REQUEST", "unable to process your request. please verify whether you have "
                                 "entered proper method name, parameter and parameter values.", {}, 400)
    assert len(validate_delete(T, ids=",".join(str(i) for i in range(1, 11)), limits=Limits())) == 10


def test_delete_bad_forecast_flag():
    with pytest.raises(ZohoError) as caught:
        validate_delete(T, ids=SOUTH, delete_previous_forecasts="yes")
    assert err(caught.value) == ("INVALID_DATA", "invalid data",
                                 {"param_name": "delete_previous_forecasts", "expected_data_type": "boolean"}, 400)


def test_delete_path_id():
    assert one(validate_delete(T, path_id=SOUTH)).id == SOUTH
    assert err(one(validate_delete(T, path_id=ROOT)))[0] == "NOT_ALLOWED"
    with pytest.raises(ZohoError) as caught:
        validate_delete(T, path_id="77")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2}, 400)


P = "$.territories[0]"


def transfer(*items, path_id=None, territories=T):
    return validate_transfer({"territories": list(items)}, territories, path_id=path_id)


def test_transfer_plan_moves_direct_children_and_drops_members():
    plan = one(transfer({"id": int(NORTH), "transfer_to_id": SOUTH}))
    assert plan == TransferPlan(0, NORTH, SOUTH, (NORTH_EAST,), frozenset({ANNA, ADMIN}), False)


def test_transfer_sequential_sees_moved_children():
    results = transfer({"id": NORTH, "transfer_to_id": SOUTH}, {"id": SOUTH, "transfer_to_id": ROOT})
    assert results[1].moved_child_ids == (NORTH_EAST,)
    later = transfer({"id": NORTH, "transfer_to_id": SOUTH}, {"id": NORTH_EAST, "transfer_to_id": NORTH})
    assert err(later[1]) == ("INVALID_DATA", "the id given seems to be invalid",
                             {"api_name": "transfer_to_id", "json_path": "$.territories[1].transfer_to_id"}, 400)


def test_transfer_id_missing():
    assert err(one(transfer({"transfer_to_id": SOUTH}))) == (
        "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "id", "json_path": f"{P}.id"}, 400)


def test_transfer_to_id_missing():
    assert err(one(transfer({"id": NORTH}))) == (
        "MANDATORY_NOT_FOUND", "required field not found",
        {"api_name": "transfer_to_id", "json_path": f"{P}.transfer_to_id"}, 400)


def test_transfer_unknown_id():
    assert err(one(transfer({"id": "55", "transfer_to_id": SOUTH}))) == (
        "INVALID_DATA", "the id given seems to be invalid", {"api_name": "id", "json_path": f"{P}.id"}, 400)


def test_transfer_root():
    assert err(one(transfer({"id": ROOT, "transfer_to_id": SOUTH}))) == (
        "NOT_ALLOWED", "Org Territory cannot be deleted", {"id": ROOT}, 400)


@pytest.mark.parametrize("target", ["55", NORTH, NORTH_EAST, "x"])
def test_transfer_target_unknown_self_or_below(target):
    assert err(one(transfer({"id": NORTH, "transfer_to_id": target}))) == (
        "INVALID_DATA", "the id given seems to be invalid",
        {"api_name": "transfer_to_id", "json_path": f"{P}.transfer_to_id"}, 400)


def test_transfer_forecast_flag_type():
    assert err(one(transfer({"id": NORTH, "transfer_to_id": SOUTH, "delete_previous_forecasts": "no"}))) == (
        "INVALID_DATA", "invalid data",
        {"api_name": "delete_previous_forecasts", "json_path": f"{P}.delete_previous_forecasts",
         "expected_data_type": "boolean"}, 400)


def test_transfer_path_form():
    assert one(transfer({"id": SOUTH, "transfer_to_id": SOUTH}, {}, path_id=NORTH)).id == NORTH
    with pytest.raises(ZohoError) as caught:
        transfer({"transfer_to_id": SOUTH}, path_id="1")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2}, 400)


def test_leaf_may_be_transferred_too():
    assert one(transfer({"id": SOUTH, "transfer_to_id": NORTH_EAST})).moved_child_ids == ()


AT = datetime(2024, 1, 1, tzinfo=UTC)


def test_record_entries_on_delete_and_transfer():
    entries = (TerritoryEntry(NORTH, "automatically", None, AT), TerritoryEntry(SOUTH, "manually", ANNA, AT))
    assert drop_record_entries(entries, NORTH) == (entries[1],)
    assert transfer_record_entries(entries, NORTH, NORTH_EAST) == (
        TerritoryEntry(NORTH_EAST, "automatically", None, AT), entries[1])
    assert transfer_record_entries(entries, NORTH, SOUTH) == (entries[1],)


def test_corrupt_parent_loop_does_not_hang():
    looped = {**T, NORTH: replace(T[NORTH], parent_id=NORTH_EAST)}
    assert creates_cycle(looped, SOUTH, NORTH) is False
    assert ancestors(looped, NORTH_EAST) == [NORTH, NORTH_EAST]


def test_child_territories_listing():
    from zcrm_local.domain.territories import child_territories

    assert [t.id for t in child_territories(BIG, NORTH)] == ["999", NORTH_EAST, NORTH_WEST]
    assert child_territories(T, SOUTH) == []
    with pytest.raises(ZohoError) as caught:
        child_territories(T, "42")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2}, 400)
