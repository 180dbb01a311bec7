"""``GET /{module}/search``, ``GET /{module}/actions/count`` and ``POST /coql`` (spec 50)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.query import search as search_rules
from zcrm_local.domain.query.fields import query_fields
from zcrm_local.domain.records.modules import registry
from zcrm_local.http.call import Call
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.query import coql as coql_service
from zcrm_local.service.query import search as search_service

_BAD_EXTERNAL = "The value of the external field is invalid."


def _spec(call: Call):  # type: ignore[no-untyped-def]
    assert call.module is not None  # the gate resolves {module}
    spec = registry.get(call.module)
    assert spec is not None
    return spec


def _check_external(call: Call) -> None:
    header = call.headers.get("x-external")
    if header is None:
        return
    module, _, field = header.partition(".")
    spec = _spec(call)
    target = query_fields(spec).get(field.lower()) if module.lower() == spec.api_name.lower() else None
    if target is None or target.spec is None or not getattr(target.spec, "external", False):
        raise ZohoError(ErrorCode.INVALID_DATA, _BAD_EXTERNAL, {"api_name": "X-EXTERNAL"})


def search_records(call: Call) -> Response:
    spec = _spec(call)
    profile = call.backend.profile_of(call.principal.org)
    if search_rules.applied_param(call.query) is None:
        raise search_rules.expected_param_missing(profile)
    _check_external(call)
    found = search_service.run(call.backend, call.principal, spec, call.query)
    params, data = found.params, found.data
    if not data:
        return empty()
    info: dict[str, object] = {"per_page": params.per_page, "count": len(data)}
    if params.applied == "criteria":
        info["sort_by"] = params.sort_by
    info["page"] = params.page
    if params.applied == "criteria":
        info["sort_order"] = "desc" if params.descending else "asc"
    info["more_records"] = found.more
    return json_response({"data": data, "info": info})


def record_count(call: Call) -> Response:
    spec = _spec(call)
    profile = call.backend.profile_of(call.principal.org)
    params = search_rules.parse_search(call.query, spec, registry.get, profile, call.principal.time_zone,
                                       counting=True)
    return json_response({"count": search_service.count(call.backend, call.principal, spec.api_name, params)})


def coql(call: Call) -> Response:
    body = call.json()
    if not isinstance(body, dict):
        raise ZohoError(ErrorCode.INVALID_DATA, "invalid data", {})
    text = body.get("select_query")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ZohoError(ErrorCode.MANDATORY_NOT_FOUND, "mandatory key not found", {"api_name": "select_query"})
    if not isinstance(text, str):
        raise ZohoError(ErrorCode.INVALID_DATA, "invalid data", {"expected_data_type": "text",
                                                                  "api_name": "select_query",
                                                                  "json_path": "$.select_query"})
    data, more = coql_service.run(call.backend, call.principal, text)
    if not data:
        return empty()
    return json_response({"data": data, "info": {"count": len(data), "more_records": more}})
