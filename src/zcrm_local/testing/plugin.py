"""The pytest plugin (entry point ``pytest11``: ``zcrm_local``).

Fixtures:

- ``zcrm_server`` (session): a zcrm-local server running in the background on a free port with a
  database of its own (or the server named by ``--zcrm-url`` and ``--zcrm-admin-key``).
- ``zcrm_org``: a fresh org per test (users, business hours, preferences, root territory…),
  deleted afterwards; its URLs, administrator credentials and admin actions (clock, faults,
  limits, journal, reset, snapshots).
- ``zcrm_sdk``: ``zcrm_org`` with the official SDK (``zohocrmsdk7-0``) initialised against it;
  skips the test when the SDK is not installed.

This module imports nothing heavy at load time: it is loaded in every pytest run of an
environment that has zcrm-local installed.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from zcrm_local.testing.client import AdminClient, OrgAdmin

READY_SECONDS = 30
URL_ENV = "ZCRM_LOCAL_URL"
KEY_ENV = "ZCRM_LOCAL_ADMIN_KEY"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("zcrm-local", "zcrm-local test server")
    group.addoption("--zcrm-url", default=os.environ.get(URL_ENV),
                    help=f"use this running server instead of starting one (env {URL_ENV})")
    group.addoption("--zcrm-admin-key", default=os.environ.get(KEY_ENV),
                    help=f"its admin key (env {KEY_ENV})")
    group.addoption("--zcrm-database-url", default=None,
                    help="database of the background server (default: a SQLite file in a temporary directory)")
    group.addoption("--zcrm-keep-orgs", action="store_true", default=False,
                    help="do not delete the orgs tests made (to look at them afterwards)")
    group.addoption("--zcrm-journal-size", type=int, default=200,
                    help="requests each test org keeps in its journal (0: off)")


@dataclass
class ZcrmServer:
    url: str
    admin_key: str
    admin: AdminClient
    database_url: str | None = None


class ZcrmOrg(OrgAdmin):
    """A test's org: where it is, how to log in, and its admin actions (see ``OrgAdmin``)."""

    def __init__(self, server: ZcrmServer, made: dict[str, Any]) -> None:
        super().__init__(server.admin, made["org"]["id"])
        self.server = server
        self.credentials: dict[str, str] = made["credentials"]
        self.users: dict[str, str] = made["users"]

    @property
    def base_url(self) -> str:
        """What the SDK's environment takes as its API URL (it appends /crm/v7/…)."""
        return self.server.url

    @property
    def api_url(self) -> str:
        return f"{self.server.url}/crm/v7"

    @property
    def accounts_url(self) -> str:
        """The full token URL."""
        return f"{self.server.url}/oauth/v2/token"

    @property
    def client_id(self) -> str:
        return self.credentials["client_id"]

    @property
    def client_secret(self) -> str:
        return self.credentials["client_secret"]

    @property
    def refresh_token(self) -> str:
        return self.credentials["refresh_token"]

    @property
    def access_token(self) -> str:
        return self.credentials["access_token"]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Zoho-oauthtoken {self.access_token}"}


class _BackgroundServer:
    def __init__(self, app: Any, port: int) -> None:
        import uvicorn

        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="zcrm-local-server", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + READY_SECONDS
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the zcrm-local test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def zcrm_server(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ZcrmServer]:
    url = pytestconfig.getoption("zcrm_url")
    if url:
        key = pytestconfig.getoption("zcrm_admin_key")
        if not key:
            raise pytest.UsageError(f"--zcrm-url needs --zcrm-admin-key (or {KEY_ENV})")
        yield ZcrmServer(url.rstrip("/"), key, AdminClient.over_http(url, key))
        return

    from zcrm_local.config import Settings
    from zcrm_local.http.app import create_app
    from zcrm_local.store.db import Database
    from zcrm_local.store.migrate import upgrade

    database_url = pytestconfig.getoption("zcrm_database_url") or (
        "sqlite:///" + str(tmp_path_factory.mktemp("zcrm-local") / "zcrm.db"))
    port = _free_port()
    db = Database(database_url)
    upgrade(db)
    key = "zcrm_admin_" + secrets.token_hex(16)
    app = create_app(Settings(database_url=database_url, host="127.0.0.1", port=port), db=db, admin_key=key)
    server = _BackgroundServer(app, port)
    server.start()
    url = f"http://127.0.0.1:{port}"
    try:
        yield ZcrmServer(url, key, AdminClient.over_http(url, key), database_url)
    finally:
        server.stop()
        db.dispose()


@pytest.fixture
def zcrm_org(zcrm_server: ZcrmServer, request: pytest.FixtureRequest) -> Iterator[ZcrmOrg]:
    name = f"pytest {request.node.name}"[:200]
    made = zcrm_server.admin.create_org(name, journal_size=request.config.getoption("zcrm_journal_size"))
    org = ZcrmOrg(zcrm_server, made)
    try:
        yield org
    finally:
        if not request.config.getoption("zcrm_keep_orgs"):
            org.delete()


class Outbox:
    """The mails a test's org sent: ``messages()`` reads them fresh, ``clear()`` empties it."""

    def __init__(self, org: ZcrmOrg) -> None:
        self.org = org

    def messages(self) -> list[dict[str, Any]]:
        return self.org.outbox()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.messages())

    def __len__(self) -> int:
        return len(self.messages())

    def clear(self) -> int:
        return self.org.clear_outbox()


@pytest.fixture
def zcrm_outbox(zcrm_org: ZcrmOrg) -> Outbox:
    """The outbox of ``zcrm_org``: every mail sent through the API lands here, not on SMTP."""
    return Outbox(zcrm_org)


def _reset_sdk() -> None:
    """The SDK keeps module-level state (initializer, caches, logger handlers); start from none."""
    from zohocrmsdk.src.com.zoho.crm.api.initializer import Initializer
    from zohocrmsdk.src.com.zoho.crm.api.util.utility import Utility

    Initializer.initializer = None
    Initializer.LOCAL.init = None
    Utility.apitype_vs_datatype = {}
    Utility.apitype_vs_structurename = {}
    Utility.api_supported_modules = {}
    Utility.module_api_name = None
    Utility.new_file = Utility.get_modified_modules = Utility.force_refresh = False
    sdk_logger = logging.getLogger("SDKLogger")
    for handler in list(sdk_logger.handlers):
        sdk_logger.removeHandler(handler)
        handler.close()


@pytest.fixture
def zcrm_sdk(zcrm_org: ZcrmOrg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ZcrmOrg]:
    try:
        from zohocrmsdk.src.com.zoho.api.authenticator.oauth_token import OAuthToken
        from zohocrmsdk.src.com.zoho.api.authenticator.store import FileStore
        from zohocrmsdk.src.com.zoho.api.logger import Logger
        from zohocrmsdk.src.com.zoho.crm.api.dc import DataCenter
        from zohocrmsdk.src.com.zoho.crm.api.initializer import Initializer
        from zohocrmsdk.src.com.zoho.crm.api.sdk_config import SDKConfig
    except ImportError:
        pytest.skip("the official SDK (pip install zohocrmsdk7-0) is not installed")

    # The SDK talks through `requests`, which would send loopback calls to a configured proxy.
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, ",".join(filter(None, [os.environ.get(name), "127.0.0.1", "localhost"])))
    # Its log goes to the test's directory only.
    monkeypatch.setattr(logging.getLogger("SDKLogger"), "propagate", False)
    work = tmp_path / "zcrm-sdk"
    (work / "resources").mkdir(parents=True)
    _reset_sdk()
    try:
        Initializer.initialize(
            environment=DataCenter.Environment(zcrm_org.base_url, zcrm_org.accounts_url, zcrm_org.base_url),
            token=OAuthToken(client_id=zcrm_org.client_id, client_secret=zcrm_org.client_secret,
                             refresh_token=zcrm_org.refresh_token),
            store=FileStore(str(work / "tokens.csv")),
            sdk_config=SDKConfig(),
            resource_path=str(work / "resources"),
            logger=Logger.get_instance(Logger.Levels.INFO, str(work / "sdk.log")),
        )
        yield zcrm_org
    finally:
        _reset_sdk()
