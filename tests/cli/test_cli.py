"""The ``zcrm-local`` command: serve's banner, credentials, grant, org create, db upgrade."""

from __future__ import annotations

import json
import os
import re
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner, Result

from zcrm_local.cli import app
from zcrm_local.config import Settings
from zcrm_local.http.app import create_app
from zcrm_local.store.db import Database
from zcrm_local.store.migrate import current_revision, head_revision
from zcrm_local.store.org import orgs as org_store

from tests.live_server import running_server

PORT = 8123
API = f"http://127.0.0.1:{PORT}"
TOKEN = r"1000\.[0-9a-f]{32}\.[0-9a-f]{32}"
CLIENT_ID = r"1000\.[A-Z0-9]{30}"
SECRET = r"[a-z0-9]{42}"
SCOPE_MISMATCH = {"code": "OAUTH_SCOPE_MISMATCH", "details": {}, "message": "invalid oauth scope to access this URL",
                  "status": "error"}


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'x.db'}"


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Runs a command on the test's database; only the flags and the port below count."""
    for name in [k for k in os.environ if k.startswith("ZCRM_LOCAL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ZCRM_LOCAL_PORT", str(PORT))
    runner = CliRunner()

    def run(*args: str, expect: int = 0) -> Result:
        result = runner.invoke(app, [*args, "--database-url", db_url])
        assert result.exit_code == expect, result.output
        return result

    return run


@pytest.fixture
def api(db_url: str) -> Iterator[TestClient]:
    db = Database(db_url)
    try:
        yield TestClient(create_app(Settings(database_url=db_url, port=PORT), db=db), raise_server_exceptions=False)
    finally:
        db.dispose()


def as_json(result: Result) -> dict[str, Any]:
    return json.loads(result.stdout)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Zoho-oauthtoken {token}"}


def stored_orgs(db_url: str) -> dict[int, Any]:
    db = Database(db_url)
    try:
        with db.read() as conn:
            return {int(row["id"]): row for row in org_store.list_orgs(conn)}
    finally:
        db.dispose()


def banner_rows(output: str) -> dict[str, str]:
    """The banner's ``  <label padded to 14> <value>`` rows by label."""
    found = (re.fullmatch(r"  (.{14}) (\S.*)", line) for line in output.splitlines())
    return {m.group(1).strip(): m.group(2) for m in found if m}


def test_serve_prints_banner_with_urls_and_working_credentials(tmp_path, db_url):
    with running_server(db_url, tmp_path) as server:
        output = server.output()
        (org_id,) = stored_orgs(db_url)
        assert output.startswith("zcrm-local is ready. Administrator credentials of the default org:\n")
        rows = banner_rows(output)
        assert rows["API base URL"] == f"{server.base_url}/crm/v7"
        assert rows["Accounts URL"] == f"{server.base_url}/oauth/v2/token"
        assert rows["Database"] == db_url
        assert rows["Org id"] == str(org_id)
        assert re.fullmatch(CLIENT_ID, rows["client_id"]) and re.fullmatch(SECRET, rows["client_secret"])
        assert re.fullmatch(TOKEN, rows["refresh_token"]) and re.fullmatch(TOKEN, rows["access_token"])
        assert (f"  try: curl -H 'Authorization: Zoho-oauthtoken {rows['access_token']}' "
                f"{server.base_url}/crm/v7/org") in output.splitlines()
        with httpx.Client(base_url=server.base_url, trust_env=False) as http:
            assert http.get("/crm/v7/org", headers=bearer(rows["access_token"])).json()["org"][0]["id"] == str(org_id)
            minted = http.post("/oauth/v2/token", data={
                "grant_type": "refresh_token", "client_id": rows["client_id"],
                "client_secret": rows["client_secret"], "refresh_token": rows["refresh_token"]}).json()
            assert http.get("/crm/v7/org", headers=bearer(minted["access_token"])).status_code == 200
    # uvicorn shuts down, then re-raises the SIGTERM it caught; a SIGKILL after the timeout would be -9.
    assert server.process.returncode == -signal.SIGTERM


def test_credentials_json_has_exactly_the_documented_keys(cli, db_url):
    info = as_json(cli("credentials", "--json"))
    assert list(info) == ["client_id", "client_secret", "refresh_token", "access_token", "api_domain",
                          "accounts_url", "org_id"]
    (org_id,) = stored_orgs(db_url)
    assert info["org_id"] == str(org_id)
    assert info["api_domain"] == API
    assert info["accounts_url"] == f"{API}/oauth/v2/token"
    assert re.fullmatch(CLIENT_ID, info["client_id"])
    assert re.fullmatch(SECRET, info["client_secret"])
    assert re.fullmatch(TOKEN, info["refresh_token"]) and re.fullmatch(TOKEN, info["access_token"])


def test_credentials_beside_a_server_print_that_servers_url(tmp_path, db_url, monkeypatch):
    # Started on a free port, not the default 8000: the CLI must point at this server (D-26).
    for name in [k for k in os.environ if k.startswith("ZCRM_LOCAL_")]:
        monkeypatch.delenv(name)
    runner = CliRunner()
    with running_server(db_url, tmp_path) as server:
        assert not server.base_url.endswith(":8000")
        result = runner.invoke(app, ["credentials", "--json", "--database-url", db_url])
        assert result.exit_code == 0, result.output
        info = json.loads(result.stdout)
        assert info["api_domain"] == server.base_url
        assert info["accounts_url"] == f"{server.base_url}/oauth/v2/token"
        with httpx.Client(base_url=info["api_domain"], trust_env=False) as http:
            assert http.get("/crm/v7/org", headers=bearer(info["access_token"])).status_code == 200
        granted = json.loads(runner.invoke(app, ["grant", "--json", "--database-url", db_url]).stdout)
        assert granted["accounts_url"] == f"{server.base_url}/oauth/v2/token"
        # The environment still wins: a server behind a proxy.
        monkeypatch.setenv("ZCRM_LOCAL_PUBLIC_URL", "https://crm.example.test")
        proxied = json.loads(runner.invoke(app, ["credentials", "--json", "--database-url", db_url]).stdout)
        assert proxied["api_domain"] == "https://crm.example.test"


def test_credentials_access_token_reads_the_default_org(cli, api):
    info = as_json(cli("credentials", "--json"))
    r = api.get("/crm/v7/org", headers=bearer(info["access_token"]))
    assert r.status_code == 200
    assert r.json()["org"][0]["id"] == info["org_id"]


def test_credentials_twice_mints_distinct_clients_of_one_default_org(cli, db_url):
    first, second = as_json(cli("credentials", "--json")), as_json(cli("credentials", "--json"))
    assert first["org_id"] == second["org_id"]
    assert first["client_id"] != second["client_id"]
    assert first["access_token"] != second["access_token"]
    assert len(stored_orgs(db_url)) == 1


def test_credentials_with_scope_refuses_calls_outside_it(cli, api):
    info = as_json(cli("credentials", "--scope", "ZohoCRM.org.READ", "--json"))
    assert api.get("/crm/v7/org", headers=bearer(info["access_token"])).status_code == 200
    r = api.get("/crm/v7/users", headers=bearer(info["access_token"]))
    assert r.status_code == 401
    assert r.json() == SCOPE_MISMATCH
    # Tokens refreshed later keep the refresh token's scopes.
    minted = api.post("/oauth/v2/token", data={"grant_type": "refresh_token", "client_id": info["client_id"],
                                               "client_secret": info["client_secret"],
                                               "refresh_token": info["refresh_token"]}).json()
    assert api.get("/crm/v7/users", headers=bearer(minted["access_token"])).json() == SCOPE_MISMATCH


def test_credentials_with_unknown_org_exits_2(cli):
    result = cli("credentials", "--org", "No Such Org", "--json", expect=2)
    assert "no org 'No Such Org'" in result.output


def test_grant_code_is_exchanged_exactly_once(cli, api):
    grant = as_json(cli("grant", "--json"))
    assert list(grant) == ["client_id", "client_secret", "grant_token", "expires_in", "accounts_url"]
    assert grant["expires_in"] == 180
    assert grant["accounts_url"] == f"{API}/oauth/v2/token"
    form = {"grant_type": "authorization_code", "client_id": grant["client_id"],
            "client_secret": grant["client_secret"], "code": grant["grant_token"]}
    first = api.post("/oauth/v2/token", data=form)
    assert first.status_code == 200
    body = first.json()
    assert list(body) == ["access_token", "refresh_token", "api_domain", "token_type", "expires_in"]
    assert api.get("/crm/v7/org", headers=bearer(body["access_token"])).status_code == 200
    second = api.post("/oauth/v2/token", data=form)
    assert second.status_code == 200
    assert second.json() == {"error": "invalid_code"}


def test_org_create_makes_an_org_whose_token_cannot_read_the_first(cli, api, db_url):
    first = as_json(cli("credentials", "--json"))
    made = as_json(cli("org", "create", "Second Org", "--json"))
    assert list(made) == ["client_id", "client_secret", "refresh_token", "access_token", "api_domain",
                          "accounts_url", "org_id", "name"]
    assert made["name"] == "Second Org"
    assert made["org_id"] != first["org_id"]
    orgs = stored_orgs(db_url)
    assert set(orgs) == {int(first["org_id"]), int(made["org_id"])}
    assert orgs[int(made["org_id"])]["company_name"] == "Second Org"
    assert orgs[int(made["org_id"])]["territory_state"] == "enabled"

    (first_admin,) = api.get("/crm/v7/users?type=CurrentUser", headers=bearer(first["access_token"])).json()["users"]
    second = bearer(made["access_token"])
    assert api.get("/crm/v7/org", headers=second).json()["org"][0]["id"] == made["org_id"]
    assert api.get(f"/crm/v7/users/{first_admin['id']}", headers=second).status_code == 204
    second_users = api.get("/crm/v7/users", headers=second).json()["users"]
    assert first_admin["id"] not in {u["id"] for u in second_users}


def test_org_create_with_territories_off_leaves_the_feature_never_enabled(cli, db_url):
    made = as_json(cli("org", "create", "No Territories", "--territories", "off", "--json"))
    assert stored_orgs(db_url)[int(made["org_id"])]["territory_state"] == "never_enabled"


def test_org_create_with_bad_territories_value_exits_2(cli, db_url):
    result = cli("org", "create", "Bad", "--territories", "maybe", expect=2)
    assert "on or off" in result.output


def test_db_upgrade_twice_reaches_head_each_time(cli, db_url):
    for _ in range(2):
        assert cli("db", "upgrade").stdout == "database is at the newest schema\n"
    db = Database(db_url)
    try:
        assert current_revision(db) == head_revision() is not None
    finally:
        db.dispose()
