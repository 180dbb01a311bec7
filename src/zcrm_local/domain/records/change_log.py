"""The per-record change log as the domain sees it: what an entry holds, how a write becomes
one, and how the timeline (spec 40 §14) reads entries back.

One entry per record write, whatever the operation; the timeline, ``/deleted`` and (later)
notifications all read these entries, so no write has a second record of what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from .engine import SYSTEM_KEYS

Operation = Literal["insert", "update", "delete", "purge", "restore"]
INSERT: Operation = "insert"
UPDATE: Operation = "update"
DELETE: Operation = "delete"
PURGE: Operation = "purge"

SOURCE_API = "crm_api"
SOURCE_CHANGE_OWNER = "change_owner"

# Keys every write touches: they are the write's time and author, not a change of the record;
# ``Full_Name`` is derived from the name fields, whose own entries already say what changed.
_NOT_CHANGES = SYSTEM_KEYS | {"Modified_Time", "Modified_By", "Full_Name"}


def changes(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """``[{"api_name","old","new"}]`` for each key whose stored value differs, in the order the
    new record holds its keys (then keys only the old one had)."""
    before, after = old or {}, new or {}
    keys = list(after) + [k for k in before if k not in after]
    out = []
    for key in keys:
        if key in _NOT_CHANGES or key.startswith("$"):
            continue
        was, now = before.get(key), after.get(key)
        if was != now and not (_empty(was) and _empty(now)):
            out.append({"api_name": key, "old": was, "new": now})
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def entry(*, record_id: int, module: str, operation: Operation, old: Mapping[str, Any] | None,
          new: Mapping[str, Any] | None, done_by: int | None, now: datetime, source: str = SOURCE_API,
          ) -> dict[str, Any]:
    """A change-log row for one record write."""
    return {
        "record_id": record_id, "module": module, "operation": operation, "source": source,
        "changes": changes(old, new) if operation in (INSERT, UPDATE) else [],
        "done_by": done_by, "audited_time": now,
    }


@dataclass(frozen=True)
class RecordChange:
    """What one record write did to one record: a step of the write pipeline reports it, the
    change log appends it."""

    module: str
    record_id: int
    operation: Operation
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None
    at: datetime
    source: str = SOURCE_API


def written(module: str, old: Mapping[str, Any] | None, new: Mapping[str, Any], at: datetime,
            source: str = SOURCE_API) -> RecordChange:
    """An insert (``old`` None) or an update of ``new``."""
    return RecordChange(module, int(new["id"]), INSERT if old is None else UPDATE, old, new, at, source)


def removed(module: str, record_id: int, operation: Operation, at: datetime) -> RecordChange:
    return RecordChange(module, record_id, operation, None, None, at)


def entry_of(change: RecordChange, done_by: int | None) -> dict[str, Any]:
    return entry(record_id=change.record_id, module=change.module, operation=change.operation, old=change.old,
                 new=change.new, done_by=done_by, now=change.at, source=change.source)


# ---- the timeline ------------------------------------------------------------------------

_ACTIONS = {INSERT: "added", UPDATE: "updated"}
TIMELINE_ENTRY_BASE = 900_000_000_000  # entry ids live apart from record ids (D-515)


def timeline_action(operation: str) -> str | None:
    """The timeline ``action`` of an operation; None: not shown on the record's timeline."""
    return _ACTIONS.get(operation)


def wire_value(value: Any) -> str | None:
    """``_value.old``/``new`` are strings or null (§14)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or "")
    return str(value)
