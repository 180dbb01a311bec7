"""Spec 50 §12 search and count cases E1–E18, exact bodies (both stores)."""

from __future__ import annotations

from urllib.parse import quote

import pytest


def _search(client, org, criteria, extra=""):
    return client.get(f"/crm/v7/Leads/search?criteria={quote(criteria, safe='')}{extra}", headers=org.headers)


def _ids(response):
    assert response.status_code == 200, response.text
    return [row["id"] for row in response.json()["data"]]


def _invalid_query(details):
    return {"code": "INVALID_QUERY", "details": details, "message": "invalid query formed", "status": "error"}


@pytest.mark.parametrize(("case", "criteria", "expected"), [
    ("E1", "(Company:equals:ABC)", ["L2", "L1"]),
    ("E2", "((Last_Name:equals:Burns\\,B)and(First_Name:starts_with:M))", ["L2"]),
    ("E3", "(Last_Name:equals:K\\\\)", ["L3"]),
    ("E4", "(Company:equals:Patricia\\(Boyle\\))", ["L3"]),
    ("E5", "(Email:equals:sales-team@zoho.com)", ["L3", "L2"]),
    ("E6", "Company:equals:ABC", ["L2", "L1"]),
    ("E7", "(Annual_Revenue:between:100000,250000)", ["L2", "L1"]),
])
def test_search_rows(client, org, spec50, case, criteria, expected):
    assert _ids(_search(client, org, criteria)) == [spec50.leads[n] for n in expected], case


def test_e8_raw_plus_is_a_space_encoded_plus_works(client, org, spec50):
    raw = client.get("/crm/v7/Leads/search?criteria=(Created_Time:greater_equal:2024-02-01T00:00:00+05:30)",
                     headers=org.headers)
    assert raw.status_code == 400
    assert raw.json() == _invalid_query({"expected_data_type": "datetime", "reason": "invalid value for search",
                                         "api_name": "Created_Time", "value": "2024-02-01T00:00:00 05:30"})
    assert _ids(_search(client, org, "(Created_Time:greater_equal:2024-02-01T00:00:00+05:30)")) == [spec50.leads["L1"]]


@pytest.mark.parametrize(("case", "criteria", "details"), [
    ("E9", "(Annual_Revenue:starts_with:1)",
     {"operator": "starts_with", "reason": "invalid operator found", "api_name": "Annual_Revenue"}),
    ("E10", "(Foo__c:equals:1)", {"reason": "the field is not available for search", "api_name": "Foo__c"}),
])
def test_search_invalid_query(client, org, spec50, case, criteria, details):
    r = _search(client, org, criteria)
    assert (r.status_code, r.json()) == (400, _invalid_query(details)), case


def test_e11_criteria_limit(client, org, spec50):
    criteria = "and".join(f"(Company:equals:c{i})" for i in range(11))
    r = _search(client, org, f"({criteria})")
    assert (r.status_code, r.json()) == (400, {"code": "CRITERIA_LIMIT_EXCEEDED", "details": {},
                                               "message": "no of criterium that can be given exceed the limit 10",
                                               "status": "error"})


def test_e12_in_values(client, org, spec50):
    values = ",".join(f"v{i}" for i in range(1, 102))
    r = _search(client, org, f"(Lead_Source:in:{values})")
    assert (r.status_code, r.json()) == (400, {"code": "INVALID_QUERY", "details": {"api_name": "Lead_Source"},
                                               "message": 'Only 100 values are allowed in "IN" criteria',
                                               "status": "error"})


def test_e13_no_search_parameter(client, org, spec50):
    r = client.get("/crm/v7/Leads/search", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "EXPECTED_PARAM_MISSING",
                                               "details": {"param_names": ["criteria", "email", "phone", "word"]},
                                               "message": "mandatory param missing", "status": "error"})


def test_e14_word_too_short(client, org, spec50):
    r = client.get("/crm/v7/Leads/search?word=a", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"code": "INVALID_DATA", "details": {"param_name": "word"},
                                               "message": "provide atleast 2 letters for search", "status": "error"})


def test_e15_criteria_wins_over_email(client, org, spec50):
    r = _search(client, org, "(Company:equals:Nobody)", "&email=p.boyle@zylker.com")
    assert (r.status_code, r.content) == (204, b"")


def test_e16_window(client, org, spec50):
    r = _search(client, org, "(Company:equals:ABC)", "&page=11&per_page=200")
    assert (r.status_code, r.json()) == (400, {"code": "LIMIT_REACHED", "details": {"limit": "2000"},
                                               "message": "maximum response iteration limit reached",
                                               "status": "error"})


def test_e17_count(client, org, spec50):
    r = client.get("/crm/v7/Leads/actions/count", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"count": 3})


def test_e18_cvid_and_criteria(client, org, spec50):
    r = client.get("/crm/v7/Leads/actions/count?cvid=1&criteria=(Company:equals:ABC)", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {
        "code": "AMBIGUITY_DURING_PROCESSING",
        "details": {"ambiguity_due_to": [{"param_name": "cvid"}, {"param_name": "criteria"}]},
        "message": "Please use either Cvid or Search Params. Combination of both the params is not allowed",
        "status": "error"})


def test_search_info_and_count_with_criteria(client, org, spec50):
    r = _search(client, org, "(Company:equals:ABC)")
    assert r.json()["info"] == {"per_page": 200, "count": 2, "sort_by": "id", "page": 1, "sort_order": "desc",
                                "more_records": False}
    r = client.get("/crm/v7/Leads/actions/count?criteria=(Company:equals:ABC)", headers=org.headers)
    assert r.json() == {"count": 2}
    r = client.get("/crm/v7/Leads/search?email=p.boyle@zylker.com", headers=org.headers)
    assert _ids(r) == [spec50.leads["L1"]]
    assert r.json()["info"] == {"per_page": 200, "count": 1, "page": 1, "more_records": False}
