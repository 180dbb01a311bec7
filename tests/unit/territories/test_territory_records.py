from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.territories import (
    RECORD_TERRITORY_FIELD,
    RecordState,
    RecordTerritoryPlan,
    TerritoryEntry,
    check_module,
    render_entries,
    validate_assign,
    validate_remove,
)
from zcrm_local.http.render import outcome_body

from tests.unit.territories.territory_testkit import ADMIN, NORTH, NORTH_EAST, NOW, ROOT, SOUTH, USERS, err, one, tree

T = tree()
AT = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
REC, LOCKED, BUSY, DEAL = "9001", "9002", "9003", "9004"
RECORDS = {
    REC: RecordState(REC, (TerritoryEntry(NORTH, "automatically", None, AT),)),
    LOCKED: RecordState(LOCKED, locked=True),
    BUSY: RecordState(BUSY, job_pending=True),
    DEAL: RecordState(DEAL, (TerritoryEntry(SOUTH, "manually", ADMIN, AT),)),
}


def assign(*items, module="Accounts", path=None, records=RECORDS):
    return validate_assign(module, {"data": list(items)}, records, T, caller_id=ADMIN, now=NOW, path_record_id=path)


def remove(*items, module="Accounts", path=None):
    return validate_remove(module, {"data": list(items)}, RECORDS, T, now=NOW, path_record_id=path)


def ids(*territories):
    return [{"id": t} for t in territories]


def test_module_checks():
    check_module("Accounts", True)
    cases = [
        ("Foo", False, ("INVALID_MODULE", "the module name given seems to be invalid",
                        {"resource_path_index": 0}, 400)),
        ("Services__s", True, ("NOT_SUPPORTED", "the api is not supported for this module",
                               {"resource_path_index": 0}, 400)),
        ("Leads", True, ("TERRITORY_NOT_ENABLED", "the territory feature is not enabled for Leads Module", {}, 403)),
    ]
    for module, known, expected in cases:
        with pytest.raises(ZohoError) as caught:
            check_module(module, known)
        assert err(caught.value) == expected
    assert RECORD_TERRITORY_FIELD["Deals"] == "Territory"


def test_assign_success_appends_manual_entries():
    plan = one(assign({"id": REC, "Territories": ids(SOUTH, int(NORTH_EAST))}))
    assert plan == RecordTerritoryPlan(0, REC, (SOUTH, NORTH_EAST), (
        TerritoryEntry(NORTH, "automatically", None, AT), TerritoryEntry(SOUTH, "manually", ADMIN, NOW),
        TerritoryEntry(NORTH_EAST, "manually", ADMIN, NOW)), False)
    assert outcome_body(plan.success("777")) == {"code": "SCHEDULED", "details": {"job_id": "777", "id": REC},
                                   "message": "Territory assignment process scheduled successfully",
                                   "status": "success"}


def test_record_id_missing():
    assert err(one(assign({"Territories": ids(SOUTH)}))) == (
        "MANDATORY_NOT_FOUND", "One of the expected parameter is missing",
        {"api_name": "id", "json_path": "$.data[0].id"}, 400)


def test_record_unknown():
    assert err(one(assign({"id": "5", "Territories": ids(SOUTH)}))) == (
        "INVALID_DATA", "The record Id given seems to be invalid", {"api_name": "id", "json_path": "$.data[0].id"}, 400)


@pytest.mark.parametrize("territories", [None, [], [{}], [{"id": SOUTH}, {"name": "x"}], "x"])
def test_territories_missing(territories):
    assert err(one(assign({"id": REC, "Territories": territories}))) == (
        "MANDATORY_NOT_FOUND", "required field not found",
        {"api_name": "Territories", "json_path": "$.data[0].Territories"}, 400)


def test_territory_unknown():
    assert err(one(assign({"id": REC, "Territories": ids(SOUTH, "77")}))) == (
        "INVALID_DATA", "the id given seems to be invalid",
        {"api_name": "id", "json_path": "$.data[0].Territories[1].id"}, 400)


def test_same_territory_twice():
    assert err(one(assign({"id": REC, "Territories": ids(SOUTH, SOUTH)}))) == (
        "ALREADY_USED", "duplicate territory id found",
        {"api_name": "id", "json_path": "$.data[0].Territories[1].id",
         "exists_in": {"json_path": "$.data[0].Territories[0].id"}}, 400)


def test_territory_already_on_record():
    assert err(one(assign({"id": REC, "Territories": ids(NORTH)}))) == (
        "DUPLICATE_DATA", "Given Territory id already exists for that record",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"}, 400)


def test_record_limit():
    assert err(one(assign({"id": DEAL, "Territories": ids(NORTH)}, module="Deals"))) == (
        "LIMIT_EXCEEDED", "Maximum limit of territories for that record exceeds", {"limit": 1}, 400)
    many = {str(i): None for i in range(2000, 2010)}
    territories = {**T, **{i: T[SOUTH].__class__(i, f"T{i}", f"T{i}", ROOT) for i in many}}
    results = validate_assign("Accounts", {"data": [{"id": REC, "Territories": ids(*many)}]}, RECORDS, territories,
                              caller_id=ADMIN, now=NOW)
    assert err(one(results)) == ("LIMIT_EXCEEDED", "Maximum limit of territories for that record exceeds",
                                 {"limit": 10}, 400)


def test_record_locked_and_job_pending():
    assert err(one(assign({"id": LOCKED, "Territories": ids(SOUTH)}))) == (
        "RECORD_LOCKED", "Sorry, you cannot perform this operation as the record is locked.",
        {"id": LOCKED, "action": "record_locking"}, 400)
    assert err(one(assign({"id": BUSY, "Territories": ids(SOUTH)}))) == (
        "ALREADY_SCHEDULED", "a job is already scheduled for the record", {"id": BUSY}, 400)


def test_items_are_sequential_on_the_same_record():
    results = assign({"id": REC, "Territories": ids(SOUTH)}, {"id": REC, "Territories": ids(SOUTH)})
    assert isinstance(results[0], RecordTerritoryPlan) and err(results[1])[0] == "DUPLICATE_DATA"


def test_path_record_id():
    assert one(assign({"Territories": ids(SOUTH)}, path=REC)).record_id == REC
    with pytest.raises(ZohoError) as caught:
        assign({"Territories": ids(SOUTH)}, path="5")
    assert err(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 1}, 400)


def test_wrapper_rules():
    with pytest.raises(ZohoError) as caught:
        validate_assign("Accounts", {}, RECORDS, T, caller_id=ADMIN, now=NOW)
    assert err(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found",
                                 {"api_name": "data", "json_path": "$.data"}, 400)
    with pytest.raises(ZohoError) as caught:
        assign(*[{"id": REC, "Territories": ids(SOUTH)}] * 11)
    assert err(caught.value) == ("LIMIT_EXCEEDED", "limit exceeded", {"limit": 10}, 400)


def test_remove_success_and_rows():
    plan = one(remove({"id": DEAL, "Territories": ids(SOUTH)}, module="Deals"))
    assert plan.entries == () and outcome_body(plan.success("1"))["message"] == "Territory removal process scheduled successfully"
    assert err(one(remove({"id": DEAL, "Territories": ids(NORTH)}))) == (
        "INVALID_DATA", "the id given seems to be invalid",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"}, 400)
    assert err(one(remove({"id": DEAL, "Territories": ids(SOUTH, SOUTH)})))[0] == "ALREADY_USED"
    assert err(one(remove({"id": DEAL, "Territories": []})))[0] == "MANDATORY_NOT_FOUND"


def test_remove_system_assigned_is_403():
    assert err(one(remove({"id": REC, "Territories": ids(NORTH)}))) == (
        "NOT_ALLOWED", "Territory id which you are trying to remove was system assigned",
        {"api_name": "id", "json_path": "$.data[0].Territories[0].id"}, 403)


def test_remove_locked():
    records = {LOCKED: RecordState(LOCKED, (TerritoryEntry(SOUTH, "manually", ADMIN, AT),), locked=True)}
    result = validate_remove("Accounts", {"data": [{"id": LOCKED, "Territories": ids(SOUTH)}]}, records, T, now=NOW)
    assert err(one(result))[0] == "RECORD_LOCKED"


def test_render_entries():
    entries = RECORDS[REC].entries + RECORDS[DEAL].entries
    assert render_entries(entries, T, USERS, ZoneInfo("Asia/Kolkata")) == [
        {"Name": "North", "id": NORTH, "$assigned_by": None, "$assigned_time": "2024-01-02T08:34:05+05:30",
         "$assigned": "automatically"},
        {"Name": "South", "id": SOUTH, "$assigned_by": {"name": "Patricia Boyle", "id": ADMIN},
         "$assigned_time": "2024-01-02T08:34:05+05:30", "$assigned": "manually"}]
