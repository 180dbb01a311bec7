"""The whole /crm/{version}/… route table: reading it lists every implemented endpoint."""

from __future__ import annotations

from zcrm_local.domain.permissions import MANAGE_SETTINGS, MANAGE_USERS
from zcrm_local.http.call import Endpoint, Route
from zcrm_local.http.composite.endpoints import composite
from zcrm_local.http.email import drafts
from zcrm_local.http.email import endpoints as email
from zcrm_local.http.email import settings as email_settings
from zcrm_local.http.email import templates as email_templates
from zcrm_local.http.org import endpoints as org
from zcrm_local.http.query import endpoints as query
from zcrm_local.http.records import endpoints as records
from zcrm_local.http.settings import catalogue
from zcrm_local.http.records.routes import CREATE as _CREATE
from zcrm_local.http.records.routes import DELETE as _DELETE
from zcrm_local.http.records.routes import EDIT as _EDIT
from zcrm_local.http.records.routes import VIEW as _VIEW
from zcrm_local.http.records.routes import record_ops_routes
from zcrm_local.http.settings import endpoints as settings
from zcrm_local.http.territories.routes import territory_routes
from zcrm_local.http.users import endpoints as users
from zcrm_local.http.users import writes as user_writes

_FORBIDDEN = "Forbidden due to insufficient permissions"  # business hours' own NO_PERMISSION text


def crm_routes() -> list[Route]:
    return [
        Route(("org",), {"GET": Endpoint(org.get_org, ("org", None, "READ"))}),
        Route(("org", "taxes"), {"GET": Endpoint(settings.get_taxes, ("org", None, "READ"),
                                                 also=(("settings", "taxes", "READ"),))}),
        Route(("org", "taxes", "{tax_id}"), {"GET": Endpoint(settings.get_tax, ("org", None, "READ"),
                                                             also=(("settings", "taxes", "READ"),))}),
        Route(("users",), {
            "GET": Endpoint(users.list_users, ("users", None, "READ")),
            "POST": Endpoint(user_writes.create_user, ("users", None, "CREATE"), permission=MANAGE_USERS),
            # Anyone may change themselves; changing another user is checked per item (spec 40 §19.2).
            "PUT": Endpoint(user_writes.update_users, ("users", None, "UPDATE")),
        }),
        Route(("users", "{user_id}"), {
            "GET": Endpoint(users.get_user, ("users", None, "READ")),
            "PUT": Endpoint(user_writes.update_user, ("users", None, "UPDATE")),
            "DELETE": Endpoint(user_writes.delete_user, ("users", None, "DELETE"), permission=MANAGE_USERS),
        }),
        Route(("users", "actions", "count"), {"GET": Endpoint(users.count_users, ("users", None, "READ"))}),
        Route(("settings", "roles"), {"GET": Endpoint(users.list_roles, ("settings", "roles", "READ"))}),
        Route(("settings", "roles", "{role_id}"), {"GET": Endpoint(users.get_role, ("settings", "roles", "READ"))}),
        Route(("settings", "profiles"), {"GET": Endpoint(users.list_profiles, ("settings", "profiles", "READ"))}),
        Route(("settings", "profiles", "{profile_id}"), {
            "GET": Endpoint(users.get_profile, ("settings", "profiles", "READ"))}),
        Route(("settings", "modules"), {"GET": Endpoint(catalogue.get_modules, ("settings", "modules", "READ"))}),
        Route(("settings", "modules", "{api_name}"), {
            "GET": Endpoint(catalogue.get_module, ("settings", "modules", "READ"))}),
        Route(("settings", "fields"), {"GET": Endpoint(settings.get_fields, ("settings", "fields", "READ"))}),
        Route(("settings", "fields", "{field_id}"), {
            "GET": Endpoint(catalogue.get_field, ("settings", "fields", "READ"))}),
        Route(("settings", "layouts"), {"GET": Endpoint(catalogue.get_layouts, ("settings", "layouts", "READ"))}),
        Route(("settings", "layouts", "{layout_id}"), {
            "GET": Endpoint(catalogue.get_layout, ("settings", "layouts", "READ"))}),
        Route(("settings", "related_lists"), {
            "GET": Endpoint(catalogue.get_related_lists, ("settings", "related_lists", "READ"))}),
        Route(("settings", "related_lists", "{list_id}"), {
            "GET": Endpoint(catalogue.get_related_list, ("settings", "related_lists", "READ"))}),
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
        Route(("coql",), {"POST": Endpoint(query.coql, ("coql", None, "READ"))}),
        Route(("{module}",), {
            "GET": Endpoint(records.list_records, ("modules", "{module}", "READ"), permission=_VIEW),
            "POST": Endpoint(records.create_records, ("modules", "{module}", "CREATE"), permission=_CREATE),
            "PUT": Endpoint(records.update_records, ("modules", "{module}", "UPDATE"), permission=_EDIT),
            "DELETE": Endpoint(records.delete_records, ("modules", "{module}", "DELETE"), permission=_DELETE),
        }),
        Route(("{module}", "search"), {
            "GET": Endpoint(query.search_records, ("modules", "{module}", "READ"), permission=_VIEW),
        }),
        Route(("{module}", "actions", "count"), {
            "GET": Endpoint(query.record_count, ("modules", "{module}", "READ"), permission=_VIEW),
        }),
        Route(("{module}", "{id}"), {
            "GET": Endpoint(records.get_record, ("modules", "{module}", "READ"), permission=_VIEW),
            "PUT": Endpoint(records.update_record, ("modules", "{module}", "UPDATE"), permission=_EDIT),
            "DELETE": Endpoint(records.delete_record, ("modules", "{module}", "DELETE"), permission=_DELETE),
        }),
        *record_ops_routes(),
        Route(("settings", "emails", "actions", "from_addresses"), {
            "GET": Endpoint(email.from_addresses, ("settings", "emails", "READ"))}),
        Route(("{module}", "{id}", "actions", "send_mail"), {
            "POST": Endpoint(email.send_mail, ("send_mail", "{module}", "CREATE"),
                             also=(("send_mail", "all", "CREATE"),))}),
        Route(("{module}", "{id}", "Emails"), {
            "GET": Endpoint(email.emails_of_record, ("modules", "{module}", "READ"), permission=_VIEW)}),
        Route(("{module}", "{id}", "Emails", "{message_id}"), {
            "GET": Endpoint(email.email_of_record, ("modules", "{module}", "READ"), permission=_VIEW)}),
        Route(("{module}", "{id}", "__email_drafts"), {
            "POST": Endpoint(drafts.create_drafts, ("modules", "{module}", "CREATE")),
            "GET": Endpoint(drafts.get_drafts, ("modules", "{module}", "READ")),
            "PUT": Endpoint(drafts.update_drafts, ("modules", "{module}", "UPDATE"))}),
        Route(("{module}", "{id}", "__email_drafts", "{draft_id}"), {
            "GET": Endpoint(drafts.get_drafts, ("modules", "{module}", "READ")),
            "PUT": Endpoint(drafts.update_drafts, ("modules", "{module}", "UPDATE")),
            "DELETE": Endpoint(drafts.delete_draft, ("modules", "{module}", "DELETE"))}),
        Route(("{module}", "{id}", "actions", "associate_email"), {
            "POST": Endpoint(drafts.associate_email, ("modules", "{module}", "ALL"), also=(("modules", "emails", "ALL"),))}),
        Route(("{module}", "{id}", "Emails", "actions", "download_attachments"), {
            "GET": Endpoint(drafts.download_attachments, ("modules", "{module}", "READ"), permission=_VIEW)}),
        Route(("{module}", "{id}", "Emails", "actions", "download_inline_images"), {
            "GET": Endpoint(drafts.download_inline_images, ("modules", "{module}", "READ"), permission=_VIEW)}),
        Route(("{module}", "{id}", "__emails_sharing_details"), {
            "GET": Endpoint(drafts.sharing_details, ("modules", "{module}", "READ"), permission=_VIEW)}),
        Route(("{module}", "{id}", "actions", "unblock_email"), {
            "POST": Endpoint(drafts.unblock_record, ("send_mail", "{module}", "CREATE"),
                             also=(("send_mail", "all", "CREATE"),))}),
        Route(("{module}", "actions", "unblock_email"), {
            "POST": Endpoint(drafts.unblock_records, ("send_mail", "{module}", "CREATE"),
                             also=(("send_mail", "all", "CREATE"),))}),
        Route(("Events", "{id}", "actions", "cancel"), {
            "POST": Endpoint(drafts.cancel_meeting, ("modules", "events", "UPDATE"))}),
        Route(("settings", "email_templates"), {
            "GET": Endpoint(email_templates.email_templates, ("templates", "email", "READ"))}),
        Route(("settings", "email_templates", "{template_id}"), {
            "GET": Endpoint(email_templates.email_templates, ("templates", "email", "READ"))}),
        Route(("settings", "inventory_templates"), {
            "GET": Endpoint(email_templates.inventory_templates, ("templates", "inventory", "READ"))}),
        Route(("settings", "inventory_templates", "{template_id}"), {
            "GET": Endpoint(email_templates.inventory_templates, ("templates", "inventory", "READ"))}),
        Route(("settings", "unsubscribe_links"), {
            "GET": Endpoint(email_settings.get_links, ("settings", "unsubscribe", "READ"),
                            also=(("settings", "unsubscribe_links", "READ"),)),
            "POST": Endpoint(email_settings.create_link, ("settings", "unsubscribe", "CREATE")),
            "PUT": Endpoint(email_settings.update_links, ("settings", "unsubscribe", "UPDATE"))}),
        Route(("settings", "unsubscribe_links", "{link_id}"), {
            "GET": Endpoint(email_settings.get_links, ("settings", "unsubscribe", "READ"),
                            also=(("settings", "unsubscribe_links", "READ"),)),
            "PUT": Endpoint(email_settings.update_links, ("settings", "unsubscribe", "UPDATE")),
            "DELETE": Endpoint(email_settings.delete_link, ("settings", "unsubscribe", "DELETE"))}),
        Route(("settings", "unsubscribe_link", "actions", "associations"), {
            "GET": Endpoint(email_settings.link_associations, ("settings", "unsubscribe", "READ"),
                            also=(("settings", "unsubscribe_links", "READ"),))}),
        Route(("settings", "automation", "cadences"), {
            "GET": Endpoint(email_settings.get_cadences, ("settings", "cadences", "READ"))}),
        Route(("{module}", "actions", "enrol_in_cadences"), {
            "POST": Endpoint(email_settings.enrol_in_cadences, ("modules", "{module}", "CREATE"))}),
        Route(("{module}", "actions", "unenrol_from_cadences"), {
            "POST": Endpoint(email_settings.unenrol_from_cadences, ("modules", "{module}", "CREATE"))}),
        Route(("{module}", "{id}", "actions", "send_mail_merge"), {
            "POST": Endpoint(email_settings.send_mail_merge, ("settings", "mailmerge", "CREATE"))}),
        Route(("{module}", "{id}", "actions", "sign_mail_merge"), {
            "POST": Endpoint(email_settings.sign_mail_merge, ("settings", "mailmerge", "CREATE"))}),
        Route(("{module}", "{id}", "actions", "download_mail_merge"), {
            "POST": Endpoint(email_settings.download_mail_merge, ("settings", "mailmerge", "CREATE"))}),
        Route(("__composite_requests",), {
            "POST": Endpoint(composite, ("composite_requests", None, "CUSTOM"), since=3)}),
        *territory_routes(),
    ]
