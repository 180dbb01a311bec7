"""POST /{module}[/{id}]/actions/assign_territories | remove_territories (spec 21 §10–§11)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.http.call import Call
from zcrm_local.http.territories.endpoints import write_response
from zcrm_local.service.territories import records as service

# Jobs complete before the answer, yet the status says "accepted" (OQ-23).
SCHEDULED_STATUS = 202


def _module(call: Call) -> str:
    assert call.module is not None  # the gate resolves {module} before any handler runs
    return call.module


def assign_territories(call: Call) -> Response:
    results = service.assign(call.backend, call.principal, _module(call), call.json())
    return write_response("data", results, SCHEDULED_STATUS)


def assign_territories_to_record(call: Call) -> Response:
    results = service.assign(call.backend, call.principal, _module(call), call.json(), call.path_params["id"])
    return write_response("data", results, SCHEDULED_STATUS)


def remove_territories(call: Call) -> Response:
    results = service.remove(call.backend, call.principal, _module(call), call.json())
    return write_response("data", results, SCHEDULED_STATUS)


def remove_territories_from_record(call: Call) -> Response:
    results = service.remove(call.backend, call.principal, _module(call), call.json(), call.path_params["id"])
    return write_response("data", results, SCHEDULED_STATUS)
