"""Services under concurrent writers spread over several server processes: the 500 active
services limit holds exactly (D-71), and concurrent updates of one service never lose a field
an acknowledged request wrote (per-field last writer wins, D-72)."""

from __future__ import annotations

import json
import random
from typing import Any

import httpx

from zcrm_local.service.org.data import ACTIVE_SERVICES
from zcrm_local.store.records import rows as record_store

from tests.scale.conftest import StressOrg, make_stress_org, run_clients, scaled, together

SERVICES = "/crm/v7/Services__s"
CLIENTS = 64
LIMIT = 500


def service_item(org: StressOrg, **changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "Service_Name": "AC Repair",
        "Duration": "60",
        "Location": "Client Address",
        "Members": [{"Members": {"id": str(org.made.admin_id)}}],
        "Availability_Type": "Specific Day(s)",
        "Available_Days": ["Monday", "Tuesday"],
        "Available_Timings": [{"From": "10:00", "To": "18:30"}],
        "Price": 230.66,
        "Status": "Available",
        "Description": "AC repair and service at your doorstep.",
    }
    item.update(changes)
    return item


def create_one(client: httpx.Client, org: StressOrg, item: dict[str, Any]) -> tuple[str, str | None]:
    r = client.post(SERVICES, content=json.dumps({"data": [item]}), headers=org.headers)
    entry = r.json()["data"][0]
    return entry["code"], entry["details"].get("id")


def test_64_clients_creating_600_services_get_exactly_500(cluster, stress_org, scale_backend):
    attempts = 600
    for round_ in range(scaled(1, 3)):
        org = stress_org if round_ == 0 else make_stress_org(scale_backend)
        answers = run_clients(cluster.base_urls, CLIENTS, range(attempts),
                              lambda c, n, o=org: create_one(c, o, service_item(o, Service_Name=f"S{n}")))
        codes = [code for code, _ in answers]
        assert codes.count("SUCCESS") == LIMIT, sorted(set(codes))
        assert codes.count("LIMIT_EXCEEDED") == attempts - LIMIT
        made = [ident for code, ident in answers if code == "SUCCESS"]
        assert len(set(made)) == LIMIT  # ids from every process, no collision
        with scale_backend.db.read() as conn:
            assert record_store.counter(conn, org.id, ACTIVE_SERVICES) == LIMIT
            assert record_store.count(conn, org.id, "Services__s") == LIMIT


# Each round writes every field once, from its own client; the values of one round differ from
# every earlier round's, so a lost update would show the previous value.
FIELDS = {
    "Service_Name": lambda r, w: f"Name {r}-{w}",
    "Description": lambda r, w: f"Description {r}-{w}",
    "Price": lambda r, w: float(f"{r}.{w + 1}"),
    "Duration": lambda r, w: str(30 + (r * 2 + w) % 30),
}
WRITERS_PER_FIELD = 2


def _get(client: httpx.Client, org: StressOrg, ident: str) -> dict[str, Any]:
    r = client.get(f"{SERVICES}/{ident}", headers=org.headers)
    assert r.status_code == 200, r.text
    return r.json()["data"][0]


def test_concurrent_updates_of_one_service_keep_every_acknowledged_field(cluster, stress_org):
    org = stress_org
    with httpx.Client(base_url=cluster.base_urls[0], trust_env=False, timeout=60) as c:
        code, ident = create_one(c, org, service_item(org))
        assert code == "SUCCESS"
    for round_ in range(scaled(8, 60)):
        writes = [(key, make(round_, w)) for key, make in FIELDS.items() for w in range(WRITERS_PER_FIELD)]
        random.shuffle(writes)

        def update(key: str, value: Any) -> Any:
            def call(c: httpx.Client) -> tuple[str, Any, int, str]:
                r = c.put(SERVICES, content=json.dumps({"data": [{"id": ident, key: value}]}), headers=org.headers)
                return key, value, r.status_code, r.json()["data"][0]["code"]
            return call

        answers = together(cluster.base_urls, [update(k, v) for k, v in writes])
        assert all(status == 200 and code == "SUCCESS" for _, _, status, code in answers), answers
        with httpx.Client(base_url=cluster.base_urls[-1], trust_env=False, timeout=60) as c:
            stored = _get(c, org, ident)
        for key in FIELDS:
            written = [value for k, value, _, _ in answers if k == key]
            stored_value = str(stored[key]) if key == "Duration" else stored[key]
            assert stored_value in written, (round_, key, stored[key], written)


def test_updates_naming_services_in_opposite_orders_all_succeed(cluster, stress_org):
    """Rows are locked in body order: opposite orders can deadlock on PostgreSQL, and the
    transaction that loses is run again instead of failing."""
    org = stress_org
    with httpx.Client(base_url=cluster.base_urls[0], trust_env=False, timeout=60) as c:
        ids = [create_one(c, org, service_item(org, Service_Name=f"Pair {n}"))[1] for n in range(2)]
    for round_ in range(scaled(4, 30)):
        def update(n: int) -> Any:
            order = ids if n % 2 == 0 else ids[::-1]
            body = {"data": [{"id": i, "Description": f"round {round_} writer {n}"} for i in order]}

            def call(c: httpx.Client) -> tuple[int, list[str]]:
                r = c.put(SERVICES, content=json.dumps(body), headers=org.headers)
                return r.status_code, [d.get("code") for d in r.json().get("data", [r.json()])]
            return call

        answers = together(cluster.base_urls, [update(n) for n in range(8)])
        assert answers == [(200, ["SUCCESS", "SUCCESS"])] * 8, answers
