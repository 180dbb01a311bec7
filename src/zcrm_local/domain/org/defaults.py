"""What a new org starts with besides its records: identity, profiles, roles and users.

The default org's people cover every member rule of Services: an administrator, a second active
confirmed user, a disabled user and an unconfirmed user (spec 12 §3, issue "Foundation").
"""

from __future__ import annotations

from dataclasses import dataclass

from zcrm_local.domain.permissions import ADMINISTRATOR, STANDARD


@dataclass(frozen=True)
class PersonSpec:
    key: str
    first_name: str
    last_name: str
    email_local: str
    profile: str
    role: str
    status: str
    confirm: bool


ROLES: tuple[tuple[str, str | None], ...] = (
    ("CEO", None),
    ("Manager", "CEO"),
    ("Sales Representative", "Manager"),
)

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec("admin", "Patricia", "Boyle", "patricia.boyle", ADMINISTRATOR, "CEO", "active", True),
    PersonSpec("standard", "Ryan", "Dahl", "ryan.dahl", STANDARD, "Manager", "active", True),
    PersonSpec("inactive", "Carla", "Espinosa", "carla.espinosa", STANDARD, "Sales Representative", "disabled", True),
    PersonSpec("unconfirmed", "Kai", "Nakamura", "kai.nakamura", STANDARD, "Sales Representative", "active", False),
)

DEFAULT_ORG_NAME = "Zylker Services"
TIME_ZONE = "Asia/Kolkata"
COUNTRY_CODE = "US"
CURRENCY = ("US Dollar", "USD", "$", "en_US")
LOCALE = "en_US"


def email_domain(org_name: str, prefix: int) -> str:
    slug = "".join(ch for ch in org_name.lower() if ch.isalnum())[:24] or "org"
    return f"{slug}{prefix}.example.com"
