"""The ordered pipeline every /crm/{version}/… request passes (spec conventions §7).

The first failing check answers; later checks are not evaluated. Anything unexpected becomes
Zoho's INTERNAL_ERROR envelope, logged with a request id, never a traceback to the client.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from zcrm_local.config import OLD_VERSIONS, SERVED_VERSIONS
from zcrm_local.domain import errors as e
from zcrm_local.domain import permissions, scopes
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.modules.registry import resolve_path_module
from zcrm_local.domain.territories import check_feature
from zcrm_local.http.body_limits import CRM_LIMIT
from zcrm_local.http.call import Call, Endpoint, Route
from zcrm_local.http.render import error_response
from zcrm_local.service.auth import Principal, authenticate
from zcrm_local.service.backend import Backend

log = logging.getLogger("zcrm_local.api")

MAX_BODY_BYTES = CRM_LIMIT
_VERSION_NUMBER = {"v2": 2, "v2.1": 2}
_PREFIX = "zoho-oauthtoken "
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_Admitted = tuple[Principal, str, tuple[str, ...], dict[str, str], Endpoint, str | None]


class Gate:
    def __init__(self, backend: Backend, routes: Sequence[Route]) -> None:
        self.backend = backend
        # Literal segments win over placeholders: /users/{id} before /{module}/{id}.
        self.routes = sorted(routes, key=lambda r: -r.literal_count)
        self.dispatch: Any = None  # set by the app factory once the whole app exists

    async def handle(self, request: Request) -> Response:
        try:
            return await self._answer(request)
        except e.ZohoError as refusal:
            return error_response(refusal)
        except Exception:
            request_id = uuid.uuid4().hex
            log.exception("unhandled error, request id %s: %s %s", request_id, request.method, request.url.path)
            return error_response(e.internal_error())

    async def _answer(self, request: Request) -> Response:
        # Checks and a body-less handler share one read transaction (auth, record, users); a
        # body is read only after that transaction ended, so no connection waits on a client.
        with self.backend.one_read():
            principal, version, segments, params, endpoint, module = self._admit(request)
            if request.method not in _BODY_METHODS:
                return endpoint.handler(self._call(request, principal, version, segments, params, module, b""))
        body = await _read_body(request)
        answer = endpoint.handler(self._call(request, principal, version, segments, params, module, body))
        return await answer if inspect.isawaitable(answer) else answer

    def _admit(self, request: Request) -> _Admitted:
        """Checks 1–9, in order."""
        principal = self._authenticate(request.headers.get("authorization"))
        version, segments = _split(request.url.path)
        route, params = self._match(version, segments)
        endpoint = route.methods.get(request.method)
        if endpoint is None:
            raise e.ZohoError(e.ErrorCode.INVALID_REQUEST_METHOD, e.MSG_INVALID_REQUEST_METHOD)
        if version in OLD_VERSIONS and endpoint.since > _VERSION_NUMBER[version]:
            raise e.ZohoError(e.ErrorCode.API_NOT_SUPPORTED,
                e.MSG_API_NOT_SUPPORTED, {"supported_version": endpoint.since})
        module = None
        if "module" in params:
            module = _path_module(params["module"], request.method)
        self._check_scope(principal, endpoint, module)
        if endpoint.territory_feature:
            check_feature(principal.org["territory_state"])
        needed = endpoint.permission.replace("{module}", module) if endpoint.permission and module else endpoint.permission
        permissions.check(principal.is_admin, principal.permissions, needed,
                          endpoint.permission_message or e.MSG_NO_PERMISSION)
        return principal, version, segments, params, endpoint, module

    def _call(self, request: Request, principal: Principal, version: str, segments: tuple[str, ...],
              params: dict[str, str], module: str | None, body: bytes) -> Call:
        return Call(backend=self.backend, principal=principal, method=request.method, version=version,
                    segments=segments, path_params=params, query=request.query_params,
                    headers=request.headers, body=body, module=module, dispatch=self.dispatch)

    def _authenticate(self, header: str | None) -> Principal:
        token = None
        if header:
            lowered = header.lower()
            if lowered.startswith(_PREFIX):
                token = header[len(_PREFIX):].strip()
            elif self.backend.settings.accept_bearer and lowered.startswith("bearer "):
                token = header[len("bearer "):].strip()
        if not token:
            raise e.ZohoError(e.ErrorCode.AUTHENTICATION_FAILURE, e.MSG_AUTHENTICATION_FAILURE)
        return authenticate(self.backend, token)

    def _match(self, version: str, segments: tuple[str, ...]) -> tuple[Route, dict[str, str]]:
        if version in SERVED_VERSIONS or version in OLD_VERSIONS:
            for route in self.routes:
                params = route.match(segments)
                if params is not None:
                    return route, params
        raise e.ZohoError(e.ErrorCode.INVALID_URL_PATTERN, e.MSG_INVALID_URL_PATTERN)

    def _check_scope(self, principal: Principal, endpoint: Endpoint, module: str | None) -> None:
        accepted: frozenset[str] = frozenset()
        for group, resource, op in (endpoint.scope, *endpoint.also):
            if resource == "{module}" and module:
                resource = module_scope_name(module)
            accepted |= scopes.satisfying(group, resource, op)
        if not scopes.allows(principal.scopes, accepted):
            raise e.ZohoError(e.ErrorCode.OAUTH_SCOPE_MISMATCH, e.MSG_OAUTH_SCOPE_MISMATCH)


def module_scope_name(module: str) -> str:
    """``Services__s`` → ``services``, ``Price_Books`` → ``pricebooks`` (ZohoCRM.modules.{word}.READ)."""
    spec = registry.get(module)
    if spec is not None and spec.scope_word:
        return spec.scope_word
    return module.removesuffix("__s").lower()


_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _path_module(segment: str, method: str) -> str:
    """The records path's module (spec 40 §1.1): unknown → ``the module name given seems to be
    invalid``; a UI tab without a records API, or a write to a read-only module (Attachments,
    RQ-1) → ``the given module is not supported in api``."""
    spec = resolve_path_module(segment)
    if spec is None:
        known = registry.known_path_module(segment)
        if known is not None and known.generated_type == "default":
            raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_MODULE_NOT_IN_API, {"resource_path_index": 0})
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_INVALID_MODULE, {"resource_path_index": 0})
    if not spec.record_writes and method in _WRITES:
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_MODULE_NOT_IN_API, {"resource_path_index": 0})
    return spec.api_name


def _split(path: str) -> tuple[str, tuple[str, ...]]:
    parts = path.split("/")
    # "", "crm", version, rest…; a trailing slash leaves an empty segment that matches nothing.
    version = parts[2] if len(parts) > 2 else ""
    return version, tuple(parts[3:])


async def _read_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise e.unable_to_parse()
        chunks.append(chunk)
    return b"".join(chunks)
