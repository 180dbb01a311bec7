"""E1, E2, E7 (spec 70 §4.2, §4.3, §4.8): parse, call the service, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import modules, render
from zcrm_local.http.call import Call
from zcrm_local.http.render import bulk_response, empty, json_response
from zcrm_local.service.email import mail


def _module(call: Call, allowed: frozenset[str]) -> str:
    assert call.module is not None
    modules.check(call.module, allowed)
    return call.module


def send_mail(call: Call) -> Response:
    module = _module(call, modules.SEND_MAIL)
    outcome = mail.send_mail(call.backend, call.principal, module, call.path_params["id"], call.json())
    return bulk_response("data", [outcome], 200)


def emails_of_record(call: Call) -> Response:
    module = _module(call, modules.EMAILS)
    kind = call.query.get("type")
    allowed = render.TYPES + (render.ACCOUNT_TYPES if module == "Accounts" else ())
    if kind is not None and kind not in allowed:
        raise e.invalid_param("type")
    entries, info = mail.emails_of(call.backend, call.principal, module, call.path_params["id"], kind,
                                   call.query.get("index"))
    if not entries:
        return empty()
    return json_response({"Emails": entries, "info": info})


def email_of_record(call: Call) -> Response:
    module = _module(call, modules.EMAILS)
    found = mail.email_of(call.backend, call.principal, module, call.path_params["id"],
                          call.path_params["message_id"])
    return empty() if found is None else json_response({"Emails": [found]})


def from_addresses(call: Call) -> Response:
    return json_response({"from_addresses": mail.from_addresses(call.backend, call.principal)})
