"""The OpenAPI 3.1 description of every endpoint the server answers, built from the route
tables themselves (the app's routes, ``crm_routes()`` behind the API gate, ``ADMIN_API``), so
it cannot drift from what is served."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zcrm_local.config import OLD_VERSIONS, SERVED_VERSIONS
from zcrm_local.http.call import Route
from zcrm_local.http.harness.ops import KEY_HEADER, PREFIX, AdminOp
from zcrm_local.http.routes import crm_routes

CRM_MOUNT = "/crm/{rest:path}"
ADMIN_MOUNT = PREFIX + "/{rest:path}"

_ZOHO_ERROR = {
    "type": "object",
    "required": ["code", "details", "message", "status"],
    "properties": {"code": {"type": "string"}, "details": {"type": "object"}, "message": {"type": "string"},
                   "status": {"const": "error"}},
}
_ADMIN_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"],
                             "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
}
_ACCOUNTS_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}
_JSON = {"application/json": {"schema": {}}}
# Answers without a body (conventions §3): 204 when there is nothing to give, 304 for a list
# not modified since If-Modified-Since.
_NO_CONTENT = {"204": {"description": "nothing to answer (no body)"}}
_EMPTY_ANSWERS = {
    "GET": {**_NO_CONTENT, "304": {"description": "not modified since If-Modified-Since (no body)"}},
    "POST": _NO_CONTENT, "PUT": _NO_CONTENT, "PATCH": _NO_CONTENT, "DELETE": _NO_CONTENT,
}


def _path_params(segments: Iterable[str]) -> list[dict[str, Any]]:
    return [{"name": s[1:-1], "in": "path", "required": True, "schema": {"type": "string"}}
            for s in segments if s.startswith("{")]


def _crm_paths(routes: list[Route]) -> dict[str, dict[str, Any]]:
    version = {"name": "version", "in": "path", "required": True,
               "schema": {"enum": list(SERVED_VERSIONS + OLD_VERSIONS)}}
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        path = "/crm/{version}/" + "/".join(route.pattern)
        item = paths.setdefault(path, {})
        for method, endpoint in route.methods.items():
            group, resource, op = endpoint.scope
            scope = ".".join(p for p in ("ZohoCRM", group, resource, op) if p)
            doc = (endpoint.handler.__doc__ or "").strip().splitlines()
            item[method.lower()] = {
                "tags": ["Zoho CRM"],
                "operationId": "_".join([method.lower(), *(s.strip("{}") for s in route.pattern)]),
                "summary": doc[0] if doc else endpoint.handler.__name__.replace("_", " "),
                "parameters": [version, *_path_params(route.pattern)],
                "security": [{"zohoOAuth": []}],
                "x-zoho-scope": scope,
                "x-zoho-permission": endpoint.permission,
                "x-since-version": endpoint.since,
                "responses": {
                    "200": {"description": "the resource", "content": _JSON},
                    **_EMPTY_ANSWERS[method],
                    "default": {"description": "a Zoho error", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ZohoError"}}}},
                },
            }
    return paths


def _admin_paths(admin_api: Iterable[AdminOp]) -> dict[str, dict[str, Any]]:
    paths: dict[str, dict[str, Any]] = {}
    for op in admin_api:
        path = PREFIX + op.path
        operation: dict[str, Any] = {
            "tags": list(op.tags),
            "operationId": f"admin_{op.handler.__name__.strip('_')}",
            "summary": op.summary,
            "parameters": _path_params(op.segments) + [
                {"name": q, "in": "query", "required": False, "schema": {"type": "string"}} for q in op.query],
            "security": [] if op.public else [{"adminKey": []}],
            "responses": {
                "200": {"description": "done", "content": _JSON},
                "default": {"description": "an admin error", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/AdminError"}}}},
            },
        }
        if op.body is not None:
            operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": dict(op.body)}}}
        paths.setdefault(path, {})[op.method.lower()] = operation
    return paths


def _plain_paths(app_routes: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Routes mounted directly on the app (the accounts server)."""
    paths: dict[str, dict[str, Any]] = {}
    for route in app_routes:
        if route.path in (CRM_MOUNT, ADMIN_MOUNT):
            continue
        for method in sorted(route.methods or ()):
            if method == "HEAD":
                continue
            paths.setdefault(route.path, {})[method.lower()] = {
                "tags": ["Zoho Accounts"],
                "operationId": "_".join([method.lower(), *route.path.strip("/").split("/")]),
                "summary": f"accounts server: {route.path}",
                "requestBody": {"required": False, "content": {
                    "application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
                "responses": {
                    "200": {"description": "a token answer (or, for some refusals, {\"error\": code})",
                            "content": _JSON},
                    "default": {"description": "a refusal: {\"error\": code}", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/AccountsError"}}}},
                },
            }
    return paths


def openapi_document(app_routes: Iterable[Any], admin_api: Iterable[AdminOp] = ()) -> dict[str, Any]:
    # The admin table is passed in, not imported: the admin router serves this document.
    routes = list(app_routes)
    mounted = {r.path for r in routes}
    paths = _plain_paths(routes)
    if CRM_MOUNT in mounted:
        paths.update(_crm_paths(crm_routes()))
    if ADMIN_MOUNT in mounted:
        paths.update(_admin_paths(admin_api))
    return {
        "openapi": "3.1.0",
        "info": {"title": "zcrm-local", "version": _version(),
                 "description": "A local Zoho CRM REST API v7 server and its admin API (/_zcrm)."},
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": {"ZohoError": _ZOHO_ERROR, "AdminError": _ADMIN_ERROR, "AccountsError": _ACCOUNTS_ERROR},
            "securitySchemes": {
                "zohoOAuth": {"type": "apiKey", "in": "header", "name": "Authorization",
                              "description": "Zoho-oauthtoken <access token>"},
                "adminKey": {"type": "apiKey", "in": "header", "name": KEY_HEADER},
            },
        },
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zcrm-local")
    except PackageNotFoundError:
        return "unknown"
