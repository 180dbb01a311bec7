"""Territories of records (spec 21 §9–§11): assign and remove, as pure per-item decisions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.outcomes import Success, SuccessCode
from zcrm_local.domain.records.modules import registry

from . import messages as m
from .model import Limits, Territory, TerritoryEntry, UserInfo
from .render import format_time
from .wire import parse_id, wrapper_items


class _TerritoryCapability(Mapping[str, Any]):
    """Module API name → one territory capability of its ``ModuleSpec`` (``territory_field``:
    the record key, OQ-20; ``territory_limit``: the entry cap), for the modules that take
    territories. Read from the registry on each lookup, so a module registered later counts."""

    def __init__(self, attribute: str) -> None:
        self._attribute = attribute

    def __getitem__(self, module: str) -> Any:
        spec = registry.get(module)
        if spec is None or spec.territory_field is None:
            raise KeyError(module)
        return getattr(spec, self._attribute)

    def __iter__(self) -> Iterator[str]:
        return iter([s.api_name for s in registry.all_modules() if s.territory_field is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)


RECORD_TERRITORY_FIELD: Mapping[str, str] = _TerritoryCapability("territory_field")
RECORD_TERRITORY_LIMIT: Mapping[str, int] = _TerritoryCapability("territory_limit")
RECORD_PATH_INDEX = 1
MANUAL, AUTOMATIC = "manually", "automatically"


@dataclass(frozen=True)
class RecordState:
    """What the rules need of one live (non-deleted) record."""

    id: str
    entries: tuple[TerritoryEntry, ...] = ()
    locked: bool = False
    job_pending: bool = False


@dataclass(frozen=True)
class RecordTerritoryPlan:
    """A successful item: ``entries`` is the record's whole territory field afterwards."""

    index: int
    record_id: str
    territory_ids: tuple[str, ...]
    entries: tuple[TerritoryEntry, ...]
    removal: bool

    def success(self, job_id: str) -> Success:
        message = m.MSG_REMOVE_SCHEDULED if self.removal else m.MSG_ASSIGN_SCHEDULED
        return m.success(message, self.record_id, code=SuccessCode.SCHEDULED, job_id=job_id)


def check_module(module: str, known: bool) -> None:
    """Request-level checks of §10 in order: known → territory-capable → not Leads."""
    if not known:
        raise ZohoError(ErrorCode.INVALID_MODULE, m.MSG_INVALID_MODULE, {"resource_path_index": 0})
    if module not in RECORD_TERRITORY_FIELD:
        raise ZohoError(ErrorCode.NOT_SUPPORTED, m.MSG_MODULE_NOT_SUPPORTED, {"resource_path_index": 0})
    if module == "Leads":
        raise ZohoError(ErrorCode.TERRITORY_NOT_ENABLED, m.MSG_LEADS_NOT_ENABLED, {})


def validate_assign(
    module: str,
    body: Any,
    records: Mapping[str, RecordState],
    territories: Mapping[str, Territory],
    *,
    caller_id: str,
    now: datetime,
    path_record_id: str | None = None,
    limits: Limits = Limits(),
    hold_jobs: bool = False,
) -> list[RecordTerritoryPlan | ZohoError]:
    """``POST /{module}[/{id}]/actions/assign_territories`` (after ``check_module``).

    ``hold_jobs``: each scheduled job stays pending, so a later item on that record is refused."""
    return _validate(module, body, records, territories, caller_id, now, path_record_id, limits, False, hold_jobs)


def validate_remove(
    module: str,
    body: Any,
    records: Mapping[str, RecordState],
    territories: Mapping[str, Territory],
    *,
    now: datetime,
    path_record_id: str | None = None,
    limits: Limits = Limits(),
    hold_jobs: bool = False,
) -> list[RecordTerritoryPlan | ZohoError]:
    """``POST /{module}[/{id}]/actions/remove_territories``: all-or-nothing per item."""
    return _validate(module, body, records, territories, "", now, path_record_id, limits, True, hold_jobs)


def _validate(
    module: str,
    body: Any,
    records: Mapping[str, RecordState],
    territories: Mapping[str, Territory],
    caller_id: str,
    now: datetime,
    path_record_id: str | None,
    limits: Limits,
    removal: bool,
    hold_jobs: bool = False,
) -> list[RecordTerritoryPlan | ZohoError]:
    target = None
    if path_record_id is not None:
        target = parse_id(path_record_id)
        if target is None or target not in records:
            raise m.path_id_error(RECORD_PATH_INDEX)
    items = wrapper_items(body, "data", limits.records_per_call)
    working = dict(records)
    results: list[RecordTerritoryPlan | ZohoError] = []
    for index, item in enumerate(items):
        result = _item(index, item, module, working, territories, caller_id, now, target, removal)
        if isinstance(result, RecordTerritoryPlan):
            state = working[result.record_id]
            working[result.record_id] = RecordState(state.id, result.entries, state.locked,
                                                    state.job_pending or hold_jobs)
        results.append(result)
    return results


def _item(
    index: int,
    item: Any,
    module: str,
    records: Mapping[str, RecordState],
    territories: Mapping[str, Territory],
    caller_id: str,
    now: datetime,
    target: str | None,
    removal: bool,
) -> RecordTerritoryPlan | ZohoError:
    base = f"$.data[{index}]"
    if not isinstance(item, dict):
        return m.bad_type("data", base, "jsonobject")
    if target is None and item.get("id") is None:
        return m.mandatory("id", f"{base}.id", m.MSG_ONE_PARAM_MISSING)
    record_id = target if target is not None else parse_id(item["id"])
    record = records.get(record_id) if record_id else None
    if record is None:
        return m.invalid("id", f"{base}.id", m.MSG_BAD_RECORD_ID)
    wanted = item.get("Territories")
    if not isinstance(wanted, list) or not wanted or any(
        not isinstance(e, dict) or e.get("id") is None for e in wanted
    ):
        return m.mandatory("Territories", f"{base}.Territories")
    held = {e.territory_id: e for e in record.entries}
    first_at: dict[str, int] = {}
    ids: list[str] = []
    for j, entry in enumerate(wanted):
        path = f"{base}.Territories[{j}].id"
        ident = parse_id(entry["id"])
        if ident is None or ident not in territories or (removal and ident not in held):
            return m.bad_id("id", path)
        if ident in first_at:
            return ZohoError(ErrorCode.ALREADY_USED, m.MSG_DUPLICATE_TERRITORY_IN_ITEM, m.at(
                "id", path, exists_in={"json_path": f"{base}.Territories[{first_at[ident]}].id"}))
        first_at[ident] = j
        if not removal and ident in held:
            return ZohoError(ErrorCode.DUPLICATE_DATA, m.MSG_TERRITORY_ON_RECORD, m.at("id", path))
        if removal and held[ident].assigned == AUTOMATIC:
            return m.not_allowed(m.MSG_SYSTEM_ASSIGNED, m.at("id", path), status=403)
        ids.append(ident)
    limit = RECORD_TERRITORY_LIMIT.get(module, 10)
    if not removal and len(record.entries) + len(ids) > limit:
        return m.limit_exceeded(m.MSG_RECORD_LIMIT, limit)
    if record.locked:
        return ZohoError(ErrorCode.RECORD_LOCKED, m.MSG_RECORD_LOCKED, {"id": record.id, "action": "record_locking"})
    if record.job_pending:
        return ZohoError(ErrorCode.ALREADY_SCHEDULED, m.MSG_ALREADY_SCHEDULED, {"id": record.id})
    if removal:
        entries = tuple(e for e in record.entries if e.territory_id not in first_at)
    else:
        entries = record.entries + tuple(TerritoryEntry(i, MANUAL, caller_id, now) for i in ids)
    return RecordTerritoryPlan(index, record.id, tuple(ids), entries, removal)


def render_entries(
    entries: tuple[TerritoryEntry, ...] | list[TerritoryEntry],
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    tz: tzinfo,
) -> list[dict[str, Any]]:
    """The record's territory field (§9 entry shape); ``[]`` when nothing is assigned."""
    out: list[dict[str, Any]] = []
    for entry in entries:
        territory = territories.get(entry.territory_id)
        by = users.get(entry.assigned_by_id) if entry.assigned_by_id else None
        out.append({
            "Name": territory.name if territory else None,
            "id": entry.territory_id,
            "$assigned_by": {"name": by.name if by else None, "id": entry.assigned_by_id}
            if entry.assigned_by_id else None,
            "$assigned_time": format_time(entry.assigned_time, tz),
            "$assigned": entry.assigned,
        })
    return out
