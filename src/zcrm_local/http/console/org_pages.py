"""Orgs: list, create, reset, delete, snapshots, fidelity profile, territory switch, clock, fault
rules, API limits, journal size and issued credentials. Each form calls the service function
the admin API calls for the same change, so the same rules answer."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from zcrm_local.http.console.app import Console, page, redirect, secure
from zcrm_local.http.harness.ops import path_id
from zcrm_local.http.render import json_response
from zcrm_local.service.harness import admin, clock, faults, journal, limits, snapshots
from zcrm_local.service.harness.admin import invalid
from zcrm_local.service.oauth import clients

_NUMBER_ERROR = "{name}: a number"


def org_id_of(request: Request) -> int:
    return path_id(request.path_params["org_id"], "org")


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _int(form: FormData, name: str, *, optional: bool = False) -> int | None:
    raw = _text(form, name)
    if not raw and optional:
        return None
    try:
        return int(raw)
    except ValueError:
        raise invalid(f"{name}: an integer") from None


def _float(form: FormData, name: str) -> float:
    try:
        return float(_text(form, name))
    except ValueError:
        raise invalid(_NUMBER_ERROR.format(name=name)) from None


async def orgs(console: Console, request: Request) -> Response:
    found = await run_in_threadpool(admin.list_orgs, console.backend)
    return page(request, "orgs.html", title="Orgs", orgs=found, notice=request.query_params.get("notice"))


async def create_org(console: Console, request: Request) -> Response:
    form = await request.form()
    profile = _text(form, "profile") or None
    size = _int(form, "journal_size", optional=True) or 0

    def make() -> dict[str, Any]:
        made = admin.create(console.backend, _text(form, "name"), territories=form.get("territories") == "on",
                            profile=profile)
        org_id = int(made["org"]["id"])
        if size:
            journal.configure(console.backend, org_id, size)
        return made

    made = await run_in_threadpool(make)
    return redirect(f"/orgs/{made['org']['id']}", f"Org {made['org']['name']} created.")


def _org_view(console: Console, org_id: int) -> dict[str, Any]:
    backend = console.backend
    return {
        "org": admin.get_org(backend, org_id),
        "faults": faults.list_rules(backend, org_id),
        "limits": limits.show(backend, org_id),
        "journal_size": journal.size_of(backend, org_id),
        "clients": clients.list_clients(backend, org_id),
        "editions": list(limits.EDITIONS),
    }


async def org(console: Console, request: Request) -> Response:
    view = await run_in_threadpool(_org_view, console, org_id_of(request))
    return page(request, "org.html", title=view["org"]["name"], notice=request.query_params.get("notice"), **view)


def _action(run: Any, notice: str, *, invalidate: bool = True) -> Any:
    async def handler(console: Console, request: Request) -> Response:
        org_id = org_id_of(request)
        form = await request.form()
        await run_in_threadpool(run, console, org_id, form)
        if invalidate:
            console.harness.invalidate(org_id)
        return redirect(f"/orgs/{org_id}", notice)
    return handler


def _clock(console: Console, org_id: int, form: FormData) -> None:
    backend, action = console.backend, _text(form, "action")
    if action == "freeze":
        at = _text(form, "at")
        clock.freeze(backend, org_id, clock.parse_instant(at) if at else None)
    elif action == "set":
        clock.set_time(backend, org_id, clock.parse_instant(_text(form, "at")))
    elif action == "advance":
        clock.advance(backend, org_id, _float(form, "seconds"))
    elif action == "resume":
        clock.resume(backend, org_id)
    elif action == "reset":
        clock.reset(backend, org_id)
    else:
        raise invalid("action: freeze, set, advance, resume or reset")


def _profile(console: Console, org_id: int, form: FormData) -> None:
    admin.set_profile(console.backend, org_id, _text(form, "profile") or None)


def _territories(console: Console, org_id: int, form: FormData) -> None:
    admin.set_territory_state(console.backend, org_id, _text(form, "state"))


def _fault_add(console: Console, org_id: int, form: FormData) -> None:
    try:
        spec = orjson.loads(_text(form, "rule") or "{}")
    except orjson.JSONDecodeError:
        raise invalid("the fault rule is not JSON") from None
    faults.add(console.backend, org_id, spec)


def _fault_delete(console: Console, org_id: int, form: FormData) -> None:
    faults.delete(console.backend, org_id, path_id(_text(form, "fault_id"), "fault rule"))


def _faults_clear(console: Console, org_id: int, form: FormData) -> None:
    faults.clear(console.backend, org_id)


def _limits(console: Console, org_id: int, form: FormData) -> None:
    if _text(form, "action") == "off":
        limits.switch_off(console.backend, org_id)
        return
    spec: dict[str, Any] = {}
    if _text(form, "edition"):
        spec["edition"] = _text(form, "edition")
        spec["licences"] = _int(form, "licences", optional=True) or 1
    for name in ("credits", "concurrency"):
        value = _int(form, name, optional=True)
        if value is not None:
            spec[name] = value
    limits.configure(console.backend, org_id, spec)


def _journal_size(console: Console, org_id: int, form: FormData) -> None:
    journal.configure(console.backend, org_id, _int(form, "size"))


def _reset(console: Console, org_id: int, form: FormData) -> None:
    snapshots.reset_org(console.backend, org_id)


def _revoke(console: Console, org_id: int, form: FormData) -> None:
    if not clients.revoke_client(console.backend, org_id, _text(form, "client_id")):
        raise admin.not_found("client")


async def delete_org(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    await run_in_threadpool(admin.delete, console.backend, org_id)
    console.harness.invalidate()
    return redirect("/orgs", "Org deleted.")


async def export_snapshot(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    doc = await run_in_threadpool(snapshots.export_org, console.backend, org_id)
    response = json_response(doc)
    response.headers["Content-Disposition"] = f'attachment; filename="org-{org_id}-snapshot.json"'
    return secure(response)


async def import_snapshot(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    form = await request.form()
    upload = form.get("snapshot")
    if upload is None or isinstance(upload, str):
        raise invalid("choose a snapshot file")
    try:
        doc = orjson.loads(await upload.read())
    except orjson.JSONDecodeError:
        raise invalid("the snapshot is not JSON") from None
    await run_in_threadpool(snapshots.import_org, console.backend, org_id, doc)
    console.harness.invalidate(org_id)
    return redirect(f"/orgs/{org_id}", "Snapshot imported.")


_O = "/orgs/{org_id}"
PAGES = (
    ("GET", "/orgs", orgs),
    ("POST", "/orgs", create_org),
    ("GET", _O, org),
    ("POST", _O + "/delete", delete_org),
    ("POST", _O + "/reset", _action(_reset, "Org reset to its fixture.")),
    ("GET", _O + "/snapshot", export_snapshot),
    ("POST", _O + "/snapshot", import_snapshot),
    ("POST", _O + "/profile", _action(_profile, "Fidelity profile set.")),
    ("POST", _O + "/territories", _action(_territories, "Territory feature switched.")),
    ("POST", _O + "/clock", _action(_clock, "Clock changed.")),
    ("POST", _O + "/faults", _action(_fault_add, "Fault rule added.")),
    ("POST", _O + "/faults/delete", _action(_fault_delete, "Fault rule deleted.")),
    ("POST", _O + "/faults/clear", _action(_faults_clear, "Fault rules deleted.")),
    ("POST", _O + "/limits", _action(_limits, "API limits changed.")),
    ("POST", _O + "/journal-size", _action(_journal_size, "Journal size set.")),
    ("POST", _O + "/credentials/revoke", _action(_revoke, "Credentials revoked.")),
)
