"""K1 cadences (spec 70 §8): fixture cadences, and enrolments stored per (cadence, record)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.email import cadences as rules
from zcrm_local.domain.outcomes import Outcome, Success
from zcrm_local.domain.records.values import parse_digits
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.email import rows as store
from zcrm_local.store.records import rows as record_store


def listing(backend: Backend, principal: Principal, query: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    with backend.db.read() as conn:
        found = store.settings_of(conn, principal.org_id, "cadence")
    page = parse_digits(query.get("page", "1")) or 1
    per_page = min(parse_digits(query.get("per_page", "200")) or 200, 200)
    entries = [dict(doc, id=key) for key, doc in found.items()]
    chunk = entries[(page - 1) * per_page: page * per_page]
    return chunk, {"per_page": per_page, "count": len(chunk), "page": page,
                   "more_records": page * per_page < len(entries)}


def enrol(backend: Backend, principal: Principal, module: str, body: Any, enrol: bool) -> list[Outcome]:
    if not principal.is_admin and rules.PERMISSION not in principal.permissions:
        raise rules.no_permission()
    cadence_ids, record_ids = rules.read_body(body)

    def write(conn: Any) -> list[Outcome]:
        chosen = rules.check_cadences(cadence_ids, store.settings_of(conn, principal.org_id, "cadence"))
        out: list[Outcome] = []
        for i, raw in enumerate(record_ids):
            record_id = parse_digits(raw) if len(raw) <= 19 else None
            if record_id is None or record_store.get(conn, principal.org_id, module, record_id) is None:
                out.append(rules.bad_record(i))
                continue
            for cadence in chosen:
                key = f"{cadence['id']}:{record_id}"
                if enrol:
                    store.put_setting(conn, principal.org_id, "enrolment", key, {"module": module})
                else:
                    store.delete_setting(conn, principal.org_id, "enrolment", key)
            out.append(Success(rules.MSG_ENROLLED if enrol else rules.MSG_UNENROLLED,
                               {"id": str(record_id), "cadences": chosen}))
        return out

    return backend.db.write_retrying(write)


def check_module(module: str) -> None:
    if module not in rules.MODULES and not module.endswith("__c"):
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, "the given module is not supported in api",
                          {"resource_path_index": 0})
