"""Upsert and clone (spec 40 §10, §11): record steps of the write pipeline. The domain plans
each item (match or not, what to copy); the module's write hooks (``apply.RecordOps``) apply it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import capabilities, change_log, results
from zcrm_local.domain.records import clone as clone_rules
from zcrm_local.domain.records import upsert as rules
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.render import RenderContext, render_record
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.pipeline import Changed, NewId, run_items
from zcrm_local.service.records.apply import RecordOps, locked_row, open_ops
from zcrm_local.service.records.locks import is_locked
from zcrm_local.service.records.outcome import ids_needed
from zcrm_local.store.records import match as record_match
from zcrm_local.store.records import rows as record_store


@dataclass
class Upserted:
    record: dict[str, Any]
    inserted: bool
    duplicate_field: str | None


@dataclass
class UpsertOutcome:
    items: list[Upserted | ZohoError]
    users: dict[int, UserRef]


def upsert(backend: Backend, principal: Principal, module: str, items: Sequence[Any],
           duplicate_check_fields: Any, unmodified_since: datetime | None = None) -> UpsertOutcome:
    spec = registry.get(module)
    assert spec is not None
    # Request-level: a bad duplicate_check_fields refuses the whole request before any work.
    order = rules.check_order(spec, capabilities.duplicate_check_field(module), duplicate_check_fields)
    bulk = run_items(backend, principal, items,
                     lambda conn, _: _UpsertStep(conn, principal, open_ops(conn, backend, principal, spec, items),
                                                 spec, order, unmodified_since),
                     ids_needed=ids_needed(items))
    return UpsertOutcome(bulk.items, bulk.step.ops.users)


class _UpsertStep:
    def __init__(self, conn: sa.Connection, principal: Principal, ops: RecordOps, spec: ModuleSpec,
                 order: list[str], since: datetime | None) -> None:
        self.conn, self.principal, self.ops, self.spec, self.order, self.since = conn, principal, ops, spec, order, since

    def apply(self, index: int, item: Any, new_id: NewId) -> Changed[Upserted]:
        conn, org_id, module = self.conn, self.principal.org_id, self.spec.api_name
        source = require_object(item, index)
        if source.get("id") is not None:
            row = locked_row(conn, self.principal, module, parse_id(source.get("id")))
            if row is None:
                raise results.unknown_record(index)
            return self._update(source, index, row, None, new_id)
        for field in self.order:
            key = rules.match_key(self.spec, field, source.get(field))
            if key is None:
                continue
            row = record_match.oldest_with(conn, org_id, module, field, key,
                                           case_insensitive=rules.is_case_insensitive(self.spec, field))
            if row is not None:
                return self._update(source, index, row, field, new_id)
        record = self.ops.insert(index, source, new_id)
        return Changed(Upserted(record, True, None), change_log.written(module, None, record, self.ops.now))

    def _update(self, item: Any, index: int, row: Any, field: str | None, new_id: NewId) -> Changed[Upserted]:
        self._guard(row, index)
        try:
            record = self.ops.update(index, item, row, new_id)
        except ZohoError as refusal:
            raise rules.with_record_id(refusal, str(row["id"])) from None
        return Changed(Upserted(record, False, field),
                       change_log.written(self.spec.api_name, row["data"], record, self.ops.now))

    def _guard(self, row: Any, index: int) -> None:
        """What stops the update path before the rules run: a lock, If-Unmodified-Since (§8)."""
        if is_locked(self.conn, self.principal.org_id, int(row["id"])):
            raise rules.locked(index)
        if self.since is not None and row["modified_time"] > self.since:
            written = results.write_success(row["data"], self.ops.users, self.principal.time_zone, created=False)
            raise rules.already_modified(written.details)

    def finish(self) -> None:
        self.ops.finish()


# ---- clone ----------------------------------------------------------------------------------

class UnknownSource(Exception):
    """The record to clone does not exist (request-level ``INVALID_DATA``)."""


def clone(backend: Backend, principal: Principal, module: str, record_id: int, overrides: dict[str, Any],
          ) -> tuple[dict[str, Any] | ZohoError, dict[int, UserRef]]:
    spec = registry.get(module)
    assert spec is not None
    bulk = run_items(backend, principal, lambda step: [step.item],
                     lambda conn, _: _CloneStep(conn, backend, principal, spec, record_id, overrides),
                     # The record, the override's member links, and up to 100 links copied from the source.
                     ids_needed=ids_needed([overrides]) + 100)
    (outcome,) = bulk.items
    return outcome, bulk.step.ops.users


class _CloneStep:
    """One item: the source record's copy with the body's overrides, inserted by the module's rules."""

    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal, spec: ModuleSpec,
                 record_id: int, overrides: dict[str, Any]) -> None:
        row = record_store.get(conn, principal.org_id, spec.api_name, record_id)
        if row is None:
            raise UnknownSource()
        self.spec = spec
        ctx = RenderContext(users=users_by_id(conn, principal.org_id), time_zone=principal.org["time_zone"],
                            currency_symbol=principal.org["currency_symbol"])
        self.item = clone_rules.clone_item(spec, render_record(spec, row["data"], ctx), overrides)
        self.ops = open_ops(conn, backend, principal, spec, [self.item])

    def apply(self, index: int, item: Any, new_id: NewId) -> Changed[dict[str, Any]]:
        record = self.ops.insert(index, item, new_id)
        return Changed(record, change_log.written(self.spec.api_name, None, record, self.ops.now))

    def finish(self) -> None:
        self.ops.finish()
