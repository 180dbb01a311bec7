"""Every byte the API sends is shaped here: JSON bodies, the error envelope, success items,
empty answers, and the HTTP status of a bulk write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import orjson
from starlette.responses import Response

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.outcomes import Outcome, Success

JSON_TYPE = "application/json;charset=UTF-8"


def json_response(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=JSON_TYPE)


def error_response(error: ZohoError) -> Response:
    """A request-level refusal: the bare four-key object (conventions §4.1)."""
    return json_response(error.body(), error.status)


def empty(status: int = 204) -> Response:
    """204 and 304 carry neither a body nor a Content-Type (conventions §3)."""
    return Response(status_code=status)


def outcome_body(outcome: Outcome) -> dict[str, Any]:
    """One item of a write answer, or a whole single-object answer (conventions §4.2)."""
    if isinstance(outcome, ZohoError):
        return outcome.body()
    body = {"code": outcome.code, **outcome.leading, "details": outcome.details, "message": outcome.message,
            "status": "success"}
    return {outcome.wrapper: body} if outcome.wrapper else body


def outcome_response(outcome: Success, status: int = 200) -> Response:
    return json_response(outcome_body(outcome), status)


def bulk_status(outcomes: Sequence[Outcome | None], ok_status: int, *,
                profile: Literal["documented", "live"] = "documented", same_code: bool = True) -> int:
    """The HTTP status of a bulk write from its per-item outcomes (``None`` also counts as a
    success). All succeeded → ``ok_status`` (201 create, 200 otherwise); mixed → 207; all
    failed → 400, except in the ``documented`` profile when every item failed with one status
    that is not 400 (a per-item ``ZohoError.status``, e.g. ``NOT_ALLOWED`` 403): then that
    status (spec README, Q-14). Records ask for one code as well as one status
    (``same_code``); territories (spec 20 §10, 21 preamble) for one status only.
    """
    errors = [outcome for outcome in outcomes if isinstance(outcome, ZohoError)]
    if not errors:
        return ok_status
    if len(errors) < len(outcomes):
        return 207
    if profile == "documented":
        shared = {(error.code, error.status) if same_code else error.status for error in errors}
        if len(shared) == 1:
            status = errors[0].status
            if status != 400:
                return status
    return 400


def bulk_response(wrapper: str, outcomes: Sequence[Outcome], ok_status: int, *,
                  profile: Literal["documented", "live"] = "documented", same_code: bool = True) -> Response:
    """``{wrapper: [item, …]}`` in input order, with ``bulk_status``."""
    status = bulk_status(outcomes, ok_status, profile=profile, same_code=same_code)
    return json_response({wrapper: [outcome_body(outcome) for outcome in outcomes]}, status)
