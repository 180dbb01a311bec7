"""The admin API under /_zcrm/: orgs, reset, snapshots, clock, faults, limits, journal,
fidelity profile, territory switch, record test hooks (admin_hooks.py), and the OpenAPI
description of the whole server.

Outside Zoho's namespace, so its answers are its own: JSON bodies, errors as
``{"error":{"code","message"}}``. Every call but ``GET /_zcrm/openapi.json`` needs the header
``X-ZCRM-Admin-Key``. ``ADMIN_API`` is the route table; the router and the OpenAPI document are
both built from it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route as StarletteRoute

from zcrm_local.domain.records.values import parse_digits
from zcrm_local.domain.text import all_storable
from zcrm_local.http.harness.hooks import HOOK_OPS
from zcrm_local.http.harness.outbox import OUTBOX_OPS
from zcrm_local.http.harness.ops import KEY_HEADER, PREFIX, UNSTORABLE, AdminCall, AdminOp, path_id
from zcrm_local.http.openapi import openapi_document
from zcrm_local.http.render import empty, json_response
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness import admin, clock, faults, journal, limits, snapshots
from zcrm_local.service.harness.admin import AdminError, invalid
from zcrm_local.service.harness.state import Harness

log = logging.getLogger("zcrm_local.admin")

MAX_BODY = 256 * 1024 * 1024


# ---- handlers ------------------------------------------------------------------------------


def _openapi(call: AdminCall) -> tuple[int, Any]:
    return 200, openapi_document(call.request.app.routes, ADMIN_API)


def _list_orgs(call: AdminCall) -> tuple[int, Any]:
    return 200, {"orgs": admin.list_orgs(call.backend)}


def _create_org(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    unknown = sorted(set(doc) - {"name", "territories", "profile", "journal_size"})
    if unknown:
        raise invalid(f"unknown keys: {', '.join(unknown)}")
    territories = doc.get("territories", True)
    if not isinstance(territories, bool):
        raise invalid("territories: true or false")
    size = doc.get("journal_size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= journal.MAX_SIZE:
        raise invalid(f"journal_size: 0 to {journal.MAX_SIZE}")
    return 201, admin.create(call.backend, doc.get("name"), territories=territories,
                             profile=doc.get("profile"), journal_size=size)


def _get_org(call: AdminCall) -> tuple[int, Any]:
    return 200, {"org": admin.get_org(call.backend, call.org_id)}


def _delete_org(call: AdminCall) -> tuple[int, Any]:
    org_id = call.org_id
    admin.delete(call.backend, org_id)
    call.harness.invalidate()
    return 204, None


def _credentials(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    scopes = doc.get("scopes")
    if scopes is not None and (not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes)):
        raise invalid("scopes: a list of scope names")
    user = doc.get("user_id")
    user_id = path_id(user, "user") if isinstance(user, str) else None
    if user is not None and user_id is None:
        raise invalid("user_id: a user id as a string")
    return 201, {"credentials": admin.new_credentials(call.backend, call.org_id, scopes, user_id)}


def _reset(call: AdminCall) -> tuple[int, Any]:
    snapshots.reset_org(call.backend, call.org_id)
    call.harness.invalidate(call.org_id)
    return 200, {"org": admin.get_org(call.backend, call.org_id)}


def _export(call: AdminCall) -> tuple[int, Any]:
    return 200, snapshots.export_org(call.backend, call.org_id)


def _import(call: AdminCall) -> tuple[int, Any]:
    snapshots.import_org(call.backend, call.org_id, call.json("INVALID_SNAPSHOT"))
    call.harness.invalidate(call.org_id)
    return 200, {"org": admin.get_org(call.backend, call.org_id)}


def _clock_show(call: AdminCall) -> tuple[int, Any]:
    return 200, {"clock": clock.show(call.backend, call.org_id)}


def _clock_freeze(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    at = clock.parse_instant(doc["at"]) if doc.get("at") is not None else None
    return 200, {"clock": clock.freeze(call.backend, call.org_id, at)}


def _clock_set(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    if "at" not in doc:
        raise invalid("at: required")
    return 200, {"clock": clock.set_time(call.backend, call.org_id, clock.parse_instant(doc["at"]))}


def _clock_advance(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    if "seconds" not in doc:
        raise invalid("seconds: required")
    return 200, {"clock": clock.advance(call.backend, call.org_id, doc["seconds"])}


def _clock_resume(call: AdminCall) -> tuple[int, Any]:
    return 200, {"clock": clock.resume(call.backend, call.org_id)}


def _clock_reset(call: AdminCall) -> tuple[int, Any]:
    return 200, {"clock": clock.reset(call.backend, call.org_id)}


def _faults_list(call: AdminCall) -> tuple[int, Any]:
    return 200, {"faults": faults.list_rules(call.backend, call.org_id)}


def _faults_add(call: AdminCall) -> tuple[int, Any]:
    rule = faults.add(call.backend, call.org_id, call.json())
    call.harness.invalidate(call.org_id)
    return 201, {"fault": rule}


def _faults_clear(call: AdminCall) -> tuple[int, Any]:
    deleted = faults.clear(call.backend, call.org_id)
    call.harness.invalidate(call.org_id)
    return 200, {"deleted": deleted}


def _fault_delete(call: AdminCall) -> tuple[int, Any]:
    faults.delete(call.backend, call.org_id, path_id(call.params["fault_id"], "fault rule"))
    call.harness.invalidate(call.org_id)
    return 204, None


def _limits_show(call: AdminCall) -> tuple[int, Any]:
    return 200, {"limits": limits.show(call.backend, call.org_id)}


def _limits_set(call: AdminCall) -> tuple[int, Any]:
    shown = limits.configure(call.backend, call.org_id, call.json())
    call.harness.invalidate(call.org_id)
    return 200, {"limits": shown}


def _limits_off(call: AdminCall) -> tuple[int, Any]:
    shown = limits.switch_off(call.backend, call.org_id)
    call.harness.invalidate(call.org_id)
    return 200, {"limits": shown}


def _int_query(query: QueryParams, name: str, low: int = 0, high: int = 2**63 - 1) -> int | None:
    """A whole number in ``low..high``: ids fit the database's 64-bit integers (D-457)."""
    raw = query.get(name)
    if raw is None:
        return None
    number = parse_digits(raw) if len(raw) <= 19 else None
    if number is None or not low <= number <= high:
        raise invalid(f"{name}: a whole number from {low} to {high}")
    return number


def _journal_show(call: AdminCall) -> tuple[int, Any]:
    q = call.query
    since = clock.parse_instant(q["since"], "since") if q.get("since") else None
    limit = _int_query(q, "limit")
    entries = journal.entries(call.backend, call.org_id, limit=100 if limit is None else limit,
                              method=q.get("method"), path=q.get("path"), status=_int_query(q, "status", 100, 599),
                              code=q.get("code"), since=since, after_id=_int_query(q, "after_id"))
    return 200, {"size": journal.size_of(call.backend, call.org_id), "entries": entries}


def _journal_size(call: AdminCall) -> tuple[int, Any]:
    shown = journal.configure(call.backend, call.org_id, call.obj().get("size"))
    call.harness.invalidate(call.org_id)
    return 200, {"journal": shown}


def _journal_clear(call: AdminCall) -> tuple[int, Any]:
    return 200, {"deleted": journal.clear(call.backend, call.org_id)}


def _profile_show(call: AdminCall) -> tuple[int, Any]:
    org = admin.get_org(call.backend, call.org_id)
    return 200, {"profile": org["profile"], "effective_profile": org["effective_profile"]}


def _profile_set(call: AdminCall) -> tuple[int, Any]:
    doc = call.obj()
    if "profile" not in doc:
        raise invalid("profile: required (documented, live, or null)")
    org = admin.set_profile(call.backend, call.org_id, doc["profile"])
    return 200, {"profile": org["profile"], "effective_profile": org["effective_profile"]}


def _territories_show(call: AdminCall) -> tuple[int, Any]:
    return 200, {"territory_state": admin.get_org(call.backend, call.org_id)["territory_state"]}


def _territories_set(call: AdminCall) -> tuple[int, Any]:
    org = admin.set_territory_state(call.backend, call.org_id, call.obj().get("state"))
    return 200, {"territory_state": org["territory_state"]}


_O = "/orgs/{org_id}"
_INSTANT = {"type": "string", "format": "date-time"}

ADMIN_API: tuple[AdminOp, ...] = (
    AdminOp("GET", "/openapi.json", _openapi, "The OpenAPI 3.1 description of every endpoint", public=True),
    AdminOp("GET", "/orgs", _list_orgs, "List orgs"),
    AdminOp("POST", "/orgs", _create_org, "Create an org from the fixture, with administrator credentials",
            {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string"}, "territories": {"type": "boolean"},
                "profile": {"enum": ["documented", "live", None]}, "journal_size": {"type": "integer"}}}),
    AdminOp("GET", _O, _get_org, "One org"),
    AdminOp("DELETE", _O, _delete_org, "Delete an org and everything in it"),
    AdminOp("POST", _O + "/credentials", _credentials, "New self-client credentials for a user of the org",
            {"type": "object", "properties": {"scopes": {"type": "array", "items": {"type": "string"}},
                                              "user_id": {"type": "string"}}}),
    AdminOp("POST", _O + "/reset", _reset, "Reset the org to its fixture (keeps id, identity, credentials)"),
    AdminOp("GET", _O + "/snapshot", _export, "Export the org as a JSON snapshot"),
    AdminOp("PUT", _O + "/snapshot", _import, "Import a snapshot, replacing the org's rows",
            {"type": "object", "required": ["format", "version", "org_id", "tables"]}),
    AdminOp("GET", _O + "/clock", _clock_show, "The org's clock"),
    AdminOp("POST", _O + "/clock/freeze", _clock_freeze, "Freeze the org's clock (at an instant, or now)",
            {"type": "object", "properties": {"at": _INSTANT}}),
    AdminOp("POST", _O + "/clock/set", _clock_set, "Set the org's now",
            {"type": "object", "required": ["at"], "properties": {"at": _INSTANT}}),
    AdminOp("POST", _O + "/clock/advance", _clock_advance, "Move the org's clock by some seconds",
            {"type": "object", "required": ["seconds"], "properties": {"seconds": {"type": "number"}}}),
    AdminOp("POST", _O + "/clock/resume", _clock_resume, "Let a frozen clock run on"),
    AdminOp("DELETE", _O + "/clock", _clock_reset, "Back to the server's clock"),
    AdminOp("GET", _O + "/faults", _faults_list, "Fault rules"),
    AdminOp("POST", _O + "/faults", _faults_add, "Add a fault rule",
            {"type": "object", "properties": {
                "method": {"type": "string"}, "path": {"type": "string"}, "error": {"type": "string"},
                "message": {"type": "string"}, "details": {"type": "object"}, "status": {"type": "integer"},
                "body": {}, "latency_ms": {"type": "number"}, "probability": {"type": "number"},
                "count": {"type": ["integer", "null"]}}}),
    AdminOp("DELETE", _O + "/faults", _faults_clear, "Delete every fault rule"),
    AdminOp("DELETE", _O + "/faults/{fault_id}", _fault_delete, "Delete one fault rule"),
    AdminOp("GET", _O + "/limits", _limits_show, "API limits and usage"),
    AdminOp("PUT", _O + "/limits", _limits_set, "Emulate API limits",
            {"type": "object", "properties": {
                "edition": {"enum": list(limits.EDITIONS)}, "licences": {"type": "integer"},
                "credits": {"type": ["integer", "null"]}, "concurrency": {"type": ["integer", "null"]}}}),
    AdminOp("DELETE", _O + "/limits", _limits_off, "No API limits; usage forgotten"),
    AdminOp("GET", _O + "/journal", _journal_show, "The last requests and answers, newest first",
            query=("limit", "method", "path", "status", "code", "since", "after_id")),
    AdminOp("PUT", _O + "/journal", _journal_size, "How many requests to keep (0: off)",
            {"type": "object", "required": ["size"], "properties": {"size": {"type": "integer"}}}),
    AdminOp("DELETE", _O + "/journal", _journal_clear, "Forget the journal"),
    AdminOp("GET", _O + "/profile", _profile_show, "The org's fidelity profile"),
    AdminOp("PUT", _O + "/profile", _profile_set, "Set the fidelity profile (documented, live, null)",
            {"type": "object", "required": ["profile"], "properties": {"profile": {"enum": ["documented", "live", None]}}}),
    AdminOp("GET", _O + "/territories", _territories_show, "The territory feature switch"),
    AdminOp("PUT", _O + "/territories", _territories_set, "Enable or disable the territory feature",
            {"type": "object", "required": ["state"], "properties": {"state": {"enum": ["enabled", "disabled"]}}}),
    *HOOK_OPS,
    *OUTBOX_OPS,
)


# ---- the router ----------------------------------------------------------------------------


def admin_error(code: str, message: str, status: int, headers: Mapping[str, str] | None = None) -> Response:
    response = json_response({"error": {"code": code, "message": message}}, status)
    response.headers.update(headers or {})
    return response


def _match(segments: tuple[str, ...]) -> list[tuple[AdminOp, dict[str, str]]]:
    found = []
    for op in ADMIN_API:
        if len(op.segments) != len(segments):
            continue
        params: dict[str, str] = {}
        for want, got in zip(op.segments, segments, strict=True):
            if want.startswith("{"):
                params[want[1:-1]] = got
            elif want != got:
                break
        else:
            found.append((op, params))
    return found


class AdminApi:
    def __init__(self, backend: Backend, harness: Harness) -> None:
        self.backend = backend
        self.harness = harness
        self.keys = admin.AdminKeys(backend)

    async def handle(self, request: Request) -> Response:
        try:
            return await self._answer(request)
        except AdminError as refusal:
            return admin_error(refusal.code, refusal.message, refusal.status)
        except Exception:
            request_id = uuid.uuid4().hex
            log.exception("admin API error, request id %s: %s %s", request_id, request.method, request.url.path)
            return admin_error("INTERNAL", f"unexpected error (request id {request_id}); see the server log", 500)

    async def _answer(self, request: Request) -> Response:
        rest = request.url.path[len(PREFIX):]
        segments = tuple(rest.strip("/").split("/")) if rest.strip("/") else ()
        candidates = _match(segments) if rest.startswith("/") else []
        public = any(op.public for op, _ in candidates)
        if not public:
            key = request.headers.get(KEY_HEADER)
            if not key:
                raise AdminError("ADMIN_KEY_REQUIRED", f"send the admin key in the {KEY_HEADER} header", 401)
            if not self.keys.valid(key):
                raise AdminError("ADMIN_KEY_INVALID", "the admin key is not valid", 403)
        if not candidates:
            raise AdminError("NOT_FOUND", "no such admin endpoint", 404)
        chosen = [(op, params) for op, params in candidates if op.method == request.method]
        if not chosen:
            allowed = sorted({op.method for op, _ in candidates})
            return admin_error("METHOD_NOT_ALLOWED", f"allowed: {', '.join(allowed)}", 405,
                               {"Allow": ", ".join(allowed)})
        # Literal segments beat placeholders.
        op, params = max(chosen, key=lambda c: sum(1 for s in c[0].segments if not s.startswith("{")))
        if not all_storable([*params.values(), *request.query_params.multi_items()]):
            raise invalid(UNSTORABLE)
        body = await request.body() if request.method in ("POST", "PUT", "PATCH") else b""
        if len(body) > MAX_BODY:
            raise AdminError("BODY_TOO_LARGE", "the body is too large", 413)
        call = AdminCall(self.backend, self.harness, params, request.query_params, body, request)
        status, doc = op.handler(call)
        return empty(status) if doc is None else json_response(doc, status)


def admin_routes(backend: Backend, harness: Harness) -> list[StarletteRoute]:
    api = AdminApi(backend, harness)
    methods = sorted({op.method for op in ADMIN_API} | {"PATCH", "HEAD", "OPTIONS"})
    return [StarletteRoute(PREFIX + "/{rest:path}", api.handle, methods=methods)]
