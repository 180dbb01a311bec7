"""Automatic assignment by rules (spec 21 §14): which territories a saved record lands in."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping, Sequence

from zcrm_local.domain.metadata import FieldSpec

from .criteria import CriteriaSchema, EvalEnv, matches
from .hierarchy import children, root_id
from .model import MODULE_CRITERIA, Territory, TerritoryEntry
from .records import AUTOMATIC, MANUAL, RECORD_TERRITORY_LIMIT


def rule_territories(
    module: str,
    record: Mapping[str, Any],
    territories: Mapping[str, Territory],
    fields: Mapping[str, FieldSpec],
    env: EvalEnv,
    *,
    org_prefix: int | None = None,
) -> list[str]:
    """The tree walk of §14 step 2 for Accounts, Leads or Deals; result in tree pre-order.

    A root without criteria passes through; any other territory without criteria never matches;
    the deepest matching territories of every matching branch win.
    """
    key = MODULE_CRITERIA[module]
    schema = CriteriaSchema(fields, org_prefix, max_rules=10**6)
    root = root_id(territories)
    if root is None:
        return []

    def walk(ident: str) -> list[str]:
        territory = territories[ident]
        raw = territory.rule(key)
        if raw is None and not territory.is_root:
            return []
        if raw is not None and not matches(raw, schema, record, env):
            return []
        below: list[str] = []
        for child in children(territories, ident):
            below.extend(t for t in walk(child) if t not in below)
        if raw is None:
            return below
        return below or [ident]

    return walk(root)


def auto_territories(
    module: str,
    record: Mapping[str, Any],
    territories: Mapping[str, Territory],
    fields: Mapping[str, FieldSpec],
    env: EvalEnv,
    *,
    lead_rule_enabled: bool = True,
    deal_rule_enabled: bool = True,
    account_territory_ids: Sequence[str] = (),
    contact_territory_ids: Sequence[str] = (),
    org_prefix: int | None = None,
) -> list[str]:
    """§14 steps 2–4: the automatic territory set of a record of ``module`` after a save.

    Contacts inherit their Account's current territories; Deals use the deal rule when it is on,
    otherwise the Contact's territories, else the Account's. ``*_territory_ids`` are the
    territory IDs currently on the linked Account / Contact (any assignment kind).
    """
    if module == "Accounts" or (module == "Leads" and lead_rule_enabled) or (
        module == "Deals" and deal_rule_enabled
    ):
        return rule_territories(module, record, territories, fields, env, org_prefix=org_prefix)
    if module == "Contacts":
        return [t for t in account_territory_ids if t in territories]
    if module == "Deals":
        inherited = contact_territory_ids or account_territory_ids
        return [t for t in inherited if t in territories]
    return []


def merge_automatic(
    module: str, entries: Sequence[TerritoryEntry], new_ids: Sequence[str], now: datetime
) -> tuple[TerritoryEntry, ...]:
    """§14 step 5: keep manual entries, replace automatic ones by ``new_ids`` (in order), skip
    those already held manually, stop at the module limit. A territory that stays automatic
    keeps its original assignment time."""
    limit = RECORD_TERRITORY_LIMIT.get(module, 10)
    manual = [e for e in entries if e.assigned == MANUAL]
    previous = {e.territory_id: e for e in entries if e.assigned == AUTOMATIC}
    held = {e.territory_id for e in manual}
    out = list(manual)
    for ident in new_ids:
        if len(out) >= limit:
            break
        if ident in held:
            continue
        held.add(ident)
        out.append(previous.get(ident) or TerritoryEntry(ident, AUTOMATIC, None, now))
    return tuple(out)
