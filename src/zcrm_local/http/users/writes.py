"""POST/PUT/DELETE /users: parse, call the service, render its outcome.

One user per request; ``http/render.bulk_response`` answers ``{"users":[item]}`` with the
item's own status when it is refused (spec 40 §19, D-546).
"""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.records.values import parse_id
from zcrm_local.domain.users import writes as rules
from zcrm_local.http.call import Call
from zcrm_local.http.render import bulk_response
from zcrm_local.service.users import writes


def _answer(call: Call, outcome: Outcome, ok_status: int) -> Response:
    profile = call.backend.profile_of(call.principal.org)
    return bulk_response("users", [outcome], ok_status, profile=profile)  # type: ignore[arg-type]


def _path_id(call: Call) -> int:
    ident = parse_id(call.path_params["user_id"])
    if ident is None:
        raise e.invalid_path_id(1)
    return ident


def create_user(call: Call) -> Response:
    item = rules.one_user(call.json())
    return _answer(call, writes.create_user(call.backend, call.principal, item), 201)


def update_users(call: Call) -> Response:
    item = rules.one_user(call.json())
    user_id = parse_id(item.get("id")) if isinstance(item.get("id"), str | int) else None
    if user_id is None:
        if item.get("id") is None:
            raise e.mandatory_not_found("id", "$.users[0].id")
        return _answer(call, rules.unknown_user(), 200)
    return _answer(call, writes.update_user(call.backend, call.principal, user_id, item, from_path=False), 200)


def update_user(call: Call) -> Response:
    user_id = _path_id(call)
    item = rules.one_user(call.json())  # the URL id wins over any id in the body
    return _answer(call, writes.update_user(call.backend, call.principal, user_id, item, from_path=True), 200)


def delete_user(call: Call) -> Response:
    return _answer(call, writes.delete_user(call.backend, call.principal, _path_id(call)), 200)
