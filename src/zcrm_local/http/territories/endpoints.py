"""/settings/territories…: parse the request, call the service, render the answer (spec 20)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.responses import Response

from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.territories import messages as m
from zcrm_local.domain.territories import page_info, parse_filters, parse_include, parse_inner_details
from zcrm_local.domain.territories.render import CHILD_MAX_PER_PAGE, LIST_MAX_PER_PAGE
from zcrm_local.domain.territories.wire import page_params, page_slice, parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.params import parse_ids
from zcrm_local.http.render import bulk_response, empty, json_response
from zcrm_local.service.territories import crud as service

TERRITORY_PATH_INDEX = 2


def write_response(wrapper: str, results: Sequence[Outcome], ok_status: int) -> Response:
    """Per-item results in input order: all ok → ``ok_status``; mixed → 207; all failed → their
    shared status, else 400 (spec 20 §10, 21 preamble)."""
    return bulk_response(wrapper, results, ok_status, same_code=False)


def page_response(wrapper: str, items: list[dict[str, Any]], call: Call, max_per_page: int) -> Response:
    """One page of a list with the short ``info`` form; 204 when the page is empty."""
    page, per_page = page_params(call.query.get("page"), call.query.get("per_page"), max_per_page)
    chunk = page_slice(items, page, per_page)
    if not chunk:
        return empty()
    return json_response({wrapper: chunk, "info": page_info(len(items), page, per_page)})


def path_territory_id(call: Call) -> str:
    """A non-numeric ``{id}`` is an invalid id, not an unknown URL (spec 20 §3)."""
    ident = parse_id(call.path_params["territory_id"])
    if ident is None:
        raise m.path_id_error(TERRITORY_PATH_INDEX)
    return ident


# ---- reads ---------------------------------------------------------------------------------

def list_territories(call: Call) -> Response:
    filters = parse_filters(call.query.get("filters"))
    raw_ids = call.query.get("ids")
    ids = parse_ids(raw_ids, "ids") if raw_ids else None
    include = parse_include(call.query.get("include"))
    inner = parse_inner_details(call.query.get("include_inner_details"))
    page_params(call.query.get("page"), call.query.get("per_page"), LIST_MAX_PER_PAGE)
    items = service.list_territories(call.backend, call.principal, filters=filters, ids=ids, include=include,
                                     inner=inner)
    return page_response("territories", items, call, LIST_MAX_PER_PAGE)


def get_territory(call: Call) -> Response:
    ident = path_territory_id(call)
    include = parse_include(call.query.get("include"))
    inner = parse_inner_details(call.query.get("include_inner_details"))
    found = service.get_territory(call.backend, call.principal, ident, include, inner)
    return json_response({"territories": [found]}) if found else empty()


def child_territories(call: Call) -> Response:
    filters = parse_filters(call.query.get("filters"))
    inner = parse_inner_details(call.query.get("include_inner_details"))
    page_params(call.query.get("page"), call.query.get("per_page"), CHILD_MAX_PER_PAGE)
    items = service.child_territories(call.backend, call.principal, call.path_params["territory_id"], filters,
                                      inner)
    return page_response("territories", items, call, CHILD_MAX_PER_PAGE)


def associated_users_count(call: Call) -> Response:
    page_params(call.query.get("page"), call.query.get("per_page"), CHILD_MAX_PER_PAGE)
    items = service.associated_users_count(call.backend, call.principal)
    return page_response("associated_users_count", items, call, CHILD_MAX_PER_PAGE)


# ---- writes --------------------------------------------------------------------------------

def create_territories(call: Call) -> Response:
    return write_response("territories", service.create(call.backend, call.principal, call.json()), 201)


def update_territories(call: Call) -> Response:
    return write_response("territories", service.update(call.backend, call.principal, call.json()), 200)


def update_territory(call: Call) -> Response:
    results = service.update(call.backend, call.principal, call.json(), call.path_params["territory_id"])
    return write_response("territories", results, 200)


def delete_territories(call: Call) -> Response:
    results = service.delete(call.backend, call.principal, call.query.get("ids"),
                             delete_previous_forecasts=call.query.get("delete_previous_forecasts"))
    return write_response("territories", results, 200)


def delete_territory(call: Call) -> Response:
    results = service.delete(call.backend, call.principal, None, path_id=call.path_params["territory_id"],
                             delete_previous_forecasts=call.query.get("delete_previous_forecasts"))
    return write_response("territories", results, 200)


def transfer_and_delete_territories(call: Call) -> Response:
    return write_response("territories", service.transfer_and_delete(call.backend, call.principal, call.json()), 200)


def transfer_and_delete_territory(call: Call) -> Response:
    results = service.transfer_and_delete(call.backend, call.principal, call.json(), call.path_params["territory_id"])
    return write_response("territories", results, 200)
