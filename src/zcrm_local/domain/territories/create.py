"""Validation of ``POST /settings/territories`` (spec 20 §5): body -> drafts or per-item errors."""

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
from .model import CRITERIA_KEYS, TerritoryContext, TerritoryDraft
from .names import check_name, derive_api_name, name_key, repeated_keys
from .wire import wrapper_items

CREATE_MANDATORY: tuple[str, ...] = ("name", "reporting_to", "permission_type")


def validate_create(body: Any, ctx: TerritoryContext) -> list[TerritoryDraft | ZohoError]:
    """One result per input item, in order. Raises the request-level ZohoError for a bad wrapper.

    Items are sequential: a later item sees the names and the count of earlier successes.
    """
    items = wrapper_items(body, "territories", ctx.limits.territories_per_call)
    repeated = repeated_keys(item.get("name") for item in items if isinstance(item, dict))
    taken = {name_key(t.name) for t in ctx.territories.values()}
    count = len(ctx.territories)
    results: list[TerritoryDraft | ZohoError] = []
    for index, item in enumerate(items):
        result = _item(index, item, ctx, repeated, taken, count)
        if isinstance(result, TerritoryDraft):
            taken.add(name_key(result.name))
            count += 1
        results.append(result)
    return results


def _item(
    index: int, item: Any, ctx: TerritoryContext, repeated: set[str], taken: set[str], count: int
) -> TerritoryDraft | ZohoError:
    base = f"$.territories[{index}]"
    if not isinstance(item, dict):
        return m.bad_type("territories", base, "jsonobject")
    for key in CREATE_MANDATORY:
        if is_missing(item, key):
            return m.mandatory(key, f"{base}.{key}")
    error = check_types(item, base)
    if error:
        return error
    name: str = item["name"].strip()
    error = (
        check_name(name, f"{base}.name", repeated, taken)
        or check_description(item, base)
        or check_permission_type(item, base)
    )
    if error:
        return error
    parent_id, error = check_parent(item["reporting_to"], base, ctx.territories)
    if error:
        return error
    manager_id, error = check_manager(item.get("manager"), base, ctx.users)
    if error:
        return error
    criteria, error = check_criteria(item, base, ctx)
    if error:
        return error
    if count >= ctx.limits.max_territories:
        return m.limit_exceeded(m.MSG_TERRITORY_LIMIT, ctx.limits.max_territories)
    error = check_member_limit(frozenset(), manager_id, ctx.limits.max_users_per_territory)
    if error:
        return error
    return TerritoryDraft(
        index=index,
        name=name,
        api_name=derive_api_name(name),
        parent_id=parent_id,
        permission_type=item["permission_type"],
        description=item.get("description"),
        manager_id=manager_id,
        member_ids=frozenset({manager_id}) if manager_id else frozenset(),
        criteria=_all_keys(criteria),
        created_time=ctx.now,
        created_by_id=ctx.caller_id,
    )


def _all_keys(criteria: Mapping[str, Any]) -> dict[str, Any]:
    return {key: criteria.get(key) for key in CRITERIA_KEYS}
