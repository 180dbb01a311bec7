"""At most 15 live access tokens per refresh token, the 16th evicting the oldest; expired access
tokens are purged (spec 01 §5, D-459)."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from zcrm_local.store.tables import oauth_access_tokens

INVALID_TOKEN = {"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error"}


def _refresh(client, org) -> str:
    c = org.creds
    r = client.post("/oauth/v2/token", data={"grant_type": "refresh_token", "client_id": c.client_id,
                                             "client_secret": c.client_secret, "refresh_token": c.refresh_token})
    return r.json()["access_token"]


def _get(client, token):
    return client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})


def _rows(database, org) -> int:
    with database.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(oauth_access_tokens)
                            .where(oauth_access_tokens.c.org_id == org.id)).scalar_one()


def test_the_sixteenth_access_token_evicts_the_oldest(client, org, database):
    tokens = [org.token] + [_refresh(client, org) for _ in range(15)]  # 16 minted from one refresh token
    r = _get(client, tokens[0])
    assert (r.status_code, r.json()) == (401, INVALID_TOKEN)
    assert all(_get(client, t).status_code == 200 for t in tokens[1:])
    assert _rows(database, org) == 15
    newest = _refresh(client, org)
    assert _get(client, tokens[1]).status_code == 401
    assert _get(client, newest).status_code == 200
    assert _rows(database, org) == 15


def test_expired_access_tokens_are_purged(client, org, clock, database):
    for _ in range(5):
        _refresh(client, org)
    assert _rows(database, org) == 6
    clock.advance(timedelta(hours=2))
    fresh = _refresh(client, org)
    assert _rows(database, org) == 1
    # An expired token stays dead when the clock is moved back.
    clock.advance(timedelta(hours=-2))
    assert _get(client, org.token).status_code == 401
    assert _get(client, fresh).status_code == 200
