"""Settings endpoints: service preferences, business hours, holidays, taxes, fields, modules."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.values import parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.params import short_page
from zcrm_local.http.render import empty, json_response, outcome_response
from zcrm_local.service.settings import reads as settings


def get_service_preferences(call: Call) -> Response:
    return json_response(settings.get_preferences(call.backend, call.principal))


def update_service_preferences(call: Call) -> Response:
    return outcome_response(settings.update_preferences(call.backend, call.principal, call.json()))


def get_business_hours(call: Call) -> Response:
    body = settings.get_business_hours(call.backend, call.principal)
    return json_response(body) if body is not None else empty()


def create_business_hours(call: Call) -> Response:
    return outcome_response(settings.save_business_hours(call.backend, call.principal, call.json(), creating=True), 201)


def update_business_hours(call: Call) -> Response:
    return outcome_response(settings.save_business_hours(call.backend, call.principal, call.json(), creating=False))


def get_holidays(call: Call) -> Response:
    page, per_page = short_page(call.query)
    body = settings.get_holidays(call.backend, call.principal, year=call.query.get("year"),
                                 type_=call.query.get("type"), page=page, per_page=per_page)
    return json_response(body) if body is not None else empty()


def get_taxes(call: Call) -> Response:
    body = settings.get_taxes(call.backend, call.principal)
    return json_response(body) if body is not None else empty()


def get_tax(call: Call) -> Response:
    tax_id = parse_id(call.path_params["tax_id"])
    if tax_id is None:
        raise e.invalid_path_id(2)
    body = settings.get_taxes(call.backend, call.principal, tax_id)
    return json_response(body) if body is not None else empty()


def get_fields(call: Call) -> Response:
    name = call.query.get("module")
    if not name:
        raise e.required_param_missing("module")
    spec = registry.get(name) or registry.resolve_path_module(name)
    if spec is None:
        # Spec 40 RQ-3: the captured answer, replacing file 12 §6.1's INVALID_DATA.
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_INVALID_MODULE, {})
    return json_response(settings.get_fields(call.backend, call.principal, spec.api_name))


def get_modules(call: Call) -> Response:
    return json_response(settings.get_modules(call.principal))
