"""U1 unsubscribe links, K1 cadences, M1 mail merge (spec 70 §6–§8)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain.email import unsubscribe as rules
from zcrm_local.http.call import Call
from zcrm_local.http.render import bulk_response, empty, json_response, outcome_body
from zcrm_local.service.email import cadences, mail_merge, unsubscribe

_MEDIA = {"pdf": "application/pdf", "html": "text/html",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def get_links(call: Call) -> Response:
    found = unsubscribe.listing(call.backend, call.principal, call.path_params.get("link_id"))
    return json_response({rules.WRAPPER: found}) if found else empty()


def create_link(call: Call) -> Response:
    return bulk_response(rules.WRAPPER, unsubscribe.create(call.backend, call.principal, call.json()), 201)


def update_links(call: Call) -> Response:
    outcomes = unsubscribe.update(call.backend, call.principal, call.json(), call.path_params.get("link_id"))
    return bulk_response(rules.WRAPPER, outcomes, 200)


def delete_link(call: Call) -> Response:
    done = unsubscribe.delete(call.backend, call.principal, call.path_params["link_id"])
    return bulk_response(rules.WRAPPER, [done], 200)


def link_associations(call: Call) -> Response:
    found = unsubscribe.associations(call.backend, call.principal)
    return json_response({"associations": found}) if found else empty()


def get_cadences(call: Call) -> Response:
    entries, info = cadences.listing(call.backend, call.principal, call.query)
    return json_response({"cadences": entries, "info": info}) if entries else empty()


def _enrol(call: Call, enrol: bool) -> Response:
    assert call.module is not None
    cadences.check_module(call.module)
    return bulk_response("data", cadences.enrol(call.backend, call.principal, call.module, call.json(), enrol), 200)


def enrol_in_cadences(call: Call) -> Response:
    return _enrol(call, True)


def unenrol_from_cadences(call: Call) -> Response:
    return _enrol(call, False)


def send_mail_merge(call: Call) -> Response:
    assert call.module is not None
    outcome, wrapped = mail_merge.send(call.backend, call.principal, call.module, call.path_params["id"], call.json())
    body = outcome_body(outcome)
    return json_response({"send_mail_merge": [body]} if wrapped else body)


def sign_mail_merge(call: Call) -> Response:
    assert call.module is not None
    outcome, wrapped = mail_merge.sign(call.backend, call.principal, call.module, call.path_params["id"], call.json())
    body = outcome_body(outcome)
    return json_response({"sign_mail_merge": [body]} if wrapped else body)


def download_mail_merge(call: Call) -> Response:
    assert call.module is not None
    name, data = mail_merge.download(call.backend, call.principal, call.module, call.path_params["id"], call.json())
    return Response(data, media_type=_MEDIA[name.rsplit(".", 1)[1]],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
