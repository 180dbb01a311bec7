"""T1/T2 email and inventory templates (spec 70 §5): read-only fixtures, listed and filtered."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.records.values import parse_digits

EMAIL_MODULES = ("Leads", "Accounts", "Contacts", "Deals", "Tasks", "Events", "Calls", "Products", "Price_Books",
                 "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices", "Campaigns", "Vendors", "Cases",
                 "Solutions")
INVENTORY_MODULES = ("Quotes", "Invoices", "Purchase_Orders", "Sales_Orders")
SORT_BY = ("modified_time", "last_usage_time", "name", "created_time")
SORT_ORDER = ("desc", "asc")
MAX_PER_PAGE = 200
MSG_PATTERN = "Please check whether the input values are correct"


def _pattern(param: str) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.PATTERN_NOT_MATCHED, MSG_PATTERN, {"param_name": param})


def page(templates: Mapping[str, Mapping[str, Any]], query: Mapping[str, str], inventory: bool
         ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    modules = INVENTORY_MODULES if inventory else EMAIL_MODULES
    module = query.get("module")
    if module is not None and module not in modules and not module.endswith("__c"):
        raise e.invalid_param("module")
    sort_by = query.get("sort_by", "modified_time")
    sort_order = query.get("sort_order", "desc")
    if sort_order not in SORT_ORDER:
        raise _pattern("sort_order")
    if sort_by not in SORT_BY:
        raise _pattern("sort_by")
    number = parse_digits(query.get("page", "1"))
    per_page = parse_digits(query.get("per_page", str(MAX_PER_PAGE)))
    if not number:
        raise e.invalid_param("page")
    if not per_page or per_page > MAX_PER_PAGE:
        raise e.invalid_param("per_page")
    found = [dict(doc, id=key) for key, doc in templates.items()]
    if module is not None:
        found = [t for t in found if (t.get("module") or {}).get("api_name") == module]
    category = query.get("category")
    if category is not None:
        found = [t for t in found if t.get("category") == category or (category == "favorite" and t.get("favorite"))]
    found.sort(key=lambda t: str(t.get(sort_by) or ""), reverse=sort_order == "desc")
    chunk = found[(number - 1) * per_page: number * per_page]
    info = {"per_page": per_page, "count": len(chunk), "page": number, "more_records": number * per_page < len(found)}
    return [{k: v for k, v in t.items() if k != "content"} for t in chunk], info
