"""The one bulk-write pipeline: every record write (any module, insert, update, delete),
every territory write and every users write runs through ``run_items``.

    lease ids → open the write transaction (``Database.write_retrying``, or a family's own
    wrapper of it that takes its lock first: territories hold the org lock) → per item, in
    order: the step plans it with the domain's rules (or takes the plan the domain made for the
    whole batch, when rules span items) and applies it → after each applied item, the
    ``after_apply`` hooks → the step's ``finish`` (batched writes) → the ``collect`` hooks, given
    every applied item at once (the per-record change log appends there, in one batch) →
    per-item results.

A step that writes a record returns ``Changed(result, change)``: the caller gets ``result``; the
hooks see ``change`` (what the record was and became), so every record write (insert, update,
delete, upsert, clone, change owner, purge; any module) reaches the change log the same way.

An item's refusal (``ZohoError``) never rolls back another item. A lost race runs the whole
transaction again with the same leased ids, so every result is rebuilt from scratch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.records import log as record_log

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
NewId = Callable[[], int]


class Step(Protocol[R_co]):
    """One write kind of one family, built per transaction attempt (it may read what its rules
    need in ``conn``)."""

    def apply(self, index: int, item: Any, new_id: NewId) -> R_co:
        """Plan the item with the domain's rules and write it; raise ``ZohoError`` to refuse it."""
        ...

    def finish(self) -> None:
        """After the last item: writes batched over items (one INSERT of every new record)."""
        ...


@dataclass(frozen=True)
class Changed(Generic[R]):
    """A step's result for an item that wrote a record, with the record change it made
    (``domain/records/change_log.RecordChange``)."""

    result: R
    change: Any


@dataclass
class Applied(Generic[R]):
    """What a hook sees: the item's index, what the step returned and, for a record write, the
    record change it made."""

    index: int
    result: R
    change: Any = None


AfterApply = Callable[[sa.Connection, Applied[Any]], None]
Collect = Callable[[sa.Connection, Principal, Sequence[Applied[Any]]], None]


@dataclass
class Bulk(Generic[R]):
    """Per item, in input order: the step's result or the item's refusal; plus the step that
    made them (its context, e.g. the users to render with)."""

    items: list[R | ZohoError]
    step: Any = None


@dataclass
class Pipeline:
    """Hooks every write of the process runs: after each applied item, and once over every
    applied item before the transaction commits."""

    after_apply: list[AfterApply] = field(default_factory=list)
    collect: list[Collect] = field(default_factory=list)


PIPELINE = Pipeline(collect=[record_log.collect])


Transaction = Callable[[Callable[[sa.Connection, Any], Any]], Any]


def run_items(backend: Backend, principal: Principal, items: Sequence[Any] | Callable[[Any], Sequence[Any]],
              make_step: Callable[[sa.Connection, Any], Step[R]], *, ids_needed: int = 0,
              transaction: Transaction | None = None) -> Bulk[R]:
    """Run ``items`` through the step ``make_step(conn, context)`` builds, in one write transaction.

    ``ids_needed`` ids are leased before the transaction opens. ``transaction`` replaces
    ``Database.write_retrying``: it calls ``run(conn, context)`` with what it loaded under its
    lock (territories: the org lock and the tree). ``items`` may be a function of the step, for
    a batch the domain plans whole inside the transaction.
    """
    leased = backend.ids.lease(principal.org_id, ids_needed) if ids_needed else []
    hooks, collectors = tuple(PIPELINE.after_apply), tuple(PIPELINE.collect)

    def run(conn: sa.Connection, context: Any = None) -> Bulk[R]:
        # A re-run (lost race) starts over with the same leased ids.
        ids: Iterator[int] = iter(leased)
        step = make_step(conn, context)
        out: list[R | ZohoError] = []
        applied: list[Applied[Any]] = []
        for index, item in enumerate(items(step) if callable(items) else items):
            try:
                result = step.apply(index, item, lambda: next(ids))
            except ZohoError as refusal:
                out.append(refusal)
                continue
            done = Applied(index, result.result, result.change) if isinstance(result, Changed) else \
                Applied(index, result)
            for hook in hooks:
                hook(conn, done)
            applied.append(done)
            out.append(done.result)
        step.finish()
        for collector in collectors:
            collector(conn, principal, applied)
        return Bulk(out, step)

    if transaction is not None:
        return transaction(run)  # type: ignore[no-any-return]
    return backend.db.write_retrying(run)
