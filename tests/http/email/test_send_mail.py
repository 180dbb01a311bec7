"""E1 send mail, E2 emails of a record, E7 from addresses, and the outbox (spec 70 §4, §1.4)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import token_for

ADMIN_KEY = "email-admin-key"


@pytest.fixture
def admin(backend):
    from zcrm_local.service.harness.admin import install_admin_key

    install_admin_key(backend, ADMIN_KEY)
    return {"X-ZCRM-Admin-Key": ADMIN_KEY}


def _lead(client, org, **data):
    body = {"Last_Name": "Ng", "Email": "ng@example.com", **data}
    r = client.post("/crm/v7/Leads", content=json.dumps({"data": [body]}), headers=org.headers)
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


def _sender(client, org):
    return client.get("/crm/v7/settings/emails/actions/from_addresses", headers=org.headers).json()[
        "from_addresses"][0]["email"]


def _mail(client, org, **item):
    return {"from": {"user_name": "Me", "email": _sender(client, org)}, "to": [{"email": "ng@example.com"}],
            "subject": "Hello ${Leads.Last_Name}", "content": "<p>hi</p>", **item}


def _send(client, org, module, rid, body, headers=None):
    return client.post(f"/crm/v7/{module}/{rid}/actions/send_mail", content=json.dumps(body),
                       headers=headers or org.headers)


def _error(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def test_send_lands_in_the_outbox_and_reads_back(client, org, admin):
    rid = _lead(client, org)
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org, cc=[{"email": "c@example.com"}])]})
    assert r.status_code == 200
    (item,) = r.json()["data"]
    message_id = item["details"]["message_id"]
    assert item == {"code": "SUCCESS", "details": {"message_id": message_id},
                    "message": "Your mail has been sent successfully.", "status": "success"}
    assert len(message_id) == 64 and all(c in "0123456789abcdef" for c in message_id)
    (sent,) = client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"]
    assert (sent["message_id"], sent["module"], sent["record_id"], sent["subject"], sent["state"], sent["source"]) == (
        message_id, "Leads", rid, "Hello Ng", "sent", "send_mail")
    assert (sent["to"], sent["cc"], sent["bcc"]) == ([{"user_name": None, "email": "ng@example.com"}],
                                                     [{"user_name": None, "email": "c@example.com"}], [])
    listed = client.get(f"/crm/v7/Leads/{rid}/Emails", headers=org.headers).json()
    assert [e["message_id"] for e in listed["Emails"]] == [message_id]
    assert listed["info"] == {"per_page": 10, "next_index": None, "count": 1, "prev_index": "0",
                              "more_records": False}
    one = client.get(f"/crm/v7/Leads/{rid}/Emails/{message_id}", headers=org.headers).json()["Emails"][0]
    assert (one["content"], one["mail_format"], one["status"]) == ("<p>hi</p>", "html", [{"type": "sent"}])
    assert client.delete(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json() == {"deleted": 1}
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json() == {"messages": []}


def test_scheduled_mail_is_sent_when_the_clock_reaches_it(client, org, admin, clock):
    rid = _lead(client, org)
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org, scheduled_time="2026-11-24T09:00:00+00:00")]})
    assert r.json()["data"][0]["message"] == "Your mail has been scheduled successfully."
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"][0]["state"] == "scheduled"
    r = client.get(f"/crm/v7/Leads/{rid}/Emails?type=scheduled_in_crm", headers=org.headers)
    assert r.json()["Emails"][0]["status"] == [{"type": "scheduled"}]
    assert client.get(f"/crm/v7/Leads/{rid}/Emails?type=sent_from_crm", headers=org.headers).status_code == 204
    assert client.post(f"/_zcrm/orgs/{org.id}/clock/set", json={"at": "2026-11-25T00:00:00+00:00"},
                       headers=admin).status_code == 200
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"][0]["state"] == "sent"


def test_template_supplies_subject_and_content(client, org, admin):
    client.put(f"/_zcrm/orgs/{org.id}/email_fixtures/email_template/111", headers=admin,
               json={"name": "Welcome", "subject": "Welcome ${Leads.Last_Name}", "content": "Dear ${Leads.Last_Name}"})
    rid = _lead(client, org)
    item = _mail(client, org, template={"id": "111"})
    del item["subject"], item["content"]
    assert _send(client, org, "Leads", rid, {"data": [item]}).status_code == 200
    (sent,) = client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"]
    assert (sent["subject"], sent["content"], sent["template_id"]) == ("Welcome Ng", "Dear Ng", "111")


@pytest.mark.parametrize(("change", "expected"), [
    ({"from": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                            {"api_name": "from", "json_path": "$.data[0].from"})),
    ({"to": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                          {"api_name": "to", "json_path": "$.data[0].to"})),
    ({"from": {"email": "stranger@example.com"}}, _error("INVALID_DATA", "invalid data",
                                                         {"api_name": "from", "json_path": "$.data[0].from"})),
    ({"to": [{"email": "not-an-address"}]}, _error("INVALID_DATA", "invalid data",
                                                   {"api_name": "to", "json_path": "$.data[0].to[0].email"})),
    ({"to": [{"email": f"a{i}@example.com"} for i in range(51)]}, _error(
        "INVALID_DATA", "invalid data", {"maximum_length": 50, "api_name": "to", "json_path": "$.data[0].to"})),
    ({"subject": "s" * 1001}, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 1000, "api_name": "subject", "json_path": "$.data[0].subject"})),
    ({"mail_format": "rtf"}, _error("INVALID_DATA", "invalid data", {
        "supported_values": ["html", "text"], "api_name": "mail_format", "json_path": "$.data[0].mail_format"})),
    ({"attachments": [{"id": "nope"}]}, _error("INVALID_DATA", "invalid data", {
        "api_name": "attachments", "json_path": "$.data[0].attachments[0].id"})),
    ({"template": {"id": "404"}}, _error("INVALID_DATA", "invalid data",
                                         {"api_name": "template", "json_path": "$.data[0].template"})),
    ({"scheduled_time": "2020-01-01T00:00:00+00:00"}, _error("INVALID_DATA", "invalid data", {
        "api_name": "scheduled_time", "json_path": "$.data[0].scheduled_time"})),
])
def test_item_errors(client, org, admin, change, expected):
    rid = _lead(client, org)
    item = {k: v for k, v in {**_mail(client, org), **change}.items() if v is not None}
    r = _send(client, org, "Leads", rid, {"data": [item]})
    assert (r.status_code, r.json()) == (400, {"data": [expected]})
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json() == {"messages": []}


def test_record_without_an_address(client, org):
    rid = _lead(client, org, Email=None)
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org)]})
    assert (r.status_code, r.json()) == (400, {"data": [_error(
        "NOT_ALLOWED", "the record does not have a primary or secondary email", {})]})


def test_bounced_recipients(client, org, admin):
    client.put(f"/_zcrm/orgs/{org.id}/email_fixtures/bounce/ng@example.com", json={"state": "soft"}, headers=admin)
    rid = _lead(client, org)
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org)]})
    assert (r.status_code, r.json()) == (400, {"data": [_error(
        "NOT_ALLOWED", "the email address has bounced", {"api_name": "to", "json_path": "$.data[0].to"})]})
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org, to=[{"email": "ng@example.com"},
                                                                          {"email": "ok@example.com"}])]})
    assert r.status_code == 200
    assert r.json()["data"][0]["details"]["blocked_email_addresses"] == [{"email": "ng@example.com",
                                                                          "reason": "bounced"}]


def test_request_level_errors(client, org):
    rid = _lead(client, org)
    r = _send(client, org, "Leads", "1", {"data": [_mail(client, org)]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "the related id given seems to be invalid",
                                                     {"resource_path_index": 1}))
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org), _mail(client, org)]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 1, "api_name": "data", "json_path": "$.data"}))
    r = _send(client, org, "Leads", rid, {})
    assert (r.status_code, r.json()) == (400, _error("MANDATORY_NOT_FOUND", "required field not found",
                                                     {"api_name": "data", "json_path": "$.data"}))
    r = client.post(f"/crm/v7/Leads/{rid}/actions/send_mail", content=b"{x", headers=org.headers)
    assert r.json()["code"] == "UNABLE_TO_PARSE_DATA_TYPE"
    opted = _lead(client, org, Email_Opt_Out=True)
    r = _send(client, org, "Leads", opted, {"data": [_mail(client, org)]})
    assert (r.status_code, r.json()) == (403, _error("NO_PERMISSION", "permission denied", {}))


def test_module_not_supported_and_scope(client, backend, org):
    r = client.get("/crm/v7/Leads", headers=org.headers)
    r = _send(client, org, "Nope", "1", {"data": []})
    assert (r.status_code, r.json()) == (400, _error("INVALID_MODULE", "the module name given seems to be invalid",
                                                     {"resource_path_index": 0}))
    token = token_for(backend, org, scopes=["ZohoCRM.modules.ALL"])
    rid = _lead(client, org)
    r = _send(client, org, "Leads", rid, {"data": [_mail(client, org)]},
              headers={"Authorization": f"Zoho-oauthtoken {token}"})
    assert (r.status_code, r.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
    for scope in ("ZohoCRM.send_mail.all.CREATE", "ZohoCRM.send_mail.leads.CREATE"):
        token = token_for(backend, org, scopes=[scope, "ZohoCRM.settings.ALL"])
        r = _send(client, org, "Leads", rid, {"data": [_mail(client, org)]},
                  headers={"Authorization": f"Zoho-oauthtoken {token}"})
        assert r.status_code == 200, scope


def test_emails_of_a_record_pages_and_types(client, org):
    rid = _lead(client, org)
    for _ in range(12):
        assert _send(client, org, "Leads", rid, {"data": [_mail(client, org)]}).status_code == 200
    first = client.get(f"/crm/v7/Leads/{rid}/Emails", headers=org.headers).json()
    assert (len(first["Emails"]), first["info"]) == (10, {"per_page": 10, "next_index": "10", "count": 10,
                                                         "prev_index": "0", "more_records": True})
    second = client.get(f"/crm/v7/Leads/{rid}/Emails?index=10", headers=org.headers).json()
    assert (len(second["Emails"]), second["info"]["more_records"]) == (2, False)
    r = client.get(f"/crm/v7/Leads/{rid}/Emails?type=everything", headers=org.headers)
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {"param_name": "type"}))
    assert client.get(f"/crm/v7/Leads/{rid}/Emails?type=drafts", headers=org.headers).status_code == 204
    assert client.get(f"/crm/v7/Leads/{rid}/Emails/{'0' * 64}", headers=org.headers).status_code == 204
    other = _lead(client, org)
    assert client.get(f"/crm/v7/Leads/{other}/Emails", headers=org.headers).status_code == 204


def test_from_addresses(client, org):
    r = client.get("/crm/v7/settings/emails/actions/from_addresses", headers=org.headers)
    first, second = r.json()["from_addresses"]
    assert (first["type"], first["default"], first["id"]) == ("primary", True, None)
    assert second["type"] == "org_email"


def test_send_mail_is_not_a_composite_api(client, org, admin):
    rid = _lead(client, org)
    subs = [{"method": "POST", "uri": f"/crm/v7/Leads/{rid}/actions/send_mail", "body": {"data": [_mail(client, org)]}}]
    r = client.post("/crm/v7/__composite_requests", content=json.dumps({"__composite_requests": subs}),
                    headers=org.headers)
    assert (r.status_code, r.json()) == (400, {"__composite_requests": [_error(
        "NOT_SUPPORTED", "the api is not supported in composite requests",
        {"api_name": "uri", "json_path": "$.__composite_requests[0].uri"})]})
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json() == {"messages": []}
