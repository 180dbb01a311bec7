"""PUT and DELETE /Services__s (spec 10 §6–§7), and the active-services limit (§5.10)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from zcrm_local.store.tables import counters

from tests.http.services.helpers import post, seed_item


def _create(client, org, **changes) -> str:
    r = post(client, org, seed_item(org, **changes))
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def _put(client, org, body, path="/crm/v7/Services__s"):
    return client.put(path, content=json.dumps(body), headers=org.headers)


def _get(client, org, rid):
    return client.get(f"/crm/v7/Services__s/{rid}", headers=org.headers).json()["data"][0]


def _err(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def test_update_partial_keeps_other_fields(client, org, clock):
    from datetime import timedelta

    rid = _create(client, org)
    clock.advance(timedelta(minutes=5))
    r = _put(client, org, {"data": [{"id": rid, "Duration": 90}]})
    assert r.status_code == 200
    (item,) = r.json()["data"]
    assert item["message"] == "record updated"
    assert item["details"]["Created_Time"] == "2026-11-23T12:00:00+05:30"
    assert item["details"]["Modified_Time"] == "2026-11-23T12:05:00+05:30"
    record = _get(client, org, rid)
    assert record["Duration"] == 90 and record["Service_Name"] == "AC Repair" and record["Price"] == 230.66


def test_update_sample_of_the_update_seed_reads_back(client, org):
    rid = _create(client, org)
    users = org.made.user_ids
    body = {"data": [{
        "id": rid, "Duration": 60, "Location": "Business Address and Client Address",
        "Members": [{"Members": {"id": users["standard"]}}],
        "Availability_Type": "Specific Date Range", "Available_From": "2026-11-20", "Available_Till": "2027-06-10",
        "Available_Timings": [{"From": "10:00", "To": "13:30"}, {"From": "15:00", "To": "18:00"}],
        "Status": "Temporarily Unavailable", "Unavailable_From": "2026-11-22T10:18:41+00:00",
        "Unavailable_Till": "2026-12-06T11:18:41+00:00", "Job_Sheet_Required": "No", "Job_Sheet_Section__s": None,
    }]}
    r = _put(client, org, body)
    assert r.status_code == 200, r.text
    record = _get(client, org, rid)
    assert record["Location"] == "Business Address and Client Address"
    assert sorted(m["Members"]["id"] for m in record["Members"]) == sorted([str(org.made.admin_id),
                                                                             str(users["standard"])])
    assert record["Available_From"] == "2026-11-20" and record["Available_Till"] == "2027-06-10"
    assert record["Status"] == "Temporarily Unavailable"
    assert record["Unavailable_From"] == "2026-11-22T15:48:41+05:30"
    assert record["Unavailable_Till"] == "2026-12-06T16:48:41+05:30"
    assert record["Job_Sheet_Required"] == "No" and record["Job_Sheet_Section__s"] is None


def test_update_members_delete_link(client, org):
    rid = _create(client, org, Members=[{"Members": {"id": str(org.made.admin_id)}},
                                        {"Members": {"id": str(org.made.user_ids["standard"])}}])
    links = _get(client, org, rid)["Members"]
    r = _put(client, org, {"data": [{"id": rid, "Members": [{"id": links[0]["id"], "_delete": None}]}]})
    assert r.status_code == 200, r.text
    assert [m["id"] for m in _get(client, org, rid)["Members"]] == [links[1]["id"]]


def test_update_errors_per_item(client, org):
    rid = _create(client, org)
    r = _put(client, org, {"data": [{"Duration": 30}, {"id": "5545974000009999999", "Duration": 30},
                                    {"id": rid, "Duration": 30}]})
    assert r.status_code == 207
    missing, unknown, ok = r.json()["data"]
    assert missing == _err("MANDATORY_NOT_FOUND", "required field not found",
                           {"api_name": "id", "json_path": "$.data[0].id"})
    assert unknown == _err("INVALID_DATA", "the id given seems to be invalid",
                           {"api_name": "id", "json_path": "$.data[1].id"})
    assert ok["code"] == "SUCCESS"


def test_update_by_path_id(client, org):
    rid = _create(client, org)
    r = _put(client, org, {"data": [{"Price": 99.5}]}, f"/crm/v7/Services__s/{rid}")
    assert r.status_code == 200 and r.json()["data"][0]["details"]["id"] == rid
    assert _get(client, org, rid)["Price"] == 99.5


def test_update_by_path_id_unknown_and_too_many_items(client, org):
    r = _put(client, org, {"data": [{"Price": 1}]}, "/crm/v7/Services__s/5545974000009999999")
    assert (r.status_code, r.json()) == (400, _err("INVALID_DATA", "the id given seems to be invalid",
                                                   {"resource_path_index": 1}))
    rid = _create(client, org)
    r = _put(client, org, {"data": [{"Price": 1}, {"Price": 2}]}, f"/crm/v7/Services__s/{rid}")
    assert (r.status_code, r.json()) == (400, _err("INVALID_DATA", "invalid data",
                                                   {"maximum_length": 1, "api_name": "data", "json_path": "$.data"}))


def test_update_all_failed_is_400(client, org):
    rid = _create(client, org)
    r = _put(client, org, {"data": [{"id": rid, "Duration": 5000}]})
    assert r.status_code == 400
    assert r.json()["data"][0]["code"] == "INVALID_DATA"
    assert _get(client, org, rid)["Duration"] == 60


def test_delete_mixed_all_and_none(client, org):
    a, b = _create(client, org), _create(client, org)
    r = client.delete(f"/crm/v7/Services__s?ids={a},{a},abc", headers=org.headers)
    assert r.status_code == 207
    assert r.json() == {"data": [
        {"code": "SUCCESS", "details": {"id": a}, "message": "record deleted", "status": "success"},
        _err("INVALID_DATA", "record not deleted", {"id": "abc"}),
    ]}
    r = client.delete(f"/crm/v7/Services__s?ids={a}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"data": [_err("INVALID_DATA", "record not deleted", {"id": a})]})
    r = client.delete(f"/crm/v7/Services__s?ids={b}", headers=org.headers)
    assert r.status_code == 200
    assert client.get(f"/crm/v7/Services__s/{b}", headers=org.headers).status_code == 204


def test_delete_request_level_errors(client, org):
    r = client.delete("/crm/v7/Services__s", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                                   {"param_name": "ids"}))
    ids = ",".join(str(10**17 + i) for i in range(101))
    r = client.delete(f"/crm/v7/Services__s?ids={ids}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("LIMIT_EXCEEDED",
                                                   "Limit Exceeded, You cannot give more than 100 record ids",
                                                   {"limit": "100", "param_name": "ids"}))


def test_delete_by_path(client, org):
    rid = _create(client, org)
    r = client.delete(f"/crm/v7/Services__s/{rid}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"data": [{"code": "SUCCESS", "details": {"id": rid},
                                                         "message": "record deleted", "status": "success"}]})
    r = client.delete(f"/crm/v7/Services__s/{rid}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _err("INVALID_DATA", "record not deleted", {"resource_path_index": 1}))


def _set_active(backend, org, value: int) -> None:
    with backend.db.write() as conn:
        conn.execute(sa.update(counters).where(counters.c.org_id == org.id, counters.c.name == "active_services")
                     .values(value=value))


def _active(backend, org) -> int:
    with backend.db.read() as conn:
        return conn.execute(sa.select(counters.c.value).where(counters.c.org_id == org.id)).scalar_one()


def test_active_services_limit_on_create(client, backend, org):
    _set_active(backend, org, 499)
    r = post(client, org, seed_item(org), seed_item(org), seed_item(org, Status="Not in Use",
                                                                      Unavailable_From="2026-11-20T10:00:00+05:30"))
    assert r.status_code == 207, r.text
    first, second, third = r.json()["data"]
    assert first["code"] == "SUCCESS" and third["code"] == "SUCCESS"
    assert second == _err("LIMIT_EXCEEDED", "You cannot create more than 500 active services",
                          {"api_name": "Status", "limit": 500, "json_path": "$.data[1].Status"})
    assert _active(backend, org) == 500


def test_active_counter_follows_status_and_delete(client, backend, org):
    rid = _create(client, org)
    assert _active(backend, org) == 1
    r = _put(client, org, {"data": [{"id": rid, "Status": "Not in Use",
                                     "Unavailable_From": "2026-11-20T10:00:00+05:30"}]})
    assert r.status_code == 200, r.text
    assert _active(backend, org) == 0
    _set_active(backend, org, 500)
    r = _put(client, org, {"data": [{"id": rid, "Status": "Available", "Unavailable_From": None}]})
    assert r.json()["data"][0]["code"] == "LIMIT_EXCEEDED"
    _set_active(backend, org, 0)
    rid2 = _create(client, org)
    assert _active(backend, org) == 1
    client.delete(f"/crm/v7/Services__s?ids={rid2},{rid}", headers=org.headers)
    assert _active(backend, org) == 0
