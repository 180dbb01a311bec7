"""Query parameters and path ids of territory reads, and the scopes each endpoint accepts."""

from __future__ import annotations

import pytest

from tests.conftest import new_org
from tests.http.territories.helpers import BASE, ID_INVALID, configure, error, make, root_id, user_id


def test_get_non_numeric_id_is_invalid_path_id(client, org):
    r = client.get(f"{BASE}/north", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", ID_INVALID, {"resource_path_index": 2}))


def test_list_per_page_above_2000_is_invalid_data(client, org):
    r = client.get(f"{BASE}?per_page=2001", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", "invalid data", {"param_name": "per_page"}))


def test_child_list_per_page_above_200_is_invalid_data(client, org):
    r = client.get(f"{BASE}/{root_id(client, org)}/__child_territories?per_page=201", headers=org.headers)
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", "invalid data", {"param_name": "per_page"}))


def test_list_unknown_include_is_invalid_data(client, org):
    r = client.get(f"{BASE}?include=contact_rule_criteria", headers=org.headers)
    supported = ["account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria"]
    assert (r.status_code, r.json()) == (400, error("INVALID_DATA", "invalid data",
                                                    {"param_name": "include", "supported_values": supported}))


def test_list_include_omits_rules_switched_off(client, backend, org):
    configure(backend, org, lead_rule_enabled=False)
    (root,) = client.get(f"{BASE}?include=lead_rule_criteria,account_rule_criteria",
                         headers=org.headers).json()["territories"]
    assert ("lead_rule_criteria" in root, root["account_rule_criteria"]) == (False, None)


def test_run_rules_of_later_releases_is_invalid_url_pattern(client, org):
    r = client.post(f"{BASE}/actions/run_rules", headers=org.headers)
    assert (r.status_code, r.json()) == (404, error("INVALID_URL_PATTERN",
                                                    "Please check if the URL trying to access is a correct one"))


@pytest.mark.parametrize("scope", ["ZohoCRM.users.READ", "ZohoCRM.settings.territories.READ"])
def test_user_territories_accept_users_or_territories_scope(client, backend, scope):
    other = new_org(backend, scopes=[scope])
    r = client.get(f"/crm/v7/users/{user_id(other, 'admin')}/territories", headers=other.headers)
    assert r.status_code == 200


@pytest.mark.parametrize("scope", ["ZohoCRM.settings.territories.DELETE", "ZohoCRM.settings.territories.ALL"])
def test_transfer_accepts_delete_or_all_scope(client, backend, scope):
    other = new_org(backend, scopes=[scope, "ZohoCRM.settings.territories.READ",
                                     "ZohoCRM.settings.territories.CREATE"])
    root = root_id(client, other)
    north = make(client, other, "North", root)
    r = client.post(f"{BASE}/{north}/actions/transfer_and_delete", headers=other.headers,
                    json={"territories": [{"transfer_to_id": root}]})
    assert r.status_code == 200


def test_transfer_with_read_scope_is_scope_mismatch(client, backend):
    other = new_org(backend, scopes=["ZohoCRM.settings.territories.READ"])
    r = client.post(f"{BASE}/actions/transfer_and_delete", headers=other.headers, json={})
    assert (r.status_code, r.json()) == (401, error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL"))

