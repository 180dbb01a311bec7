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
