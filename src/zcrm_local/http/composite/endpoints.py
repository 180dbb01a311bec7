"""C1 — ``POST /__composite_requests`` (spec 70 §3): checks the body, then replays each
sub-request through the application (``dispatch``) with the caller's token; in rollback mode
every sub-request runs inside one write transaction (``service.composite.atomic``)."""

from __future__ import annotations

import time
from typing import Any

import orjson
from starlette.responses import Response

from zcrm_local.domain import errors as e
from zcrm_local.domain.composite import allowed, plan
from zcrm_local.domain.composite import references as refs
from zcrm_local.domain.composite.request import WRAPPER, SubRequest, check_items, read_flags, read_list
from zcrm_local.http.call import Call
from zcrm_local.http.composite.dispatch import CONTENT_TYPE, SubResponse
from zcrm_local.http.render import json_response, outcome_body
from zcrm_local.service.composite import atomic

TIME_LIMIT_S = 300.0
_RESPONSE_HEADERS = {"content-type": CONTENT_TYPE, "Content-Disposition": "attachment; filename=response.json"}


async def composite(call: Call) -> Response:
    doc = call.json()
    flags = read_flags(doc if isinstance(doc, dict) else {})
    items = read_list(doc)
    version = int(call.version[1:].split(".")[0])
    checked = check_items(items, version)
    for i, sub in enumerate(checked):
        if isinstance(sub, SubRequest):
            segments = _segments(sub.uri)
            if allowed.restricted_params(sub.method, segments, {**_query(sub.uri), **sub.params}):
                checked[i] = e.invalid_data("params", f"$.{WRAPPER}[{i}].params", restricted_params=["ids"])
            elif allowed.classify(sub.method, segments) is None:
                checked[i] = allowed.unsupported(i)
    deps = plan.check_references(checked, plan.ids_of(items), flags.parallel)
    results: list[Any] = list(checked)
    if flags.rollback_on_fail:
        rolled = await _run_atomic(call, checked, results)
        executed = len(items) if not rolled else 0
    else:
        rolled = False
        executed = await _run(call, checked, plan.order(checked, deps, flags.parallel), results, flags.parallel)
    status = plan.http_status(flags.rollback_on_fail, rolled, executed, len(items))
    return json_response({WRAPPER: [_item(r) for r in results]}, status)


async def _run(call: Call, checked: list[Any], order: list[int], results: list[Any], parallel: bool) -> int:
    started = time.monotonic()
    answers: dict[int, SubResponse] = {}
    ids = {sub.id: sub.index for sub in checked if isinstance(sub, SubRequest)}
    executed = 0
    for i in order:
        if time.monotonic() - started > TIME_LIMIT_S:
            results[i] = plan.timed_out()
            continue
        outcome = await _one(call, checked[i], ids, answers, parallel)
        results[i] = outcome
        if isinstance(outcome, SubResponse):
            answers[i] = outcome
            executed += 1
    return executed


async def _run_atomic(call: Call, checked: list[Any], results: list[Any]) -> bool:
    """Sequential, in one transaction; the first failure rolls every effect back. True when a
    rollback happened (or nothing could run)."""
    invalid = [i for i, sub in enumerate(checked) if not isinstance(sub, SubRequest)]
    if invalid:
        for i, sub in enumerate(checked):
            if isinstance(sub, SubRequest):
                results[i] = plan.stopped(invalid[0])
        return True
    answers: dict[int, SubResponse] = {}
    ids = {sub.id: sub.index for sub in checked}
    failed: int | None = None
    with atomic(call.backend, call.principal.org_id) as abort:
        for sub in checked:
            outcome = await _one(call, sub, ids, answers, False)
            results[sub.index] = outcome
            if isinstance(outcome, SubResponse):
                answers[sub.index] = outcome
            if not isinstance(outcome, SubResponse) or outcome.status >= 400:
                failed = sub.index
                abort()
                break
    if failed is None:
        return False
    for i in range(len(checked)):
        if i < failed:
            results[i] = plan.rolled_back(failed)
        elif i > failed:
            results[i] = plan.stopped(failed)
    return True


async def _one(call: Call, sub: SubRequest, ids: dict[str, int], answers: dict[int, SubResponse],
               parallel: bool) -> SubResponse | e.ZohoError:
    def lookup(sid: str) -> Any:
        target = ids.get(sid)
        answer = answers.get(target) if target is not None else None
        if answer is None or (parallel and answer.status >= 400):
            raise refs.BadReference("", "")
        return answer.body

    try:
        uri = _resolved(sub.uri, "uri", lookup)
        params = {k: _resolved(v, f"params.{k}", lookup) for k, v in sub.params.items()}
        headers = {k: _resolved(v, f"headers.{k}", lookup) for k, v in sub.headers.items()}
        body = refs.substitute(sub.body, "body", lookup) if sub.method != "GET" else None
    except refs.BadReference as bad:
        where, whole = _first_reference(sub, bad)
        return refs.invalid_reference(sub.index, where, whole)
    segments = _segments(uri)
    cap = allowed.classify(sub.method, segments)
    if cap is None:
        return allowed.unsupported(sub.index)
    params = {k: _text(v) for k, v in params.items()}
    refusal = allowed.cap_refusal(cap, sub.method, {**_query(uri), **params}, body)
    if refusal is not None:
        return SubResponse(refusal.status, refusal.body())
    if cap is allowed.Cap.PAGE and sub.method == "GET" and "per_page" not in params and "per_page" not in _query(uri):
        params["per_page"] = str(allowed.PAGE_LIMIT)
    sent_headers = {str(k): _text(v) for k, v in headers.items()}
    sent_headers["authorization"] = call.headers.get("authorization", "")
    sent_headers.setdefault("content-type", "application/json")
    raw = orjson.dumps(body) if body is not None else b""
    return await call.dispatch(sub.method, uri, params, sent_headers, raw)


def _resolved(value: Any, where: str, lookup: Any) -> Any:
    return refs.substitute(value, where, lookup)


def _first_reference(sub: SubRequest, bad: refs.BadReference) -> tuple[str, str]:
    if bad.reference:
        return bad.where, bad.reference
    # The lookup failed (unknown, unexecuted or failed sub-request): name its first reference.
    found = refs.found(sub.uri, sub.params, sub.headers, sub.body if sub.method != "GET" else None)
    return (found[0][0], found[0][1]) if found else ("uri", sub.uri)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return orjson.dumps(value).decode()
    return "" if value is None else str(value)


def _segments(uri: str) -> tuple[str, ...]:
    path = uri.split("?", 1)[0]
    parts = path.split("/")
    for i, part in enumerate(parts):
        if i >= 2 and part[:1] == "v" and part[1:].replace(".", "").isdigit():
            return tuple(parts[i + 1:])
    return ()


def _query(uri: str) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(uri.partition("?")[2]))


def _item(result: Any) -> dict[str, Any]:
    if isinstance(result, SubResponse):
        return {"code": "SUCCESS", "details": {"response": {
            "headers": dict(_RESPONSE_HEADERS), "status_code": result.status, "body": result.body}},
            "message": plan.MSG_EXECUTED, "status": "success"}
    return outcome_body(result)
