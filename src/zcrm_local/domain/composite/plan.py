"""The order sub-requests run in and what the composite answers for those that did not run
(spec 70 §3.2, §3.4, §3.6, §3.7)."""

from __future__ import annotations

import heapq
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.composite import references as refs
from zcrm_local.domain.composite.request import Checked, SubRequest

MSG_EXECUTED = "composite sub request executed successfully"
MSG_ROLLED_BACK = "the transaction was rolled back since another sub request in the same transaction failed."


def ids_of(items: list[Any]) -> dict[str, int]:
    """sub_request_id → index, for every item that names one (or defaults to its index)."""
    out: dict[str, int] = {}
    for i, item in enumerate(items):
        sid = item.get("sub_request_id", str(i)) if isinstance(item, dict) else str(i)
        if isinstance(sid, str):
            out.setdefault(sid, i)
    return out


def check_references(checked: list[Checked], ids: dict[str, int], parallel: bool) -> dict[int, set[int]]:
    """Static reference rules; replaces failing items by their error in ``checked``. Answers
    the dependencies (index → indexes it references) of the valid items."""
    deps: dict[int, set[int]] = {}
    for i, sub in enumerate(checked):
        if not isinstance(sub, SubRequest):
            continue
        try:
            found = refs.found(sub.uri, sub.params, sub.headers, sub.body if sub.method != "GET" else None)
        except refs.BadReference as bad:
            checked[i] = refs.invalid_reference(i, bad.where, bad.reference)
            continue
        mine: set[int] = set()
        for where, whole, sid in found:
            target = ids.get(sid)
            if target is None or target == i or (not parallel and target > i):
                checked[i] = refs.invalid_reference(i, where, whole)
                break
            mine.add(target)
        else:
            deps[i] = mine
    if parallel:
        for i, cycle in _cycles(deps, checked).items():
            checked[i] = cycle
            deps.pop(i, None)
    return deps


def _cycles(deps: dict[int, set[int]], checked: list[Checked]) -> dict[int, e.ZohoError]:
    """Every item on a reference cycle answers LOOPING_FOUND naming the cycle."""
    out: dict[int, e.ZohoError] = {}
    for start in sorted(deps):
        path: list[int] = []
        node: int | None = start
        seen: set[int] = set()
        # Follow the first dependency that leads back; a small graph (≤ 5) keeps this cheap.
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(deps.get(node, ())):
                if nxt == start:
                    cycle = path
                    out.setdefault(start, refs.looping([
                        (_sid(checked, n), [_sid(checked, m) for m in sorted(deps[n])]) for n in cycle]))
                elif nxt not in seen and nxt in deps:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return out


def _sid(checked: list[Checked], index: int) -> str:
    sub = checked[index]
    return sub.id if isinstance(sub, SubRequest) else str(index)


def order(checked: list[Checked], deps: dict[int, set[int]], parallel: bool) -> list[int]:
    """Indexes of the items to run: input order when sequential; dependency order (index order
    breaking ties) when parallel."""
    runnable = [i for i, sub in enumerate(checked) if isinstance(sub, SubRequest)]
    if not parallel:
        return runnable
    waiting = {i: {d for d in deps.get(i, ()) if d in deps} for i in runnable}
    ready = [i for i, need in waiting.items() if not need]
    heapq.heapify(ready)
    out: list[int] = []
    while ready:
        i = heapq.heappop(ready)
        out.append(i)
        for j, need in waiting.items():
            if i in need:
                need.discard(i)
                if not need:
                    heapq.heappush(ready, j)
    # Items waiting on one that is not runnable still run: their reference fails when resolved.
    out += [i for i in runnable if i not in out]
    return out


def rolled_back(by_index: int) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.ROLLBACK_PERFORMED, MSG_ROLLED_BACK, {"rollbacked_by_sub_request_index": by_index})


def stopped(by_index: int) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.PROCESSING_STOPPED, MSG_ROLLED_BACK, {"rollbacked_by_sub_request_index": by_index})


def timed_out() -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.REQUEST_TIMEOUT, "request timed out", {})


def http_status(rollback_on_fail: bool, rolled: bool, executed: int, total: int) -> int:
    if rollback_on_fail:
        return 400 if rolled else 200
    if executed == 0:
        return 400
    return 200 if executed == total else 207
