"""The outbox of an org and its email fixtures (spec 70 §1.4): every mail the server "sent"."""

from __future__ import annotations

from typing import Any

from zcrm_local.http.harness.ops import AdminCall, AdminOp
from zcrm_local.service.email import outbox
from zcrm_local.service.email.outbox import FIXTURE_KINDS
from zcrm_local.service.harness import admin
from zcrm_local.service.harness.admin import invalid

_O = "/orgs/{org_id}"


def _list(call: AdminCall) -> tuple[int, Any]:
    found = outbox.messages(call.backend, call.org_id)
    if found is None:
        raise admin.not_found("org")
    return 200, {"messages": found}


def _clear(call: AdminCall) -> tuple[int, Any]:
    deleted = outbox.clear(call.backend, call.org_id)
    if deleted is None:
        raise admin.not_found("org")
    return 200, {"deleted": deleted}


def _fixture(call: AdminCall) -> tuple[int, Any]:
    kind, key = call.params["kind"], call.params["key"]
    if "\x00" in key:
        raise invalid("key: no NUL characters")
    if kind not in FIXTURE_KINDS:
        raise invalid(f"kind: one of {', '.join(FIXTURE_KINDS)}")
    doc = call.obj()
    admin.org_row(call.backend, call.org_id)
    outbox.put_fixture(call.backend, call.org_id, kind, key, doc)
    return 200, {"kind": kind, "key": key, "doc": doc}


OUTBOX_OPS: tuple[AdminOp, ...] = (
    AdminOp("GET", _O + "/outbox", _list, "Every mail the org sent (never over SMTP), oldest first"),
    AdminOp("DELETE", _O + "/outbox", _clear, "Empty the org's outbox"),
    AdminOp("PUT", _O + "/email_fixtures/{kind}/{key}", _fixture,
            "Set an email fixture: email_template, inventory_template, mail_merge_template, from_address, "
            "bounce, cadence",
            {"type": "object"}),
)
