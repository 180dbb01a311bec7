"""Every Services rule row, under each profile it applies to, through HTTP: one POST of one
item, asserting the HTTP status and the whole body. The cases are the domain table's own
(tests/unit/domain/test_services_rules.py), so a rule cannot be tested in one place only."""

from __future__ import annotations

import pytest

from tests.conftest import new_org
from tests.http.services.helpers import post, set_profile, to_org
from tests.unit.domain import domain_helpers as H
from tests.unit.domain.test_services_rules import CASES


def _cases():
    for case_id, profiles, changes, ctx_changes, expected in CASES:
        for profile in profiles:
            yield pytest.param(profile, changes, ctx_changes, expected, id=f"{case_id}-{profile}")


@pytest.mark.parametrize(("profile", "changes", "ctx_changes", "expected"), list(_cases()))
def test_create_services_rule(client, backend, clock, profile, changes, ctx_changes, expected):
    clock.set(H.NOW)
    org = new_org(backend)
    set_profile(backend, org, profile)
    assert set(ctx_changes) <= {"job_sheet_enabled"}, "a context change this test cannot make"
    if ctx_changes.get("job_sheet_enabled") is False:
        r = client.put("/crm/v7/settings/service_preferences", headers=org.headers,
                       json={"service_preferences": {"job_sheet_enabled": False}})
        assert r.status_code == 200
    item = to_org(H.base_item(**changes), org)
    code, message, details, item_status = expected
    r = post(client, org, item)
    http_status = item_status if profile == "documented" else 400
    assert r.status_code == http_status
    assert r.json() == {"data": [{"code": code, "details": to_org(details, org), "message": message,
                                  "status": "error"}]}
    listed = client.get("/crm/v7/Services__s?fields=Service_Name", headers=org.headers)
    assert listed.status_code == 204, "a refused record must leave nothing stored"


def test_create_services_base_item_is_accepted(client, backend, clock):
    clock.set(H.NOW)
    org = new_org(backend)
    r = post(client, org, to_org(H.base_item(), org))
    assert r.status_code == 201
    assert r.json()["data"][0]["code"] == "SUCCESS"
