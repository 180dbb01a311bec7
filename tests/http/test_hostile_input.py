"""Regressions found by the fuzz tests (tests/fuzz): each input once answered 500."""

from __future__ import annotations

import json

import pytest

from tests.http.services.helpers import seed_item
from tests.http.territories.helpers import BASE, error, make, root_id
from zcrm_local.service.harness.snapshots import export_org


def _invalid(wrapper: str, api_name: str) -> dict:
    return {wrapper: [error("INVALID_DATA", "invalid data",
                            {"api_name": api_name, "json_path": f"$.{wrapper}[0].{api_name}"})]}


@pytest.mark.parametrize("changes", [{"Service_Name": "AC\u0000Repair"}, {"Description": "\u0000"},
                                     {"Available_Timings": [{"From": "10:00\u0000", "To": "18:30"}]}],
                         ids=["text", "textarea", "inside a list"])
def test_a_nul_in_record_text_is_invalid_data_not_a_database_error(client, org, changes):
    """PostgreSQL cannot store U+0000 in text or JSON (D-8)."""
    api_name = next(iter(changes))
    r = client.post("/crm/v7/Services__s", content=json.dumps({"data": [seed_item(org, **changes)]}),
                    headers=org.headers)
    assert (r.status_code, r.json()) == (400, _invalid("data", api_name))


def test_a_nul_in_record_text_on_update_leaves_the_record_alone(client, org, backend):
    made = client.post("/crm/v7/Services__s", json={"data": [seed_item(org)]}, headers=org.headers)
    ident = made.json()["data"][0]["details"]["id"]
    before = export_org(backend, org.id)["tables"]["records"]
    r = client.put(f"/crm/v7/Services__s/{ident}", content=json.dumps({"data": [{"Service_Name": "x\u0000"}]}),
                   headers=org.headers)
    assert (r.status_code, r.json()) == (400, _invalid("data", "Service_Name"))
    assert export_org(backend, org.id)["tables"]["records"] == before


def test_a_nul_in_a_territory_description_is_invalid_data(client, org):
    root = root_id(client, org)
    r = client.post(BASE, content=json.dumps({"territories": [
        {"name": "N", "reporting_to": {"id": root}, "permission_type": "read_only", "description": "a\u0000"}]}),
        headers=org.headers)
    assert (r.status_code, r.json()) == (400, _invalid("territories", "description"))
    north = make(client, org, "North", root)
    r = client.put(f"{BASE}/{north}", content=json.dumps({"territories": [
        {"permission_type": "read_only", "description": "a\u0000"}]}), headers=org.headers)
    assert (r.status_code, r.json()) == (400, _invalid("territories", "description"))


@pytest.mark.parametrize("verb", ["assign_territories", "remove_territories"])
@pytest.mark.parametrize("body", ['{"data": 5}', '{"data": 1e300}', '{"data": true}'])
def test_a_scalar_data_wrapper_on_record_territory_actions_is_a_type_error(client, org, verb, body):
    r = client.post(f"/crm/v7/Accounts/actions/{verb}", content=body, headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", "invalid data", {
        "api_name": "data", "json_path": "$.data", "expected_data_type": "jsonarray"}))


# Found in review: str.isdigit admits "²" (int() refuses it), and ids past 64 bits reached the
# database driver. Both once answered 500.
_PATH_ID_INVALID = {"code": "INVALID_DATA", "message": "the id given seems to be invalid", "status": "error"}
BIG = "99999999999999999999999"


@pytest.mark.parametrize("raw", ["\u00b2", BIG], ids=["superscript two", "past 64 bits"])
@pytest.mark.parametrize(("path", "index"), [("/crm/v7/users/{}", 1), ("/crm/v7/org/taxes/{}", 2)])
def test_an_unusable_path_id_is_invalid_data(client, org, raw, path, index):
    r = client.get(path.format(raw), headers=org.headers)
    assert (r.status_code, r.json()) == (400, {**_PATH_ID_INVALID, "details": {"resource_path_index": index}})


@pytest.mark.parametrize("raw", ["\u00b2", BIG], ids=["superscript two", "past 64 bits"])
@pytest.mark.parametrize("module", ["Services__s", "Accounts"])
def test_deleting_an_unusable_id_is_record_not_deleted(client, org, raw, module):
    r = client.delete(f"/crm/v7/{module}", params={"ids": raw}, headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"data": [
        {"code": "INVALID_DATA", "details": {"id": raw}, "message": "record not deleted", "status": "error"}]})


@pytest.mark.parametrize(("name", "raw"), [("ids", "\u00b2"), ("ids", BIG), ("page", "\u00b2"), ("per_page", "\u00b2")])
def test_an_unusable_list_parameter_is_invalid_data(client, org, name, raw):
    r = client.get("/crm/v7/Services__s", params={"fields": "id", name: raw}, headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "INVALID_DATA", "details": {"param_name": name},
                                               "message": "invalid data", "status": "error"})
