"""Shared helpers of the users contract tests (spec 40 §19)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Org, token_for

USERS = "/crm/v7/users"
ID_INVALID = "the id given seems to be invalid"


def error(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "details": details if details is not None else {}, "message": message, "status": "error"}


def ok(message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {"code": "SUCCESS", "details": details, "message": message, "status": "success"}


def headers_of(backend: Any, org: Org, user_key: str) -> dict[str, str]:
    return {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, user_key)}"}


def people(client: Any, org: Org) -> dict[str, str]:
    """Role and profile ids by name."""
    roles = client.get("/crm/v7/settings/roles", headers=org.headers).json()["roles"]
    profiles = client.get("/crm/v7/settings/profiles", headers=org.headers).json()["profiles"]
    return {**{r["name"]: r["id"] for r in roles}, **{p["name"]: p["id"] for p in profiles}}


def new_user(client: Any, org: Org, **keys: Any) -> dict[str, Any]:
    """A valid add-user item, overridden by ``keys`` (a value of None removes the key)."""
    ids = people(client, org)
    user: dict[str, Any] = {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
                            "role": ids["Manager"], "profile": ids["Standard"]}
    user.update(keys)
    return {"users": [{k: v for k, v in user.items() if v is not None}]}


def add_user(client: Any, org: Org, **keys: Any) -> str:
    r = client.post(USERS, headers=org.headers, json=new_user(client, org, **keys))
    assert r.status_code == 201, r.text
    return str(r.json()["users"][0]["details"]["id"])


def read_user(client: Any, org: Org, user_id: str) -> dict[str, Any]:
    r = client.get(f"{USERS}/{user_id}", headers=org.headers)
    assert r.status_code == 200, r.text
    return dict(r.json()["users"][0])
