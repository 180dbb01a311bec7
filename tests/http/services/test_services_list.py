"""GET /Services__s: fields, ids, sort, paging, page tokens, If-Modified-Since (spec 10 §3,
conventions §11)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import token_for
from tests.http.services.helpers import post, seed_item


def _make(client, org, n: int) -> list[str]:
    r = post(client, org, *[seed_item(org, Service_Name=f"S{i:03d}") for i in range(n)])
    assert r.status_code == 201
    return [item["details"]["id"] for item in r.json()["data"]]


def _err(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def test_list_empty_is_204(client, org):
    r = client.get("/crm/v7/Services__s?fields=Service_Name", headers=org.headers)
    assert (r.status_code, r.content) == (204, b"")


def test_list_default_order_is_id_desc_with_info(client, org):
    ids = _make(client, org, 3)
    r = client.get("/crm/v7/Services__s?fields=Service_Name,Duration", headers=org.headers)
    assert r.status_code == 200
    body = r.json()
    assert [d["id"] for d in body["data"]] == list(reversed(ids))
    assert body["data"][0] == {"id": ids[-1], "Service_Name": "S002", "Duration": 60}
    assert body["info"] == {"per_page": 200, "count": 3, "page": 1, "sort_by": "id", "sort_order": "desc",
                            "more_records": False, "next_page_token": None, "previous_page_token": None,
                            "page_token_expiry": None}


def test_list_sort_asc_page_and_per_page(client, org):
    ids = _make(client, org, 5)
    r = client.get("/crm/v7/Services__s?fields=Service_Name&sort_order=asc&per_page=2&page=2", headers=org.headers)
    body = r.json()
    assert [d["id"] for d in body["data"]] == ids[2:4]
    assert body["info"]["more_records"] is True and body["info"]["page"] == 2 and body["info"]["count"] == 2


def test_list_per_page_over_200_is_capped(client, org):
    _make(client, org, 1)
    r = client.get("/crm/v7/Services__s?fields=Service_Name&per_page=500", headers=org.headers)
    assert r.json()["info"]["per_page"] == 200


def test_list_ids_restricts(client, org):
    ids = _make(client, org, 3)
    r = client.get(f"/crm/v7/Services__s?fields=Service_Name&ids={ids[0]},{ids[2]}", headers=org.headers)
    assert sorted(d["id"] for d in r.json()["data"]) == sorted([ids[0], ids[2]])


def test_list_page_token_walks_every_record_once(client, org):
    ids = _make(client, org, 5)
    seen: list[str] = []
    url = "/crm/v7/Services__s?fields=Service_Name&per_page=2"
    r = client.get(url, headers=org.headers).json()
    seen += [d["id"] for d in r["data"]]
    while r["info"]["more_records"]:
        token = r["info"]["next_page_token"]
        assert r["info"]["page_token_expiry"].endswith("+05:30")
        r = client.get(f"{url}&page_token={token}", headers=org.headers).json()
        seen += [d["id"] for d in r["data"]]
    assert seen == list(reversed(ids))


def test_list_page_token_bound_to_params(client, org):
    _make(client, org, 3)
    r = client.get("/crm/v7/Services__s?fields=Service_Name&per_page=1", headers=org.headers).json()
    token = r["info"]["next_page_token"]
    bad = client.get(f"/crm/v7/Services__s?fields=Duration&per_page=1&page_token={token}", headers=org.headers)
    assert (bad.status_code, bad.json()) == (400, _err(
        "TOKEN_BOUND_DATA_MISMATCH",
        "The page_token given seems to be invalid or input param is added or altered or deleted",
        {"param_name": "page_token"}))
    forged = client.get("/crm/v7/Services__s?fields=Service_Name&per_page=1&page_token=abc.def", headers=org.headers)
    assert forged.json()["code"] == "TOKEN_BOUND_DATA_MISMATCH"


def test_list_page_token_expires_after_a_day(client, backend, org, clock):
    _make(client, org, 3)
    r = client.get("/crm/v7/Services__s?fields=Service_Name&per_page=1", headers=org.headers).json()
    token = r["info"]["next_page_token"]
    clock.advance(timedelta(hours=24))
    # the old access token expired with the clock: a fresh one
    headers = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org)}"}
    expired = client.get(f"/crm/v7/Services__s?fields=Service_Name&per_page=1&page_token={token}", headers=headers)
    assert (expired.status_code, expired.json()) == (400, _err(
        "EXPIRED_VALUE", "Page token expired", {"api_name": "page_token", "json_path": "$.query.page_token"}))


@pytest.mark.parametrize(
    ("query", "status", "expected"),
    [
        ("", 400, _err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", {"param_name": "fields"})),
        ("fields=" + ",".join(f"F{i}" for i in range(51)), 400,
         _err("LIMIT_EXCEEDED", "limit exceeded", {"limit": 50, "param_name": "fields"})),
        ("fields=Duration&sort_by=Price", 400,
         _err("INVALID_DATA", "invalid data",
              {"param_name": "sort_by", "supported_values": ["id", "Created_Time", "Modified_Time"]})),
        ("fields=Duration&sort_order=up", 400,
         _err("INVALID_DATA", "invalid data", {"param_name": "sort_order", "supported_values": ["asc", "desc"]})),
        ("fields=Duration&cvid=123", 400, _err("INVALID_DATA", "invalid data", {"param_name": "cvid"})),
        ("fields=Duration&page=11", 400,
         _err("DISCRETE_PAGINATION_LIMIT_EXCEEDED",
              "You can only get the first 2000 records without using page_token param", {"limit": 2000})),
        ("fields=Duration&page=2&page_token=x", 400,
         _err("AMBIGUITY_DURING_PROCESSING", "page and page_token cannot be given together",
              {"ambiguity_due_to": [{"param_name": "page"}, {"param_name": "page_token"}]})),
        ("fields=Duration&ids=" + ",".join(str(10**17 + i) for i in range(101)), 400,
         _err("LIMIT_EXCEEDED", "Limit Exceeded, You cannot give more than 100 record ids",
              {"limit": "100", "param_name": "ids"})),
        ("fields=Duration&page=0", 400, _err("INVALID_DATA", "invalid data", {"param_name": "page"})),
    ],
)
def test_list_parameter_errors(client, org, query, status, expected):
    r = client.get(f"/crm/v7/Services__s?{query}", headers=org.headers)
    assert (r.status_code, r.json()) == (status, expected)


def test_list_if_modified_since(client, org, clock):
    _make(client, org, 1)
    later = "2026-11-23T12:00:01+05:30"
    r = client.get("/crm/v7/Services__s?fields=Duration", headers={**org.headers, "If-Modified-Since": later})
    assert (r.status_code, r.content, r.headers.get("content-type")) == (304, b"", None)
    earlier = "Mon, 23 Nov 2026 06:00:00 GMT"
    r = client.get("/crm/v7/Services__s?fields=Duration", headers={**org.headers, "If-Modified-Since": earlier})
    assert r.status_code == 200 and r.json()["info"]["count"] == 1
