"""The official v7 SDK against a live server: token modes, the current user, the org (spec 01 §8, 30 §1–§3)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import httpx
import pytest
from zohocrmsdk.src.com.zoho.api.authenticator.oauth_token import OAuthToken
from zohocrmsdk.src.com.zoho.crm.api.exception import SDKException
from zohocrmsdk.src.com.zoho.crm.api.org import OrgOperations
from zohocrmsdk.src.com.zoho.crm.api.org import ResponseWrapper as OrgWrapper
from zohocrmsdk.src.com.zoho.crm.api.parameter_map import ParameterMap
from zohocrmsdk.src.com.zoho.crm.api.users import GetUsersParam, UsersOperations
from zohocrmsdk.src.com.zoho.crm.api.users import ResponseWrapper as UsersWrapper
from zohocrmsdk.src.com.zoho.crm.api.util import Choice

from zcrm_local.store.db import Database
from zcrm_local.store.org import orgs as org_store

pytestmark = pytest.mark.sdk

TOKEN = re.compile(r"1000\.[0-9a-f]{32}\.[0-9a-f]{32}")


def held(database_url: str, org_id: str) -> tuple[Any, Any]:
    """The org row and its administrator row as the server stores them."""
    db = Database(database_url)
    try:
        with db.read() as conn:
            return org_store.get_org(conn, int(org_id)), org_store.org_admin(conn, int(org_id))
    finally:
        db.dispose()


def current_user() -> Any:
    params = ParameterMap()
    params.add(GetUsersParam.type, Choice("CurrentUser"))
    response = UsersOperations().get_users(params)
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, UsersWrapper)
    (user,) = wrapper.get_users()
    return user


def organization() -> Any:
    response = OrgOperations().get_organization()
    assert response.get_status_code() == 200
    wrapper = response.get_object()
    assert isinstance(wrapper, OrgWrapper)
    (org,) = wrapper.get_org()
    return org


def test_get_users_current_user_with_refresh_token_is_the_administrator(sdk):
    sdk.init_refresh()
    org_row, admin = held(sdk.server.database_url, sdk.server.credentials["org_id"])
    user = current_user()
    assert int(user.get_id()) == admin["id"]
    assert user.get_email() == admin["email"]
    assert user.get_first_name() == admin["first_name"]
    assert user.get_last_name() == admin["last_name"]
    assert user.get_full_name() == f"{admin['first_name']} {admin['last_name']}"
    assert user.get_status() == admin["status"] == "active"
    assert user.get_confirm() is True
    assert user.get_zuid() == admin["zuid"]
    assert user.get_time_zone() == admin["time_zone"]
    assert user.get_role().get_name() == admin["role_name"]
    assert int(user.get_role().get_id()) == admin["role_id"]
    assert user.get_profile().get_name() == admin["profile_name"] == "Administrator"
    assert int(user.get_profile().get_id()) == admin["profile_id"]


def test_get_organization_with_refresh_token_matches_the_stored_org(sdk):
    sdk.init_refresh()
    org_row, admin = held(sdk.server.database_url, sdk.server.credentials["org_id"])
    org = organization()
    assert int(org.get_id()) == org_row["id"] == int(sdk.server.credentials["org_id"])
    assert org.get_company_name() == org_row["company_name"]
    assert org.get_zgid() == org_row["zgid"]
    assert org.get_primary_email() == org_row["primary_email"]
    assert org.get_primary_zuid() == admin["zuid"]
    assert org.get_time_zone() == org_row["time_zone"]
    assert org.get_country_code() == org_row["country_code"]
    assert org.get_currency() == org_row["currency"]
    assert org.get_iso_code() == org_row["iso_code"]
    assert org.get_currency_symbol() == org_row["currency_symbol"]
    assert org.get_currency_locale() == org_row["currency_locale"]
    assert org.get_mc_status() is False
    assert isinstance(org.get_created_time(), datetime)
    assert org.get_created_time() == org_row["created_time"].replace(microsecond=0)


def test_initialize_with_refresh_token_stores_token_under_email_and_zgid(sdk):
    sdk.init_refresh()
    org_row, admin = held(sdk.server.database_url, sdk.server.credentials["org_id"])
    (row,) = sdk.stored_tokens()
    # The SDK names the user after GET /users?type=CurrentUser and GET /org (spec 30 §3.2).
    assert row["user_name"] == f"{admin['email']}:{org_row['zgid']}"
    assert row["client_id"] == sdk.server.credentials["client_id"]
    assert row["refresh_token"] == sdk.server.credentials["refresh_token"]
    assert TOKEN.fullmatch(row["access_token"])
    assert row["access_token"] != sdk.server.credentials["access_token"]
    assert row["api_domain"] == sdk.server.base_url


def test_initialize_with_grant_token_exchanges_it_for_tokens(sdk):
    grant = sdk.server.cli("grant")
    sdk.init_grant(grant)
    org_row, admin = held(sdk.server.database_url, sdk.server.credentials["org_id"])
    assert int(current_user().get_id()) == admin["id"]
    assert int(organization().get_id()) == org_row["id"]
    (row,) = sdk.stored_tokens()
    assert TOKEN.fullmatch(row["refresh_token"])
    assert TOKEN.fullmatch(row["access_token"])
    assert row["user_name"] == f"{admin['email']}:{org_row['zgid']}"


def test_initialize_with_used_grant_token_raises_invalid_code(sdk):
    grant = sdk.server.cli("grant")
    form = {"grant_type": "authorization_code", "client_id": grant["client_id"],
            "client_secret": grant["client_secret"], "code": grant["grant_token"]}
    first = httpx.post(f"{sdk.server.base_url}/oauth/v2/token", data=form, trust_env=False)
    assert TOKEN.fullmatch(first.json()["access_token"])
    with pytest.raises(SDKException) as raised:
        sdk.init_grant(grant)
    assert raised.value.code == "INVALID TOKEN ERROR"
    assert str(raised.value) == "Caused By: INVALID TOKEN ERROR - invalid_code"


def test_initialize_with_unknown_refresh_token_raises_invalid_code(sdk):
    creds = {**sdk.server.credentials, "refresh_token": "1000." + "0" * 32 + "." + "0" * 32}
    with pytest.raises(SDKException) as raised:
        sdk.init_refresh(creds)
    assert raised.value.code == "INVALID TOKEN ERROR"
    assert str(raised.value) == "Caused By: INVALID TOKEN ERROR - invalid_code"


def test_initialize_with_access_token_only_reads_the_org(sdk):
    sdk.init(OAuthToken(access_token=sdk.server.credentials["access_token"]))
    assert int(organization().get_id()) == int(sdk.server.credentials["org_id"])


def test_get_organization_with_second_org_credentials_reads_that_org(sdk):
    made = sdk.server.cli("org", "create", "Second SDK Org")
    sdk.init_refresh(made)
    org = organization()
    assert int(org.get_id()) == int(made["org_id"])
    assert int(org.get_id()) != int(sdk.server.credentials["org_id"])
    assert org.get_company_name() == "Second SDK Org"
