"""Depth and size on every input that is parsed: each query parameter of every operation gets
deeply nested JSON (filters, criteria…) and an oversized value; every body-taking endpoint a body
just past its limit. No answer may be a 5xx (D-450, D-456)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.conftest import new_org
from tests.http.services.helpers import seed_item
from tests.fuzz.helpers import QUERY_NAMES, assert_zoho_answer
from zcrm_local.http.body_limits import CRM_LIMIT, OAUTH_LIMIT
from zcrm_local.http.routes import crm_routes

API = "/crm/v7"
OPERATIONS = sorted((method, "/".join(route.pattern)) for route in crm_routes() for method in route.methods)
DEEP_GROUPS = '{"group":[' * 1000 + "]}" * 1000
DEEP_CRITERIA = ('{"group_operator":"AND","group":[' * 200 + '{"field":{"api_name":"name"},"comparator":"equal",'
                 '"value":"x"}' + "]}" * 200)
# Sent in every parameter at once, so short enough that the whole query stays a valid URL.
SHORT_VALUES = {"deep arrays": "[" * 300 + "]" * 300, "long": "x" * 2000}


def _path(pattern: str, ids: dict[str, str]) -> str:
    # A placeholder no fixture names (a draft, a template…) gets an id that matches nothing.
    return f"{API}/" + pattern.format_map(defaultdict(lambda: "1", ids))


@pytest.fixture
def org_ids(client, backend):
    org = new_org(backend)
    made = client.post(f"{API}/Services__s", headers=org.headers, json={"data": [seed_item(org)]})
    assert made.status_code == 201, made.text
    root = client.get(f"{API}/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    ids = {"module": "Services__s", "id": made.json()["data"][0]["details"]["id"], "territory_id": root,
           "user_id": str(org.made.user_ids["standard"]), "tax_id": "1"}
    return org, ids


@pytest.mark.parametrize(("method", "pattern"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_deep_and_long_query_values_never_break(client, org_ids, method, pattern):
    org, ids = org_ids
    path = _path(pattern, ids)
    names = (*QUERY_NAMES, "criteria", "word")
    # Each parameter alone with the deepest value, then every parameter at once with each value.
    tries = [(name, {name: DEEP_GROUPS}) for name in names]
    tries += [(f"{name}=deep criteria", {name: DEEP_CRITERIA}) for name in ("filters", "criteria")]
    tries += [(f"all={label}", dict.fromkeys(names, value)) for label, value in SHORT_VALUES.items()]
    for label, params in tries:
        r = client.request(method, path, params=params, headers=org.headers)
        try:
            assert_zoho_answer(r.status_code, r.headers, r.content)
        except AssertionError as failure:
            raise AssertionError(f"{label}: {failure}") from None


WRITES = [(m, p) for m, p in OPERATIONS if m in ("POST", "PUT", "PATCH")]


@pytest.mark.parametrize(("method", "pattern"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_a_body_past_the_limit_is_refused_413(client, org_ids, method, pattern):
    org, ids = org_ids
    r = client.request(method, _path(pattern, ids), content=b" " * (CRM_LIMIT + 1), headers=org.headers)
    assert r.status_code == 413
    assert_zoho_answer(r.status_code, r.headers, r.content)


@pytest.mark.parametrize("path", ["/oauth/v2/token", "/oauth/v2/auth", "/oauth/v2/token/revoke"])
def test_accounts_bodies_past_the_limit_or_deep_are_accounts_errors(client, path):
    r = client.post(path, content=b"a=" + b"x" * OAUTH_LIMIT,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert (r.status_code, r.json()) == (413, {"error": "invalid_request"})
    r = client.post(path, data={"scope": DEEP_GROUPS[:7000], "grant_type": "client_credentials"})
    assert_zoho_answer(r.status_code, r.headers, r.content, accounts=True)
