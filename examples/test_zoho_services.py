"""Tests of ``zoho_services`` against zcrm-local, with the pytest plugin's fixtures:
``zcrm_sdk`` is a fresh org per test with the official SDK initialised against it."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from zoho_services import Integration, ZohoError

pytestmark = pytest.mark.usefixtures("zcrm_sdk")


def services_served(org) -> bool:
    r = httpx.get(f"{org.api_url}/Services__s", params={"fields": "id"}, headers=org.headers, trust_env=False)
    return r.status_code in (200, 204)


def test_org_name_reads_the_org(zcrm_sdk):
    assert Integration().org_name() == "pytest test_org_name_reads_the_org"


def test_org_name_retries_on_internal_error(zcrm_sdk):
    zcrm_sdk.add_fault("/crm/v7/org", method="GET", error="INTERNAL_ERROR", count=2)
    assert Integration(retries=2).org_name().startswith("pytest ")
    (rule,) = zcrm_sdk.faults()
    assert rule["fired"] == 2


def test_org_name_gives_up_after_retries(zcrm_sdk):
    zcrm_sdk.add_fault("/crm/v7/org", error="INTERNAL_ERROR")
    with pytest.raises(ZohoError) as refusal:
        Integration(retries=1).org_name()
    assert (refusal.value.status, refusal.value.code) == (500, "INTERNAL_ERROR")
    assert len(zcrm_sdk.journal(path="/crm/v7/org", code="INTERNAL_ERROR")) == 2


def test_org_name_backs_off_on_too_many_requests(zcrm_sdk):
    zcrm_sdk.set_limits(credits=0)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            zcrm_sdk.clear_limits()  # the day's credits are back

    integration = Integration(backoff=0.5, sleep=sleep)
    assert integration.org_name().startswith("pytest ")
    assert waits == [0.5, 1.0]


def test_org_name_raises_when_limit_persists(zcrm_sdk):
    zcrm_sdk.set_limits(edition="free", credits=0)
    with pytest.raises(ZohoError) as refusal:
        Integration(backoff=0.01, max_backoffs=2, sleep=lambda s: None).org_name()
    assert (refusal.value.status, refusal.value.code, refusal.value.message) == (
        429, "TOO_MANY_REQUESTS", "too many requests")


def test_describe_after_unavailable_till_passed_makes_service_available(zcrm_sdk):
    if not services_served(zcrm_sdk):
        pytest.skip("the server does not serve /crm/v7/Services__s yet")
    integration = Integration()
    now = zcrm_sdk.now().replace(microsecond=0)
    zcrm_sdk.freeze(now)
    service_id = integration.create_service("Boiler check", zcrm_sdk.users["admin"])
    integration.mark_unavailable(service_id, now - timedelta(hours=1), now + timedelta(minutes=10))
    integration.describe(service_id, "still away")  # inside the window: a plain update
    assert integration.service(service_id).get_key_value("Status").get_value() == "Temporarily Unavailable"

    # Past Unavailable_Till, but within the SDK's access-token lifetime (the token follows the
    # org's clock too, and the SDK does not refresh a token it believes is still valid).
    zcrm_sdk.advance(minutes=20)
    integration.describe(service_id, "back")
    service = integration.service(service_id)
    assert service.get_key_value("Status").get_value() == "Available"
    assert service.get_key_value("Unavailable_Till") is None
    assert service.get_key_value("Description") == "back"
    puts = zcrm_sdk.journal(method="PUT")
    assert [e["status"] for e in puts] == [200, 200, 400, 200, 200]
    assert "Unavailable Till must be greater than current Time." in puts[2]["response"]["body"]
