"""``include_inner_details`` on the territory reads (spec 20 §4.1, OQ-8): ``manager.zuid`` and
``manager.status`` add those keys to ``manager``; unknown values are ignored."""

from __future__ import annotations

from tests.http.territories.helpers import BASE, make, read, root_id, set_user_status, user_id


def zuid_of(client, org, key):
    r = client.get(f"/crm/v7/users/{user_id(org, key)}", headers=org.headers)
    assert r.status_code == 200, r.text
    return r.json()["users"][0]["zuid"]


def manager(client, org, path, query):
    r = client.get(f"{path}?{query}" if query else path, headers=org.headers)
    assert r.status_code == 200, r.text
    return r.json()["territories"][0]["manager"]


def test_list_adds_zuid_and_status_to_the_manager(client, org):
    admin = user_id(org, "admin")
    plain = manager(client, org, BASE, "")
    assert set(plain) == {"name", "id"}
    got = manager(client, org, BASE, "include_inner_details=manager.zuid,manager.status")
    assert got == {**plain, "zuid": zuid_of(client, org, "admin"), "status": "active"}
    assert (list(got), got["id"]) == (["name", "id", "zuid", "status"], admin)


def test_each_value_adds_only_its_key(client, org):
    plain = manager(client, org, BASE, "")
    assert manager(client, org, BASE, "include_inner_details=manager.status") == {**plain, "status": "active"}
    assert manager(client, org, BASE, "include_inner_details=manager.zuid") == {
        **plain, "zuid": zuid_of(client, org, "admin")}


def test_unknown_values_are_ignored(client, org):
    plain = manager(client, org, BASE, "")
    for query in ("include_inner_details=manager.email", "include_inner_details=", "include_inner_details=,,",
                  "include_inner_details=Manager.Status", "include_inner_details=zuid"):
        assert manager(client, org, BASE, query) == plain, query
    assert manager(client, org, BASE, "include_inner_details=bogus, manager.status ,x") == {**plain, "status": "active"}


def test_by_id_and_child_territories_honour_it(client, org, backend):
    root = root_id(client, org)
    child = make(client, org, "North", root, manager={"id": user_id(org, "standard")})
    set_user_status(backend, org, "standard", "inactive")
    query = "include_inner_details=manager.status,manager.zuid"
    expected = {"zuid": zuid_of(client, org, "standard"), "status": "inactive"}
    by_id = read(client, org, child, "?" + query)["manager"]
    assert by_id == {**read(client, org, child)["manager"], **expected}
    assert manager(client, org, f"{BASE}/{root}/__child_territories", query) == by_id


def test_no_manager_stays_null(client, org):
    child = make(client, org, "Unmanaged", root_id(client, org))
    assert read(client, org, child, "?include_inner_details=manager.zuid,manager.status")["manager"] is None
