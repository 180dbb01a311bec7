"""Shared helpers of the territory contract tests: paths, bodies, the org's tree and users."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from zcrm_local.service.territories import feature as territory_feature
from zcrm_local.store.tables import users as users_table

from tests.conftest import Org, token_for

BASE = "/crm/v7/settings/territories"
ID_INVALID = "the id given seems to be invalid"
REQUIRED = "required field not found"


def error(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    """One error object, request-level or item, in Zoho's key order."""
    return {"code": code, "details": details if details is not None else {}, "message": message, "status": "error"}


def ok(message: str, ident: str) -> dict[str, Any]:
    return {"code": "SUCCESS", "details": {"id": ident}, "message": message, "status": "success"}


def headers_of(backend: Any, org: Org, user_key: str) -> dict[str, str]:
    return {"Authorization": f"Zoho-oauthtoken {token_for(backend, org, user_key)}"}


def root_id(client: Any, org: Org) -> str:
    r = client.get(BASE, headers=org.headers)
    assert r.status_code == 200, r.text
    return str(r.json()["territories"][0]["id"])


def item(name: str, parent: str, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "reporting_to": {"id": parent}, "permission_type": "read_only"}
    body.update(extra)
    return body


def post(client: Any, org: Org, *items: Any, headers: dict[str, str] | None = None) -> Any:
    return client.post(BASE, content=json.dumps({"territories": list(items)}), headers=headers or org.headers)


def put(client: Any, org: Org, *items: Any, path: str = BASE) -> Any:
    return client.put(path, content=json.dumps({"territories": list(items)}), headers=org.headers)


def make(client: Any, org: Org, name: str, parent: str, **extra: Any) -> str:
    """Create one territory and return its id."""
    r = post(client, org, item(name, parent, **extra))
    assert r.status_code == 201, r.text
    return str(r.json()["territories"][0]["details"]["id"])


def read(client: Any, org: Org, ident: str, query: str = "") -> dict[str, Any]:
    r = client.get(f"{BASE}/{ident}{query}", headers=org.headers)
    assert r.status_code == 200, r.text
    return dict(r.json()["territories"][0])


def user_id(org: Org, key: str) -> str:
    return str(org.made.user_ids[key])


def set_user_status(backend: Any, org: Org, key: str, status: str) -> None:
    with backend.db.write() as conn:
        conn.execute(sa.update(users_table).where(users_table.c.id == org.made.user_ids[key]).values(status=status))


def configure(backend: Any, org: Org, **values: Any) -> None:
    territory_feature.configure(backend, org.id, **values)
