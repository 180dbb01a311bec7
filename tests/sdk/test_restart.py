"""Issued tokens survive a restart: the SDK never retries a 401, so a token the server forgot
would fail every call until its stored expiry (spec 30 §2, §9.8)."""

from __future__ import annotations

import signal

import httpx
import pytest
from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations

from tests.live_server import database_url_in, run_cli, running_server, start_server
from tests.sdk.conftest import Sdk, SdkServer

pytestmark = pytest.mark.sdk


def test_access_token_after_restart_still_reads_the_org(tmp_path):
    db_url = database_url_in(tmp_path)
    with running_server(db_url, tmp_path) as first:
        creds = run_cli("credentials", "--database-url", db_url, port=first.port)
    assert first.process.returncode == -signal.SIGTERM  # a graceful stop, not the SIGKILL fallback
    with running_server(db_url, tmp_path) as second:
        r = httpx.get(f"{second.base_url}/crm/v7/org", trust_env=False,
                      headers={"Authorization": f"Zoho-oauthtoken {creds['access_token']}"})
        assert r.status_code == 200
        assert r.json()["org"][0]["id"] == creds["org_id"]


def test_sdk_after_restart_on_same_port_keeps_using_its_stored_token(tmp_path, sdk_isolated):
    db_url = database_url_in(tmp_path)
    server = start_server(db_url, tmp_path)
    try:
        creds = run_cli("credentials", "--database-url", db_url, port=server.port)
        sdk = Sdk(SdkServer(server, creds), tmp_path)
        sdk.init_refresh()
        (before,) = sdk.stored_tokens()
        server.stop()
        server = start_server(db_url, tmp_path, port=server.port)
        response = OrgOperations().get_organization()
        assert response.get_status_code() == 200
        assert int(response.get_object().get_org()[0].get_id()) == int(creds["org_id"])
        # Same access token: the call was not rescued by a new token.
        assert sdk.stored_tokens() == [before]
    finally:
        server.stop()
