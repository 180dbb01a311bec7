"""A stored record → the JSON a ``GET`` returns (Services §2), driven by field metadata.

Stored form (what writes produce): ids as digit strings, users as user-id strings, date-times
as UTC ISO strings, decimals as plain strings, multi-user links as ``[{"id","user_id"}]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..metadata import DataType, FieldSpec, ModuleSpec, per_module
from . import values as v
from .lookups import Related
from .refs import Users, user_object
from .system_keys import system_keys

_LIST_TYPES = frozenset(
    {DataType.MULTISELECTPICKLIST, DataType.MULTI_DATE, DataType.MULTIUSERLOOKUP}
)
_DECIMAL_TYPES = frozenset({DataType.DOUBLE, DataType.CURRENCY, DataType.PERCENT})
_USER_TYPES = frozenset({DataType.OWNERLOOKUP, DataType.USERLOOKUP})
_EMPTY: dict[int, Any] = {}


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs besides the record.

    ``time_zone``: the requesting user's zone, else the org's (conventions §10).
    ``null_when_empty``: list fields rendered ``null`` instead of ``[]`` when empty — the SDK
    workaround of ``30-official-sdk.md`` §4.3, used together with ``Available_Dates`` typed
    ``date`` in the field metadata (Q-33); empty by default (captures show ``[]``).
    ``link_module_key``: add ``"module":"Users"`` inside multi-user entries (Q-12 flag).
    """

    users: Users
    time_zone: str
    currency_symbol: str
    editable: bool = True
    sharing_permission: str = "full_access"
    null_when_empty: frozenset[str] = field(default_factory=frozenset)
    link_module_key: bool = False
    related: Related = field(default_factory=lambda: _EMPTY)


def _copy_list(value: list[Any]) -> list[Any]:
    return [dict(entry) if isinstance(entry, dict) else entry for entry in value]


def _empty_list(spec: FieldSpec, ctx: RenderContext) -> list[Any] | None:
    return None if spec.api_name in ctx.null_when_empty else []


def _as_stored(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    return _copy_list(value) if isinstance(value, list) else value


def _listed(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    return _as_stored(spec, value, ctx) if value else _empty_list(spec, ctx)


def _links(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    if not value:
        return _empty_list(spec, ctx)
    return [_render_link(spec.api_name, link, ctx) for link in value]


def _datetime(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    return None if value is None else v.format_datetime(value, ctx.time_zone)


def _decimal(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    return None if value is None else v.json_number(value)


def _user(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    if value is None or isinstance(value, dict):
        return value
    # ownerlookup reads {"name","id","email"}, userlookup {"name","id"} (spec 40 §3).
    return user_object(ctx.users, value, email=spec.data_type == DataType.OWNERLOOKUP)


def _lookup(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    if value is None or isinstance(value, dict):
        return value
    target = ctx.related.get(v.parse_id(value) or 0)
    return {"name": target.name if target is not None else None, "id": str(value)}


def _bigint(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    # Long integers read back as strings (spec 40 §3).
    return None if value is None else str(value)


def _renderer(kind: DataType) -> Callable[[FieldSpec, Any, RenderContext], Any]:
    """How a field of this type renders."""
    if kind == DataType.MULTIUSERLOOKUP:
        return _links
    if kind in _LIST_TYPES:
        return _listed
    if kind == DataType.DATETIME:
        return _datetime
    if kind in _DECIMAL_TYPES:
        return _decimal
    if kind in _USER_TYPES:
        return _user
    if kind == DataType.LOOKUP:
        return _lookup
    if kind == DataType.BIGINT:
        return _bigint
    return _as_stored


def _render_link(inner_key: str, link: Mapping[str, Any], ctx: RenderContext) -> dict[str, Any]:
    user = user_object(ctx.users, link["user_id"], email=False) or {}
    if ctx.link_module_key:
        user["module"] = "Users"
    return {"id": str(link["id"]), inner_key: user}


_Plan = tuple[tuple[tuple[str, FieldSpec, Any], ...], tuple[str, ...], tuple[str, ...]]


@per_module
def _plan(module: ModuleSpec) -> _Plan:
    """Each field's renderer, chosen once instead of per value; the user fields and the
    multi-user link fields (what ``$has_more`` names and what reads load users for)."""
    return (tuple((s.api_name, s, _renderer(s.data_type)) for s in module.fields),
            tuple(s.api_name for s in module.fields if s.data_type in _USER_TYPES),
            tuple(s.api_name for s in module.fields if s.data_type == DataType.MULTIUSERLOOKUP))


def render_record(
    module: ModuleSpec,
    record: Mapping[str, Any],
    ctx: RenderContext,
    fields: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The read-back JSON of one stored record.

    Without ``fields``: ``id``, every field of the module (absent ones as ``null``/``[]``) and
    the ``$`` keys. With ``fields`` (the ``fields=`` query, already split on commas): ``id``
    plus the requested known fields only; unknown names are ignored (Q-13).
    """
    return _render(module, record, ctx, _wanted(fields))


def render_records(module: ModuleSpec, records: Iterable[Mapping[str, Any]], ctx: RenderContext,
                   fields: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """``render_record`` of each record (a page), the ``fields`` parsed once."""
    wanted = _wanted(fields)
    return [_render(module, record, ctx, wanted) for record in records]


def _wanted(fields: Iterable[str] | None) -> frozenset[str] | None:
    return None if fields is None else frozenset(name.strip() for name in fields)


def _render(module: ModuleSpec, record: Mapping[str, Any], ctx: RenderContext,
            wanted: frozenset[str] | None) -> dict[str, Any]:
    body: dict[str, Any] = {"id": str(record["id"])}
    renderers, _, links = _plan(module)
    for name, spec, render in renderers:
        if wanted is not None and name not in wanted:
            continue
        value = record.get(name)
        body[name] = render(spec, value, ctx)
    if wanted is None:
        body.update(system_keys(module, ctx.currency_symbol, ctx.editable, ctx.sharing_permission))
        if links:
            # Every link is always returned, so there is never more to fetch.
            body["$has_more"] = {name: False for name in links}
    return body


def referenced_user_ids(module: ModuleSpec, records: Iterable[Mapping[str, Any]]) -> set[int]:
    """Every user id that rendering these records looks up (user fields and multi-user links),
    so a read loads only those users instead of the whole org."""
    _, user_fields, link_fields = _plan(module)
    ids: set[int] = set()
    for record in records:
        for name in user_fields:
            value = record.get(name)
            if value is not None and not isinstance(value, dict):
                _add_id(ids, value)
        for name in link_fields:
            links = record.get(name)
            if isinstance(links, list):
                for link in links:
                    if isinstance(link, Mapping) and link.get("user_id") is not None:
                        _add_id(ids, link["user_id"])
    return ids


def _add_id(ids: set[int], value: Any) -> None:
    try:
        ids.add(int(value))
    except (TypeError, ValueError):
        pass  # rendering meets the same value and fails or passes it on as it always did


def split_fields_param(raw: str) -> list[str]:
    """``fields=a,b,c`` → names (empty entries dropped)."""
    return [name.strip() for name in raw.split(",") if name.strip()]
