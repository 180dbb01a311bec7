"""Contacts: the minimal field set of spec 21 §15 (territories come from the contact's Account)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec

_B = 3_000_000

SPEC = ModuleSpec(
    api_name="Contacts",
    module_name="Contacts",
    singular_label="Contact",
    plural_label="Contacts",
    id_suffix=3000,
    fields=(
        FieldSpec("Last_Name", DataType.TEXT, "Last Name", _B + 1, length=80, mandatory=True),
        FieldSpec("First_Name", DataType.TEXT, "First Name", _B + 2, length=40),
        FieldSpec("Email", DataType.EMAIL, "Email", _B + 3, length=100),
        FieldSpec("Account_Name", DataType.LOOKUP, "Account Name", _B + 4, lookup_module="Accounts"),
        FieldSpec("Mailing_City", DataType.TEXT, "Mailing City", _B + 5, length=30),
        FieldSpec("Mailing_State", DataType.TEXT, "Mailing State", _B + 6, length=30),
        FieldSpec("Mailing_Country", DataType.TEXT, "Mailing Country", _B + 7, length=30),
        FieldSpec("Date_of_Birth", DataType.DATE, "Date of Birth", _B + 8),
        FieldSpec("Email_Opt_Out", DataType.BOOLEAN, "Email Opt Out", _B + 9),
        FieldSpec("Owner", DataType.OWNERLOOKUP, "Contact Owner", _B + 10),
        FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", _B + 11, read_only=True),
        FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", _B + 12, read_only=True),
        FieldSpec("Created_Time", DataType.DATETIME, "Created Time", _B + 13, read_only=True),
        FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", _B + 14, read_only=True),
    ),
    upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Email",),
    name_field="Full_Name",
    territory_field="Territories",
    territory_limit=10,
)
