"""E3 drafts (spec 70 §4.4) and E4 associate email (§4.5): item checks, first failure answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.generic import is_email
from zcrm_local.domain.email.text import refuse_nul
from zcrm_local.domain.times import parse_datetime

WRAPPER = "__email_drafts"
MAX_DRAFTS = 100
MAX_SUBJECT = 512
MAX_CONTENT = 200_000
MSG_CREATED = "Draft created Successfully"
MSG_UPDATED = "Draft updated Successfully"
MSG_DELETED = "Draft deleted Successfully"
MSG_INVALID_EMAIL = "invalid email"
MSG_FROM = "Email can't be saved as draft using this from address.Kindly check the allowed from address list"
MSG_NO_INVENTORY = "The inventory_details field is not allowed in update draft request."
MSG_BAD_DRAFT = "Invalid draft Id"
MSG_PATTERN = "Please check whether the input values are correct"
SORT_BY = ("created_time", "modified_time")
SORT_ORDER = ("asc", "desc")
_KEYS = ("from", "to", "cc", "bcc", "reply_to", "rich_text", "subject", "content", "schedule_details",
         "attachments", "inventory_details", "linked_record")


def _p(i: int, key: str) -> str:
    return f"$.{WRAPPER}[{i}].{key}"


def bad_draft(index: int = 3) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.INVALID_DATA, MSG_BAD_DRAFT, {"resource_path_index": index})


def pattern(param: str) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.PATTERN_NOT_MATCHED, MSG_PATTERN, {"param_name": param})


def check(i: int, item: Any, allowed_from: frozenset[str], *, update: bool,
          current: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The draft's stored document (merged over ``current`` on update)."""
    if not isinstance(item, dict):
        raise e.wrong_type(WRAPPER, f"$.{WRAPPER}[{i}]", "jsonobject")
    refuse_nul(item, f"$.{WRAPPER}[{i}]")
    if update and "inventory_details" in item:
        raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, MSG_NO_INVENTORY,
                          {"api_name": "inventory_details", "json_path": _p(i, "inventory_details")})
    doc = {k: v for k, v in (current or {}).items()}
    doc.update({k: item[k] for k in _KEYS if k in item})
    for key in ("from", "rich_text"):
        if doc.get(key) is None or doc.get(key) == "":
            raise e.mandatory_not_found(key, _p(i, key))
    if not isinstance(doc["from"], str) or not is_email(doc["from"]):
        raise e.invalid_data("from", _p(i, "from"), MSG_INVALID_EMAIL)
    if doc["from"].lower() not in allowed_from:
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, MSG_FROM, {"api_name": "from"})
    if not isinstance(doc["rich_text"], bool):
        raise e.wrong_type("rich_text", _p(i, "rich_text"), "boolean")
    if doc.get("reply_to") is not None and (not isinstance(doc["reply_to"], str) or not is_email(doc["reply_to"])):
        raise e.invalid_data("reply_to", _p(i, "reply_to"), MSG_INVALID_EMAIL)
    for key in ("to", "cc", "bcc"):
        value = doc.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise e.wrong_type(key, _p(i, key), "jsonarray")
        for j, entry in enumerate(value):
            where = f"{_p(i, key)}[{j}].email"
            if not isinstance(entry, dict) or entry.get("email") in (None, ""):
                raise e.mandatory_not_found("email", where)
            if not isinstance(entry["email"], str) or not is_email(entry["email"]):
                raise e.invalid_data("email", where, MSG_INVALID_EMAIL)
    for key, limit in (("subject", MAX_SUBJECT), ("content", MAX_CONTENT)):
        value = doc.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise e.invalid_data(key, _p(i, key), maximum_length=limit)
    schedule = doc.get("schedule_details")
    if schedule is not None:
        if not isinstance(schedule, dict) or schedule.get("time") is None:
            raise e.mandatory_not_found("time", _p(i, "schedule_details.time"))
        if not isinstance(schedule["time"], str) or parse_datetime(schedule["time"]) is None:
            raise e.invalid_data("time", _p(i, "schedule_details.time"), expected_data_type="datetime")
    attachments = doc.get("attachments")
    if attachments is not None:
        if not isinstance(attachments, list):
            raise e.wrong_type("attachments", _p(i, "attachments"), "jsonarray")
        for j, entry in enumerate(attachments):
            for key in ("id", "file_name"):
                if not isinstance(entry, dict) or entry.get(key) in (None, ""):
                    raise e.mandatory_not_found(key, f"{_p(i, 'attachments')}[{j}].{key}")
    inventory = doc.get("inventory_details")
    if isinstance(inventory, dict) and inventory.get("paper_type") not in (None, "A4", "USLetter"):
        raise e.invalid_data("paper_type", _p(i, "inventory_details.paper_type"), supported_values=["A4", "USLetter"])
    return doc


# ---- E4 associate email ------------------------------------------------------------------

ASSOCIATE_WRAPPER = "Emails"
ASSOCIATE_MANDATORY = ("from", "to", "subject", "content", "date_time", "sent", "original_message_id")
MSG_ASSOCIATED = {"documented": "Your mail has been added successfully", "live": "Email associated successfully."}
MSG_BAD_FILE = "provided file id is improper"
MSG_BAD_OWNER = "Provide a Proper owner id"
MSG_BAD_PARENT = "the parent entity id given seems to be invalid"
MSG_BAD_API_NAME = "the api_name given seems to be invalid"
MSG_ADMIN_ONLY = "Only Admin Role/Profile Users will have permission"
MSG_MODULE = "permission denied to access the api"


def _a(key: str) -> str:
    return f"$.Emails[0].{key}"


def check_associate(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise e.wrong_type("Emails", "$.Emails[0]", "jsonobject")
    refuse_nul(item, "$.Emails[0]")
    for key in ASSOCIATE_MANDATORY:
        if item.get(key) is None or item.get(key) == "":
            raise e.mandatory_not_found(key, _a(key))
    sender = item["from"]
    if not isinstance(sender, dict) or not isinstance(sender.get("email"), str) or not is_email(sender["email"]):
        raise e.invalid_data("from", _a("from"))
    for key in ("to", "cc", "bcc"):
        value = item.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(
                isinstance(x, dict) and isinstance(x.get("email"), str) and is_email(x["email"]) for x in value):
            raise e.invalid_data(key, _a(key))
    for key in ("subject", "content"):
        if not isinstance(item[key], str):
            raise e.wrong_type(key, _a(key), "text")
    if item.get("mail_format") is not None and item["mail_format"] not in ("html", "text"):
        raise e.invalid_data("mail_format", _a("mail_format"), supported_values=["html", "text"])
    if item.get("linked_record") is not None and not isinstance(item["linked_record"], dict):
        raise e.wrong_type("linked_record", _a("linked_record"), "jsonobject")
    if not isinstance(item["sent"], bool):
        raise e.wrong_type("sent", _a("sent"), "boolean")
    if not isinstance(item["date_time"], str) or parse_datetime(item["date_time"]) is None:
        raise e.invalid_data("date_time", _a("date_time"), expected_data_type="datetime")
    if not isinstance(item["original_message_id"], str):
        raise e.wrong_type("original_message_id", _a("original_message_id"), "text")
    if item.get("attachments"):
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, MSG_BAD_FILE, {"api_name": "attachments",
                                                                   "json_path": _a("attachments")})
    return {k: item.get(k) for k in (*ASSOCIATE_MANDATORY, "cc", "bcc", "mail_format", "linked_record")}
