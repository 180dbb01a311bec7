"""The modules this server serves, by API name (case-insensitive lookup, spec Q-2)."""

from __future__ import annotations


def module_names() -> list[str]:
    return ["Services__s"]


def canonical_module(name: str) -> str | None:
    lowered = name.lower()
    for known in module_names():
        if known.lower() == lowered:
            return known
    return None
