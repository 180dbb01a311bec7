"""Zoho's v7 API index, from Territories on: every operation it lists, with the path it calls.

Facts only: the family heading the index files the operation under (the first nine operations sit
under Territories, whose heading precedes this part of the index), the method and name as the index
writes them, the doc page slug (``…/docs/api/v7/<slug>.html``) and the path or paths the page
documents. A path is relative to ``/crm/{version}/`` unless it starts with ``/`` (``/crm/bulk/…``);
``{download_url}`` is an absolute URL taken from an earlier answer. A ``{module}`` segment is any
records module; any other ``{name}`` is an ID or API name. ``docs/coverage.md`` is generated from
this table and the route table (``python -m zcrm_local.http.coverage``).
"""

from __future__ import annotations

from typing import NamedTuple

INDEX_SIZE = 259


class Operation(NamedTuple):
    family: str
    method: str
    name: str
    page: str
    paths: tuple[str, ...]


class ExtraRoute(NamedTuple):
    """A served method + path that no operation of this part of the index documents."""

    method: str
    path: str
    source: str


# method | name | page slug | paths (space-separated; an indented line continues the paths);
# "## Family" starts a family.
_INDEX = """
## Territories
POST   | Transfer and Delete Territories | transfer-delete-territories |
         settings/territories/actions/transfer_and_delete
         settings/territories/{id}/actions/transfer_and_delete
GET    | Child Territories of a Territory | get-child-territories | settings/territories/{id}/__child_territories
GET    | Territories Assigned | get-territories-of-a-record | {module}/{id}
GET    | Associated User Count | associated-user-count | settings/territories/actions/associated_users_count
GET    | Retrieve User details Associated with a Territory | get-user-territory | settings/territories/{id}/users
         settings/territories/{id}/users/{user_id}
PUT    | Associate Users with Territory | associate-users-territory | settings/territories/{id}/users
         settings/territories/{id}/users/{user_id}
POST   | Remove Territories of Records | remove-territories-of-records | {module}/actions/remove_territories
         {module}/{id}/actions/remove_territories
POST   | Assign Territories to Records | assign-territories-to-records | {module}/actions/assign_territories
         {module}/{id}/actions/assign_territories
DELETE | Disassociate Users from Territory | disassociate-users-territory | settings/territories/{id}/users
         settings/territories/{id}/users/{user_id}

## Scoring Rules
GET    | Scoring Rules | scoring-rules | settings/automation/scoring_rules settings/automation/scoring_rules/{id}
POST   | Scoring Rules | create-scoring-rules | settings/automation/scoring_rules
PUT    | Scoring Rules | update-scoring-rules | settings/automation/scoring_rules
         settings/automation/scoring_rules/{id}
DELETE | Scoring Rules | delete-scoring-rules | settings/automation/scoring_rules
         settings/automation/scoring_rules/{id}
PUT    | Execute Scoring Rules | execute-scoring-rules | {module}/actions/run_scoring_rules
GET    | Entity Score | get-entity-scores | {module}/{id}/Entity_Scores__s
PUT    | Scoring Rule Status | update-rule-status | settings/automation/scoring_rules/{id}/actions/activate
POST   | Clone Scoring Rule | clone-scoring-rule | settings/automation/scoring_rules/{id}/actions/clone
GET    | Signals | get-signals | settings/signals

## Variables
GET    | Variables | get-variables | settings/variables settings/variables/{id}
PUT    | Variables | update-variables | settings/variables settings/variables/{id}
POST   | Variables | create-variables | settings/variables
DELETE | Variables | delete-variable | settings/variables settings/variables/{id}
GET    | Variable Groups | get-variable-group | settings/variable_groups settings/variable_groups/{id}

## Map Dependency
GET    | Mapped Dependency Fields | get-map-dependency | settings/layouts/{layout_id}/map_dependency
         settings/layouts/{layout_id}/map_dependency/{id}
POST   | Map Dependency | map-dependency | settings/layouts/{layout_id}/map_dependency
PUT    | Mapped Dependency Fields | update-map-dependency | settings/layouts/{layout_id}/map_dependency/{id}
DELETE | Mapped Dependency | delete-map-dependency | settings/layouts/{layout_id}/map_dependency/{id}

## Duplicate Check Option
POST   | Duplicate Check Option | enable-duplicate-record-check | settings/duplicate_check_preference
GET    | Duplicate Check Option | get-duplicate-record-check | settings/duplicate_check_preference
PUT    | Duplicate Check Option | update-duplicate-record-check | settings/duplicate_check_preference
DELETE | Duplicate Check Option | disable-duplicate-record-check | settings/duplicate_check_preference

## People Enrichment
POST   | People Enrichment | zia-enrichment/create-ppl-enrichment | __zia_people_enrichment
GET    | People Enrichment Details | zia-enrichment/get-ppl-config | __zia_people_enrichment
         __zia_people_enrichment/{id}

## Organization Enrichment
GET    | Data Enrichment | zia-enrichment/get-config | settings/zia/data_enrichment
POST   | Organization Enrichment | zia-enrichment/create-org-enrichment | __zia_org_enrichment
GET    | Get Organization Enrichment Details | zia-enrichment/get-org-config | __zia_org_enrichment
         __zia_org_enrichment/{id}

## Create Export Audit Log
POST   | Create Export Audit Log | create-export-audit-log | settings/audit_log_export
GET    | Get the Status of the Export Audit Log Job | get-export-audit-log | settings/audit_log_export
         settings/audit_log_export/{id}
GET    | Download Export Audit Log Result | download-export-audit-log-result | {download_url}

## User Groups
POST   | User Group | create-user-group | settings/user_groups
PUT    | User Group | update-user-group | settings/user_groups settings/user_groups/{id}
GET    | User Groups | get-user-groups | settings/user_groups settings/user_groups/{id}
GET    | Sources by Type | get-sources-by-type | settings/user_groups/{id}/sources
GET    | Sources Count | get-sources-count | settings/user_groups/{id}/actions/sources_count
DELETE | Delete User Group | delete-user-group | settings/user_groups/{id}
GET    | Associated Groups of a User | associated-groups-of-a-user | users/{user_id}/actions/associated_groups
GET    | Associated Users' Count in User Groups | associated-user-count-user-group |
         settings/user_groups/actions/associated_users_count
GET    | User Group Associations | user-groups-associations | settings/user_groups/{id}/actions/associations

## Tags
GET    | Tags | get-tag-list | settings/tags
POST   | Tags | create-tag | settings/tags
PUT    | Tags | update-tags | settings/tags settings/tags/{id}
DELETE | Tags | delete-tag | settings/tags/{id}
POST   | Merge Tags | merge-tags | settings/tags/{id}/actions/merge
POST   | Add Tags to Records | add-tags | {module}/actions/add_tags {module}/{id}/actions/add_tags
POST   | Remove Tags from Records | remove-tags | {module}/actions/remove_tags {module}/{id}/actions/remove_tags
GET    | Record Count for a Specific Tag | tag-record-count | settings/tags/{id}/actions/records_count
POST   | Mass Delete Tags | mass-delete-tags | settings/tags/actions/mass_delete
GET    | Mass Delete Tags Status | get-mass-delete-tags-status | settings/tags/actions/mass_delete

## Unsubscribe Links
GET    | Unsubscribe Links | get-unsubscribe-links | settings/unsubscribe_links settings/unsubscribe_links/{id}
POST   | Unsubscribe Link | create-unsubscribe-link | settings/unsubscribe_links
PUT    | Unsubscribe Link | update-unsubscribe-link | settings/unsubscribe_links settings/unsubscribe_links/{id}
DELETE | Unsubscribe Link | delete-unsubscribe-link | settings/unsubscribe_links/{id}
GET    | Unsubscribe Link Associations | unsubscribe-link-associations | settings/unsubscribe_link/actions/associations

## Cadences
GET    | Cadences | cadences/get-cadences | settings/automation/cadences
POST   | Enroll Records In Cadences | cadences/enroll | {module}/actions/enrol_in_cadences
POST   | Un-enroll Records from Cadences | cadences/unenroll | {module}/actions/unenrol_from_cadences

## Pipeline
GET    | Pipelines | get-pipelines | settings/pipeline settings/pipeline/{id}
POST   | Pipeline | create-pipeline | settings/pipeline
PUT    | Pipeline | update-pipeline | settings/pipeline settings/pipeline/{id}
POST   | Transfer and Delete a Pipeline | transfer-and-delete-pipeline | settings/pipeline/actions/transfer

## Wizards
GET    | Wizards | get-wizards | settings/wizards settings/wizards/{id}

## Assignment Rules
GET    | Assignment Rules | get-assignment-rules | settings/automation/assignment_rules
         settings/automation/assignment_rules/{id}

## Templates
GET    | Inventory Templates | inventory_templates | settings/inventory_templates settings/inventory_templates/{id}
GET    | Email Templates | email-templates | settings/email_templates settings/email_templates/{id}

## User's Unavailability
GET    | Users' Unavailability | get-user-unavailability | settings/users_unavailability
         settings/users_unavailability/{id}
POST   | User's Unavailable | post-user-unavailability | settings/users_unavailability
PUT    | User's Unavailability | update-user-unavailability | settings/users_unavailability
         settings/users_unavailability/{id}
DELETE | User's Unavailability | del-user-unavailability | settings/users_unavailability/{id}

## Portals
POST   | Portal | create-portal | settings/portals
PUT    | Portal | update-portal | settings/portals/{portal}
GET    | Portals | get-portals | settings/portals settings/portals/{portal}
POST   | User Type | create-user-type | settings/portals/{portal}/user_type
GET    | User Types | get-user-types | settings/portals/{portal}/user_type settings/portals/{portal}/user_type/{id}
PUT    | User Type | update-user-type | settings/portals/{portal}/user_type/{id}
DELETE | User Type | delete-user-type | settings/portals/{portal}/user_type/{id}
POST   | Invite a User to a Portal | invite-user | {module}/{id}/actions/portal_invite
POST   | Bulk Invite Users | portal-bulk-invite-users | {module}/actions/portal_invite
GET    | Bulk Invite Status | get-portal-invite-users-job-status | {module}/actions/portal_invite
PUT    | Transfer Users of a User Type | transfer-users-del-user-type |
         settings/portals/{portal}/user_type/{id}/users/action/transfer
GET    | Users of a User Type | get-users-user-type | settings/portals/{portal}/user_type/{id}/users
PUT    | Change User's Status | change-user-status-portal |
         settings/portals/{portal}/user_type/{id}/users/{user_id}/actions/change_status
DELETE | Delete User from the Portal | delete-user-from-portal | settings/portals/{portal}/user_type/{id}/users

## Fiscal Year
GET    | Fiscal Year | get-fiscal-year | settings/fiscal_year
PUT    | Fiscal Year | put-fiscal-year | settings/fiscal_year

## Business Hours
GET    | Business Hours | get-business-hours | settings/business_hours
POST   | Business Hours | add-business-hours | settings/business_hours
PUT    | Business Hours | update-business-hours | settings/business_hours

## Holidays
GET    | List of Holidays | get-holidays | settings/holidays settings/holidays/{id}
POST   | Holidays | add-holiday | settings/holidays
PUT    | Holiday | update-holidays | settings/holidays settings/holidays/{id}
DELETE | Holiday | delete-holiday | settings/holidays/{id}

## Record Locking Configuration
GET    | Record Locking Configuration | get-record-locking-config | settings/record_locking_configurations
         settings/record_locking_configurations/{id}
POST   | Record Locking Configuration | add-record-locking-config | settings/record_locking_configurations
PUT    | Record Locking Configuration | update-record-locking-config | settings/record_locking_configurations
         settings/record_locking_configurations/{id}
DELETE | Record Locking Configuration | delete-record-locking-config | settings/record_locking_configurations
         settings/record_locking_configurations/{id}

## Shift Hours
GET    | Shift Hours | get-shift-hours | settings/business_hours/shift_hours
         settings/business_hours/shift_hours/{id}
POST   | Shift Hours | add-shift-hours | settings/business_hours/shift_hours
PUT    | Shift Hours | update-shift-hours | settings/business_hours/shift_hours
         settings/business_hours/shift_hours/{id}
DELETE | Shift Hour | delete-shift-hours | settings/business_hours/shift_hours/{id}

## Organization
GET    | Organization Details | get-org-data | org
POST   | Upload Organization Photo | upload-org-img | org/photo
GET    | Organization Photo | get-org-img | org/photo
DELETE | Organization Photo | delete-org-img | org/photo

## Users
GET    | User | get-users | users users/{user_id}
POST   | User | add-user | users
PUT    | User | update-user | users users/{user_id}
DELETE | User | delete-user | users/{user_id}
GET    | Users Count | users-count | users/actions/count
GET    | Territories of a User | get-user-territories | users/{user_id}/territories users/{user_id}/territories/{id}
PUT    | Add or Update Territories of a User | add-update-user-territories | users/{user_id}/territories
DELETE | Remove Territories from User | remove-territories-from-user | users/{user_id}/territories
         users/{user_id}/territories/{id} Users/{user_id}/territories Users/{user_id}/territories/{id}
POST   | Transfer Records and Delete Users | transfer_records-delete_user | users/actions/transfer_and_delete
         users/{user_id}/actions/transfer_and_delete
GET    | Status of Transfer Records and Delete Users | transfer-records-delete-user-status |
         users/actions/transfer_and_delete

## Records
GET    | Records | get-records | {module} {module}/{id}
POST   | Records | insert-records | {module}
PUT    | Records | update-records | {module} {module}/{id}
DELETE | Records | delete-records | {module} {module}/{id}
POST   | Upsert Records | upsert-records | {module}/upsert
POST   | Record Clone | record-clone | {module}/{id}/actions/clone
GET    | Rich Text Fields | get-rich-text-fields | {module}/{id}/actions/fetch_full_data
GET    | Search Records | search-records | {module}/search
GET    | List of Deleted Records | get-deleted-records | {module}/deleted
GET    | Record Count in a Module | module_record_count | {module}/actions/count
GET    | Timeline of a Record | timeline-of-a-record | {module}/{id}/__timeline

## Convert Lead
POST   | Convert Lead | convert-lead | Leads/{id}/actions/convert
GET    | Lead Conversion Options | lead-conversion-options | Leads/{id}/__conversion_options
GET    | Mass Convert Lead Status | mass-convert-status | Leads/actions/mass_convert
POST   | Mass Convert Lead | mass-convert-lead | Leads/actions/mass_convert

## Convert Inventory Records
POST   | Inventory Records Convert | inventory-convert | {module}/{id}/actions/convert
POST   | Mass Inventory Records Convert API | mass-inventory-convert | {module}/actions/mass_convert
GET    | Get Mass Inventory Conversion Status | mass-inventory-conversion-status-api | {module}/actions/mass_convert

## Services
GET    | Services | get-services | Services__s Services__s/{id}
POST   | Services | create-services | Services__s
PUT    | Services | update-services | Services__s Services__s/{id}
DELETE | Services | delete-services | Services__s Services__s/{id}
GET    | Service Preferences | get-service-preferences | settings/service_preferences
PUT    | Service Preferences | update-service-preferences | settings/service_preferences

## Appointments
GET    | Appointments | get-appointments | Appointments__s Appointments__s/{id}
POST   | Appointments | create-appointments | Appointments__s
PUT    | Appointments | update-appointments | Appointments__s Appointments__s/{id}
DELETE | Appointments | delete-appointments | Appointments__s Appointments__s/{id}
GET    | Appointment Preferences | get-appointment-preferences | settings/appointment_preferences
PUT    | Appointment Preferences | update-appointment-preferences | settings/appointment_preferences

## Appointments Rescheduled History
GET    | Appointments Rescheduled History | get-appointments-rescheduled-history | Appointments_Rescheduled_History__s
         Appointments_Rescheduled_History__s/{id}
POST   | Appointments Rescheduled History | add-appointments-rescheduled-history | Appointments_Rescheduled_History__s
PUT    | Appointments Rescheduled History | update-appointments-rescheduled-history |
         Appointments_Rescheduled_History__s
         Appointments_Rescheduled_History__s/{id}
DELETE | Appointments Rescheduled History | delete-appointments-rescheduled-history |
         Appointments_Rescheduled_History__s/{id}

## Mail Merge
POST   | Send Mail Merge | send-mail-merge | {module}/{id}/actions/send_mail_merge
POST   | Sign Mail Merge | sign-mail-merge | {module}/{id}/actions/sign_mail_merge
POST   | Download Mail Merge | download-mail-merge | {module}/{id}/actions/download_mail_merge

## Related Records
GET    | Related Records | get-related-records | {module}/{id}/{related_list}
         {module}/{id}/{related_list}/{related_id}
PUT    | Related Records | update-related-records | {module}/{id}/{related_list}
         {module}/{id}/{related_list}/{related_id}
DELETE | Delink Related Records | delink | {module}/{id}/{related_list} {module}/{id}/{related_list}/{related_id}
GET    | Related Records of a Deleted Record | get-related-records-of-deleted-record |
         {module}/deleted/{id}/{related_list}

## Record Locking
GET    | Record Locking Information | get-record-locking-info | {module}/{id}/Locking_Information__s
         {module}/{id}/Locking_Information__s/{lock_id}
POST   | Lock Records | lock-records | {module}/{id}/Locking_Information__s
PUT    | Record Locking Information | update-record-locking-info | {module}/{id}/Locking_Information__s/{lock_id}
DELETE | Unlock Records | unlock-records | {module}/{id}/Locking_Information__s/{lock_id}

## Records APIs using External ID
GET    | Records Using External ID | get-records-ext | {module}/{external_value}
POST   | Records using External ID | insert-records-ext | {module}
PUT    | Records Using External ID | update-records-ext | {module} {module}/{external_value}
DELETE | Records Using External ID | delete-records-ext | {module}/{external_value}
POST   | Upsert Records Using External ID | upsert-records-ext | {module}/upsert
GET    | Search Records Using External ID | search-records-ext | {module}/search

## Related Records Using External ID
GET    | Related Records Using External ID | get-related-records-ext | {module}/{external_value}/{related_list}
PUT    | Related Records Using External ID | update-related-records-ext | {module}/{external_value}/{related_list}
DELETE | Related Records Using External ID | delete-related-records-ext | {module}/{external_value}/{related_list}

## Merge Records
POST   | Merge Records | merge-records | {module}/{id}/actions/merge
GET    | Merge Records Job Status | get-merge-status | {module}/{id}/actions/merge

## List of Available APIs
GET    | List of Available APIs | list-available-rest-apis | __apis

## Features
GET    | Features | get-features | __features
GET    | User Licenses Count | get-user-licenses | __features/user_licenses

## Meeting Cancel
POST   | Meeting Cancel | meeting-cancel | Events/{id}/actions/cancel

## Subforms
GET    | Subform | subforms | {subform_module}
POST   | Subform Data | insert-subforms | {module}
PUT    | Subform Data | update-subforms | {module} {module}/{id}

## Contact Roles
GET    | Contact Roles | get-contact-roles | Contacts/roles Contacts/roles/{id}
POST   | Contact Roles | insert-contact-roles | Contacts/roles
PUT    | Contact Roles | update-contact-roles | Contacts/roles Contacts/roles/{id}
DELETE | Contact Roles | delete-contact-roles | Contacts/roles Contacts/roles/{id}
GET    | Contact Roles of a Specific Deal | get-contact-roles-of-a-specific-deal | Deals/{id}/Contact_Roles
PUT    | Add Contact Roles to a Specific Deal | add-contact-roles-to-a-specific-deal |
         Deals/{id}/Contact_Roles/{contact_id}
DELETE | Remove Contact Roles from a Specific Deal | remove-contact-role-from-a-specific-deal |
         Deals/{id}/Contact_Roles/{contact_id}

## Photos and Attachments
GET    | List of Attachments | get-attachments | {module}/{id}/Attachments
POST   | Attachment | upload-attachment | {module}/{id}/Attachments
GET    | Download an Attachment | download-attachments | {module}/{id}/Attachments/{attachment_id}
DELETE | Attachment | delete-attachments | {module}/{id}/Attachments/{attachment_id}
POST   | Photo | upload-image | {module}/{id}/photo
GET    | Photo | download-image | {module}/{id}/photo
DELETE | Photo | delete-image | {module}/{id}/photo

## Mass Update
POST   | Mass Update Records | mass-update-records | {module}/actions/mass_update
GET    | Mass Update Status | mass-update-status | {module}/actions/mass_update

## Mass Delete
POST   | Mass Delete Records | mass-delete | {module}/actions/mass_delete
GET    | Mass Delete Status | mass-delete-status | {module}/actions/mass_delete

## Currencies
GET    | Currencies Data | get-currencies-data | org/currencies org/currencies/{id}
POST   | Currencies | add-currencies | org/currencies
PUT    | Currencies | update-currencies | org/currencies org/currencies/{id}
POST   | Enable Multi-Currency | enable-multi-currency | org/currencies/actions/enable

## Files
GET    | Files | get-files | files
POST   | Upload Files to Zoho File System (ZFS) | upload-files-to-zfs | files

## Share
GET    | Share Records | get-shared-record-details | {module}/{id}/actions/share
POST   | Share Records | share-record | {module}/{id}/actions/share
PUT    | Share Permissions | update-share-permissions | {module}/{id}/actions/share
DELETE | Revoke Shared Records | revoke-shared-record | {module}/{id}/actions/share

## Fields Attachments
GET    | Download Field Attachments | download_field_attachments | {module}/{id}/actions/download_fields_attachment

## Recycle Bin
GET    | Recycle Bin Records | get-recycle-bin | settings/recycle_bin settings/recycle_bin/{id}
DELETE | Recycle Bin Records | del-recycle-bin-records | settings/recycle_bin settings/recycle_bin/{id}

## Change Owner
POST   | Change Owner | change-owner | {module}/{id}/actions/change_owner {module}/actions/change_owner

## Mass Change Owner
POST   | Mass Change Owner | mass-change-owner | {module}/actions/mass_change_owner
GET    | Mass Change Owner Status | mass-change-owner-status | {module}/actions/mass_change_owner

## Email Drafts
POST   | Create Drafts | create-drafts | {module}/{id}/__email_drafts
GET    | Drafts | get-drafts | {module}/{id}/__email_drafts {module}/{id}/__email_drafts/{draft_id}
PUT    | Update Draft | update-draft | {module}/{id}/__email_drafts/{draft_id}
DELETE | Delete Draft | delete-draft | {module}/{id}/__email_drafts/{draft_id}

## Emails
POST   | Associate Email with a Record | associate-email | {module}/{id}/actions/associate_email
GET    | Download Email Attachments | download-email-attachments | {module}/{id}/Emails/actions/download_attachments
GET    | Download Inline Images of an Email | download-inline-images |
         {module}/{id}/Emails/actions/download_inline_images
GET    | Email Shared Details | get-email-shared-details | {module}/{id}/__emails_sharing_details
GET    | Emails of a Record | get-email-rel-list | {module}/{id}/Emails {module}/{id}/Emails/{message_id}
GET    | List of Allowed "from" Addresses | get-from-addresses-list | settings/emails/actions/from_addresses
POST   | Send Mail | send-mail | {module}/{id}/actions/send_mail
POST   | Unblock Email | unblock-emails | {module}/actions/unblock_email {module}/{id}/actions/unblock_email

## Blueprint
GET    | Blueprint | blueprint-details | {module}/{id}/actions/blueprint
PUT    | Blueprint Details | update-blueprint | {module}/{id}/actions/blueprint

## Notes
POST   | Notes | create-notes | Notes {module}/{id}/Notes
GET    | Notes | get-notes | Notes Notes/{id} {module}/{id}/Notes
PUT    | Notes | update-notes | Notes Notes/{id} {module}/{id}/Notes/{note_id}
DELETE | Notes | delete-notes | Notes Notes/{id} {module}/{id}/Notes/{note_id}

## Data Backup
POST   | Schedule Data Backup | schedule-data-backup | /crm/bulk/{version}/backup
GET    | Backup Details | get-backup-info | /crm/bulk/{version}/backup
GET    | Data Backup History | backup-history | /crm/bulk/{version}/backup/history
GET    | Backed up Data | download-backup | {download_url}
GET    | Data Backup Download URLs | get-backup-urls | /crm/bulk/{version}/backup/urls
PUT    | Cancel Scheduled Data Backup | cancel-backup | /crm/bulk/{version}/backup/{id}/actions/cancel

## Bulk Write
POST   | Upload File | bulk-write/upload-file | upload
POST   | Create Bulk Write Job | bulk-write/create-job | /crm/bulk/{version}/write
GET    | Job Details | bulk-write/job-details | /crm/bulk/{version}/write/{job_id}
GET    | Download Result | bulk-write/download-result | {download_url}

## Bulk Read
POST   | Create Bulk Read job | bulk-read/create-job | /crm/bulk/{version}/read
GET    | Status of the Bulk Read Job | bulk-read/job-details | /crm/bulk/{version}/read/{job_id}
GET    | Download Bulk Read Result | bulk-read/download-result | /crm/bulk/{version}/read/{job_id}/result

## Composite API
POST   | Composite Request | composite-api | __composite_requests

## Notification APIs
GET    | Notification Details | notifications/get-details | actions/watch
POST   | Enable Notifications | notifications/enable | actions/watch
PATCH  | Update Specific Information of a Notification | notifications/update-info | actions/watch
PUT    | Details of a Notification | notifications/update-details | actions/watch
DELETE | Disable Notifications | notifications/disable | actions/watch
PATCH  | Disable Specific Notifications | notifications/specific-disable | actions/watch

## Query API
POST   | Records through a COQL Query | Get-Records-through-COQL-Query | coql
"""

# Routes served outside the index's part above: the earlier families (metadata, territories' own
# CRUD, taxes) and the v7 remove page's "Users" spelling's companions (spec 21 §8).
EXTRA_ROUTES: tuple[ExtraRoute, ...] = (
    ExtraRoute("PUT", "{module}/{id}/__email_drafts", "update drafts in bulk, items with id (spec 70 §4.4)"),
    ExtraRoute("GET", "org/taxes", "Taxes (earlier in the index)"),
    ExtraRoute("GET", "org/taxes/{id}", "Taxes (earlier in the index)"),
    ExtraRoute("GET", "settings/modules", "Modules metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/modules/{api_name}", "Modules metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/fields", "Fields metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/fields/{field_id}", "Fields metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/layouts", "Layouts metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/layouts/{layout_id}", "Layouts metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/related_lists", "Related lists metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/related_lists/{list_id}", "Related lists metadata (earlier in the index)"),
    ExtraRoute("GET", "settings/territories", "Territories (earlier in the index)"),
    ExtraRoute("POST", "settings/territories", "Territories (earlier in the index)"),
    ExtraRoute("PUT", "settings/territories", "Territories (earlier in the index)"),
    ExtraRoute("DELETE", "settings/territories", "Territories (earlier in the index)"),
    ExtraRoute("GET", "settings/territories/{id}", "Territories (earlier in the index)"),
    ExtraRoute("PUT", "settings/territories/{id}", "Territories (earlier in the index)"),
    ExtraRoute("DELETE", "settings/territories/{id}", "Territories (earlier in the index)"),
    ExtraRoute("GET", "Users/{user_id}/territories", "the remove page's spelling, served for every method"),
    ExtraRoute("PUT", "Users/{user_id}/territories", "the remove page's spelling, served for every method"),
    ExtraRoute("GET", "Users/{user_id}/territories/{id}", "the remove page's spelling, served for every method"),
    ExtraRoute("GET", "settings/roles", "Roles (earlier in the index)"),
    ExtraRoute("GET", "settings/roles/{id}", "Roles (earlier in the index)"),
    ExtraRoute("GET", "settings/profiles", "Profiles (earlier in the index)"),
    ExtraRoute("GET", "settings/profiles/{id}", "Profiles (earlier in the index)"),
    ExtraRoute("GET", "{module}/actions/fetch_full_data", "Rich Text Fields, the v8 multi-record form (D-522)"),
)


def _parse(text: str) -> tuple[Operation, ...]:
    operations: list[Operation] = []
    family = ""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith(" "):
            last = operations.pop()
            operations.append(last._replace(paths=(*last.paths, *line.split())))
            continue
        if line.startswith("## "):
            family = line[3:].strip()
            continue
        method, name, page, paths = (cell.strip() for cell in line.split("|"))
        operations.append(Operation(family, method, name, page, tuple(paths.split())))
    return tuple(operations)


OPERATIONS: tuple[Operation, ...] = _parse(_INDEX)
