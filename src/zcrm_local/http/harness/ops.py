"""What an admin handler gets (``AdminCall``) and how an endpoint is declared (``AdminOp``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.datastructures import QueryParams
from starlette.requests import Request

from zcrm_local.domain.records.values import parse_digits
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness import admin
from zcrm_local.service.harness.admin import AdminError, invalid
from zcrm_local.service.harness.state import Harness


PREFIX = "/_zcrm"
KEY_HEADER = "X-ZCRM-Admin-Key"

@dataclass
class AdminCall:
    backend: Backend
    harness: Harness
    params: dict[str, str]
    query: QueryParams
    body: bytes
    request: Request

    def json(self) -> Any:
        if not self.body:
            return {}
        try:
            return orjson.loads(self.body)
        except orjson.JSONDecodeError:
            raise AdminError("INVALID_JSON", "the body is not JSON", 400) from None

    def obj(self) -> dict[str, Any]:
        doc = self.json()
        if not isinstance(doc, dict):
            raise invalid("the body must be a JSON object")
        return doc

    @property
    def org_id(self) -> int:
        return path_id(self.params["org_id"], "org")


# A handler answers (status, body); a body of None is an empty 204.
AdminHandler = Callable[[AdminCall], tuple[int, Any]]


@dataclass(frozen=True)
class AdminOp:
    method: str
    path: str  # below PREFIX, with {placeholders}
    handler: AdminHandler
    summary: str
    body: Mapping[str, Any] | None = None  # JSON schema of the request body
    query: tuple[str, ...] = ()
    public: bool = False
    tags: tuple[str, ...] = field(default=("admin",))

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.path.strip("/").split("/"))


def path_id(raw: str, what: str) -> int:
    number = parse_digits(raw) if len(raw) <= 19 else None
    if number is None:
        raise admin.not_found(what)
    return number
