"""/settings/modules, /settings/modules/{api_name}, /settings/fields/{id}, /settings/layouts and
/settings/related_lists (spec 40 §1.2–§1.6)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.settings.catalogue import MODULE_STATUSES
from zcrm_local.domain.times import parse_http_or_iso
from zcrm_local.http.call import Call
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.settings import catalogue


def _module_param(call: Call, unknown_details: dict[str, str]) -> ModuleSpec:
    name = call.query.get("module")
    if not name:
        raise e.required_param_missing("module")
    spec = registry.known_path_module(name)
    if spec is None:
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_INVALID_MODULE, unknown_details)
    return spec


def fields_module(call: Call) -> ModuleSpec:
    """``module`` of ``/settings/fields``: unknown → ``INVALID_MODULE`` ``{}`` (spec 40 RQ-3)."""
    return _module_param(call, {})


def get_modules(call: Call) -> Response:
    raw = call.query.get("status")
    statuses = None
    if raw is not None:
        statuses = [part.strip() for part in raw.split(",")]
        if not all(part in MODULE_STATUSES for part in statuses):
            raise e.invalid_param("status", MODULE_STATUSES)
    header = call.headers.get("if-modified-since")
    if header:
        since = parse_http_or_iso(header)
        if since is None:
            raise e.invalid_param("If-Modified-Since")
        if not catalogue.metadata_changed_since(call.principal, since):
            return empty(304)
    return json_response(catalogue.list_modules(call.backend, call.principal, statuses))


def get_module(call: Call) -> Response:
    return json_response(catalogue.get_module(call.backend, call.principal, call.path_params["api_name"]))


def get_field(call: Call) -> Response:
    spec = fields_module(call)
    return json_response(catalogue.get_field(call.backend, call.principal, spec, call.path_params["field_id"]))


def get_layouts(call: Call) -> Response:
    spec = _module_param(call, {"param_name": "module"})
    return json_response(catalogue.layouts(call.backend, call.principal, spec, None))


def get_layout(call: Call) -> Response:
    spec = _module_param(call, {"param_name": "module"})
    return json_response(catalogue.layouts(call.backend, call.principal, spec, call.path_params["layout_id"]))


def get_related_lists(call: Call) -> Response:
    spec = _module_param(call, {"param_name": "module"})
    body = catalogue.related_lists(call.backend, call.principal, spec, None)
    return json_response(body) if body else empty()


def get_related_list(call: Call) -> Response:
    spec = _module_param(call, {"param_name": "module"})
    body = catalogue.related_lists(call.backend, call.principal, spec, call.path_params["list_id"])
    return json_response(body) if body is not None else empty()
