"""What is in an org: records of every module, territories, Services, users, roles and
profiles, and the API-limit chart."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from zcrm_local.http.console.app import Console, page
from zcrm_local.http.console.org_pages import org_id_of
from zcrm_local.http.harness.ops import path_id
from zcrm_local.service.console import views
from zcrm_local.service.harness import admin

PER_PAGE = 20
MAX_PAGE = 100
SERVICE_COLUMNS = ("Service_Name", "Status", "Availability_Type", "Available_Days", "Available_Timings",
                   "Members", "Price")


def shown(value: Any) -> str:
    """A rendered field value as text: scalars as they are, objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "name" in value and set(value) <= {"name", "id", "email", "module"}:
        return str(value["name"])
    return orjson.dumps(value).decode()


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return min(max(int(raw), 1), MAX_PAGE) if raw.isdigit() else 1


async def modules(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    org = await run_in_threadpool(admin.get_org, console.backend, org_id)
    return page(request, "modules.html", title="Records", org=org, modules=views.modules())


async def records(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    name = request.path_params["module"]
    spec = views.module(name)
    chosen = [f for f in request.query_params.getlist("field") if spec.field(f)] or None
    default = [f.api_name for f in spec.fields if f.api_name not in ("Created_By", "Modified_By", "Tag")][:6]
    fields = chosen or default
    number = _page_number(request)
    criteria = request.query_params.get("criteria", "").strip()

    def load() -> tuple[dict[str, Any], views.RecordPage | views.SearchPage]:
        org = admin.get_org(console.backend, org_id)
        if criteria:
            return org, views.search_page(console.backend, org_id, name, criteria, number, PER_PAGE, fields)
        return org, views.record_page(console.backend, org_id, name, number, PER_PAGE, fields)

    org, found = await run_in_threadpool(load)
    error = found.error if isinstance(found, views.SearchPage) else None
    return page(request, "records.html", title=spec.plural_label, org=org, spec=spec, rows=found.rows,
                more=found.more, fields=fields, page_number=number, shown=shown, criteria=criteria,
                error=error, error_details=orjson.dumps(error["details"]).decode() if error else "")


async def record(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    name = request.path_params["module"]
    spec = views.module(name)
    record_id = path_id(request.path_params["record_id"], "record")

    def load() -> tuple[dict[str, Any], dict[str, Any] | None, list[dict[str, Any]] | None]:
        org = admin.get_org(console.backend, org_id)
        data = views.record_detail(console.backend, org_id, name, record_id)
        changes = views.record_timeline(console.backend, org_id, name, record_id) if data else None
        return org, data, changes

    org, data, changes = await run_in_threadpool(load)
    if data is None:
        raise admin.not_found("record")
    labels = {f.api_name: f.label for f in spec.fields}
    return page(request, "record.html", title=f"{spec.singular_label} {record_id}", org=org, spec=spec,
                record=data, labels=labels, shown=shown, changes=changes,
                pretty=orjson.dumps({"data": [data]}, option=orjson.OPT_INDENT_2).decode())


async def territories(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)

    def load() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return admin.get_org(console.backend, org_id), views.territory_tree(console.backend, org_id)

    org, tree = await run_in_threadpool(load)
    return page(request, "territories.html", title="Territories", org=org, tree=tree)


async def services(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    number = _page_number(request)

    def load() -> tuple[dict[str, Any], views.RecordPage]:
        return (admin.get_org(console.backend, org_id),
                views.record_page(console.backend, org_id, "Services__s", number, PER_PAGE, list(SERVICE_COLUMNS)))

    org, found = await run_in_threadpool(load)
    return page(request, "services.html", title="Services", org=org, rows=found.rows, more=found.more,
                columns=SERVICE_COLUMNS, page_number=number, shown=shown)


async def users(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)

    def load() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return admin.get_org(console.backend, org_id), views.users(console.backend, org_id)

    org, people = await run_in_threadpool(load)
    roles = {u["role"]["id"]: u["role"]["name"] for u in people if u.get("role")}
    profiles = {u["profile"]["id"]: u["profile"]["name"] for u in people if u.get("profile")}
    return page(request, "users.html", title="Users", org=org, users=people, roles=roles, profiles=profiles)


async def roles_profiles(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)

    def load() -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
        return (admin.get_org(console.backend, org_id), views.roles(console.backend, org_id),
                views.profiles(console.backend, org_id))

    org, roles, profiles = await run_in_threadpool(load)
    return page(request, "roles.html", title="Roles and profiles", org=org, roles=_role_tree(roles),
                profiles=profiles)


def _role_tree(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roles in pre-order under their ``reporting_to``, each with its depth (for the tree)."""
    children: dict[str | None, list[dict[str, Any]]] = {}
    ids = {r["id"] for r in roles}
    for role in roles:
        parent = (role.get("reporting_to") or {}).get("id")
        children.setdefault(parent if parent in ids else None, []).append(role)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for role in children.get(parent, []):
            if role["id"] not in seen:
                seen.add(role["id"])
                out.append({"role": role, "depth": depth})
                walk(role["id"], depth + 1)

    walk(None, 0)
    out.extend({"role": r, "depth": 0} for r in roles if r["id"] not in seen)  # a cycle never hides a role
    return out


def _chart(data: dict[str, Any]) -> dict[str, Any]:
    """Bar geometry for the inline SVG: 24 hourly credit bars and the in-flight gauge."""
    buckets = data["buckets"]
    shown_limits = data["limits"]
    top = max([*buckets, 1])
    bars = [{"x": 40 + i * 20, "height": round(150 * v / top, 1), "value": v, "hour": i} for i, v in enumerate(buckets)]
    cap = shown_limits.get("concurrency_cap")
    in_flight = shown_limits.get("in_flight", 0)
    gauge = round(480 * min(in_flight / cap, 1), 1) if cap else 0
    return {"bars": bars, "top": top, "cap": cap, "in_flight": in_flight, "gauge": gauge}


async def limits_page(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)

    def load() -> tuple[dict[str, Any], dict[str, Any]]:
        return admin.get_org(console.backend, org_id), views.credits_by_hour(console.backend, org_id)

    org, data = await run_in_threadpool(load)
    template = "limits_chart.html" if request.headers.get("HX-Request") else "limits.html"
    return page(request, template, title="API limits", org=org, data=data, chart=_chart(data))


_O = "/orgs/{org_id}"
PAGES = (
    ("GET", _O + "/records", modules),
    ("GET", _O + "/records/{module}", records),
    ("GET", _O + "/records/{module}/{record_id}", record),
    ("GET", _O + "/territories", territories),
    ("GET", _O + "/services", services),
    ("GET", _O + "/users", users),
    ("GET", _O + "/roles", roles_profiles),
    ("GET", _O + "/limits", limits_page),
)
