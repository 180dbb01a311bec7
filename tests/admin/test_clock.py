"""An org's clock: freeze, set, advance, resume, reset; token expiry follows it."""

from __future__ import annotations

from tests.admin.conftest import error

AT = "2027-01-15T10:00:00.000000+00:00"


def test_clock_of_new_org_is_server_clock(admin, org):
    r = admin.get(f"/orgs/{org.id}/clock")
    assert (r.status_code, r.json()) == (200, {"clock": {"now": "2026-11-23T06:30:00.000000+00:00",
                                                         "frozen": False, "offset_seconds": 0.0}})


def test_freeze_at_instant_then_advance_moves_frozen_instant(admin, org, clock):
    r = admin.post(f"/orgs/{org.id}/clock/freeze", {"at": "2027-01-15T15:30:00+05:30"})
    assert r.json() == {"clock": {"now": AT, "frozen": True, "offset_seconds": 0.0}}
    clock.advance(__import__("datetime").timedelta(hours=5))  # the server's time does not matter now
    r = admin.post(f"/orgs/{org.id}/clock/advance", {"seconds": 90})
    assert r.json() == {"clock": {"now": "2027-01-15T10:01:30.000000+00:00", "frozen": True, "offset_seconds": 0.0}}


def test_set_running_clock_keeps_running_from_there(admin, org, clock):
    from datetime import timedelta

    r = admin.post(f"/orgs/{org.id}/clock/set", {"at": AT})
    assert r.json()["clock"]["now"] == AT
    assert r.json()["clock"]["frozen"] is False
    clock.advance(timedelta(seconds=10))
    assert admin.get(f"/orgs/{org.id}/clock").json()["clock"]["now"] == "2027-01-15T10:00:10.000000+00:00"


def test_resume_frozen_clock_runs_from_frozen_instant(admin, org, clock):
    from datetime import timedelta

    admin.post(f"/orgs/{org.id}/clock/freeze", {"at": AT})
    r = admin.post(f"/orgs/{org.id}/clock/resume")
    assert r.json()["clock"]["frozen"] is False
    assert r.json()["clock"]["now"] == AT
    clock.advance(timedelta(seconds=1))
    assert admin.get(f"/orgs/{org.id}/clock").json()["clock"]["now"] == "2027-01-15T10:00:01.000000+00:00"


def test_reset_clock_is_server_clock(admin, org):
    admin.post(f"/orgs/{org.id}/clock/advance", {"seconds": 3600})
    r = admin.delete(f"/orgs/{org.id}/clock")
    assert r.json() == {"clock": {"now": "2026-11-23T06:30:00.000000+00:00", "frozen": False, "offset_seconds": 0.0}}


def test_advance_past_token_lifetime_expires_token(admin, org, client):
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    admin.post(f"/orgs/{org.id}/clock/advance", {"seconds": 3600})
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()["code"]) == (401, "INVALID_TOKEN")


def test_advance_clock_of_other_org_keeps_token(admin, org, client, backend):
    from tests.conftest import new_org

    other = new_org(backend)
    admin.post(f"/orgs/{other.id}/clock/advance", {"seconds": 7200})
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200


def test_freeze_without_offset_is_invalid_input(admin, org):
    r = admin.post(f"/orgs/{org.id}/clock/freeze", {"at": "2027-01-15T10:00:00"})
    assert (r.status_code, r.json()) == (
        400, error("INVALID_INPUT", "at: the date-time needs an offset (e.g. +00:00)"))


def test_set_without_at_is_invalid_input(admin, org):
    r = admin.post(f"/orgs/{org.id}/clock/set", {})
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", "at: required"))


def test_advance_with_text_is_invalid_input(admin, org):
    r = admin.post(f"/orgs/{org.id}/clock/advance", {"seconds": "60"})
    assert (r.status_code, r.json()) == (
        400, error("INVALID_INPUT", "seconds: a number of seconds, at most 100 years either way"))


def test_clock_of_unknown_org_is_not_found(admin):
    assert admin.post("/orgs/1234567000000000000/clock/advance", {"seconds": 1}).status_code == 404
