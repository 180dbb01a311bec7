"""Record detail's change log, the records search box, and the roles and profiles page: each
shows what the API's own endpoint answers, because both call the same service function."""

from __future__ import annotations

import html
import re

import orjson

from tests.console.conftest import BASE


def _lead(client, org, **fields):  # type: ignore[no-untyped-def]
    made = client.post("/crm/v7/Leads", headers=org.headers, json={"data": [{"Last_Name": "Lovelace", **fields}]})
    assert made.status_code == 201, made.text
    return made.json()["data"][0]["details"]["id"]


def _section(page: str, ident: str) -> str:
    found = re.search(rf'<section id="{ident}".*?</section>', page, re.S)
    assert found, f"no #{ident} on the page"
    return found.group(0)


def test_record_detail_shows_the_timeline_the_api_answers(console, client, org) -> None:  # type: ignore[no-untyped-def]
    record_id = _lead(client, org, Company="Analytical <Engines>")
    changed = client.put(f"/crm/v7/Leads/{record_id}", headers=org.headers,
                         json={"data": [{"Company": "Babbage & Co", "Phone": "555 0100"}]})
    assert changed.status_code == 200, changed.text
    api = client.get(f"/crm/v7/Leads/{record_id}/__timeline?include_inner_details=field_history.field_label",
                     headers=org.headers).json()["__timeline"]
    assert [t["action"] for t in api] == ["updated", "added"]

    log = _section(console.get(f"{BASE}/orgs/{org.id}/records/Leads/{record_id}").text, "change-log")
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>", log)
    assert [(html.unescape(r[0]), r[1], html.unescape(r[2]), r[3]) for r in rows] == [
        (t["audited_time"], t["action"], t["done_by"]["name"], t["source"]) for t in api]
    changes = {f["field_label"]: f["_value"] for f in api[0]["field_history"]}
    assert changes["Company"] == {"old": "Analytical <Engines>", "new": "Babbage & Co"}
    assert "<del>Analytical &lt;Engines&gt;</del> → <ins>Babbage &amp; Co</ins>" in log  # escaped, never markup
    assert "<del>(empty)</del> → <ins>555 0100</ins>" in log


def test_a_module_without_a_timeline_says_so(console, client, org) -> None:  # type: ignore[no-untyped-def]
    made = client.post("/crm/v7/Vendors", headers=org.headers, json={"data": [{"Vendor_Name": "Acme"}]})
    assert made.status_code == 201, made.text
    vendor_id = made.json()["data"][0]["details"]["id"]
    api = client.get(f"/crm/v7/Vendors/{vendor_id}/__timeline", headers=org.headers)
    assert api.json()["code"] == "INVALID_MODULE"
    log = _section(console.get(f"{BASE}/orgs/{org.id}/records/Vendors/{vendor_id}").text, "change-log")
    assert "have no timeline in the API" in log


def test_search_box_finds_what_the_search_endpoint_finds(console, client, org) -> None:  # type: ignore[no-untyped-def]
    ada, _, other = (_lead(client, org, First_Name=n) for n in ("Ada", "Augusta", "Grace"))
    criteria = "((First_Name:starts_with:A)and(Last_Name:equals:Lovelace))"
    api = client.get("/crm/v7/Leads/search", params={"criteria": criteria, "fields": "First_Name"},
                     headers=org.headers).json()["data"]
    page = console.get(f"{BASE}/orgs/{org.id}/records/Leads", params={"criteria": criteria, "field": "First_Name"})
    assert page.status_code == 200
    table = re.search(r'<table id="records">.*?</table>', page.text, re.S).group(0)
    assert re.findall(r'">(\d+)</a></td><td>(\w+)</td>', table) == [(r["id"], r["First_Name"]) for r in api]
    assert ada in table and other not in table
    assert f'value="{html.escape(criteria)}"' in page.text  # the box keeps what was searched


def test_search_box_shows_the_apis_refusal(console, client, org) -> None:  # type: ignore[no-untyped-def]
    for criteria in ("(Nope:equals:1)", "(Last_Name:equals:", "(Last_Name:between:a)"):
        api = client.get("/crm/v7/Leads/search", params={"criteria": criteria}, headers=org.headers)
        assert api.status_code == 400, api.text
        body = api.json()
        page = console.get(f"{BASE}/orgs/{org.id}/records/Leads", params={"criteria": criteria})
        assert page.status_code == 200
        shown = re.search(r'<div class="error" role="alert" id="search-error">(.*?)</div>\s*</div>', page.text, re.S)
        assert shown, page.text
        text = html.unescape(re.sub(r"<[^>]+>", "", shown.group(1)))
        assert f"400 {body['code']}: {body['message']}" in " ".join(text.split())
        assert orjson.dumps(body["details"]).decode() in text
        assert "No matching records." in page.text


def test_roles_and_profiles_page_shows_the_settings_reads(console, client, org) -> None:  # type: ignore[no-untyped-def]
    roles = client.get("/crm/v7/settings/roles", headers=org.headers).json()["roles"]
    profiles = client.get("/crm/v7/settings/profiles", headers=org.headers).json()["profiles"]
    page = console.get(f"{BASE}/orgs/{org.id}/roles")
    assert page.status_code == 200
    tree = re.search(r'<ul class="tree" role="tree".*?</ul>', page.text, re.S).group(0)
    shown_roles = re.findall(r'aria-level="(\d+)".*?<strong>(.*?)</strong> <span class="muted">(\d+)</span>', tree, re.S)
    assert sorted((html.unescape(n), i) for _, n, i in shown_roles) == sorted((r["name"], r["id"]) for r in roles)
    level = {i: int(lv) for lv, _, i in shown_roles}
    for role in roles:  # each role is drawn one level under the role it reports to
        parent = role["reporting_to"]
        assert level[role["id"]] == (level[parent["id"]] + 1 if parent else 1)
    table = re.search(r'<table id="profiles">.*?</table>', page.text, re.S).group(0)
    shown_profiles = re.findall(r"<tr><td>(.*?)</td><td>(\d+)</td><td>(yes|no)</td>", table)
    assert shown_profiles == [(html.escape(p["name"]), p["id"], "yes" if p["default"] else "no") for p in profiles]
    assert f'href="{BASE}/orgs/{org.id}/roles">Roles and profiles</a>' in page.text
