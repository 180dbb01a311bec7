"""Search, count and COQL statements: one SQL statement each (plus one per COQL subquery)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.query.tree import Node
from zcrm_local.store.engine import Unindexed
from zcrm_local.store.query.compile import Compiler
from zcrm_local.store.records.rows import SORT_COLUMNS
from zcrm_local.store.tables import records


def _where(org_id: int, module: str, node: Node | None) -> list[Any]:
    clauses: list[Any] = [records.c.org_id == org_id, records.c.module == module]
    if node is not None:
        clauses.append(Compiler(org_id).node(node, records))
    return clauses


def search(conn: sa.Connection, org_id: int, module: str, node: Node | None, *, sort_by: str = "id",
           descending: bool = True, offset: int = 0, limit: int = 200) -> list[sa.RowMapping]:
    column, rid = Unindexed(SORT_COLUMNS[sort_by]), Unindexed(records.c.id)
    keys = (column,) if sort_by == "id" else (column, rid)
    order = tuple(k.desc() if descending else k.asc() for k in keys)
    stmt = sa.select(records).where(*_where(org_id, module, node)).order_by(*order).offset(offset).limit(limit)
    return list(conn.execute(stmt).mappings())


def count(conn: sa.Connection, org_id: int, module: str, node: Node | None) -> int:
    stmt = sa.select(sa.func.count()).select_from(records).where(*_where(org_id, module, node))
    return int(conn.execute(stmt).scalar_one())
