"""GET /org and GET /users as the SDK and users read them (spec 12 §3–§4)."""

from __future__ import annotations

import pytest

from tests.conftest import new_org


def test_org_has_the_keys_the_sdk_reads(client, org):
    r = client.get("/crm/v7/org", headers=org.headers)
    assert r.status_code == 200
    (row,) = r.json()["org"]
    assert row["id"] == str(org.id)
    assert row["zgid"].isdigit()
    assert row["time_zone"] == "Asia/Kolkata"
    assert row["currency_symbol"] == "$"
    assert row["mc_status"] is False
    assert row["license_details"]["paid_type"] == "enterprise"
    assert row["created_time"] == "2026-11-23T12:00:00+05:30"


def test_current_user_is_the_caller(client, org):
    r = client.get("/crm/v7/users?type=CurrentUser", headers=org.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["info"] == {"per_page": 200, "count": 1, "page": 1, "more_records": False}
    (user,) = body["users"]
    assert user["id"] == str(org.made.admin_id)
    assert user["full_name"] == "Patricia Boyle"
    assert user["email"].startswith("patricia.boyle@")
    assert user["profile"]["name"] == "Administrator"
    assert user["status"] == "active" and user["confirm"] is True


@pytest.mark.parametrize(
    ("type_param", "keys"),
    [
        (None, {"admin", "standard", "inactive", "unconfirmed"}),
        ("AllUsers", {"admin", "standard", "inactive", "unconfirmed"}),
        ("ActiveUsers", {"admin", "standard", "unconfirmed"}),
        ("DeactiveUsers", {"inactive"}),
        ("ConfirmedUsers", {"admin", "standard", "inactive"}),
        ("NotConfirmedUsers", {"unconfirmed"}),
        ("ActiveConfirmedUsers", {"admin", "standard"}),
        ("AdminUsers", {"admin"}),
        ("ActiveConfirmedAdmins", {"admin"}),
    ],
)
def test_users_type_filter(client, org, type_param, keys):
    url = "/crm/v7/users" + (f"?type={type_param}" if type_param else "")
    r = client.get(url, headers=org.headers)
    ids = {u["id"] for u in r.json()["users"]}
    assert ids == {str(org.made.user_ids[k]) for k in keys}


def test_deleted_users_type_with_none_is_204(client, org):
    r = client.get("/crm/v7/users?type=DeletedUsers", headers=org.headers)
    assert r.status_code == 204
    assert r.content == b""
    assert "content-type" not in r.headers


def test_unknown_users_type_is_invalid_data(client, org):
    r = client.get("/crm/v7/users?type=Everybody", headers=org.headers)
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "INVALID_DATA"
    assert body["details"]["param_name"] == "type"
    assert "ActiveUsers" in body["details"]["supported_values"]


def test_users_paging(client, org):
    r = client.get("/crm/v7/users?per_page=3&page=1", headers=org.headers).json()
    assert r["info"] == {"per_page": 3, "count": 3, "page": 1, "more_records": True}
    r2 = client.get("/crm/v7/users?per_page=3&page=2", headers=org.headers).json()
    assert r2["info"] == {"per_page": 3, "count": 1, "page": 2, "more_records": False}
    assert client.get("/crm/v7/users?per_page=3&page=3", headers=org.headers).status_code == 204


def test_user_by_id_and_unknown_id(client, org):
    uid = org.made.user_ids["standard"]
    r = client.get(f"/crm/v7/users/{uid}", headers=org.headers)
    assert r.json()["users"][0]["Reporting_To"] == {"name": "Patricia Boyle", "id": str(org.made.admin_id)}
    assert client.get("/crm/v7/users/123456789012345678", headers=org.headers).status_code == 204


def test_users_by_ids(client, org):
    ids = [org.made.user_ids["standard"], org.made.user_ids["inactive"]]
    r = client.get(f"/crm/v7/users?ids={ids[0]},{ids[1]}", headers=org.headers)
    assert [u["id"] for u in r.json()["users"]] == [str(i) for i in ids]


def test_one_orgs_token_never_reads_another_orgs_users(client, backend, org):
    other = new_org(backend)
    theirs = other.made.user_ids["standard"]
    assert client.get(f"/crm/v7/users/{theirs}", headers=org.headers).status_code == 204
    mine = {u["id"] for u in client.get("/crm/v7/users", headers=org.headers).json()["users"]}
    assert str(theirs) not in mine
    assert client.get("/crm/v7/org", headers=other.headers).json()["org"][0]["id"] == str(other.id)
