"""Record operations beyond CRUD: upsert, clone, rich text, deleted records, timeline and
change owner (spec 40 §10–§15)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.records import capabilities, external, results, timeline
from zcrm_local.domain.records import change_owner as owner_rules
from zcrm_local.domain.records import clone as clone_rules
from zcrm_local.domain.records import deleted as deleted_rules
from zcrm_local.domain.records import upsert as upsert_rules
from zcrm_local.domain.records.values import parse_id
from zcrm_local.domain.times import parse_http_or_iso
from zcrm_local.http.call import Call
from zcrm_local.http.params import positive_int
from zcrm_local.http.render import bulk_response, empty, json_response, outcome_body
from zcrm_local.service.records import external as record_external
from zcrm_local.service.records import history as record_history
from zcrm_local.service.records import owner as record_owner
from zcrm_local.service.records import reads as record_reads
from zcrm_local.service.records import upsert as record_upsert

MSG_NOT_IN_API = "the given module is not supported in api"


def _module(call: Call) -> str:
    assert call.module is not None
    return call.module


def _supported(call: Call, flag: str) -> str:
    """The path's module, refused when it lacks the operation (§1.1 U/C/TL/CO, D-511)."""
    module = _module(call)
    if not getattr(capabilities.support(module), flag):
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, MSG_NOT_IN_API, {"resource_path_index": 0})
    return module


def _path_id(call: Call) -> int:
    parsed = results.parse_path_id(call.path_params["id"])
    if parsed is None:
        raise e.invalid_path_id(1)
    return parsed


def check_external(call: Call) -> Response | None:
    """``X-EXTERNAL`` on a records request (§18): refused unless it names an external field of
    the path's module (a default org has none). On ``/{module}/{value}`` the value is swapped
    for the id of the record holding it; an unknown value answers here (GET 204, else
    ``INVALID_DATA`` ``{"resource_path_index":1}``)."""
    raw = call.headers.get("x-external")
    if raw is None or call.module is None:
        return None
    field = external.parse_header(raw, call.module)
    value = call.path_params.get("id")
    if value is None:
        return None
    found = record_external.resolve(call.backend, call.principal, call.module, field, value)
    if found is None:
        if call.method == "GET":
            return empty()
        raise e.invalid_path_id(1)
    call.path_params["id"] = str(found)
    return None


def check_wf_trigger(call: Call) -> None:
    """``wf_trigger`` of a delete: ``true``/``false`` (§9); workflows are not modelled."""
    raw = call.query.get("wf_trigger")
    if raw is not None and raw not in ("true", "false"):
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, e.MSG_INVALID_DATA, {"param_name": "wf_trigger",
                                                               "expected_data_type": "boolean"})


# ---- upsert (§10) -------------------------------------------------------------------------

def upsert_records(call: Call) -> Response:
    module = _supported(call, "upsert")
    check_external(call)
    body = call.json()
    items = results.parse_data_array(body)
    since = None
    if call.headers.get("if-unmodified-since"):
        since = parse_http_or_iso(call.headers["if-unmodified-since"])
        if since is None:
            raise e.invalid_param("If-Unmodified-Since")
    outcome = record_upsert.upsert(call.backend, call.principal, module, items,
                                   body.get("duplicate_check_fields") if isinstance(body, dict) else None, since)
    tz = call.principal.time_zone
    outcomes = [
        item if isinstance(item, e.ZohoError) else upsert_rules.success(
            results.write_success(item.record, outcome.users, tz, created=item.inserted),
            inserted=item.inserted, duplicate_field=item.duplicate_field)
        for item in outcome.items
    ]
    profile = call.backend.profile_of(call.principal.org)
    if outcomes and all(isinstance(o, e.ZohoError) and o.code == e.ErrorCode.ALREADY_MODIFIED for o in outcomes):
        profile = "documented"  # §8: 412 whatever the profile
    return bulk_response("data", outcomes, 200, profile=profile)  # type: ignore[arg-type]


# ---- clone (§11) --------------------------------------------------------------------------

def clone_record(call: Call) -> Response:
    module = _supported(call, "clone")
    record_id = _path_id(call)
    overrides: dict[str, Any] = {}
    if call.body.strip():
        items = results.parse_data_array(call.json(), max_items=1)
        if not isinstance(items[0], dict):
            raise e.wrong_type("data", "$.data[0]", "jsonobject")
        overrides = items[0]
    try:
        outcome, users = record_upsert.clone(call.backend, call.principal, module, record_id, overrides)
    except record_upsert.UnknownSource:
        raise e.invalid_path_id(1) from None
    if isinstance(outcome, e.ZohoError):
        return json_response({"data": [outcome_body(outcome)]}, 400)
    written = results.write_success(outcome, users, call.principal.time_zone, created=True)
    return json_response({"data": [outcome_body(clone_rules.success(written))]}, 201)


# ---- rich text (§12) ----------------------------------------------------------------------

def _rich_text_fields(call: Call) -> list[str]:
    """A default org has no rich-text field: naming any field is refused (§12)."""
    raw = call.query.get("fields")
    names = [n.strip() for n in raw.split(",") if n.strip()] if raw else []
    if names:
        raise e.invalid_param("fields")
    return names


def fetch_full_data(call: Call) -> Response:
    module = _module(call)
    record_id = _path_id(call)
    _rich_text_fields(call)
    record, _ = record_reads.get_one(call.backend, call.principal, module, record_id)
    if record is None:
        raise e.invalid_path_id(1)
    return json_response({"data": [{"id": str(record["id"])}]})


def fetch_full_data_many(call: Call) -> Response:
    module = _module(call)
    raw = call.query.get("ids")
    entries = [p.strip() for p in (raw or "").split(",") if p.strip()]
    if not entries:
        raise e.required_param_missing("ids")
    if len(entries) > 200:
        raise e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, "limit exceeded", {"limit": 200, "param_name": "ids"})
    _rich_text_fields(call)
    data = []
    for entry in dict.fromkeys(entries):
        ident = parse_id(entry)
        record = record_reads.get_one(call.backend, call.principal, module, ident)[0] if ident else None
        if record is not None:
            data.append({"id": str(record["id"])})
    return json_response({"data": data}) if data else empty()


# ---- deleted records (§13) ----------------------------------------------------------------


def deleted_records(call: Call) -> Response:
    module = _module(call)
    if not capabilities.support(module).deleted:
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, MSG_NOT_IN_API, {"resource_path_index": 0})
    kind = deleted_rules.parse_type(call.query.get("type"))
    page = positive_int(call.query, "page", 1)
    per_page = min(positive_int(call.query, "per_page", deleted_rules.MAX_PER_PAGE), deleted_rules.MAX_PER_PAGE)
    since = None
    if call.headers.get("if-modified-since"):
        since = parse_http_or_iso(call.headers["if-modified-since"])
        if since is None:
            raise e.invalid_param("If-Modified-Since")
    found = record_history.deleted(call.backend, call.principal, module, kind, page, per_page, since)
    if not found.items:
        return empty()  # §13: nothing → 204, with or without If-Modified-Since
    info = {"per_page": per_page, "count": len(found.items), "page": page, "more_records": found.more}
    return json_response({"data": found.items, "info": info})


# ---- timeline (§14) -----------------------------------------------------------------------

def record_timeline(call: Call) -> Response:
    module = _supported(call, "timeline")
    params = timeline.parse(call.query)
    parsed = results.parse_path_id(call.path_params["id"])
    entries = record_history.timeline_page(call.backend, call.principal, module, parsed, params) if parsed else None
    if entries is None:
        raise e.ZohoError(e.ErrorCode.INVALID_DATA, "the related id given seems to be invalid", {"resource_path_index": 1})
    if not entries:
        return empty()
    shown = entries[:params.per_page]
    info = {"per_page": params.per_page, "next_page_token": None, "count": len(shown), "page": 1,
            "previous_page_token": None, "more_records": len(entries) > params.per_page}
    return json_response({"__timeline": shown, "info": info})


# ---- change owner (§15) -------------------------------------------------------------------

def change_owner_bulk(call: Call) -> Response:
    module = _supported(call, "change_owner")
    outcome = record_owner.change_owner(call.backend, call.principal, module, call.json())
    outcomes = [item if isinstance(item, e.ZohoError) else owner_rules.success(item) for item in outcome]
    return bulk_response("data", outcomes, 200)


def change_owner_one(call: Call) -> Response:
    module = _supported(call, "change_owner")
    record_id = _path_id(call)
    (outcome,) = record_owner.change_owner(call.backend, call.principal, module, call.json(), path_id=record_id)
    if isinstance(outcome, e.ZohoError):
        if outcome.code == e.ErrorCode.RECORD_LOCKED:
            raise outcome
        raise e.invalid_path_id(1)
    return json_response({"data": [outcome_body(owner_rules.success(outcome))]})
