"""Transfer and delete (spec 20 §8): children, members and record assignments afterwards."""

from __future__ import annotations

import json
from datetime import timedelta

from zcrm_local.domain.territories import TerritoryEntry
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.territories import rows as territory_store

from tests.conftest import NOW
from tests.http.territories.helpers import BASE, make, ok, root_id, user_id

TRANSFERRED = "Given Territory Removed Successfully and its child Territories moved to the another territory"


def _record(backend, org, ident_offset, module):
    """A bare record row: the territory tables only need it to exist."""
    ident = int(f"{org.made.prefix}{900_000_000_000 + ident_offset:012d}")
    admin = org.made.admin_id
    with backend.db.write() as conn:
        record_store.insert(conn, [{"id": ident, "org_id": org.id, "module": module, "data": {}, "owner_id": admin,
                                    "created_by": admin, "modified_by": admin, "created_time": NOW,
                                    "modified_time": NOW}])
    return ident


def _assign(backend, org, record_id, territory_id, kind, at):
    with backend.db.write() as conn:
        territory_store.insert_entries(conn, org.id, record_id, [TerritoryEntry(territory_id, kind, None, at)])


def _entries(backend, org, *record_ids):
    with backend.db.read() as conn:
        held = territory_store.entries_of(conn, org.id, record_ids)
    return {rid: [(e.territory_id, e.assigned, e.assigned_time) for e in entries] for rid, entries in held.items()}


def test_transfer_and_delete_moves_children_drops_members_and_moves_records(client, backend, org):
    root = root_id(client, org)
    north = make(client, org, "North", root, manager={"id": user_id(org, "standard")})
    south = make(client, org, "South", root)
    east = make(client, org, "North East", north)
    west = make(client, org, "North West", north)
    east_coast = make(client, org, "East Coast", east)
    only_north = _record(backend, org, 1, "Accounts")
    both = _record(backend, org, 2, "Accounts")
    deal = _record(backend, org, 3, "Deals")
    early, late = NOW - timedelta(days=2), NOW - timedelta(days=1)
    _assign(backend, org, only_north, north, "manually", early)
    _assign(backend, org, both, south, "manually", early)
    _assign(backend, org, both, north, "automatically", late)
    _assign(backend, org, deal, north, "automatically", late)

    r = client.post(f"{BASE}/actions/transfer_and_delete", headers=org.headers,
                    content=json.dumps({"territories": [{"id": north, "transfer_to_id": south,
                                                         "delete_previous_forecasts": False}]}))

    assert (r.status_code, r.json()) == (200, {"territories": [ok(TRANSFERRED, north)]})
    listed = client.get(BASE, headers=org.headers).json()["territories"]
    assert [(t["id"], (t["reporting_to"] or {}).get("id")) for t in listed] == [
        (root, None), (south, root), (east, south), (east_coast, east), (west, south)]
    # Members of the deleted territory are dropped, not transferred.
    assert client.get(f"/crm/v7/users/{user_id(org, 'standard')}/territories", headers=org.headers).status_code == 204
    assert client.get(f"{BASE}/{south}/users", headers=org.headers).status_code == 204
    # Entries move in place with their kind and time, unless the record already holds the target.
    assert _entries(backend, org, only_north, both, deal) == {
        only_north: [(south, "manually", early)],
        both: [(south, "manually", early)],
        deal: [(south, "automatically", late)],
    }


def test_transfer_by_path_id_without_children_deletes_it(client, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    r = client.post(f"{BASE}/{north}/actions/transfer_and_delete", headers=org.headers,
                    content=json.dumps({"territories": [{"id": "ignored", "transfer_to_id": root}]}))
    assert (r.status_code, r.json()) == (200, {"territories": [ok(TRANSFERRED, north)]})
    assert client.get(f"{BASE}/{north}", headers=org.headers).status_code == 204


def test_delete_drops_record_entries_of_the_territory(client, backend, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    account = _record(backend, org, 4, "Accounts")
    _assign(backend, org, account, north, "manually", NOW)
    _assign(backend, org, account, root, "manually", NOW)
    assert client.delete(f"{BASE}/{north}", headers=org.headers).status_code == 200
    assert _entries(backend, org, account) == {account: [(root, "manually", NOW)]}
