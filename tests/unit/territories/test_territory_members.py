import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import (
    Limits,
    MemberChange,
    UserTerritoryChange,
    validate_add_to_user,
    validate_associate,
    validate_disassociate,
    validate_remove_from_user,
)
from zcrm_local.http.render import outcome_body

from tests.unit.territories.territory_testkit import ADMIN, ANNA, GONE, IDLE, NEW, NORTH, NORTH_EAST, ROOT, SOUTH, USERS, err, one, tree

T = tree()


def associate(*items, territory=SOUTH, **kw):
    return validate_associate(T, USERS, territory, {"users": list(items)}, **kw)


def test_associate_success_item():
    change = one(associate({"id": int(ANNA)}))
    assert change == MemberChange(SOUTH, ANNA, True)
    assert outcome_body(change.success()) == {"code": "SUCCESS", "details": {"id": ANNA},
                                "message": "Given User added to the mentioned territory Successfully",
                                "status": "success"}


def test_associate_id_missing():
    assert err(one(associate({}))) == ("MANDATORY_NOT_FOUND", "required field not found",
                                       {"api_name": "id", "json_path": "$.users[0].id"}, 400)


def test_associate_unknown_user():
    assert err(one(associate({"id": "9"}))) == ("INVALID_DATA", "the id given seems to be invalid",
                                                {"api_name": "id", "json_path": "$.users[0].id"}, 400)


@pytest.mark.parametrize("user,status", [(GONE, "deleted"), (IDLE, "inactive"), (NEW, "unconfirmed")])
def test_associate_unusable_user(user, status):
    assert err(one(associate({"id": user}))) == (
        "INVALID_DATA", "The user to whom you are trying to update is deleted.",
        {"api_name": "id", "json_path": "$.users[0].id", "owner_status": status}, 400)


def test_associate_already_member_or_repeated():
    assert err(one(associate({"id": ANNA}, territory=NORTH))) == (
        "DUPLICATE_DATA", "Given user id already exists for that record",
        {"api_name": "id", "json_path": "$.users[0].id"}, 400)
    results = associate({"id": ANNA}, {"id": ANNA})
    assert isinstance(results[0], MemberChange) and err(results[1])[2]["json_path"] == "$.users[1].id"


def test_associate_member_limit():
    results = associate({"id": ANNA}, {"id": ADMIN}, limits=Limits(max_users_per_territory=1))
    assert isinstance(results[0], MemberChange)
    assert err(results[1]) == ("LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 1}, 400)


def test_associate_request_level():
    with pytest.raises(ZohoError) as caught:
        validate_associate(T, USERS, SOUTH, {"users": []})
    assert err(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found",
                                 {"api_name": "users", "json_path": "$.users"}, 400)
    with pytest.raises(ZohoError) as caught:
        associate(*[{"id": ANNA}] * 101)
    assert err(caught.value) == ("LIMIT_EXCEEDED", "limit exceeded", {"limit": 100}, 400)
    with pytest.raises(ZohoError) as caught:
        associate({"id": ANNA}, territory="77")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2}, 400)
    with pytest.raises(ZohoError) as caught:
        validate_associate(T, USERS, SOUTH, user_path_id="9")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 4}, 400)


def test_associate_path_user():
    assert one(validate_associate(T, USERS, SOUTH, user_path_id=ANNA)) == MemberChange(SOUTH, ANNA, True)


def test_disassociate_rows():
    results = validate_disassociate(T, USERS, NORTH, f"9,{IDLE},{ANNA},{ADMIN}")
    assert err(results[0]) == ("INVALID_DATA", "the given user id given seems to be invalid", {"id": "9"}, 400)
    assert err(results[1]) == ("INVALID_DATA", "Given user is not a member of this territory.", {"id": IDLE}, 400)
    assert err(results[2]) == ("INVALID_DATA",
                               "This user cannot be removed as the user is a manager of the mentioned Territory.", {},
                               400)
    assert results[3] == MemberChange(NORTH, ADMIN, False)
    assert outcome_body(results[3].success())["message"] == "Given User Removed from the mentioned territory Successfully"


def test_disassociate_ids_missing_and_path_user():
    with pytest.raises(ZohoError) as caught:
        validate_disassociate(T, USERS, NORTH, None)
    assert err(caught.value) == ("REQUIRED_PARAM_MISSING", "mandatory param missing", {"param_name": "ids"}, 400)
    assert one(validate_disassociate(T, USERS, NORTH, user_path_id=ADMIN)).user_id == ADMIN


# ---- territories of a user ----

def add(*items, user=ANNA, caller=ADMIN, **kw):
    return validate_add_to_user(T, USERS, user, {"territories": list(items)}, caller_id=caller, **kw)


def test_add_to_user_rows():
    results = add({"id": SOUTH}, {}, {"id": "x1"}, {"id": "77"}, {"id": NORTH}, {"id": SOUTH})
    assert results[0] == UserTerritoryChange(ANNA, SOUTH, True)
    assert outcome_body(results[0].success()) == {"code": "SUCCESS", "details": {"id": SOUTH},
                                    "message": "Territory associated to the user successfully", "status": "success"}
    assert err(results[1]) == ("MANDATORY_NOT_FOUND", "required field not found",
                               {"api_name": "id", "json_path": "$.territories[1].id"}, 400)
    assert err(results[2]) == ("INVALID_DATA", "invalid data",
                               {"api_name": "id", "json_path": "$.territories[2].id",
                                "expected_data_type": "long"}, 400)
    assert err(results[3]) == ("INVALID_DATA", "Invalid Territory Id",
                               {"api_name": "id", "json_path": "$.territories[3].id"}, 400)
    assert err(results[4]) == ("DUPLICATE_DATA", "Territory already associated with the user",
                               {"api_name": "id", "json_path": "$.territories[4].id"}, 400)
    assert err(results[5])[1] == "Territory already associated with the user"


def test_add_to_user_territory_full():
    assert err(one(add({"id": NORTH}, user=IDLE, limits=Limits(max_users_per_territory=2)))) == (
        "LIMIT_EXCEEDED", "Maximum Users Limit reached for a territory", {"limit": 2}, 400)


def test_user_path_errors():
    for user in ("9", GONE):
        with pytest.raises(ZohoError) as caught:
            add({"id": SOUTH}, user=user)
        assert err(caught.value) == (
            "INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 1}, 400)
    with pytest.raises(ZohoError) as caught:
        add({"id": SOUTH}, user=ADMIN)
    assert err(caught.value) == ("NOT_ALLOWED", "Logged in user can't update their territories", {}, 400)
    with pytest.raises(ZohoError) as caught:
        validate_remove_from_user(T, USERS, ADMIN, SOUTH, caller_id=ADMIN)
    assert err(caught.value) == ("NOT_ALLOWED", "Logged in user can't update their territories", {}, 400)


def test_add_to_user_body_limit():
    with pytest.raises(ZohoError) as caught:
        add(*[{"id": SOUTH}] * 101)
    assert err(caught.value) == ("LIMIT_EXCEEDED", "limit exceeded", {"limit": 100}, 400)


def test_remove_from_user_rows():
    results = validate_remove_from_user(T, USERS, ADMIN, f"77,{ROOT},{SOUTH},{NORTH}", caller_id=ANNA)
    assert err(results[0]) == ("INVALID_DATA", "Invalid Territory Id",
                               {"api_name": "id", "json_path": "$.territories[0].id"}, 400)
    assert err(results[1]) == ("INVALID_DATA", "Organization Territory cannot be removed from the user",
                               {"id": ROOT}, 400)
    assert err(results[2]) == ("INVALID_DATA", "The territory ID is not linked with the specified user",
                               {"id": SOUTH}, 400)
    assert results[3] == UserTerritoryChange(ADMIN, NORTH, False)
    assert outcome_body(results[3].success())["message"] == "Territory removed from the user successfully"


def test_remove_from_user_manager():
    assert err(one(validate_remove_from_user(T, USERS, ANNA, NORTH, caller_id=ADMIN))) == (
        "INVALID_DATA", "This user cannot be removed as the user is a manager of the mentioned Territory.", {}, 400)


def test_remove_from_user_path_and_params():
    with pytest.raises(ZohoError) as caught:
        validate_remove_from_user(T, USERS, ADMIN, caller_id=ANNA, territory_path_id="77")
    assert err(caught.value) == ("INVALID_DATA", "Invalid Territory Id", {"resource_path_index": 3}, 400)
    with pytest.raises(ZohoError) as caught:
        validate_remove_from_user(T, USERS, ADMIN, None, caller_id=ANNA)
    assert err(caught.value) == ("REQUIRED_PARAM_MISSING", "mandatory param missing", {"param_name": "ids"}, 400)
    with pytest.raises(ZohoError) as caught:
        validate_remove_from_user(T, USERS, ADMIN, ",".join(str(i) for i in range(1, 102)), caller_id=ANNA)
    assert err(caught.value)[0] == "INVALID_REQUEST"
    by_path = validate_remove_from_user(T, USERS, ADMIN, caller_id=ANNA, territory_path_id=NORTH)
    assert one(by_path).territory_id == NORTH
    assert NORTH_EAST not in {c.territory_id for c in validate_remove_from_user(
        T, USERS, ADMIN, NORTH, caller_id=ANNA) if isinstance(c, UserTerritoryChange)}
