"""Price Books (spec 40 §2.6); ``Pricing_Details`` rows are stored as sent."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.common import Fields, with_none

PRICING_MODELS = with_none("Flat", "Differential")


_PRICE_BOOKS = 10_600_000


SPEC = ModuleSpec(
    api_name="Price_Books", module_name="PriceBooks", singular_label="Price Book", plural_label="Price Books",
    id_suffix=_PRICE_BOOKS,
    fields=Fields(_PRICE_BOOKS)
    .text("Price_Book_Name", 120, "Price Book Name", mandatory=True)
    .add("Active", T.BOOLEAN)
    .picklist("Pricing_Model", PRICING_MODELS, "Pricing Model")
    .add("Pricing_Details", T.PRICING_DETAILS, "Pricing Details")
    .owner_fields("Price Book Owner").system_fields(description=True).build(),
    scope_word="pricebooks", sequence_number=8, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Price_Book_Name",), display_field="Price_Book_Name",
    section_label="Price Book Information", related_lists=(*NOTES_ATTACHMENTS, related("Products")),
)
