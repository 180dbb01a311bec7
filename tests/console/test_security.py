"""The console's doors: sessions, CSRF, API tokens, and the admin key kept out of pages and logs."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient

from tests.console.conftest import ADMIN_KEY, BASE, csrf_of, log_in
from zcrm_local.service.harness.admin import install_admin_key

PAGES = ["/", "/orgs", "/orgs/{org}", "/orgs/{org}/records", "/orgs/{org}/records/Leads",
         "/orgs/{org}/records/Leads/1", "/orgs/{org}/territories", "/orgs/{org}/services", "/orgs/{org}/users",
         "/orgs/{org}/journal", "/orgs/{org}/journal/stream", "/orgs/{org}/journal/1", "/orgs/{org}/limits",
         "/orgs/{org}/snapshot", "/no/such/page"]
WRITES = ["/logout", "/orgs", "/orgs/{org}/delete", "/orgs/{org}/reset", "/orgs/{org}/snapshot", "/orgs/{org}/profile",
          "/orgs/{org}/territories", "/orgs/{org}/clock", "/orgs/{org}/faults", "/orgs/{org}/faults/delete",
          "/orgs/{org}/faults/clear", "/orgs/{org}/limits", "/orgs/{org}/journal-size",
          "/orgs/{org}/credentials/revoke"]


@pytest.fixture
def anonymous(app, backend) -> TestClient:  # type: ignore[no-untyped-def]
    install_admin_key(backend, ADMIN_KEY)
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_without_a_session_redirects_to_login(anonymous, org, path) -> None:  # type: ignore[no-untyped-def]
    answer = anonymous.get(BASE + path.format(org=org.id), follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == BASE + "/login"


@pytest.mark.parametrize("path", WRITES)
def test_every_write_without_a_session_redirects_to_login(anonymous, org, path) -> None:  # type: ignore[no-untyped-def]
    answer = anonymous.post(BASE + path.format(org=org.id), data={"name": "x"}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == BASE + "/login"


def test_the_bare_console_path_leads_to_the_login_page(anonymous) -> None:  # type: ignore[no-untyped-def]
    answer = anonymous.get(BASE, follow_redirects=True)
    assert answer.status_code == 200
    assert answer.url.path == BASE + "/login"
    assert 'name="admin_key"' in answer.text


def test_a_wrong_key_opens_no_session(anonymous) -> None:  # type: ignore[no-untyped-def]
    answer = log_in(anonymous, "not-the-key")
    assert answer.status_code == 401
    assert "not valid" in answer.text
    assert anonymous.get(BASE + "/orgs", follow_redirects=False).status_code == 303


def test_the_session_cookie_is_httponly_and_samesite_strict(anonymous) -> None:  # type: ignore[no-untyped-def]
    answer = log_in(anonymous)
    assert answer.status_code == 303
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith("zcrm_console="))
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Path=/_zcrm/console" in cookie
    assert ADMIN_KEY not in cookie


def test_login_without_the_form_token_is_refused(anonymous) -> None:  # type: ignore[no-untyped-def]
    anonymous.get(BASE + "/login")
    answer = anonymous.post(BASE + "/login", data={"admin_key": ADMIN_KEY}, follow_redirects=False)
    assert answer.status_code == 403
    answer = anonymous.post(BASE + "/login", data={"admin_key": ADMIN_KEY, "csrf_token": "forged"},
                            follow_redirects=False)
    assert answer.status_code == 403
    assert anonymous.get(BASE + "/orgs", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_write_without_the_sessions_csrf_token_is_refused(console, org, token) -> None:  # type: ignore[no-untyped-def]
    data = {"action": "freeze"} if token is None else {"action": "freeze", "csrf_token": token}
    answer = console.post(f"{BASE}/orgs/{org.id}/clock", data=data, follow_redirects=False)
    assert answer.status_code == 403
    assert "CSRF" in answer.text
    page = console.get(f"{BASE}/orgs/{org.id}")
    assert 'id="clock-state" class="tag">running' in page.text


def test_another_sessions_csrf_token_is_refused(console, app, org) -> None:  # type: ignore[no-untyped-def]
    other = TestClient(app, raise_server_exceptions=False)
    assert log_in(other).status_code == 303
    foreign = csrf_of(other.get(BASE + "/orgs").text)
    assert foreign != console.csrf
    answer = console.post(f"{BASE}/orgs/{org.id}/clock", data={"action": "freeze", "csrf_token": foreign},
                          follow_redirects=False)
    assert answer.status_code == 403


def test_an_api_access_token_does_not_open_the_console(anonymous, org) -> None:  # type: ignore[no-untyped-def]
    for headers, cookies in (
        (org.headers, {}),
        ({"Authorization": f"Bearer {org.token}"}, {}),
        ({}, {"zcrm_console": org.token}),
        ({"X-ZCRM-Admin-Key": ADMIN_KEY}, {}),
    ):
        anonymous.cookies.clear()
        for name, value in cookies.items():
            anonymous.cookies.set(name, value, path=BASE)
        answer = anonymous.get(f"{BASE}/orgs/{org.id}", headers=headers, follow_redirects=False)
        assert answer.status_code == 303, headers
    assert log_in(anonymous, org.token).status_code == 401


def test_logout_ends_the_session_for_good(console, org) -> None:  # type: ignore[no-untyped-def]
    cookie = console.cookies.get("zcrm_console")
    answer = console.post(BASE + "/logout", data={"csrf_token": console.csrf}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == BASE + "/login"
    assert console.get(BASE + "/orgs", follow_redirects=False).status_code == 303
    # The old cookie, replayed, no longer works: the session is gone from the database.
    console.cookies.set("zcrm_console", cookie, path=BASE)
    assert console.get(BASE + "/orgs", follow_redirects=False).status_code == 303


def test_revoking_the_admin_keys_ends_console_sessions(console, backend) -> None:  # type: ignore[no-untyped-def]
    from zcrm_local.service.harness.admin import revoke_admin_keys

    assert console.get(BASE + "/orgs", follow_redirects=False).status_code == 200
    revoke_admin_keys(backend)
    assert console.get(BASE + "/orgs", follow_redirects=False).status_code == 303


def test_the_admin_key_never_appears_in_pages_or_logs(console, org, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    pages = [f"/orgs/{org.id}", "/orgs", f"/orgs/{org.id}/journal", f"/orgs/{org.id}/users", "/login"]
    for path in pages:
        answer = console.get(BASE + path)
        assert ADMIN_KEY not in answer.text
        assert ADMIN_KEY not in str(answer.headers)
        assert ADMIN_KEY not in str(answer.url)
    failed = log_in(TestClient(console.app, raise_server_exceptions=False), ADMIN_KEY + "x")
    assert ADMIN_KEY not in failed.text
    assert ADMIN_KEY not in caplog.text


def test_pages_carry_security_headers(console) -> None:  # type: ignore[no-untyped-def]
    answer = console.get(BASE + "/orgs")
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
