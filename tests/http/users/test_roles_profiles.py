"""GET /settings/roles and /settings/profiles, list and by id (spec 40 §19.5)."""

from __future__ import annotations

import pytest

from tests.conftest import token_for
from tests.http.users.helpers import error

ROLES = "/crm/v7/settings/roles"
PROFILES = "/crm/v7/settings/profiles"


def test_roles(client, org):
    r = client.get(ROLES, headers=org.headers)
    assert r.status_code == 200
    roles = {role["name"]: role for role in r.json()["roles"]}
    assert set(roles) == {"CEO", "Manager", "Sales Representative"}
    ceo = roles["CEO"]
    assert ceo == {"display_label": "CEO", "forecast_manager": None, "share_with_peers": True, "name": "CEO",
                   "description": None, "id": ceo["id"], "reporting_to": None, "admin_user": True}
    assert roles["Manager"]["reporting_to"] == {"name": "CEO", "id": ceo["id"]}
    assert roles["Manager"]["admin_user"] is False
    one = client.get(f"{ROLES}/{ceo['id']}", headers=org.headers)
    assert one.status_code == 200 and one.json() == {"roles": [ceo]}


def test_profiles(client, org):
    r = client.get(PROFILES, headers=org.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["info"] == {"per_page": 200, "count": 2, "page": 1, "more_records": False}
    profiles = {p["name"]: p for p in body["profiles"]}
    admin = profiles["Administrator"]
    assert admin == {
        "display_label": "Administrator", "created_time": "2026-11-23T12:00:00+05:30",
        "modified_time": "2026-11-23T12:00:00+05:30", "name": "Administrator", "modified_by": None,
        "description": None, "id": admin["id"], "category": False, "created_by": None, "custom": False,
        "default": True, "type": "normal_profile",
        "_default_view": {"name": "Administrator", "id": admin["id"], "type": "profile"},
    }
    assert profiles["Standard"]["default"] is False
    one = client.get(f"{PROFILES}/{admin['id']}", headers=org.headers)
    assert one.status_code == 200 and one.json() == {"profiles": [admin]}


@pytest.mark.parametrize("base", [ROLES, PROFILES])
@pytest.mark.parametrize("ident", ["123", "abc"])
def test_unknown_id(client, org, base, ident):
    r = client.get(f"{base}/{ident}", headers=org.headers)
    assert r.status_code == 400
    assert r.json() == error("INVALID_DATA", "the id given seems to be invalid", {"resource_path_index": 2})


def test_other_orgs_roles_are_unknown(client, backend, org):
    from tests.conftest import new_org

    other = new_org(backend)
    role_id = client.get(ROLES, headers=other.headers).json()["roles"][0]["id"]
    r = client.get(f"{ROLES}/{role_id}", headers=org.headers)
    assert r.status_code == 400


@pytest.mark.parametrize(("base", "scope", "status"), [
    (ROLES, "ZohoCRM.settings.roles.READ", 200), (ROLES, "ZohoCRM.settings.ALL", 200),
    (ROLES, "ZohoCRM.settings.profiles.READ", 401), (PROFILES, "ZohoCRM.settings.profiles.ALL", 200),
    (PROFILES, "ZohoCRM.users.ALL", 401),
])
def test_scopes(client, backend, org, base, scope, status):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'admin', [scope])}"}
    assert client.get(base, headers=headers).status_code == status


def test_standard_user_reads_roles(client, backend, org):
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, 'standard')}"}
    assert client.get(ROLES, headers=headers).status_code == 200
