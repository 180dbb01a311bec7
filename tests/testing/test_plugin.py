"""The pytest plugin's fixtures, used as a user's test suite would use them."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.usefixtures("_no_proxy")


@pytest.fixture
def _no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_zcrm_org_answers_on_its_api_url(zcrm_org):
    r = httpx.get(f"{zcrm_org.api_url}/org", headers=zcrm_org.headers)
    assert r.status_code == 200
    assert r.json()["org"][0]["id"] == zcrm_org.org_id
    assert zcrm_org.accounts_url == f"{zcrm_org.base_url}/oauth/v2/token"


def test_zcrm_org_refresh_token_works_at_accounts_url(zcrm_org):
    r = httpx.post(zcrm_org.accounts_url, data={"grant_type": "refresh_token", "client_id": zcrm_org.client_id,
                                                "client_secret": zcrm_org.client_secret,
                                                "refresh_token": zcrm_org.refresh_token})
    assert r.json()["api_domain"] == zcrm_org.base_url


def test_zcrm_org_has_fixture_users_and_journal(zcrm_org):
    r = httpx.get(f"{zcrm_org.api_url}/users", headers=zcrm_org.headers)
    assert {u["id"] for u in r.json()["users"]} == set(zcrm_org.users.values())
    (entry,) = zcrm_org.journal(path="/crm/v7/users")
    assert entry["status"] == 200


@pytest.fixture
def second_org(zcrm_server):
    from zcrm_local.testing.plugin import ZcrmOrg

    org = ZcrmOrg(zcrm_server, zcrm_server.admin.create_org("second"))
    yield org
    org.delete()


def test_zcrm_orgs_are_isolated(zcrm_org, second_org):
    assert zcrm_org.org_id != second_org.org_id
    zcrm_org.add_fault(error="INTERNAL_ERROR")
    assert httpx.get(f"{zcrm_org.api_url}/org", headers=zcrm_org.headers).status_code == 500
    assert httpx.get(f"{second_org.api_url}/org", headers=second_org.headers).status_code == 200


def test_zcrm_org_is_deleted_after_its_test(zcrm_server, request):
    names = [o["name"] for o in zcrm_server.admin.orgs()]
    assert not any(n.startswith("pytest test_zcrm_orgs_are_isolated") for n in names)


def test_zcrm_org_clock_moves_server_time(zcrm_org):
    from datetime import UTC, datetime

    zcrm_org.freeze(datetime(2027, 3, 1, 9, 0, tzinfo=UTC))
    zcrm_org.advance(minutes=30)
    assert zcrm_org.now() == datetime(2027, 3, 1, 9, 30, tzinfo=UTC)


def test_zcrm_sdk_reads_org_through_official_sdk(zcrm_sdk):
    from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations

    response = OrgOperations().get_organization()
    assert response.get_status_code() == 200
    assert str(response.get_object().get_org()[0].get_id()) == zcrm_sdk.org_id


def test_zcrm_sdk_sees_fault_as_api_exception(zcrm_sdk):
    from zohocrmsdk.src.com.zoho.crm.api.org import APIException, OrgOperations

    zcrm_sdk.add_fault("/crm/v7/org", error="INTERNAL_ERROR", count=1)
    response = OrgOperations().get_organization()
    assert response.get_status_code() == 500
    error = response.get_object()
    assert isinstance(error, APIException)
    assert error.get_code().get_value() == "INTERNAL_ERROR"


def test_zcrm_org_record_hooks_reach_locked_and_already_scheduled(zcrm_org):
    from zcrm_local.testing.client import AdminApiError

    api, headers = zcrm_org.api_url, zcrm_org.headers
    account = httpx.post(f"{api}/Accounts", headers=headers, json={"data": [{"Account_Name": "A"}]}
                         ).json()["data"][0]["details"]["id"]
    root = httpx.get(f"{api}/settings/territories", headers=headers).json()["territories"][0]["id"]

    def assign():
        body = {"data": [{"id": account, "Territories": [{"id": root}]}]}
        return httpx.post(f"{api}/Accounts/actions/assign_territories", headers=headers, json=body)

    assert zcrm_org.lock_record("Accounts", account)["id"] == account
    assert [lock["id"] for lock in zcrm_org.record_locks()] == [account]
    r = assign()
    assert (r.status_code, r.json()["data"][0]["code"]) == (400, "RECORD_LOCKED")
    zcrm_org.unlock_record("Accounts", account)
    with pytest.raises(AdminApiError) as refused:
        zcrm_org.unlock_record("Accounts", account)
    assert (refused.value.status, refused.value.code) == (404, "NOT_FOUND")
    assert zcrm_org.hold_territory_jobs() == {"held": True, "pending": []}
    job = assign().json()["data"][0]["details"]["job_id"]
    assert [p["job_id"] for p in zcrm_org.territory_jobs()["pending"]] == [job]
    assert zcrm_org.hold_territory_jobs(False) == {"held": False, "pending": []}


def test_zcrm_outbox_holds_the_mail_a_test_sent(zcrm_org, zcrm_outbox):
    r = httpx.post(f"{zcrm_org.api_url}/Leads", headers=zcrm_org.headers,
                   json={"data": [{"Last_Name": "Ng", "Email": "ng@example.com"}]})
    rid = r.json()["data"][0]["details"]["id"]
    sender = httpx.get(f"{zcrm_org.api_url}/settings/emails/actions/from_addresses",
                       headers=zcrm_org.headers).json()["from_addresses"][0]["email"]
    assert len(zcrm_outbox) == 0
    r = httpx.post(f"{zcrm_org.api_url}/Leads/{rid}/actions/send_mail", headers=zcrm_org.headers,
                   json={"data": [{"from": {"email": sender}, "to": [{"email": "ng@example.com"}], "subject": "Hi"}]})
    assert r.status_code == 200
    (mail,) = zcrm_outbox.messages()
    assert (mail["subject"], mail["to"], mail["record_id"], mail["state"]) == (
        "Hi", [{"user_name": None, "email": "ng@example.com"}], rid, "sent")
    assert zcrm_outbox.clear() == 1
    assert list(zcrm_outbox) == []
