"""The territory endpoints of spec 20 §3 and spec 21 §2–§8, for ``routes.crm_routes``.

Every one passes the feature gate. Writes need the Manage Territories permission, except the
DELETE of territories, which refuses on its own terms (``PERMISSION_DENIED``, OQ-17). Where a
page asks for two scopes together, either one is accepted (the gate ORs scopes).
"""

from __future__ import annotations

from zcrm_local.domain.permissions import MANAGE_TERRITORIES
from zcrm_local.http.call import Endpoint, Handler, Route, ScopeSpec
from zcrm_local.http.territories import endpoints as t
from zcrm_local.http.territories import members as mem
from zcrm_local.http.territories import records as rec

_BASE = ("settings", "territories")


def _territories(handler: Handler, op: str, *, write: bool = True, also: tuple[ScopeSpec, ...] = ()) -> Endpoint:
    return Endpoint(handler, ("settings", "territories", op), also=also,
                    permission=MANAGE_TERRITORIES if write else None, territory_feature=True)


def _users(handler: Handler, op: str, *, write: bool = True) -> Endpoint:
    return Endpoint(handler, ("users", None, op), also=(("settings", "territories", op),),
                    permission=MANAGE_TERRITORIES if write else None, territory_feature=True)


def territory_routes() -> list[Route]:
    return [
        Route(_BASE, {
            "GET": _territories(t.list_territories, "READ", write=False),
            "POST": _territories(t.create_territories, "CREATE"),
            "PUT": _territories(t.update_territories, "UPDATE"),
            "DELETE": _territories(t.delete_territories, "DELETE", write=False),
        }),
        Route((*_BASE, "actions", "transfer_and_delete"), {
            "POST": _territories(t.transfer_and_delete_territories, "DELETE"),
        }),
        Route((*_BASE, "actions", "associated_users_count"), {
            "GET": _territories(t.associated_users_count, "READ", write=False, also=(("users", None, "READ"),)),
        }),
        Route((*_BASE, "{territory_id}"), {
            "GET": _territories(t.get_territory, "READ", write=False),
            "PUT": _territories(t.update_territory, "UPDATE"),
            "DELETE": _territories(t.delete_territory, "DELETE", write=False),
        }),
        Route((*_BASE, "{territory_id}", "__child_territories"), {
            "GET": _territories(t.child_territories, "READ", write=False),
        }),
        Route((*_BASE, "{territory_id}", "actions", "transfer_and_delete"), {
            "POST": _territories(t.transfer_and_delete_territory, "DELETE"),
        }),
        Route((*_BASE, "{territory_id}", "users"), {
            "GET": _users(mem.list_territory_users, "READ", write=False),
            "PUT": _territories(mem.associate_users, "UPDATE"),
            "DELETE": _territories(mem.disassociate_users, "DELETE"),
        }),
        Route((*_BASE, "{territory_id}", "users", "{user_id}"), {
            "GET": _users(mem.get_territory_user, "READ", write=False),
            "PUT": _territories(mem.associate_user, "UPDATE"),
            "DELETE": _territories(mem.disassociate_user, "DELETE"),
        }),
        *_record_routes(),
        # The v7 remove page spells the segment "Users" (spec 21 §8): both spellings route.
        *(route for users in ("users", "Users") for route in _user_territory_routes(users)),
    ]


def _record_routes() -> list[Route]:
    """Territories of records: the module's update scope and edit permission (spec 21 §10)."""

    def action(handler: Handler) -> Endpoint:
        return Endpoint(handler, ("modules", "{module}", "UPDATE"), permission="Crm_Implied_Edit_{module}",
                        territory_feature=True)

    return [
        Route(("{module}", "actions", "assign_territories"), {"POST": action(rec.assign_territories)}),
        Route(("{module}", "actions", "remove_territories"), {"POST": action(rec.remove_territories)}),
        Route(("{module}", "{id}", "actions", "assign_territories"),
              {"POST": action(rec.assign_territories_to_record)}),
        Route(("{module}", "{id}", "actions", "remove_territories"),
              {"POST": action(rec.remove_territories_from_record)}),
    ]


def _user_territory_routes(users: str) -> list[Route]:
    return [
        Route((users, "{user_id}", "territories"), {
            "GET": _users(mem.list_user_territories, "READ", write=False),
            "PUT": _users(mem.add_user_territories, "UPDATE"),
            "DELETE": _users(mem.remove_user_territories, "DELETE"),
        }),
        Route((users, "{user_id}", "territories", "{territory_id}"), {
            "GET": _users(mem.get_user_territory, "READ", write=False),
            "DELETE": _users(mem.remove_user_territory, "DELETE"),
        }),
    ]
