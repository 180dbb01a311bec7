"""T1/T2 templates, U1 unsubscribe links, K1 cadences, M1 mail merge (spec 70 §5–§8)."""

from __future__ import annotations

import json

import pytest

KEY = "email-settings-key"


@pytest.fixture
def admin(backend):
    from zcrm_local.service.harness.admin import install_admin_key

    install_admin_key(backend, KEY)
    return {"X-ZCRM-Admin-Key": KEY}


def _error(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def _ok(message, details):
    return {"code": "SUCCESS", "details": details, "message": message, "status": "success"}


def _call(client, org, method, path, body=None):
    return client.request(method, f"/crm/v7/{path}", content=None if body is None else json.dumps(body),
                          headers=org.headers)


def _fixture(client, org, admin, kind, key, doc):
    assert client.put(f"/_zcrm/orgs/{org.id}/email_fixtures/{kind}/{key}", json=doc, headers=admin).status_code == 200


def _lead(client, org):
    r = _call(client, org, "POST", "Leads", {"data": [{"Last_Name": "Ng", "Email": "ng@example.com"}]})
    return r.json()["data"][0]["details"]["id"]


# ---- T1 / T2 -----------------------------------------------------------------------------

def test_email_templates(client, org, admin):
    assert _call(client, org, "GET", "settings/email_templates").status_code == 204
    _fixture(client, org, admin, "email_template", "11", {"name": "A", "subject": "S", "content": "<p>x</p>",
                                                          "module": {"api_name": "Leads", "id": "1"},
                                                          "modified_time": "2026-01-01T00:00:00+00:00"})
    _fixture(client, org, admin, "email_template", "12", {"name": "B", "module": {"api_name": "Deals", "id": "2"},
                                                          "modified_time": "2026-02-01T00:00:00+00:00"})
    r = _call(client, org, "GET", "settings/email_templates").json()
    assert [t["id"] for t in r["email_templates"]] == ["12", "11"]
    assert "content" not in r["email_templates"][1]
    assert r["info"] == {"per_page": 200, "count": 2, "page": 1, "more_records": False}
    assert [t["id"] for t in _call(client, org, "GET", "settings/email_templates?module=Leads").json()[
        "email_templates"]] == ["11"]
    one = _call(client, org, "GET", "settings/email_templates/11").json()["email_templates"][0]
    assert one["content"] == "<p>x</p>"
    assert _call(client, org, "GET", "settings/email_templates/99").status_code == 204
    r = _call(client, org, "GET", "settings/email_templates?module=Nope")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {"param_name": "module"}))
    r = _call(client, org, "GET", "settings/email_templates?sort_order=up")
    assert (r.status_code, r.json()) == (400, _error("PATTERN_NOT_MATCHED", "Please check whether the input values "
                                                     "are correct", {"param_name": "sort_order"}))


def test_inventory_templates(client, org, admin):
    _fixture(client, org, admin, "inventory_template", "21", {"name": "Q", "module": {"api_name": "Quotes", "id": "3"}})
    r = _call(client, org, "GET", "settings/inventory_templates?module=Quotes")
    assert [t["id"] for t in r.json()["inventory_templates"]] == ["21"]
    r = _call(client, org, "GET", "settings/inventory_templates?module=Leads")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {"param_name": "module"}))


# ---- U1 ----------------------------------------------------------------------------------

def _link(**change):
    doc = {"name": "Mine", "page_type": "standard", "submission_action_type": "display_message",
           "submission_message": "Bye"}
    return {k: v for k, v in {**doc, **change}.items() if v is not None}


def test_unsubscribe_links_crud(client, org):
    (default,) = _call(client, org, "GET", "settings/unsubscribe_links").json()["unsubscribe_links"]
    assert (default["name"], default["page_type"]) == ("Default", "standard")
    r = _call(client, org, "POST", "settings/unsubscribe_links", {"unsubscribe_links": [_link()]})
    assert r.status_code == 201
    link_id = r.json()["unsubscribe_links"][0]["details"]["id"]
    assert r.json() == {"unsubscribe_links": [_ok("Unsubscribe Link created successfully", {"id": link_id})]}
    r = _call(client, org, "PUT", f"settings/unsubscribe_links/{link_id}", {"unsubscribe_links": [{"name": "Ours"}]})
    assert r.json() == {"unsubscribe_links": [_ok("Unsubscribe Link updated successfully", {"id": link_id})]}
    got = _call(client, org, "GET", f"settings/unsubscribe_links/{link_id}").json()["unsubscribe_links"][0]
    assert (got["id"], got["name"], got["submission_message"]) == (link_id, "Ours", "Bye")
    r = _call(client, org, "DELETE", f"settings/unsubscribe_links/{default['id']}")
    assert (r.status_code, r.json()) == (400, _error("NOT_ALLOWED", "The given Unsubscribe Link id is Default",
                                                     {"resource_path_index": 2}))
    r = _call(client, org, "DELETE", f"settings/unsubscribe_links/{link_id}")
    assert r.json() == {"unsubscribe_links": [_ok("Unsubscribe Link deleted successfully", {"id": link_id})]}
    assert _call(client, org, "GET", f"settings/unsubscribe_links/{link_id}").status_code == 204
    r = _call(client, org, "DELETE", f"settings/unsubscribe_links/{link_id}")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "The given Unsubscribe Link id is not part of Org",
                                                     {"resource_path_index": 2}))


@pytest.mark.parametrize(("change", "expected"), [
    ({"name": ""}, _error("MANDATORY_NOT_FOUND", "required field not found",
                          {"api_name": "name", "json_path": "$.unsubscribe_links[0].name"})),
    ({"page_type": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                                 {"api_name": "page_type", "json_path": "$.unsubscribe_links[0].page_type"})),
    ({"name": "Default"}, _error("DUPLICATE_DATA", "Unsubscribe Link name already exists",
                                 {"api_name": "name", "json_path": "$.unsubscribe_links[0].name"})),
    ({"name": "n" * 51}, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 50, "api_name": "name", "json_path": "$.unsubscribe_links[0].name"})),
    ({"page_type": "fancy"}, _error("INVALID_DATA", "invalid data", {
        "supported_values": ["standard", "custom"], "api_name": "page_type",
        "json_path": "$.unsubscribe_links[0].page_type"})),
    ({"page_type": "custom"}, _error("DEPENDENT_FIELD_MISSING", "required field not found", {
        "dependee": {"api_name": "page_type", "json_path": "$.unsubscribe_links[0].page_type"},
        "api_name": "custom_location_url", "json_path": "$.unsubscribe_links[0].custom_location_url"})),
    ({"submission_action_type": "redirect", "submission_redirect_url": "ftp://x"}, _error(
        "INVALID_DATA", "invalid data", {"expected_data_type": "website", "maximum_length": 250,
                                         "api_name": "submission_redirect_url",
                                         "json_path": "$.unsubscribe_links[0].submission_redirect_url"})),
])
def test_unsubscribe_link_errors(client, org, change, expected):
    r = _call(client, org, "POST", "settings/unsubscribe_links", {"unsubscribe_links": [_link(**change)]})
    assert (r.status_code, r.json()) == (400, {"unsubscribe_links": [expected]})


def test_unsubscribe_link_limits(client, org):
    r = _call(client, org, "POST", "settings/unsubscribe_links", {"unsubscribe_links": [_link(), _link(name="b")]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 1, "api_name": "unsubscribe_links", "json_path": "$.unsubscribe_links"}))
    for i in range(9):
        assert _call(client, org, "POST", "settings/unsubscribe_links",
                     {"unsubscribe_links": [_link(name=f"L{i}")]}).status_code == 201
    r = _call(client, org, "POST", "settings/unsubscribe_links", {"unsubscribe_links": [_link(name="L11")]})
    assert (r.status_code, r.json()) == (400, _error("LIMIT_EXCEEDED", "Unsubscribe Link limit exceeded", {
        "limit": 10, "limit_due_to": [{"api_name": "unsubscribe_links", "json_path": "$.unsubscribe_links"}]}))
    r = _call(client, org, "PUT", "settings/unsubscribe_links", {"unsubscribe_links": [{"id": "1", "name": "x"}]})
    assert (r.status_code, r.json()) == (400, {"unsubscribe_links": [_error(
        "INVALID_DATA", "The given Unsubscribe Link id is not part of Org",
        {"api_name": "id", "json_path": "$.unsubscribe_links[0].id"})]})


def test_unsubscribe_link_associations(client, org, admin):
    assert _call(client, org, "GET", "settings/unsubscribe_link/actions/associations").status_code == 204
    (default,) = _call(client, org, "GET", "settings/unsubscribe_links").json()["unsubscribe_links"]
    _fixture(client, org, admin, "email_template", "5", {"name": "News", "module": {"api_name": "Leads", "id": "1"},
                                                         "unsubscribe_link": {"id": default["id"]}})
    r = _call(client, org, "GET", "settings/unsubscribe_link/actions/associations")
    assert r.json() == {"associations": [{"id": default["id"], "associated_places": [{
        "resource": {"name": "News", "id": "5"}, "details": {"module": {"api_name": "Leads", "id": "1"}},
        "type": "email_templates"}]}]}


# ---- K1 ----------------------------------------------------------------------------------

def test_cadences(client, org, admin):
    assert _call(client, org, "GET", "settings/automation/cadences").status_code == 204
    _fixture(client, org, admin, "cadence", "71", {"name": "Follow", "type": "Manual enrollment"})
    _fixture(client, org, admin, "cadence", "72", {"name": "Auto", "type": "Custom view"})
    listed = _call(client, org, "GET", "settings/automation/cadences").json()
    assert [c["id"] for c in listed["cadences"]] == ["71", "72"]
    rid = _lead(client, org)
    r = _call(client, org, "POST", "Leads/actions/enrol_in_cadences", {"cadences_ids": ["71"], "ids": [rid, "1"]})
    assert (r.status_code, r.json()) == (207, {"data": [
        _ok("records manually enrolled", {"id": rid, "cadences": [{"name": "Follow", "id": "71"}]}),
        _error("INVALID_DATA", "given id seems to be invalid", {"api_name": "ids", "json_path": "$.ids[1]"})]})
    r = _call(client, org, "POST", "Leads/actions/unenrol_from_cadences", {"cadences_ids": ["71"], "ids": [rid]})
    assert (r.status_code, r.json()) == (200, {"data": [
        _ok("records manually unenrolled", {"id": rid, "cadences": [{"name": "Follow", "id": "71"}]})]})


@pytest.mark.parametrize(("body", "expected"), [
    ({"ids": ["1"]}, _error("MANDATORY_NOT_FOUND", "Cadences ids not found",
                            {"api_name": "cadences_ids", "json_path": "$.cadences_ids"})),
    ({"cadences_ids": ["71"]}, _error("MANDATORY_NOT_FOUND", "Record ids not found",
                                      {"api_name": "ids", "json_path": "$.ids"})),
    ({"cadences_ids": "71", "ids": ["1"]}, _error("INVALID_DATA", "Cadences ids not found", {
        "api_name": "cadences_ids", "json_path": "$.cadences_ids", "expected_data_type": "jsonarray"})),
    ({"cadences_ids": ["71"] * 6, "ids": ["1"]}, _error(
        "LIMIT_EXCEEDED", "Limit Exceeded, You cannot give more than 5 cadences ids",
        {"limit": 5, "limit_due_to": [{"api_name": "cadences_ids", "json_path": "$.cadences_ids"}]})),
    ({"cadences_ids": ["71"], "ids": ["1"] * 101}, _error(
        "LIMIT_EXCEEDED", "Limit Exceeded, You cannot give more than 100 record ids",
        {"limit": 100, "limit_due_to": [{"api_name": "ids", "json_path": "$.ids"}]})),
    ({"cadences_ids": ["99"], "ids": ["1"]}, _error("INVALID_DATA", "the given id seems to be invalid", {
        "api_name": "cadences_ids", "json_path": "$.cadences_ids"})),
    ({"cadences_ids": ["71", "72"], "ids": ["1"]}, _error("NOT_ALLOWED", "id given is not manual enrollment cadence", {
        "api_name": "cadences_id", "json_path": "$.cadences_id[1]"})),
])
def test_enrol_errors(client, org, admin, body, expected):
    _fixture(client, org, admin, "cadence", "71", {"name": "Follow", "type": "Manual enrollment"})
    _fixture(client, org, admin, "cadence", "72", {"name": "Auto", "type": "Custom view"})
    r = _call(client, org, "POST", "Leads/actions/enrol_in_cadences", body)
    assert (r.status_code, r.json()) == (400, expected)


def test_enrol_module_and_permission(client, backend, org):
    from tests.conftest import token_for

    r = _call(client, org, "POST", "Accounts/actions/enrol_in_cadences", {"cadences_ids": ["1"], "ids": ["1"]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_MODULE", "the given module is not supported in api",
                                                     {"resource_path_index": 0}))
    token = token_for(backend, org, "standard")
    r = client.post("/crm/v7/Leads/actions/enrol_in_cadences", headers={"Authorization": f"Zoho-oauthtoken {token}"},
                    content=json.dumps({"cadences_ids": ["1"], "ids": ["1"]}))
    assert (r.status_code, r.json()) == (403, _error("NO_PERMISSION", "No permission",
                                                     {"permissions": ["Crm_Implied_Manage_UnEnroll_Series"]}))


# ---- M1 ----------------------------------------------------------------------------------

def _sender(client, org):
    return client.get("/crm/v7/settings/emails/actions/from_addresses", headers=org.headers).json()[
        "from_addresses"][0]["email"]


def test_send_mail_merge_documented_and_live(client, org, admin):
    _fixture(client, org, admin, "mail_merge_template", "Offer", {"subject": "Offer for ${Leads.Last_Name}",
                                                                  "content": "Dear ${Leads.Last_Name}"})
    rid = _lead(client, org)
    item = {"mail_merge_template": {"name": "Offer"}, "from_address": {"type": "email", "value": _sender(client, org)},
            "to_address": [{"type": "email", "value": "ng@example.com"}]}
    r = _call(client, org, "POST", f"Leads/{rid}/actions/send_mail_merge", {"send_mail_merge": [item]})
    body = r.json()
    assert (r.status_code, body["code"], body["message"], body["status"]) == (
        200, "SUCCESS", "mail merge action initiated successfully", "success")
    assert body["details"]["report_link"].startswith("https://")
    (mail,) = client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"]
    assert (mail["source"], mail["subject"], mail["content"]) == ("mail_merge", "Offer for Ng", "Dear Ng")
    client.put(f"/_zcrm/orgs/{org.id}/profile", json={"profile": "live"}, headers=admin)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/send_mail_merge", {"send_mail_merge": [item]})
    (wrapped,) = r.json()["send_mail_merge"]
    assert wrapped["message"] == "send mail merge action initiated successfully"


@pytest.mark.parametrize(("change", "expected"), [
    ({"mail_merge_template": None}, _error("MANDATORY_NOT_FOUND", "required field not found", {
        "api_name": "mail_merge_template", "json_path": "$.send_mail_merge[0].mail_merge_template"})),
    ({"mail_merge_template": {}}, _error("EXPECTED_FIELD_MISSING", "expected field missing", {
        "api_name": "name", "json_path": "$.send_mail_merge[0].mail_merge_template.name"})),
    ({"mail_merge_template": {"name": "Nope"}}, _error("INVALID_DATA", "invalid data", {
        "api_name": "name", "json_path": "$.send_mail_merge[0].mail_merge_template.name"})),
    ({"from_address": {"type": "email", "value": "stranger@example.com"}}, _error(
        "DEPENDENT_SERVICE_ERROR", "the from address is not authorised",
        {"api_name": "from_address", "json_path": "$.send_mail_merge[0].from_address"})),
    ({"to_address": [{"type": "email", "value": "bad"}]}, _error("INVALID_EMAIL", "invalid email", {
        "api_name": "to_address", "json_path": "$.send_mail_merge[0].to_address[0]"})),
])
def test_send_mail_merge_errors(client, org, admin, change, expected):
    _fixture(client, org, admin, "mail_merge_template", "Offer", {"subject": "S", "content": "C"})
    rid = _lead(client, org)
    item = {"mail_merge_template": {"name": "Offer"}, "from_address": {"type": "email", "value": _sender(client, org)},
            "to_address": [{"type": "email", "value": "ng@example.com"}], **change}
    item = {k: v for k, v in item.items() if v is not None}
    r = _call(client, org, "POST", f"Leads/{rid}/actions/send_mail_merge", {"send_mail_merge": [item]})
    assert (r.status_code, r.json()) == (400, expected)


def test_sign_and_download_mail_merge(client, org, admin):
    _fixture(client, org, admin, "mail_merge_template", "Offer", {"content": "Dear ${Leads.Last_Name}"})
    rid = _lead(client, org)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/sign_mail_merge", {"sign_mail_merge": [{
        "mail_merge_template": {"name": "Offer"}, "file_name": "offer",
        "signers": [{"recipient_name": "Ng", "action_type": "sign", "recipient": {"type": "email",
                                                                                  "value": "ng@example.com"}}]}]})
    assert (r.status_code, r.json()["message"]) == (200, "sign mail merge action initiated successfully")
    r = _call(client, org, "POST", f"Leads/{rid}/actions/sign_mail_merge", {"sign_mail_merge": [{
        "mail_merge_template": {"name": "Offer"}}]})
    assert (r.status_code, r.json()) == (400, _error("MANDATORY_NOT_FOUND", "required field not found", {
        "api_name": "file_name", "json_path": "$.sign_mail_merge[0].file_name"}))
    r = _call(client, org, "POST", f"Leads/{rid}/actions/download_mail_merge", {"download_mail_merge": [{
        "mail_merge_template": {"name": "Offer"}, "output_format": "html", "file_name": "letter"}]})
    assert (r.status_code, r.content, r.headers["content-disposition"]) == (200, b"Dear Ng",
                                                                          'attachment; filename="letter.html"')
    r = _call(client, org, "POST", f"Leads/{rid}/actions/download_mail_merge", {"download_mail_merge": [{
        "mail_merge_template": {"name": "Offer"}, "output_format": "odt"}]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {
        "supported_values": ["pdf", "html", "docx"], "api_name": "output_format",
        "json_path": "$.download_mail_merge[0].output_format"}))
    r = _call(client, org, "POST", f"Leads/{rid}/actions/download_mail_merge", {"download_mail_merge": [{
        "mail_merge_template": {"name": "Offer"}, "file_name": "f" * 256}]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 255, "api_name": "file_name", "json_path": "$.download_mail_merge[0].file_name"}))
