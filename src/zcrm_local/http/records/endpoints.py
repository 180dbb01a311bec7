"""/{module} and /{module}/{id}: list, get, create, update, delete records."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from zcrm_local.config import OLD_VERSIONS
from zcrm_local.domain import errors as e
from zcrm_local.domain.records import listing, results
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.render import RenderContext, render_record, render_records
from zcrm_local.domain.times import format_datetime, parse_http_or_iso
from zcrm_local.http.call import Call
from zcrm_local.http.records.ops import check_external, check_wf_trigger
from zcrm_local.http.render import bulk_response, empty, json_response, outcome_body
from zcrm_local.service.records import reads as record_reads
from zcrm_local.service.records import writes as record_writes
from zcrm_local.service.records.outcome import WriteOutcome
from zcrm_local.service.territories import records as territory_records


def _render_ctx(call: Call, users: Any, related: Any = None) -> RenderContext:
    return record_reads.render_context(call.principal, _module(call), users, related)


def _module(call: Call) -> str:
    assert call.module is not None  # record routes always carry a module (the gate resolves it)
    return call.module


def _path_id(call: Call) -> int:
    parsed = results.parse_path_id(call.path_params["id"])
    if parsed is None:
        raise e.invalid_path_id(1)
    return parsed


def list_records(call: Call) -> Response:
    assert call.module is not None
    backend, principal = call.backend, call.principal
    now = backend.org_now(principal.org)
    key = record_reads.token_key(backend, principal)
    # ``fields`` became mandatory in v3; a v2/v2.1 list without it returns every field (issue 11).
    params = listing.parse_list(call.query, fields_required=call.version not in OLD_VERSIONS,
                                user_id=principal.user_id, key=key, now=now)
    since = _if_modified_since(call)
    scope = territory_records.territory_scope(backend, principal, call.module, call.query.get("territory_id"),
                                              call.query.get("include_child"))
    page = record_reads.list_page(backend, principal, call.module, params, since, scope)
    if not page.records:
        if since is not None:
            return empty(304)
        return empty()
    spec = registry.get(call.module)
    assert spec is not None
    ctx = _render_ctx(call, page.users, page.related)
    data = render_records(spec, page.records, ctx, params.fields)
    territory_records.territory_field(backend, principal, call.module, data, params.fields)
    next_token, expiry = None, None
    if page.more:
        token, expires = listing.make_token(params.offset + params.per_page, call.query, principal.user_id, key, now)
        next_token, expiry = token, format_datetime(expires, principal.time_zone)
    info = {
        "per_page": params.per_page,
        "count": len(data),
        "page": params.page,
        "sort_by": params.sort_by,
        "sort_order": "desc" if params.descending else "asc",
        "more_records": page.more,
        "next_page_token": next_token,
        "previous_page_token": None,
        "page_token_expiry": expiry,
    }
    return json_response({"data": data, "info": info})


def _if_modified_since(call: Call) -> Any:
    raw = call.headers.get("if-modified-since")
    if not raw:
        return None
    parsed = parse_http_or_iso(raw)
    if parsed is None:
        raise e.unable_to_parse()
    return parsed


def get_record(call: Call) -> Response:
    if (answered := check_external(call)) is not None:
        return answered
    assert call.module is not None
    record_id = _path_id(call)
    found = record_reads.get_full(call.backend, call.principal, call.module, record_id)
    if not found.records:
        return empty()
    record = found.records[0]
    spec = registry.get(call.module)
    assert spec is not None
    fields = call.query.get("fields")
    chosen = [n.strip() for n in fields.split(",") if n.strip()] if fields else None
    data = [render_record(spec, record, _render_ctx(call, found.users, found.related), chosen)]
    territory_records.territory_field(call.backend, call.principal, call.module, data, chosen)
    return json_response({"data": data})


def _write_answer(call: Call, outcome: WriteOutcome, *, created: bool) -> Response:
    tz = call.principal.time_zone
    outcomes = [
        item if isinstance(item, e.ZohoError) else results.write_success(item, outcome.users, tz, created=created)
        for item in outcome.items
    ]
    profile = call.backend.profile_of(call.principal.org)
    return bulk_response("data", outcomes, 201 if created else 200, profile=profile)  # type: ignore[arg-type]


def create_records(call: Call) -> Response:
    items = results.parse_data_array(call.json())
    return _write_answer(call, record_writes.create(call.backend, call.principal, _module(call), items), created=True)


def update_records(call: Call) -> Response:
    items = results.parse_data_array(call.json())
    return _write_answer(call, record_writes.update(call.backend, call.principal, _module(call), items), created=False)


def update_record(call: Call) -> Response:
    if (answered := check_external(call)) is not None:
        return answered
    record_id = _path_id(call)
    items = results.parse_data_array(call.json(), max_items=1)
    record, _ = record_reads.get_one(call.backend, call.principal, _module(call), record_id)
    if record is None:
        raise e.invalid_path_id(1)
    return _write_answer(call, record_writes.update(call.backend, call.principal, _module(call), items, record_id),
                         created=False)


def delete_records(call: Call) -> Response:
    raw_ids = results.parse_delete_ids(call.query.get("ids"))
    check_wf_trigger(call)
    outcome = record_writes.delete(call.backend, call.principal, _module(call), raw_ids)
    outcomes = [item if isinstance(item, e.ZohoError) else results.delete_success(item) for item in outcome]
    return bulk_response("data", outcomes, 200)


def delete_record(call: Call) -> Response:
    if (answered := check_external(call)) is not None:
        return answered
    check_wf_trigger(call)
    record_id = _path_id(call)
    (outcome,) = record_writes.delete(call.backend, call.principal, _module(call), [str(record_id)])
    if isinstance(outcome, e.ZohoError):
        if outcome.code == e.ErrorCode.RECORD_LOCKED:
            return bulk_response("data", [outcome], 200)
        raise results.delete_path_failure()
    return json_response({"data": [outcome_body(results.delete_success(outcome))]})
