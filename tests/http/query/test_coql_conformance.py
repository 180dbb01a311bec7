"""Spec 50 §12 COQL cases C1–C30, exact bodies (both stores)."""

from __future__ import annotations

import json

import pytest


def _coql(client, org, query):
    return client.post("/crm/v7/coql", content=json.dumps({"select_query": query}), headers=org.headers)


def _rows(response):
    assert response.status_code == 200, response.text
    return response.json()["data"]


def _error(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def test_c1_rows_carry_id(client, org, spec50):
    r = _coql(client, org, "select Last_Name, First_Name from Leads where Last_Name = 'Boyle'")
    assert r.json() == {"data": [{"Last_Name": "Boyle", "First_Name": "Patricia", "id": spec50.leads["L1"]}],
                        "info": {"count": 1, "more_records": False}}


@pytest.mark.parametrize(("case", "query", "status", "body"), [
    ("C2", "select Last_Name from Leads", 400, _error("SYNTAX_ERROR", "missing clause", {"clause": "where"})),
    ("C3", "update Leads set Last_Name = 'x' where id = 1", 400,
     _error("SYNTAX_ERROR", "given coql query not supported", {})),
    ("C4", "select id from Leads where Last_Name is not null and Company is not null and Email is not null", 400,
     _error("SYNTAX_ERROR", "unexpected token", {"line": 1, "column": 74, "near": "and"})),
    ("C6", "select External from Contacts where id is not null", 400,
     _error("SYNTAX_ERROR", "unexpected token", {"line": 1, "column": 8, "near": "External"})),
    ("C7", "select Last_Name, Testing from Leads where Last_Name is not null", 400,
     _error("INVALID_QUERY", "column given seems to be invalid", {"column_name": "Testing", "clause": "select"})),
    ("C8", "select Last_Name from Leads where No_of_Employees = 'abc'", 400,
     _error("INVALID_QUERY", "value given seems to be invalid for the column",
            {"expected_data_type": "integer", "column_name": "No_of_Employees"})),
    ("C9", "select Last_Name from Leads where Last_Name >= 'B'", 400,
     _error("INVALID_QUERY", "invalid query formed",
            {"reason": "invalid operator found", "column_name": "Last_Name", "operator": ">="})),
    ("C15", "select Last_Name from Leads where Created_Time > '2024-02-01T00:00:00.000Z'", 400,
     _error("INVALID_QUERY", "value given seems to be invalid for the column",
            {"expected_data_type": "datetime", "column_name": "Created_Time"})),
    ("C16", "select Last_Name, Last_Name from Leads where id is not null", 400,
     _error("DUPLICATE_DATA", "duplicate select column", {"column_name": "Last_Name"})),
    ("C17", "select First_Name as '' from Leads where id is not null", 400,
     _error("INVALID_ALIAS", "alias name cannot be an empty string", {"column_name": "First_Name", "alias": ""})),
    ("C21", "select Last_Name from Leads where Annual_Revenue > (select Annual_Revenue from Leads where "
            "Annual_Revenue is not null)", 400,
     _error("INVALID_QUERY", "subquery return more than one values which is incompatible for the operator",
            {"sub_query_sequence": 0, "operator": ">"})),
    ("C23", "select count(Last_Name) from Leads where id is not null", 400,
     _error("INVALID_DATA", "invalid data", {"reason": "unsupported aggregate function", "column": "count(Last_Name)"})),
    ("C24", "select Last_Name from Leads where not (Last_Name = 'Boyle')", 400,
     _error("SYNTAX_ERROR", "operator not supported", {"operator": "not"})),
    ("C25", "select Account_Name from Accounts where Description = 'key account'", 400,
     _error("INVALID_QUERY", "unsupported column in criteria",
            {"cv_criteria": False, "column_name": "Description", "value": "key account", "operator": "="})),
    ("C26", "select Last_Name from Leads where id is not null limit 2001", 400,
     _error("LIMIT_EXCEEDED", "limit exceeded", {"clause": "limit", "limit": 2000})),
    ("C27", "select Last_Name from Leads where id is not null limit 1900 offset 98200", 400,
     _error("LIMIT_EXCEEDED", "Max records limit exceeded", {"limit": 100000})),
    ("C29", "select Last_Name from Leadz where id is not null", 400,
     _error("INVALID_MODULE", "the given module is not supported in api", {})),
])
def test_coql_errors(client, org, spec50, case, query, status, body):
    r = _coql(client, org, query)
    assert (r.status_code, r.json()) == (status, body), case


@pytest.mark.parametrize(("case", "query", "expected"), [
    ("C5", "select id from Leads where ((Last_Name is not null and Company is not null) and Email is not null)",
     ["L1", "L2", "L3"]),
    ("C10", "select Last_Name from Leads where Company like '%bc%'", ["L1", "L2"]),
    ("C11", "select Last_Name from Leads where Annual_Revenue not between 100000 and 200000", ["L2"]),
    ("C12", "select Last_Name from Leads where Lead_Source is null", ["L3"]),
    ("C13", "select Last_Name from Leads where Lead_Source = Advertisement", ["L1"]),
    ("C14", "select Last_Name from Leads where Created_Time > '2024-02-01T00:00:00+05:30'", ["L1"]),
    ("C28a", "select Last_Name from Leads where id is not null limit 1, 2", ["L2", "L3"]),
    ("C28b", "select Last_Name from Leads where id is not null limit 2 offset 1", ["L2", "L3"]),
])
def test_coql_lead_rows(client, org, spec50, case, query, expected):
    r = _coql(client, org, query)
    assert [row["id"] for row in _rows(r)] == [spec50.leads[n] for n in expected], case
    assert r.json()["info"]["more_records"] is False


def test_c18_join_two_levels(client, org, spec50):
    r = _coql(client, org, "select Last_Name from Contacts where Account_Name.Parent_Account.Account_Name = 'King'")
    assert _rows(r) == [{"Last_Name": "Boyle", "id": spec50.contacts["C1"]}]


def test_c19_lookup_and_joined_column(client, org, spec50):
    r = _coql(client, org, "select Account_Name, Account_Name.Account_Name from Contacts where id is not null "
                           "order by Last_Name")
    assert _rows(r) == [
        {"Account_Name": {"name": "Zylker", "id": spec50.accounts["A2"]}, "Account_Name.Account_Name": "Zylker",
         "id": spec50.contacts["C1"]},
        {"Account_Name": None, "Account_Name.Account_Name": None, "id": spec50.contacts["C2"]},
    ]


def test_c20_subquery_in(client, org, spec50):
    r = _coql(client, org, "select Full_Name from Contacts where Account_Name in (select id from Accounts where "
                           "Account_Name = 'Zylker')")
    assert _rows(r) == [{"Full_Name": "Boyle", "id": spec50.contacts["C1"]}]


def test_c22_sum_group_by(client, org, spec50):
    r = _coql(client, org, "select SUM(Annual_Revenue), Lead_Source from Leads where Annual_Revenue is not null "
                           "group by Lead_Source")
    assert _rows(r) == [{"SUM(Annual_Revenue)": 100000, "Lead_Source": "Advertisement"},
                        {"SUM(Annual_Revenue)": 250000, "Lead_Source": "Cold Call"}]


def test_c30_no_row(client, org, spec50):
    r = _coql(client, org, "select Last_Name from Leads where Last_Name = 'Nobody'")
    assert (r.status_code, r.content) == (204, b"")
