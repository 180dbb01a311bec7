"""Module registry: API name → ``ModuleSpec`` for every module the emulator serves.

To add a module, define its ``ModuleSpec`` (``SPEC``) in ``domain/records/modules/<name>.py`` and list
it in ``_BUILTIN`` below (or call ``register`` at start-up). Linking modules are registered too:
their field metadata must be served even though they are not API-supported.
"""

from __future__ import annotations

from collections.abc import Iterable

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.modules import (
    accounts,
    appointments,
    appointments_history,
    attachments,
    calls,
    campaigns,
    cases,
    contacts,
    deals,
    events,
    inventory,
    invoices,
    leads,
    notes,
    price_books,
    products,
    purchase_orders,
    quotes,
    sales_orders,
    solutions,
    tasks,
    vendors,
)
from zcrm_local.domain.records.modules.services import SERVICES, SERVICES_X_USERS
from zcrm_local.domain.records.modules.tabs import TABS

# The order of spec 40 §1.1 (``GET /settings/modules`` lists them so), then the tabs without a
# records API, then the modules that only describe other modules' fields (linking, subforms).
_BUILTIN: tuple[ModuleSpec, ...] = (
    leads.SPEC, contacts.SPEC, accounts.SPEC, deals.SPEC,
    tasks.SPEC, events.SPEC, calls.SPEC, products.SPEC, vendors.SPEC, price_books.SPEC,
    quotes.SPEC, sales_orders.SPEC, purchase_orders.SPEC, invoices.SPEC, campaigns.SPEC, cases.SPEC, solutions.SPEC,
    notes.SPEC, attachments.SPEC, appointments.SPEC, appointments_history.SPEC, SERVICES,
    *TABS,
    SERVICES_X_USERS,
    inventory.QUOTED_ITEMS, inventory.ORDERED_ITEMS, inventory.PURCHASE_ITEMS, inventory.INVOICED_ITEMS,
)

_MODULES: dict[str, ModuleSpec] = {}


def register(spec: ModuleSpec) -> None:
    """Add (or replace) a module; the API name is the key."""
    _MODULES[spec.api_name] = spec


for _spec in _BUILTIN:
    register(_spec)


def get(api_name: str) -> ModuleSpec | None:
    """Exact API name (fields API, linking modules)."""
    return _MODULES.get(api_name)


def resolve_path_module(segment: str) -> ModuleSpec | None:
    """A records path segment → an API-supported module, case-insensitively (Q-2).

    ``None`` → ``INVALID_MODULE`` ``{"resource_path_index":0}``.
    """
    lowered = segment.lower()
    for spec in _MODULES.values():
        if spec.api_supported and spec.api_name.lower() == lowered:
            return spec
    return None


def known_path_module(segment: str) -> ModuleSpec | None:
    """Any registered module a path segment names, case-insensitively (API-supported or not)."""
    lowered = segment.lower()
    for spec in _MODULES.values():
        if spec.api_name.lower() == lowered:
            return spec
    return None


def by_id_suffix(suffix: int) -> ModuleSpec | None:
    for spec in _MODULES.values():
        if spec.id_suffix == suffix:
            return spec
    return None


def all_modules() -> Iterable[ModuleSpec]:
    """Registration order; ``GET /settings/modules`` lists them all."""
    return tuple(_MODULES.values())
