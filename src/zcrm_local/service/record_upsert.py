"""Upsert and clone (spec 40 §10, §11): the domain plans each item (match or not, what to
copy), ``record_apply.Writer`` applies it, the caller renders the results."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.modules import registry
from zcrm_local.domain.records import capabilities, clone as clone_rules, results, upsert as rules
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.render import RenderContext, render_record
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.record_apply import Writer
from zcrm_local.service.services import ids_needed
from zcrm_local.store import record_flags, record_match
from zcrm_local.store import records as record_store


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
    order = rules.check_order(spec, capabilities.duplicate_check_field(module, spec.generated_type),
                              duplicate_check_fields)
    leased = backend.ids.lease(principal.org_id, ids_needed(items))

    def run(conn: sa.Connection) -> UpsertOutcome:
        ids: Iterator[int] = iter(leased)
        writer = Writer.open(backend, principal, module, conn, lambda: next(ids))
        guard = _Guard(conn, principal, writer.users, unmodified_since)
        out: list[Upserted | ZohoError] = []
        for index, item in enumerate(items):
            try:
                out.append(_one(conn, writer, guard, principal, spec, order, item, index))
            except ZohoError as refusal:
                out.append(refusal)
        return UpsertOutcome(out, writer.users)

    return backend.db.write_retrying(run)


@dataclass
class _Guard:
    """What may stop the update path before the rules run: a lock, If-Unmodified-Since (§8)."""

    conn: sa.Connection
    principal: Principal
    users: dict[int, UserRef]
    since: datetime | None

    def check(self, row: Any, index: int) -> None:
        record_id = int(row["id"])
        flags = record_flags.flags_of(self.conn, self.principal.org_id, [record_id]).get(record_id, set())
        if record_flags.LOCKED in flags:
            raise rules.locked(index)
        if self.since is not None and row["modified_time"] > self.since:
            details = results.write_success(row["data"], self.users, self.principal.time_zone, created=False)
            raise rules.already_modified(details["details"])


def _one(conn: sa.Connection, writer: Writer, guard: _Guard, principal: Principal, spec: Any, order: list[str],
         item: Any, index: int) -> Upserted:
    source = require_object(item, index)
    if source.get("id") is not None:
        record_id = parse_id(source.get("id"))
        row = record_store.get(conn, principal.org_id, spec.api_name, record_id, for_update=True) \
            if record_id is not None else None
        if row is None:
            raise results.unknown_record(index)
        guard.check(row, index)
        return _update(writer, source, index, row, None)
    for field in order:
        key = rules.match_key(spec, field, source.get(field))
        if key is None:
            continue
        row = record_match.oldest_with(conn, principal.org_id, spec.api_name, field, key,
                                       case_insensitive=rules.is_case_insensitive(spec, field))
        if row is not None:
            guard.check(row, index)
            return _update(writer, source, index, row, field)
    return Upserted(writer.insert(source, index), True, None)


def _update(writer: Writer, item: Any, index: int, row: Any, field: str | None) -> Upserted:
    try:
        record = writer.update(item, index, row)
    except ZohoError as refusal:
        raise rules.with_record_id(refusal, str(row["id"])) from None
    return Upserted(record, False, field)


# ---- clone ----------------------------------------------------------------------------------

class UnknownSource(Exception):
    """The record to clone does not exist (request-level ``INVALID_DATA``)."""


def clone(backend: Backend, principal: Principal, module: str, record_id: int, overrides: dict[str, Any],
          ) -> tuple[dict[str, Any] | ZohoError, dict[int, UserRef]]:
    spec = registry.get(module)
    assert spec is not None
    # The record, the override's member links, and up to 100 links copied from the source.
    leased = backend.ids.lease(principal.org_id, ids_needed([overrides]) + 100)

    def run(conn: sa.Connection) -> tuple[dict[str, Any] | ZohoError, dict[int, UserRef]]:
        ids: Iterator[int] = iter(leased)
        row = record_store.get(conn, principal.org_id, module, record_id)
        if row is None:
            raise UnknownSource()
        writer = Writer.open(backend, principal, module, conn, lambda: next(ids))
        ctx = RenderContext(users=writer.users, time_zone=principal.org["time_zone"],
                            currency_symbol=principal.org["currency_symbol"])
        item = clone_rules.clone_item(spec, render_record(spec, row["data"], ctx), overrides)
        try:
            return writer.insert(item, 0), writer.users
        except ZohoError as refusal:
            return refusal, writer.users

    return backend.db.write_retrying(run)
