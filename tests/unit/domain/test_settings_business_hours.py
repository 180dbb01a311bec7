"""Business hours: input rules, normalization, rendering, effective calendar."""

from __future__ import annotations

import pytest
from tests.unit.domain.domain_helpers import ORG, as_tuple

from zcrm_local.domain.settings.business_hours import (
    ALWAYS_OPEN,
    business_hours_saved,
    effective_calendar,
    render_business_hours,
    validate_business_hours,
)
from zcrm_local.domain.errors import WrappedZohoError, ZohoError
from zcrm_local.domain.org.fixtures import default_org_fixture
from zcrm_local.http.render import outcome_body

STORED = default_org_fixture(ORG).business_hours
BH = "$.business_hours"


def new_id():
    return 5545974000000040009


def post(section, existing=None):
    return validate_business_hours({"business_hours": section}, existing=existing, creating=True, new_id=new_id)


def put(section, existing=STORED):
    return validate_business_hours({"business_hours": section}, existing=existing, creating=False, new_id=new_id)


def test_post_24_by_7_alias_normalized():
    stored = post({"type": "24*7", "week_starts_on": "Sunday"})
    assert stored == {"id": "5545974000000040009", "type": "24_by_7", "week_starts_on": "Sunday",
                      "business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                      "same_as_everyday": True, "daily_timing": None, "custom_timing": None}
    assert outcome_body(business_hours_saved(stored)) == {"business_hours": {
        "code": "SUCCESS", "details": {"id": "5545974000000040009"},
        "message": "Business Hours saved successfully", "status": "success"}}


def test_put_sdk_body_keeps_id():
    section = {"business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
               "daily_timing": ["09:00", "19:00"], "week_starts_on": "Monday", "same_as_everyday": True,
               "id": int(STORED["id"]), "type": "custom"}
    assert put(section) == STORED


def test_put_custom_timing_merge_and_delete():
    existing = put({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday", "Thursday"],
                    "same_as_everyday": False,
                    "custom_timing": [{"days": "Monday", "business_timing": ["10:00", "17:00"]},
                                      {"days": "Thursday", "business_timing": ["09:00", "18:30"]}]})
    updated = put({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday", "Thursday"],
                   "same_as_everyday": False, "daily_timing": ["08:00", "12:00"],
                   "custom_timing": [{"days": "Monday", "_delete": None}]}, existing)
    assert updated["custom_timing"] == [{"days": "Thursday", "business_timing": ["09:00", "18:30"]}]
    calendar = effective_calendar(updated)
    assert calendar.day_windows(0) == ((480, 720),) and calendar.day_windows(3) == ((540, 1110),)
    assert not calendar.is_business_day(1)


def test_render():
    assert render_business_hours(None) is None
    assert render_business_hours(STORED) == {"business_hours": {
        "business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "custom_timing": None,
        "daily_timing": ["09:00", "19:00"], "week_starts_on": "Monday", "same_as_everyday": True,
        "id": STORED["id"], "type": "custom"}}


def test_effective_calendars():
    assert effective_calendar(None) == ALWAYS_OPEN
    five = effective_calendar({"type": "24_by_5", "business_days": ["Monday", "Friday"]})
    assert five.day_windows(4) == ((0, 1440),) and not five.is_business_day(2)
    fixture = effective_calendar(STORED)
    assert fixture.business_weekdays() == (0, 1, 2, 3, 4) and fixture.day_windows(2) == ((540, 1140),)


def test_request_level_errors():
    with pytest.raises(ZohoError) as caught:
        validate_business_hours({}, existing=None, creating=True, new_id=new_id)
    assert not isinstance(caught.value, WrappedZohoError)
    assert caught.value.body() == {"code": "MANDATORY_NOT_FOUND", "details": {
        "api_name": "business_hours", "json_path": BH}, "message": "required field not found", "status": "error"}
    with pytest.raises(ZohoError) as caught:
        post({"type": "24_by_7", "week_starts_on": "Monday"}, existing=STORED)
    assert caught.value.body() == {"code": "NOT_ALLOWED", "details": {},
                                   "message": "Organization can have only one Business Hour", "status": "error"}


@pytest.mark.parametrize(
    ("section", "existing", "error"),
    [
        ({"type": "custom"}, None, ("NOT_ALLOWED", "Cannot update business hours", {}, 400)),
        ({"id": "1", "type": "24_by_7", "week_starts_on": "Monday"}, STORED,
         ("INVALID_DATA", "invalid data", {"api_name": "id", "json_path": f"{BH}.id"}, 400)),
        ({"week_starts_on": "Monday"}, STORED,
         ("MANDATORY_NOT_FOUND", "required field not found", {"api_name": "type", "json_path": f"{BH}.type"}, 400)),
        ({"type": "24x7", "week_starts_on": "Monday"}, STORED,
         ("INVALID_DATA", "invalid data", {"api_name": "type", "json_path": f"{BH}.type"}, 400)),
        ({"type": "24_by_5"}, STORED, ("MANDATORY_NOT_FOUND", "required field not found",
                                       {"api_name": "week_starts_on", "json_path": f"{BH}.week_starts_on"}, 400)),
        ({"type": "24_by_5", "week_starts_on": "Monday"}, STORED,
         ("MANDATORY_NOT_FOUND", "required field not found",
          {"api_name": "business_days", "json_path": f"{BH}.business_days"}, 400)),
        ({"type": "24_by_5", "week_starts_on": "Monday", "business_days": ["Monday", "Monday"]}, STORED,
         ("INVALID_DATA", "invalid data", {"api_name": "business_days", "json_path": f"{BH}.business_days"}, 400)),
        ({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday"], "same_as_everyday": True,
          "daily_timing": ["9:00", "19:00"]}, STORED,
         ("INVALID_DATA", "invalid data", {"regex": "^([0-1][0-9]|2[0-3]):[0-5][0-9]$", "api_name": "daily_timing",
                                           "json_path": f"{BH}.daily_timing"}, 400)),
        ({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday"], "same_as_everyday": True,
          "daily_timing": ["19:00", "09:00"]}, STORED,
         ("INVALID_DATA", "invalid data", {"api_name": "daily_timing", "json_path": f"{BH}.daily_timing"}, 400)),
        ({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday"], "same_as_everyday": "yes"}, STORED,
         ("INVALID_DATA", "invalid data", {"expected_data_type": "boolean", "api_name": "same_as_everyday",
                                           "json_path": f"{BH}.same_as_everyday"}, 400)),
        ({"type": "custom", "week_starts_on": "Monday", "business_days": ["Monday"], "same_as_everyday": False,
          "custom_timing": [{"days": "Tuesday", "business_timing": ["10:00", "11:00"]}]}, STORED,
         ("INVALID_DATA", "invalid data", {"api_name": "days", "json_path": f"{BH}.custom_timing[0].days"}, 400)),
    ],
)
def test_wrapped_errors(section, existing, error):
    with pytest.raises(WrappedZohoError) as caught:
        put(section, existing)
    assert as_tuple(caught.value) == error
    assert caught.value.body() == {"business_hours": {"code": error[0], "details": error[2],
                                                      "message": error[1], "status": "error"}}
