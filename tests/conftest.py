"""Shared fixtures: a migrated database per session, a frozen clock, a fresh org per test.

The store is chosen by ZCRM_TEST_DATABASE (``sqlite``, the default, or ``postgresql``).
PostgreSQL tests skip when the server is absent, unless ZCRM_TEST_REQUIRE_PG=1 (CI), which
turns the skip into a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from zcrm_local.config import Settings
from zcrm_local.domain.clock import FrozenClock
from zcrm_local.http.app import create_app
from zcrm_local.service.backend import Backend
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import NewOrg, create_org
from zcrm_local.store.db import Database
from zcrm_local.store.migrate import upgrade

PG_URL = os.environ.get("ZCRM_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
STORE = os.environ.get("ZCRM_TEST_DATABASE", "sqlite")
REQUIRE_PG = os.environ.get("ZCRM_TEST_REQUIRE_PG") == "1"
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


def pg_reachable(url: str = PG_URL) -> bool:
    import psycopg

    try:
        with psycopg.connect(url.replace("postgresql://", "postgresql://", 1), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def require_pg() -> str:
    """The PostgreSQL URL, or skip (fail in CI) when the server is not there."""
    if pg_reachable():
        return PG_URL
    if REQUIRE_PG:
        pytest.fail(f"PostgreSQL is required (ZCRM_TEST_REQUIRE_PG=1) but {PG_URL} is unreachable")
    pytest.skip("PostgreSQL is not reachable")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if STORE == "postgresql":
        return require_pg()
    return "sqlite:///" + str(Path(tmp_path_factory.mktemp("db")) / "test.db")


@pytest.fixture(scope="session")
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, port=8000)


@pytest.fixture
def app(settings: Settings, clock: FrozenClock, database: Database):  # type: ignore[no-untyped-def]
    return create_app(settings, clock=clock, db=database)


@pytest.fixture
def backend(app) -> Backend:  # type: ignore[no-untyped-def]
    return app.state.backend


@pytest.fixture
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, raise_server_exceptions=False)


@dataclass
class Org:
    made: NewOrg
    creds: oauth.Credentials

    @property
    def id(self) -> int:
        return self.made.org_id

    @property
    def token(self) -> str:
        return self.creds.access_token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Zoho-oauthtoken {self.creds.access_token}"}


def new_org(backend: Backend, *, territories: bool = True, scopes: list[str] | None = None) -> Org:
    made = create_org(backend, f"Test Org {uuid.uuid4().hex[:8]}", territories=territories)
    return Org(made, oauth.mint_credentials(backend, made.org_id, scopes))


@pytest.fixture
def org(backend: Backend) -> Org:
    return new_org(backend)


def token_for(backend: Backend, org: Org, user_key: str = "admin", scopes: list[str] | None = None) -> str:
    """An access token of one of the org's fixture users ("admin", "standard", …)."""
    return oauth.mint_credentials(backend, org.id, scopes, user_id=org.made.user_ids[user_key]).access_token
