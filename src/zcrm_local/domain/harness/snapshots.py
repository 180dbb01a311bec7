"""What an org snapshot must satisfy beyond its column types (D-461): every id is the org's
own (made with its prefix) and every reference names a row of the snapshot, and every record
reads back through the same rendering the API uses. Pure: rows in, problems out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.render import RenderContext, render_record

# (table, column) → the table whose ids it names.
REFERENCES: dict[tuple[str, str], str] = {
    ("users", "role_id"): "roles",
    ("users", "profile_id"): "profiles",
    ("users", "reporting_to"): "users",
    ("roles", "reporting_to"): "roles",
    ("records", "owner_id"): "users",
    ("records", "created_by"): "users",
    ("records", "modified_by"): "users",
    ("territories", "parent_id"): "territories",
    ("territory_users", "territory_id"): "territories",
    ("territory_users", "user_id"): "users",
    ("record_territories", "record_id"): "records",
    ("record_territories", "territory_id"): "territories",
    ("oauth_clients", "user_id"): "users",
    ("oauth_grants", "user_id"): "users",
    ("oauth_refresh_tokens", "user_id"): "users",
    ("oauth_access_tokens", "user_id"): "users",
}
# JSON keys that hold ids of the org's rows (lookups, users, territories, business hours…).
_USER_KEYS = frozenset({"Owner", "Created_By", "Modified_By"})
_JSON_COLUMNS = (("records", "data"), ("territories", "data"), ("org_settings", "value"))


def _owned(value: Any, prefix: int) -> bool:
    text = str(value)
    return text.isascii() and text.isdigit() and text.startswith(str(prefix)) and len(text) == len(str(prefix)) + 12


def _json_ids(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    pending = [(value, path)]
    while pending:
        item, where = pending.pop()
        if isinstance(item, dict):
            for key, entry in item.items():
                here = f"{where}.{key}"
                if (key == "id" or key.endswith("_id") or key in _USER_KEYS) and isinstance(entry, (str, int)) \
                        and not isinstance(entry, bool):
                    yield here, entry
                else:
                    pending.append((entry, here))
        elif isinstance(item, list):
            pending.extend((entry, f"{where}[{i}]") for i, entry in enumerate(item))


def id_problems(tables: Mapping[str, list[dict[str, Any]]], prefix: int) -> list[str]:
    problems: list[str] = []
    own = {name: {row["id"] for row in rows if "id" in row} for name, rows in tables.items()}
    for name, rows in tables.items():
        for index, row in enumerate(rows):
            where = f"{name}[{index}]"
            if name != "orgs" and isinstance(row.get("id"), int) and not _owned(row["id"], prefix):
                problems.append(f"{where}.id: not an id of this org")
            for (table, column), target in REFERENCES.items():
                if table == name and row.get(column) is not None and row[column] not in own.get(target, set()):
                    problems.append(f"{where}.{column}: names no row of {target} in the snapshot")
            for table, column in _JSON_COLUMNS:
                if table == name:
                    problems += [f"{at}: not an id of this org" for at, ident in _json_ids(row[column], f"{where}.{column}")
                                 if not _owned(ident, prefix)]
    return problems


def record_problems(records: list[dict[str, Any]], time_zone: str, currency_symbol: str) -> list[str]:
    """Each record of a known module that renders as the API would render it."""
    problems: list[str] = []
    ctx = RenderContext(users={}, time_zone=time_zone, currency_symbol=currency_symbol)
    for index, row in enumerate(records):
        where = f"records[{index}]"
        spec = registry.get(row["module"])
        if spec is None:
            problems.append(f"{where}.module: not a module of this server")
            continue
        if not isinstance(row["data"], dict):
            problems.append(f"{where}.data: not an object")
            continue
        try:
            render_record(spec, {**row["data"], "id": row["id"]}, ctx)
        except Exception as failure:  # any value the API could not render
            problems.append(f"{where}.data: cannot be read back ({type(failure).__name__})")
    return problems
