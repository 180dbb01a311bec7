"""The one write pipeline: the spec changes it answers for every module (spec README, "Where a
later file changes an earlier one"), its after-apply hooks, and a module added by one spec."""

from __future__ import annotations

import json

import pytest

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.territories import RECORD_TERRITORY_FIELD, RECORD_TERRITORY_LIMIT
from zcrm_local.service import pipeline

TOO_MANY = {"code": "LIMIT_EXCEEDED", "details": {"maximum_length": 100, "api_name": "data"},
            "message": "count of records in your request exceeds the limit", "status": "error"}


def _send(client, org, method, path, *items):
    return client.request(method, path, content=json.dumps({"data": list(items)}), headers=org.headers)


@pytest.mark.parametrize("module", ["Leads", "Accounts", "Services__s"])
@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_more_than_100_items_is_a_bare_limit_exceeded(client, org, module, method):
    # Spec 40 RQ-12, for every module: request-level, no `data` wrapper, nothing written.
    r = _send(client, org, method, f"/crm/v7/{module}", *([{"Last_Name": "x"}] * 101))
    assert (r.status_code, r.json()) == (400, TOO_MANY)
    assert client.get(f"/crm/v7/{module}?fields=id", headers=org.headers).status_code == 204


@pytest.mark.parametrize("module", ["Leads", "Deals", "Services__s"])
def test_records_delete_without_ids_names_param_name(client, org, module):
    # Spec 40 RQ-14.
    r = client.delete(f"/crm/v7/{module}", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {
        "code": "REQUIRED_PARAM_MISSING", "details": {"param_name": "ids"},
        "message": "One of the expected parameter is missing", "status": "error"})


def test_unknown_module_on_settings_fields_is_invalid_module(client, org):
    # Spec 40 RQ-3.
    r = client.get("/crm/v7/settings/fields?module=Nope", headers=org.headers)
    assert (r.status_code, r.json()) == (400, {
        "code": "INVALID_MODULE", "details": {}, "message": "the module name given seems to be invalid",
        "status": "error"})


def test_after_apply_hooks_see_every_applied_item_and_no_refused_one(client, org, monkeypatch):
    seen: list[tuple[int, str]] = []
    monkeypatch.setattr(pipeline.PIPELINE, "after_apply",
                        [lambda conn, applied: seen.append((applied.index, str(applied.result)))])
    r = _send(client, org, "POST", "/crm/v7/Leads", {"Last_Name": "A"}, {"Company": "no name"},
              {"Last_Name": "B"})
    assert r.status_code == 207
    assert [index for index, _ in seen] == [0, 2]
    r = client.delete(f"/crm/v7/Leads?ids={r.json()['data'][0]['details']['id']},1", headers=org.headers)
    assert r.status_code == 207
    assert [index for index, _ in seen] == [0, 2, 0]


def test_a_module_is_one_spec(client, org):
    """A new module with no rules of its own: registering its spec is all it takes to write,
    read and delete its records and to give it territories."""
    spec = ModuleSpec(
        api_name="Vendors", module_name="Vendors", singular_label="Vendor", plural_label="Vendors",
        id_suffix=9_100_000,
        fields=(
            FieldSpec("Vendor_Name", DataType.TEXT, "Vendor Name", 9_100_001, length=120, mandatory=True),
            FieldSpec("Owner", DataType.OWNERLOOKUP, "Vendor Owner", 9_100_002),
            FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", 9_100_003, read_only=True),
            FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", 9_100_004, read_only=True),
            FieldSpec("Created_Time", DataType.DATETIME, "Created Time", 9_100_005, read_only=True),
            FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", 9_100_006, read_only=True),
        ),
        territory_field="Territories", territory_limit=3,
    )
    registry.register(spec)
    try:
        assert (RECORD_TERRITORY_FIELD["Vendors"], RECORD_TERRITORY_LIMIT["Vendors"]) == ("Territories", 3)
        r = _send(client, org, "POST", "/crm/v7/Vendors", {"Vendor_Name": "Acme"}, {})
        assert r.status_code == 207, r.text
        assert r.json()["data"][1]["code"] == "MANDATORY_NOT_FOUND"
        rid = r.json()["data"][0]["details"]["id"]
        got = client.get(f"/crm/v7/Vendors/{rid}", headers=org.headers).json()["data"][0]
        assert got["Vendor_Name"] == "Acme"
        assert client.delete(f"/crm/v7/Vendors?ids={rid}", headers=org.headers).status_code == 200
    finally:
        registry._MODULES.pop("Vendors", None)
    assert "Vendors" not in RECORD_TERRITORY_FIELD


def test_lookups_of_a_batch_are_loaded_in_one_query(client, org, monkeypatch):
    """The generic step loads every record the batch's lookups name once (D-494), not per item;
    a named record that does not exist refuses only its item."""
    from zcrm_local.store.records import rows

    r = _send(client, org, "POST", "/crm/v7/Accounts", {"Account_Name": "One"}, {"Account_Name": "Two"})
    one, two = (item["details"]["id"] for item in r.json()["data"])
    calls: list[set[int]] = []
    real = rows.by_ids

    def counted(conn, org_id, ids):
        calls.append(set(ids))
        return real(conn, org_id, ids)

    monkeypatch.setattr(rows, "by_ids", counted)
    deal = {"Stage": "Qualification", "Closing_Date": "2026-12-31"}
    r = _send(client, org, "POST", "/crm/v7/Deals", {**deal, "Deal_Name": "a", "Account_Name": {"id": one}},
              {**deal, "Deal_Name": "b", "Account_Name": {"id": two}},
              {**deal, "Deal_Name": "c", "Account_Name": {"id": "5545974000009999999"}})
    assert r.status_code == 207
    assert [item["status"] for item in r.json()["data"]] == ["success", "success", "error"]
    assert calls == [{int(one), int(two), 5545974000009999999}]
