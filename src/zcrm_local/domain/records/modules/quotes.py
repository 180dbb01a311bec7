"""Quotes (spec 40 §2.7); line items in ``Quoted_Items``."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.common import Fields
from zcrm_local.domain.records.modules.inventory import (
    CARRIERS,
    INVENTORY_FLAGS,
    QUOTE_STAGES,
    inventory_head,
    inventory_tail,
)

_B = 10_700_000

SPEC = ModuleSpec(
    api_name="Quotes", module_name="Quotes", singular_label="Quote", plural_label="Quotes", id_suffix=_B,
    fields=inventory_tail(
        inventory_head(Fields(_B), account_mandatory=True)
        .add("Quote_Number", T.AUTONUMBER, "Quote Number", read_only=True)
        .lookup("Deal_Name", "Deals", "Deal Name")
        .picklist("Quote_Stage", QUOTE_STAGES, "Quote Stage")
        .add("Valid_Till", T.DATE, "Valid Till")
        .text("Team", 100)
        .picklist("Carrier", CARRIERS),
        "Quoted_Items", "Quote Owner"),
    scope_word="quotes", sequence_number=9, convertable=True, section_label="Quote Information", **INVENTORY_FLAGS,
)
