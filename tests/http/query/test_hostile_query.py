"""Hostile search criteria and COQL: deep nesting, 10,000 terms, huge ``in`` lists, unicode, NUL,
bytes that are not UTF-8. Each answers a documented error (spec 50 §3.2, §3.6, §8.3, §9.8, D-577)
or a correct result, never a 500."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import anyio
import pytest

from tests.http.territories.helpers import error

API = "/crm/v7"
CRITERIA_SYNTAX = error("INVALID_QUERY", "invalid query formed", {"param_name": "criteria"})
CRITERIA_LIMIT = error("CRITERIA_LIMIT_EXCEEDED", "no of criterium that can be given exceed the limit 10")
TOO_LONG = error("SYNTAX_ERROR", "Parsing is happening for so long for the given query. please validate the query")


def raw_get(app: Any, path: str, query: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    """A GET straight into the application: the test client refuses URLs over 64 KiB, which is
    exactly what these inputs need (a proxy or server in front may refuse them earlier)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body) if body else None


def search(app, org, param: str, value: str, path: str = "Leads/search") -> tuple[int, Any]:  # type: ignore[no-untyped-def]
    return raw_get(app, f"{API}/{path}", f"{param}={quote(value, safe='')}".encode(), org.headers)


def coql(client, org, text: str) -> tuple[int, Any]:  # type: ignore[no-untyped-def]
    r = client.post(f"{API}/coql", content=json.dumps({"select_query": text}), headers=org.headers)
    return r.status_code, (r.json() if r.content else None)


# ---- search criteria ---------------------------------------------------------------------------

TEN_THOUSAND_TERMS = "(" + "and".join(["(Company:equals:A)"] * 10_000) + ")"
HUGE_IN = "(Company:in:" + ",".join(f"v{i}" for i in range(100_000)) + ")"


@pytest.mark.parametrize(("criteria", "expected"), [
    ("(" * 10_000 + "(Company:equals:A)" + ")" * 10_000, CRITERIA_SYNTAX),
    ("(" * 26 + "(Company:equals:A)" + ")" * 26, CRITERIA_SYNTAX),
    (")" * 10_000 + "(" * 10_000, CRITERIA_SYNTAX),
    (TEN_THOUSAND_TERMS, CRITERIA_LIMIT),
    ("(" + "or".join(["(Company:equals:A)"] * 11) + ")", CRITERIA_LIMIT),
    (HUGE_IN, CRITERIA_LIMIT),  # D-577: over 20,000 characters, refused before parsing
    ("(Company:in:" + ",".join(f"v{i}" for i in range(101)) + ")",
     error("INVALID_QUERY", 'Only 100 values are allowed in "IN" criteria', {"api_name": "Company"})),
    ("(Company:equals:A\u0000B)", CRITERIA_SYNTAX),
    ("(Comp\u0000any:equals:AB)", CRITERIA_SYNTAX),
    ("(Company:equals:" + "x" * 200_000 + ")", CRITERIA_LIMIT),
], ids=["deep 10000", "deep 26", "reversed parentheses", "10000 terms", "11 terms", "in 100000", "in 101",
        "NUL in value", "NUL in field", "200000 characters"])
@pytest.mark.parametrize("path", ["Leads/search", "Leads/actions/count"])
def test_hostile_criteria_answer_documented_errors(app, org, criteria, expected, path):
    assert search(app, org, "criteria", criteria, path) == (400, expected)


@pytest.mark.parametrize(("param", "value"), [("email", "a\u0000@x.com"), ("phone", "123\u0000"),
                                              ("word", "ab\u0000")])
def test_a_nul_in_email_phone_or_word_is_invalid_data(app, org, param, value):
    assert search(app, org, param, value) == (400, error("INVALID_DATA", "invalid data", {"param_name": param}))


@pytest.mark.parametrize("param", ["criteria", "email", "phone", "word"])
def test_bytes_that_are_not_utf8_never_break_the_server(app, org, param):
    status, body = raw_get(app, f"{API}/Leads/search", f"{param}=%FF%FE%ED%A0%80(Company:equals:%C0%AF)".encode(),
                           org.headers)
    assert status in (204, 400), body
    if status == 400:
        assert body["status"] == "error" and body["code"] in ("INVALID_QUERY", "INVALID_DATA"), body


@pytest.mark.parametrize("param", ["email", "word"])
def test_huge_email_or_word_values_answer(app, org, param):
    status, body = search(app, org, param, "x" * 300_000 + "@example.com")
    assert status in (204, 400), body


def test_unicode_values_are_found_as_written(client, org, app):
    r = client.post(f"{API}/Leads", json={"data": [{"Last_Name": "Ünïcødé 😀", "Company": "Zürich 北京 😀",
                                                    "Email": "zoë@例え.jp"}]}, headers=org.headers)
    assert r.status_code == 201, r.text
    ident = r.json()["data"][0]["details"]["id"]
    status, body = search(app, org, "criteria", "(Company:equals:Zürich 北京 😀)")
    assert status == 200 and [row["id"] for row in body["data"]] == [ident]
    status, body = search(app, org, "word", "北京")
    assert status == 200 and [row["id"] for row in body["data"]] == [ident]
    assert coql(client, org, "select id from Leads where Company = 'Zürich 北京 😀'")[1]["data"] == [{"id": ident}]


# ---- COQL ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("select id from Leads where " + "(" * 10_000 + "Company = 'A'" + ")" * 10_000, TOO_LONG),
    ("select id from Leads where " + "(" * 26 + "Company = 'A'" + ")" * 26, TOO_LONG),
    ("select id from Leads where " + " and ".join(["Company = 'A'"] * 10_000), TOO_LONG),
    ("select id from Leads where " + "(id = 1 and " * 5_000 + "id = 1" + ")" * 5_000, TOO_LONG),
    ("select id from Leads where " + "(Company = 'A' and " * 25 + "Company = 'A'" + ")" * 25,
     error("LIMIT_EXCEEDED", "limit exceeded", {"clause": "where", "limit": 25})),
    ("select id from Leads where Company in (" + ",".join(f"'v{i}'" for i in range(101)) + ")",
     error("LIMIT_EXCEEDED", "limit exceeded", {"clause": "where", "limit": 100, "column_name": "Company"})),
    ("select id from Leads where Company in (" + ",".join(f"'v{i}'" for i in range(100_000)) + ")", TOO_LONG),
    ("select id from Leads where Company = 'A\u0000B'", TOO_LONG),
    ("select id from Leads wh\u0000ere Company = 'AB'", TOO_LONG),
    ("select id from Leads where Company = '" + "x" * 1_000_000 + "'", TOO_LONG),
    ("select id from Léads where Company = 'x'",
     error("SYNTAX_ERROR", "unexpected token", {"line": 1, "column": 17, "near": "é"})),
    ("select " + ",".join(["Company"] * 501) + " from Leads where id is not null",
     error("LIMIT_EXCEEDED", "limit exceeded", {"clause": "select", "limit": 500})),
], ids=["deep 10000", "deep 26", "10000 terms", "10000 nested terms", "26 terms", "in 101", "in 100000",
        "NUL in literal", "NUL in keyword", "1000000 characters", "unicode identifier", "select 501"])
def test_hostile_coql_answers_documented_errors(client, org, text, expected):
    assert coql(client, org, text) == (400, expected)


@pytest.mark.parametrize("body", [b'{"select_query": "select id from Leads where Company = \'\\udcff\'"}',
                                  b'{"select_query": "select id from Leads where Company = \'\xff\'"}'],
                         ids=["lone surrogate", "invalid utf-8"])
def test_coql_text_that_is_not_unicode_never_breaks_the_server(client, org, body):
    r = client.post(f"{API}/coql", content=body, headers=org.headers)
    assert r.status_code in (204, 400), r.text
    if r.status_code == 400:
        assert r.json()["status"] == "error"
