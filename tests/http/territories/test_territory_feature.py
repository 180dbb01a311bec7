"""The feature switch (spec 20 §2) and org isolation of every territory endpoint."""

from __future__ import annotations

import json

import pytest

from zcrm_local.service.territories import feature as territory_feature

from tests.conftest import new_org
from tests.http.territories.helpers import BASE, error, item, make, post, put, root_id, user_id

NOT_ENABLED = error("TERRITORY_NOT_ENABLED", "the territory feature is not enabled")
DISABLED = error("TERRITORY_DISABLED", "the territory feature is disabled")

# One request per endpoint family; the feature gate answers before any parameter or body check.
CALLS = [
    ("GET", "/settings/territories"),
    ("POST", "/settings/territories"),
    ("PUT", "/settings/territories/1"),
    ("DELETE", "/settings/territories"),
    ("GET", "/settings/territories/1/__child_territories"),
    ("POST", "/settings/territories/actions/transfer_and_delete"),
    ("GET", "/settings/territories/actions/associated_users_count"),
    ("PUT", "/settings/territories/1/users"),
    ("DELETE", "/settings/territories/1/users/2"),
    ("GET", "/users/1/territories"),
    ("PUT", "/users/1/territories"),
    ("DELETE", "/users/1/territories/2"),
]


@pytest.mark.parametrize(("method", "path"), CALLS)
def test_territory_endpoint_of_org_never_enabled_is_territory_not_enabled(client, backend, method, path):
    off = new_org(backend, territories=False)
    r = client.request(method, f"/crm/v7{path}", headers=off.headers, content=b"not json")
    assert (r.status_code, r.json()) == (403, NOT_ENABLED)


@pytest.mark.parametrize(("method", "path"), CALLS)
def test_territory_endpoint_after_disable_is_territory_disabled(client, backend, org, method, path):
    territory_feature.disable(backend, org.id)
    r = client.request(method, f"/crm/v7{path}", headers=org.headers, content=b"not json")
    assert (r.status_code, r.json()) == (403, DISABLED)


def test_org_created_without_territories_has_no_root_until_enabled(client, backend):
    off = new_org(backend, territories=False)
    assert territory_feature.state(backend, off.id) == "never_enabled"
    territory_feature.enable(backend, off.id)
    (root,) = client.get(BASE, headers=off.headers).json()["territories"]
    assert (root["reporting_to"], root["description"]) == (None, "Organization Parent Territory")
    assert root["manager"] == {"name": "Patricia Boyle", "id": user_id(off, "admin")}


def test_reenabling_restores_the_hierarchy_unchanged(client, backend, org):
    root = root_id(client, org)
    north = make(client, org, "North", root)
    before = client.get(BASE, headers=org.headers).json()
    territory_feature.disable(backend, org.id)
    territory_feature.enable(backend, org.id)
    assert client.get(BASE, headers=org.headers).json() == before
    assert [t["id"] for t in before["territories"]] == [root, north]


def test_disable_of_never_enabled_org_keeps_it_never_enabled(backend):
    off = new_org(backend, territories=False)
    territory_feature.disable(backend, off.id)
    assert territory_feature.state(backend, off.id) == "never_enabled"


def test_other_modules_stay_usable_while_territories_are_off(client, backend):
    off = new_org(backend, territories=False)
    assert client.get("/crm/v7/users", headers=off.headers).status_code == 200


# ---- isolation -------------------------------------------------------------------------------

def test_orgs_never_see_or_touch_each_others_territories(client, backend, org):
    other = new_org(backend)
    mine = make(client, org, "North", root_id(client, org))
    theirs_root = root_id(client, other)
    assert client.get(f"{BASE}/{mine}", headers=other.headers).status_code == 204
    assert [t["id"] for t in client.get(BASE, headers=other.headers).json()["territories"]] == [theirs_root]
    r = put(client, other, {"id": mine, "permission_type": "read_only", "name": "Stolen"})
    assert r.json()["territories"][0]["code"] == "INVALID_DATA"
    r = post(client, other, item("Child", mine))
    assert r.json()["territories"][0]["details"] == {"api_name": "reporting_to",
                                                     "json_path": "$.territories[0].reporting_to"}
    r = client.delete(f"{BASE}?ids={mine}", headers=other.headers)
    assert r.json() == {"territories": [error("INVALID_DATA", "the id given seems to be invalid", {"id": mine})]}
    r = client.put(f"{BASE}/{theirs_root}/users", headers=other.headers,
                   content=json.dumps({"users": [{"id": user_id(org, "standard")}]}))
    assert r.json()["users"][0]["code"] == "INVALID_DATA"
    # The same name is free in another org.
    make(client, other, "North", theirs_root)
    assert client.get(f"{BASE}/{mine}", headers=org.headers).json()["territories"][0]["name"] == "North"
