"""Page tokens: signed with the installation's secret; any token this server did not make
for this user and these parameters is TOKEN_BOUND_DATA_MISMATCH (D-74, D-455)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from tests.http.services.helpers import seed_item
from zcrm_local.store.harness.server_info import get_info

MISMATCH = {"code": "TOKEN_BOUND_DATA_MISMATCH", "details": {"param_name": "page_token"},
            "message": "The page_token given seems to be invalid or input param is added or altered or deleted",
            "status": "error"}
URL = "/crm/v7/Services__s"
QUERY = {"fields": "Service_Name", "per_page": "1"}


def _seed(client, org, n=3):
    r = client.post("/crm/v7/Services__s", json={"data": [seed_item(org) for _ in range(n)]}, headers=org.headers)
    assert r.status_code == 201


@pytest.mark.parametrize("token", ["é", "\u00e9.\u00e9", "ü" * 40 + "." + "0" * 32, "abc", ".", "", "a.b.c",
                                   "%FF%FE", "\U0001F600"])
def test_a_malformed_page_token_is_token_bound_data_mismatch(client, org, token):
    r = client.get(URL, params={**QUERY, "page_token": token}, headers=org.headers)
    assert (r.status_code, r.json()) == (400, MISMATCH)


def _forge(key: bytes, payload: dict) -> str:
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"{body}.{hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]}"


def test_a_token_signed_with_the_public_values_is_refused(client, org):
    """The old key was sha256 of the org id and zgid, both public (GET /org)."""
    _seed(client, org)
    first = client.get(URL, params=QUERY, headers=org.headers).json()
    body = first["info"]["next_page_token"].partition(".")[0]
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    zgid = client.get("/crm/v7/org", headers=org.headers).json()["org"][0]["zgid"]
    public_key = hashlib.sha256(f"zcrm-page-token:{org.id}:{zgid}".encode()).digest()
    for forged in ({**payload, "o": -5}, {**payload, "e": 2**40}, payload):
        r = client.get(URL, params={**QUERY, "page_token": _forge(public_key, forged)}, headers=org.headers)
        assert (r.status_code, r.json()) == (400, MISMATCH)


def test_the_installation_secret_is_kept_in_the_database_and_shared(client, org, backend, database, settings, clock):
    from zcrm_local.http.app import create_app
    from starlette.testclient import TestClient

    _seed(client, org)
    token = client.get(URL, params=QUERY, headers=org.headers).json()["info"]["next_page_token"]
    with database.read() as conn:
        secret = get_info(conn, "installation_secret")
    assert secret is not None and len(bytes.fromhex(secret)) == 32
    # Another process on the same database (a second app) accepts the token.
    other = TestClient(create_app(settings, clock=clock, db=database))
    r = other.get(URL, params={**QUERY, "page_token": token}, headers=org.headers)
    assert r.status_code == 200 and r.json()["info"]["page"] == 2
