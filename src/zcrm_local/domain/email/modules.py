"""Which modules each email call accepts (spec 70 §4); custom modules (``…__c``) always."""

from __future__ import annotations

from zcrm_local.domain import errors as e

MSG_NOT_SUPPORTED = "the given module is not supported in api"

SEND_MAIL = frozenset({"Leads", "Contacts", "Deals", "Accounts", "Sales_Orders", "Purchase_Orders", "Invoices",
                       "Quotes", "Cases", "Vendors"})
EMAILS = frozenset({"Leads", "Accounts", "Contacts", "Deals", "Quotes", "Invoices", "Sales_Orders",
                    "Purchase_Orders"})
INVENTORY = frozenset({"Quotes", "Invoices", "Sales_Orders", "Purchase_Orders"})


def check(module: str, allowed: frozenset[str]) -> None:
    if module not in allowed and not module.endswith("__c"):
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, MSG_NOT_SUPPORTED, {"resource_path_index": 0})
