"""Concurrent writers of one org never break the tree or the name rule (threads, one database).

Runs on the store the session targets: SQLite by default, PostgreSQL with
ZCRM_TEST_DATABASE=postgresql.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from tests.http.territories.helpers import BASE, item, make, root_id

THREADS = 6
ROUNDS = 5


def _together(app: Any, calls: list[Callable[[TestClient], Any]]) -> list[Any]:
    """Run each call in its own thread and client, released at once by a barrier."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        with TestClient(app, raise_server_exceptions=False) as client:
            barrier.wait()
            results[index] = calls[index](client)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _parents(client: TestClient, org: Any) -> dict[str, str | None]:
    listed = client.get(BASE, headers=org.headers).json()["territories"]
    return {t["id"]: (t["reporting_to"] or {}).get("id") for t in listed}


def _reaches_root(parents: dict[str, str | None], ident: str) -> bool:
    seen: set[str] = set()
    current: str | None = ident
    while current is not None:
        if current in seen:
            return False
        seen.add(current)
        current = parents.get(current)
    return True


def test_update_concurrent_reparenting_never_leaves_a_cycle(app, client, org):
    root = root_id(client, org)
    for round_ in range(ROUNDS):
        a = make(client, org, f"A{round_}", root)
        b = make(client, org, f"B{round_}", root)

        def move(child: str, parent: str) -> Callable[[TestClient], Any]:
            body = json.dumps({"territories": [{"id": child, "permission_type": "read_only",
                                                "reporting_to": {"id": parent}}]})
            return lambda c: c.put(BASE, content=body, headers=org.headers)

        responses = _together(app, [move(a, b), move(b, a)])
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200, 400], [r.text for r in responses]
        refused = next(r for r in responses if r.status_code == 400)
        assert refused.json()["territories"][0]["code"] == "NOT_ALLOWED"
        parents = _parents(client, org)
        assert all(_reaches_root(parents, ident) for ident in parents), parents
        assert len(parents) == 1 + 2 * (round_ + 1)


def test_create_concurrently_with_one_name_leaves_one_territory(app, client, org):
    root = root_id(client, org)
    body = json.dumps({"territories": [item("Contested", root)]})
    responses = _together(app, [lambda c: c.post(BASE, content=body, headers=org.headers)] * THREADS)
    assert sorted(r.status_code for r in responses) == [201] + [400] * (THREADS - 1), [r.text for r in responses]
    for refused in (r for r in responses if r.status_code == 400):
        assert refused.json() == {"territories": [{
            "code": "DUPLICATE_DATA", "details": {"api_name": "name", "json_path": "$.territories[0].name"},
            "message": "Given Territory name already exists", "status": "error"}]}
    names = [t["name"] for t in client.get(BASE, headers=org.headers).json()["territories"]]
    assert names.count("Contested") == 1


def test_create_concurrently_with_distinct_names_keeps_every_one(app, client, org):
    root = root_id(client, org)

    def create(n: int) -> Callable[[TestClient], Any]:
        body = json.dumps({"territories": [item(f"T{n}", root)]})
        return lambda c: c.post(BASE, content=body, headers=org.headers)

    responses = _together(app, [create(n) for n in range(THREADS)])
    assert [r.status_code for r in responses] == [201] * THREADS
    ids = {r.json()["territories"][0]["details"]["id"] for r in responses}
    assert len(ids) == THREADS
    assert len(client.get(BASE, headers=org.headers).json()["territories"]) == THREADS + 1
