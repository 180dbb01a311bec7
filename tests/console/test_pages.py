"""The console's pages and forms over the shared test app: each change answers as the admin API
does, because both call the same service functions."""

from __future__ import annotations

import html
import re

import orjson

from tests.console.conftest import BASE
from zcrm_local.service.harness import admin as admin_service


def _post(console, path: str, **data):  # type: ignore[no-untyped-def]
    return console.post(BASE + path, data={"csrf_token": console.csrf, **data}, follow_redirects=False)


def test_create_an_org_and_see_it_listed(console, backend) -> None:  # type: ignore[no-untyped-def]
    answer = _post(console, "/orgs", name="Console Org", profile="live", journal_size="50", territories="on")
    assert answer.status_code == 303
    org_id = re.search(r"/orgs/(\d+)", answer.headers["location"]).group(1)
    made = admin_service.get_org(backend, int(org_id))
    assert (made["name"], made["profile"], made["territory_state"]) == ("Console Org", "live", "enabled")
    listed = console.get(BASE + "/orgs").text
    assert f'href="{BASE}/orgs/{org_id}">Console Org</a>' in listed
    page = console.get(answer.headers["location"]).text
    assert "Org Console Org created." in page
    assert "Keeps the last <strong>50</strong> calls" in page


def test_a_refused_change_shows_the_admin_apis_message(console, org) -> None:  # type: ignore[no-untyped-def]
    answer = _post(console, "/orgs", name="")
    assert answer.status_code == 400
    assert "name: 1 to 200 characters" in answer.text
    answer = _post(console, f"/orgs/{org.id}/clock", action="set", at="yesterday")
    assert answer.status_code == 400
    assert "at: an ISO 8601 date-time with an offset" in answer.text
    answer = console.get(f"{BASE}/orgs/99999999")
    assert answer.status_code == 404
    assert "no such org" in answer.text


def test_clock_freeze_advance_and_reset(console, backend, org) -> None:  # type: ignore[no-untyped-def]
    assert _post(console, f"/orgs/{org.id}/clock", action="freeze", at="2030-01-02T03:04:05+00:00").status_code == 303
    shown = admin_service.get_org(backend, org.id)["clock"]
    assert shown["frozen"] is True and shown["now"].startswith("2030-01-02T03:04:05")
    assert _post(console, f"/orgs/{org.id}/clock", action="advance", seconds="3600").status_code == 303
    assert admin_service.get_org(backend, org.id)["clock"]["now"].startswith("2030-01-02T04:04:05")
    page = console.get(f"{BASE}/orgs/{org.id}").text
    assert 'id="clock-state" class="tag">frozen' in page
    assert _post(console, f"/orgs/{org.id}/clock", action="reset").status_code == 303
    assert admin_service.get_org(backend, org.id)["clock"]["frozen"] is False


def test_profile_territories_faults_limits_journal(console, backend, org) -> None:  # type: ignore[no-untyped-def]
    o = f"/orgs/{org.id}"
    assert _post(console, o + "/profile", profile="live").status_code == 303
    assert admin_service.get_org(backend, org.id)["profile"] == "live"
    assert _post(console, o + "/territories", state="disabled").status_code == 303
    assert admin_service.get_org(backend, org.id)["territory_state"] == "disabled"
    rule = '{"method": "GET", "path": "/crm/v7/Leads*", "error": "INTERNAL_ERROR", "count": 1}'
    assert _post(console, o + "/faults", rule=rule).status_code == 303
    page = console.get(BASE + o).text
    assert "<code>/crm/v7/Leads*</code>" in page
    fault_id = re.search(r'name="fault_id" value="(\d+)"', page).group(1)
    assert _post(console, o + "/faults/delete", fault_id=fault_id).status_code == 303
    assert "No fault rules." in console.get(BASE + o).text
    assert _post(console, o + "/limits", edition="free").status_code == 303
    assert "Credits per day: 5000" in console.get(BASE + o).text
    assert _post(console, o + "/limits", action="off").status_code == 303
    assert _post(console, o + "/journal-size", size="10").status_code == 303
    assert "Keeps the last <strong>10</strong> calls" in console.get(BASE + o).text
    refused = _post(console, o + "/journal-size", size="100000")
    assert refused.status_code == 400 and "size: 0 (off) to 10000" in refused.text


def test_records_table_and_detail_render_as_the_api_does(console, client, org) -> None:  # type: ignore[no-untyped-def]
    made = client.post("/crm/v7/Leads", headers=org.headers, json={"data": [{"Last_Name": "Lovelace <Ada>"}]})
    assert made.status_code == 201, made.text
    record_id = made.json()["data"][0]["details"]["id"]
    table = console.get(f"{BASE}/orgs/{org.id}/records/Leads?field=Last_Name&field=Owner")
    assert table.status_code == 200
    assert "Lovelace &lt;Ada&gt;" in table.text  # escaped, never markup
    assert f'/records/Leads/{record_id}">{record_id}</a>' in table.text
    detail = console.get(f"{BASE}/orgs/{org.id}/records/Leads/{record_id}")
    assert detail.status_code == 200
    api = client.get(f"/crm/v7/Leads/{record_id}", headers=org.headers).json()
    shown = re.search(r"<pre>(.*?)</pre>", detail.text, re.S).group(1)
    assert orjson.loads(html.unescape(shown)) == api
    assert 'id="change-log"' in detail.text


def test_territories_services_users_limits_pages(console, client, org) -> None:  # type: ignore[no-untyped-def]
    tree = console.get(f"{BASE}/orgs/{org.id}/territories").text
    assert 'role="tree"' in tree and 'aria-level="1"' in tree
    assert console.get(f"{BASE}/orgs/{org.id}/services").status_code == 200
    users = console.get(f"{BASE}/orgs/{org.id}/users").text
    api_users = client.get("/crm/v7/users?type=AllUsers", headers=org.headers).json()["users"]
    for user in api_users:
        assert html.escape(user["email"]) in users
    chart = console.get(f"{BASE}/orgs/{org.id}/limits", headers={"HX-Request": "true"}).text
    assert chart.startswith('<figure id="limits-chart"') and "<svg" in chart


def test_journal_lists_and_opens_a_call_with_secrets_masked(console, client, org) -> None:  # type: ignore[no-untyped-def]
    assert _post(console, f"/orgs/{org.id}/journal-size", size="20").status_code == 303
    client.get("/crm/v7/Leads/1", headers=org.headers)
    page = console.get(f"{BASE}/orgs/{org.id}/journal").text
    assert "<code>/crm/v7/Leads/1</code>" in page
    entry_id = re.search(r'/journal/(\d+)">', page).group(1)
    entry = console.get(f"{BASE}/orgs/{org.id}/journal/{entry_id}").text
    assert "GET /crm/v7/Leads/1" in entry
    assert org.token not in entry and org.token not in page
    filtered = console.get(f"{BASE}/orgs/{org.id}/journal?status=500").text
    assert "<code>/crm/v7/Leads/1</code>" not in filtered


def test_credentials_are_listed_without_secrets_and_revoked(console, client, org) -> None:  # type: ignore[no-untyped-def]
    page = console.get(f"{BASE}/orgs/{org.id}").text
    assert org.creds.client_id in page
    for secret in (org.creds.client_secret, org.creds.refresh_token, org.creds.access_token):
        assert secret not in page
    assert client.get("/crm/v7/users", headers=org.headers).status_code == 200
    assert _post(console, f"/orgs/{org.id}/credentials/revoke", client_id=org.creds.client_id).status_code == 303
    assert client.get("/crm/v7/users", headers=org.headers).json()["code"] == "INVALID_TOKEN"


def test_snapshot_export_import_reset_delete(console, client, backend, org) -> None:  # type: ignore[no-untyped-def]
    client.post("/crm/v7/Leads", headers=org.headers, json={"data": [{"Last_Name": "Kept"}]})
    snap = console.get(f"{BASE}/orgs/{org.id}/snapshot")
    assert snap.status_code == 200 and "attachment" in snap.headers["content-disposition"]
    assert _post(console, f"/orgs/{org.id}/reset").status_code == 303
    assert "Kept" not in console.get(f"{BASE}/orgs/{org.id}/records/Leads?field=Last_Name").text
    answer = console.post(f"{BASE}/orgs/{org.id}/snapshot", data={"csrf_token": console.csrf},
                          files={"snapshot": ("s.json", snap.content, "application/json")}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert "Kept" in console.get(f"{BASE}/orgs/{org.id}/records/Leads?field=Last_Name").text
    assert _post(console, f"/orgs/{org.id}/delete").status_code == 303
    assert console.get(f"{BASE}/orgs/{org.id}").status_code == 404


def test_the_openapi_description_leaves_the_console_out(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/_zcrm/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith(BASE)]
