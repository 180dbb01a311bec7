"""Delete and transfer-and-delete (spec 20 §7, §8): per-ID decisions and what each success does."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from zcrm_local.domain.errors import MSG_INVALID_ID, ZohoError

from . import messages as m
from .hierarchy import children, is_in_subtree
from .model import Limits, Territory, TerritoryEntry
from .wire import bool_param, ids_param, parse_id, wrapper_items

PATH_INDEX = 2


@dataclass(frozen=True)
class DeletePlan:
    """Delete ``id``: drop its memberships and remove it from every record's territory field."""

    id: str
    dropped_member_ids: frozenset[str]
    delete_previous_forecasts: bool = False


@dataclass(frozen=True)
class TransferPlan:
    """Re-parent ``moved_child_ids`` (direct children) to ``transfer_to_id``, drop the members,
    move record entries with ``transfer_record_entries``, then delete ``id``."""

    index: int
    id: str
    transfer_to_id: str
    moved_child_ids: tuple[str, ...]
    dropped_member_ids: frozenset[str]
    delete_previous_forecasts: bool = False


def delete_refusal(territories: Mapping[str, Territory], ident: str) -> ZohoError | None:
    """§7 steps 1–3 for one ID."""
    territory = territories.get(ident)
    if territory is None:
        return m.id_error(MSG_INVALID_ID, ident)
    if territory.is_root:
        return m.not_allowed(m.MSG_ROOT_DELETE, {"id": ident})
    if children(territories, ident):
        return m.not_allowed(m.MSG_HAS_CHILDREN, {"id": ident})
    return None


def validate_delete(
    territories: Mapping[str, Territory],
    ids: str | None = None,
    *,
    path_id: str | None = None,
    delete_previous_forecasts: str | None = None,
    limits: Limits = Limits(),
) -> list[DeletePlan | ZohoError]:
    """``DELETE /settings/territories?ids=…`` or ``…/{path_id}``: one result per distinct ID.

    IDs are decided in order against the tree left by earlier deletions of the same call, so
    ``ids=child,parent`` deletes both. Unknown path IDs and bad params are raised.
    """
    if path_id is not None:
        ident = parse_id(path_id)
        if ident is None or ident not in territories:
            raise m.path_id_error(PATH_INDEX)
        wanted = [ident]
    else:
        wanted = ids_param(ids, limits.territories_per_call)
    forecasts = bool_param("delete_previous_forecasts", delete_previous_forecasts)
    working = dict(territories)
    results: list[DeletePlan | ZohoError] = []
    for ident in wanted:
        error = delete_refusal(working, ident)
        if error:
            results.append(error)
            continue
        results.append(DeletePlan(ident, working[ident].member_ids, forecasts))
        del working[ident]
    return results


def validate_transfer(
    body: Any,
    territories: Mapping[str, Territory],
    *,
    path_id: str | None = None,
    limits: Limits = Limits(),
) -> list[TransferPlan | ZohoError]:
    """``POST …/actions/transfer_and_delete`` (collection or ``{id}`` form; URL ID wins)."""
    target = None
    if path_id is not None:
        target = parse_id(path_id)
        if target is None or target not in territories:
            raise m.path_id_error(PATH_INDEX)
    items = wrapper_items(body, "territories", limits.territories_per_call)
    if target is not None:
        items = items[:1]
    working = dict(territories)
    results: list[TransferPlan | ZohoError] = []
    for index, item in enumerate(items):
        result = _transfer_item(index, item, working, target)
        if isinstance(result, TransferPlan):
            for child in result.moved_child_ids:
                working[child] = _reparent(working[child], result.transfer_to_id)
            del working[result.id]
        results.append(result)
    return results


def _transfer_item(
    index: int, item: Any, territories: Mapping[str, Territory], target: str | None
) -> TransferPlan | ZohoError:
    base = f"$.territories[{index}]"
    if not isinstance(item, dict):
        return m.bad_type("territories", base, "jsonobject")
    if target is None and item.get("id") is None:
        return m.mandatory("id", f"{base}.id")
    if item.get("transfer_to_id") is None:
        return m.mandatory("transfer_to_id", f"{base}.transfer_to_id")
    forecasts = item.get("delete_previous_forecasts", False)
    if not isinstance(forecasts, bool):
        return m.bad_type("delete_previous_forecasts", f"{base}.delete_previous_forecasts", "boolean")
    ident = target if target is not None else parse_id(item["id"])
    if ident is None or ident not in territories:
        return m.bad_id("id", f"{base}.id")
    if territories[ident].is_root:
        return m.not_allowed(m.MSG_ROOT_DELETE, {"id": ident})
    to_id = parse_id(item["transfer_to_id"])
    # Unknown, the territory itself, or inside its subtree (OQ-14): all "invalid id".
    if to_id is None or to_id not in territories or is_in_subtree(territories, ident, to_id):
        return m.bad_id("transfer_to_id", f"{base}.transfer_to_id")
    return TransferPlan(
        index=index,
        id=ident,
        transfer_to_id=to_id,
        moved_child_ids=tuple(children(territories, ident)),
        dropped_member_ids=territories[ident].member_ids,
        delete_previous_forecasts=forecasts,
    )


def _reparent(territory: Territory, parent_id: str) -> Territory:
    return replace(territory, parent_id=parent_id)


def drop_record_entries(entries: Sequence[TerritoryEntry], deleted_id: str) -> tuple[TerritoryEntry, ...]:
    """A record's territory field after ``deleted_id`` is deleted (§7 step 4)."""
    return tuple(e for e in entries if e.territory_id != deleted_id)


def transfer_record_entries(
    entries: Sequence[TerritoryEntry], deleted_id: str, target_id: str
) -> tuple[TerritoryEntry, ...]:
    """§8 step 3: the deleted territory's entry becomes the target's, in place and keeping its
    ``$assigned`` kind, unless the record already holds the target (then it is just dropped).
    Swapping one entry for one other never passes the record's limit."""
    holds_target = any(e.territory_id == target_id for e in entries)
    out: list[TerritoryEntry] = []
    for entry in entries:
        if entry.territory_id != deleted_id:
            out.append(entry)
        elif not holds_target:
            out.append(TerritoryEntry(target_id, entry.assigned, entry.assigned_by_id, entry.assigned_time))
    return tuple(out)
