"""Ids handed out by several server processes at once never collide (each process reserves
its own blocks of the org's sequence)."""

from __future__ import annotations

import json

import httpx

from zcrm_local.store.records import rows as record_store

from tests.scale.conftest import StressOrg, run_clients, scaled

BATCH = 10


def test_ids_made_concurrently_by_every_process_are_unique(cluster, stress_org, scale_backend):
    org: StressOrg = stress_org
    requests = scaled(150, 2000)

    def create(c: httpx.Client, n: int) -> list[str]:
        body = {"data": [{"Account_Name": f"Account {n}-{k}"} for k in range(BATCH)]}
        r = c.post("/crm/v7/Accounts", content=json.dumps(body), headers=org.headers)
        assert r.status_code == 201, r.text
        return [entry["details"]["id"] for entry in r.json()["data"]]

    answers = run_clients(cluster.base_urls, 32, range(requests), create)
    made = [ident for batch in answers for ident in batch]
    assert len(made) == requests * BATCH
    assert len(set(made)) == len(made)
    assert all(ident.startswith(str(org.made.prefix)) and len(ident) == 19 for ident in made)
    with scale_backend.db.read() as conn:
        assert record_store.count(conn, org.id, "Accounts") == len(made)
