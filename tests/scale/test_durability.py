"""Every write answered with success survives ``kill -9`` of the server in the middle of a
write load: a new server on the same database reads each one back. SQLite runs in WAL with
``synchronous=NORMAL``, which keeps every committed transaction when the process dies."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from zcrm_local.service.org.data import ACTIVE_SERVICES
from zcrm_local.store.records import rows as record_store

from tests.live_server import running_server, start_server
from tests.scale.conftest import StressOrg, run_clients, scaled
from tests.scale.test_services_scale import service_item

CLIENTS = 16


@pytest.mark.parametrize("workers", [1, 2], ids=["serve", "serve-workers-2"])
def test_acknowledged_writes_survive_kill_9(cluster, stress_org, scale_backend, workers, tmp_path):
    org: StressOrg = stress_org
    server = start_server(cluster.database_url, tmp_path, workers=workers)
    acked: list[tuple[str, str]] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(n: int) -> None:
        with httpx.Client(base_url=server.base_url, trust_env=False, timeout=30) as c:
            turn = 0
            while not stop.is_set():
                turn += 1
                module = "Services__s" if turn % 2 else "Accounts"
                data = service_item(org, Service_Name=f"W{n}-{turn}") if module == "Services__s" else {
                    "Account_Name": f"W{n}-{turn}"}
                try:
                    r = c.post(f"/crm/v7/{module}", content=json.dumps({"data": [data]}), headers=org.headers)
                except httpx.TransportError as exc:
                    with lock:
                        failures.append(type(exc).__name__)
                    return
                if r.status_code == 201:
                    with lock:
                        acked.append((module, r.json()["data"][0]["details"]["id"]))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(CLIENTS)]
    try:
        for thread in threads:
            thread.start()
        target = scaled(200, 3000)
        deadline = time.monotonic() + 60
        while len(acked) < target and time.monotonic() < deadline:
            time.sleep(0.005)
        # Mid-load: every client has a request in flight or about to be sent.
        if workers == 1:
            server.process.kill()
            server.process.wait(10)
        server.kill_all()
        for thread in threads:
            thread.join(30)
        stop.set()
    finally:
        stop.set()
        server.stop()
    assert len(acked) >= target
    assert failures, "the kill came after the load ended"

    with running_server(cluster.database_url, tmp_path) as again:
        def read(c: httpx.Client, entry: tuple[str, str]) -> int:
            module, ident = entry
            return c.get(f"/crm/v7/{module}/{ident}", headers=org.headers).status_code

        statuses = run_clients([again.base_url], CLIENTS, acked, read)
    missing = [entry for entry, status in zip(acked, statuses, strict=True) if status != 200]
    assert missing == []
    # The active-services counter moved in the same transactions as the services.
    with scale_backend.db.read() as conn:
        assert record_store.counter(conn, org.id, ACTIVE_SERVICES) == record_store.count(conn, org.id, "Services__s")
