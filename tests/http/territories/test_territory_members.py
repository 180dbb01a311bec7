"""Users of a territory and territories of a user: the successful paths (spec 21 §2–§8)."""

from __future__ import annotations

import json

from tests.http.territories.helpers import BASE, headers_of, make, ok, root_id, user_id

ADDED = "Given User added to the mentioned territory Successfully"
REMOVED = "Given User Removed from the mentioned territory Successfully"


def test_associate_then_list_then_disassociate_users(client, org):
    north = make(client, org, "North", root_id(client, org))
    standard, admin = user_id(org, "standard"), user_id(org, "admin")
    r = client.put(f"{BASE}/{north}/users", headers=org.headers,
                   content=json.dumps({"users": [{"id": standard}, {"id": admin}]}))
    assert (r.status_code, r.json()) == (200, {"users": [ok(ADDED, standard), ok(ADDED, admin)]})
    r = client.get(f"{BASE}/{north}/users", headers=org.headers)
    assert r.status_code == 200
    assert [u["id"] for u in r.json()["users"]] == [admin, standard]
    assert r.json()["users"][0]["full_name"] == "Patricia Boyle"
    assert r.json()["info"] == {"per_page": 200, "count": 2, "page": 1, "more_records": False}
    r = client.get(f"{BASE}/{north}/users/{standard}", headers=org.headers)
    assert (r.status_code, [u["id"] for u in r.json()["users"]], "info" in r.json()) == (200, [standard], False)
    r = client.delete(f"{BASE}/{north}/users?ids={standard}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"users": [ok(REMOVED, standard)]})
    assert client.get(f"{BASE}/{north}/users/{standard}", headers=org.headers).status_code == 204


def test_associate_single_user_by_path_without_body(client, org):
    north = make(client, org, "North", root_id(client, org))
    standard = user_id(org, "standard")
    r = client.put(f"{BASE}/{north}/users/{standard}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"users": [ok(ADDED, standard)]})
    r = client.delete(f"{BASE}/{north}/users/{standard}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"users": [ok(REMOVED, standard)]})


def test_user_territories_add_list_get_remove(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root, manager={"id": user_id(org, "admin")})
    south = make(client, org, "South", root)
    standard = user_id(org, "standard")
    r = client.put(f"/crm/v7/users/{standard}/territories", headers=org.headers,
                   content=json.dumps({"territories": [{"id": south}, {"id": north}]}))
    assert (r.status_code, r.json()) == (200, {"territories": [
        ok("Territory associated to the user successfully", south),
        ok("Territory associated to the user successfully", north)]})
    r = client.get(f"/crm/v7/users/{standard}/territories", headers=org.headers)
    admin = {"name": "Patricia Boyle", "id": user_id(org, "admin")}
    root_ref = {"id": root, "Name": r.json()["territories"][0]["Reporting_To"]["Name"]}
    assert (r.status_code, r.json()) == (200, {
        "territories": [
            {"id": north, "Manager": admin, "Name": "North", "Reporting_To": root_ref},
            {"id": south, "Manager": None, "Name": "South", "Reporting_To": root_ref},
        ],
        "info": {"per_page": 200, "count": 2, "page": 1, "more_records": False},
    })
    r = client.get(f"/crm/v7/users/{standard}/territories/{south}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"territories": [
        {"id": south, "Manager": None, "Name": "South", "Reporting_To": root_ref}]})
    r = client.delete(f"/crm/v7/Users/{standard}/territories/{south}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"territories": [
        ok("Territory removed from the user successfully", south)]})
    assert client.get(f"/crm/v7/users/{standard}/territories/{south}", headers=org.headers).status_code == 204


def test_associated_users_count_lists_every_territory_in_preorder(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root, manager={"id": user_id(org, "standard")})
    r = client.get(f"{BASE}/actions/associated_users_count", headers=org.headers)
    name = r.json()["associated_users_count"][0]["territory"]["name"]
    assert (r.status_code, r.json()) == (200, {
        "associated_users_count": [
            {"count": "1", "territory": {"name": name, "id": root}},
            {"count": "1", "territory": {"name": "North", "id": north}},
        ],
        "info": {"per_page": 200, "count": 2, "page": 1, "more_records": False},
    })


def test_standard_user_reads_territories(client, backend, org):
    r = client.get(BASE, headers=headers_of(backend, org, "standard"))
    assert r.status_code == 200
