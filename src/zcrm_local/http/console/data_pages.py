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

    def load() -> tuple[dict[str, Any], views.RecordPage]:
        return (admin.get_org(console.backend, org_id),
                views.record_page(console.backend, org_id, name, number, PER_PAGE, fields))

    org, found = await run_in_threadpool(load)
    return page(request, "records.html", title=spec.plural_label, org=org, spec=spec, rows=found.rows,
                more=found.more, fields=fields, page_number=number, shown=shown)


async def record(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    name = request.path_params["module"]
    spec = views.module(name)
    record_id = path_id(request.path_params["record_id"], "record")

    def load() -> tuple[dict[str, Any], dict[str, Any] | None]:
        return admin.get_org(console.backend, org_id), views.record_detail(console.backend, org_id, name, record_id)

    org, data = await run_in_threadpool(load)
    if data is None:
        raise admin.not_found("record")
    labels = {f.api_name: f.label for f in spec.fields}
    return page(request, "record.html", title=f"{spec.singular_label} {record_id}", org=org, spec=spec,
                record=data, labels=labels, shown=shown,
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
    ("GET", _O + "/limits", limits_page),
)
