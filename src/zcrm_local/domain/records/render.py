"""A stored record → the JSON a ``GET`` returns (Services §2), driven by field metadata.

Stored form (what writes produce): ids as digit strings, users as user-id strings, date-times
as UTC ISO strings, decimals as plain strings, multi-user links as ``[{"id","user_id"}]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..metadata import DataType, FieldSpec, ModuleSpec
from . import values as v
from .refs import Users, user_object

_LIST_TYPES = frozenset(
    {DataType.MULTISELECTPICKLIST, DataType.MULTI_DATE, DataType.MULTIUSERLOOKUP}
)
_DECIMAL_TYPES = frozenset({DataType.DOUBLE, DataType.CURRENCY, DataType.PERCENT})
_USER_TYPES = frozenset({DataType.OWNERLOOKUP, DataType.USERLOOKUP})


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


def _render_value(spec: FieldSpec, value: Any, ctx: RenderContext) -> Any:
    kind = spec.data_type
    if kind in _LIST_TYPES and not value:
        return None if spec.api_name in ctx.null_when_empty else []
    if value is None:
        return None
    if kind == DataType.DATETIME:
        return v.format_datetime(value, ctx.time_zone)
    if kind in _DECIMAL_TYPES:
        return v.json_number(value)
    if kind in _USER_TYPES:
        return user_object(ctx.users, value) if not isinstance(value, dict) else value
    if kind == DataType.LOOKUP and not isinstance(value, dict):
        return {"name": None, "id": str(value)}
    if kind == DataType.MULTIUSERLOOKUP:
        return [_render_link(spec.api_name, link, ctx) for link in value]
    if isinstance(value, list):
        return [dict(entry) if isinstance(entry, dict) else entry for entry in value]
    return value


def _render_link(inner_key: str, link: Mapping[str, Any], ctx: RenderContext) -> dict[str, Any]:
    user = user_object(ctx.users, link["user_id"], email=False) or {}
    if ctx.link_module_key:
        user["module"] = "Users"
    return {"id": str(link["id"]), inner_key: user}


# Per module (by identity; specs are built once and never change): its multi-user link fields,
# which every rendering of a full record names in ``$has_more``.
_LINKS: dict[int, tuple[ModuleSpec, tuple[str, ...]]] = {}


def _link_fields(module: ModuleSpec) -> tuple[str, ...]:
    known = _LINKS.get(id(module))
    if known is None or known[0] is not module:
        known = (module, tuple(s.api_name for s in module.fields if s.data_type == DataType.MULTIUSERLOOKUP))
        if len(_LINKS) < 256:  # bounded, whatever builds specs on the fly
            _LINKS[id(module)] = known
    return known[1]


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
    wanted = None if fields is None else {name.strip() for name in fields}
    body: dict[str, Any] = {"id": str(record["id"])}
    for spec in module.fields:
        if wanted is not None and spec.api_name not in wanted:
            continue
        body[spec.api_name] = _render_value(spec, record.get(spec.api_name), ctx)
    if wanted is None:
        links = _link_fields(module)
        body["$currency_symbol"] = ctx.currency_symbol
        body["$state"] = "save"
        body["$editable"] = ctx.editable
        body["$sharing_permission"] = ctx.sharing_permission
        # Every link is always returned, so there is never more to fetch.
        body["$has_more"] = {name: False for name in links}
    return body


def referenced_user_ids(module: ModuleSpec, records: Iterable[Mapping[str, Any]]) -> set[int]:
    """Every user id that rendering these records looks up (user fields and multi-user links),
    so a read loads only those users instead of the whole org."""
    user_fields = [spec.api_name for spec in module.fields if spec.data_type in _USER_TYPES]
    link_fields = [spec.api_name for spec in module.fields if spec.data_type == DataType.MULTIUSERLOOKUP]
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
