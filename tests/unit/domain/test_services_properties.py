"""Property: any JSON item yields a stored record or a ZohoError, never another exception."""

from __future__ import annotations

import json

from tests.unit.domain.domain_helpers import U1, base_item, id_source, make_ctx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.services.rules import create_service, update_service

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                    max_leaves=12)
KEYS = ["Service_Name", "Duration", "Location", "Members", "Availability_Type", "Available_From", "Available_Till",
        "Available_Dates", "Available_Days", "Price", "Available_Timings", "Tax", "Job_Sheet_Required",
        "Job_Sheet_Section__s", "Status", "Unavailable_From", "Unavailable_Till", "Description", "Owner"]
PLAUSIBLE = {
    "Duration": st.sampled_from([5, 15, 60, "60", 1440, 2000, -1]),
    "Status": st.sampled_from(["Available", "Temporarily Unavailable", "Not in Use", "Scheduled"]),
    "Availability_Type": st.sampled_from(["Every Business Days", "Specific Date Range", "Specific Date(s)",
                                          "Specific Day(s)"]),
    "Available_From": st.sampled_from(["2026-03-01", "2026-03-10", "0001-01-01", "9999-12-31"]),
    "Available_Till": st.sampled_from(["2026-03-01", "2026-05-10", "9999-12-31"]),
    "Available_Dates": st.lists(st.sampled_from(["2026-03-09", "2026-03-07", "2026-05-25", "2026-02-02", "x"]), max_size=3),
    "Available_Days": st.lists(st.sampled_from(["Monday", "Sunday", "Funday"]), max_size=3),
    "Available_Timings": st.lists(st.fixed_dictionaries({"From": st.sampled_from(["08:00", "10:00", "25:00"]),
                                                         "To": st.sampled_from(["09:30", "18:00", "20:00"])}), max_size=3),
    "Unavailable_From": st.sampled_from(["2026-03-01T00:00:00Z", "2026-03-20T00:00:00+05:30", "0001-01-01T00:00:00+05:00"]),
    "Unavailable_Till": st.sampled_from(["2026-03-02T00:00:00Z", "2026-03-21T00:00:00+05:30", "9999-12-31T23:59:59-05:00"]),
    "Job_Sheet_Required": st.sampled_from(["Yes", "No"]),
    "Job_Sheet_Section__s": st.sampled_from(["Standard", None]),
    "Price": st.sampled_from([0, 230.66, "1e5", 1e300, -0.0, "12345678901234.567"]),
    "Members": st.lists(st.sampled_from([{"Members": {"id": U1}}, {"id": "1", "_delete": None}, {"Members": {"id": "abc"}}]),
                        max_size=3),
}
VALUE = {key: (PLAUSIBLE[key] | JSON) if key in PLAUSIBLE else JSON for key in KEYS}
ITEM = st.fixed_dictionaries({}, optional=VALUE) | JSON


def _check(run):
    try:
        write = run()
    except ZohoError as error:
        json.dumps(error.body())
        return
    json.dumps(write.record)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=ITEM, profile=st.sampled_from(["documented", "live"]))
def test_create_never_crashes(item, profile):
    _check(lambda: create_service(item, 0, make_ctx(profile), id_source()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.fixed_dictionaries({}, optional=VALUE), profile=st.sampled_from(["documented", "live"]))
def test_partial_item_over_valid_base_never_crashes(changes, profile):
    _check(lambda: create_service({**base_item(), **changes}, 0, make_ctx(profile), id_source()))
    stored = create_service(base_item(), 0, make_ctx(profile), id_source()).record
    _check(lambda: update_service(changes, 1, stored, make_ctx(profile), id_source()))
