"""The whole /crm/{version}/… route table: reading it lists every implemented endpoint."""

from __future__ import annotations

from zcrm_local.domain.permissions import module_permission
from zcrm_local.http import platform
from zcrm_local.http.call import Endpoint, Route

_ = module_permission  # record routes name their permission as "{module}" templates


def crm_routes() -> list[Route]:
    return [
        Route(("org",), {"GET": Endpoint(platform.get_org, ("org", None, "READ"))}),
        Route(("users",), {"GET": Endpoint(platform.list_users, ("users", None, "READ"))}),
        Route(("users", "{user_id}"), {"GET": Endpoint(platform.get_user, ("users", None, "READ"))}),
    ]
