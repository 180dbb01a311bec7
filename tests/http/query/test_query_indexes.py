"""Equality and range conditions on common fields use an index, on the store under test: the
statements the endpoints actually run are explained by the database (spec 50, issue: indexes)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from tests.http.query.conftest import Fixture


@contextmanager
def captured(engine: sa.Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def grab(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "records" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", grab)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", grab)


def plan(engine: sa.Engine, statement: str, parameters: Any, index: str) -> str:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # SQLite's own choice, without statistics: the index must win on its own.
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            return "\n".join(str(row[-1]) for row in rows)
        # PostgreSQL costs every index of a tiny test table alike: within a transaction rolled back,
        # keep only the index under test and forbid sequential scans, so the plan shows whether
        # that index can serve the statement at all.
        with conn.begin() as tx:
            others = conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'records' AND indexname NOT IN (%(keep)s, "
                "'pk_records')", {"keep": index}).scalars().all()
            for name in others:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            rows = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()
            tx.rollback()
            return "\n".join(str(row[0]) for row in rows)


def plans_of(client, org, backend, method: str, path: str, index: str, **kw: Any) -> list[str]:
    engine = backend.db.engine
    with captured(engine) as seen:
        r = client.request(method, path, headers=org.headers, **kw)
    assert r.status_code in (200, 204), r.text
    assert seen, "no statement on records"
    return [plan(engine, statement, parameters, index) for statement, parameters in seen]


def uses(index: str, plans: list[str]) -> bool:
    return any(re.search(rf"\b{index}\b", text) for text in plans)


_ON_SQLITE = os.environ.get("ZCRM_TEST_DATABASE", "sqlite") == "sqlite"


@pytest.mark.parametrize(("path", "index"), [
    # Known regression on SQLite since search and the console share one search function: the
    # ``email`` parameter's plan scans the org's module (PostgreSQL still uses the index);
    # answers are unchanged (tested elsewhere).
    pytest.param("/crm/v7/Leads/search?email=sales-team@zoho.com", "ix_records_q_email_words",
                 marks=pytest.mark.xfail(_ON_SQLITE, reason="email parameter misses the words index", strict=True)),
    ("/crm/v7/Leads/search?criteria=(Email:equals:P.Boyle@zylker.com)", "ix_records_q_email_words"),
    pytest.param("/crm/v7/Leads/actions/count?email=p.boyle@zylker.com", "ix_records_q_email_words",
                 marks=pytest.mark.xfail(_ON_SQLITE, reason="email parameter misses the words index", strict=True)),
])
def test_search_by_whole_address_uses_the_words_index(client, org, backend, spec50: Fixture, path, index):
    plans = plans_of(client, org, backend, "GET", path, index)
    assert uses(index, plans), plans


def test_search_by_whole_address_finds_the_same_words(client, org, spec50: Fixture):
    # D-575: separators are interchangeable, case is ignored; a longer address is another address.
    r = client.get("/crm/v7/Leads/search?email=SALES-TEAM@zoho.com", headers=org.headers)
    assert r.status_code == 200, r.text
    assert sorted(row["id"] for row in r.json()["data"]) == sorted([spec50.leads["L2"], spec50.leads["L3"]])
    r = client.get("/crm/v7/Leads/search?email=team@zoho.com", headers=org.headers)
    assert r.status_code == 204


@pytest.mark.parametrize(("query", "index"), [
    ("select id from Leads where Email = 'p.boyle@zylker.com'", "ix_records_q_email_lower"),
    ("select id from Leads where Last_Name = 'Boyle'", "ix_records_q_last_name_lower"),
    ("select id from Leads where Company in ('ABC', 'ABC Inc')", "ix_records_q_company_lower"),
    ("select id from Contacts where Account_Name = '{account}'", "ix_records_q_account_name_id"),
    ("select id from Leads where Owner = '{owner}'", "ix_records_q_owner"),
    ("select id from Leads where Created_Time between '2024-01-01T00:00:00+00:00' and "
     "'2024-01-31T00:00:00+00:00'", "ix_records_org_module_created"),
    ("select id from Leads where Modified_Time >= '2024-01-01T00:00:00+00:00'", "ix_records_org_module_modified"),
])
def test_coql_equality_and_range_use_an_index(client, org, backend, spec50: Fixture, query, index):
    lead = client.get(f"/crm/v7/Leads/{spec50.leads['L1']}", headers=org.headers).json()["data"][0]
    text = query.format(account=spec50.accounts["A2"], owner=lead["Owner"]["id"])
    plans = plans_of(client, org, backend, "POST", "/crm/v7/coql", index, content=json.dumps({"select_query": text}))
    assert uses(index, plans), plans
