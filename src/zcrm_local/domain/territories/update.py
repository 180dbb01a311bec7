"""Validation of ``PUT /settings/territories[/{id}]`` (spec 20 §6, seed *Update Territories*)."""

from __future__ import annotations

from typing import Any, Mapping

from zcrm_local.domain.errors import ZohoError

from . import messages as m
from .checks import (
    check_criteria,
    check_description,
    check_manager,
    check_member_limit,
    check_parent,
    check_permission_type,
    check_types,
    is_missing,
)
from .model import CRITERIA_KEYS, Territory, TerritoryContext, TerritoryPatch
from .names import check_name, name_key, repeated_keys
from .wire import parse_id, ref_id, wrapper_items

# OQ-3: the seed marks permission_type mandatory on update; one switch relaxes it.
PERMISSION_TYPE_REQUIRED_ON_UPDATE = True
ROOT_PATH_INDEX = 2


def validate_update(
    body: Any, ctx: TerritoryContext, path_id: str | None = None
) -> list[TerritoryPatch | ZohoError]:
    """One result per processed item, in order; request-level refusals are raised.

    With ``path_id`` (``PUT /settings/territories/{id}``) the URL ID wins, the body's ``id`` is
    ignored and only the first item is processed (OQ-13). Items are sequential: each sees the
    names, parents and members left by earlier successful items.
    """
    target = None
    if path_id is not None:
        target = parse_id(path_id)
        if target is None or target not in ctx.territories:
            raise m.path_id_error(ROOT_PATH_INDEX)
    items = wrapper_items(body, "territories", ctx.limits.territories_per_call)
    if target is not None:
        items = items[:1]
    repeated = repeated_keys(item.get("name") for item in items if isinstance(item, dict))
    working: dict[str, Territory] = dict(ctx.territories)
    results: list[TerritoryPatch | ZohoError] = []
    for index, item in enumerate(items):
        result = _item(index, item, ctx, working, repeated, target)
        if isinstance(result, TerritoryPatch):
            working[result.id] = result.apply(working[result.id])
        results.append(result)
    return results


def _item(
    index: int,
    item: Any,
    ctx: TerritoryContext,
    working: dict[str, Territory],
    repeated: set[str],
    target: str | None,
) -> TerritoryPatch | ZohoError:
    base = f"$.territories[{index}]"
    if not isinstance(item, dict):
        return m.bad_type("territories", base, "jsonobject")
    mandatory = ("permission_type",) if target is not None else ("id", "permission_type")
    for key in mandatory:
        if key == "permission_type" and not PERMISSION_TYPE_REQUIRED_ON_UPDATE:
            continue
        if is_missing(item, key):
            return m.mandatory(key, f"{base}.{key}")
    error = check_types(item, base)
    if error:
        return error
    ident = target if target is not None else parse_id(item["id"])
    current = working.get(ident) if ident is not None else None
    if current is None:
        return m.bad_id("id", f"{base}.id")
    if current.is_root and _changes_root(item, current):
        return m.not_allowed(m.MSG_ROOT_UPDATE)
    changes: dict[str, Any] = {}
    if "name" in item:
        name = item["name"].strip()
        if not name:
            return m.invalid("name", f"{base}.name")
        taken = (name_key(t.name) for t in working.values() if t.id != current.id)
        error = check_name(name, f"{base}.name", repeated, taken)
        if error:
            return error
        changes["name"] = name
    error = check_description(item, base) or check_permission_type(item, base)
    if error:
        return error
    for key in ("description", "permission_type"):
        if key in item:
            changes[key] = item[key]
    if "reporting_to" in item and not current.is_root:
        parent_id, error = check_parent(item["reporting_to"], base, working, moving_id=current.id)
        if error:
            return error
        changes["parent_id"] = parent_id
    manager_id: str | None = None
    if "manager" in item:
        manager_id, error = check_manager(item["manager"], base, ctx.users)
        if error:
            return error
        changes["manager_id"] = manager_id
    criteria, error = check_criteria(item, base, ctx)
    if error:
        return error
    changes.update(criteria)
    # Replacing or removing a manager keeps the previous one as a member (§6.4).
    error = check_member_limit(current.member_ids, manager_id, ctx.limits.max_users_per_territory)
    if error:
        return error
    added = frozenset({manager_id}) if manager_id and manager_id not in current.member_ids else frozenset()
    return TerritoryPatch(index, current.id, changes, added, ctx.now, ctx.caller_id)


def _changes_root(item: Mapping[str, Any], root: Territory) -> bool:
    """True when the item sends any non-name key with a value other than the stored one."""
    stored: dict[str, Any] = {
        "permission_type": root.permission_type,
        "description": root.description,
        "reporting_to": None,
        "manager": root.manager_id,
    }
    for key, value in stored.items():
        if key not in item:
            continue
        sent = item[key]
        if key in ("reporting_to", "manager"):
            sent = None if sent is None else ref_id(sent) or sent
        if sent != value:
            return True
    return any(key in item and item[key] != root.rule(key) for key in CRITERIA_KEYS)
