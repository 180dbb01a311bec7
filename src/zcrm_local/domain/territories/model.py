"""State the territory rules read, and the normalized results they hand back.

The store maps its rows into these frozen values; every rule is a function of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Literal, Mapping

from zcrm_local.domain.metadata import FieldSpec

PERMISSION_TYPES: tuple[str, ...] = ("read_write_delete", "read_only")
CRITERIA_KEYS: tuple[str, ...] = ("account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria")
CRITERIA_MODULE: Mapping[str, str] = MappingProxyType(
    {"account_rule_criteria": "Accounts", "lead_rule_criteria": "Leads", "deal_rule_criteria": "Deals"}
)
MODULE_CRITERIA: Mapping[str, str] = MappingProxyType({v: k for k, v in CRITERIA_MODULE.items()})

NAME_MAX = 50
DESCRIPTION_MAX = 250

FeatureState = Literal["never_enabled", "enabled", "disabled"]
UserStatus = Literal["active", "inactive", "disabled", "deleted"]


@dataclass(frozen=True)
class Territory:
    """One stored territory. ``criteria`` holds the raw JSON as accepted (echoed on read)."""

    id: str
    name: str
    api_name: str
    parent_id: str | None
    permission_type: str = "read_only"
    description: str | None = None
    manager_id: str | None = None
    member_ids: frozenset[str] = frozenset()
    criteria: Mapping[str, Any] = field(default_factory=dict)
    created_time: datetime | None = None
    modified_time: datetime | None = None
    created_by_id: str | None = None
    modified_by_id: str | None = None

    @property
    def is_root(self) -> bool:
        return self.parent_id is None

    def rule(self, key: str) -> Any:
        return self.criteria.get(key)


@dataclass(frozen=True)
class UserInfo:
    id: str
    name: str
    status: str = "active"
    confirmed: bool = True
    zuid: str | None = None

    @property
    def usable(self) -> bool:
        return self.status == "active" and self.confirmed


@dataclass(frozen=True)
class Limits:
    """Per-org numbers (OQ-6 defaults; the item caps are v7's, OQ-5/OQ-22)."""

    max_territories: int = 150
    max_users_per_territory: int = 100
    territories_per_call: int = 10
    rules_per_criteria: int = 25
    users_per_call: int = 100
    records_per_call: int = 10


@dataclass(frozen=True)
class TerritoryContext:
    """Everything a write needs to decide; ``now`` and the caller are inputs, never read."""

    territories: Mapping[str, Territory]
    users: Mapping[str, UserInfo]
    now: datetime
    caller_id: str
    # Module API name ("Accounts", "Leads", "Deals") -> field API name -> metadata.
    fields: Mapping[str, Mapping[str, FieldSpec]] = field(default_factory=dict)
    # When set, a criteria ``field.id`` must equal scoped_id(org_prefix, spec.id_suffix).
    org_prefix: int | None = None
    limits: Limits = Limits()
    lead_rule_enabled: bool = True
    deal_rule_enabled: bool = True


@dataclass(frozen=True)
class TerritoryDraft:
    """A validated create item: everything the store needs to insert one row (id aside)."""

    index: int
    name: str
    api_name: str
    parent_id: str | None  # None only for the root (defaults.root_territory)
    permission_type: str
    description: str | None
    manager_id: str | None
    member_ids: frozenset[str]
    criteria: Mapping[str, Any]
    created_time: datetime
    created_by_id: str

    def as_territory(self, ident: str) -> Territory:
        """The stored form once the store has given the draft its ID."""
        return Territory(
            id=ident,
            name=self.name,
            api_name=self.api_name,
            parent_id=self.parent_id,
            permission_type=self.permission_type,
            description=self.description,
            manager_id=self.manager_id,
            member_ids=self.member_ids,
            criteria=dict(self.criteria),
            created_time=self.created_time,
            modified_time=self.created_time,
            created_by_id=self.created_by_id,
            modified_by_id=self.created_by_id,
        )


@dataclass(frozen=True)
class TerritoryPatch:
    """A validated update item. ``changes`` holds only the keys the item sent, by column:
    name, permission_type, parent_id, manager_id, description and the three criteria keys."""

    index: int
    id: str
    changes: Mapping[str, Any]
    added_member_ids: frozenset[str]
    modified_time: datetime
    modified_by_id: str

    def apply(self, territory: Territory) -> Territory:
        """The territory as it is after this patch (used to chain items of one request)."""
        values: dict[str, Any] = {}
        criteria = dict(territory.criteria)
        for key, value in self.changes.items():
            if key in CRITERIA_KEYS:
                criteria[key] = value
            else:
                values[key] = value
        return Territory(
            id=territory.id,
            name=values.get("name", territory.name),
            api_name=territory.api_name,
            parent_id=values.get("parent_id", territory.parent_id),
            permission_type=values.get("permission_type", territory.permission_type),
            description=values.get("description", territory.description),
            manager_id=values.get("manager_id", territory.manager_id),
            member_ids=territory.member_ids | self.added_member_ids,
            criteria=criteria,
            created_time=territory.created_time,
            modified_time=self.modified_time,
            created_by_id=territory.created_by_id,
            modified_by_id=self.modified_by_id,
        )


@dataclass(frozen=True)
class TerritoryEntry:
    """One territory on a record (spec 21 §9): ``assigned`` is "manually" or "automatically"."""

    territory_id: str
    assigned: str
    assigned_by_id: str | None
    assigned_time: datetime
