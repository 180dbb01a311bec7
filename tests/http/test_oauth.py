"""The accounts server (spec 01): grants, refresh, client credentials, revoke, errors."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from zcrm_local.service.oauth import tokens as oauth

API = "http://127.0.0.1:8000"


def _refresh(client, creds, **extra):
    form = {"grant_type": "refresh_token", "client_id": creds.client_id, "client_secret": creds.client_secret,
            "refresh_token": creds.refresh_token, **extra}
    return client.post("/oauth/v2/token", data=form)


def test_refresh_token_grant_answers_without_refresh_token(client, org):
    r = _refresh(client, org.creds)
    assert r.status_code == 200
    body = r.json()
    assert list(body) == ["access_token", "api_domain", "token_type", "expires_in"]
    assert body["api_domain"] == API
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert "expires_in_sec" not in body
    token = body["access_token"]
    assert token.startswith("1000.") and len(token) == 70
    assert client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"}).status_code == 200


def test_refresh_token_grant_in_query_string_is_accepted(client, org):
    c = org.creds
    r = client.post(f"/oauth/v2/token?grant_type=refresh_token&client_id={c.client_id}"
                    f"&client_secret={c.client_secret}&refresh_token={c.refresh_token}")
    assert "access_token" in r.json()


def test_client_secret_by_http_basic_is_accepted(client, org):
    c = org.creds
    basic = base64.b64encode(f"{c.client_id}:{c.client_secret}".encode()).decode()
    r = client.post("/oauth/v2/token", data={"grant_type": "refresh_token", "refresh_token": c.refresh_token},
                    headers={"Authorization": f"Basic {basic}"})
    assert "access_token" in r.json()


def test_multipart_form_is_accepted(client, org):
    c = org.creds
    files = {k: (None, v) for k, v in {"grant_type": "refresh_token", "client_id": c.client_id,
                                       "client_secret": c.client_secret, "refresh_token": c.refresh_token}.items()}
    assert "access_token" in client.post("/oauth/v2/token", files=files).json()


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"client_id": "1000.NOPE"}, "invalid_client"),
        ({"client_secret": "wrong"}, "invalid_client_secret"),
        ({"refresh_token": "1000.aa.bb"}, "invalid_code"),
        ({"grant_type": "password"}, "unsupported_grant_type"),
        ({"grant_type": ""}, "unsupported_grant_type"),
    ],
)
def test_token_endpoint_errors_are_http_200_with_error(client, org, change, error):
    r = _refresh(client, org.creds, **change)
    assert (r.status_code, r.json()) == (200, {"error": error})


def test_grant_token_exchanges_once_for_refresh_and_access(client, backend, org):
    made = oauth.mint_grant(backend, org.id, ["ZohoCRM.org.READ"])
    form = {"grant_type": "authorization_code", "client_id": made.client_id, "client_secret": made.client_secret,
            "code": made.code}
    first = client.post("/oauth/v2/token", data=form).json()
    assert list(first) == ["access_token", "refresh_token", "api_domain", "token_type", "expires_in"]
    again = client.post("/oauth/v2/token", data=form)
    assert (again.status_code, again.json()) == (200, {"error": "invalid_code"})
    headers = {"Authorization": f"Zoho-oauthtoken {first['access_token']}"}
    assert client.get("/crm/v7/org", headers=headers).status_code == 200
    assert client.get("/crm/v7/users", headers=headers).json()["code"] == "OAUTH_SCOPE_MISMATCH"


def test_grant_token_expires_after_three_minutes(client, backend, org, clock):
    made = oauth.mint_grant(backend, org.id)
    clock.advance(timedelta(seconds=180))
    form = {"grant_type": "authorization_code", "client_id": made.client_id, "client_secret": made.client_secret,
            "code": made.code}
    assert client.post("/oauth/v2/token", data=form).json() == {"error": "invalid_code"}


def test_client_credentials_needs_soid(client, org):
    c = org.creds
    form = {"grant_type": "client_credentials", "client_id": c.client_id, "client_secret": c.client_secret,
            "scope": "ZohoCRM.org.ALL,ZohoCRM.users.READ"}
    assert client.post("/oauth/v2/token", data=form).json() == {"error": "missing_org_info"}
    r = client.post("/oauth/v2/token", data={**form, "soid": f"ZohoCRM.{org.id}"}).json()
    assert list(r) == ["access_token", "scope", "api_domain", "token_type", "expires_in"]
    assert r["scope"] == "ZohoCRM.org.ALL ZohoCRM.users.READ"
    # the CRM v7 page shows the same call on /oauth/v2/auth (spec Q-9)
    assert "access_token" in client.post("/oauth/v2/auth", data={**form, "soid": f"ZohoCRM.{org.id}"}).json()


def test_client_credentials_for_another_org_is_refused(client, backend, org):
    from tests.conftest import new_org

    other = new_org(backend)
    c = org.creds
    form = {"grant_type": "client_credentials", "client_id": c.client_id, "client_secret": c.client_secret,
            "scope": "ZohoCRM.org.ALL", "soid": f"ZohoCRM.{other.id}"}
    assert client.post("/oauth/v2/token", data=form).json() == {"error": "invalid_client"}


def test_revoke_invalidates_refresh_and_its_access_tokens(client, org):
    minted = _refresh(client, org.creds).json()["access_token"]
    r = client.post("/oauth/v2/token/revoke", data={"token": org.creds.refresh_token})
    assert (r.status_code, r.json()) == (200, {"status": "success"})
    for token in (org.token, minted):
        answer = client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})
        assert answer.json()["code"] == "INVALID_TOKEN"
    assert _refresh(client, org.creds).json() == {"error": "invalid_code"}


def test_revoke_unknown_token_is_400(client):
    r = client.post("/oauth/v2/token/revoke", data={"token": "1000.aa.bb"})
    assert (r.status_code, r.json()) == (400, {"error": "invalid_token"})


def test_tokens_are_stored_as_digests_only(backend, org):
    import sqlalchemy as sa

    from zcrm_local.store.tables import oauth_access_tokens, oauth_clients, oauth_refresh_tokens

    with backend.db.read() as conn:
        stored = [
            *conn.execute(sa.select(oauth_access_tokens.c.token_hash)).scalars(),
            *conn.execute(sa.select(oauth_refresh_tokens.c.token_hash)).scalars(),
            *conn.execute(sa.select(oauth_clients.c.secret_hash)).scalars(),
        ]
    for secret in (org.creds.access_token, org.creds.refresh_token, org.creds.client_secret):
        assert secret not in stored
