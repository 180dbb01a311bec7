"""Shared helpers of the Services contract tests: the seed sample, id mapping, profiles."""

from __future__ import annotations

import json
from typing import Any

from zcrm_local.domain.metadata import scoped_id
from zcrm_local.store.org import orgs as org_store

from tests.conftest import Org
from tests.unit.domain import domain_helpers as H


def seed_item(org: Org, **changes: Any) -> dict[str, Any]:
    """The Create Services seed sample with the org's own member id."""
    item: dict[str, Any] = {
        "Service_Name": "AC Repair",
        "Duration": "60",
        "Location": "Client Address",
        "Members": [{"Members": {"id": str(org.made.admin_id)}}],
        "Availability_Type": "Specific Day(s)",
        "Available_Days": ["Monday", "Tuesday"],
        "Available_Timings": [{"From": "10:00", "To": "18:30"}],
        "Price": 230.66,
        "Tax": [{"id": scoped_id(org.made.prefix, 21_003), "value": "Vat - 0.8 %"}],
        "Status": "Available",
        "Job_Sheet_Required": "Yes",
        "Job_Sheet_Section__s": "Standard",
        "Description": "AC repair and service at your doorstep.",
    }
    item.update(changes)
    return item


def to_org(value: Any, org: Org) -> Any:
    """Rewrite the domain tests' fixed ids (users, taxes) into this org's ids."""
    text = json.dumps(value)
    mapping = {
        str(H.U1): org.made.user_ids["admin"],
        str(H.U2): org.made.user_ids["standard"],
        str(H.U_INACTIVE): org.made.user_ids["inactive"],
        str(H.U_UNCONFIRMED): org.made.user_ids["unconfirmed"],
        str(H.VAT_ID): scoped_id(org.made.prefix, 21_003),
        str(H.SALES_TAX_ID): scoped_id(org.made.prefix, 21_001),
    }
    for old, new in mapping.items():
        text = text.replace(old, str(new))
    return json.loads(text)


def set_profile(backend: Any, org: Org, profile: str) -> None:
    with backend.db.write() as conn:
        org_store.update_org(conn, org.id, profile=profile)


def post(client: Any, org: Org, *items: Any) -> Any:
    return client.post("/crm/v7/Services__s", content=json.dumps({"data": list(items)}), headers=org.headers)
