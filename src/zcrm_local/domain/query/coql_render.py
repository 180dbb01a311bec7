"""COQL rows → the response's ``data`` (spec 50 §7.2): one key per SELECT item, ``id`` added to
every non-aggregate row, lookups as ``{"name","id"}``, other values as records render them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.query.fields import NUMBER, name_field
from zcrm_local.domain.query.tree import Column, Query
from zcrm_local.domain.records import values as rv
from zcrm_local.domain.records.refs import Users

Modules = Callable[[str], ModuleSpec | None]


def _full_name(body: Mapping[str, Any]) -> str | None:
    parts = [body.get("First_Name"), body.get("Last_Name")]
    text = " ".join(p for p in parts if p)
    return text or None


def _name_of(module: str | None, body: Mapping[str, Any] | None, modules: Modules) -> Any:
    spec = modules(module) if module else None
    field = name_field(spec) if spec is not None else None
    if body is None or field is None:
        return None
    return _full_name(body) if field.kind == "full_name" else body.get(field.api_name)


def value(column: Column, body: Mapping[str, Any] | None, joins: Mapping[tuple[str, ...], Any], users: Users,
          time_zone: str, modules: Modules) -> Any:
    field = column.field
    if body is None:
        return None
    if field.kind == "user":
        return None
    if field.kind == "id":
        return body.get("id")
    if field.kind == "full_name":
        return _full_name(body)
    stored = body.get(field.api_name)
    if stored is None:
        return None
    dtype = field.data_type
    if dtype in ("ownerlookup", "userlookup"):
        user = users.get(int(stored))
        return {"name": user.name if user else None, "id": str(stored)}
    if dtype == "lookup":
        target = joins.get((*column.prefixes[-1], field.api_name) if column.steps else (field.api_name,))
        return {"name": _name_of(field.lookup_module, target, modules), "id": str(stored)}
    if dtype == "datetime":
        return rv.format_datetime(stored, time_zone)
    if dtype in NUMBER and isinstance(stored, str):
        return rv.json_number(stored)
    return stored


def render(query: Query, rows: list[dict[str, Any]], users: Users, time_zone: str,
           modules: Modules) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if query.aggregated:
        for row in rows:
            groups = dict(zip([c.text for c in query.group_by], row["group"], strict=True))
            aggs = iter(row["agg"])
            item: dict[str, Any] = {}
            for sel in query.select:
                if sel.aggregate is not None:
                    result = next(aggs)
                    if sel.aggregate.function in ("COUNT",):
                        result = int(result or 0)
                    elif isinstance(result, float) and result.is_integer() and sel.aggregate.function != "AVG":
                        result = int(result)
                    item[sel.key] = result
                else:
                    assert sel.column is not None
                    raw = groups.get(sel.column.text)
                    body = {sel.column.field.api_name: raw} if raw is not None else {}
                    item[sel.key] = value(sel.column, body, {}, users, time_zone, modules) if raw is not None \
                        else None
            out.append(item)
        return out
    for row in rows:
        item = {}
        for sel in query.select:
            assert sel.column is not None
            column = sel.column
            body = row["data"] if not column.steps else row["joins"].get(column.prefixes[-1])
            item[sel.key] = value(column, body, row["joins"], users, time_zone, modules)
        item["id"] = str(row["data"]["id"])
        out.append(item)
    return out
