"""Create, read back, update and delete territories; hierarchy order and children (spec 20 §4–§7)."""

from __future__ import annotations

import json
import urllib.parse
from datetime import timedelta

from zcrm_local.domain.metadata import scoped_id

from tests.http.territories.helpers import BASE, item, make, ok, post, put, read, root_id, user_id

SHOWN_AT = "2026-11-23T12:00:00+05:30"  # NOW in the admin's Asia/Kolkata


def test_fresh_org_lists_its_root_territory(client, org):
    r = client.get(BASE, headers=org.headers)
    assert r.status_code == 200
    body = r.json()
    (root,) = body["territories"]
    admin = {"name": "Patricia Boyle", "id": user_id(org, "admin")}
    name = org_name(client, org)
    assert root == {"id": root["id"], "name": name, "api_name": name, "description": "Organization Parent Territory",
                    "permission_type": "read_only", "reporting_to": None, "manager": admin,
                    "created_time": SHOWN_AT, "modified_time": SHOWN_AT, "created_by": admin, "modified_by": admin}
    assert body["info"] == {"per_page": 2000, "count": 1, "page": 1, "more_records": False}


def org_name(client, org):
    return client.get("/crm/v7/org", headers=org.headers).json()["org"][0]["company_name"]


def test_create_reads_back_every_key(client, org):
    root = root_id(client, org)
    amount = scoped_id(org.made.prefix, 4_000_002)
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount", "id": amount}, "value": "2000000"}
    r = post(client, org, item("North Zone", root, permission_type="read_write_delete", description="north",
                               manager={"id": user_id(org, "standard")}, deal_rule_criteria=rule))
    assert r.status_code == 201
    (result,) = r.json()["territories"]
    ident = result["details"]["id"]
    assert result == ok("Territory Created Successfully", ident)
    assert ident.isdigit() and len(ident) == 19
    got = read(client, org, ident, "?include=deal_rule_criteria,account_rule_criteria")
    admin = {"name": "Patricia Boyle", "id": user_id(org, "admin")}
    assert got == {
        "id": ident, "name": "North Zone", "api_name": "North_Zone", "description": "north",
        "permission_type": "read_write_delete", "reporting_to": {"name": org_name(client, org), "id": root},
        "manager": {"name": "Ryan Dahl", "id": user_id(org, "standard")},
        "created_time": SHOWN_AT, "modified_time": SHOWN_AT, "created_by": admin, "modified_by": admin,
        "deal_rule_criteria": rule, "account_rule_criteria": None,
    }


def test_update_changes_only_the_keys_sent_and_keeps_api_name(client, org, clock):
    root = root_id(client, org)
    north = make(client, org, "North", root, description="keep me")
    clock.advance(timedelta(minutes=30))  # within the token's hour
    r = put(client, org, {"id": north, "name": "Northern", "permission_type": "read_write_delete"})
    assert (r.status_code, r.json()) == (200, {"territories": [ok("Territory Updated Successfully", north)]})
    got = read(client, org, north)
    assert (got["name"], got["api_name"], got["description"], got["permission_type"]) == (
        "Northern", "North", "keep me", "read_write_delete")
    assert (got["created_time"], got["modified_time"]) == (SHOWN_AT, "2026-11-23T12:30:00+05:30")


def test_update_by_path_id_ignores_body_id(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    south = make(client, org, "South", root)
    r = put(client, org, {"id": south, "name": "Renamed", "permission_type": "read_only"}, path=f"{BASE}/{north}")
    assert (r.status_code, r.json()) == (200, {"territories": [ok("Territory Updated Successfully", north)]})
    assert read(client, org, north)["name"] == "Renamed"
    assert read(client, org, south)["name"] == "South"


def test_update_seed_sample_sets_deal_rule_and_removes_manager(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root, manager={"id": user_id(org, "standard")})
    amount = scoped_id(org.made.prefix, 4_000_002)
    sample = {"id": north, "name": "Territory1234", "reporting_to": {"id": root}, "manager": None,
              "permission_type": "read_only", "description": None, "account_rule_criteria": None,
              "lead_rule_criteria": None,
              "deal_rule_criteria": {"comparator": "greater_than", "field": {"api_name": "Amount", "id": amount},
                                     "value": "2000000"}}
    r = put(client, org, sample)
    assert (r.status_code, r.json()) == (200, {"territories": [ok("Territory Updated Successfully", north)]})
    got = read(client, org, north, "?include=deal_rule_criteria,lead_rule_criteria,account_rule_criteria")
    assert got["manager"] is None
    assert got["deal_rule_criteria"] == sample["deal_rule_criteria"]
    assert (got["lead_rule_criteria"], got["account_rule_criteria"]) == (None, None)
    # The former manager stays a member (spec 20 §6.4).
    users = client.get(f"{BASE}/{north}/users", headers=org.headers).json()["users"]
    assert [u["id"] for u in users] == [user_id(org, "standard")]


def test_root_may_be_renamed(client, org):
    root = root_id(client, org)
    r = put(client, org, {"id": root, "name": "Everyone", "permission_type": "read_only"})
    assert r.status_code == 200
    assert read(client, org, root)["name"] == "Everyone"


def test_list_is_hierarchy_preorder_and_children_are_direct_in_creation_order(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    south = make(client, org, "South", root)
    north_east = make(client, org, "North East", north)
    south_west = make(client, org, "South West", south)
    north_west = make(client, org, "North West", north)
    listed = [t["id"] for t in client.get(BASE, headers=org.headers).json()["territories"]]
    assert listed == [root, north, north_east, north_west, south, south_west]
    r = client.get(f"{BASE}/{north}/__child_territories", headers=org.headers)
    assert r.status_code == 200
    children = r.json()["territories"]
    assert [c["id"] for c in children] == [north_east, north_west]
    # Child lists always carry the criteria keys (spec 20 §4.3).
    assert {k: children[0][k] for k in ("account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria")} == {
        "account_rule_criteria": None, "lead_rule_criteria": None, "deal_rule_criteria": None}
    assert r.json()["info"] == {"per_page": 200, "count": 2, "page": 1, "more_records": False}
    assert client.get(f"{BASE}/{north_east}/__child_territories", headers=org.headers).status_code == 204


def test_moving_a_territory_carries_its_subtree(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    south = make(client, org, "South", root)
    north_east = make(client, org, "North East", north)
    r = put(client, org, {"id": north, "permission_type": "read_only", "reporting_to": {"id": south}})
    assert r.status_code == 200
    listed = [t["id"] for t in client.get(BASE, headers=org.headers).json()["territories"]]
    assert listed == [root, south, north, north_east]


def test_list_pages_filters_and_ids(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    south = make(client, org, "South", root)
    r = client.get(f"{BASE}?per_page=2&page=2", headers=org.headers)
    assert r.json()["info"] == {"per_page": 2, "count": 1, "page": 2, "more_records": False}
    assert [t["id"] for t in r.json()["territories"]] == [south]
    criterion = {"field": {"api_name": "name"}, "comparator": "starts_with", "value": "nor"}
    r = client.get(f"{BASE}?filters={urllib.parse.quote(json.dumps(criterion))}", headers=org.headers)
    assert [t["id"] for t in r.json()["territories"]] == [north]
    r = client.get(f"{BASE}?ids={south},{root}", headers=org.headers)
    assert [t["id"] for t in r.json()["territories"]] == [root, south]
    assert client.get(f"{BASE}?ids=1234567890123", headers=org.headers).status_code == 204
    assert client.get(f"{BASE}?page=3&per_page=2", headers=org.headers).status_code == 204


def test_bad_filters_is_invalid_data(client, org):
    r = client.get(f"{BASE}?filters=notjson", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "INVALID_DATA", "details": {"param_name": "filters"},
                                               "message": "invalid data", "status": "error"})


def test_delete_removes_the_territory_and_its_memberships(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root, manager={"id": user_id(org, "standard")})
    east = make(client, org, "North East", north)
    r = client.delete(f"{BASE}?ids={east},{north}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"territories": [
        ok("Given Territory Removed Successfully", east), ok("Given Territory Removed Successfully", north)]})
    assert [t["id"] for t in client.get(BASE, headers=org.headers).json()["territories"]] == [root]
    r = client.get(f"/crm/v7/users/{user_id(org, 'standard')}/territories", headers=org.headers)
    assert r.status_code == 204


def test_names_stay_unique_after_delete_and_rename(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    assert client.delete(f"{BASE}/{north}", headers=org.headers).status_code == 200
    again = make(client, org, "North", root)
    assert put(client, org, {"id": again, "name": "NORTH", "permission_type": "read_only"}).status_code == 200
