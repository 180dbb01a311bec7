"""Spec 20 §10, delete and transfer-and-delete rows: exact status and body."""

from __future__ import annotations

import json

from tests.http.territories.helpers import BASE, ID_INVALID, REQUIRED, error, make, root_id

INVALID = "invalid data"


def items(*errors):
    return {"territories": list(errors)}


def at(name, index=0, **extra):
    return {"api_name": name, "json_path": f"$.territories[{index}].{name}", **extra}


# ---- per id: delete and transfer -----------------------------------------------------------

def test_delete_root_is_not_allowed(client, org):
    root = root_id(client, org)
    r = client.delete(f"{BASE}?ids={root}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, items(error("NOT_ALLOWED", "Org Territory cannot be deleted",
                                                          {"id": root})))


def test_delete_territory_with_children_is_not_allowed(client, org):
    north = make(client, org, "North", root_id(client, org))
    make(client, org, "North East", north)
    r = client.delete(f"{BASE}/{north}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, items(error(
        "NOT_ALLOWED", "Territory can't be deleted as it's having child", {"id": north})))


def test_delete_unknown_id_is_invalid_data_with_the_id(client, org):
    north = make(client, org, "North", root_id(client, org))
    r = client.delete(f"{BASE}?ids={north},1234567890123", headers=org.headers)
    assert (r.status_code, r.json()) == (207, items(
        {"code": "SUCCESS", "details": {"id": north}, "message": "Given Territory Removed Successfully",
         "status": "success"},
        error("INVALID_DATA", ID_INVALID, {"id": "1234567890123"})))


def test_delete_with_non_boolean_forecasts_flag_is_invalid_data(client, org):
    north = make(client, org, "North", root_id(client, org))
    r = client.delete(f"{BASE}?ids={north}&delete_previous_forecasts=maybe", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", INVALID, {
        "param_name": "delete_previous_forecasts", "expected_data_type": "boolean"}))


def test_transfer_root_is_not_allowed(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    r = client.post(f"{BASE}/actions/transfer_and_delete", headers=org.headers,
                    content=json.dumps({"territories": [{"id": root, "transfer_to_id": north}]}))
    assert (r.status_code, r.json()) == (400, items(error("NOT_ALLOWED", "Org Territory cannot be deleted",
                                                          {"id": root})))


def test_transfer_without_target_is_mandatory_not_found(client, org):
    north = make(client, org, "North", root_id(client, org))
    r = client.post(f"{BASE}/{north}/actions/transfer_and_delete", headers=org.headers,
                    content=json.dumps({"territories": [{}]}))
    assert (r.status_code, r.json()) == (400, items(error("MANDATORY_NOT_FOUND", REQUIRED, at("transfer_to_id"))))


def test_transfer_into_own_subtree_is_invalid_id(client, org):
    north = make(client, org, "North", root_id(client, org))
    east = make(client, org, "North East", north)
    r = client.post(f"{BASE}/actions/transfer_and_delete", headers=org.headers,
                    content=json.dumps({"territories": [{"id": north, "transfer_to_id": east}]}))
    assert (r.status_code, r.json()) == (400, items(error("INVALID_DATA", ID_INVALID, at("transfer_to_id"))))
