"""Automatic territory assignment by rule criteria, called by every record write.

Contract for the records service (service/records.py): ``after_write`` runs inside the write
transaction, after the record's row was inserted or updated, with the complete stored record.
Modules without territory rules (everything but Accounts, Deals and Leads) are left alone.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend

RULE_MODULES = frozenset({"Accounts", "Deals", "Leads"})


def after_write(conn: sa.Connection, backend: Backend, principal: Principal, module: str,
                record: dict[str, Any]) -> None:
    if module not in RULE_MODULES:
        return
    # Filled in by the territories records side: evaluate the org's rule criteria against the
    # record and store rule assignments in record_territories.
    return
