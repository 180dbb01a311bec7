"""COQL details beyond the conformance cases: a multi-select ``=`` is the exact set of options
(spec 50 §9.1), and ``like`` patterns match ``_`` and ``\\`` literally (§9.3)."""

from __future__ import annotations

import json

import pytest

from tests.http.query.conftest import Fixture
from tests.http.services.helpers import seed_item

API = "/crm/v7"


def _ids(client, org, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    r = client.post(f"{API}/coql", content=json.dumps({"select_query": text}), headers=org.headers)
    if r.status_code == 204:
        return []
    assert r.status_code == 200, r.text
    return sorted(row["id"] for row in r.json()["data"])


@pytest.fixture
def services(client, org) -> dict[str, str]:  # type: ignore[no-untyped-def]
    made = {}
    for name, days in (("mon_tue", ["Monday", "Tuesday"]), ("tue_mon_wed", ["Tuesday", "Monday", "Wednesday"]),
                       ("mon", ["Monday"])):
        r = client.post(f"{API}/Services__s", json={"data": [seed_item(org, Available_Days=days)]},
                        headers=org.headers)
        assert r.status_code == 201, r.text
        made[name] = r.json()["data"][0]["details"]["id"]
    return made


@pytest.mark.parametrize(("value", "expected"), [
    ("Monday;Tuesday", ["mon_tue"]), ("tuesday;MONDAY", ["mon_tue"]), ("Monday", ["mon"]),
    ("Monday;Tuesday;Wednesday", ["tue_mon_wed"]), ("Monday;Monday", ["mon"]), ("Friday", []),
])
def test_multi_select_equals_is_the_exact_set_in_any_order(client, org, services, value, expected):
    text = f"select id from Services__s where Available_Days = '{value}'"
    assert _ids(client, org, text) == sorted(services[n] for n in expected)


def test_multi_select_not_equal_is_every_other_set(client, org, services):
    text = "select id from Services__s where Available_Days != 'Tuesday;Monday'"
    assert _ids(client, org, text) == sorted([services["tue_mon_wed"], services["mon"]])


def test_like_matches_underscore_and_backslash_literally(client, org, spec50: Fixture):
    assert _ids(client, org, "select id from Leads where Email like 'sales_%'") == [spec50.leads["L3"]]
    assert _ids(client, org, "select id from Leads where Email like '%s-t%'") == [spec50.leads["L2"]]
    assert _ids(client, org, "select id from Leads where Last_Name like '%\\\\'") == [spec50.leads["L3"]]


FIVE = ["Account_Name.Account_Name", "Account_Name.Parent_Account.Account_Name", "Owner.email", "Created_By.email",
        "Modified_By.email"]


def _nested(columns: list[str]) -> str:
    text = f"{columns[-1]} is not null"
    for column in reversed(columns[:-1]):
        text = f"({column} is not null and {text})"
    return text


def test_five_lookup_paths_outside_the_select_list_are_allowed(client, org, spec50: Fixture):
    r = client.post(f"{API}/coql", headers=org.headers,
                    content=json.dumps({"select_query": f"select id from Contacts where {_nested(FIVE)}"}))
    assert r.status_code == 200, r.text
    assert [row["id"] for row in r.json()["data"]] == [spec50.contacts["C1"]]


@pytest.mark.parametrize("where_or_order", ["where", "order"])
def test_a_sixth_lookup_path_outside_the_select_list_is_limit_exceeded(client, org, spec50: Fixture, where_or_order):
    sixth = "Account_Name.Owner.email"
    text = (f"select id from Contacts where {_nested([*FIVE, sixth])}" if where_or_order == "where"
            else f"select id from Contacts where {_nested(FIVE)} order by {sixth}")
    r = client.post(f"{API}/coql", content=json.dumps({"select_query": text}), headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "LIMIT_EXCEEDED", "details": {"clause": "join", "limit": 5},
                                               "message": "limit exceeded", "status": "error"})


@pytest.mark.parametrize("column", ["Owner.email", "Owner.first_name", "Owner.id", "Created_By.email"])
def test_null_checks_through_a_user_lookup(client, org, spec50: Fixture, column):
    """Once answered 500: the users table's columns took the ordered-comparison path."""
    everyone = sorted(spec50.contacts.values())
    assert _ids(client, org, f"select id from Contacts where {column} is not null") == everyone
    assert _ids(client, org, f"select id from Contacts where {column} is null") == []
