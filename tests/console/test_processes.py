"""Two ``zcrm-local serve`` processes on one database: a console session opened on one works on
the other (pages and CSRF-checked forms), and a logout on either ends it on both."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.console.conftest import csrf_of
from tests.live_server import LiveServer, database_url_in, start_server

ADMIN_KEY = "zcrm_admin_two_processes_0123456789abcdef"
BASE = "/_zcrm/console"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, LiveServer]]:
    work = tmp_path_factory.mktemp("console-processes")
    url = database_url_in(work)
    env = {"ZCRM_LOCAL_ADMIN_KEY": ADMIN_KEY}
    first = start_server(url, work, env=env)
    try:
        second = start_server(url, work, env=env)
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


def _client(server: LiveServer) -> httpx.Client:
    # One client per process, so a cookie only travels where the test hands it over.
    return httpx.Client(base_url=server.base_url, trust_env=False, timeout=15, follow_redirects=False)


def _log_in(client: httpx.Client) -> str:
    form = client.get(BASE + "/login")
    answer = client.post(BASE + "/login", data={"admin_key": ADMIN_KEY, "csrf_token": csrf_of(form.text)})
    assert answer.status_code == 303, answer.text
    return answer.cookies["zcrm_console"]


def test_a_session_opened_on_one_process_works_on_the_other(servers) -> None:  # type: ignore[no-untyped-def]
    first, second = servers
    assert first.process.pid != second.process.pid and first.port != second.port
    with _client(first) as a, _client(second) as b:
        session = _log_in(a)
        b.cookies.set("zcrm_console", session)
        orgs = b.get(BASE + "/orgs")
        assert orgs.status_code == 200
        token = csrf_of(orgs.text)
        assert token == csrf_of(a.get(BASE + "/orgs").text)  # one session, known to both processes

        # A form posted to the other process passes its CSRF check and changes the shared store.
        made = b.post(BASE + "/orgs", data={"name": "Made Across Processes", "csrf_token": token})
        assert made.status_code == 303, made.text
        org_path = re.search(r"/orgs/\d+", made.headers["location"]).group(0)
        assert "Made Across Processes" in a.get(BASE + org_path).text
        forged = b.post(BASE + "/orgs", data={"name": "Forged", "csrf_token": "x" + token})
        assert forged.status_code == 403

        # Logging out on the second process ends the session on the first.
        assert b.post(BASE + "/logout", data={"csrf_token": token}).status_code == 303
        for client in (a, b):
            client.cookies.set("zcrm_console", session)
            gone = client.get(BASE + "/orgs")
            assert (gone.status_code, gone.headers["location"]) == (303, BASE + "/login")
    listed = _orgs_page(first)
    assert "Made Across Processes" in listed and "Forged" not in listed


def test_a_logout_on_the_first_process_ends_the_session_on_the_second(servers) -> None:  # type: ignore[no-untyped-def]
    first, second = servers
    with _client(first) as a, _client(second) as b:
        session = _log_in(b)
        a.cookies.set("zcrm_console", session)
        assert a.get(BASE + "/orgs").status_code == 200
        token = csrf_of(b.get(BASE + "/orgs").text)
        assert a.post(BASE + "/logout", data={"csrf_token": token}).status_code == 303
        b.cookies.set("zcrm_console", session)
        gone = b.get(BASE + "/orgs")
        assert (gone.status_code, gone.headers["location"]) == (303, BASE + "/login")


def _orgs_page(server: LiveServer) -> str:
    """The orgs page in a new session."""
    with _client(server) as client:
        _log_in(client)
        page = client.get(BASE + "/orgs")
    assert page.status_code == 200
    return page.text
