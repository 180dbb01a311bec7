"""The console on the shared test app: a known admin key, and a client logged in with it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient

from zcrm_local.service.harness.admin import install_admin_key

ADMIN_KEY = "console-test-admin-key-0123456789"
BASE = "/_zcrm/console"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def log_in(client: TestClient, key: str = ADMIN_KEY) -> Any:
    form = client.get(BASE + "/login")
    return client.post(BASE + "/login", data={"admin_key": key, "csrf_token": csrf_of(form.text)},
                       follow_redirects=False)


@pytest.fixture
def console(app, backend) -> TestClient:  # type: ignore[no-untyped-def]
    """A client with a console session; ``console.csrf`` is the session's token."""
    install_admin_key(backend, ADMIN_KEY)
    client = TestClient(app, raise_server_exceptions=False)
    answer = log_in(client)
    assert answer.status_code == 303, answer.text
    client.csrf = csrf_of(client.get(BASE + "/orgs").text)  # type: ignore[attr-defined]
    return client
