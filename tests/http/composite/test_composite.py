"""C1 — POST /__composite_requests (spec 70 §3): whole bodies of every error, references,
execution order, statuses, and rollback that leaves nothing stored."""

from __future__ import annotations

import json

import pytest

from tests.conftest import token_for

URL = "/crm/v7/__composite_requests"
HEADERS = {"content-type": "application/json;charset=utf-8", "Content-Disposition": "attachment; filename=response.json"}
ROLLED = "the transaction was rolled back since another sub request in the same transaction failed."


def _post(client, org, body, headers=None, url=URL):
    return client.post(url, content=json.dumps(body) if not isinstance(body, bytes) else body,
                       headers=headers or org.headers)


def _executed(status, body):
    return {"code": "SUCCESS", "details": {"response": {"headers": HEADERS, "status_code": status, "body": body}},
            "message": "composite sub request executed successfully", "status": "success"}


def _lead(last="A"):
    return {"method": "POST", "uri": "/crm/v7/Leads", "body": {"data": [{"Last_Name": last}]}}


def _leads(client, org):
    r = client.get("/crm/v7/Leads?fields=Last_Name", headers=org.headers)
    return [] if r.status_code == 204 else [d["Last_Name"] for d in r.json()["data"]]


# ---- request-level errors (bare, 400) ------------------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ({"rollback_on_fail": "yes", "__composite_requests": [_lead()]},
     {"code": "INVALID_DATA", "details": {"expected_data_type": "boolean", "api_name": "rollback_on_fail",
                                          "json_path": "$.rollback_on_fail"}, "message": "invalid data", "status": "error"}),
    ({"parallel_execution": 1, "__composite_requests": [_lead()]},
     {"code": "INVALID_DATA", "details": {"expected_data_type": "boolean", "api_name": "parallel_execution",
                                          "json_path": "$.parallel_execution"}, "message": "invalid data", "status": "error"}),
    ({}, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "__composite_requests",
                                                     "json_path": "$.__composite_requests"},
          "message": "required field not found", "status": "error"}),
    ({"__composite_requests": None}, {"code": "MANDATORY_NOT_FOUND", "details": {
        "api_name": "__composite_requests", "json_path": "$.__composite_requests"},
        "message": "required field not found", "status": "error"}),
    ({"__composite_requests": {"a": 1}}, {"code": "INVALID_DATA", "details": {
        "expected_data_type": "jsonarray", "api_name": "__composite_requests", "json_path": "$.__composite_requests"},
        "message": "invalid data", "status": "error"}),
    ({"__composite_requests": [_lead()] * 6}, {"code": "INVALID_DATA", "details": {
        "maximum_length": 5, "api_name": "__composite_requests", "json_path": "$.__composite_requests"},
        "message": "invalid data", "status": "error"}),
    ({"__composite_requests": []}, {"code": "INVALID_DATA", "details": {
        "minimum_length": 1, "api_name": "__composite_requests", "json_path": "$.__composite_requests"},
        "message": "invalid data", "status": "error"}),
    ({"rollback_on_fail": True, "parallel_execution": True, "__composite_requests": [_lead()]},
     {"code": "AMBIGUITY_DURING_PROCESSING", "details": {"ambiguity_due_to": [
         {"api_name": "rollback_on_fail", "json_path": "$.rollback_on_fail"},
         {"api_name": "parallel_execution", "json_path": "$.parallel_execution"}]},
      "message": "ambiguity during processing", "status": "error"}),
    ({"rollback_on_fail": True, "concurrent_execution": True, "__composite_requests": [_lead()]},
     {"code": "AMBIGUITY_DURING_PROCESSING", "details": {"ambiguity_due_to": [
         {"api_name": "rollback_on_fail", "json_path": "$.rollback_on_fail"},
         {"api_name": "concurrent_execution", "json_path": "$.concurrent_execution"}]},
      "message": "ambiguity during processing", "status": "error"}),
])
def test_request_level_errors(client, org, body, expected):
    r = _post(client, org, body)
    assert (r.status_code, r.json()) == (400, expected)
    assert _leads(client, org) == []


def test_version_below_3_is_not_supported(client, org):
    r = _post(client, org, {"__composite_requests": [_lead()]}, url="/crm/v2/__composite_requests")
    assert (r.status_code, r.json()) == (400, {"code": "API_NOT_SUPPORTED", "details": {"supported_version": 3},
                                               "message": "api not supported in this version", "status": "error"})


def test_scope_and_method(client, backend, org):
    token = token_for(backend, org, scopes=["ZohoCRM.modules.ALL"])
    r = _post(client, org, {"__composite_requests": [_lead()]}, {"Authorization": f"Zoho-oauthtoken {token}"})
    assert (r.status_code, r.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
    assert client.get(URL, headers=org.headers).json()["code"] == "INVALID_REQUEST_METHOD"


def test_malformed_json_is_unable_to_parse(client, org):
    r = _post(client, org, b"{nope")
    assert (r.status_code, r.json()["code"]) == (400, "UNABLE_TO_PARSE_DATA_TYPE")


# ---- sub-request errors (items; the sub-request is not executed) ---------------------------

def _sub_error(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


@pytest.mark.parametrize(("sub", "expected"), [
    ({"uri": "/crm/v7/Leads"}, _sub_error("MANDATORY_NOT_FOUND", "required field not found",
                                          {"api_name": "method", "json_path": "$.__composite_requests[1].method"})),
    ({"method": "GET"}, _sub_error("MANDATORY_NOT_FOUND", "required field not found",
                                   {"api_name": "uri", "json_path": "$.__composite_requests[1].uri"})),
    ({"method": "GET", "uri": "/v7/Leads"}, _sub_error("INVALID_DATA", "invalid data", {
        "expected_data_type": "text", "regex": "/crm(/.*)?/v[0-9]+([.][0-9]+)?/.*", "api_name": "uri",
        "json_path": "$.__composite_requests[1].uri"})),
    ({"method": "FETCH", "uri": "/crm/v7/Leads"}, _sub_error("INVALID_DATA", "invalid data", {
        "supported_values": ["GET", "POST", "PUT", "PATCH", "DELETE"], "api_name": "method",
        "json_path": "$.__composite_requests[1].method"})),
    ({"sub_request_id": "_x", "method": "GET", "uri": "/crm/v7/Leads"}, _sub_error("INVALID_DATA", "invalid data", {
        "regex": "[a-zA-Z0-9][a-zA-Z0-9_]*", "api_name": "sub_request_id",
        "json_path": "$.__composite_requests[1].sub_request_id"})),
    ({"method": "GET", "uri": "/crm/v7/Leads", "headers": {"Authorization": "x"}}, _sub_error(
        "INVALID_DATA", "invalid data", {"restricted_headers": ["Authorization"], "api_name": "headers",
                                         "json_path": "$.__composite_requests[1].headers"})),
    ({"method": "DELETE", "uri": "/crm/v7/Leads", "params": {"ids": "1"}}, _sub_error(
        "INVALID_DATA", "invalid data", {"restricted_params": ["ids"], "api_name": "params",
                                         "json_path": "$.__composite_requests[1].params"})),
    ({"method": "GET", "uri": "/crm/v7/Leads", "params": [1]}, _sub_error("INVALID_DATA", "invalid data", {
        "expected_data_type": "jsonobject", "api_name": "params", "json_path": "$.__composite_requests[1].params"})),
    ({"method": "GET", "uri": "/crm/v8/Leads"}, _sub_error(
        "NOT_ALLOWED", "sub request version is greater than composite request version",
        {"sub_request_version": 8, "composite_request_version": 7})),
    ({"method": "POST", "uri": "/crm/v7/Leads/actions/mass_update"}, _sub_error(
        "NOT_SUPPORTED", "the api is not supported in composite requests",
        {"api_name": "uri", "json_path": "$.__composite_requests[1].uri"})),
    ({"method": "GET", "uri": "/crm/v7/Leads/@{zz:$.data[0].id}"}, _sub_error(
        "INVALID_REFERENCE", "invalid reference", {"api_name": "uri", "json_path": "$.__composite_requests[1].uri",
                                                   "reference": "@{zz:$.data[0].id}"})),
    ({"method": "GET", "uri": "/crm/v7/Leads/@{0:data}"}, _sub_error(
        "INVALID_REFERENCE", "invalid reference", {"api_name": "uri", "json_path": "$.__composite_requests[1].uri",
                                                   "reference": "@{0:data}"})),
    ({"method": "GET", "uri": "/crm/v7/Leads/@{1:$.data}"}, _sub_error(
        "INVALID_REFERENCE", "invalid reference", {"api_name": "uri", "json_path": "$.__composite_requests[1].uri",
                                                   "reference": "@{1:$.data}"})),
    ({"method": "GET", "uri": "/crm/v7/Leads/@{0:$.nothing[3]}"}, _sub_error(
        "INVALID_REFERENCE", "invalid reference", {"api_name": "uri", "json_path": "$.__composite_requests[1].uri",
                                                   "reference": "@{0:$.nothing[3]}"})),
])
def test_sub_request_errors_207(client, org, sub, expected):
    r = _post(client, org, {"parallel_execution": False, "__composite_requests": [_lead("First"), sub]})
    assert r.status_code == 207
    items = r.json()["__composite_requests"]
    assert items[0]["details"]["response"]["status_code"] == 201
    assert items[1] == expected
    assert _leads(client, org) == ["First"]


def test_duplicate_sub_request_ids(client, org):
    subs = [{"sub_request_id": "x", **_lead()}, _lead(), {"sub_request_id": "x", **_lead()}]
    r = _post(client, org, {"__composite_requests": subs})
    assert r.status_code == 207
    dup = lambda i: _sub_error("DUPLICATE_DATA", "duplicate data", {  # noqa: E731
        "api_name": "sub_request_id", "json_path": f"$.__composite_requests[{i}].sub_request_id",
        "sub_request_indexes": [0, 2]})
    items = r.json()["__composite_requests"]
    assert (items[0], items[2]) == (dup(0), dup(2))
    assert items[1]["details"]["response"]["status_code"] == 201


def test_nothing_executed_is_400(client, org):
    r = _post(client, org, {"__composite_requests": [{"method": "GET"}]})
    assert r.status_code == 400


def test_sequential_reference_to_a_later_sub_request(client, org):
    subs = [{"method": "GET", "uri": "/crm/v7/Leads/@{b:$.data[0].details.id}"}, {"sub_request_id": "b", **_lead()}]
    r = _post(client, org, {"parallel_execution": False, "__composite_requests": subs})
    assert r.status_code == 207
    assert r.json()["__composite_requests"][0] == _sub_error("INVALID_REFERENCE", "invalid reference", {
        "api_name": "uri", "json_path": "$.__composite_requests[0].uri", "reference": "@{b:$.data[0].details.id}"})


def test_parallel_runs_dependants_after_what_they_reference(client, org):
    subs = [{"method": "GET", "uri": "/crm/v7/Leads/@{b:$.data[0].details.id}", "params": {"fields": "Last_Name"}},
            {"sub_request_id": "b", **_lead("Later")}]
    r = _post(client, org, {"__composite_requests": subs})
    assert r.status_code == 200
    first, second = r.json()["__composite_requests"]
    rid = second["details"]["response"]["body"]["data"][0]["details"]["id"]
    assert first == _executed(200, {"data": [{"id": rid, "Last_Name": "Later"}]})


def test_parallel_reference_to_a_failed_sub_request(client, org):
    subs = [{"sub_request_id": "bad", **_lead("")},
            {"method": "GET", "uri": "/crm/v7/Leads/@{bad:$.data[0].details.id}"}]
    r = _post(client, org, {"__composite_requests": subs})
    assert r.status_code == 207
    assert r.json()["__composite_requests"][1] == _sub_error("INVALID_REFERENCE", "invalid reference", {
        "api_name": "uri", "json_path": "$.__composite_requests[1].uri", "reference": "@{bad:$.data[0].details.id}"})


def test_parallel_cycle_is_looping_found(client, org):
    subs = [_lead(),
            {"sub_request_id": "p", "method": "GET", "uri": "/crm/v7/Leads/@{q:$.data[0].id}"},
            {"sub_request_id": "q", "method": "GET", "uri": "/crm/v7/Leads/@{p:$.data[0].id}"}]
    r = _post(client, org, {"__composite_requests": subs})
    assert r.status_code == 207
    items = r.json()["__composite_requests"]
    assert items[1] == _sub_error("LOOPING_FOUND", "looping found among the sub requests", {"dependent_data": [
        {"sub_request_id": "p", "referred_sub_request_ids": ["q"]},
        {"sub_request_id": "q", "referred_sub_request_ids": ["p"]}]})
    assert items[2]["code"] == "LOOPING_FOUND"


def test_reference_inside_a_body_string_and_as_a_whole_value(client, org):
    subs = [{"sub_request_id": "a", **_lead("Alpha")},
            {"method": "POST", "uri": "/crm/v7/Leads",
             "body": {"data": [{"Last_Name": "after @{a:$.data[0].message}", "Company": "@{a:$.data[0].status}"}]}}]
    r = _post(client, org, {"parallel_execution": False, "__composite_requests": subs})
    assert r.status_code == 200
    assert sorted(_leads(client, org)) == ["Alpha", "after record added"]


# ---- caps (answered inside the sub-response) ----------------------------------------------

def test_write_of_more_than_one_record(client, org):
    sub = {"method": "POST", "uri": "/crm/v7/Leads", "body": {"data": [{"Last_Name": "a"}, {"Last_Name": "b"}]}}
    r = _post(client, org, {"__composite_requests": [sub]})
    assert r.status_code == 200
    assert r.json()["__composite_requests"][0] == _executed(400, {
        "code": "LIMIT_EXCEEDED", "details": {"api_name": "data", "json_path": "$.data", "limit": 1},
        "message": "limit exceeded", "status": "error"})
    assert _leads(client, org) == []


def test_read_page_is_capped_at_25(client, org):
    for i in range(27):
        client.post("/crm/v7/Leads", content=json.dumps({"data": [{"Last_Name": f"L{i}"}]}), headers=org.headers)
    subs = [{"method": "GET", "uri": "/crm/v7/Leads?fields=Last_Name"},
            {"method": "GET", "uri": "/crm/v7/Leads", "params": {"fields": "Last_Name", "per_page": 26}}]
    items = _post(client, org, {"__composite_requests": subs}).json()["__composite_requests"]
    body = items[0]["details"]["response"]["body"]
    assert (len(body["data"]), body["info"]["per_page"], body["info"]["more_records"]) == (25, 25, True)
    assert items[1] == _executed(400, {"code": "LIMIT_EXCEEDED", "details": {"by": "per_page", "limit": 25},
                                       "message": "limit exceeded", "status": "error"})


def test_sub_request_answers_are_the_sub_apis_own(client, org):
    subs = [{"method": "GET", "uri": "/crm/v6/Leads/1"}, {"method": "GET", "uri": "/crm/v7/Nope"}]
    items = _post(client, org, {"__composite_requests": subs}).json()["__composite_requests"]
    assert items[0] == _executed(204, None)
    assert items[1] == _executed(400, {"code": "INVALID_MODULE", "details": {"resource_path_index": 0},
                                       "message": "the module name given seems to be invalid", "status": "error"})


# ---- rollback ----------------------------------------------------------------------------

def test_rollback_leaves_no_trace(client, org):
    subs = [{"sub_request_id": "a", **_lead("Gone")},
            {"method": "GET", "uri": "/crm/v7/Leads/@{a:$.data[0].details.id}"},
            {"method": "PUT", "uri": "/crm/v7/Leads/@{a:$.data[0].details.id}", "body": {"data": [{"Last_Name": ""}]}},
            _lead("Never")]
    r = _post(client, org, {"rollback_on_fail": True, "__composite_requests": subs})
    assert r.status_code == 400
    items = r.json()["__composite_requests"]
    rolled = _sub_error("ROLLBACK_PERFORMED", ROLLED, {"rollbacked_by_sub_request_index": 2})
    assert items[0] == items[1] == rolled
    assert items[2] == _executed(400, {"data": [_sub_error("MANDATORY_NOT_FOUND", "required field not found", {
        "api_name": "Last_Name", "json_path": "$.data[0].Last_Name"})]})
    assert items[3] == _sub_error("PROCESSING_STOPPED", ROLLED, {"rollbacked_by_sub_request_index": 2})
    assert _leads(client, org) == []
    # Ids leased in the rolled-back transaction are not reused wrongly: the next write works.
    assert client.post("/crm/v7/Leads", content=json.dumps({"data": [{"Last_Name": "Kept"}]}),
                       headers=org.headers).status_code == 201
    assert _leads(client, org) == ["Kept"]


def test_rollback_mode_all_succeed_commits(client, org):
    subs = [{"sub_request_id": "a", **_lead("One")},
            {"method": "PUT", "uri": "/crm/v7/Leads/@{a:$.data[0].details.id}", "body": {"data": [{"Last_Name": "Two"}]}}]
    r = _post(client, org, {"rollback_on_fail": True, "__composite_requests": subs})
    assert r.status_code == 200
    assert [i["details"]["response"]["status_code"] for i in r.json()["__composite_requests"]] == [201, 200]
    assert _leads(client, org) == ["Two"]


def test_rollback_mode_invalid_sub_request_runs_nothing(client, org):
    r = _post(client, org, {"rollback_on_fail": True, "__composite_requests": [_lead("No"), {"method": "GET"}]})
    assert r.status_code == 400
    assert r.json()["__composite_requests"] == [
        _sub_error("PROCESSING_STOPPED", ROLLED, {"rollbacked_by_sub_request_index": 1}),
        _sub_error("MANDATORY_NOT_FOUND", "required field not found",
                   {"api_name": "uri", "json_path": "$.__composite_requests[1].uri"})]
    assert _leads(client, org) == []


def test_rollback_on_a_reference_failure(client, org):
    subs = [_lead("No"), {"method": "GET", "uri": "/crm/v7/Leads/@{0:$.data[5].details.id}"}]
    r = _post(client, org, {"rollback_on_fail": True, "__composite_requests": subs})
    assert r.status_code == 400
    items = r.json()["__composite_requests"]
    assert items[0] == _sub_error("ROLLBACK_PERFORMED", ROLLED, {"rollbacked_by_sub_request_index": 1})
    assert items[1]["code"] == "INVALID_REFERENCE"
    assert _leads(client, org) == []


# ---- the same gate as single calls --------------------------------------------------------

def test_sub_requests_check_their_own_scope(client, backend, org):
    token = token_for(backend, org, scopes=["ZohoCRM.composite_requests.CUSTOM", "ZohoCRM.modules.leads.READ"])
    headers = {"Authorization": f"Zoho-oauthtoken {token}"}
    r = _post(client, org, {"__composite_requests": [_lead()]}, headers)
    assert r.json()["__composite_requests"][0] == _executed(401, {
        "code": "OAUTH_SCOPE_MISMATCH", "details": {}, "message": "invalid oauth scope to access this URL",
        "status": "error"})


def _admin(client, backend):
    from zcrm_local.service.harness.admin import install_admin_key

    install_admin_key(backend, "composite-key")
    return {"X-ZCRM-Admin-Key": "composite-key"}


def test_sub_requests_are_journaled_and_limited(client, backend, org):
    admin = _admin(client, backend)
    assert client.put(f"/_zcrm/orgs/{org.id}/journal", json={"size": 50}, headers=admin).status_code == 200
    r = _post(client, org, {"__composite_requests": [_lead("J"), {"method": "GET", "uri": "/crm/v6/org"}]})
    assert r.status_code == 200
    entries = client.get(f"/_zcrm/orgs/{org.id}/journal", headers=admin).json()["entries"]
    paths = sorted((x["method"], x["path"]) for x in entries)
    assert paths == [("GET", "/crm/v6/org"), ("POST", "/crm/v7/Leads"), ("POST", URL)]
    assert client.put(f"/_zcrm/orgs/{org.id}/limits", json={"credits": 2}, headers=admin).status_code == 200
    r = _post(client, org, {"__composite_requests": [_lead("K1"), _lead("K2")]})
    # The composite call takes a credit, its first sub-request the last one: the second is refused.
    items = r.json()["__composite_requests"]
    assert items[0]["details"]["response"]["status_code"] == 201
    assert items[1]["details"]["response"]["status_code"] == 429
    assert items[1]["details"]["response"]["body"]["code"] == "TOO_MANY_REQUESTS"
