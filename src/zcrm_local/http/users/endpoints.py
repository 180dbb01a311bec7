"""GET /users, GET /users/{id}: parse, call the service, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.params import parse_ids, short_page
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.users import reads


def list_users(call: Call) -> Response:
    page, per_page = short_page(call.query)
    ids = parse_ids(call.query.get("ids"), "ids") if call.query.get("ids") else None
    users = reads.list_users(call.backend, call.principal, call.query.get("type"), ids)
    chunk = users[(page - 1) * per_page: page * per_page]
    if not chunk:
        return empty()
    info = {"per_page": per_page, "count": len(chunk), "page": page, "more_records": len(users) > page * per_page}
    return json_response({"users": chunk, "info": info})


def get_user(call: Call) -> Response:
    user_id = parse_id(call.path_params["user_id"])
    if user_id is None:
        raise e.invalid_path_id(1)
    user = reads.get_user(call.backend, call.principal, user_id)
    return json_response({"users": [user]}) if user else empty()
