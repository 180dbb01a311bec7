"""Org taxes (``12-platform.md`` §7): the model, its display form and ``GET /org/taxes``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from zcrm_local.domain.records.values import json_number


@dataclass(frozen=True)
class Tax:
    """``value`` is the rate in percent (``Decimal("0.8")``)."""

    id: int
    name: str
    value: Decimal
    sequence_number: int = 1

    @cached_property  # a pure function of two frozen fields, read once per item written
    def display_value(self) -> str:
        return tax_display_value(self.name, self.value)


def tax_display_value(name: str, rate: Decimal) -> str:
    """``"Vat - 0.8 %"``, ``"Sales Tax - 2.0 %"``: the rate with at least one decimal."""
    text = format(Decimal(rate).normalize(), "f")
    if "." not in text:
        text += ".0"
    return f"{name} - {text} %"


def tax_picklist(taxes: Iterable[Tax]) -> list[tuple[str, str]]:
    """``(id, display value)`` pairs for the ``Tax`` field metadata."""
    return [(str(tax.id), tax.display_value) for tax in taxes]


def render_tax(tax: Tax) -> dict[str, Any]:
    return {
        "id": str(tax.id),
        "name": tax.name,
        "display_label": tax.display_value,
        "value": json_number(str(tax.value)),
        "sequence_number": tax.sequence_number,
    }


def render_taxes(
    taxes: Sequence[Tax],
    *,
    auto_populate_tax: bool = False,
    modify_tax_rates: bool = False,
) -> dict[str, Any]:
    """``GET /org/taxes`` (and ``/org/taxes/{id}`` with a one-element list)."""
    return {
        "org_taxes": {
            "taxes": [render_tax(tax) for tax in sorted(taxes, key=lambda t: t.sequence_number)],
            "preference": {"auto_populate_tax": auto_populate_tax, "modify_tax_rates": modify_tax_rates},
        }
    }
