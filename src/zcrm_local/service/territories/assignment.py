"""Automatic territory assignment by rule criteria, called by every record write (spec 21 §14).

Contract for the records service (service/records.py): ``after_write`` runs inside the write
transaction, after the record's row was inserted or updated, with the complete stored record.
Accounts, Deals and Leads follow their rule criteria; Contacts (and Deals while the deal rule
is off) inherit from the linked records. Other modules, and orgs with the feature off, are left
alone. Manual entries are never touched; automatic ones are recomputed.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.domain.territories.criteria import EvalEnv
from zcrm_local.domain.territories.wire import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.territories.context import FIELDS, territory_settings
from zcrm_local.store.territories import rows as store


def after_write(conn: sa.Connection, backend: Backend, principal: Principal, module: str,
                record: dict[str, Any]) -> None:
    org = principal.org
    if module not in t.RECORD_TERRITORY_FIELD or org["territory_state"] != "enabled":
        return
    territories = store.load(conn, principal.org_id)
    if not territories:
        return
    switches = territory_settings(conn, principal.org_id)
    now = backend.org_now(org)
    record_id = int(record["id"])
    new_ids = t.auto_territories(
        module, record, territories, FIELDS.get(module, {}), EvalEnv(now=now, tz=ZoneInfo(org["time_zone"])),
        lead_rule_enabled=switches.lead_rule_enabled,
        deal_rule_enabled=switches.deal_rule_enabled,
        account_territory_ids=_linked(conn, principal.org_id, record.get("Account_Name")),
        contact_territory_ids=_linked(conn, principal.org_id, record.get("Contact_Name")),
        org_prefix=int(org["prefix"]),
    )
    entries = store.entries_of(conn, principal.org_id, [record_id]).get(record_id, ())
    merged = t.merge_automatic(module, entries, new_ids, now)
    if merged != entries:
        store.replace_entries(conn, principal.org_id, record_id, merged)


def _linked(conn: sa.Connection, org_id: int, lookup: Any) -> list[str]:
    """Territory ids currently on the record a lookup names (stored as its id)."""
    ident = parse_id(lookup.get("id") if isinstance(lookup, dict) else lookup)
    if ident is None:
        return []
    return [e.territory_id for e in store.entries_of(conn, org_id, [int(ident)]).get(int(ident), ())]
