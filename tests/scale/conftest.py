"""Scale-out stress tests: real ``zcrm-local serve`` processes on one database, clients as threads.

The store is the run's (``ZCRM_TEST_DATABASE``): a SQLite file, or a fresh PostgreSQL database
made for the session and dropped after it. Counts are reduced by default (CI); the full run is

    ZCRM_STRESS=full python -m pytest tests/scale                                # SQLite
    ZCRM_STRESS=full ZCRM_TEST_DATABASE=postgresql python -m pytest tests/scale  # PostgreSQL

The session's cluster is three servers started at the same moment on an empty database (so
they also race to migrate and to make the default org): two single-process ``serve`` commands
on their own ports, and one ``serve --workers 2``.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import psycopg
import pytest
import sqlalchemy as sa

from zcrm_local.config import Settings
from zcrm_local.service.backend import Backend
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import NewOrg, create_org
from zcrm_local.store.db import Database

from tests.conftest import STORE, require_pg
from tests.live_server import LiveServer, spawn_server

T = TypeVar("T")

FULL = os.environ.get("ZCRM_STRESS") == "full"
# A load that has not finished by then is a failure, not a hang.
LOAD_SECONDS = 600 if FULL else 90


def scaled(reduced: int, full: int) -> int:
    return full if FULL else reduced


@dataclass
class Cluster:
    database_url: str
    servers: list[LiveServer]
    work_dir: Path

    @property
    def base_urls(self) -> list[str]:
        return [s.base_url for s in self.servers]


@dataclass
class StressOrg:
    made: NewOrg
    token: str

    @property
    def id(self) -> int:
        return self.made.org_id

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Zoho-oauthtoken {self.token}"}


@pytest.fixture(scope="session")
def scale_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if STORE != "postgresql":
        yield f"sqlite:///{tmp_path_factory.mktemp('scale') / 'scale.db'}"
        return
    base = sa.make_url(require_pg())
    name = f"zcrm_scale_{uuid.uuid4().hex[:12]}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def cluster(scale_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    work_dir = tmp_path_factory.mktemp("cluster")
    servers = [spawn_server(scale_database_url, work_dir), spawn_server(scale_database_url, work_dir),
               spawn_server(scale_database_url, work_dir, workers=2)]
    try:
        for server in servers:
            server.wait_ready()
        yield Cluster(scale_database_url, servers, work_dir)
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(scope="session")
def scale_backend(scale_database_url: str, cluster: Cluster) -> Iterator[Backend]:
    """The test's own view of the database (after the servers migrated it)."""
    db = Database(scale_database_url)
    yield Backend(db=db, settings=Settings(database_url=scale_database_url))
    db.dispose()


def make_stress_org(backend: Backend) -> StressOrg:
    """A new org and its administrator's access token."""
    made = create_org(backend, f"Stress {uuid.uuid4().hex[:8]}")
    return StressOrg(made, oauth.mint_credentials(backend, made.org_id).access_token)


@pytest.fixture
def stress_org(scale_backend: Backend) -> StressOrg:
    return make_stress_org(scale_backend)


def run_clients(base_urls: Sequence[str], clients: int, tasks: Sequence[T],
                call: Callable[[httpx.Client, T], Any], seconds: float = LOAD_SECONDS) -> list[Any]:
    """Each task on one of ``clients`` threads; each thread keeps one keep-alive client to one of
    ``base_urls`` (round robin over threads). Results in task order."""
    local = threading.local()
    turn = itertools.count()
    made: list[httpx.Client] = []
    lock = threading.Lock()

    def client() -> httpx.Client:
        if not hasattr(local, "client"):
            with lock:
                base = base_urls[next(turn) % len(base_urls)]
                local.client = httpx.Client(base_url=base, trust_env=False, timeout=60)
                made.append(local.client)
        return local.client

    started = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            futures = [pool.submit(lambda t=task: call(client(), t)) for task in tasks]
            results = [f.result(timeout=max(1.0, seconds - (time.monotonic() - started))) for f in futures]
    finally:
        for c in made:
            c.close()
    assert time.monotonic() - started < seconds
    return results


def together(base_urls: Sequence[str], calls: Sequence[Callable[[httpx.Client], T]]) -> list[T]:
    """Each call on its own thread and connection, all released at once by a barrier."""
    barrier = threading.Barrier(len(calls))

    def run(index: int) -> T:
        with httpx.Client(base_url=base_urls[index % len(base_urls)], trust_env=False, timeout=60) as c:
            c.get("/crm/v7/org")  # connect before the barrier
            barrier.wait(30)
            return calls[index](c)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, range(len(calls)), timeout=LOAD_SECONDS))
