"""The fixture of spec 50 §12: three leads, two accounts, two contacts, inserted in order."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

import pytest

from zcrm_local.domain.metadata import DataType, FieldSpec
from zcrm_local.domain.records.modules import registry

_EXTRA_ACCOUNT_FIELDS = (
    FieldSpec("Parent_Account", DataType.LOOKUP, "Parent Account", 2_000_901, lookup_module="Accounts"),
    FieldSpec("Description", DataType.TEXTAREA, "Description", 2_000_902, length=32000),
)


@pytest.fixture
def query_catalogue():
    """The conformance fixture needs ``Parent_Account`` and ``Description`` on Accounts: added
    to the catalogue for the test when the module does not have them yet."""
    original = registry.get("Accounts")
    assert original is not None
    missing = tuple(f for f in _EXTRA_ACCOUNT_FIELDS if original.field(f.api_name) is None)
    if missing:
        registry.register(replace(original, fields=original.fields + missing))
    yield
    registry.register(original)


@dataclass
class Fixture:
    leads: dict[str, str]
    accounts: dict[str, str]
    contacts: dict[str, str]


def _create(client, org, module, item):
    r = client.post(f"/crm/v7/{module}", content=json.dumps({"data": [item]}), headers=org.headers)
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]


@pytest.fixture
def spec50(client, org, clock, query_catalogue) -> Fixture:
    leads = {}
    for name, created, item in (
        ("L1", "2024-02-10T10:00:00+05:30", {"Last_Name": "Boyle", "First_Name": "Patricia", "Company": "ABC Inc",
                                             "Lead_Source": "Advertisement", "Annual_Revenue": 100000,
                                             "Email": "p.boyle@zylker.com", "Email_Opt_Out": True}),
        ("L2", "2024-01-05T09:00:00+05:30", {"Last_Name": "Burns,B", "First_Name": "Mark", "Company": "ABC",
                                             "Lead_Source": "Cold Call", "Annual_Revenue": 250000,
                                             "Email": "sales-team@zoho.com", "Email_Opt_Out": False}),
        ("L3", "2024-01-06T09:00:00+05:30", {"Last_Name": "K\\", "Company": "Patricia(Boyle)",
                                             "Email": "sales_team@zoho.com", "Email_Opt_Out": False}),
    ):
        clock.set(datetime.fromisoformat(created))
        leads[name] = _create(client, org, "Leads", item)
    a1 = _create(client, org, "Accounts", {"Account_Name": "King"})
    a2 = _create(client, org, "Accounts", {"Account_Name": "Zylker", "Parent_Account": {"id": a1},
                                           "Description": "key account"})
    c1 = _create(client, org, "Contacts", {"Last_Name": "Boyle", "Account_Name": {"id": a2}})
    c2 = _create(client, org, "Contacts", {"Last_Name": "Smith"})
    return Fixture(leads, {"A1": a1, "A2": a2}, {"C1": c1, "C2": c2})
