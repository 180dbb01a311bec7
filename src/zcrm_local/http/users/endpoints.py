"""GET /users, GET /users/{id}, the users count, roles and profiles: parse, call the service, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.params import parse_ids, short_page
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.users import reads, roles_profiles


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


def count_users(call: Call) -> Response:
    return json_response({"count": reads.count_users(call.backend, call.principal, call.query.get("type"))})


def _setting_id(call: Call, name: str) -> int:
    ident = parse_id(call.path_params[name])
    if ident is None:
        raise e.invalid_path_id(2)
    return ident


def list_roles(call: Call) -> Response:
    return json_response({"roles": roles_profiles.list_roles(call.backend, call.principal)})


def get_role(call: Call) -> Response:
    role = roles_profiles.get_role(call.backend, call.principal, _setting_id(call, "role_id"))
    return json_response({"roles": [role]})


def list_profiles(call: Call) -> Response:
    found = roles_profiles.list_profiles(call.backend, call.principal)
    info = {"per_page": 200, "count": len(found), "page": 1, "more_records": False}
    return json_response({"profiles": found, "info": info})


def get_profile(call: Call) -> Response:
    profile = roles_profiles.get_profile(call.backend, call.principal, _setting_id(call, "profile_id"))
    return json_response({"profiles": [profile]})
