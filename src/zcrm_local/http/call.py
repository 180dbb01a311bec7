"""The types of the /crm route table: what a handler receives and what an endpoint declares."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from zcrm_local.domain.depth import MAX_JSON_DEPTH, deeper_than
from starlette.datastructures import Headers, QueryParams
from starlette.responses import Response

from zcrm_local.domain.errors import unable_to_parse
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend


@dataclass
class Call:
    """One authenticated API request, as handlers see it."""

    backend: Backend
    principal: Principal
    method: str
    version: str
    segments: tuple[str, ...]  # path segments after /crm/{version}/
    path_params: dict[str, str]
    query: QueryParams
    headers: Headers
    body: bytes
    module: str | None = None  # canonical module API name for record routes
    # Runs a request through the whole application in-process (composite sub-requests).
    dispatch: Any = None
    _json: Any = field(default=None, init=False)
    _parsed: bool = field(default=False, init=False)

    def json(self) -> Any:
        """The body as JSON whatever its Content-Type (the SDK sends none)."""
        if not self._parsed:
            try:
                self._json = orjson.loads(self.body) if self.body else None
            except orjson.JSONDecodeError:
                raise unable_to_parse() from None
            # Deeper than any Zoho body: refused here, before a rule walks it (D-456).
            if deeper_than(self._json, MAX_JSON_DEPTH):
                raise unable_to_parse()
            self._parsed = True
        return self._json


# A handler answers at once, or (composite requests) is a coroutine that awaits sub-requests.
Handler = Callable[[Call], Response | Awaitable[Response]]
# (group, resource, operation) of the scope an endpoint needs; resource "{module}" is replaced
# by the module's scope name (``Services__s`` → ``services``).
ScopeSpec = tuple[str, str | None, str]


@dataclass(frozen=True)
class Endpoint:
    handler: Handler
    scope: ScopeSpec
    # Other scopes that satisfy the endpoint too (e.g. taxes: org or settings, spec Q-8).
    also: tuple[ScopeSpec, ...] = ()
    # Permission name the caller's profile needs, or None; "{module}" as in scope.
    permission: str | None = None
    permission_message: str | None = None
    # First API version that has this endpoint (older known versions: API_NOT_SUPPORTED).
    since: int = 2
    territory_feature: bool = False


@dataclass(frozen=True)
class Route:
    pattern: tuple[str, ...]  # literal segments, or "{name}" placeholders
    methods: Mapping[str, Endpoint]

    @property
    def literal_count(self) -> int:
        return sum(1 for p in self.pattern if not p.startswith("{"))

    def match(self, segments: tuple[str, ...]) -> dict[str, str] | None:
        if len(segments) != len(self.pattern):
            return None
        params: dict[str, str] = {}
        for want, got in zip(self.pattern, segments, strict=True):
            if want.startswith("{"):
                if not got:
                    return None
                params[want[1:-1]] = got
            elif want != got:
                return None
        return params
