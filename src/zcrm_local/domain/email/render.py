"""How mails read back: E2 list entries and one email (spec 70 §4.3), and the outbox entries
of the admin API (§1.4)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from zcrm_local.domain.times import format_datetime

PER_PAGE = 10
TYPES = ("sent_from_crm", "scheduled_in_crm", "drafts", "user_emails")
ACCOUNT_TYPES = ("all_contacts_sent_crm_emails", "all_contacts_scheduled_crm_emails", "all_contacts_draft_crm_emails")


def state_at(row: Any, now: datetime) -> str:
    """A scheduled mail is sent once the org's clock reaches its time."""
    if row["state"] == "scheduled" and row["scheduled_time"] is not None and row["scheduled_time"] <= now:
        return "sent"
    return str(row["state"])


def type_of(row: Any, now: datetime) -> str:
    if row["kind"] == "draft":
        return "drafts"
    if row["kind"] == "filed":
        return "user_emails"
    return "scheduled_in_crm" if state_at(row, now) == "scheduled" else "sent_from_crm"


def _when(row: Any, now: datetime) -> datetime:
    return row["scheduled_time"] if row["scheduled_time"] is not None else row["created_time"]


def entry(row: Any, owner: dict[str, Any], now: datetime, tz: str) -> dict[str, Any]:
    doc = row["doc"]
    state = state_at(row, now)
    status = [{"type": "scheduled"}] if state == "scheduled" else [{"type": "sent"}]
    return {
        "cc": doc.get("cc") or None,
        "has_thread_attachment": False,
        "summary": None,
        "owner": owner,
        "read": False,
        "subject": doc.get("subject"),
        "message_id": row["message_id"],
        "has_attachment": bool(doc.get("attachments")),
        "source": "individual",
        "sent": row["kind"] != "filed" or bool(doc.get("sent", True)),
        "intent": None,
        "sentiment_info": None,
        "linked_record": doc.get("linked_record"),
        "related_to_record": None,
        "emotion": None,
        "from": doc.get("from"),
        "to": doc.get("to"),
        "time": format_datetime(_when(row, now), tz),
        "status": status,
    }


def one(row: Any, owner: dict[str, Any], now: datetime, tz: str) -> dict[str, Any]:
    doc = row["doc"]
    out = entry(row, owner, now, tz)
    out.update({
        "content": doc.get("content"),
        "attachments": [{"size": a.get("size"), "name": a.get("file_name") or a.get("name"), "id": a.get("id")}
                        for a in doc.get("attachments") or []],
        "editable": state_at(row, now) == "scheduled",
        "mail_format": doc.get("mail_format", "html"),
        "sent_time": format_datetime(_when(row, now), tz),
        "thread_id": (doc.get("in_reply_to") or {}).get("message_id") or row["message_id"],
        "reply_to": doc.get("reply_to"),
    })
    return out


def outbox_entry(row: Any, now: datetime) -> dict[str, Any]:
    doc = row["doc"]
    return {
        "message_id": row["message_id"], "org_id": str(row["org_id"]), "user_id": str(row["user_id"]),
        "module": row["module"], "record_id": str(row["record_id"]),
        "from": doc.get("from"), "to": doc.get("to"), "cc": doc.get("cc") or [], "bcc": doc.get("bcc") or [],
        "reply_to": doc.get("reply_to"), "subject": doc.get("subject"), "content": doc.get("content"),
        "mail_format": doc.get("mail_format"), "attachments": doc.get("attachments") or [],
        "template_id": doc.get("template_id"),
        "scheduled_time": row["scheduled_time"].isoformat() if row["scheduled_time"] else None,
        "state": state_at(row, now), "source": row["source"], "created_time": row["created_time"].isoformat(),
    }
