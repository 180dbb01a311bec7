"""client_credentials never mints more than the self client was granted (D-451)."""

from __future__ import annotations

import pytest

from tests.conftest import new_org


def _form(org, scope: str, soid: str | None = None) -> dict[str, str]:
    c = org.creds
    return {"grant_type": "client_credentials", "client_id": c.client_id, "client_secret": c.client_secret,
            "scope": scope, "soid": soid if soid is not None else f"ZohoCRM.{org.id}"}


@pytest.fixture
def narrow(backend):
    return new_org(backend, scopes=["ZohoCRM.org.READ", "ZohoCRM.modules.services.ALL", "ZohoCRM.settings.READ"])


@pytest.mark.parametrize("scope", [
    "ZohoCRM.modules.ALL", "ZohoCRM.org.ALL", "ZohoCRM.users.READ", "ZohoCRM.modules.READ",
    "ZohoCRM.modules.accounts.READ", "ZohoCRM.settings.ALL", "ZohoCRM.settings.territories.ALL",
    "ZohoCRM.org.READ,ZohoCRM.modules.ALL",
])
def test_a_scope_beyond_the_grant_is_invalid_scope(client, narrow, scope):
    r = client.post("/oauth/v2/token", data=_form(narrow, scope))
    assert (r.status_code, r.json()) == (200, {"error": "invalid_scope"})


@pytest.mark.parametrize("scope", [
    "ZohoCRM.org.READ", "zohocrm.org.read", "ZohoCRM.modules.services.READ", "ZohoCRM.modules.services.ALL",
    "ZohoCRM.settings.territories.READ", "ZohoCRM.settings.READ,ZohoCRM.org.READ",
])
def test_a_scope_within_the_grant_is_minted(client, narrow, scope):
    r = client.post("/oauth/v2/token", data=_form(narrow, scope))
    assert r.status_code == 200
    assert r.json()["scope"] == scope.replace(",", " ")


@pytest.mark.parametrize("scope", ["ZohoCRM.bogus.ALL", "Bogus.scope", "ZohoCRM.modules.ALLX", "ZohoCRM.modules",
                                   "ZohoCRM.modules.a-b.READ", "ZohoCRM.modules.x.y.READ", "", ","])
def test_an_unknown_or_missing_scope_is_invalid_scope(client, org, scope):
    r = client.post("/oauth/v2/token", data=_form(org, scope))
    assert (r.status_code, r.json()) == (200, {"error": "invalid_scope"})


@pytest.mark.parametrize("soid", ["ZohoCRM.", "ZohoCRM.abc", "ZohoCRM.12\u00b2", "Other.{id}", "{id}",
                                  "ZohoCRM.99999999999999999999999"])
def test_a_malformed_soid_is_missing_org_info(client, org, soid):
    r = client.post("/oauth/v2/token", data=_form(org, "ZohoCRM.org.READ", soid.format(id=org.id)))
    assert (r.status_code, r.json()) == (200, {"error": "missing_org_info"})


def test_a_minted_narrow_token_reaches_only_its_scope(client, narrow):
    token = client.post("/oauth/v2/token", data=_form(narrow, "ZohoCRM.org.READ")).json()["access_token"]
    headers = {"Authorization": f"Zoho-oauthtoken {token}"}
    assert client.get("/crm/v7/org", headers=headers).status_code == 200
    r = client.get("/crm/v7/users", headers=headers)
    assert (r.status_code, r.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
