"""Users of a territory and territories of a user: parse, call the service, render (spec 21 §2–§8)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain.territories.render import CHILD_MAX_PER_PAGE
from zcrm_local.domain.territories.wire import page_params
from zcrm_local.http.call import Call
from zcrm_local.http.render import empty, json_response
from zcrm_local.http.territories.endpoints import page_response, write_response
from zcrm_local.service.territories import members as service

MEMBERS_MAX_PER_PAGE = CHILD_MAX_PER_PAGE  # 200 everywhere but the territory list (OQ-33)


# ---- /settings/territories/{territory_id}/users[/{user_id}] ----------------------------------------

def list_territory_users(call: Call) -> Response:
    page_params(call.query.get("page"), call.query.get("per_page"), MEMBERS_MAX_PER_PAGE)
    users = service.territory_users(call.backend, call.principal, call.path_params["territory_id"])
    return page_response("users", users, call, MEMBERS_MAX_PER_PAGE)


def get_territory_user(call: Call) -> Response:
    users = service.territory_users(call.backend, call.principal, call.path_params["territory_id"],
                                    call.path_params["user_id"])
    return json_response({"users": users}) if users else empty()


def associate_users(call: Call) -> Response:
    results = service.associate(call.backend, call.principal, call.path_params["territory_id"], call.json())
    return write_response("users", results, 200)


def associate_user(call: Call) -> Response:
    """The SDK sends no body on the single-user form; the path names the user."""
    results = service.associate(call.backend, call.principal, call.path_params["territory_id"],
                                user_path_id=call.path_params["user_id"])
    return write_response("users", results, 200)


def disassociate_users(call: Call) -> Response:
    results = service.disassociate(call.backend, call.principal, call.path_params["territory_id"],
                                   call.query.get("ids"))
    return write_response("users", results, 200)


def disassociate_user(call: Call) -> Response:
    results = service.disassociate(call.backend, call.principal, call.path_params["territory_id"],
                                   user_path_id=call.path_params["user_id"])
    return write_response("users", results, 200)


# ---- /users/{user_id}/territories[/{territory_id}] ------------------------------------------------

def list_user_territories(call: Call) -> Response:
    page_params(call.query.get("page"), call.query.get("per_page"), MEMBERS_MAX_PER_PAGE)
    items = service.user_territories(call.backend, call.principal, call.path_params["user_id"])
    return page_response("territories", items, call, MEMBERS_MAX_PER_PAGE)


def get_user_territory(call: Call) -> Response:
    items = service.user_territories(call.backend, call.principal, call.path_params["user_id"],
                                     call.path_params["territory_id"])
    return json_response({"territories": items}) if items else empty()


def add_user_territories(call: Call) -> Response:
    results = service.add_to_user(call.backend, call.principal, call.path_params["user_id"], call.json())
    return write_response("territories", results, 200)


def remove_user_territories(call: Call) -> Response:
    results = service.remove_from_user(call.backend, call.principal, call.path_params["user_id"],
                                       call.query.get("ids"))
    return write_response("territories", results, 200)


def remove_user_territory(call: Call) -> Response:
    results = service.remove_from_user(call.backend, call.principal, call.path_params["user_id"],
                                       territory_path_id=call.path_params["territory_id"])
    return write_response("territories", results, 200)
