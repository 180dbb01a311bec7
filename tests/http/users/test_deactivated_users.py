"""A deactivated or deleted user gets no new tokens, loses its live ones and owns no new records
(issue 12 item 8; spec 40 §3, §19; decisions D-540–D-542)."""

from __future__ import annotations

import pytest

from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.store.org import orgs as org_store

from tests.http.users.helpers import USERS, add_user, error


def _deactivate(client, org, user_id: str | int, how: str) -> None:
    if how == "inactive":
        r = client.put(f"{USERS}/{user_id}", headers=org.headers, json={"users": [{"status": "inactive"}]})
    else:
        r = client.delete(f"{USERS}/{user_id}", headers=org.headers)
    assert r.status_code == 200, r.text


def _creds_of(backend, org, user_id: str) -> oauth.Credentials:
    return oauth.mint_credentials(backend, org.id, None, user_id=int(user_id))


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Zoho-oauthtoken {token}"}


@pytest.mark.parametrize("how", ["inactive", "deleted"])
def test_live_access_token_stops_working(client, backend, org, how):
    user_id = add_user(client, org)
    creds = _creds_of(backend, org, user_id)
    assert client.get("/crm/v7/org", headers=_auth(creds.access_token)).status_code == 200
    _deactivate(client, org, user_id, how)
    r = client.get("/crm/v7/org", headers=_auth(creds.access_token))
    assert r.status_code == 401
    assert r.json() == error("INVALID_TOKEN", "invalid oauth token")


def test_reactivated_user_token_works_again(client, backend, org):
    user_id = add_user(client, org)
    creds = _creds_of(backend, org, user_id)
    _deactivate(client, org, user_id, "inactive")
    client.put(f"{USERS}/{user_id}", headers=org.headers, json={"users": [{"status": "active"}]})
    assert client.get("/crm/v7/org", headers=_auth(creds.access_token)).status_code == 200


@pytest.mark.parametrize("how", ["inactive", "deleted"])
def test_refresh_is_refused(client, backend, org, how):
    user_id = add_user(client, org)
    creds = _creds_of(backend, org, user_id)
    _deactivate(client, org, user_id, how)
    r = client.post("/oauth/v2/token", data={"grant_type": "refresh_token", "client_id": creds.client_id,
                                             "client_secret": creds.client_secret,
                                             "refresh_token": creds.refresh_token})
    assert r.status_code == 200
    assert r.json() == {"error": "invalid_code"}


@pytest.mark.parametrize("how", ["inactive", "deleted"])
def test_client_credentials_are_refused(client, backend, org, how):
    user_id = add_user(client, org)
    creds = _creds_of(backend, org, user_id)
    _deactivate(client, org, user_id, how)
    r = client.post("/oauth/v2/token", data={"grant_type": "client_credentials", "client_id": creds.client_id,
                                             "client_secret": creds.client_secret, "scope": "ZohoCRM.org.ALL",
                                             "soid": f"ZohoCRM.{org.id}"})
    assert r.json() == {"error": "invalid_client"}


def test_authorization_code_is_refused(client, backend, org):
    made = oauth.mint_grant(backend, org.id)
    # The grant's user (the administrator) is deactivated behind the API's back: the primary
    # contact cannot be deactivated through it.
    with backend.db.write() as conn:
        org_store.update_user(conn, org.id, org.made.admin_id, {"status": "disabled"})
    r = client.post("/oauth/v2/token", data={"grant_type": "authorization_code", "client_id": made.client_id,
                                             "client_secret": made.client_secret, "code": made.code})
    assert r.json() == {"error": "invalid_code"}


def test_fixture_inactive_user_gets_no_credentials(backend, org):
    with pytest.raises(oauth.InactiveUser):
        oauth.mint_credentials(backend, org.id, user_id=org.made.user_ids["inactive"])


@pytest.mark.parametrize("how", ["inactive", "deleted"])
@pytest.mark.parametrize(("module", "fields"), [("Leads", {"Last_Name": "Owned", "Company": "Zylker"}),
                                                ("Accounts", {"Account_Name": "Owned Inc"})])
def test_cannot_own_new_records(client, org, how, module, fields):
    user_id = add_user(client, org)
    _deactivate(client, org, user_id, how)
    r = client.post(f"/crm/v7/{module}", headers=org.headers, json={"data": [{**fields, "Owner": {"id": user_id}}]})
    assert r.status_code == 400
    assert r.json() == {"data": [error("INVALID_DATA", "the id given seems to be invalid",
                                       {"api_name": "Owner", "json_path": "$.data[0].Owner"})]}
    assert client.get(f"/crm/v7/{module}?fields=Owner", headers=org.headers).status_code == 204


def test_cannot_be_given_records_by_update(client, org):
    made = client.post("/crm/v7/Leads", headers=org.headers,
                       json={"data": [{"Last_Name": "Mine", "Company": "Zylker"}]}).json()["data"][0]
    lead_id = made["details"]["id"]
    user_id = add_user(client, org)
    _deactivate(client, org, user_id, "inactive")
    r = client.put(f"/crm/v7/Leads/{lead_id}", headers=org.headers, json={"data": [{"Owner": {"id": user_id}}]})
    assert r.status_code == 400
    assert r.json()["data"][0]["code"] == "INVALID_DATA"
    assert r.json()["data"][0]["details"] == {"api_name": "Owner", "json_path": "$.data[0].Owner"}
    owner = client.get(f"/crm/v7/Leads/{lead_id}", headers=org.headers).json()["data"][0]["Owner"]
    assert owner["id"] == str(org.made.admin_id)


def test_records_keep_their_owner_when_the_owner_is_deleted(client, org):
    user_id = add_user(client, org)
    made = client.post("/crm/v7/Leads", headers=org.headers,
                       json={"data": [{"Last_Name": "Kept", "Company": "Z", "Owner": {"id": user_id}}]})
    assert made.status_code == 201, made.text
    lead_id = made.json()["data"][0]["details"]["id"]
    _deactivate(client, org, user_id, "deleted")
    owner = client.get(f"/crm/v7/Leads/{lead_id}", headers=org.headers).json()["data"][0]["Owner"]
    assert owner["id"] == user_id


def test_a_second_admin_cannot_delete_themselves(client, backend, org):
    from tests.http.users.helpers import people

    ids = people(client, org)
    admin2 = add_user(client, org, email="admin2@example.com", profile=ids["Administrator"])
    token = _creds_of(backend, org, admin2).access_token
    r = client.delete(f"{USERS}/{admin2}", headers=_auth(token))
    assert r.status_code == 400
    assert r.json() == {"users": [error("INVALID_REQUEST", "Primary contact cannot be deleted")]}


def test_deleted_user_leaves_its_territories(client, backend, org):
    from zcrm_local.store.territories import rows as territory_store

    from zcrm_local.service.users import writes as users

    user_id = add_user(client, org)
    assert users.confirm_user(backend, org.id, int(user_id))  # only confirmed users join territories
    root = client.get("/crm/v7/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    r = client.put(f"/crm/v7/settings/territories/{root}/users", headers=org.headers, json={"users": [{"id": user_id}]})
    assert r.status_code == 200, r.text
    _deactivate(client, org, user_id, "deleted")
    with backend.db.read() as conn:
        members = territory_store.load(conn, org.id)[str(root)]
    assert user_id not in str(members)
