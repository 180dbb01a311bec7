"""Vendors (spec 40 §2.6)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields, with_none

GL_ACCOUNTS = with_none("Sales-Hardware", "Sales-Software", "Rental-Income", "Interest-Income",
                        "Sales-Software-Support", "Sales Other", "Interest Sales", "Service-Hardware Labor")

_VENDORS = 10_500_000


SPEC = ModuleSpec(
    api_name="Vendors", module_name="Vendors", singular_label="Vendor", plural_label="Vendors", id_suffix=_VENDORS,
    fields=Fields(_VENDORS)
    .text("Vendor_Name", 100, "Vendor Name", mandatory=True)
    .add("Email", T.EMAIL, length=100)
    .add("Phone", T.PHONE, length=30)
    .add("Website", T.WEBSITE, length=255)
    .text("Category", 100)
    .picklist("GL_Account", GL_ACCOUNTS, "GL Account")
    .text("Street", 250).text("City", 100).text("State", 100).text("Zip_Code", 30, "Zip Code").text("Country", 100)
    .owner_fields("Vendor Owner").system_fields(description=True, image=True).build(),
    scope_word="vendors", sequence_number=7, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Vendor_Name",), display_field="Vendor_Name", section_label="Vendor Information",
    related_lists=NOTES_ATTACHMENTS,
)
