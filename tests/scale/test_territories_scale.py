"""Territories under concurrent writers spread over several server processes: names stay unique
per org (trimmed, case-folded, D-110), and concurrent re-parenting never makes a cycle."""

from __future__ import annotations

import json
import random

import httpx

from tests.http.territories.helpers import BASE, item, make, root_id
from tests.scale.conftest import StressOrg, run_clients, scaled

CLIENTS = 32


def _parents(client: httpx.Client, org: StressOrg) -> dict[str, str | None]:
    r = client.get(BASE, headers=org.headers)
    assert r.status_code == 200, r.text
    return {t["id"]: (t["reporting_to"] or {}).get("id") for t in r.json()["territories"]}


def _reaches_root(parents: dict[str, str | None], ident: str) -> bool:
    seen: set[str] = set()
    current: str | None = ident
    while current is not None:
        if current in seen or current not in parents:
            return False
        seen.add(current)
        current = parents[current]
    return True


def test_concurrent_creates_keep_territory_names_unique(cluster, stress_org):
    org = stress_org
    with httpx.Client(base_url=cluster.base_urls[0], trust_env=False, timeout=60) as c:
        root = root_id(c, org)
    names = scaled(20, 100)
    # Every name is tried by several clients in spellings that are one name (trim, case).
    spellings = [lambda n: f"Region {n}", lambda n: f"  region {n} ", lambda n: f"REGION {n}", lambda n: f"Region {n}"]
    tasks = [(n, spell(n)) for n in range(names) for spell in spellings]
    random.shuffle(tasks)

    def create(c: httpx.Client, task: tuple[int, str]) -> tuple[int, int, str, str | None]:
        n, name = task
        r = c.post(BASE, content=json.dumps({"territories": [item(name, root)]}), headers=org.headers)
        entry = r.json()["territories"][0]
        return n, r.status_code, entry["code"], entry["details"].get("id")

    answers = run_clients(cluster.base_urls, CLIENTS, tasks, create)
    for n in range(names):
        mine = [(status, code) for k, status, code, _ in answers if k == n]
        assert sorted(mine) == [(201, "SUCCESS")] + [(400, "DUPLICATE_DATA")] * (len(spellings) - 1), (n, mine)
    made = [ident for _, status, _, ident in answers if status == 201]
    assert len(set(made)) == names
    with httpx.Client(base_url=cluster.base_urls[-1], trust_env=False, timeout=60) as c:
        listed = c.get(BASE, headers=org.headers).json()["territories"]
    keys = [t["name"].strip().casefold() for t in listed]
    assert len(keys) == len(set(keys)) == names + 1


def test_concurrent_reparenting_never_makes_a_cycle(cluster, stress_org):
    org = stress_org
    with httpx.Client(base_url=cluster.base_urls[0], trust_env=False, timeout=60) as c:
        root = root_id(c, org)
        ids = [make(c, org, f"Node {n}", root) for n in range(scaled(10, 30))]
    rng = random.Random(7)
    for batch in range(scaled(4, 20)):
        moves = [tuple(rng.sample(ids, 2)) for _ in range(scaled(60, 200))]

        def move(c: httpx.Client, pair: tuple[str, str]) -> tuple[int, str]:
            child, parent = pair
            body = {"territories": [{"id": child, "permission_type": "read_only", "reporting_to": {"id": parent}}]}
            r = c.put(BASE, content=json.dumps(body), headers=org.headers)
            return r.status_code, r.json()["territories"][0]["code"]

        answers = run_clients(cluster.base_urls, CLIENTS, moves, move)
        assert set(answers) <= {(200, "SUCCESS"), (400, "NOT_ALLOWED")}, set(answers)
        assert (200, "SUCCESS") in answers
        with httpx.Client(base_url=cluster.base_urls[batch % len(cluster.base_urls)], trust_env=False,
                          timeout=60) as c:
            parents = _parents(c, org)
        assert len(parents) == len(ids) + 1
        assert all(_reaches_root(parents, ident) for ident in parents), (batch, parents)
