"""The whole /crm/{version}/… route table: reading it lists every implemented endpoint."""

from __future__ import annotations

from zcrm_local.domain.permissions import MANAGE_SETTINGS, MANAGE_USERS
from zcrm_local.http import platform, record_ops, records, recycle_bin, settings
from zcrm_local.http.call import Endpoint, Route
from zcrm_local.http.territory_routes import territory_routes

# Record routes name their permission per module: "{module}" is replaced by the gate.
_VIEW, _CREATE, _EDIT, _DELETE = (f"Crm_Implied_{verb}_{{module}}" for verb in ("View", "Create", "Edit", "Delete"))
_FORBIDDEN = "Forbidden due to insufficient permissions"  # business hours' own NO_PERMISSION text


def crm_routes() -> list[Route]:
    return [
        Route(("org",), {"GET": Endpoint(platform.get_org, ("org", None, "READ"))}),
        Route(("org", "taxes"), {"GET": Endpoint(settings.get_taxes, ("org", None, "READ"),
                                                 also=(("settings", "taxes", "READ"),))}),
        Route(("org", "taxes", "{tax_id}"), {"GET": Endpoint(settings.get_tax, ("org", None, "READ"),
                                                             also=(("settings", "taxes", "READ"),))}),
        Route(("users",), {"GET": Endpoint(platform.list_users, ("users", None, "READ"))}),
        Route(("users", "{user_id}"), {"GET": Endpoint(platform.get_user, ("users", None, "READ"))}),
        Route(("settings", "modules"), {"GET": Endpoint(settings.get_modules, ("settings", "modules", "READ"))}),
        Route(("settings", "fields"), {"GET": Endpoint(settings.get_fields, ("settings", "fields", "READ"))}),
        Route(("settings", "holidays"), {"GET": Endpoint(settings.get_holidays, ("settings", "holidays", "READ"))}),
        Route(("settings", "service_preferences"), {
            "GET": Endpoint(settings.get_service_preferences, ("settings", "modules", "READ"), since=3),
            "PUT": Endpoint(settings.update_service_preferences, ("settings", "modules", "UPDATE"), since=3,
                            permission=MANAGE_SETTINGS),
        }),
        Route(("settings", "business_hours"), {
            "GET": Endpoint(settings.get_business_hours, ("settings", "business_hours", "READ")),
            "POST": Endpoint(settings.create_business_hours, ("settings", "business_hours", "CREATE"),
                             permission=MANAGE_USERS, permission_message=_FORBIDDEN),
            "PUT": Endpoint(settings.update_business_hours, ("settings", "business_hours", "UPDATE"),
                            permission=MANAGE_USERS, permission_message=_FORBIDDEN),
        }),
        Route(("{module}",), {
            "GET": Endpoint(records.list_records, ("modules", "{module}", "READ"), permission=_VIEW),
            "POST": Endpoint(records.create_records, ("modules", "{module}", "CREATE"), permission=_CREATE),
            "PUT": Endpoint(records.update_records, ("modules", "{module}", "UPDATE"), permission=_EDIT),
            "DELETE": Endpoint(records.delete_records, ("modules", "{module}", "DELETE"), permission=_DELETE),
        }),
        Route(("{module}", "{id}"), {
            "GET": Endpoint(records.get_record, ("modules", "{module}", "READ"), permission=_VIEW),
            "PUT": Endpoint(records.update_record, ("modules", "{module}", "UPDATE"), permission=_EDIT),
            "DELETE": Endpoint(records.delete_record, ("modules", "{module}", "DELETE"), permission=_DELETE),
        }),
        *record_ops_routes(),
        *territory_routes(),
    ]


_CHANGE_OWNER = "Crm_Implied_Change_Owner_{module}"


def record_ops_routes() -> list[Route]:
    """Spec 40 §10–§17: upsert, clone, rich text, deleted, timeline, change owner, recycle bin,
    duplicate-check preference."""
    read = ("modules", "{module}", "READ")
    create = ("modules", "{module}", "CREATE")
    bin_scope, pref = ("settings", "recycle_bin"), ("settings", "duplicate_check_preference")
    return [
        Route(("{module}", "upsert"), {"POST": Endpoint(record_ops.upsert_records, create, permission=_CREATE,
                                                        also=(("modules", "{module}", "WRITE"),))}),
        Route(("{module}", "deleted"), {"GET": Endpoint(record_ops.deleted_records, read, permission=_VIEW)}),
        Route(("{module}", "actions", "fetch_full_data"), {
            "GET": Endpoint(record_ops.fetch_full_data_many, read, permission=_VIEW)}),
        Route(("{module}", "actions", "change_owner"), {
            "POST": Endpoint(record_ops.change_owner_bulk, ("change_owner", None, "CREATE"),
                             also=(("modules", None, "ALL"),), permission=_CHANGE_OWNER)}),
        Route(("{module}", "{id}", "actions", "clone"), {
            "POST": Endpoint(record_ops.clone_record, create, permission=_CREATE)}),
        Route(("{module}", "{id}", "actions", "fetch_full_data"), {
            "GET": Endpoint(record_ops.fetch_full_data, read, permission=_VIEW)}),
        Route(("{module}", "{id}", "actions", "change_owner"), {
            "POST": Endpoint(record_ops.change_owner_one, ("change_owner", None, "CREATE"),
                             also=(("modules", None, "ALL"),), permission=_CHANGE_OWNER)}),
        Route(("{module}", "{id}", "__timeline"), {"GET": Endpoint(record_ops.record_timeline, read,
                                                                   permission=_VIEW)}),
        Route(("settings", "recycle_bin"), {
            "GET": Endpoint(recycle_bin.get_bin, (*bin_scope, "READ")),
            "DELETE": Endpoint(recycle_bin.delete_bin, (*bin_scope, "DELETE")),
        }),
        Route(("settings", "recycle_bin", "{id}"), {
            "GET": Endpoint(recycle_bin.get_bin, (*bin_scope, "READ")),
            "DELETE": Endpoint(recycle_bin.delete_bin, (*bin_scope, "DELETE")),
        }),
        Route(("settings", "duplicate_check_preference"), {
            "GET": Endpoint(recycle_bin.get_duplicate_check_preference, (*pref, "READ")),
            "POST": Endpoint(recycle_bin.write_duplicate_check_preference, (*pref, "CREATE")),
            "PUT": Endpoint(recycle_bin.write_duplicate_check_preference, (*pref, "UPDATE")),
            "DELETE": Endpoint(recycle_bin.write_duplicate_check_preference, (*pref, "DELETE")),
        }),
    ]
