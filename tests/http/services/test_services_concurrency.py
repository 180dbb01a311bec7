"""Concurrent writers never push an org past its active-services limit, and concurrent
updates of one service never lose an acknowledged field (on the store the suite runs on)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from zcrm_local.service.auth import authenticate
from zcrm_local.service.records import writes as services
from zcrm_local.store.tables import counters

from tests.http.services.helpers import seed_item


def test_concurrent_creators_stop_exactly_at_the_limit(backend, org):
    with backend.db.write() as conn:
        conn.execute(sa.update(counters).where(counters.c.org_id == org.id).values(value=480))
    principal = authenticate(backend, org.token)

    def create_one(_: int) -> str:
        outcome = services.create(backend, principal, "Services__s", [seed_item(org)])
        (item,) = outcome.items
        return "ok" if isinstance(item, dict) else item.code

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(create_one, range(48)))
    assert answers.count("ok") == 20
    assert answers.count("LIMIT_EXCEEDED") == 28
    with backend.db.read() as conn:
        value = conn.execute(sa.select(counters.c.value).where(counters.c.org_id == org.id)).scalar_one()
    assert value == 500


def test_concurrent_updates_of_one_service_keep_every_field(backend, org):
    principal = authenticate(backend, org.token)
    (record,) = services.create(backend, principal, "Services__s", [seed_item(org)]).items
    rid = record["id"]
    fields = [("Duration", 30 + i) if i % 2 == 0 else ("Description", f"text {i}") for i in range(16)]

    def update(change: tuple[str, object]) -> None:
        key, value = change
        (item,) = services.update(backend, principal, "Services__s", [{"id": rid, key: value}]).items
        assert isinstance(item, dict), item

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(update, fields))
    from zcrm_local.service.records.reads import get_one

    stored, _ = get_one(backend, principal, "Services__s", int(rid))
    assert stored is not None
    # Both keys were written by acknowledged requests: each holds one of its written values.
    assert stored["Duration"] in {v for k, v in fields if k == "Duration"}
    assert stored["Description"] in {v for k, v in fields if k == "Description"}
