"""Upsert (spec 40 §10) and clone (§11)."""

from __future__ import annotations

from .helpers import create, err, get, post


def test_upsert_inserts_then_updates_on_the_system_field(client, org):
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": "Roe", "Email": "Roe@Example.com"}]})
    assert r.status_code == 200, r.text
    (item,) = r.json()["data"]
    assert (item["code"], item["duplicate_field"], item["action"], item["message"], item["status"]) == (
        "SUCCESS", None, "insert", "record added", "success")
    assert list(item) == ["code", "duplicate_field", "action", "details", "message", "status"]
    rid = item["details"]["id"]
    assert "$approval_state" not in item["details"]
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": "Roe 2", "Email": "ROE@example.COM"},
                                                   {"Last_Name": "New", "Email": "new@example.com"}]})
    first, second = r.json()["data"]
    assert (r.status_code, first["action"], first["duplicate_field"], first["details"]["id"]) == (
        200, "update", "Email", rid)
    assert first["message"] == "record updated"
    assert second["action"] == "insert"
    assert get(client, org, f"Leads/{rid}?fields=Last_Name").json()["data"][0]["Last_Name"] == "Roe 2"


def test_upsert_later_item_matches_an_earlier_insert(client, org):
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "Zylker"}, {"Account_Name": "Zylker",
                                                                                     "Phone": "123"}]})
    first, second = r.json()["data"]
    assert (first["action"], second["action"], second["duplicate_field"]) == ("insert", "update", "Account_Name")
    assert second["details"]["id"] == first["details"]["id"]


def test_upsert_oldest_match_wins(client, org):
    a = create(client, org, "Accounts", {"Account_Name": "Same"})
    create(client, org, "Accounts", {"Account_Name": "Same"})
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "Same", "Phone": "1"}]})
    assert r.json()["data"][0]["details"]["id"] == a


def test_upsert_duplicate_check_fields(client, org):
    create(client, org, "Leads", {"Last_Name": "A", "Email": "a@example.com"})
    # Listing only a field that is neither system-defined nor unique → request-level refusal.
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": "A"}], "duplicate_check_fields": ["Last_Name"]})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data", {
        "api_name": "duplicate_check_fields", "json_path": "$.duplicate_check_fields[0]"}))
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": "B", "Email": "a@example.com"}],
                                          "duplicate_check_fields": []})
    assert r.json()["data"][0]["action"] == "insert"  # the system field only counts when listed
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": "B", "Email": "A@example.com"}],
                                          "duplicate_check_fields": ["Email"]})
    assert r.json()["data"][0]["action"] == "update"


def test_upsert_update_path_names_the_record(client, org):
    rid = create(client, org, "Leads", {"Last_Name": "A", "Email": "a@example.com"})
    r = post(client, org, "Leads/upsert", {"data": [{"Last_Name": None, "Email": "a@example.com"},
                                                   {"Company": "no last name"}]})
    assert (r.status_code, r.json()) == (400, {"data": [
        err("MANDATORY_NOT_FOUND", "required field not found",
            {"api_name": "Last_Name", "json_path": "$.data[0].Last_Name", "id": rid}),
        err("MANDATORY_NOT_FOUND", "required field not found",
            {"api_name": "Last_Name", "json_path": "$.data[1].Last_Name"})]})


def test_upsert_mixed_is_207_and_id_updates_directly(client, org):
    rid = create(client, org, "Deals", {"Deal_Name": "D", "Stage": "Qualification", "Closing_Date": "2026-01-01"})
    r = post(client, org, "Deals/upsert", {"data": [{"id": rid, "Deal_Name": "Renamed"}, {"Deal_Name": "x"}]})
    assert r.status_code == 207
    ok, bad = r.json()["data"]
    assert (ok["action"], ok["duplicate_field"], ok["details"]["id"]) == ("update", None, rid)
    assert bad["code"] == "MANDATORY_NOT_FOUND"


def test_upsert_body_errors(client, org):
    r = post(client, org, "Leads/upsert", {"data": []})
    assert (r.status_code, r.json()) == (400, err("MANDATORY_NOT_FOUND", "required field not found",
                                                  {"api_name": "data", "json_path": "$.data"}))
    r = post(client, org, "Leads/upsert", {"data": ["x"]})
    assert r.json() == {"data": [err("INVALID_DATA", "invalid data", {
        "expected_data_type": "jsonobject", "api_name": "data", "json_path": "$.data[0]"})]}


def test_upsert_services_always_inserts(client, org):
    from tests.http.services.helpers import seed_item

    r = post(client, org, "Services__s/upsert", {"data": [seed_item(org)]})
    assert r.status_code == 200, r.text
    assert r.json()["data"][0]["action"] == "insert"


def test_clone_copies_fields_and_applies_overrides(client, org):
    industry = "ASP (Application Service Provider)"
    rid = create(client, org, "Accounts", {"Account_Name": "Src", "Phone": "555", "Industry": industry})
    r = post(client, org, f"Accounts/{rid}/actions/clone", {"data": [{"Account_Name": "Copy"}]})
    assert r.status_code == 201, r.text
    (item,) = r.json()["data"]
    assert (item["code"], item["message"], item["details"]["$approval_state"]) == ("SUCCESS", "record added",
                                                                                     "approved")
    new = item["details"]["id"]
    assert new != rid
    got = get(client, org, f"Accounts/{new}?fields=Account_Name,Phone,Industry").json()["data"][0]
    assert got == {"id": new, "Account_Name": "Copy", "Phone": "555", "Industry": industry}
    # No body (what the SDK sends): an exact copy.
    r = post(client, org, f"Accounts/{rid}/actions/clone")
    assert r.status_code == 201


def test_clone_errors(client, org):
    r = post(client, org, "Accounts/123/actions/clone")
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "the id given seems to be invalid",
                                                  {"resource_path_index": 1}))
    rid = create(client, org, "Leads", {"Last_Name": "L"})
    r = post(client, org, f"Leads/{rid}/actions/clone", {"data": [{"Last_Name": None}]})
    assert (r.status_code, r.json()) == (400, {"data": [err("MANDATORY_NOT_FOUND", "required field not found", {
        "api_name": "Last_Name", "json_path": "$.data[0].Last_Name"})]})
    r = post(client, org, f"Leads/{rid}/actions/clone", {"data": [{}, {}]})
    assert r.status_code == 400
    assert r.json()["code"] == "INVALID_DATA"


def test_clone_service_leaves_status_behind(client, org):
    from tests.http.services.helpers import seed_item

    rid = create(client, org, "Services__s", seed_item(org))
    r = post(client, org, f"Services__s/{rid}/actions/clone", {"data": [{"Service_Name": "Copy"}]})
    assert r.status_code == 201, r.text


def test_upsert_update_path_honours_if_unmodified_since_and_locks(client, backend, org, clock):
    from datetime import timedelta

    from zcrm_local.service.harness import record_hooks

    rid = create(client, org, "Accounts", {"Account_Name": "Guarded"})
    clock.advance(timedelta(minutes=5))
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "Guarded", "Phone": "1"}]},
             {"If-Unmodified-Since": "2020-01-01T00:00:00+00:00"})
    assert r.status_code == 412
    (item,) = r.json()["data"]
    assert (item["code"], item["message"], item["details"]["id"]) == (
        "ALREADY_MODIFIED", "record updated time has already passed if-unmodified-since time", rid)
    assert set(item["details"]) == {"Modified_Time", "Modified_By", "Created_Time", "id", "Created_By"}
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "Guarded", "Phone": "1"}]},
             {"If-Unmodified-Since": "2099-01-01T00:00:00+00:00"})
    assert r.json()["data"][0]["action"] == "update"
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "x"}]}, {"If-Unmodified-Since": "nope"})
    assert (r.status_code, r.json()) == (400, err("INVALID_DATA", "invalid data",
                                                  {"param_name": "If-Unmodified-Since"}))
    record_hooks.lock(backend, org.id, "Accounts", rid)
    r = post(client, org, "Accounts/upsert", {"data": [{"Account_Name": "Guarded"}]})
    assert (r.status_code, r.json()) == (400, {"data": [err(
        "RECORD_LOCKED", "Sorry, you cannot perform this operation as the record is locked.",
        {"api_name": "id", "json_path": "$.data[0].id", "action": "record_locking"})]})
