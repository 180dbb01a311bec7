"""E1 send mail, E2 emails of a record, E7 from addresses, and the outbox (spec 70 §4, §1.4)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import render, send
from zcrm_local.domain.outcomes import Outcome, Success
from zcrm_local.domain.records.modules.registry import get as module_spec
from zcrm_local.domain.records.values import parse_digits
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.email import rows as store
from zcrm_local.store.records import rows as record_store

MSG_OPT_OUT = "permission denied"


def new_message_id() -> str:
    """64 lower-case hex characters, as Zoho's message ids (spec 70 §4.1)."""
    return secrets.token_hex(32)


def user_name(user: Any) -> str:
    return " ".join(part for part in (user["first_name"], user["last_name"]) if part)


def record_of(backend: Backend, principal: Principal, module: str, raw_id: str) -> tuple[int, dict[str, Any]]:
    record_id = parse_digits(raw_id) if len(raw_id) <= 19 else None
    row = None
    if record_id is not None:
        with backend.db.read() as conn:
            row = record_store.get(conn, principal.org_id, module, record_id)
    if row is None or record_id is None:
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, e.MSG_INVALID_RELATED_ID, {"resource_path_index": 1})
    return record_id, dict(row["data"])


def from_addresses(backend: Backend, principal: Principal) -> list[dict[str, Any]]:
    user, org = principal.user, principal.org
    out = [{"email": user["email"], "type": "primary", "user_name": user_name(user), "id": None, "default": True},
           {"email": org["primary_email"], "type": "org_email", "user_name": org["company_name"],
            "id": str(org["id"]), "default": False}]
    with backend.db.read() as conn:
        extra = store.settings_of(conn, principal.org_id, "from_address")
    for key, doc in extra.items():
        out.append({"email": doc.get("email", key), "type": doc.get("type", "verified"),
                    "user_name": doc.get("user_name"), "id": doc.get("id"), "default": False})
    return out


def send_mail(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> Outcome:
    """Request-level refusals raise; the item's own answers come back as its outcome."""
    record_id, record = record_of(backend, principal, module, raw_id)
    if not isinstance(body, dict) or body.get("data") is None:
        raise e.mandatory_not_found("data", "$.data")
    items = body["data"]
    if not isinstance(items, list):
        raise e.wrong_type("data", "$.data", "jsonarray")
    if not items:
        raise e.mandatory_not_found("data", "$.data")
    if len(items) > 1:
        raise e.invalid_data("data", "$.data", maximum_length=1)
    if record.get("Email_Opt_Out") is True:
        raise e.ZohoError(e.ErrorCode.NO_PERMISSION, MSG_OPT_OUT, {})
    now = backend.org_now(principal.org)
    spec = module_spec(module)
    with backend.db.read() as conn:
        templates = store.settings_of(conn, principal.org_id, "email_template")
        bounces = store.settings_of(conn, principal.org_id, "bounce")
    ctx = send.Context(
        module=module, record=record,
        has_email_fields=spec is not None and spec.field("Email") is not None,
        from_addresses=frozenset(a["email"].lower() for a in from_addresses(backend, principal)),
        templates=templates, bounces={k.lower(): v for k, v in bounces.items() if v.get("state") in ("soft", "hard")},
        now=now)
    try:
        planned = send.plan(items[0], ctx)
    except e.ZohoError as refusal:
        return refusal
    message_id = new_message_id()
    state = "scheduled" if planned.scheduled_time else "sent"
    store_mail(backend, principal, module, record_id, message_id, planned.doc, source="send_mail",
               state=state, scheduled_time=planned.scheduled_time, now=now)
    details: dict[str, Any] = {"message_id": message_id}
    if planned.blocked:
        details["blocked_email_addresses"] = planned.blocked
    return Success(send.MSG_SCHEDULED if planned.scheduled_time else send.MSG_SENT, details)


def store_mail(backend: Backend, principal: Principal, module: str, record_id: int, message_id: str,
               doc: dict[str, Any], *, source: str, state: str, now: datetime, kind: str = "mail",
               scheduled_time: datetime | None = None, user_id: int | None = None) -> None:
    """One row of the org's mails; kind ``mail`` is the outbox."""
    def write(conn: Any) -> None:
        store.insert(conn, {
            "org_id": principal.org_id, "message_id": message_id, "seq": store.next_seq(conn, principal.org_id),
            "kind": kind, "module": module, "record_id": record_id, "user_id": user_id or principal.user_id,
            "source": source, "state": state, "scheduled_time": scheduled_time, "created_time": now,
            "modified_time": now, "doc": doc})

    backend.db.write_retrying(write)


def _owner(principal: Principal) -> dict[str, Any]:
    return {"name": user_name(principal.user), "id": str(principal.user_id)}


def emails_of(backend: Backend, principal: Principal, module: str, raw_id: str, kind: str | None,
              index: str | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    record_id, _ = record_of(backend, principal, module, raw_id)
    now = backend.org_now(principal.org)
    with backend.db.read() as conn:
        rows = store.of_record(conn, principal.org_id, record_id, ("mail", "filed", "draft"))
    wanted = [r for r in rows if kind is None or render.type_of(r, now) == kind
              or (kind.startswith("all_contacts_") and _account_type(kind) == render.type_of(r, now))]
    start = parse_digits(index) if index else 0
    start = start or 0
    page = wanted[start:start + render.PER_PAGE]
    more = start + render.PER_PAGE < len(wanted)
    info = {"per_page": render.PER_PAGE, "next_index": str(start + len(page)) if more else None,
            "count": len(page), "prev_index": str(max(0, start - render.PER_PAGE)), "more_records": more}
    return [render.entry(r, _owner(principal), now, principal.time_zone) for r in page], info


def _account_type(kind: str) -> str:
    return {"all_contacts_sent_crm_emails": "sent_from_crm", "all_contacts_scheduled_crm_emails": "scheduled_in_crm",
            "all_contacts_draft_crm_emails": "drafts"}[kind]


def email_of(backend: Backend, principal: Principal, module: str, raw_id: str, message_id: str) -> dict[str, Any] | None:
    record_id, _ = record_of(backend, principal, module, raw_id)
    now = backend.org_now(principal.org)
    with backend.db.read() as conn:
        row = store.get(conn, principal.org_id, message_id)
    if row is None or row["record_id"] != record_id or row["kind"] == "draft":
        return None
    return render.one(row, _owner(principal), now, principal.time_zone)
