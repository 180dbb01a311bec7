"""U+0000 and other text no store can hold, at every edge that reaches SQL (D-452).

PostgreSQL once answered 500 for each of these; run on both stores."""

from __future__ import annotations

import base64

import pytest

from tests.admin.conftest import ADMIN_KEY
from zcrm_local.service.harness.admin import install_admin_key

NUL = "1000.\u0000X"


def _cc(org, **changes: str) -> dict[str, str]:
    c = org.creds
    form = {"grant_type": "client_credentials", "client_id": c.client_id, "client_secret": c.client_secret,
            "scope": "ZohoCRM.org.READ", "soid": f"ZohoCRM.{org.id}"}
    return {**form, **changes}


@pytest.fixture(params=["idle", "journal"])
def harness_mode(request, client, backend, org):
    """With a journal the harness looks the client id up before the endpoint does."""
    if request.param == "journal":
        install_admin_key(backend, ADMIN_KEY)
        r = client.put(f"/_zcrm/orgs/{org.id}/journal", json={"size": 5}, headers={"X-ZCRM-Admin-Key": ADMIN_KEY})
        assert r.status_code == 200
    return request.param


def test_a_nul_client_id_in_the_form_is_invalid_client(client, org, harness_mode):
    r = client.post("/oauth/v2/token", data=_cc(org, client_id=NUL))
    assert (r.status_code, r.json()) == (200, {"error": "invalid_client"})


def test_a_nul_client_id_in_the_query_is_invalid_client(client, org, harness_mode):
    form = _cc(org)
    del form["client_id"]
    r = client.post("/oauth/v2/token", params={"client_id": NUL}, data=form)
    assert (r.status_code, r.json()) == (200, {"error": "invalid_client"})


def test_a_nul_client_id_in_basic_auth_is_invalid_client(client, org, harness_mode):
    form = _cc(org)
    del form["client_id"], form["client_secret"]
    basic = base64.b64encode(f"{NUL}:{org.creds.client_secret}".encode()).decode()
    r = client.post("/oauth/v2/token", data=form, headers={"Authorization": f"Basic {basic}"})
    assert (r.status_code, r.json()) == (200, {"error": "invalid_client"})


@pytest.mark.parametrize(("field", "answer"), [
    ("scope", "invalid_scope"), ("soid", "missing_org_info"), ("client_secret", "invalid_client_secret"),
    ("grant_type", "unsupported_grant_type")])
def test_a_nul_in_another_token_parameter_is_its_documented_error(client, org, harness_mode, field, answer):
    r = client.post("/oauth/v2/token", data=_cc(org, **{field: "ZohoCRM.\u0000"}))
    assert (r.status_code, r.json()) == (200, {"error": answer})


def test_a_nul_refresh_token_is_invalid_code(client, org, harness_mode):
    c = org.creds
    r = client.post("/oauth/v2/token", data={"grant_type": "refresh_token", "client_id": c.client_id,
                                             "client_secret": c.client_secret, "refresh_token": "\u0000"})
    assert (r.status_code, r.json()) == (200, {"error": "invalid_code"})


def test_revoking_a_nul_token_is_invalid_token(client, org, harness_mode):
    r = client.post("/oauth/v2/token/revoke", data={"token": "1000.\u0000"})
    assert (r.status_code, r.json()) == (400, {"error": "invalid_token"})


_UNSTORABLE = {"error": {"code": "INVALID_INPUT",
                         "message": "text holds U+0000 or an unpaired surrogate, which cannot be stored"}}


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/orgs", {"name": "a\u0000b"}),
    ("POST", "/orgs/{org}/credentials", {"scopes": ["ZohoCRM.org.\u0000"]}),
    ("POST", "/orgs/{org}/faults", {"path": "/crm/v7/\u0000", "error": "INTERNAL_ERROR"}),
    ("PUT", "/orgs/{org}/profile", {"profile": "live\u0000"}),
    ("GET", "/orgs/{org}/journal?path=%00", None),
    ("GET", "/orgs/{org}/journal?code=A%00", None),
    ("GET", "/orgs/{org}/journal?method=G%00", None),
])
def test_a_nul_in_admin_input_is_invalid_input(client, backend, org, method, path, body):
    install_admin_key(backend, ADMIN_KEY)
    r = client.request(method, "/_zcrm" + path.format(org=org.id), json=body,
                       headers={"X-ZCRM-Admin-Key": ADMIN_KEY})
    assert (r.status_code, r.json()) == (400, _UNSTORABLE)
