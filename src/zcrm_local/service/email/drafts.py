"""E3 drafts and E4 associate email (spec 70 §4.4, §4.5), stored beside the outbox."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import drafts as rules
from zcrm_local.domain.outcomes import Outcome, Success
from zcrm_local.domain.records.modules.registry import get as module_spec
from zcrm_local.domain.records.values import parse_digits
from zcrm_local.domain.times import format_datetime, parse_datetime
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.email.mail import from_addresses, new_message_id, record_of, store_mail
from zcrm_local.store.email import rows as store
from zcrm_local.store.org import orgs as org_store


def _allowed_from(backend: Backend, principal: Principal) -> frozenset[str]:
    return frozenset(a["email"].lower() for a in from_addresses(backend, principal))


def _items(body: Any, wrapper: str, maximum: int) -> list[Any]:
    if not isinstance(body, dict) or body.get(wrapper) is None:
        raise e.mandatory_not_found(wrapper, f"$.{wrapper}")
    items = body[wrapper]
    if not isinstance(items, list) or not items:
        raise e.wrong_type(wrapper, f"$.{wrapper}", "jsonarray")
    if len(items) > maximum:
        raise e.invalid_data(wrapper, f"$.{wrapper}", maximum_length=maximum)
    return items


def create(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> list[Outcome]:
    record_id, _ = record_of(backend, principal, module, raw_id)
    items = _items(body, rules.WRAPPER, rules.MAX_DRAFTS)
    allowed = _allowed_from(backend, principal)
    now = backend.org_now(principal.org)
    out: list[Outcome] = []
    for i, item in enumerate(items):
        try:
            doc = rules.check(i, item, allowed, update=False)
        except e.ZohoError as refusal:
            out.append(refusal)
            continue
        draft_id = new_message_id()
        store_mail(backend, principal, module, record_id, draft_id, doc, source="draft", state="draft",
                   kind="draft", now=now)
        out.append(Success(rules.MSG_CREATED, {"id": draft_id}))
    return out


def _draft(conn: Any, principal: Principal, record_id: int, draft_id: str) -> Any:
    row = store.get(conn, principal.org_id, draft_id)
    return row if row is not None and row["kind"] == "draft" and row["record_id"] == record_id else None


def update(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any,
           draft_id: str | None) -> list[Outcome]:
    record_id, _ = record_of(backend, principal, module, raw_id)
    items = _items(body, rules.WRAPPER, rules.MAX_DRAFTS)
    if draft_id is not None:
        with backend.db.read() as conn:
            if _draft(conn, principal, record_id, draft_id) is None:
                raise rules.bad_draft()
    allowed = _allowed_from(backend, principal)
    now = backend.org_now(principal.org)
    out: list[Outcome] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            out.append(e.wrong_type(rules.WRAPPER, f"$.{rules.WRAPPER}[{i}]", "jsonobject"))
            continue
        target = draft_id or item.get("id")
        if target is None:
            out.append(e.mandatory_not_found("id", f"$.{rules.WRAPPER}[{i}].id"))
            continue

        def write(conn: Any, i: int = i, item: Any = item, target: Any = target) -> Outcome:
            row = _draft(conn, principal, record_id, str(target))
            if row is None:
                return e.invalid_data("id", f"$.{rules.WRAPPER}[{i}].id", rules.MSG_BAD_DRAFT)
            try:
                doc = rules.check(i, {k: v for k, v in item.items() if k != "id"}, allowed, update=True,
                                  current=row["doc"])
            except e.ZohoError as refusal:
                return refusal
            store.update(conn, principal.org_id, str(target), doc=doc, modified_time=now)
            return Success(rules.MSG_UPDATED, {"id": str(target)})

        out.append(backend.db.write_retrying(write))
    return out


def delete(backend: Backend, principal: Principal, module: str, raw_id: str, draft_id: str) -> Success:
    record_id, _ = record_of(backend, principal, module, raw_id)

    def write(conn: Any) -> None:
        if _draft(conn, principal, record_id, draft_id) is None:
            raise rules.bad_draft()
        store.delete(conn, principal.org_id, draft_id)

    backend.db.write_retrying(write)
    return Success(rules.MSG_DELETED, {"id": draft_id})


def _render(row: Any, tz: str) -> dict[str, Any]:
    return {"id": row["message_id"], **row["doc"], "created_time": format_datetime(row["created_time"], tz),
            "modified_time": format_datetime(row["modified_time"], tz)}


def listing(backend: Backend, principal: Principal, module: str, raw_id: str, query: Any,
            draft_id: str | None) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    record_id, _ = record_of(backend, principal, module, raw_id)
    tz = principal.time_zone
    with backend.db.read() as conn:
        if draft_id is not None:
            row = _draft(conn, principal, record_id, draft_id)
            return ([_render(row, tz)] if row is not None else []), None
        rows = store.of_record(conn, principal.org_id, record_id, ("draft",))
    sort_by = query.get("sort_by", "created_time")
    sort_order = query.get("sort_order", "asc")
    if sort_by not in rules.SORT_BY:
        raise rules.pattern("sort_by")
    if sort_order not in rules.SORT_ORDER:
        raise rules.pattern("sort_order")
    page = parse_digits(query.get("page", "1")) or 0
    per_page = parse_digits(query.get("per_page", "200")) or 0
    if not 1 <= page:
        raise e.invalid_param("page")
    if not 1 <= per_page <= 200:
        raise e.invalid_param("per_page")
    rows = sorted(rows, key=lambda r: (r[sort_by], r["seq"]), reverse=sort_order == "desc")
    chunk = rows[(page - 1) * per_page: page * per_page]
    info = {"page": page, "per_page": per_page, "count": len(chunk), "more_records": page * per_page < len(rows)}
    return [_render(r, tz) for r in chunk], info


def associate(backend: Backend, principal: Principal, module: str, raw_id: str, body: Any) -> Outcome:
    record_id, _ = record_of(backend, principal, module, raw_id)
    items = _items(body, rules.ASSOCIATE_WRAPPER, 1)
    try:
        doc = rules.check_associate(items[0])
    except e.ZohoError as refusal:
        return refusal
    owner_id = principal.user_id
    owner = items[0].get("owner")
    if owner is not None:
        wanted = parse_digits(str(owner.get("id", ""))) if isinstance(owner, dict) else None
        with backend.db.read() as conn:
            users = {int(u["id"]) for u in org_store.list_users(conn, principal.org_id)} if wanted else set()
        if wanted is None or wanted not in users:
            return e.ZohoError(e.ErrorCode.INVALID_DATA, rules.MSG_BAD_OWNER,
                               {"api_name": "owner", "json_path": "$.Emails[0].owner"})
        if wanted != principal.user_id and not principal.is_admin:
            raise e.ZohoError(e.ErrorCode.NO_PERMISSION, rules.MSG_ADMIN_ONLY, {}, 403)
        owner_id = wanted
    linked = doc.get("linked_record")
    if isinstance(linked, dict):
        api_name = (linked.get("module") or {}).get("api_name") if isinstance(linked.get("module"), dict) else None
        if api_name is None or module_spec(api_name) is None:
            return e.ZohoError(e.ErrorCode.INVALID_DATA, rules.MSG_BAD_API_NAME,
                               {"api_name": "linked_record", "json_path": "$.Emails[0].linked_record"})
        try:
            record_of(backend, principal, api_name, str(linked.get("id", "")))
        except e.ZohoError:
            return e.ZohoError(e.ErrorCode.INVALID_DATA, rules.MSG_BAD_PARENT,
                               {"api_name": "linked_record", "json_path": "$.Emails[0].linked_record"})
    now = backend.org_now(principal.org)
    with backend.db.read() as conn:
        filed = store.of_record(conn, principal.org_id, record_id, ("filed",))
    if any(r["doc"].get("original_message_id") == doc["original_message_id"] for r in filed):
        return e.ZohoError(e.ErrorCode.DUPLICATE_DATA, e.MSG_DUPLICATE_DATA,
                           {"api_name": "original_message_id", "json_path": "$.Emails[0].original_message_id"})
    message_id = new_message_id()
    at = parse_datetime(doc["date_time"]) or now
    store_mail(backend, principal, module, record_id, message_id, doc, source="associate_email",
               state="sent" if doc["sent"] else "received", kind="filed", now=at, user_id=owner_id)
    message = rules.MSG_ASSOCIATED[backend.profile_of(principal.org)]
    return Success(message, {"message_id": message_id})


def download(backend: Backend, principal: Principal, module: str, raw_id: str, query: Any,
             inline: bool) -> tuple[str, bytes]:
    """(file name, bytes) of a mail's attachment (E5); attachments come from template fixtures."""
    import base64

    for key in ("message_id", "user_id", "id") + (() if inline else ("name",)):
        if not query.get(key):
            raise e.ZohoError(e.ErrorCode.MANDATORY_NOT_FOUND, e.MSG_MANDATORY_NOT_FOUND, {"param_name": key})
    record_id, _ = record_of(backend, principal, module, raw_id)
    with backend.db.read() as conn:
        row = store.get(conn, principal.org_id, query["message_id"])
    found = None
    if row is not None and row["record_id"] == record_id:
        for attachment in row["doc"].get("attachments") or []:
            if str(attachment.get("id")) == query["id"] and isinstance(attachment.get("content"), str):
                found = attachment
    if found is None:
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, e.MSG_INVALID_ID, {"param_name": "id"})
    return str(found.get("file_name") or query.get("name") or "file"), base64.b64decode(found["content"])
