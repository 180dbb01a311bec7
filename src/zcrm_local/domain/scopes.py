"""OAuth scope grammar ``ZohoCRM.<group>.<resource>.<op>`` and what satisfies an endpoint.

Matching is case-insensitive (spec conventions §8). ``<resource>.ALL`` covers every op on the
resource, ``<group>.ALL`` every resource of the group, ``<group>.<op>`` one op on every resource.
"""

from __future__ import annotations

from collections.abc import Iterable

OPERATIONS = ("ALL", "READ", "CREATE", "UPDATE", "DELETE", "CUSTOM")

# What `credentials` grants when no scope is asked for: every scope the server knows.
ALL_SCOPES = (
    "ZohoCRM.modules.ALL",
    "ZohoCRM.settings.ALL",
    "ZohoCRM.users.ALL",
    "ZohoCRM.org.ALL",
    "ZohoCRM.coql.READ",
    "ZohoCRM.composite_requests.CUSTOM",
    "ZohoCRM.send_mail.ALL",
    "ZohoCRM.templates.ALL",
)


def normalize(scopes: Iterable[str]) -> frozenset[str]:
    return frozenset(s.strip().lower() for s in scopes if s and s.strip())


def parse_scope_param(value: str) -> list[str]:
    """Scopes arrive comma-separated in requests and space-separated in token answers."""
    return [s for s in value.replace(",", " ").split() if s]


def is_valid(scope: str) -> bool:
    parts = scope.split(".")
    if len(parts) < 3 or parts[0].lower() != "zohocrm":
        return False
    return parts[-1].upper() in OPERATIONS


def satisfying(group: str, resource: str | None, op: str) -> frozenset[str]:
    """Every granted scope (lower case) that allows ``op`` on ``group[.resource]``."""
    g = f"zohocrm.{group}".lower()
    op = op.lower()
    found = {f"{g}.all", f"{g}.{op}"}
    if resource:
        r = f"{g}.{resource}".lower()
        found |= {f"{r}.all", f"{r}.{op}"}
    return frozenset(found)


def allows(granted: frozenset[str], needed: frozenset[str]) -> bool:
    return not granted.isdisjoint(needed)


# Scope groups Zoho CRM documents (OAuth Scopes page); a name outside them is unknown.
GROUPS = ("modules", "settings", "users", "org", "bulk", "coql", "notifications", "files", "mass_utility",
          "functions", "templates", "change_owner")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def is_known(scope: str) -> bool:
    """``ZohoCRM.<group>.<op>`` or ``ZohoCRM.<group>.<resource>.<op>`` with a documented group
    and operation (case-insensitive); resources are API names, so any ASCII identifier."""
    parts = scope.lower().split(".")
    if len(parts) not in (3, 4) or parts[0] != "zohocrm" or parts[1] not in GROUPS:
        return False
    if parts[-1].upper() not in OPERATIONS:
        return False
    return len(parts) == 3 or (bool(parts[2]) and set(parts[2]) <= _NAME_CHARS)


def covered(granted: frozenset[str], scope: str) -> bool:
    """Whether ``granted`` (lower case) already allows everything ``scope`` allows:
    ``<group>.ALL`` covers the whole group, ``<group>.<op>`` that op on every resource,
    ``<resource>.ALL`` every op on the resource. A known scope is assumed."""
    parts = scope.lower().split(".")
    group, op = f"{parts[0]}.{parts[1]}", parts[-1]
    if scope.lower() in granted or f"{group}.all" in granted:
        return True
    if len(parts) == 3:
        return False  # group-wide op or ALL: only the group's ALL covers it
    if op == "all":
        return f"{group}.{parts[2]}.all" in granted
    return f"{group}.{parts[2]}.all" in granted or f"{group}.{op}" in granted
