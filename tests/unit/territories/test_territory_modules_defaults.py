from datetime import UTC, datetime

import pytest

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import DataType
from zcrm_local.domain.records.modules import accounts, contacts, deals, leads
from zcrm_local.domain.territories import DEFAULT_FEATURE_STATE, check_feature, feature_error, root_territory

SPECS = {"Accounts": (accounts.SPEC, 2000), "Contacts": (contacts.SPEC, 3000), "Deals": (deals.SPEC, 4000),
         "Leads": (leads.SPEC, 5000)}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_module_spec_ids_and_names(name):
    spec, suffix = SPECS[name]
    assert spec.api_name == name and spec.id_suffix == suffix
    suffixes = [f.id_suffix for f in spec.fields]
    assert all(suffix * 1000 < s < (suffix + 1) * 1000 for s in suffixes)
    assert len(set(suffixes)) == len(suffixes) and len({f.api_name for f in spec.fields}) == len(spec.fields)


@pytest.mark.parametrize("module,field,data_type,mandatory", [
    ("Accounts", "Account_Name", DataType.TEXT, True), ("Accounts", "Annual_Revenue", DataType.CURRENCY, False),
    ("Accounts", "Industry", DataType.PICKLIST, False), ("Accounts", "Employees", DataType.INTEGER, False),
    ("Accounts", "Exchange_Rate", DataType.DOUBLE, False), ("Accounts", "Created_Time", DataType.DATETIME, False),
    ("Contacts", "Last_Name", DataType.TEXT, True), ("Contacts", "Account_Name", DataType.LOOKUP, False),
    ("Deals", "Amount", DataType.CURRENCY, False), ("Deals", "Stage", DataType.PICKLIST, True),
    ("Deals", "Closing_Date", DataType.DATE, True), ("Deals", "Contact_Name", DataType.LOOKUP, False),
    ("Leads", "Lead_Source", DataType.PICKLIST, False), ("Leads", "Email_Opt_Out", DataType.BOOLEAN, False),
    ("Leads", "Last_Name", DataType.TEXT, True),
])
def test_required_fields(module, field, data_type, mandatory):
    spec = SPECS[module][0].field(field)
    assert spec is not None and spec.data_type == data_type and spec.mandatory is mandatory


def test_lookups_point_at_modules():
    assert deals.SPEC.field("Account_Name").lookup_module == "Accounts"
    assert deals.SPEC.field("Contact_Name").lookup_module == "Contacts"
    assert "Closed Won" in deals.SPEC.field("Stage").picklist


def test_feature_gate():
    assert DEFAULT_FEATURE_STATE == "enabled" and feature_error("enabled") is None
    for state, expected in (("never_enabled", ("TERRITORY_NOT_ENABLED", "the territory feature is not enabled")),
                            ("disabled", ("TERRITORY_DISABLED", "the territory feature is disabled"))):
        with pytest.raises(ZohoError) as caught:
            check_feature(state)
        assert (caught.value.code, caught.value.message, caught.value.details, caught.value.status) == (
            *expected, {}, 403)


def test_root_territory_on_enable():
    now = datetime(2024, 7, 9, tzinfo=UTC)
    root = root_territory("zoho corp", "111", now).as_territory("1000")
    assert (root.name, root.api_name, root.description, root.permission_type, root.parent_id) == (
        "zoho corp", "zoho corp", "Organization Parent Territory", "read_only", None)
    assert root.manager_id == "111" and root.member_ids == {"111"} and root.is_root
    assert all(root.rule(k) is None for k in ("account_rule_criteria", "lead_rule_criteria", "deal_rule_criteria"))
    assert (root.created_time, root.modified_by_id) == (now, "111")
