"""Partial updates, member links, active-services decision, status of bulk writes."""

from __future__ import annotations

import pytest
from tests.unit.domain.domain_helpers import U1, U2, as_tuple, base_item, dep, fld, id_source, make_ctx

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records import results
from zcrm_local.domain.services.rules import active_limit_error, create_service, update_service
from zcrm_local.http.render import bulk_status


def stored(**changes):
    ctx = make_ctx("live")
    item = base_item(Members=[{"Members": {"id": U1}}, {"Members": {"id": U2}}], **changes)
    return create_service(item, 0, ctx, id_source(100)).record


def test_partial_update_keeps_absent_keys_and_touches_modified():
    record = stored()
    later = make_ctx(now=make_ctx().now.replace(hour=7), caller=make_ctx().users[U2])
    write = update_service({"Service_Name": "Renamed"}, 0, record, later, id_source(500))
    assert write.record["Service_Name"] == "Renamed"
    assert write.record["Duration"] == 60 and write.record["Price"] == "230.66"
    assert write.record["Created_Time"] == record["Created_Time"] == "2026-03-04T06:00:00+00:00"
    assert write.record["Created_By"] == str(U1)
    assert write.record["Modified_Time"] == "2026-03-04T07:00:00+00:00"
    assert write.record["Modified_By"] == str(U2)
    assert write.record["id"] == record["id"] == "100"
    assert (write.active, write.activates) == (True, False)


def test_update_null_on_mandatory_key_is_missing():
    with pytest.raises(ZohoError) as caught:
        update_service({"Duration": None}, 2, stored(), make_ctx(), id_source())
    assert as_tuple(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found", fld("Duration", 2), 400)


def test_update_dependencies_rechecked_on_merged_record():
    with pytest.raises(ZohoError) as caught:
        update_service({"Availability_Type": "Specific Date Range", "Available_From": "2026-03-05"}, 0,
                       stored(), make_ctx(), id_source())
    assert as_tuple(caught.value) == (
        "DEPENDENT_FIELD_MISSING", "Dependent Field missing", dep("Availability_Type", "Available_Till"), 400)


def test_members_add_keep_delete():
    record = stored()
    links = record["Members"]
    assert [link["user_id"] for link in links] == [str(U1), str(U2)]
    item = {"Members": [{"id": links[0]["id"], "_delete": None}, {"id": int(links[1]["id"])},
                        {"Members": {"id": U1}}]}
    write = update_service(item, 0, record, make_ctx(), id_source(900))
    assert write.record["Members"] == [
        {"id": links[1]["id"], "user_id": str(U2)},
        {"id": "900", "user_id": str(U1)},
    ]


def test_members_not_mentioned_stay_and_known_user_collapses():
    record = stored()
    write = update_service({"Members": [{"Members": {"id": U2}}]}, 0, record, make_ctx(), id_source(900))
    assert write.record["Members"] == record["Members"]


def test_members_deleting_all_is_missing():
    record = stored()
    item = {"Members": [{"id": link["id"], "_delete": None} for link in record["Members"]]}
    with pytest.raises(ZohoError) as caught:
        update_service(item, 0, record, make_ctx(), id_source())
    assert caught.value.code == "MANDATORY_NOT_FOUND" and caught.value.details == fld("Members")


def test_reactivation_counts_toward_limit():
    record = stored(Status="Not in Use", Unavailable_From="2026-03-01T00:00:00+00:00")
    write = update_service({"Status": "Available", "Unavailable_From": None}, 0, record, make_ctx(), id_source())
    assert (write.active, write.activates) == (True, True)
    still = update_service({"Description": "x"}, 0, record, make_ctx(), id_source())
    assert (still.active, still.activates) == (False, False)


def test_active_limit_error():
    assert as_tuple(active_limit_error(1)) == (
        "LIMIT_EXCEEDED", "You cannot create more than 500 active services",
        {"api_name": "Status", "limit": 500, "json_path": "$.data[1].Status"}, 400)


def test_job_sheet_yes_kept_while_preference_disabled():
    record = stored(Job_Sheet_Required="Yes", Job_Sheet_Section__s="Standard")
    ctx = make_ctx(job_sheet_enabled=False)
    write = update_service({"Job_Sheet_Required": "Yes", "Price": 10}, 0, record, ctx, id_source())
    assert write.record["Job_Sheet_Required"] == "Yes" and write.record["Price"] == "10"


def test_job_sheet_cleared_with_null_section():
    record = stored(Job_Sheet_Required="Yes", Job_Sheet_Section__s="Standard")
    write = update_service({"Job_Sheet_Required": "No", "Job_Sheet_Section__s": None}, 0, record, make_ctx(), id_source())
    assert write.record["Job_Sheet_Section__s"] is None


@pytest.mark.parametrize("profile", ["documented", "live"])
def test_scheduled_service_cannot_become_unavailable(profile):
    record = stored(Availability_Type="Specific Date Range", Available_From="2026-03-10",
                    Available_Till="2026-04-10", Status="Scheduled")
    item = {"Status": "Not in Use", "Unavailable_From": "2026-03-01T00:00:00+00:00"}
    with pytest.raises(ZohoError) as caught:
        update_service(item, 0, record, make_ctx(profile), id_source())
    assert as_tuple(caught.value) == (
        "DEPENDENT_MISMATCH",
        "Service status cannot be marked as Not In Use or Temporarily Unavailable for scheduled services.",
        dep("Available_From", "Unavailable_Till"), 400)


def test_time_rules_use_current_clock_for_unsent_keys():
    record = stored(Availability_Type="Specific Date Range", Available_From="2026-03-02", Available_Till="2026-03-20")
    later = make_ctx(now=make_ctx().now.replace(month=4))
    with pytest.raises(ZohoError) as caught:
        update_service({"Description": "later"}, 0, record, later, id_source())
    assert caught.value.details == dep("Available_Till", "Status")


def test_tax_by_id_value_and_string_collapse():
    item = base_item(Tax=[{"id": "5545974000000021003", "value": "whatever"}, "Vat - 0.8 %",
                          {"id": None, "value": "Sales Tax - 2.0 %"}])
    write = create_service(item, 0, make_ctx(), id_source())
    assert write.record["Tax"] == [
        {"id": "5545974000000021003", "value": "Vat - 0.8 %"},
        {"id": "5545974000000021001", "value": "Sales Tax - 2.0 %"},
    ]


# ---- update ids and bulk statuses --------------------------------------------------------

def test_update_item_id():
    assert results.update_item_id({"id": 5545974000002183001}, 0) == 5545974000002183001
    assert results.update_item_id({"id": "5545974000002183001"}, 0) == 5545974000002183001
    assert results.update_item_id({}, 0, path_id=7) == 7
    with pytest.raises(ZohoError) as caught:
        results.update_item_id({}, 4)
    assert as_tuple(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found", fld("id", 4), 400)
    with pytest.raises(ZohoError) as caught:
        results.update_item_id({"id": "12x"}, 1)
    assert as_tuple(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", fld("id", 1), 400)
    assert as_tuple(results.unknown_record(2)) == (
        "INVALID_DATA", "the id given seems to be invalid", fld("id", 2), 400)


def _err(code: str, status: int = 0) -> ZohoError:
    return ZohoError(code, "m", {}, status)


@pytest.mark.parametrize(
    ("kind", "outcomes", "profile", "expected"),
    [
        ("create", [None, None], "documented", 201),
        ("update", [None], "documented", 200),
        ("delete", [None], "live", 200),
        ("create", [None, _err("INVALID_DATA")], "documented", 207),
        ("create", [_err("INVALID_DATA"), _err("MANDATORY_NOT_FOUND")], "documented", 400),
        ("create", [_err("NOT_ALLOWED", 403)], "documented", 403),
        ("create", [_err("NOT_ALLOWED", 403)], "live", 400),
        ("update", [_err("NOT_ALLOWED", 403), _err("NOT_ALLOWED", 403)], "documented", 403),
        ("update", [_err("NOT_ALLOWED", 403), _err("INVALID_DATA")], "documented", 400),
        ("update", [None, _err("NOT_ALLOWED", 403)], "documented", 207),
    ],
)
def test_write_status(kind, outcomes, profile, expected):
    assert bulk_status(outcomes, 201 if kind == "create" else 200, profile=profile) == expected
