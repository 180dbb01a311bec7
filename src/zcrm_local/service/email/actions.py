"""E8 unblock, X1 meeting cancel, E6 sharing details (spec 70 §4.7, §4.9, §9)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import actions as rules
from zcrm_local.domain.outcomes import Outcome, Success
from zcrm_local.domain.records.modules.registry import get as module_spec
from zcrm_local.domain.records.values import parse_digits
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.email.mail import new_message_id, record_of, user_name
from zcrm_local.store.email import rows as store
from zcrm_local.store.records import rows as record_store

EDIT_EVENTS = "Crm_Implied_Edit_Events"


def unblock(backend: Backend, principal: Principal, module: str, raw_ids: list[Any], body: Any) -> list[Outcome]:
    fields = rules.read_unblock_fields(body)
    spec = module_spec(module)
    module_fields = frozenset(f.api_name for f in spec.fields) if spec else frozenset()
    message = rules.MSG_UNBLOCKED[backend.profile_of(principal.org)]
    outcomes: list[Outcome] = []

    def write(conn: Any) -> list[Outcome]:
        bounces = {k.lower(): v for k, v in store.settings_of(conn, principal.org_id, "bounce").items()}
        out: list[Outcome] = []
        for raw in raw_ids:
            record_id = parse_digits(str(raw)) if len(str(raw)) <= 19 else None
            row = record_store.get(conn, principal.org_id, module, record_id) if record_id is not None else None
            if row is None:
                out.append(e.ZohoError(e.ErrorCode.INVALID_DATA, "Invalid record provided", {"id": str(raw)}))
                continue
            try:
                addresses = rules.unblock_plan(fields, module_fields, row["data"], bounces)
            except e.ZohoError as refusal:
                out.append(refusal)
                continue
            for address in addresses:
                state = dict(bounces[address])
                state.update(state="none", unblocked=int(state.get("unblocked", 0)) + 1)
                bounces[address] = state
                store.put_setting(conn, principal.org_id, "bounce", address, state)
            out.append(Success(message, {"id": str(record_id)}))
        return out

    outcomes = backend.db.write_retrying(write)
    return outcomes


def module_unblock_ids(body: Any) -> list[Any]:
    ids = body.get("ids") if isinstance(body, dict) else None
    if ids is None:
        raise e.mandatory_not_found("ids", "$.ids")
    if not isinstance(ids, list) or not ids:
        raise e.wrong_type("ids", "$.ids", "jsonarray")
    if len(ids) > rules.MAX_UNBLOCK_IDS:
        raise e.invalid_data("ids", "$.ids", maximum_length=rules.MAX_UNBLOCK_IDS)
    return ids


def cancel_meeting(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> Outcome:
    record_id = parse_digits(raw_id) if len(raw_id) <= 19 else None
    with backend.db.read() as conn:
        row = record_store.get(conn, principal.org_id, module, record_id) if record_id is not None else None
    if row is None or record_id is None:
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, "The id given seems to be invalid", {"resource_path_index": 1})
    if not principal.is_admin and EDIT_EVENTS not in principal.permissions:
        if backend.profile_of(principal.org) == "live":
            raise e.ZohoError(e.ErrorCode.NO_PERMISSION, e.MSG_NO_PERMISSION, {"permissions": [EDIT_EVENTS]}, 403)
        raise e.ZohoError(e.ErrorCode.NO_PERMISSION, e.MSG_NO_PERMISSION, {}, 400)
    try:
        send_mail = rules.cancel_request(body)
    except e.ZohoError as refusal:
        return refusal
    now = backend.org_now(principal.org)

    def write(conn: Any) -> Outcome:
        current = record_store.get(conn, principal.org_id, module, record_id, for_update=True)
        if current is None:
            raise e.ZohoError(e.ErrorCode.INVALID_DATA, "The id given seems to be invalid", {"resource_path_index": 1})
        try:
            addresses = rules.cancel_check(current["data"], now)
        except e.ZohoError as refusal:
            return refusal
        data = {**current["data"], "$event_cancelled": True}
        record_store.update(conn, principal.org_id, record_id, current["version"], data=data, modified_time=now,
                            modified_by=principal.user_id)
        if send_mail:
            sender = {"user_name": user_name(principal.user), "email": principal.user["email"]}
            title = current["data"].get("Event_Title") or ""
            for address in addresses:
                store.insert(conn, {
                    "org_id": principal.org_id, "message_id": new_message_id(),
                    "seq": store.next_seq(conn, principal.org_id), "kind": "mail", "module": module,
                    "record_id": record_id, "user_id": principal.user_id, "source": "meeting_cancel",
                    "state": "sent", "scheduled_time": None, "created_time": now, "modified_time": now,
                    "doc": {"from": sender, "to": [{"user_name": None, "email": address}], "cc": [], "bcc": [],
                            "reply_to": None, "subject": f"Cancelled: {title}".strip(),
                            "content": f"The meeting {title} has been cancelled.".replace("  ", " "),
                            "mail_format": "text", "attachments": [], "template_id": None}})
        return Success(rules.MSG_CANCELLED, {"id": str(record_id)})

    return backend.db.write_retrying(write)


def sharing_details(backend: Backend, principal: Principal, module: str, raw_id: str) -> list[dict[str, Any]]:
    record_of(backend, principal, module, raw_id)
    return [{"available_types": ["emails_sent_from_crm"], "share_from_users": []}]
