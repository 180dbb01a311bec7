"""Small request helpers for the records-operations contract tests."""

from __future__ import annotations

import json
from typing import Any


def post(client: Any, org: Any, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
    content = json.dumps(body) if body is not None else None
    return client.post(f"/crm/v7/{path}", content=content, headers={**org.headers, **(headers or {})})


def put(client: Any, org: Any, path: str, body: Any) -> Any:
    return client.put(f"/crm/v7/{path}", content=json.dumps(body), headers=org.headers)


def get(client: Any, org: Any, path: str, headers: dict[str, str] | None = None) -> Any:
    return client.get(f"/crm/v7/{path}", headers={**org.headers, **(headers or {})})


def delete(client: Any, org: Any, path: str) -> Any:
    return client.delete(f"/crm/v7/{path}", headers=org.headers)


def create(client: Any, org: Any, module: str, item: dict[str, Any]) -> str:
    r = post(client, org, module, {"data": [item]})
    assert r.status_code == 201, r.text
    return str(r.json()["data"][0]["details"]["id"])


def err(code: str, message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {"code": code, "details": details, "message": message, "status": "error"}
