"""Depth limits on every JSON body, criteria and filter (D-456): deep input once answered 500."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.http.services.helpers import seed_item
from tests.http.territories.helpers import BASE, root_id
from zcrm_local.domain.metadata import scoped_id

UNPARSABLE = {"code": "UNABLE_TO_PARSE_DATA_TYPE", "details": {},
              "message": "either the request body or parameters is in wrong format", "status": "error"}
FILTERS_INVALID = {"code": "INVALID_DATA", "details": {"param_name": "filters"}, "message": "invalid data",
                   "status": "error"}


def _nested_filter(depth: int) -> dict:
    leaf = {"field": {"api_name": "name"}, "comparator": "equal", "value": "x"}
    node = leaf
    for _ in range(depth):
        node = {"group_operator": "AND", "group": [node, leaf]}
    return node


@pytest.mark.parametrize("depth", [26, 40])
def test_deeply_nested_territory_filters_are_invalid_data(client, org, depth):
    raw = json.dumps(_nested_filter(depth), separators=(",", ":"))
    r = client.get(f"{BASE}?filters={quote(raw)}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, FILTERS_INVALID)


@pytest.mark.parametrize("depth", [400, 1000])
def test_a_thousand_levels_of_filters_in_a_short_url_are_invalid_data(client, org, depth):
    raw = '{"group":[' * depth + "]}" * depth
    r = client.get(f"{BASE}?filters={raw}", headers=org.headers)
    assert len(raw) < 13_000
    assert (r.status_code, r.json()) == (400, FILTERS_INVALID)


def test_filters_as_deep_as_allowed_still_work(client, org):
    raw = json.dumps(_nested_filter(10))
    r = client.get(BASE, params={"filters": raw}, headers=org.headers)
    assert r.status_code == 204


@pytest.mark.parametrize("raw", ["[" * 5000 + "]" * 5000, '{"a":' * 3000 + "1" + "}" * 3000])
def test_filters_deeper_than_any_json_parser_allows_are_invalid_data(client, org, raw):
    r = client.get(BASE, params={"filters": raw}, headers=org.headers)
    assert (r.status_code, r.json()) == (400, FILTERS_INVALID)


def _rule(org):
    return {"comparator": "greater_than", "field": {"api_name": "Amount", "id": scoped_id(org.made.prefix, 4_000_002)},
            "value": "2000000"}


@pytest.mark.parametrize("shape", ["chain", "pairs"])
def test_deeply_nested_rule_criteria_is_a_criteria_error(client, org, shape):
    rule = _rule(org)
    node = rule
    for _ in range(40):
        node = {"group_operator": "AND", "group": [node] if shape == "chain" else [node, rule]}
    root = root_id(client, org)
    body = {"territories": [{"name": "Deep", "reporting_to": {"id": root}, "permission_type": "read_only",
                             "deal_rule_criteria": node}]}
    r = client.post(BASE, json=body, headers=org.headers)
    path = "$.territories[0].deal_rule_criteria"
    assert r.status_code == 400
    assert r.json() == {"territories": [{
        "code": "LIMIT_EXCEEDED", "message": "Maximum Territory Criteria Limit reached", "status": "error",
        "details": {"limit": 25, "limit_due_to": [{"api_name": "deal_rule_criteria", "json_path": path}]}}]}


@pytest.mark.parametrize("depth", [200, 1000])
@pytest.mark.parametrize("where", ["record field", "criteria"])
def test_json_bodies_deeper_than_the_limit_are_unparsable(client, org, depth, where):
    """Under orjson's own 1,024 levels, but past what any Zoho body needs."""
    if where == "record field":
        path, body = "/crm/v7/Services__s", '{"data":[{"Service_Name":"x","Description":' + "[" * depth + \
            "]" * depth + "}]}"
    else:
        nested = '{"group_operator":"AND","group":[' * depth + json.dumps(_rule(org)) + "]}" * depth
        path, body = BASE, '{"territories":[{"name":"D","permission_type":"read_only","deal_rule_criteria":' + \
            nested + "}]}"
    r = client.post(path, content=body, headers=org.headers)
    assert (r.status_code, r.json()) == (400, UNPARSABLE)


def test_a_body_at_the_depth_limit_reaches_the_field_rules(client, org):
    body = {"data": [seed_item(org, Description=json.loads("[" * 60 + "]" * 60))]}
    r = client.post("/crm/v7/Services__s", json=body, headers=org.headers)
    assert r.status_code == 400 and r.json()["data"][0]["code"] == "INVALID_DATA"


def test_a_deep_admin_body_is_invalid_input(client, backend, org):
    """A fault rule's body is stored, then rendered on every matching call."""
    from tests.admin.conftest import ADMIN_KEY
    from zcrm_local.service.harness.admin import install_admin_key

    install_admin_key(backend, ADMIN_KEY)
    body = '{"path":"/crm/v7/org","status":200,"body":' + "[" * 300 + "]" * 300 + "}"
    r = client.post(f"/_zcrm/orgs/{org.id}/faults", content=body, headers={"X-ZCRM-Admin-Key": ADMIN_KEY})
    assert (r.status_code, r.json()) == (400, {"error": {"code": "INVALID_INPUT",
                                                         "message": "the body nests deeper than 100 levels"}})
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
