"""M1 mail merge (spec 70 §6): send puts one mail in the outbox, sign records a request,
download answers the merged template. Templates are fixtures (kind ``mail_merge_template``,
keyed by name)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.email import mail_merge as rules
from zcrm_local.domain.email.send import merge
from zcrm_local.domain.outcomes import Success
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.email.mail import from_addresses, new_message_id, record_of, store_mail
from zcrm_local.store.email import rows as store


def _template(backend: Backend, principal: Principal, item: Any, wrapper: str) -> tuple[str, Any]:
    with backend.db.read() as conn:
        templates = store.settings_of(conn, principal.org_id, "mail_merge_template")
    return rules.template_of(item, wrapper, templates)


def send(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> tuple[Success, bool]:
    """(outcome, wrapped): the live profile wraps the answer in ``send_mail_merge``."""
    record_id, record = record_of(backend, principal, module, raw_id)
    item = rules.item_of(body, "send_mail_merge")
    _, template = _template(backend, principal, item, "send_mail_merge")
    allowed = frozenset(a["email"].lower() for a in from_addresses(backend, principal))
    doc = rules.send_plan(item, template, allowed)
    doc["subject"], doc["content"] = merge(doc["subject"], module, record), merge(doc["content"], module, record)
    message_id = new_message_id()
    store_mail(backend, principal, module, record_id, message_id, doc, source="mail_merge", state="sent",
               now=backend.org_now(principal.org))
    profile = backend.profile_of(principal.org)
    link = f"https://writer.zoho.com/writer/mailmerge/report/{message_id}"
    return Success(rules.MSG_SEND[profile], {"report_link": link}), profile == "live"


def sign(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> tuple[Success, bool]:
    record_id, _ = record_of(backend, principal, module, raw_id)
    item = rules.item_of(body, "sign_mail_merge")
    name, _ = _template(backend, principal, item, "sign_mail_merge")
    request = rules.sign_plan(item)
    request_id = new_message_id()
    with backend.db.write() as conn:
        store.put_setting(conn, principal.org_id, "sign_request", request_id,
                          {"module": module, "record_id": str(record_id), "template": name, **request})
    link = f"https://sign.zoho.com/zs#/request/details/{request_id}"
    return Success(rules.MSG_SIGN, {"report_link": link}), backend.profile_of(principal.org) == "live"


def download(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> tuple[str, bytes]:
    _, record = record_of(backend, principal, module, raw_id)
    item = rules.item_of(body, "download_mail_merge")
    _, template = _template(backend, principal, item, "download_mail_merge")
    name, fmt = rules.download_plan(item)
    merged = merge(str(template.get("content") or ""), module, record) or ""
    return f"{name}.{fmt}", merged.encode("utf-8")
