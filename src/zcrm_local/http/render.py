"""Every byte the API sends is shaped here: JSON bodies, the error envelope, empty answers."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

from zcrm_local.domain.errors import ZohoError

JSON_TYPE = "application/json;charset=UTF-8"


def json_response(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=JSON_TYPE)


def error_response(error: ZohoError) -> Response:
    """A request-level refusal: the bare four-key object (conventions §4.1)."""
    return json_response(error.body(), error.status)


def empty(status: int = 204) -> Response:
    """204 and 304 carry neither a body nor a Content-Type (conventions §3)."""
    return Response(status_code=status)


def item_error(error: ZohoError) -> dict[str, Any]:
    """One failed item inside a wrapper array (conventions §4.2)."""
    return error.body()


def item_success(message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {"code": "SUCCESS", "details": details, "message": message, "status": "success"}
