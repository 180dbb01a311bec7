"""E1 — the send-mail item (spec 70 §4.2). ``plan`` checks one item, first failure answers,
and gives the message to store; it never sends anything."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.generic import is_email
from zcrm_local.domain.email.text import refuse_nul
from zcrm_local.domain.times import parse_datetime

MAX_RECIPIENTS = 50
MAX_SUBJECT = 1000
MAX_CONTENT = 100_000
MAX_ATTACHMENTS = 10
MSG_SENT = "Your mail has been sent successfully."
MSG_SCHEDULED = "Your mail has been scheduled successfully."
MSG_NO_ADDRESS = "the record does not have a primary or secondary email"
MSG_BOUNCED = "the email address has bounced"
_MERGE = re.compile(r"\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\}")
_ADDRESS_FIELDS = ("Email", "Secondary_Email")


@dataclass(frozen=True)
class Context:
    module: str
    record: Mapping[str, Any]  # the record's data, keyed by api_name
    has_email_fields: bool
    from_addresses: frozenset[str]  # lower case
    templates: Mapping[str, Mapping[str, Any]]
    bounces: Mapping[str, Mapping[str, Any]]  # lower-case address -> {"state": soft|hard, …}
    now: datetime


@dataclass
class Planned:
    doc: dict[str, Any]
    scheduled_time: datetime | None
    blocked: list[dict[str, str]]


def _path(key: str) -> str:
    return f"$.data[0].{key}"


def _address(value: Any, key: str, *, name_optional: bool = True) -> dict[str, Any]:
    if not isinstance(value, dict) or not isinstance(value.get("email"), str) or not is_email(value["email"]):
        raise e.invalid_data(key, _path(key))
    name = value.get("user_name")
    if name is not None and not isinstance(name, str):
        raise e.invalid_data(key, _path(key))
    return {"user_name": name, "email": value["email"]}


def _recipients(item: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = item.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise e.wrong_type(key, _path(key), "jsonarray")
    if len(value) > MAX_RECIPIENTS:
        raise e.invalid_data(key, _path(key), maximum_length=MAX_RECIPIENTS)
    out = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or not isinstance(entry.get("email"), str) or not is_email(entry["email"]):
            raise e.invalid_data(key, f"{_path(key)}[{i}].email")
        out.append({"user_name": entry.get("user_name") if isinstance(entry.get("user_name"), str) else None,
                    "email": entry["email"]})
    return out


def _text(item: Mapping[str, Any], key: str, limit: int) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise e.wrong_type(key, _path(key), "text")
    if len(value) > limit:
        raise e.invalid_data(key, _path(key), maximum_length=limit)
    return value


def merge(text: str | None, module: str, record: Mapping[str, Any]) -> str | None:
    """``${Module.Field}`` merge fields take the record's values (lookups their name)."""
    if text is None:
        return None

    def value(match: re.Match[str]) -> str:
        if match.group(1) != module:
            return ""
        got = record.get(match.group(2))
        if isinstance(got, dict):
            got = got.get("name")
        return "" if got is None else str(got)

    return _MERGE.sub(value, text)


def plan(item: Any, ctx: Context) -> Planned:
    if not isinstance(item, dict):
        raise e.wrong_type("data", "$.data[0]", "jsonobject")
    refuse_nul(item, "$.data[0]")
    for key in ("from", "to"):
        if item.get(key) is None:
            raise e.mandatory_not_found(key, _path(key))
    sender = _address(item["from"], "from")
    if sender["email"].lower() not in ctx.from_addresses:
        raise e.invalid_data("from", _path("from"))
    to = _recipients(item, "to")
    if not to:
        raise e.mandatory_not_found("to", _path("to"))
    cc, bcc = _recipients(item, "cc"), _recipients(item, "bcc")
    reply_to = _address(item["reply_to"], "reply_to") if item.get("reply_to") is not None else None
    for key in ("org_email",):
        if key in item and not isinstance(item[key], bool):
            raise e.wrong_type(key, _path(key), "boolean")
    subject = _text(item, "subject", MAX_SUBJECT)
    content = _text(item, "content", MAX_CONTENT)
    mail_format = item.get("mail_format", "html")
    if mail_format not in ("html", "text"):
        raise e.invalid_data("mail_format", _path("mail_format"), supported_values=["html", "text"])
    template_id = None
    attachments: list[dict[str, Any]] = []
    if item.get("template") is not None:
        template = item["template"]
        tid = str(template.get("id")) if isinstance(template, dict) else None
        if tid is None or tid not in ctx.templates:
            raise e.invalid_data("template", _path("template"))
        found = ctx.templates[tid]
        template_id = tid
        subject = subject if subject is not None else found.get("subject")
        content = content if content is not None else found.get("content")
        attachments = list(found.get("attachments") or [])
    if item.get("attachments") is not None:
        given = item["attachments"]
        if not isinstance(given, list) or len(given) > MAX_ATTACHMENTS:
            raise e.invalid_data("attachments", _path("attachments"))
        # No file store serves uploads yet: every attachment id is unknown (D-621).
        if given:
            raise e.invalid_data("attachments", f"{_path('attachments')}[0].id")
    scheduled: datetime | None = None
    if item.get("scheduled_time") is not None:
        raw = item["scheduled_time"]
        scheduled = parse_datetime(raw) if isinstance(raw, str) else None
        if scheduled is None or scheduled <= ctx.now:
            raise e.invalid_data("scheduled_time", _path("scheduled_time"))
    if ctx.has_email_fields and not any(ctx.record.get(f) for f in _ADDRESS_FIELDS):
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, MSG_NO_ADDRESS, {})
    blocked = [{"email": r["email"], "reason": "bounced"} for r in to if r["email"].lower() in ctx.bounces]
    if len(blocked) == len(to):
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, MSG_BOUNCED, {"api_name": "to", "json_path": _path("to")})
    kept = [r for r in to if r["email"].lower() not in ctx.bounces]
    doc = {
        "from": sender, "to": kept, "cc": cc, "bcc": bcc, "reply_to": reply_to,
        "subject": merge(subject, ctx.module, ctx.record), "content": merge(content, ctx.module, ctx.record),
        "mail_format": mail_format, "org_email": bool(item.get("org_email", False)),
        "attachments": attachments, "template_id": template_id,
        "in_reply_to": item.get("in_reply_to") if isinstance(item.get("in_reply_to"), dict) else None,
        "linked_record": item.get("linked_record") if isinstance(item.get("linked_record"), dict) else None,
    }
    return Planned(doc, scheduled, blocked)
