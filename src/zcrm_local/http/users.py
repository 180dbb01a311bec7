"""POST/PUT/DELETE /users, GET /users/actions/count, roles and profiles: parse, call, render."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain import user_writes
from zcrm_local.domain.records.values import parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.render import item_error, item_success, json_response
from zcrm_local.service import users
from zcrm_local.service.users import UserOutcome


def _answer(outcome: UserOutcome, success_status: int) -> Response:
    """One item in ``{"users":[…]}``: the item's own status when refused (spec 40 §19)."""
    if outcome.error is not None:
        return json_response({"users": [item_error(outcome.error)]}, outcome.error.status)
    return json_response({"users": [item_success(outcome.message, dict(outcome.details or {}))]}, success_status)


def _path_id(call: Call, index: int, name: str) -> int:
    ident = parse_id(call.path_params[name])
    if ident is None:
        raise e.invalid_path_id(index)
    return ident


def create_user(call: Call) -> Response:
    item = user_writes.one_user(call.json())
    return _answer(users.create_user(call.backend, call.principal, item), 201)


def update_users(call: Call) -> Response:
    item = user_writes.one_user(call.json())
    user_id = parse_id(item.get("id")) if isinstance(item.get("id"), str | int) else None
    if user_id is None:
        if item.get("id") is None:
            raise e.mandatory_not_found("id", "$.users[0].id")
        return _answer(UserOutcome(error=e.invalid_data("id", "$.users[0].id", e.MSG_INVALID_ID)), 200)
    return _answer(users.update_user(call.backend, call.principal, user_id, item, from_path=False), 200)


def update_user(call: Call) -> Response:
    user_id = _path_id(call, 1, "user_id")
    item = user_writes.one_user(call.json())  # the URL id wins over any id in the body
    return _answer(users.update_user(call.backend, call.principal, user_id, item, from_path=True), 200)


def delete_user(call: Call) -> Response:
    user_id = _path_id(call, 1, "user_id")
    return _answer(users.delete_user(call.backend, call.principal, user_id), 200)


def count_users(call: Call) -> Response:
    return json_response({"count": users.count_users(call.backend, call.principal, call.query.get("type"))})


def list_roles(call: Call) -> Response:
    return json_response({"roles": users.list_roles(call.backend, call.principal)})


def get_role(call: Call) -> Response:
    return json_response({"roles": [users.get_role(call.backend, call.principal, _path_id(call, 2, "role_id"))]})


def list_profiles(call: Call) -> Response:
    found = users.list_profiles(call.backend, call.principal)
    info = {"per_page": 200, "count": len(found), "page": 1, "more_records": False}
    return json_response({"profiles": found, "info": info})


def get_profile(call: Call) -> Response:
    profile_id = _path_id(call, 2, "profile_id")
    return json_response({"profiles": [users.get_profile(call.backend, call.principal, profile_id)]})
