"""Record writes of every module, through the one bulk-write pipeline (``service/pipeline.py``).

Each write is a record step of ``service/records/apply.py`` over the write hooks the module's
``ModuleSpec.writer`` names: ``generic`` validates by the module's metadata alone, then places a
territory-capable record in its territories by the rule criteria; ``services`` runs the Services
rule table and its counters (``service/services/writes.py``). Adding a module with no rules of
its own is one spec file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.modules import registry
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import run_items
from zcrm_local.service.records.apply import InsertStep, UpdateStep, open_ops
from zcrm_local.service.records.delete import DeleteStep
from zcrm_local.service.records.outcome import WriteOutcome, ids_needed


def create(backend: Backend, principal: Principal, module: str, items: Sequence[Any]) -> WriteOutcome:
    spec = _spec(module)
    bulk = run_items(backend, principal, items,
                     lambda conn, _: InsertStep(open_ops(conn, backend, principal, spec, items, batch_inserts=True),
                                                spec),
                     ids_needed=ids_needed(items))
    return WriteOutcome(bulk.items, bulk.step.users)


def update(backend: Backend, principal: Principal, module: str, items: Sequence[Any],
           path_id: int | None = None) -> WriteOutcome:
    # Items lock their rows in body order, so two requests naming the same records in
    # different orders can deadlock on PostgreSQL; the loser runs again.
    spec = _spec(module)
    bulk = run_items(backend, principal, items,
                     lambda conn, _: UpdateStep(conn, principal, open_ops(conn, backend, principal, spec, items),
                                                spec, path_id),
                     ids_needed=ids_needed(items))
    return WriteOutcome(bulk.items, bulk.step.users)


def delete(backend: Backend, principal: Principal, module: str, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    """Soft delete (the recycle bin), per id: the deleted id or its refusal."""
    spec = _spec(module)
    return run_items(backend, principal, raw_ids,
                     lambda conn, _: DeleteStep(conn, principal, open_ops(conn, backend, principal, spec, ()),
                                                spec)).items


def _spec(module: str) -> ModuleSpec:
    spec = registry.get(module)
    assert spec is not None  # record routes carry a module the gate resolved
    return spec
