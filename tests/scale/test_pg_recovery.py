"""A PostgreSQL restart while serving, as the servers see it: their sessions are terminated
(pg_terminate_backend). The request in flight answers Zoho's INTERNAL_ERROR envelope; the
next requests succeed on new connections, with no server restarted."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx
import psycopg
import pytest

from zcrm_local.domain.errors import MSG_INTERNAL_ERROR
from zcrm_local.store.engine import PG_APPLICATION_NAME

from tests.conftest import STORE
from tests.scale.conftest import StressOrg
from tests.scale.test_services_scale import SERVICES, create_one, service_item

pytestmark = pytest.mark.pg


def _terminate(conn: psycopg.Connection[Any], only_waiting: bool) -> list[int]:
    query = ("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s"
             + (" AND wait_event_type = 'Lock'" if only_waiting else ""))
    pids = [row[0] for row in conn.execute(query, (PG_APPLICATION_NAME,))]
    for pid in pids:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
    return pids


def test_terminated_sessions_fail_the_request_in_flight_then_recover(cluster, stress_org):
    if STORE != "postgresql":
        pytest.skip("the PostgreSQL pass runs it (ZCRM_TEST_DATABASE=postgresql)")
    org: StressOrg = stress_org
    server = cluster.servers[0]
    with httpx.Client(base_url=server.base_url, trust_env=False, timeout=60) as c:
        assert create_one(c, org, service_item(org))[0] == "SUCCESS"

    admin_url = cluster.database_url.replace("postgresql://", "postgresql://", 1)
    with psycopg.connect(admin_url, autocommit=True, application_name="zcrm-scale-test") as control:
        # Hold the org's services counter so the next create waits inside its transaction.
        blocker = psycopg.connect(admin_url, application_name="zcrm-scale-test")
        blocker.execute("SELECT value FROM counters WHERE org_id = %s FOR UPDATE", (org.id,))
        answer: dict[str, Any] = {}

        def in_flight() -> None:
            with httpx.Client(base_url=server.base_url, trust_env=False, timeout=60) as c:
                r = c.post(SERVICES, content=json.dumps({"data": [service_item(org)]}), headers=org.headers)
                answer.update(status=r.status_code, body=r.json())

        thread = threading.Thread(target=in_flight)
        thread.start()
        try:
            deadline = time.monotonic() + 20
            killed: list[int] = []
            while not killed and time.monotonic() < deadline:
                killed = _terminate(control, only_waiting=True)
                time.sleep(0.02)
            assert killed, "the create never waited on the held row"
            thread.join(30)
        finally:
            blocker.rollback()
            blocker.close()
        assert answer == {"status": 500, "body": {"code": "INTERNAL_ERROR", "details": {},
                                                  "message": MSG_INTERNAL_ERROR, "status": "error"}}
        # What a restart does to every other session of every server: they are all gone.
        assert _terminate(control, only_waiting=False)

    for base in cluster.base_urls:
        with httpx.Client(base_url=base, trust_env=False, timeout=60) as c:
            for _ in range(3):
                assert create_one(c, org, service_item(org))[0] == "SUCCESS"
                assert c.get(f"{SERVICES}?fields=Service_Name", headers=org.headers).status_code == 200
    assert all(s.process.poll() is None for s in cluster.servers)
