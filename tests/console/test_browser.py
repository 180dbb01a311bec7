"""The console in a real browser (Playwright on the operating system's Chromium) against a live
``zcrm-local serve``: log in, create an org, watch an API call arrive in the live journal and
its record in the records table, search it by criteria, see its change log, open the territory
tree and the roles, freeze the clock, log out.

Screenshots of each page go to ``tmp/artifacts/console`` (or ``$ZCRM_TEST_ARTIFACTS``); the
path is printed. Without Chromium or Playwright the test skips, except in CI
(ZCRM_TEST_REQUIRE_PG=1), where it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.conftest import REQUIRE_PG
from tests.live_server import LiveServer, database_url_in, start_server

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("ZCRM_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ADMIN_KEY = "zcrm_admin_browser_test_0123456789abcdef"
ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 15_000


def _need(reason: str) -> None:
    if REQUIRE_PG:
        pytest.fail(f"{reason} (browser tests are required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    directory = Path(os.environ.get("ZCRM_TEST_ARTIFACTS", ROOT / "tmp" / "artifacts")) / "console"
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    print(f"\nconsole screenshots: {directory}")
    return directory


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    work = tmp_path_factory.mktemp("console-browser")
    live = start_server(database_url_in(work), work, env={"ZCRM_LOCAL_ADMIN_KEY": ADMIN_KEY})
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _need(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Playwright for Python is not installed")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


def test_a_session_in_the_browser(server: LiveServer, browser: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    base = server.base_url
    console = f"{base}/_zcrm/console/"
    assert console in server.output(), "serve prints the console URL"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(WAIT_MS)

    def nav(name: str) -> None:
        page.get_by_role("navigation", name="Org").get_by_role("link", name=name, exact=True).click()

    def shot(name: str) -> None:
        page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)

    # Log in with the printed key.
    page.goto(console)
    expect(page).to_have_url(f"{base}/_zcrm/console/login")
    shot("01-login")
    page.get_by_label("Admin key").fill(ADMIN_KEY)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Orgs", exact=True)).to_be_visible()
    shot("02-orgs")

    # Create an org, its journal on.
    page.get_by_label("Name", exact=True).fill("Browser Org")
    page.get_by_label("Journal size").fill("100")
    page.get_by_role("button", name="Create org").click()
    expect(page.get_by_role("heading", name="Browser Org")).to_be_visible()
    org_id = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    shot("03-org-settings")

    # Watch a call made through the API arrive in the live journal.
    nav("Journal")
    expect(page.locator("#live")).to_contain_text("new calls appear")
    with httpx.Client(base_url=base, trust_env=False, timeout=10) as http:
        creds = http.post(f"/_zcrm/orgs/{org_id}/credentials", json={},
                          headers={"X-ZCRM-Admin-Key": ADMIN_KEY}).json()["credentials"]
        made = http.post("/crm/v7/Leads", json={"data": [{"Last_Name": "Hopper", "Company": "Navy"}]},
                         headers={"Authorization": f"Zoho-oauthtoken {creds['access_token']}"})
        assert made.status_code == 201, made.text
        record_id = made.json()["data"][0]["details"]["id"]
        changed = http.put(f"/crm/v7/Leads/{record_id}", json={"data": [{"Company": "US Navy"}]},
                           headers={"Authorization": f"Zoho-oauthtoken {creds['access_token']}"})
        assert changed.status_code == 200, changed.text
    row = page.locator("#journal-rows tr", has_text="/crm/v7/Leads").filter(has_text="POST").first
    expect(row).to_be_visible()
    expect(row).to_contain_text("201")
    shot("04-journal-live")
    row.get_by_role("link").click()
    expect(page.locator("pre").nth(1)).to_contain_text("Last_Name")
    assert creds["access_token"] not in page.content()
    shot("05-journal-call")

    # The record in the records table, then its detail.
    nav("Records")
    page.get_by_role("link", name="Leads", exact=True).click()
    expect(page.locator("#records")).to_contain_text("Hopper")
    shot("06-records")
    page.get_by_label("Criteria").fill("(Company:equals:US Navy)")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#records")).to_contain_text("Hopper")
    page.get_by_label("Criteria").fill("(Company:equals:")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("alert")).to_contain_text("INVALID_QUERY")
    shot("06b-records-search-refused")
    page.get_by_role("link", name="Clear").click()
    page.get_by_role("link", name=record_id).click()
    expect(page.locator("table.fields")).to_contain_text("Hopper")
    timeline = page.locator("#change-log table.timeline")
    expect(timeline.locator("tbody tr")).to_have_count(2)
    expect(timeline.locator("tbody tr").first).to_contain_text("updated")
    expect(timeline).to_contain_text("Navy → US Navy")
    shot("07-record")

    # The territory tree, Services, users, the API-limit chart.
    nav("Territories")
    expect(page.get_by_role("tree")).to_be_visible()
    expect(page.get_by_role("treeitem").first).to_be_visible()
    shot("08-territories")
    for link, name in (("Services", "09-services"), ("Users", "10-users"), ("Roles and profiles", "10b-roles"),
                       ("API limits", "11-limits")):
        nav(link)
        expect(page.locator("main h1")).to_be_visible()
        shot(name)

    # Freeze the clock.
    nav("Settings")
    expect(page.locator("#clock-state")).to_have_text("running")
    page.get_by_role("button", name="Freeze clock").click()
    expect(page.locator("#clock-state")).to_have_text("frozen")
    expect(page.get_by_role("status")).to_contain_text("Clock changed.")
    shot("12-clock-frozen")

    # Log out: the console is closed again.
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{base}/_zcrm/console/login")
    page.goto(f"{console}orgs/{org_id}")
    expect(page).to_have_url(f"{base}/_zcrm/console/login")
    shot("13-logged-out")
    page.close()
    # The key appears once in the server's output: in the banner, never in a log line.
    assert server.output().count(ADMIN_KEY) == 1
