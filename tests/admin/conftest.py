"""The admin API on the shared test app: a known admin key and a client that sends it."""

from __future__ import annotations

from typing import Any

import pytest

from zcrm_local.service.harness.admin import install_admin_key

ADMIN_KEY = "test-admin-key"


class Admin:
    """The test client with the admin key; paths are below /_zcrm."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.headers = {"X-ZCRM-Admin-Key": ADMIN_KEY}

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get("/_zcrm" + path, headers=self.headers, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.client.post("/_zcrm" + path, json=body, headers=self.headers, **kw)

    def put(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.client.put("/_zcrm" + path, json=body, headers=self.headers, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete("/_zcrm" + path, headers=self.headers, **kw)


@pytest.fixture
def admin(client, backend) -> Admin:  # type: ignore[no-untyped-def]
    install_admin_key(backend, ADMIN_KEY)
    return Admin(client)


def error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
