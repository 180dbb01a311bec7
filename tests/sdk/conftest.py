"""A live server for the official SDK, and the SDK initialised against it one test at a time.

``Initializer`` keeps module-level state (the current initializer, a thread-local copy, class
caches of field types, the ``SDKLogger`` handlers); each test starts from none and leaves none.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from zohocrmsdk.src.com.zoho.api.authenticator.oauth_token import OAuthToken
from zohocrmsdk.src.com.zoho.api.authenticator.store import FileStore
from zohocrmsdk.src.com.zoho.api.logger import Logger
from zohocrmsdk.src.com.zoho.crm.api.dc import DataCenter
from zohocrmsdk.src.com.zoho.crm.api.initializer import Initializer
from zohocrmsdk.src.com.zoho.crm.api.sdk_config import SDKConfig
from zohocrmsdk.src.com.zoho.crm.api.util.utility import Utility

from tests.live_server import LiveServer, database_url_in, run_cli, start_server


@dataclass
class SdkServer:
    """What SDK tests need of the session's server."""

    server: LiveServer
    credentials: dict[str, str]

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def database_url(self) -> str:
        return self.server.database_url

    def cli(self, *args: str) -> dict[str, Any]:
        """A CLI command on the server's database, e.g. ``cli("grant")`` or ``cli("org", "create", "X")``."""
        return run_cli(*args, "--database-url", self.database_url, port=self.server.port)


@pytest.fixture(scope="session")
def sdk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SdkServer]:
    work = tmp_path_factory.mktemp("sdk-server")
    server = start_server(database_url_in(work), work)
    try:
        creds = run_cli("credentials", "--database-url", server.database_url, port=server.port)
        yield SdkServer(server, creds)
    finally:
        server.stop()


@dataclass
class Sdk:
    """Initialises the SDK for one test, with its token store, cache and log in tmp dirs."""

    server: SdkServer
    work: Path

    @property
    def token_file(self) -> Path:
        return self.work / "tokens.csv"

    @property
    def log_file(self) -> Path:
        return self.work / "sdk.log"

    def environment(self) -> DataCenter.Environment:
        base = self.server.base_url
        return DataCenter.Environment(base, base + "/oauth/v2/token", base)

    def init(self, token: OAuthToken) -> None:
        resources = self.work / "resources"
        resources.mkdir(exist_ok=True)
        Initializer.initialize(
            environment=self.environment(), token=token, store=FileStore(str(self.token_file)),
            sdk_config=SDKConfig(), resource_path=str(resources),
            logger=Logger.get_instance(Logger.Levels.INFO, str(self.log_file)),
        )

    def init_refresh(self, creds: dict[str, str] | None = None) -> None:
        creds = creds or self.server.credentials
        self.init(OAuthToken(client_id=creds["client_id"], client_secret=creds["client_secret"],
                             refresh_token=creds["refresh_token"]))

    def init_grant(self, grant: dict[str, Any]) -> None:
        self.init(OAuthToken(client_id=grant["client_id"], client_secret=grant["client_secret"],
                             grant_token=grant["grant_token"]))

    def stored_tokens(self) -> list[dict[str, str]]:
        """The FileStore's rows, keyed by its header."""
        with self.token_file.open(newline="") as f:
            return list(csv.DictReader(f))


def reset_sdk() -> None:
    Initializer.initializer = None
    Initializer.LOCAL.init = None
    Utility.apitype_vs_datatype = {}
    Utility.apitype_vs_structurename = {}
    Utility.api_supported_modules = {}
    Utility.module_api_name = None
    Utility.new_file = Utility.get_modified_modules = Utility.force_refresh = False
    # Each initialize adds a FileHandler; other handlers (pytest's capture) are not ours.
    sdk_logger = logging.getLogger("SDKLogger")
    for handler in list(sdk_logger.handlers):
        if isinstance(handler, logging.FileHandler):
            sdk_logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def sdk_isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No SDK state before or after the test; for tests that build their own ``Sdk``."""
    # The SDK talks through `requests`, which would send loopback calls to a configured proxy.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    # Its messages go to the tmp log file (and pytest's capture), not to the root logger's handlers.
    monkeypatch.setattr(logging.getLogger("SDKLogger"), "propagate", False)
    reset_sdk()
    try:
        yield
    finally:
        reset_sdk()


@pytest.fixture
def sdk(sdk_server: SdkServer, tmp_path: Path, sdk_isolated: None) -> Sdk:
    return Sdk(sdk_server, tmp_path)
