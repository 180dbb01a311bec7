"""The per-record change log's hook on the write pipeline (``service/pipeline.py``): every
applied item that changed a record becomes one entry, appended in one batch (one sequence
reservation) inside the write's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.records import change_log as log
from zcrm_local.service.auth import Principal
from zcrm_local.store.records import change_log as log_store


def collect(conn: sa.Connection, principal: Principal, applied: Sequence[Any]) -> None:
    """``applied``: the pipeline's ``Applied`` items; those without a ``RecordChange`` wrote no record."""
    entries = [log.entry_of(item.change, principal.user_id) for item in applied
               if isinstance(item.change, log.RecordChange)]
    log_store.append(conn, principal.org_id, entries)
