"""T1 email templates, T2 inventory templates (spec 70 §5)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.http.call import Call
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.email import templates


def _list(call: Call, inventory: bool, wrapper: str) -> Response:
    template_id = call.path_params.get("template_id")
    if template_id is not None:
        found = templates.one(call.backend, call.principal, template_id, inventory)
        return empty() if found is None else json_response({wrapper: [found]})
    entries, info = templates.listing(call.backend, call.principal, call.query, inventory)
    return json_response({wrapper: entries, "info": info}) if entries else empty()


def email_templates(call: Call) -> Response:
    return _list(call, False, "email_templates")


def inventory_templates(call: Call) -> Response:
    return _list(call, True, "inventory_templates")
