"""E8 unblock (spec 70 §4.9) and X1 meeting cancel (§9): per-record rules, first failure answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email.text import refuse_nul
from zcrm_local.domain.times import parse_datetime

UNBLOCK_FIELDS = ("Email", "Secondary_Email")
MAX_UNBLOCKS = 5
MAX_UNBLOCK_IDS = 500
MSG_UNBLOCKED = {"documented": "Unblocked successfully", "live": "Email unblocked successfully"}
MSG_CANCELLED = "The event is successfully cancelled"


def read_unblock_fields(body: Any) -> list[str]:
    if not isinstance(body, dict) or not body.get("unblock_fields"):
        raise e.mandatory_not_found("unblock_fields", "$.unblock_fields")
    fields = body["unblock_fields"]
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise e.wrong_type("unblock_fields", "$.unblock_fields", "jsonarray")
    return fields


def unblock_plan(fields: list[str], module_fields: frozenset[str], record: Mapping[str, Any],
                 bounces: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The lower-case addresses to unblock, or the record's refusal (``NOT_ALLOWED``)."""
    if any(f not in UNBLOCK_FIELDS for f in fields):
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "unknown field provided", {})
    if not module_fields & set(UNBLOCK_FIELDS):
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "EMAIL, SECONDARY_EMAIL field not available for module", {})
    out = []
    for field in fields:
        address = record.get(field)
        state = bounces.get(address.lower(), {}) if isinstance(address, str) else {}
        if state.get("state") == "hard":
            raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "Cannot unblock, Email is blocked permanently", {})
        if state.get("state") != "soft":
            continue
        if int(state.get("unblocked", 0)) >= MAX_UNBLOCKS:
            raise e.ZohoError(e.ErrorCode.NOT_ALLOWED,
                              f"Cannot unblock, email has been unblocked {MAX_UNBLOCKS} times already", {})
        out.append(address.lower())  # type: ignore[union-attr]
    if not out:
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "Email is already unblocked", {})
    return out


def cancel_request(body: Any) -> bool:
    """``send_cancelling_mail`` of the body (mandatory)."""
    path = "$.data[0].send_cancelling_mail"
    items = body.get("data") if isinstance(body, dict) else None
    item = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}
    refuse_nul(item, "$.data[0]")
    value = item.get("send_cancelling_mail")
    if value is None:
        raise e.ZohoError(e.ErrorCode.MANDATORY_NOT_FOUND, "Required field not found",
                          {"api_name": "send_cancelling_mail", "json_path": path})
    if not isinstance(value, bool):
        raise e.wrong_type("send_cancelling_mail", path, "boolean")
    return value


def cancel_check(record: Mapping[str, Any], now: datetime) -> list[str]:
    """The participants' addresses, or why the meeting cannot be cancelled."""
    if record.get("$event_cancelled") is True:
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "The event is already cancelled", {})
    participants = record.get("Participants")
    if not isinstance(participants, list) or not participants:
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "You cannot cancel the event without inviting participants", {})
    end = record.get("End_DateTime")
    ends = parse_datetime(end) if isinstance(end, str) else None
    if ends is not None and ends <= now:
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, "You cannot cancel the meeting after the meeting end time", {})
    out = []
    for p in participants:
        if isinstance(p, dict):
            address = p.get("Email") or p.get("email")
            if isinstance(address, str) and address:
                out.append(address)
    return out
