"""E3 drafts, E4 associate email, E5 downloads, E6 sharing details, E8 unblock, X1 meeting
cancel (spec 70 §4.4–§4.9, §9): parse, call the service, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import drafts as rules
from zcrm_local.domain.email import modules
from zcrm_local.domain.records.modules.registry import resolve_path_module
from zcrm_local.http.call import Call
from zcrm_local.http.render import bulk_response, empty, json_response
from zcrm_local.service.email import actions, drafts

DRAFT_MODULES = modules.SEND_MAIL | modules.EMAILS
ASSOCIATE_MODULES = frozenset({"Leads", "Contacts", "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders", "Deals",
                               "Accounts"})


def _module(call: Call, allowed: frozenset[str], message: str = modules.MSG_NOT_SUPPORTED) -> str:
    assert call.module is not None
    if call.module not in allowed and not call.module.endswith("__c"):
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, message, {"resource_path_index": 0})
    return call.module


def create_drafts(call: Call) -> Response:
    module = _module(call, DRAFT_MODULES)
    outcomes = drafts.create(call.backend, call.principal, module, call.path_params["id"], call.json())
    return bulk_response(rules.WRAPPER, outcomes, 201)


def update_drafts(call: Call) -> Response:
    module = _module(call, DRAFT_MODULES)
    outcomes = drafts.update(call.backend, call.principal, module, call.path_params["id"], call.json(),
                             call.path_params.get("draft_id"))
    return bulk_response(rules.WRAPPER, outcomes, 200)


def delete_draft(call: Call) -> Response:
    module = _module(call, DRAFT_MODULES)
    done = drafts.delete(call.backend, call.principal, module, call.path_params["id"], call.path_params["draft_id"])
    return bulk_response(rules.WRAPPER, [done], 200)


def get_drafts(call: Call) -> Response:
    module = _module(call, DRAFT_MODULES)
    found, info = drafts.listing(call.backend, call.principal, module, call.path_params["id"], call.query,
                                 call.path_params.get("draft_id"))
    if not found:
        return empty()
    return json_response({rules.WRAPPER: found, **({"info": info} if info is not None else {})})


def associate_email(call: Call) -> Response:
    module = _module(call, ASSOCIATE_MODULES, rules.MSG_MODULE)
    outcome = drafts.associate(call.backend, call.principal, module, call.path_params["id"], call.json())
    return bulk_response(rules.ASSOCIATE_WRAPPER, [outcome], 201)


def _download(call: Call, inline: bool) -> Response:
    module = _module(call, modules.EMAILS)
    name, data = drafts.download(call.backend, call.principal, module, call.path_params["id"], call.query, inline)
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def download_attachments(call: Call) -> Response:
    return _download(call, False)


def download_inline_images(call: Call) -> Response:
    return _download(call, True)


def sharing_details(call: Call) -> Response:
    module = _module(call, modules.EMAILS)
    found = actions.sharing_details(call.backend, call.principal, module, call.path_params["id"])
    return json_response({"__emails_sharing_details": found})


def unblock_record(call: Call) -> Response:
    module = _module(call, modules.SEND_MAIL)
    outcomes = actions.unblock(call.backend, call.principal, module, [call.path_params["id"]], call.json())
    return bulk_response("data", outcomes, 200)


def unblock_records(call: Call) -> Response:
    module = _module(call, modules.SEND_MAIL)
    body = call.json()
    ids = actions.module_unblock_ids(body)
    return bulk_response("data", actions.unblock(call.backend, call.principal, module, ids, body), 200)


def cancel_meeting(call: Call) -> Response:
    # The path names Events literally; the module is whatever the registry serves under it.
    spec = resolve_path_module("Events")
    if spec is None:
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_INVALID_MODULE, {"resource_path_index": 0})
    module = spec.api_name
    outcome = actions.cancel_meeting(call.backend, call.principal, module, call.path_params["id"], call.json())
    return bulk_response("data", [outcome], 200)
