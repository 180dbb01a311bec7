"""U1 unsubscribe links (spec 70 §7), stored as the org's email settings (kind ``unsubscribe_link``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import unsubscribe as rules
from zcrm_local.domain.outcomes import Outcome, Success
from zcrm_local.domain.metadata import scoped_id
from zcrm_local.domain.times import format_datetime
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.email.mail import user_name
from zcrm_local.store.email import rows as store

KIND = "unsubscribe_link"
DEFAULT_SUFFIX = 9_700_001


def _links(conn: Any, backend: Backend, principal: Principal) -> dict[str, Any]:
    """The org's links. Until it is first changed the Default link is not stored: its id is
    fixed per org, so reads and refused writes leave the store as it was."""
    found = store.settings_of(conn, principal.org_id, KIND)
    if not any(doc.get("name") == rules.DEFAULT_NAME for doc in found.values()):
        created = principal.org["created_time"]
        default = {**rules.default_link(), "created_time": created.isoformat(), "modified_time": created.isoformat(),
                   "created_by": None, "modified_by": None}
        found[default_id(principal)] = default
    return found


def default_id(principal: Principal) -> str:
    return scoped_id(int(principal.org["prefix"]), DEFAULT_SUFFIX)


def _stamp(doc: dict[str, Any], principal: Principal, now: datetime, current: Any) -> dict[str, Any]:
    who = {"name": user_name(principal.user), "id": str(principal.user_id)}
    return {**doc, "created_time": current["created_time"] if current else now.isoformat(),
            "created_by": current["created_by"] if current else who, "modified_time": now.isoformat(),
            "modified_by": who}


def _render(link_id: str, doc: dict[str, Any], tz: str) -> dict[str, Any]:
    out = {"id": link_id, **{k: doc.get(k) for k in rules.KEYS}}
    for key in ("created_time", "modified_time"):
        out[key] = format_datetime(datetime.fromisoformat(doc[key]), tz)
    out["created_by"], out["modified_by"] = doc["created_by"], doc["modified_by"]
    return out


def listing(backend: Backend, principal: Principal, link_id: str | None) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        found = _links(conn, backend, principal)
    items = sorted(found.items(), key=lambda kv: kv[1]["created_time"])
    return [_render(k, v, principal.time_zone) for k, v in items if link_id is None or k == link_id]


def _items(body: Any, maximum: int) -> list[Any]:
    if not isinstance(body, dict) or body.get(rules.WRAPPER) is None:
        raise e.mandatory_not_found(rules.WRAPPER, f"$.{rules.WRAPPER}")
    items = body[rules.WRAPPER]
    if not isinstance(items, list) or not items:
        raise e.wrong_type(rules.WRAPPER, f"$.{rules.WRAPPER}", "jsonarray")
    if len(items) > maximum:
        raise e.invalid_data(rules.WRAPPER, f"$.{rules.WRAPPER}", maximum_length=maximum)
    return items


def create(backend: Backend, principal: Principal, body: Any) -> list[Outcome]:
    items = _items(body, 1)
    now = backend.org_now(principal.org)
    new_id = backend.ids.lease(principal.org_id, 1)[0]

    def write(conn: Any) -> Outcome:
        links = _links(conn, backend, principal)
        if len(links) >= rules.MAX_LINKS:
            raise rules.limit_exceeded()
        try:
            doc = rules.check(0, items[0], None, {d["name"].lower() for d in links.values()})
        except e.ZohoError as refusal:
            return refusal
        link_id = str(new_id)
        store.put_setting(conn, principal.org_id, KIND, link_id, _stamp(doc, principal, now, None))
        return Success(rules.MSG_CREATED, {"id": link_id})

    return [backend.db.write_retrying(write)]


def update(backend: Backend, principal: Principal, body: Any, link_id: str | None) -> list[Outcome]:
    items = _items(body, rules.MAX_LINKS)
    now = backend.org_now(principal.org)

    def write(conn: Any) -> list[Outcome]:
        links = _links(conn, backend, principal)
        if link_id is not None and link_id not in links:
            raise rules.not_in_org()
        out: list[Outcome] = []
        for i, item in enumerate(items):
            target = link_id or (str(item.get("id")) if isinstance(item, dict) and item.get("id") else None)
            if target is None:
                out.append(e.mandatory_not_found("id", f"$.{rules.WRAPPER}[{i}].id"))
                continue
            if target not in links:
                out.append(rules.not_in_org(i))
                continue
            others = {d["name"].lower() for k, d in links.items() if k != target}
            try:
                doc = rules.check(i, item, links[target], others)
            except e.ZohoError as refusal:
                out.append(refusal)
                continue
            links[target] = _stamp(doc, principal, now, links[target])
            store.put_setting(conn, principal.org_id, KIND, target, links[target])
            out.append(Success(rules.MSG_UPDATED, {"id": target}))
        return out

    return backend.db.write_retrying(write)


def delete(backend: Backend, principal: Principal, link_id: str) -> Success:

    def write(conn: Any) -> None:
        links = _links(conn, backend, principal)
        if link_id not in links:
            raise rules.not_in_org()
        if links[link_id]["name"] == rules.DEFAULT_NAME:
            raise e.ZohoError(e.ErrorCode.NOT_ALLOWED, rules.MSG_DEFAULT, {"resource_path_index": 2})
        store.delete_setting(conn, principal.org_id, KIND, link_id)

    backend.db.write_retrying(write)
    return Success(rules.MSG_DELETED, {"id": link_id})


def associations(backend: Backend, principal: Principal) -> list[dict[str, Any]]:
    """Email templates (fixtures) that name a link as ``unsubscribe_link`` ``{"id"}``."""
    with backend.db.read() as conn:
        templates = store.settings_of(conn, principal.org_id, "email_template")
    by_link: dict[str, list[dict[str, Any]]] = {}
    for template_id, doc in templates.items():
        link = doc.get("unsubscribe_link")
        if isinstance(link, dict) and link.get("id"):
            by_link.setdefault(str(link["id"]), []).append({
                "resource": {"name": doc.get("name"), "id": template_id},
                "details": {"module": doc.get("module")}, "type": "email_templates"})
    return [{"id": k, "associated_places": v} for k, v in sorted(by_link.items())]
