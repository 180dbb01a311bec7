"""In-process mode: requests and httpx calls to Zoho's hosts are answered by the emulator."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
import requests

import zcrm_local
from zcrm_local.testing.mock import current, is_zoho_host

INTERNAL = {"code": "INTERNAL_ERROR", "details": {}, "message": "Internal Server Error", "status": "error"}


def _token(zoho, accounts: str = "https://accounts.zoho.com") -> str:
    r = requests.post(f"{accounts}/oauth/v2/token", data={"grant_type": "refresh_token", **zoho.token_form})
    return r.json()["access_token"]


@pytest.fixture
def local_site() -> Iterator[str]:
    """A plain HTTP server on loopback: the "anything else" a mock must leave alone."""

    class Hello(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("host", [
    "www.zohoapis.com", "www.zohoapis.eu", "www.zohoapis.in", "www.zohoapis.com.au", "www.zohoapis.com.cn",
    "www.zohoapis.jp", "www.zohoapis.ca", "www.zohoapis.sa", "sandbox.zohoapis.com", "developer.zohoapis.eu",
    "content.zohoapis.com", "accounts.zoho.com", "accounts.zoho.eu", "accounts.zoho.com.au",
    "accounts.zohocloud.ca", "accounts.zoho.jp", "WWW.ZOHOAPIS.COM",
])
def test_is_zoho_host_for_every_data_center(host):
    assert is_zoho_host(host)


@pytest.mark.parametrize("host", ["zoho.com", "www.zoho.com", "crm.zoho.com", "zohoapis.example.org.evil",
                                  "example.com", "127.0.0.1", "notzohoapis.com", "accounts.zoho.com.evil.io", ""])
def test_is_zoho_host_for_other_hosts_is_false(host):
    assert not is_zoho_host(host)


def test_requests_to_zoho_urls_reach_emulator():
    with zcrm_local.mock() as zoho:
        token = _token(zoho)
        r = requests.get("https://www.zohoapis.com/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/json;charset=UTF-8"
        assert r.json()["org"][0]["id"] == zoho.credentials["org_id"]


def test_token_answer_api_domain_is_zoho_host():
    with zcrm_local.mock() as zoho:
        r = requests.post("https://accounts.zoho.eu/oauth/v2/token",
                          data={"grant_type": "refresh_token", **zoho.token_form})
        assert r.json()["api_domain"] == "https://www.zohoapis.com"


def test_httpx_sync_and_async_to_zoho_urls_reach_emulator():
    with zcrm_local.mock() as zoho:
        headers = {"Authorization": f"Zoho-oauthtoken {zoho.credentials['access_token']}"}
        assert httpx.get("https://www.zohoapis.in/crm/v7/users", headers=headers).status_code == 200

        async def call() -> httpx.Response:
            async with httpx.AsyncClient() as c:
                return await c.get("https://www.zohoapis.eu/crm/v7/org", headers=headers)

        r = asyncio.run(call())
        assert (r.status_code, r.json()["org"][0]["id"]) == (200, zoho.credentials["org_id"])


def test_zoho_error_answer_is_exact_through_requests():
    with zcrm_local.mock():
        r = requests.get("https://www.zohoapis.com/crm/v7/org")
        assert (r.status_code, r.json()) == (401, {"code": "AUTHENTICATION_FAILURE", "details": {},
                                                   "message": "Authentication failed", "status": "error"})


def test_fault_set_through_mock_org_is_answered():
    with zcrm_local.mock() as zoho:
        zoho.org.add_fault("/crm/v7/org", error="INTERNAL_ERROR", count=1)
        headers = {"Authorization": f"Zoho-oauthtoken {zoho.credentials['access_token']}"}
        r = requests.get("https://www.zohoapis.com/crm/v7/org", headers=headers)
        assert (r.status_code, r.json()) == (500, INTERNAL)
        assert requests.get("https://www.zohoapis.com/crm/v7/org", headers=headers).status_code == 200


def test_clock_advanced_through_mock_expires_token():
    with zcrm_local.mock() as zoho:
        headers = {"Authorization": f"Zoho-oauthtoken {zoho.credentials['access_token']}"}
        zoho.org.freeze()
        zoho.org.advance(hours=1)
        r = requests.get("https://www.zohoapis.com/crm/v7/org", headers=headers)
        assert (r.status_code, r.json()["code"]) == (401, "INVALID_TOKEN")


def test_other_hosts_pass_through_by_default(local_site):
    with zcrm_local.mock():
        assert requests.get(local_site).text == "hello"
        assert httpx.get(local_site).text == "hello"


def test_other_hosts_are_refused_without_passthrough(local_site):
    with zcrm_local.mock(passthrough=False):
        with pytest.raises(requests.exceptions.ConnectionError, match="refuses calls to 127.0.0.1"):
            requests.get(local_site)
        with pytest.raises(httpx.ConnectError, match="refuses calls to 127.0.0.1"):
            httpx.get(local_site)


def test_mock_exit_restores_network_access(local_site):
    with zcrm_local.mock(passthrough=False):
        pass
    assert requests.get(local_site).text == "hello"


def test_each_mock_starts_with_a_fresh_org():
    with zcrm_local.mock() as first:
        first_org = first.credentials["org_id"]
    with zcrm_local.mock() as second:
        assert second.credentials["org_id"] != first_org


def test_nested_mock_is_refused():
    with zcrm_local.mock(), pytest.raises(RuntimeError, match="already active"), zcrm_local.mock():
        pass


@zcrm_local.mock()
def test_mock_as_decorator_routes_calls():
    zoho = current()
    r = requests.get("https://www.zohoapis.com/crm/v7/org",
                     headers={"Authorization": f"Zoho-oauthtoken {zoho.credentials['access_token']}"})
    assert r.status_code == 200


def test_sdk_with_zoho_data_center_runs_against_mock(tmp_path):
    sdk = pytest.importorskip("zohocrmsdk.src.com.zoho.crm.api.initializer")
    from zohocrmsdk.src.com.zoho.api.authenticator.oauth_token import OAuthToken
    from zohocrmsdk.src.com.zoho.api.authenticator.store import FileStore
    from zohocrmsdk.src.com.zoho.crm.api.dc import USDataCenter
    from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations

    from zcrm_local.testing.plugin import _reset_sdk

    (tmp_path / "resources").mkdir()
    _reset_sdk()
    try:
        with zcrm_local.mock(passthrough=False) as zoho:
            sdk.Initializer.initialize(
                environment=USDataCenter.PRODUCTION(),
                token=OAuthToken(client_id=zoho.credentials["client_id"],
                                 client_secret=zoho.credentials["client_secret"],
                                 refresh_token=zoho.credentials["refresh_token"]),
                # The SDK's default token store is a file in the current directory.
                store=FileStore(str(tmp_path / "tokens.csv")),
                resource_path=str(tmp_path / "resources"))
            response = OrgOperations().get_organization()
            assert response.get_status_code() == 200
            assert str(response.get_object().get_org()[0].get_id()) == zoho.credentials["org_id"]
    finally:
        _reset_sdk()
