"""Whatever a create body holds, the answer is a success or a documented error envelope,
never a 500; and a refused record leaves nothing stored."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.http.services.helpers import seed_item

KEYS = ["Service_Name", "Duration", "Location", "Members", "Availability_Type", "Available_From", "Available_Till",
        "Available_Dates", "Available_Days", "Available_Timings", "Price", "Tax", "Job_Sheet_Required",
        "Job_Sheet_Section__s", "Status", "Unavailable_From", "Unavailable_Till", "Description", "Owner", "Nope"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
mutations = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=5)
ENVELOPE_KEYS = ["code", "details", "message", "status"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=mutations, drop=st.sets(st.sampled_from(KEYS), max_size=3))
def test_create_never_breaks_and_refusals_store_nothing(client, org, changes, drop):
    item = {k: v for k, v in seed_item(org, **changes).items() if k not in drop}
    before = _count(client, org)
    r = client.post("/crm/v7/Services__s", content=json.dumps({"data": [item]}), headers=org.headers)
    assert r.status_code in (201, 400, 403), r.text
    (answer,) = r.json()["data"]
    assert list(answer) == ENVELOPE_KEYS
    assert isinstance(answer["details"], dict)
    after = _count(client, org)
    if answer["status"] == "success":
        assert r.status_code == 201 and after == before + 1
    else:
        assert answer["status"] == "error" and after == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=json_values)
def test_any_json_body_gets_an_envelope(client, org, body):
    r = client.post("/crm/v7/Services__s", content=json.dumps(body), headers=org.headers)
    assert r.status_code in (201, 207, 400, 403), r.text
    payload = r.json()
    assert "data" in payload or list(payload) == ENVELOPE_KEYS


def _count(client, org) -> int:
    r = client.get("/crm/v7/Services__s?fields=Service_Name", headers=org.headers)
    return 0 if r.status_code == 204 else r.json()["info"]["count"]
