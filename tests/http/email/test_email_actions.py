"""E3 drafts, E4 associate, E5 downloads, E6 sharing details, E8 unblock, X1 meeting cancel
(spec 70 §4.4–§4.9, §9), with whole bodies."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from tests.conftest import token_for

KEY = "email-actions-key"


@pytest.fixture
def admin(backend):
    from zcrm_local.service.harness.admin import install_admin_key

    install_admin_key(backend, KEY)
    return {"X-ZCRM-Admin-Key": KEY}


def _error(code, message, details):
    return {"code": code, "details": details, "message": message, "status": "error"}


def _ok(message, details):
    return {"code": "SUCCESS", "details": details, "message": message, "status": "success"}


def _lead(client, org, **data):
    r = client.post("/crm/v7/Leads", content=json.dumps({"data": [{"Last_Name": "Ng", "Email": "ng@example.com",
                                                                    **data}]}), headers=org.headers)
    return r.json()["data"][0]["details"]["id"]


def _sender(client, org):
    return client.get("/crm/v7/settings/emails/actions/from_addresses", headers=org.headers).json()[
        "from_addresses"][0]["email"]


def _call(client, org, method, path, body=None):
    return client.request(method, f"/crm/v7/{path}", content=None if body is None else json.dumps(body),
                          headers=org.headers)


# ---- E3 drafts ---------------------------------------------------------------------------

def test_draft_lifecycle(client, org):
    rid = _lead(client, org)
    draft = {"from": _sender(client, org), "to": [{"email": "ng@example.com"}], "rich_text": True, "subject": "D"}
    r = _call(client, org, "POST", f"Leads/{rid}/__email_drafts", {"__email_drafts": [draft]})
    assert r.status_code == 201
    (item,) = r.json()["__email_drafts"]
    draft_id = item["details"]["id"]
    assert item == _ok("Draft created Successfully", {"id": draft_id}) and len(draft_id) == 64
    got = _call(client, org, "GET", f"Leads/{rid}/__email_drafts").json()
    assert got["info"] == {"page": 1, "per_page": 200, "count": 1, "more_records": False}
    assert (got["__email_drafts"][0]["id"], got["__email_drafts"][0]["subject"]) == (draft_id, "D")
    r = _call(client, org, "PUT", f"Leads/{rid}/__email_drafts/{draft_id}", {"__email_drafts": [{"subject": "E"}]})
    assert (r.status_code, r.json()) == (200, {"__email_drafts": [_ok("Draft updated Successfully", {"id": draft_id})]})
    one = _call(client, org, "GET", f"Leads/{rid}/__email_drafts/{draft_id}").json()["__email_drafts"][0]
    assert one["subject"] == "E"
    assert _call(client, org, "GET", f"Leads/{rid}/Emails?type=drafts").json()["Emails"][0]["message_id"] == draft_id
    r = _call(client, org, "DELETE", f"Leads/{rid}/__email_drafts/{draft_id}")
    assert (r.status_code, r.json()) == (200, {"__email_drafts": [_ok("Draft deleted Successfully", {"id": draft_id})]})
    assert _call(client, org, "GET", f"Leads/{rid}/__email_drafts").status_code == 204
    assert _call(client, org, "GET", f"Leads/{rid}/__email_drafts/{draft_id}").status_code == 204


@pytest.mark.parametrize(("change", "expected"), [
    ({"from": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                            {"api_name": "from", "json_path": "$.__email_drafts[0].from"})),
    ({"rich_text": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                                 {"api_name": "rich_text", "json_path": "$.__email_drafts[0].rich_text"})),
    ({"from": "nope"}, _error("INVALID_DATA", "invalid email",
                              {"api_name": "from", "json_path": "$.__email_drafts[0].from"})),
    ({"from": "stranger@example.com"}, _error(
        "INVALID_DATA", "Email can't be saved as draft using this from address.Kindly check the allowed from "
        "address list", {"api_name": "from"})),
    ({"reply_to": "x"}, _error("INVALID_DATA", "invalid email",
                               {"api_name": "reply_to", "json_path": "$.__email_drafts[0].reply_to"})),
    ({"to": [{"email": "bad"}]}, _error("INVALID_DATA", "invalid email",
                                        {"api_name": "email", "json_path": "$.__email_drafts[0].to[0].email"})),
])
def test_draft_item_errors(client, org, change, expected):
    rid = _lead(client, org)
    draft = {k: v for k, v in {"from": _sender(client, org), "rich_text": False, **change}.items() if v is not None}
    r = _call(client, org, "POST", f"Leads/{rid}/__email_drafts", {"__email_drafts": [draft]})
    assert (r.status_code, r.json()) == (400, {"__email_drafts": [expected]})


def test_draft_request_errors(client, org):
    rid = _lead(client, org)
    r = _call(client, org, "PUT", f"Leads/{rid}/__email_drafts/{'a' * 64}", {"__email_drafts": [{"subject": "x"}]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "Invalid draft Id", {"resource_path_index": 3}))
    r = _call(client, org, "DELETE", f"Leads/{rid}/__email_drafts/{'a' * 64}")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "Invalid draft Id", {"resource_path_index": 3}))
    for param in ("sort_by", "sort_order"):
        r = _call(client, org, "GET", f"Leads/{rid}/__email_drafts?{param}=sideways")
        assert (r.status_code, r.json()) == (400, _error(
            "PATTERN_NOT_MATCHED", "Please check whether the input values are correct", {"param_name": param}))
    draft = {"from": _sender(client, org), "rich_text": True}
    draft_id = _call(client, org, "POST", f"Leads/{rid}/__email_drafts",
                     {"__email_drafts": [draft]}).json()["__email_drafts"][0]["details"]["id"]
    r = _call(client, org, "PUT", f"Leads/{rid}/__email_drafts/{draft_id}",
              {"__email_drafts": [{"inventory_details": {"paper_type": "A4"}}]})
    assert (r.status_code, r.json()) == (400, {"__email_drafts": [_error(
        "NOT_ALLOWED", "The inventory_details field is not allowed in update draft request.",
        {"api_name": "inventory_details", "json_path": "$.__email_drafts[0].inventory_details"})]})


# ---- E4 associate ------------------------------------------------------------------------

def _filed(**change):
    item = {"from": {"email": "a@example.com"}, "to": [{"email": "ng@example.com"}], "subject": "S",
            "content": "C", "date_time": "2026-11-20T10:00:00+00:00", "sent": False, "original_message_id": "<1@x>"}
    return {k: v for k, v in {**item, **change}.items() if v is not None}


def test_associate_email(client, org):
    rid = _lead(client, org)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/associate_email", {"Emails": [_filed()]})
    assert r.status_code == 201
    message_id = r.json()["Emails"][0]["details"]["message_id"]
    assert r.json() == {"Emails": [_ok("Your mail has been added successfully", {"message_id": message_id})]}
    listed = _call(client, org, "GET", f"Leads/{rid}/Emails?type=user_emails").json()["Emails"]
    assert [m["message_id"] for m in listed] == [message_id]
    r = _call(client, org, "POST", f"Leads/{rid}/actions/associate_email", {"Emails": [_filed()]})
    assert (r.status_code, r.json()) == (400, {"Emails": [_error("DUPLICATE_DATA", "duplicate data", {
        "api_name": "original_message_id", "json_path": "$.Emails[0].original_message_id"})]})


@pytest.mark.parametrize(("change", "expected"), [
    ({"from": None}, _error("MANDATORY_NOT_FOUND", "required field not found",
                            {"api_name": "from", "json_path": "$.Emails[0].from"})),
    ({"attachments": [{"id": "1", "name": "a"}]}, _error("INVALID_DATA", "provided file id is improper",
                                                        {"api_name": "attachments", "json_path": "$.Emails[0].attachments"})),
    ({"owner": {"id": "1"}}, _error("INVALID_DATA", "Provide a Proper owner id",
                                    {"api_name": "owner", "json_path": "$.Emails[0].owner"})),
    ({"linked_record": {"id": "1", "module": {"api_name": "Nope"}}}, _error(
        "INVALID_DATA", "the api_name given seems to be invalid",
        {"api_name": "linked_record", "json_path": "$.Emails[0].linked_record"})),
    ({"linked_record": {"id": "1", "module": {"api_name": "Deals"}}}, _error(
        "INVALID_DATA", "the parent entity id given seems to be invalid",
        {"api_name": "linked_record", "json_path": "$.Emails[0].linked_record"})),
])
def test_associate_errors(client, org, change, expected):
    rid = _lead(client, org)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/associate_email", {"Emails": [_filed(**change)]})
    assert (r.status_code, r.json()) == (400, {"Emails": [expected]})


def test_associate_request_errors(client, backend, org):
    rid = _lead(client, org)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/associate_email", {"Emails": [_filed(), _filed()]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "invalid data", {
        "maximum_length": 1, "api_name": "Emails", "json_path": "$.Emails"}))
    standard = token_for(backend, org, "standard")
    r = client.post(f"/crm/v7/Leads/{rid}/actions/associate_email", headers={
        "Authorization": f"Zoho-oauthtoken {standard}"},
        content=json.dumps({"Emails": [_filed(owner={"id": str(org.made.admin_id)})]}))
    assert (r.status_code, r.json()) == (403, _error("NO_PERMISSION", "Only Admin Role/Profile Users will have permission", {}))


# ---- E5, E6 ------------------------------------------------------------------------------

def test_downloads(client, org, admin):
    content = base64.b64encode(b"PDFDATA").decode()
    client.put(f"/_zcrm/orgs/{org.id}/email_fixtures/email_template/7", headers=admin, json={
        "subject": "T", "content": "x", "attachments": [{"id": "f1", "file_name": "q.pdf", "size": 7,
                                                         "content": content}]})
    rid = _lead(client, org)
    mail = {"from": {"email": _sender(client, org)}, "to": [{"email": "ng@example.com"}], "template": {"id": "7"}}
    message_id = _call(client, org, "POST", f"Leads/{rid}/actions/send_mail",
                       {"data": [mail]}).json()["data"][0]["details"]["message_id"]
    base = f"Leads/{rid}/Emails/actions/download_attachments?message_id={message_id}&user_id=1&id=f1"
    r = _call(client, org, "GET", base + "&name=q.pdf")
    assert (r.status_code, r.content, r.headers["content-disposition"]) == (200, b"PDFDATA",
                                                                          'attachment; filename="q.pdf"')
    r = _call(client, org, "GET", base)
    assert (r.status_code, r.json()) == (400, _error("MANDATORY_NOT_FOUND", "required field not found",
                                                     {"param_name": "name"}))
    r = _call(client, org, "GET", f"Leads/{rid}/Emails/actions/download_inline_images?message_id={message_id}"
                                  "&user_id=1&id=nope")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "the id given seems to be invalid",
                                                     {"param_name": "id"}))


def test_sharing_details(client, org):
    rid = _lead(client, org)
    r = _call(client, org, "GET", f"Leads/{rid}/__emails_sharing_details")
    assert r.json() == {"__emails_sharing_details": [{"available_types": ["emails_sent_from_crm"],
                                                      "share_from_users": []}]}
    r = _call(client, org, "GET", "Leads/1/__emails_sharing_details")
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "the related id given seems to be invalid",
                                                     {"resource_path_index": 1}))


# ---- E8 unblock --------------------------------------------------------------------------

def test_unblock(client, org, admin):
    fixture = f"/_zcrm/orgs/{org.id}/email_fixtures/bounce"
    client.put(f"{fixture}/ng@example.com", json={"state": "soft", "unblocked": 0}, headers=admin)
    client.put(f"{fixture}/hard@example.com", json={"state": "hard"}, headers=admin)
    client.put(f"{fixture}/tired@example.com", json={"state": "soft", "unblocked": 5}, headers=admin)
    rid = _lead(client, org)
    body = {"unblock_fields": ["Email"]}
    r = _call(client, org, "POST", f"Leads/{rid}/actions/unblock_email", body)
    assert (r.status_code, r.json()) == (200, {"data": [_ok("Unblocked successfully", {"id": rid})]})
    r = _call(client, org, "POST", f"Leads/{rid}/actions/unblock_email", body)
    assert (r.status_code, r.json()) == (400, {"data": [_error("NOT_ALLOWED", "Email is already unblocked", {})]})
    hard, tired = _lead(client, org, Email="hard@example.com"), _lead(client, org, Email="tired@example.com")
    r = _call(client, org, "POST", "Leads/actions/unblock_email", {**body, "ids": [hard, tired, "1"]})
    assert (r.status_code, r.json()) == (400, {"data": [
        _error("NOT_ALLOWED", "Cannot unblock, Email is blocked permanently", {}),
        _error("NOT_ALLOWED", "Cannot unblock, email has been unblocked 5 times already", {}),
        _error("INVALID_DATA", "Invalid record provided", {"id": "1"})]})
    r = _call(client, org, "POST", f"Leads/{rid}/actions/unblock_email", {"unblock_fields": ["Custom_Email"]})
    assert r.json() == {"data": [_error("NOT_ALLOWED", "unknown field provided", {})]}
    r = _call(client, org, "POST", f"Leads/{rid}/actions/unblock_email", {})
    assert (r.status_code, r.json()) == (400, _error("MANDATORY_NOT_FOUND", "required field not found",
                                                     {"api_name": "unblock_fields", "json_path": "$.unblock_fields"}))
    r = _call(client, org, "POST", "Leads/actions/unblock_email", body)
    assert (r.status_code, r.json()) == (400, _error("MANDATORY_NOT_FOUND", "required field not found",
                                                     {"api_name": "ids", "json_path": "$.ids"}))


def test_unblock_live_profile_message(client, org, admin):
    client.put(f"/_zcrm/orgs/{org.id}/profile", json={"profile": "live"}, headers=admin)
    client.put(f"/_zcrm/orgs/{org.id}/email_fixtures/bounce/ng@example.com", json={"state": "soft"}, headers=admin)
    rid = _lead(client, org)
    r = _call(client, org, "POST", f"Leads/{rid}/actions/unblock_email", {"unblock_fields": ["Email"]})
    assert r.json() == {"data": [_ok("Email unblocked successfully", {"id": rid})]}


def test_unblock_module_without_email_fields(client, org):
    r = _call(client, org, "POST", "Deals", {"data": [{"Deal_Name": "D", "Stage": "Qualification",
                                                       "Closing_Date": "2026-12-31"}]})
    did = r.json()["data"][0]["details"]["id"]
    r = _call(client, org, "POST", f"Deals/{did}/actions/unblock_email", {"unblock_fields": ["Email"]})
    assert r.json() == {"data": [_error("NOT_ALLOWED", "EMAIL, SECONDARY_EMAIL field not available for module", {})]}


# ---- X1 meeting cancel -------------------------------------------------------------------

@pytest.fixture
def events():
    """Events as the registry serves it (the module catalogue adds it); a minimal spec here."""
    from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec
    from zcrm_local.domain.records.modules import registry

    had = registry.get("Events")
    if had is None:
        registry.register(ModuleSpec("Events", "Events", "Meeting", "Meetings", 9000, (
            FieldSpec("Event_Title", DataType.TEXT, "Title", 9_000_001, length=255, mandatory=True),)))
    yield
    if had is None:
        registry._MODULES.pop("Events", None)


def _event(backend, org, **data):
    from zcrm_local.store.records import rows

    rid = backend.ids.lease(org.id, 1)[0]
    at = datetime(2026, 11, 23, tzinfo=UTC)
    doc = {"Event_Title": "Review", "End_DateTime": "2026-11-30T10:00:00+00:00",
           "Participants": [{"type": "email", "participant": "p@example.com", "Email": "p@example.com"}], **data}
    with backend.db.write() as conn:
        rows.insert(conn, [{"id": rid, "org_id": org.id, "module": "Events", "data": doc, "owner_id": org.made.admin_id,
                            "created_by": org.made.admin_id, "modified_by": org.made.admin_id,
                            "created_time": at, "modified_time": at}])
    return str(rid)


def test_meeting_cancel(client, backend, org, admin, events):
    rid = _event(backend, org)
    r = _call(client, org, "POST", f"Events/{rid}/actions/cancel", {"data": [{"send_cancelling_mail": True}]})
    assert (r.status_code, r.json()) == (200, {"data": [_ok("The event is successfully cancelled", {"id": rid})]})
    (mail,) = client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json()["messages"]
    assert (mail["source"], mail["to"], mail["module"]) == ("meeting_cancel", [{"user_name": None,
                                                                                 "email": "p@example.com"}], "Events")
    r = _call(client, org, "POST", f"Events/{rid}/actions/cancel", {"data": [{"send_cancelling_mail": True}]})
    assert (r.status_code, r.json()) == (400, {"data": [_error("NOT_ALLOWED", "The event is already cancelled", {})]})


@pytest.mark.parametrize(("data", "body", "expected"), [
    ({"Participants": []}, {"data": [{"send_cancelling_mail": False}]},
     {"data": [_error("NOT_ALLOWED", "You cannot cancel the event without inviting participants", {})]}),
    ({"End_DateTime": "2026-11-01T00:00:00+00:00"}, {"data": [{"send_cancelling_mail": False}]},
     {"data": [_error("NOT_ALLOWED", "You cannot cancel the meeting after the meeting end time", {})]}),
    ({}, {"data": [{}]}, {"data": [_error("MANDATORY_NOT_FOUND", "Required field not found", {
        "api_name": "send_cancelling_mail", "json_path": "$.data[0].send_cancelling_mail"})]}),
])
def test_meeting_cancel_refusals(client, backend, org, admin, events, data, body, expected):
    rid = _event(backend, org, **data)
    r = _call(client, org, "POST", f"Events/{rid}/actions/cancel", body)
    assert (r.status_code, r.json()) == (400, expected)
    assert client.get(f"/_zcrm/orgs/{org.id}/outbox", headers=admin).json() == {"messages": []}


def test_meeting_cancel_unknown_id(client, backend, org, admin, events):
    # The Standard profile edits Events (the catalogue's profiles), so no permission refusal here.
    r = _call(client, org, "POST", "Events/1/actions/cancel", {"data": [{"send_cancelling_mail": True}]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_DATA", "The id given seems to be invalid",
                                                     {"resource_path_index": 1}))


def test_meeting_cancel_without_events_module(client, org):
    from zcrm_local.domain.records.modules import registry

    if registry.get("Events") is not None:
        pytest.skip("Events is served")
    r = _call(client, org, "POST", "Events/1/actions/cancel", {"data": [{"send_cancelling_mail": True}]})
    assert (r.status_code, r.json()) == (400, _error("INVALID_MODULE", "the module name given seems to be invalid",
                                                     {"resource_path_index": 0}))


def test_a_nul_in_a_draft_or_message_id_is_just_unknown(client, org):
    rid = _lead(client, org)
    r = _call(client, org, "PUT", f"Leads/{rid}/__email_drafts", {"__email_drafts": [{"id": "\u0000", "subject": "x"}]})
    assert (r.status_code, r.json()) == (400, {"__email_drafts": [_error(
        "INVALID_DATA", "Invalid draft Id", {"api_name": "id", "json_path": "$.__email_drafts[0].id"})]})
    assert _call(client, org, "GET", f"Leads/{rid}/Emails/%00").status_code == 204
