"""/settings/recycle_bin (spec 40 §16) and /settings/duplicate_check_preference (§17)."""

from __future__ import annotations

from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.modules.registry import resolve_path_module
from zcrm_local.domain.records import deleted as rules
from zcrm_local.domain.records import dup_preference as pref_rules
from zcrm_local.domain.records import results
from zcrm_local.domain.records.values import parse_id
from zcrm_local.http.call import Call
from zcrm_local.http.params import positive_int
from zcrm_local.http.render import bulk_response, empty, json_response, outcome_body, outcome_response
from zcrm_local.service.records import dup_preference
from zcrm_local.service.records import history as record_history

MAX_DELETE_IDS = 100


def _filter_status(call: Call) -> int:
    return 400 if call.backend.profile_of(call.principal.org) == "live" else 403  # RQ-18


def _ids(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    return list(dict.fromkeys(p.strip() for p in raw.split(",") if p.strip()))



def get_bin(call: Call) -> Response:
    path_id = call.path_params.get("id")
    ids: list[int] | None = None
    filters: list[rules.Condition] = []
    if path_id is not None:
        parsed = parse_id(path_id)
        ids = [parsed] if parsed is not None else []
    elif call.query.get("ids") is not None:
        ids = [i for i in (parse_id(x) for x in _ids(call.query.get("ids")) or []) if i is not None]
    elif call.query.get("filters"):
        filters = rules.parse_filters(call.query["filters"], _filter_status(call))
    sort_by = call.query.get("sort_by", "deleted_time")
    if sort_by not in rules.SORT_BY:
        raise e.invalid_param("sort_by", list(rules.SORT_BY))
    sort_order = call.query.get("sort_order", "desc")
    if sort_order not in ("asc", "desc"):
        raise e.invalid_param("sort_order", ["asc", "desc"])
    page = positive_int(call.query, "page", 1)
    per_page = min(positive_int(call.query, "per_page", rules.MAX_PER_PAGE), rules.MAX_PER_PAGE)
    entries = record_history.bin_entries(call.backend, call.principal, ids, filters, sort_by, sort_order == "desc")
    start = (page - 1) * per_page
    shown = entries[start:start + per_page]
    if not shown:
        return empty()
    info = {"per_page": per_page, "count": len(shown), "page": page, "more_records": len(entries) > start + per_page}
    return json_response({"recycle_bin": shown, "info": info})


def delete_bin(call: Call) -> Response:
    path_id = call.path_params.get("id")
    if path_id is not None:
        raw_ids: list[str] | None = [path_id]
    else:
        raw_ids = _ids(call.query.get("ids"))
    if raw_ids is not None and raw_ids:
        if len(raw_ids) > MAX_DELETE_IDS:
            raise e.ZohoError(e.ErrorCode.LIMIT_EXCEEDED, "Limit Exceeded, You cannot give more than 100 record ids",
                              {"limit": str(MAX_DELETE_IDS), "param_name": "ids"})
        outcome = record_history.purge(call.backend, call.principal, raw_ids, None)
        return bulk_response("recycle_bin", [o if isinstance(o, e.ZohoError) else results.delete_success(o)
                                             for o in outcome], 200)
    if call.query.get("filters"):
        filters = rules.parse_filters(call.query["filters"], _filter_status(call))
        record_history.purge(call.backend, call.principal, None, filters)
        return json_response({"recycle_bin": [outcome_body(rules.purge_scheduled())]}, 202)
    raise e.ZohoError(e.ErrorCode.REQUIRED_PARAM_MISSING, e.MSG_REQUIRED_PARAM_MISSING, {"param": "ids"})


# ---- duplicate check preference (§17) ------------------------------------------------------

def _pref_call(call: Call) -> None:
    pref_rules.check_module(call.query.get("module"), resolve_path_module)
    if not call.principal.is_admin:
        raise e.ZohoError(e.ErrorCode.NO_PERMISSION, e.MSG_NO_PERMISSION, {"permissions": []}, status=403)


def get_duplicate_check_preference(call: Call) -> Response:
    _pref_call(call)
    found = dup_preference.get(call.backend, call.principal)
    return json_response(found) if found else empty()


def write_duplicate_check_preference(call: Call) -> Response:
    _pref_call(call)
    body = call.json() if call.method != "DELETE" else None
    return outcome_response(dup_preference.write(call.backend, call.principal, call.method, body))
