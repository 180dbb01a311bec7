"""One case per Services rule row and profile; each asserts the whole error."""

from __future__ import annotations

from typing import Any

import pytest
from tests.unit.domain.domain_helpers import (
    DELETE,
    U1,
    U_DELETED,
    U_INACTIVE,
    U_UNCONFIRMED,
    USERS,
    as_tuple,
    base_item,
    dep,
    fld,
    id_source,
    make_ctx,
)

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.services.rules import RULES, create_service

INV = "invalid data"
BAD_ID = "the id given seems to be invalid"
MISSING = "Dependent Field missing"
BOTH = ("documented", "live")
PAST = "2026-03-03T10:00:00+05:30"
PAST2 = "2026-03-04T09:00:00+05:30"
FUTURE = "2026-03-06T10:00:00+05:30"
FUTURE2 = "2026-03-08T10:00:00+05:30"
RANGE = {"Availability_Type": "Specific Date Range", "Available_From": "2026-03-02", "Available_Till": "2026-04-30"}


def timings(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"From": a, "To": b} for a, b in pairs]


# (id, profiles, item changes, ctx changes, (code, message, details, status))
CASES: list[tuple[str, tuple[str, ...], dict[str, Any], dict[str, Any], tuple[Any, ...]]] = [
    ("timings>2", BOTH, {"Available_Timings": timings(("09:00", "10:00"), ("11:00", "12:00"), ("13:00", "14:00"))},
     {}, ("INVALID_DATA", INV, fld("Available_Timings", maximum_length=2), 400)),
    ("dates>20", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": [f"2026-04-{d:02d}" for d in range(1, 22)]},
     {}, ("INVALID_DATA", INV, fld("Available_Dates", maximum_length=20), 400)),
    ("members-empty", BOTH, {"Members": []}, {}, ("MANDATORY_NOT_FOUND", "required field not found", fld("Members"), 400)),
    ("name-empty-string", BOTH, {"Service_Name": ""}, {},
     ("MANDATORY_NOT_FOUND", "required field not found", fld("Service_Name"), 400)),
    ("availability-type-value", BOTH, {"Availability_Type": "Weekly"}, {},
     ("INVALID_DATA", "The given Availability Type is not in picklist", fld("Availability_Type"), 400)),
    ("location-value", BOTH, {"Location": "Moon"}, {}, ("INVALID_DATA", INV, fld("Location"), 400)),
    ("status-value", BOTH, {"Status": "Gone"}, {}, ("INVALID_DATA", INV, fld("Status"), 400)),
    ("status-scheduled-documented", ("documented",), {"Status": "Scheduled"}, {},
     ("INVALID_DATA", INV, fld("Status"), 400)),
    ("job-sheet-required-value", BOTH, {"Job_Sheet_Required": "Maybe"}, {},
     ("INVALID_DATA", INV, fld("Job_Sheet_Required"), 400)),
    ("job-sheet-section-value", BOTH, {"Job_Sheet_Required": "Yes", "Job_Sheet_Section__s": "Deluxe"}, {},
     ("INVALID_DATA", INV, fld("Job_Sheet_Section__s"), 400)),
    ("day-name-value", BOTH, {"Availability_Type": "Specific Day(s)", "Available_Days": ["Funday"]}, {},
     ("INVALID_DATA", INV, fld("Available_Days"), 400)),
    ("duration-14-documented", ("documented",), {"Duration": 14}, {}, ("INVALID_DATA", INV, fld("Duration"), 400)),
    ("duration-1441-documented", ("documented",), {"Duration": "1441"}, {}, ("INVALID_DATA", INV, fld("Duration"), 400)),
    ("duration-4-live", ("live",), {"Duration": 4}, {},
     ("INVALID_DATA", "Duration value should not be greater than 24hrs or less than 5mins", fld("Duration"), 400)),
    ("duration-1441-live", ("live",), {"Duration": 1441}, {},
     ("INVALID_DATA", "Duration value should not be greater than 24hrs or less than 5mins", fld("Duration"), 400)),
    ("price-negative", BOTH, {"Price": -1}, {}, ("INVALID_DATA", INV, fld("Price"), 400)),
    ("range-from-missing", BOTH, {"Availability_Type": "Specific Date Range", "Available_Till": "2026-04-01"}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Availability_Type", "Available_From"), 400)),
    ("range-till-missing", BOTH, {"Availability_Type": "Specific Date Range", "Available_From": "2026-04-01"}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Availability_Type", "Available_Till"), 400)),
    ("dates-missing", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": []}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Availability_Type", "Available_Dates"), 400)),
    ("days-missing", BOTH, {"Availability_Type": "Specific Day(s)"}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Availability_Type", "Available_Days"), 400)),
    ("temp-from-missing", BOTH, {"Status": "Temporarily Unavailable", "Unavailable_Till": FUTURE}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Status", "Unavailable_From"), 400)),
    ("temp-till-missing", BOTH, {"Status": "Temporarily Unavailable", "Unavailable_From": PAST}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Status", "Unavailable_Till"), 400)),
    ("not-in-use-from-missing", BOTH, {"Status": "Not in Use"}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Status", "Unavailable_From"), 400)),
    ("job-sheet-section-missing", BOTH, {"Job_Sheet_Required": "Yes"}, {},
     ("DEPENDENT_FIELD_MISSING", MISSING, dep("Job_Sheet_Required", "Job_Sheet_Section__s"), 400)),
    ("job-sheet-not-configured", BOTH, {"Job_Sheet_Required": "Yes", "Job_Sheet_Section__s": "Standard"},
     {"job_sheet_enabled": False},
     ("NOT_ALLOWED", "Job Sheet is not configured in services preferences", fld("Job_Sheet_Required"), 403)),
    ("job-sheet-section-with-no", BOTH, {"Job_Sheet_Required": "No", "Job_Sheet_Section__s": "Standard"}, {},
     ("DEPENDENT_MISMATCH", "Job_Sheet_Section__s can have value only when value of Job_Sheet_Required is Yes",
      dep("Job_Sheet_Required", "Job_Sheet_Section__s"), 400)),
    ("dates-format", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": ["2026-3-9"]}, {},
     ("INVALID_DATA", INV, fld("Available_Dates", expected_data_type="date"), 400)),
    ("timing-from-malformed", BOTH, {"Available_Timings": timings(("9am", "10:00"))}, {},
     ("INVALID_DATA", " The given custom time is invalid", {"api_name": "From", "json_path": "$.data[0].Available_Timings"}, 400)),
    ("timing-inverted", BOTH, {"Available_Timings": timings(("12:00", "11:00"))}, {},
     ("INVALID_DATA", " The given custom time is invalid", {"api_name": "To", "json_path": "$.data[0].Available_Timings"}, 400)),
    ("timing-overlap", BOTH, {"Available_Timings": timings(("10:00", "12:00"), ("11:00", "13:00"))}, {},
     ("INVALID_DATA", " The given custom time is invalid", {"api_name": "From", "json_path": "$.data[0].Available_Timings"}, 400)),
    ("range-inverted-documented", ("documented",), {**RANGE, "Available_Till": "2026-03-02"}, {},
     ("INVALID_DATA", INV, fld("Available_Till"), 400)),
    ("range-inverted-live", ("live",), {**RANGE, "Available_Till": "2026-03-01"}, {},
     ("DEPENDENT_MISMATCH", "To value must be Greater than From value", dep("Available_From", "Available_Till"), 400)),
    ("member-link-unknown", BOTH, {"Members": [{"Members": {"id": U1}}, {"id": "5545974000000999999"}]}, {},
     ("INVALID_DATA", BAD_ID, {"api_name": "id", "json_path": "$.data[0].Members[1].id"}, 400)),
    ("member-link-only-is-no-member", BOTH, {"Members": [{"id": "5545974000000999999"}]}, {},
     ("MANDATORY_NOT_FOUND", "required field not found", fld("Members"), 400)),
    ("member-unknown", BOTH, {"Members": [{"Members": {"id": U1}}, {"Members": {"id": "5545974000000777777"}}]}, {},
     ("INVALID_DATA", BAD_ID, {"api_name": "id", "json_path": "$.data[0].Members[1].Members.id"}, 400)),
    ("member-deleted", BOTH, {"Members": [{"Members": {"id": U_DELETED}}]}, {},
     ("INVALID_DATA", BAD_ID, {"api_name": "id", "json_path": "$.data[0].Members[0].Members.id"}, 400)),
    ("member-inactive", BOTH, {"Members": [{"Members": {"id": U_INACTIVE}}]}, {},
     ("INVALID_DATA", "Members is not Active",
      {"user_status": "inactive", "api_name": "id", "json_path": "$.data[0].Members[0].Members.id"}, 400)),
    ("member-unconfirmed", BOTH, {"Members": [{"Members": {"id": U_UNCONFIRMED}}]}, {},
     ("INVALID_DATA", "Members is not Confirmed",
      {"user_status": "unconfirmed", "api_name": "id", "json_path": "$.data[0].Members[0].Members.id"}, 400)),
    ("tax-unknown", BOTH, {"Tax": [{"id": None, "value": "Sales Tax - 0.0 %"}]}, {},
     ("INVALID_DATA", INV, fld("Tax"), 400)),
    ("owner-unknown", BOTH, {"Owner": {"id": "5545974000000777777"}}, {}, ("INVALID_DATA", BAD_ID, fld("Owner"), 400)),
    ("owner-inactive", BOTH, {"Owner": {"id": U_INACTIVE}}, {}, ("INVALID_DATA", BAD_ID, fld("Owner"), 400)),
    ("days-not-business", BOTH, {"Availability_Type": "Specific Day(s)", "Available_Days": ["Monday", "Saturday"]}, {},
     ("DEPENDENT_MISMATCH", "The given Available Days are not there in business days", dep("Status", "Available_Days"), 400)),
    ("date-holiday", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": ["2026-05-25"]}, {},
     ("DEPENDENT_MISMATCH", "Available Dates value in holiday or Not in BusinessDays", dep("Status", "Available_Dates"), 400)),
    ("date-weekend", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": ["2026-03-09", "2026-03-07"]}, {},
     ("DEPENDENT_MISMATCH", "Available Dates value in holiday or Not in BusinessDays", dep("Status", "Available_Dates"), 400)),
    ("timing-before-hours", BOTH, {"Available_Timings": timings(("08:00", "10:00"))}, {},
     ("DEPENDENT_MISMATCH", "Service available time does not satisfy the business timing",
      {**dep("Status", "From"), "json_path": "$.data[0].Available_Timings[0].From"}, 400)),
    ("timing-after-hours", BOTH, {"Available_Timings": timings(("10:00", "11:00"), ("18:00", "20:00"))}, {},
     ("DEPENDENT_MISMATCH", "Service available time does not satisfy the business timing",
      {**dep("Status", "To"), "json_path": "$.data[0].Available_Timings[1].To"}, 400)),
    ("timing-short-documented", ("documented",), {"Duration": 120, "Available_Timings": timings(("10:00", "11:00"))}, {},
     ("INVALID_DATA", "Available timings does not satisfy the service duration", fld("Available_Timings"), 400)),
    ("hours-short-documented", ("documented",), {"Duration": 700}, {},
     ("INVALID_DATA", "Available timings does not satisfy the service duration", fld("Duration"), 400)),
    ("timing-short-live", ("live",), {"Duration": 120, "Available_Timings": timings(("10:00", "11:00"))}, {},
     ("DEPENDENT_MISMATCH", "Duration does not satisfy the service timing", dep("Status", "Duration"), 400)),
    ("hours-short-live", ("live",), {"Duration": 700}, {},
     ("DEPENDENT_MISMATCH", "Duration does not satisfy the service timing", dep("Status", "Duration"), 400)),
    ("live-available-with-till", ("live",), {"Unavailable_From": FUTURE, "Unavailable_Till": FUTURE2}, {},
     ("DEPENDENT_MISMATCH",
      "When the service status is available,  either both Unavailable From and Unavailable Till must be null,"
      " or only Unavailable From can have a value.", dep("Unavailable_Till", "Status"), 400)),
    ("live-available-from-past", ("live",), {"Unavailable_From": PAST}, {},
     ("DEPENDENT_MISMATCH", "When the service status is available, Unavailable From must be greater than current date",
      dep("Unavailable_From", "Status"), 400)),
    ("documented-available-only-from", ("documented",), {"Unavailable_From": PAST}, {},
     ("DEPENDENT_MISMATCH",
      "When the service status is available, either both Unavailable From and Unavailable Till must be given or neither",
      dep("Status", "Unavailable_Till"), 400)),
    ("documented-available-only-till", ("documented",), {"Unavailable_Till": PAST}, {},
     ("DEPENDENT_MISMATCH",
      "When the service status is available, either both Unavailable From and Unavailable Till must be given or neither",
      dep("Status", "Unavailable_From"), 400)),
    ("documented-available-till-future", ("documented",), {"Unavailable_From": PAST, "Unavailable_Till": FUTURE}, {},
     ("DEPENDENT_MISMATCH", "When the service status is available, Unavailable Till must be lesser than current Time.",
      dep("Status", "Unavailable_Till"), 400)),
    ("temp-till-past", BOTH, {"Status": "Temporarily Unavailable", "Unavailable_From": PAST, "Unavailable_Till": PAST2}, {},
     ("DEPENDENT_MISMATCH", "Unavailable Till must be greater than current Time.", dep("Status", "Unavailable_Till"), 400)),
    ("temp-till-before-from", BOTH,
     {"Status": "Temporarily Unavailable", "Unavailable_From": FUTURE2, "Unavailable_Till": FUTURE}, {},
     ("DEPENDENT_MISMATCH", "Unavailable Till must be lesser than Unavailable From",
      dep("Unavailable_From", "Unavailable_Till"), 400)),
    ("documented-available-till-before-from", ("documented",),
     {"Unavailable_From": PAST2, "Unavailable_Till": PAST}, {},
     ("DEPENDENT_MISMATCH", "Unavailable Till must be lesser than Unavailable From",
      dep("Unavailable_From", "Unavailable_Till"), 400)),
    ("not-in-use-from-future-live", ("live",), {"Status": "Not in Use", "Unavailable_From": FUTURE}, {},
     ("DEPENDENT_MISMATCH",
      "Services status cannot be marked as Not In Use when Unavailable From falls after the current Date",
      dep("Unavailable_From", "Status"), 400)),
    ("not-in-use-from-future-documented", ("documented",), {"Status": "Not in Use", "Unavailable_From": FUTURE}, {},
     ("INVALID_DATA", INV, fld("Unavailable_From"), 400)),
    ("temp-from-future", BOTH,
     {"Status": "Temporarily Unavailable", "Unavailable_From": FUTURE, "Unavailable_Till": FUTURE2}, {},
     ("INVALID_DATA", INV, fld("Unavailable_From"), 400)),
    ("unavailable-from-outside-range", BOTH,
     {**RANGE, "Available_From": "2026-03-04", "Status": "Not in Use", "Unavailable_From": PAST}, {},
     ("INVALID_DATA", "Unavailable From time does not fall within service availability", fld("Unavailable_From"), 400)),
    ("unavailable-till-outside-range", BOTH,
     {**RANGE, "Available_Till": "2026-03-05", "Status": "Temporarily Unavailable", "Unavailable_From": PAST,
      "Unavailable_Till": FUTURE}, {},
     ("INVALID_DATA", "Unavailable Till time does not fall within service availability", fld("Unavailable_Till"), 400)),
    ("range-ended", BOTH, {**RANGE, "Available_From": "2026-02-02", "Available_Till": "2026-03-03"}, {},
     ("DEPENDENT_MISMATCH",
      "End Date of service availability falls before the current Date, so service cannot be marked as Available"
      " or Scheduled or Temporarily Unavailable", dep("Available_Till", "Status"), 400)),
    ("dates-all-past", BOTH, {"Availability_Type": "Specific Date(s)", "Available_Dates": ["2026-02-02", "2026-03-03"]}, {},
     ("NOT_ALLOWED", "As service availability is not valid, status cannot be changed", fld("Status"), 403)),
    ("scheduled-start-past-live", ("live",), {**RANGE, "Status": "Scheduled"}, {},
     ("DEPENDENT_MISMATCH",
      "Starting date of service availability falls before the current Date, so service cannot be marked as Scheduled",
      dep("Available_From", "Status"), 400)),
]


def _expand():
    for case_id, profiles, changes, ctx_changes, expected in CASES:
        for profile in profiles:
            yield pytest.param(profile, changes, ctx_changes, expected, id=f"{case_id}[{profile}]")


@pytest.mark.parametrize(("profile", "changes", "ctx_changes", "expected"), list(_expand()))
def test_rule(profile, changes, ctx_changes, expected):
    ctx = make_ctx(profile, **ctx_changes)
    with pytest.raises(ZohoError) as caught:
        create_service(base_item(**changes), 0, ctx, id_source())
    assert as_tuple(caught.value) == expected


@pytest.mark.parametrize("key", ["Service_Name", "Duration", "Location", "Members", "Availability_Type", "Price"])
@pytest.mark.parametrize("profile", ["documented", "live"])
def test_each_mandatory_key(key, profile):
    with pytest.raises(ZohoError) as caught:
        create_service(base_item(**{key: DELETE}), 3, make_ctx(profile), id_source())
    assert as_tuple(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found", fld(key, 3), 400)


def _many_users(count: int) -> dict[int, UserRef]:
    users = dict(USERS)
    for n in range(count):
        users[6000000000000000000 + n] = UserRef(6000000000000000000 + n, f"U{n}", f"u{n}@example.com")
    return users


def test_members_over_100_documented():
    members = [{"Members": {"id": 6000000000000000000 + n}} for n in range(101)]
    with pytest.raises(ZohoError) as caught:
        create_service(base_item(Members=members), 0, make_ctx(users=_many_users(101)), id_source())
    assert as_tuple(caught.value) == (
        "INVALID_DATA", "More than 100 users cannot be associated", fld("Members"), 400)


def test_members_over_100_live():
    members = [{"Members": {"id": 6000000000000000000 + n}} for n in range(101)]
    with pytest.raises(ZohoError) as caught:
        create_service(base_item(Members=members), 0, make_ctx("live", users=_many_users(101)), id_source())
    assert as_tuple(caught.value) == (
        "LIMIT_EXCEEDED", "More than 100 users cannot be associated",
        {"api_name": "Members", "limit": 100, "json_path": "$.data[0].Members"}, 400)


def test_100_members_after_deduplication_pass():
    members = [{"Members": {"id": 6000000000000000000 + n}} for n in range(100)] + [{"Members": {"id": 6000000000000000000}}]
    write = create_service(base_item(Members=members), 0, make_ctx(users=_many_users(100)), id_source())
    assert len(write.record["Members"]) == 100


def test_rule_table_shape():
    names = [rule.check.__name__ for rule in RULES]
    assert len(names) == len(set(names)) == 50
    assert [rule.step for rule in RULES] == sorted(rule.step for rule in RULES)
    assert {rule.profile for rule in RULES} == {None, "documented", "live"}


# ---- boundaries and passing variants --------------------------------------------------

@pytest.mark.parametrize(("profile", "duration"), [("documented", 15), ("documented", 600), ("live", 5), ("live", 600)])
def test_duration_bounds_inclusive(profile, duration):
    write = create_service(base_item(Duration=duration), 0, make_ctx(profile), id_source())
    assert write.record["Duration"] == duration


def test_scheduled_accepted_live_with_future_start():
    item = base_item(**{**RANGE, "Available_From": "2026-03-10"}, Status="Scheduled")
    write = create_service(item, 0, make_ctx("live"), id_source())
    assert write.record["Status"] == "Scheduled" and write.active and write.activates


def test_live_available_with_future_from_only():
    write = create_service(base_item(Unavailable_From=FUTURE), 0, make_ctx("live"), id_source())
    assert write.record["Unavailable_From"] == "2026-03-06T04:30:00+00:00"


def test_documented_available_with_past_window():
    item = base_item(Unavailable_From=PAST, Unavailable_Till=PAST2)
    write = create_service(item, 0, make_ctx("documented"), id_source())
    assert write.record["Unavailable_Till"] == "2026-03-04T03:30:00+00:00"


def test_not_in_use_skips_business_calendar():
    item = base_item(Status="Not in Use", Unavailable_From=PAST, Availability_Type="Specific Day(s)",
                     Available_Days=["Sunday"], Available_Timings=timings(("06:00", "08:00")))
    write = create_service(item, 0, make_ctx(), id_source())
    assert write.active is False and write.activates is False


def test_first_failure_wins_type_before_mandatory():
    item = base_item(Service_Name=DELETE, Duration="sixty")
    with pytest.raises(ZohoError) as caught:
        create_service(item, 0, make_ctx(), id_source())
    assert as_tuple(caught.value) == ("INVALID_DATA", INV, fld("Duration", expected_data_type="integer"), 400)


def test_first_failure_wins_mandatory_before_values():
    item = base_item(Service_Name=DELETE, Location="Moon")
    with pytest.raises(ZohoError) as caught:
        create_service(item, 0, make_ctx(), id_source())
    assert caught.value.details == fld("Service_Name")


def test_user_ids_parse_as_numbers_and_strings():
    item = base_item(Members=[{"Members": {"id": U1}}, {"Members": {"id": str(U1)}}])
    write = create_service(item, 0, make_ctx(), id_source())
    assert write.record["Members"] == [{"id": "5545974000002180642", "user_id": str(U1)}]
