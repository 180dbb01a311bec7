"""API limits emulation (spec conventions §12): credits per rolling 24 h, concurrency caps."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.admin.conftest import error

TOO_MANY = {"code": "TOO_MANY_REQUESTS", "details": {}, "message": "too many requests", "status": "error"}


def test_limits_of_new_org_are_off(admin, org):
    r = admin.get(f"/orgs/{org.id}/limits")
    assert (r.status_code, r.json()) == (200, {"limits": {"enabled": False, "credits_used": 0, "in_flight": 0}})


def test_calls_beyond_credits_are_too_many_requests(admin, org, client):
    admin.put(f"/orgs/{org.id}/limits", {"credits": 3})
    assert [client.get("/crm/v7/org", headers=org.headers).status_code for _ in range(3)] == [200] * 3
    r = client.get("/crm/v7/org", headers=org.headers)
    assert (r.status_code, r.json()) == (429, TOO_MANY)
    shown = admin.get(f"/orgs/{org.id}/limits").json()["limits"]
    assert (shown["credits_used"], shown["credits_remaining"]) == (3, 0)


def test_credits_come_back_after_24_hours_of_org_time(admin, org, client):
    admin.put(f"/orgs/{org.id}/limits", {"credits": 1})
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 200
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 429
    admin.post(f"/orgs/{org.id}/clock/freeze")
    admin.post(f"/orgs/{org.id}/clock/advance", {"seconds": 24 * 3600})
    # The org's token expired with the day; a fresh one for the same org.
    token = admin.post(f"/orgs/{org.id}/credentials", {}).json()["credentials"]["access_token"]
    r = client.get("/crm/v7/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert r.status_code == 200


def test_refused_calls_cost_no_credits(admin, org, client):
    admin.put(f"/orgs/{org.id}/limits", {"credits": 1})
    for _ in range(3):
        client.get("/crm/v7/org", headers=org.headers)
    assert admin.get(f"/orgs/{org.id}/limits").json()["limits"]["credits_used"] == 1


def test_limits_of_one_org_do_not_touch_another(admin, org, client, backend):
    from tests.conftest import new_org

    other = new_org(backend)
    admin.put(f"/orgs/{org.id}/limits", {"credits": 0})
    assert client.get("/crm/v7/org", headers=org.headers).status_code == 429
    assert client.get("/crm/v7/org", headers=other.headers).status_code == 200


@pytest.mark.parametrize(("spec", "credits", "concurrency"), [
    ({"edition": "free"}, 5_000, 5),
    ({"edition": "standard", "licences": 10}, 52_500, 10),
    ({"edition": "standard", "licences": 1000}, 100_000, 10),
    ({"edition": "professional", "licences": 4}, 52_000, 15),
    ({"edition": "enterprise", "licences": 3000}, 2_000_000, 20),
    ({"edition": "ultimate", "licences": 5000}, 10_050_000, 25),
    ({"edition": "free", "credits": 7, "concurrency": 2}, 7, 2),
])
def test_set_limits_by_edition_computes_caps(admin, org, spec, credits, concurrency):
    shown = admin.put(f"/orgs/{org.id}/limits", spec).json()["limits"]
    assert (shown["credits_per_day"], shown["concurrency_cap"]) == (credits, concurrency)
    assert shown["enabled"] is True


def test_switch_limits_off_forgets_usage(admin, org, client):
    admin.put(f"/orgs/{org.id}/limits", {"credits": 1})
    client.get("/crm/v7/org", headers=org.headers)
    r = admin.delete(f"/orgs/{org.id}/limits")
    assert r.json() == {"limits": {"enabled": False, "credits_used": 0, "in_flight": 0}}
    assert [client.get("/crm/v7/org", headers=org.headers).status_code for _ in range(3)] == [200] * 3


def test_concurrent_call_beyond_cap_is_too_many_requests(admin, org, app):
    admin.put(f"/orgs/{org.id}/limits", {"concurrency": 1})
    admin.post(f"/orgs/{org.id}/faults", {"latency_ms": 300})

    async def both() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            first = asyncio.create_task(c.get("/crm/v7/org", headers=org.headers))
            await asyncio.sleep(0.1)
            second = await c.get("/crm/v7/org", headers=org.headers)
            return [await first, second]

    first, second = asyncio.run(both())
    assert first.status_code == 200
    assert (second.status_code, second.json()) == (429, TOO_MANY)
    assert admin.get(f"/orgs/{org.id}/limits").json()["limits"]["in_flight"] == 0


def test_sequential_calls_under_concurrency_cap_pass(admin, org, client):
    admin.put(f"/orgs/{org.id}/limits", {"concurrency": 1})
    assert [client.get("/crm/v7/org", headers=org.headers).status_code for _ in range(3)] == [200] * 3


@pytest.mark.parametrize(("spec", "message"), [
    ({}, "give an edition, credits or concurrency"),
    ({"edition": "gold"}, "edition: one of free, standard, professional, enterprise, ultimate"),
    ({"credits": -1}, "credits: an integer of at least 0, or null"),
    ({"concurrency": 0}, "concurrency: an integer of at least 1, or null"),
    ({"rate": 1}, "unknown keys: rate"),
])
def test_set_limits_invalid_is_invalid_input(admin, org, spec, message):
    r = admin.put(f"/orgs/{org.id}/limits", spec)
    assert (r.status_code, r.json()) == (400, error("INVALID_INPUT", message))
