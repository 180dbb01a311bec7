"""Module registry: API name → ``ModuleSpec`` for every module the emulator serves.

To add a module, define its ``ModuleSpec`` in ``domain/modules/<name>.py`` and list it in
``_BUILTIN`` below (or call ``register`` at start-up). Linking modules are registered too:
their field metadata must be served even though they are not API-supported.
"""

from __future__ import annotations

from collections.abc import Iterable

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.modules import accounts, contacts, deals, leads
from zcrm_local.domain.records.modules.services import SERVICES, SERVICES_X_USERS

_BUILTIN: tuple[ModuleSpec, ...] = (
    SERVICES, SERVICES_X_USERS, accounts.SPEC, contacts.SPEC, deals.SPEC, leads.SPEC,
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


def all_modules() -> Iterable[ModuleSpec]:
    """Registration order; ``GET /settings/modules`` lists them all."""
    return tuple(_MODULES.values())
