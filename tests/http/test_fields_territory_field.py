"""The records' territory field in field metadata follows the feature switch (OQ-21)."""

from __future__ import annotations

import pytest

from tests.conftest import new_org


@pytest.mark.parametrize(("module", "key"), [("Accounts", "Territories"), ("Contacts", "Territories"),
                                             ("Deals", "Territory"), ("Leads", "Territories")])
def test_territory_field_listed_while_enabled(client, org, module, key):
    fields = client.get(f"/crm/v7/settings/fields?module={module}", headers=org.headers).json()["fields"]
    (field,) = [f for f in fields if f["api_name"] == key]
    assert (field["data_type"], field["json_type"], field["custom_field"], field["read_only"]) == (
        "territories", "jsonarray", False, True)
    assert len({f["id"] for f in fields}) == len(fields)


def test_territory_field_hidden_while_feature_off(client, backend):
    off = new_org(backend, territories=False)
    fields = client.get("/crm/v7/settings/fields?module=Accounts", headers=off.headers).json()["fields"]
    assert "Territories" not in {f["api_name"] for f in fields}
    services = client.get("/crm/v7/settings/fields?module=Services__s", headers=off.headers).json()["fields"]
    assert "Territories" not in {f["api_name"] for f in services}
