"""Soft deletes: GET /{module}/deleted (spec 40 §13) and the recycle bin (§16)."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import quote

import pytest

from tests.conftest import token_for

from .helpers import create, delete, err, get


def test_deleted_record_leaves_reads_and_enters_the_bin(client, org):
    rid = create(client, org, "Leads", {"First_Name": "Ada", "Last_Name": "Lovelace", "Company": "X"})
    keep = create(client, org, "Leads", {"Last_Name": "Kept"})
    assert delete(client, org, f"Leads/{rid}").status_code == 200
    assert get(client, org, f"Leads/{rid}").status_code == 204
    listed = get(client, org, "Leads?fields=Last_Name").json()["data"]
    assert [r["id"] for r in listed] == [keep]
    r = get(client, org, "Leads/deleted")
    assert r.status_code == 200
    admin = {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    (entry,) = r.json()["data"]
    assert entry == {"deleted_by": admin, "id": rid, "display_name": "Ada Lovelace", "type": "recycle",
                     "created_by": admin, "deleted_time": entry["deleted_time"]}
    assert r.json()["info"] == {"per_page": 200, "count": 1, "page": 1, "more_records": False}
    # Deleting again: it is gone.
    assert delete(client, org, f"Leads?ids={rid}").json() == {
        "data": [err("INVALID_DATA", "record not deleted", {"id": rid})]}


def test_deleted_types_and_ageing(client, backend, org, clock):
    rid = create(client, org, "Accounts", {"Account_Name": "Zylker"})
    delete(client, org, f"Accounts/{rid}")
    assert get(client, org, "Accounts/deleted?type=permanent").status_code == 204
    assert get(client, org, "Accounts/deleted?type=recycle").json()["data"][0]["type"] == "recycle"
    clock.advance(timedelta(days=61))
    auth = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org)}"}  # the first token expired
    (entry,) = get(client, org, "Accounts/deleted?type=permanent", auth).json()["data"]
    assert (entry["type"], entry["display_name"], entry["deleted_by"], entry["created_by"]) == (
        "permanent", None, None, None)
    assert get(client, org, "settings/recycle_bin", auth).status_code == 204
    clock.advance(timedelta(days=121))
    auth = {"Authorization": f"Zoho-oauthtoken {token_for(backend, org)}"}
    assert get(client, org, "Accounts/deleted", auth).status_code == 204


def test_deleted_bad_type_and_unsupported(client, org):
    r = get(client, org, "Leads/deleted?type=bin")
    assert (r.status_code, r.json()) == (400, err("PATTERN_NOT_MATCHED", "Please check whether the input values are "
                                                  "correct", {"param_name": "type"}))
    assert get(client, org, "Deals/deleted").status_code == 204


def test_recycle_bin_get_and_permanent_delete(client, org):
    a = create(client, org, "Accounts", {"Account_Name": "Alpha"})
    b = create(client, org, "Leads", {"Last_Name": "Beta"})
    delete(client, org, f"Accounts/{a}")
    delete(client, org, f"Leads/{b}")
    r = get(client, org, "settings/recycle_bin?sort_by=display_name&sort_order=asc")
    assert r.status_code == 200
    body = r.json()
    assert [e["display_name"] for e in body["recycle_bin"]] == ["Alpha", "Beta"]
    first = body["recycle_bin"][0]
    assert set(first) == {"owner", "module", "deleted_by", "id", "display_name", "deleted_time"}
    assert first["module"]["api_name"] == "Accounts"
    assert first["owner"] == {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    assert get(client, org, f"settings/recycle_bin/{a}").json()["recycle_bin"][0]["id"] == a
    assert get(client, org, "settings/recycle_bin/123").status_code == 204
    r = delete(client, org, f"settings/recycle_bin?ids={a},999")
    assert (r.status_code, r.json()) == (207, {"recycle_bin": [
        {"code": "SUCCESS", "details": {"id": a}, "message": "record deleted", "status": "success"},
        err("INVALID_DATA", "the id given seems to be invalid", {"id": "999"})]})
    assert get(client, org, f"settings/recycle_bin/{a}").status_code == 204
    (entry,) = get(client, org, "Accounts/deleted").json()["data"]
    assert (entry["id"], entry["type"], entry["display_name"]) == (a, "permanent", None)
    r = delete(client, org, f"settings/recycle_bin/{b}")
    assert r.status_code == 200


def test_recycle_bin_filters(client, org):
    a = create(client, org, "Accounts", {"Account_Name": "Alpha"})
    b = create(client, org, "Leads", {"Last_Name": "Beta"})
    delete(client, org, f"Accounts/{a}")
    delete(client, org, f"Leads/{b}")
    flt = quote(json.dumps({"group_operator": "AND", "group": [
        {"field": {"api_name": "module"}, "comparator": "equal", "value": {"api_name": "Leads"}},
        {"field": {"api_name": "display_name"}, "comparator": "starts_with", "value": "be"}]}))
    assert [e["id"] for e in get(client, org, f"settings/recycle_bin?filters={flt}").json()["recycle_bin"]] == [b]
    r = delete(client, org, f"settings/recycle_bin?filters={flt}")
    assert (r.status_code, r.json()) == (202, {"recycle_bin": [{
        "code": "SCHEDULED", "details": {}, "message": "Bulk deletion of records based on filters has been scheduled",
        "status": "success"}]})
    assert get(client, org, f"settings/recycle_bin/{b}").status_code == 204


@pytest.mark.parametrize(("flt", "message", "details"), [
    ({"group_operator": "OR", "group": []}, "The given group operator not supported. Only 'AND' operator is supported",
     {"api_name": "group_operator", "json_path": "$.group_operator", "param_name": "filters"}),
    ({"field": {"api_name": "Owner"}, "comparator": "equal", "value": "x"}, "The given api_name seems to be invalid",
     {"api_name": "api_name", "json_path": "$.field.api_name", "param_name": "filters"}),
    ({"field": {"api_name": "module"}, "comparator": "contains", "value": "x"}, "Please provide a valid comparator",
     {"api_name": "comparator", "json_path": "$.comparator", "param_name": "filters"}),
])
def test_recycle_bin_filter_errors_are_403_documented(client, org, flt, message, details):
    r = get(client, org, f"settings/recycle_bin?filters={quote(json.dumps(flt))}")
    assert (r.status_code, r.json()) == (403, err("INVALID_DATA", message, details))


def test_recycle_bin_delete_needs_ids_or_filters(client, org):
    r = delete(client, org, "settings/recycle_bin")
    assert (r.status_code, r.json()) == (400, err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                                  {"param": "ids"}))


def test_recycle_bin_scope(client, backend, org):
    token = token_for(backend, org, scopes=["ZohoCRM.modules.ALL"])
    r = client.get("/crm/v7/settings/recycle_bin", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 401
    assert r.json()["code"] == "OAUTH_SCOPE_MISMATCH"


def test_locked_record_is_not_deleted(client, backend, org):
    from zcrm_local.service.harness import record_hooks

    rid = create(client, org, "Deals", {"Deal_Name": "D", "Stage": "Qualification", "Closing_Date": "2026-01-01"})
    record_hooks.lock(backend, org.id, "Deals", rid)
    r = delete(client, org, f"Deals?ids={rid}")
    assert (r.status_code, r.json()) == (400, {"data": [err(
        "RECORD_LOCKED", "You cannot perform this operation as the record is locked.",
        {"action": "record_locking", "id": rid})]})
    r = delete(client, org, f"Deals/{rid}")
    assert (r.status_code, r.json()) == (400, {"data": [err(
        "RECORD_LOCKED", "You cannot perform this operation as the record is locked.",
        {"action": "record_locking", "id": rid})]})
    assert get(client, org, f"Deals/{rid}").status_code == 200


def test_services_delete_frees_an_active_place_and_is_recycled(client, backend, org):
    import sqlalchemy as sa

    from tests.http.services.helpers import seed_item
    from zcrm_local.store.tables import counters

    rid = create(client, org, "Services__s", seed_item(org))

    def active() -> int:
        with backend.db.read() as conn:
            return int(conn.execute(sa.select(counters.c.value).where(counters.c.org_id == org.id)).scalar_one())

    before = active()
    assert delete(client, org, f"Services__s/{rid}").status_code == 200
    assert active() == before - 1
    assert get(client, org, "Services__s/deleted").json()["data"][0]["id"] == rid


@pytest.mark.parametrize("path", ["Leads?ids={rid}&wf_trigger=yes", "Leads/{rid}?wf_trigger=1"])
def test_delete_wf_trigger_must_be_boolean(client, org, path):
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    r = delete(client, org, path.format(rid=rid))
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {
        "param_name": "wf_trigger", "expected_data_type": "boolean"}))
    assert delete(client, org, f"Leads/{rid}?wf_trigger=false").status_code == 200


def test_deleted_if_modified_since(client, org, clock):
    rid = create(client, org, "Leads", {"Last_Name": "A"})
    delete(client, org, f"Leads/{rid}")
    assert get(client, org, "Leads/deleted", {"If-Modified-Since": "2099-01-01T00:00:00+00:00"}).status_code == 204
    r = get(client, org, "Leads/deleted", {"If-Modified-Since": "2000-01-01T00:00:00+00:00"})
    assert [e["id"] for e in r.json()["data"]] == [rid]
    r = get(client, org, "Leads/deleted", {"If-Modified-Since": "soon"})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {"param_name": "If-Modified-Since"}))
