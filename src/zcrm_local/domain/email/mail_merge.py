"""M1 mail merge (spec 70 §6): the send / sign / download bodies; first failure answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email.text import refuse_nul
from zcrm_local.domain.records.generic import is_email

FORMATS = ("pdf", "html", "docx")
MAX_FILE_NAME = 255
MSG_SEND = {"documented": "mail merge action initiated successfully",
            "live": "send mail merge action initiated successfully"}
MSG_SIGN = "sign mail merge action initiated successfully"


def _p(wrapper: str, key: str) -> str:
    return f"$.{wrapper}[0].{key}"


def item_of(body: Any, wrapper: str) -> dict[str, Any]:
    items = body.get(wrapper) if isinstance(body, dict) else None
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        raise e.mandatory_not_found(wrapper, f"$.{wrapper}")
    if len(items) > 1:
        raise e.invalid_data(wrapper, f"$.{wrapper}", maximum_length=1)
    refuse_nul(items[0], f"$.{wrapper}[0]")
    return items[0]


def template_of(item: Mapping[str, Any], wrapper: str, templates: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    ref = item.get("mail_merge_template")
    if ref is None:
        raise e.mandatory_not_found("mail_merge_template", _p(wrapper, "mail_merge_template"))
    name = ref.get("name") if isinstance(ref, dict) else None
    if name is None:
        raise e.ZohoError(e.ErrorCode.EXPECTED_FIELD_MISSING, "expected field missing",
                          {"api_name": "name", "json_path": _p(wrapper, "mail_merge_template.name")})
    if not isinstance(name, str) or name not in templates:
        raise e.invalid_data("name", _p(wrapper, "mail_merge_template.name"))
    return name, templates[name]


def _addresses(item: Mapping[str, Any], wrapper: str, key: str) -> list[dict[str, Any]]:
    value = item.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise e.wrong_type(key, _p(wrapper, key), "jsonarray")
    for i, entry in enumerate(value):
        ok = isinstance(entry, dict) and entry.get("type") in ("email", "merge_field") and isinstance(
            entry.get("value"), str) and (entry["type"] == "merge_field" or is_email(entry["value"]))
        if not ok:
            raise e.ZohoError(e.ErrorCode.INVALID_EMAIL, "invalid email",
                              {"api_name": key, "json_path": f"{_p(wrapper, key)}[{i}]"})
    return list(value)


def send_plan(item: Mapping[str, Any], template: Mapping[str, Any], allowed_from: frozenset[str]) -> dict[str, Any]:
    w = "send_mail_merge"
    sender = item.get("from_address")
    if sender is None:
        raise e.mandatory_not_found("from_address", _p(w, "from_address"))
    if not isinstance(sender, dict) or not isinstance(sender.get("value"), str) or not is_email(sender["value"]):
        raise e.ZohoError(e.ErrorCode.INVALID_EMAIL, "invalid email",
                          {"api_name": "from_address", "json_path": _p(w, "from_address")})
    if sender["value"].lower() not in allowed_from:
        raise e.ZohoError(e.ErrorCode.DEPENDENT_SERVICE_ERROR, "the from address is not authorised",
                          {"api_name": "from_address", "json_path": _p(w, "from_address")})
    to = _addresses(item, w, "to_address")
    if not to:
        raise e.mandatory_not_found("to_address", _p(w, "to_address"))
    cc, bcc = _addresses(item, w, "cc_email"), _addresses(item, w, "bcc_email")
    kind = item.get("type")
    if kind is not None and kind not in ("inline", "attachment"):
        raise e.invalid_data("type", _p(w, "type"), supported_values=["inline", "attachment"])
    if item.get("attachment_name") is not None and kind is None:
        raise e.mandatory_not_found("type", _p(w, "type"))
    return {"from": {"user_name": None, "email": sender["value"]},
            "to": [{"user_name": None, "email": a["value"]} for a in to],
            "cc": [{"user_name": None, "email": a["value"]} for a in cc],
            "bcc": [{"user_name": None, "email": a["value"]} for a in bcc],
            "reply_to": None, "subject": item.get("subject") or template.get("subject"),
            "content": item.get("message") or template.get("content"), "mail_format": "html",
            "attachments": [], "template_id": None}


def sign_plan(item: Mapping[str, Any]) -> dict[str, Any]:
    w = "sign_mail_merge"
    if item.get("file_name") in (None, ""):
        raise e.mandatory_not_found("file_name", _p(w, "file_name"))
    if not isinstance(item["file_name"], str) or len(item["file_name"]) > MAX_FILE_NAME:
        raise e.invalid_data("file_name", _p(w, "file_name"), maximum_length=MAX_FILE_NAME)
    if "sign_in_order" in item and not isinstance(item["sign_in_order"], bool):
        raise e.wrong_type("sign_in_order", _p(w, "sign_in_order"), "boolean")
    signers = item.get("signers") or []
    if not isinstance(signers, list):
        raise e.wrong_type("signers", _p(w, "signers"), "jsonarray")
    for i, signer in enumerate(signers):
        recipient = signer.get("recipient") if isinstance(signer, dict) else None
        value = recipient.get("value") if isinstance(recipient, dict) else None
        if not isinstance(value, str) or (recipient.get("type") == "email" and not is_email(value)):  # type: ignore[union-attr]
            raise e.ZohoError(e.ErrorCode.INVALID_EMAIL, "invalid email",
                              {"api_name": "signers", "json_path": f"{_p(w, 'signers')}[{i}]"})
    return {"file_name": item["file_name"], "signers": signers, "sign_in_order": bool(item.get("sign_in_order"))}


def download_plan(item: Mapping[str, Any]) -> tuple[str, str]:
    w = "download_mail_merge"
    fmt = item.get("output_format", "pdf")
    if fmt not in FORMATS:
        raise e.invalid_data("output_format", _p(w, "output_format"), supported_values=list(FORMATS))
    name = item.get("file_name", "download")
    if not isinstance(name, str) or not name or len(name) > MAX_FILE_NAME:
        raise e.invalid_data("file_name", _p(w, "file_name"), maximum_length=MAX_FILE_NAME)
    return name, fmt
