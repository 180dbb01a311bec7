"""Hostile bodies for the writes whose body is not a wrapper of objects (unblock, cadence
enrolment, meeting cancel) or whose 200 does not mean "accepted" (composite requests): every
answer is a Zoho envelope, never a 5xx, and the org is left unchanged."""

from __future__ import annotations

import pytest

from tests.conftest import new_org
from tests.fuzz.helpers import assert_zoho_answer
from tests.fuzz.test_nasty_bodies import OWN_HOSTILE_TESTS, _nasty_bodies, _state

API = "/crm/v7"
# (method, pattern) → (path on a lead, wrapper, a body's inner value that no hostile variant turns valid)
CASES = {
    ("POST", "__composite_requests"): ("__composite_requests", "__composite_requests",
                                       [{"method": "GET", "uri": "/crm/v7/org"}]),
    ("POST", "{module}/{id}/actions/unblock_email"): ("Leads/{lead}/actions/unblock_email", "unblock_fields",
                                                       [{"Email": "x"}]),
    ("POST", "{module}/actions/unblock_email"): ("Leads/actions/unblock_email", "ids", [{"id": "{lead}"}]),
    ("POST", "{module}/actions/enrol_in_cadences"): ("Leads/actions/enrol_in_cadences", "cadences_ids",
                                                      [{"id": "1"}]),
    ("POST", "{module}/actions/unenrol_from_cadences"): ("Leads/actions/unenrol_from_cadences", "ids",
                                                          [{"id": "{lead}"}]),
    ("POST", "Events/{id}/actions/cancel"): ("Events/{lead}/actions/cancel", "data", [{"send_cancelling_mail": True}]),
}


def test_every_exempt_write_has_a_case() -> None:
    assert set(CASES) == OWN_HOSTILE_TESTS


@pytest.mark.parametrize("case", sorted(CASES), ids=[f"{m} {p}" for m, p in sorted(CASES)])
def test_hostile_bodies_change_nothing(case, client, backend) -> None:  # type: ignore[no-untyped-def]
    org = new_org(backend)
    lead = client.post(f"{API}/Leads", headers=org.headers, json={"data": [{"Last_Name": "H",
                                                                           "Email": "h@example.com"}]})
    lead_id = lead.json()["data"][0]["details"]["id"]
    path, wrapper, valid = CASES[case]
    valid = [{k: (v.format(lead=lead_id) if isinstance(v, str) else v) for k, v in item.items()} for item in valid]
    before = _state(backend, org)
    for label, body in _nasty_bodies(wrapper, valid, ignores_id=True):
        r = client.request(case[0], f"{API}/" + path.format(lead=lead_id), content=body, headers=org.headers)
        try:
            assert_zoho_answer(r.status_code, r.headers, r.content)
        except AssertionError as failure:
            raise AssertionError(f"{label}: {failure}") from None
        if case[1] != "__composite_requests":
            assert r.status_code >= 400, (label, r.text[:300])
    assert _state(backend, org) == before
