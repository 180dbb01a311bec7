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
    links: list[str] = []
    for spec in module.fields:
        if spec.data_type == DataType.MULTIUSERLOOKUP:
            links.append(spec.api_name)
        if wanted is not None and spec.api_name not in wanted:
            continue
        body[spec.api_name] = _render_value(spec, record.get(spec.api_name), ctx)
    if wanted is None:
        body["$currency_symbol"] = ctx.currency_symbol
        body["$state"] = "save"
        body["$editable"] = ctx.editable
        body["$sharing_permission"] = ctx.sharing_permission
        # Every link is always returned, so there is never more to fetch.
        body["$has_more"] = {name: False for name in links}
    return body


def split_fields_param(raw: str) -> list[str]:
    """``fields=a,b,c`` → names (empty entries dropped)."""
    return [name.strip() for name in raw.split(",") if name.strip()]
