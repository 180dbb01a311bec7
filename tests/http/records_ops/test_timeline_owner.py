"""Timeline (spec 40 §14), the change log behind it, and change owner (§15)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from tests.conftest import token_for
from zcrm_local.store.tables import record_changes

from .helpers import create, delete, err, get, post, put


def _log(backend, org):
    with backend.db.read() as conn:
        return list(conn.execute(sa.select(record_changes).where(record_changes.c.org_id == org.id)
                                 .order_by(record_changes.c.seq)).mappings())


def test_every_write_appends_one_log_entry_in_sequence(client, backend, org):
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    put(client, org, f"Leads/{rid}", {"data": [{"Email": "a@example.com"}]})
    post(client, org, "Leads/upsert", {"data": [{"Last_Name": "B", "Email": "a@example.com"}]})
    delete(client, org, f"Leads/{rid}")
    delete(client, org, f"settings/recycle_bin/{rid}")
    rows = _log(backend, org)
    assert [(r["operation"], r["record_id"]) for r in rows] == [
        ("insert", int(rid)), ("update", int(rid)), ("update", int(rid)), ("delete", int(rid)), ("purge", int(rid))]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1]["changes"] == [{"api_name": "Email", "old": None, "new": "a@example.com"}]
    assert rows[2]["changes"] == [{"api_name": "Last_Name", "old": "A", "new": "B"}]
    assert {r["done_by"] for r in rows} == {org.made.admin_id}
    assert {r["source"] for r in rows} == {"crm_api"}


def test_refused_items_leave_no_log_entry(client, backend, org):
    post(client, org, "Leads", {"data": [{"Company": "no name"}]})
    assert _log(backend, org) == []


def test_timeline_reads_the_log(client, org):
    rid = create(client, org, "Leads", {"First_Name": "Pat", "Last_Name": "Boyle"})
    put(client, org, f"Leads/{rid}", {"data": [{"Email": "p@example.com", "No_of_Employees": 5}]})
    r = get(client, org, f"Leads/{rid}/__timeline")
    assert r.status_code == 200
    body = r.json()
    updated, added = body["__timeline"]
    assert body["info"] == {"per_page": 200, "next_page_token": None, "count": 2, "page": 1,
                            "previous_page_token": None, "more_records": False}
    assert (added["action"], added["source"], added["field_history"]) == ("added", "crm_api", None)
    assert updated["action"] == "updated"
    assert updated["record"]["name"] == "Pat Boyle"
    assert updated["record"]["id"] == rid
    assert updated["done_by"] == {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    assert [(h["api_name"], h["_value"]) for h in updated["field_history"]] == [
        ("Email", {"new": "p@example.com", "old": None}), ("No_of_Employees", {"new": "5", "old": None})]
    assert set(updated) == {"done_by", "related_record", "automation_details", "record", "audited_time", "action",
                            "id", "source", "field_history"}
    asc = get(client, org, f"Leads/{rid}/__timeline?sort_order=asc&per_page=1").json()
    assert [e["action"] for e in asc["__timeline"]] == ["added"]
    assert asc["info"]["more_records"] is True
    inner = get(client, org, f"Leads/{rid}/__timeline?include_inner_details=field_history.field_label,"
                             "field_history.data_type,done_by.type__s").json()["__timeline"][0]
    assert inner["field_history"][0]["field_label"] == "Email"
    assert inner["field_history"][0]["data_type"] == "email"
    assert inner["done_by"]["type__s"] == "regular user"


def test_timeline_errors(client, org):
    r = get(client, org, "Leads/123/__timeline")
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the related id given seems to be invalid",
                                                  {"resource_path_index": 1}))
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    r = get(client, org, f"Leads/{rid}/__timeline?per_page=5&page_token=abc")
    assert (r.status_code, r.json()) == (400, err("AMBIGUITY_DURING_PROCESSING", "ambiguity during processing", {
        "ambiguity_due_to": [{"param_name": "per_page"}, {"param_name": "page_token"}]}))
    bad = quote(json.dumps({"field": {"api_name": "nope"}, "comparator": "equal", "value": "x"}))
    r = get(client, org, f"Leads/{rid}/__timeline?filters={bad}")
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the relation name given seems to be invalid",
                                                  {"param_name": "filters"}))
    good = quote(json.dumps({"field": {"api_name": "source"}, "comparator": "equal", "value": "change_owner"}))
    assert get(client, org, f"Leads/{rid}/__timeline?filters={good}").status_code == 204


def test_change_owner_single_and_timeline(client, org):
    rid = create(client, org, "Accounts", {"Account_Name": "Z"})
    standard = org.made.user_ids["standard"]
    r = post(client, org, f"Accounts/{rid}/actions/change_owner", {"owner": {"id": str(standard)}, "notify": True})
    assert (r.status_code, r.json()) == (200, {"data": [{"code": "SUCCESS", "details": {"id": rid},
                                                         "message": "owner is successfully updated",
                                                         "status": "success"}]})
    assert get(client, org, f"Accounts/{rid}?fields=Owner").json()["data"][0]["Owner"]["id"] == str(standard)
    entry = get(client, org, f"Accounts/{rid}/__timeline").json()["__timeline"][0]
    assert (entry["action"], entry["source"]) == ("updated", "change_owner")
    assert entry["field_history"][0]["api_name"] == "Owner"
    assert entry["field_history"][0]["_value"] == {"new": "Ryan Dahl", "old": "Patricia Boyle"}


def test_change_owner_bulk_mixed(client, backend, org):
    from zcrm_local.service.harness import record_hooks

    a = create(client, org, "Leads", {"Last_Name": "A"})
    b = create(client, org, "Leads", {"Last_Name": "B"})
    record_hooks.lock(backend, org.id, "Leads", b)
    r = post(client, org, "Leads/actions/change_owner", {"owner": {"id": str(org.made.user_ids["standard"])},
                                                         "ids": [a, b, "123"]})
    assert (r.status_code, r.json()) == (207, {"data": [
        {"code": "SUCCESS", "details": {"id": a}, "message": "owner is successfully updated", "status": "success"},
        err("RECORD_LOCKED", "Sorry, you cannot perform this operation as the record is locked.",
            {"id": b, "action": "record_locking"}),
        err("INVALID_DATA", "the id given seems to be invalid", {"id": "123"})]})


@pytest.mark.parametrize(("body", "status", "expected"), [
    ({"ids": ["1"]}, 400, err("MANDATORY_NOT_FOUND", "required field not found",
                              {"api_name": "owner", "json_path": "$.owner"})),
    ({"owner": {"id": "1"}}, 400, err("MANDATORY_NOT_FOUND", "required field not found",
                                      {"api_name": "ids", "json_path": "$.ids"})),
    ({"owner": {"id": "1"}, "ids": [str(i) for i in range(501)]}, 400,
     err("LIMIT_EXCEEDED", "limit exceeded", {"limit": 500, "api_name": "ids", "json_path": "$.ids"})),
    ({"owner": {"id": "1"}, "ids": ["1", "x"]}, 400,
     err("INVALID_DATA", "invalid data", {"expected_data_type": "long", "api_name": "ids", "json_path": "$.ids[1]"})),
    ({"owner": {"id": "1"}, "ids": ["1"]}, 400,
     err("INVALID_DATA", "the owner id given is invalid", {"api_name": "owner", "json_path": "$.owner.id"})),
    ({"owner": {"id": "1"}, "ids": ["1"], "related_modules": [{}]}, 400,
     err("EXPECTED_FIELD_MISSING", "Specify at least one field.", {"expected_fields": [
         {"api_name": "api_name", "json_path": "$.related_modules[0].api_name"},
         {"api_name": "id", "json_path": "$.related_modules[0].id"}]})),
    ({"owner": {"id": "1"}, "ids": ["1"], "related_modules": [{"api_name": "Deals"}]}, 400,
     err("NOT_SUPPORTED", "the api is not supported for this module",
         {"api_name": "api_name", "json_path": "$.related_modules[0].api_name"})),
])
def test_change_owner_request_errors(client, org, body, status, expected):
    r = post(client, org, "Leads/actions/change_owner", body)
    assert (r.status_code, r.json()) == (status, expected)


def test_change_owner_inactive_owner_and_unknown_record(client, org):
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    inactive = str(org.made.user_ids["inactive"])
    r = post(client, org, f"Leads/{rid}/actions/change_owner", {"owner": {"id": inactive}})
    assert (r.status_code, r.json()) == (400, err(
        "INVALID_DATA", "The user to whom you are trying to transfer the records is not active.",
        {"api_name": "id", "json_path": "$.owner.id", "owner_status": "inactive"}))
    r = post(client, org, "Leads/123/actions/change_owner", {"owner": {"id": str(org.made.admin_id)}})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 1}))


def test_change_owner_needs_the_permission_and_module_support(client, backend, org):
    token = token_for(backend, org, "standard")
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    r = client.post(f"/crm/v7/Leads/{rid}/actions/change_owner", content=json.dumps({"owner": {"id": "1"}}),
                    headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert (r.status_code, r.json()) == (403, err("NO_PERMISSION", "permission denied",
                                                  {"permissions": ["Crm_Implied_Change_Owner_Leads"]}))
    r = post(client, org, "Services__s/actions/change_owner", {"owner": {"id": "1"}, "ids": ["1"]})
    assert (r.status_code, r.json()) == (400, err("INVALID_MODULE", "the given module is not supported in api",
                                                  {"resource_path_index": 0}))


def test_services_writes_reach_the_timeline(client, org):
    from tests.http.services.helpers import seed_item

    rid = create(client, org, "Services__s", seed_item(org))
    put(client, org, f"Services__s/{rid}", {"data": [{"Description": "changed"}]})
    updated, added = get(client, org, f"Services__s/{rid}/__timeline").json()["__timeline"]
    assert (added["action"], updated["action"]) == ("added", "updated")
    assert [h["api_name"] for h in updated["field_history"]] == ["Description"]
    assert updated["record"]["module"]["api_name"] == "Services__s"
