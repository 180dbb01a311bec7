"""Record writes of every module, through the one bulk-write pipeline (``service/pipeline.py``).

A module's ``ModuleSpec.writer`` names its write hooks: ``generic`` validates by the module's
metadata alone, then places a territory-capable record in its territories by the rule criteria;
``services`` runs the Services rule table and its counters (``service/services/writes.py``).
Adding a module with no rules of its own is one spec file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import results
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.generic import RecordContext, write_record
from zcrm_local.domain.records.lookups import ids_in_items
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.pipeline import NewId, run_items
from zcrm_local.service.records.outcome import WriteOutcome, ids_needed
from zcrm_local.service.records.rows import record_row, related_refs
from zcrm_local.service.services import writes as services
from zcrm_local.service.territories import assignment as territory_assignment
from zcrm_local.store.records import rows as record_store


class Writer(Protocol):
    def create(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any]) -> WriteOutcome:
        ...

    def update(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any],
               path_id: int | None) -> WriteOutcome:
        ...

    def delete(self, backend: Backend, principal: Principal, spec: ModuleSpec,
               raw_ids: Sequence[str]) -> list[str | ZohoError]:
        ...


def create(backend: Backend, principal: Principal, module: str, items: Sequence[Any]) -> WriteOutcome:
    spec = _spec(module)
    return WRITERS[spec.writer].create(backend, principal, spec, items)


def update(backend: Backend, principal: Principal, module: str, items: Sequence[Any],
           path_id: int | None = None) -> WriteOutcome:
    spec = _spec(module)
    return WRITERS[spec.writer].update(backend, principal, spec, items, path_id)


def delete(backend: Backend, principal: Principal, module: str, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    spec = _spec(module)
    return WRITERS[spec.writer].delete(backend, principal, spec, raw_ids)


def _spec(module: str) -> ModuleSpec:
    spec = registry.get(module)
    assert spec is not None  # record routes carry a module the gate resolved
    return spec


class _GenericStep:
    """Insert or update one record of a module validated by its metadata alone."""

    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal, spec: ModuleSpec,
                 items: Sequence[Any], path_id: int | None, updating: bool) -> None:
        self.conn, self.backend, self.principal, self.spec = conn, backend, principal, spec
        self.path_id, self.updating = path_id, updating
        self.users = users_by_id(conn, principal.org_id)
        # Every record the batch's lookups name, in one query per attempt; the domain checks
        # each item's lookups against it (D-494).
        related = related_refs(conn, principal.org_id, ids_in_items(spec, items))
        self.ctx = RecordContext(now=backend.org_now(principal.org), users=self.users,
                                 caller=self.users.get(principal.user_id), related=related)

    def apply(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        conn, principal, module = self.conn, self.principal, self.spec.api_name
        stored = _stored(conn, principal, module, item, index, self.path_id) if self.updating else None
        record = write_record(self.spec, item, index, stored["data"] if stored else None, self.ctx, new_id)
        if stored is None:
            record_store.insert(conn, [record_row(principal.org_id, module, record)])
        else:
            record_store.update(conn, principal.org_id, int(record["id"]), stored["version"], data=record,
                                owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
                                modified_time=self.ctx.now)
        territory_assignment.after_write(conn, self.backend, principal, module, record)
        return record

    def finish(self) -> None:
        pass


class _DeleteStep:
    def __init__(self, conn: sa.Connection, principal: Principal, module: str) -> None:
        self.conn, self.principal, self.module = conn, principal, module

    def apply(self, index: int, raw: str, new_id: NewId) -> str:
        ident = parse_id(raw)
        if ident is None or not record_store.delete(self.conn, self.principal.org_id, self.module, ident):
            raise results.delete_failure(raw)
        return raw

    def finish(self) -> None:
        pass


class GenericWriter:
    def create(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any]) -> WriteOutcome:
        return self._write(backend, principal, spec, items, None, updating=False)

    def update(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any],
               path_id: int | None) -> WriteOutcome:
        return self._write(backend, principal, spec, items, path_id, updating=True)

    def delete(self, backend: Backend, principal: Principal, spec: ModuleSpec,
               raw_ids: Sequence[str]) -> list[str | ZohoError]:
        return run_items(backend, principal, raw_ids,
                         lambda conn, _: _DeleteStep(conn, principal, spec.api_name)).items

    @staticmethod
    def _write(backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any], path_id: int | None,
               *, updating: bool) -> WriteOutcome:
        bulk = run_items(backend, principal, items,
                         lambda conn, _: _GenericStep(conn, backend, principal, spec, items, path_id, updating),
                         ids_needed=ids_needed(items))
        return WriteOutcome(bulk.items, bulk.step.users)


def _stored(conn: sa.Connection, principal: Principal, module: str, item: Any, index: int,
            path_id: int | None) -> Any:
    record_id = results.update_item_id(require_object(item, index), index, path_id)
    found = record_store.get(conn, principal.org_id, module, record_id, for_update=True)
    if found is None:
        raise results.unknown_record(index)
    return found


WRITERS: dict[str, Writer] = {"generic": GenericWriter(), "services": services.WRITER}
