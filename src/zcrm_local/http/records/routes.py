"""Routes of the records operations (spec 40 §10–§17) beside the plain record routes of
``http/routes.py``: upsert, clone, rich text, deleted, timeline, change owner, recycle bin,
duplicate-check preference."""

from __future__ import annotations

from zcrm_local.http.call import Endpoint, Route
from zcrm_local.http.records import ops as record_ops
from zcrm_local.http.records import recycle_bin

# Record routes name their permission per module: "{module}" is replaced by the gate.
VIEW, CREATE, EDIT, DELETE = (f"Crm_Implied_{verb}_{{module}}" for verb in ("View", "Create", "Edit", "Delete"))
CHANGE_OWNER = "Crm_Implied_Change_Owner_{module}"


def record_ops_routes() -> list[Route]:
    read = ("modules", "{module}", "READ")
    create = ("modules", "{module}", "CREATE")
    bin_scope, pref = ("settings", "recycle_bin"), ("settings", "duplicate_check_preference")
    return [
        Route(("{module}", "upsert"), {"POST": Endpoint(record_ops.upsert_records, create, permission=CREATE,
                                                        also=(("modules", "{module}", "WRITE"),))}),
        Route(("{module}", "deleted"), {"GET": Endpoint(record_ops.deleted_records, read, permission=VIEW)}),
        Route(("{module}", "actions", "fetch_full_data"), {
            "GET": Endpoint(record_ops.fetch_full_data_many, read, permission=VIEW)}),
        Route(("{module}", "actions", "change_owner"), {
            "POST": Endpoint(record_ops.change_owner_bulk, ("change_owner", None, "CREATE"),
                             also=(("modules", None, "ALL"),), permission=CHANGE_OWNER)}),
        Route(("{module}", "{id}", "actions", "clone"), {
            "POST": Endpoint(record_ops.clone_record, create, permission=CREATE)}),
        Route(("{module}", "{id}", "actions", "fetch_full_data"), {
            "GET": Endpoint(record_ops.fetch_full_data, read, permission=VIEW)}),
        Route(("{module}", "{id}", "actions", "change_owner"), {
            "POST": Endpoint(record_ops.change_owner_one, ("change_owner", None, "CREATE"),
                             also=(("modules", None, "ALL"),), permission=CHANGE_OWNER)}),
        Route(("{module}", "{id}", "__timeline"), {"GET": Endpoint(record_ops.record_timeline, read,
                                                                   permission=VIEW)}),
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
