"""``Services__s``: module metadata, the rule table, and the write entry points.

Every Services rule of ``10-services.md`` §4.4–§5 is one row of ``RULES``, in evaluation
order (§4.4 steps); the first failing row answers for the item. Rows tagged with a profile
apply only under it (``spec/README.md`` table); untagged rows apply to both. The generic
engine runs before the table (step 1: JSON types and lengths of the given keys, in field order).
The active-services limit (step 12) needs a count the store keeps: ``ServiceWrite.activates``
tells the store whether to check it, and ``active_limit_error`` is the refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from zcrm_local.domain.errors import (
    MSG_INVALID_DATA,
    MSG_INVALID_ID,
    MSG_MANDATORY_NOT_FOUND,
    ErrorCode,
    ZohoError,
    wrong_type,
)
from zcrm_local.domain.records.coerce import LinkEntry
from zcrm_local.domain.records.engine import GivenItem, apply_defaults, merge, read_item, require_object
from zcrm_local.domain.services import checks as c
from zcrm_local.domain.services import checks_time as t
from zcrm_local.domain.services.context import DEFAULT_ACTIVE_LIMIT, Draft, NewId, Profile, ServiceContext
from zcrm_local.domain.records.modules.services import (
    NOT_IN_USE,
    SERVICES,
    SERVICES_X_USERS,
    services_fields_json,
    statuses,
)

__all__ = [
    "RULES", "Rule", "SERVICES", "SERVICES_X_USERS", "ServiceContext", "ServiceWrite",
    "active_limit_error", "create_service", "services_fields_json", "statuses", "update_service",
]

DOC: Profile = "documented"
LIVE: Profile = "live"
NOT_ALLOWED_DOCUMENTED_STATUS = 403  # the seed pages print NOT_ALLOWED with HTTP 403

MSG_AVAILABILITY_TYPE = "The given Availability Type is not in picklist"
MSG_DURATION_LIVE = "Duration value should not be greater than 24hrs or less than 5mins"
MSG_CUSTOM_TIME = " The given custom time is invalid"
MSG_MEMBERS_LIMIT = "More than 100 users cannot be associated"
MSG_AVAILABLE_BOTH = (
    "When the service status is available,  either both Unavailable From and Unavailable Till"
    " must be null, or only Unavailable From can have a value."
)


@dataclass(frozen=True)
class Rule:
    step: int
    section: str
    code: ErrorCode
    message: str
    check: Callable[[Draft], dict[str, Any] | None]
    profile: Profile | None = None
    status: int = 0  # per-item status the documented profile reports (0 = the code's own)

    def error(self, details: dict[str, Any]) -> ZohoError:
        return ZohoError(self.code, self.message, details, self.status)


R = Rule
RULES: tuple[Rule, ...] = (
    R(1, "§5.3", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.too_many_timings),
    R(1, "§5.10", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.too_many_dates),
    R(2, "§4.4", ErrorCode.MANDATORY_NOT_FOUND, MSG_MANDATORY_NOT_FOUND, c.mandatory_missing),
    R(3, "§5.11", ErrorCode.INVALID_DATA, MSG_AVAILABILITY_TYPE, c.bad_availability_type),
    R(3, "§5.11", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_location),
    R(3, "§5.11 Q-21", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_status),
    R(3, "§5.11", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_job_sheet_required),
    R(3, "§5.9", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_job_sheet_section),
    R(3, "§4.2", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_day_name),
    R(4, "§5.3 Q-20", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.duration_outside_documented, DOC),
    R(4, "§5.3 Q-20", ErrorCode.INVALID_DATA, MSG_DURATION_LIVE, c.duration_outside_live, LIVE),
    R(4, "§5.8", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.negative_price),
    R(5, "§5.1", ErrorCode.DEPENDENT_FIELD_MISSING, "Dependent Field missing", c.availability_dependent_missing),
    R(5, "§5.4", ErrorCode.DEPENDENT_FIELD_MISSING, "Dependent Field missing", c.unavailable_from_missing),
    R(5, "§5.4", ErrorCode.DEPENDENT_FIELD_MISSING, "Dependent Field missing", c.unavailable_till_missing),
    R(5, "§5.9", ErrorCode.DEPENDENT_FIELD_MISSING, "Dependent Field missing", c.job_sheet_section_missing),
    R(6, "§5.9", ErrorCode.NOT_ALLOWED, "Job Sheet is not configured in services preferences",
      c.job_sheet_not_configured, status=NOT_ALLOWED_DOCUMENTED_STATUS),
    R(6, "§5.9", ErrorCode.DEPENDENT_MISMATCH,
      "Job_Sheet_Section__s can have value only when value of Job_Sheet_Required is Yes",
      c.job_sheet_section_without_yes),
    R(7, "§5.11", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.bad_date_format),
    R(7, "§5.3", ErrorCode.INVALID_DATA, MSG_CUSTOM_TIME, c.bad_custom_time),
    R(7, "§5.1 Q-22", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.range_inverted_documented, DOC),
    R(7, "§5.1 Q-22", ErrorCode.DEPENDENT_MISMATCH,
      "To value must be Greater than From value", c.range_inverted_live, LIVE),
    R(8, "§5.5 Q-27", ErrorCode.INVALID_DATA, MSG_MEMBERS_LIMIT, c.too_many_members_documented, DOC),
    R(8, "§5.5 Q-27", ErrorCode.LIMIT_EXCEEDED, MSG_MEMBERS_LIMIT, c.too_many_members_live, LIVE),
    R(8, "§6 Q-31", ErrorCode.INVALID_DATA, MSG_INVALID_ID, c.unknown_member_link),
    R(8, "§5.5", ErrorCode.INVALID_DATA, MSG_INVALID_ID, c.unknown_member),
    R(8, "§5.5", ErrorCode.INVALID_DATA, "Members is not Active", c.inactive_member),
    R(8, "§5.5", ErrorCode.INVALID_DATA, "Members is not Confirmed", c.unconfirmed_member),
    R(8, "§5.7", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, c.unknown_tax),
    R(8, "§5.11", ErrorCode.INVALID_DATA, MSG_INVALID_ID, c.invalid_owner),
    R(9, "§5.2", ErrorCode.DEPENDENT_MISMATCH,
      "The given Available Days are not there in business days", t.days_not_business),
    R(9, "§5.2", ErrorCode.DEPENDENT_MISMATCH,
      "Available Dates value in holiday or Not in BusinessDays", t.dates_not_business),
    R(9, "§5.2", ErrorCode.DEPENDENT_MISMATCH, "Service available time does not satisfy the business timing",
      t.timings_outside_hours),
    R(10, "§5.3 Q-25", ErrorCode.INVALID_DATA, "Available timings does not satisfy the service duration",
      t.timings_shorter_documented, DOC),
    R(10, "§5.3 Q-25", ErrorCode.DEPENDENT_MISMATCH, "Duration does not satisfy the service timing",
      t.timings_shorter_live, LIVE),
    # The transition rule goes first: it is the reason the other step-11 rows would fail.
    R(11, "§5.6", ErrorCode.DEPENDENT_MISMATCH,
      "Service status cannot be marked as Not In Use or Temporarily Unavailable for scheduled services.",
      t.scheduled_to_unavailable),
    R(11, "§5.4", ErrorCode.DEPENDENT_MISMATCH, MSG_AVAILABLE_BOTH, t.live_available_with_till, LIVE),
    R(11, "§5.4", ErrorCode.DEPENDENT_MISMATCH,
      "When the service status is available, Unavailable From must be greater than current date",
      t.live_available_from_not_future, LIVE),
    R(11, "README Q-26", ErrorCode.DEPENDENT_MISMATCH,
      "When the service status is available, either both Unavailable From and Unavailable Till must be given or neither",
      t.documented_available_one_given, DOC),
    R(11, "README Q-26", ErrorCode.DEPENDENT_MISMATCH,
      "When the service status is available, Unavailable Till must be lesser than current Time.",
      t.documented_available_till_not_past, DOC),
    R(11, "§5.4", ErrorCode.DEPENDENT_MISMATCH, "Unavailable Till must be greater than current Time.",
      t.temporary_till_not_future),
    R(11, "§5.4", ErrorCode.DEPENDENT_MISMATCH,
      "Unavailable Till must be lesser than Unavailable From", t.till_not_after_from),
    R(11, "§5.4", ErrorCode.DEPENDENT_MISMATCH,
      "Services status cannot be marked as Not In Use when Unavailable From falls after the current Date",
      t.live_not_in_use_from_future, LIVE),
    R(11, "README Q-26", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, t.documented_not_in_use_from_future, DOC),
    R(11, "§5.4", ErrorCode.INVALID_DATA, MSG_INVALID_DATA, t.temporary_from_future),
    R(11, "§5.4", ErrorCode.INVALID_DATA, "Unavailable From time does not fall within service availability",
      t.unavailable_from_outside),
    R(11, "§5.4", ErrorCode.INVALID_DATA, "Unavailable Till time does not fall within service availability",
      t.unavailable_till_outside),
    R(11, "§5.6", ErrorCode.DEPENDENT_MISMATCH,
      "End Date of service availability falls before the current Date, so service cannot be marked as"
      " Available or Scheduled or Temporarily Unavailable",
      t.range_ended),
    R(11, "§5.6 Q-42", ErrorCode.NOT_ALLOWED, "As service availability is not valid, status cannot be changed",
      t.dates_all_past, status=NOT_ALLOWED_DOCUMENTED_STATUS),
    R(11, "§5.6", ErrorCode.DEPENDENT_MISMATCH,
      "Starting date of service availability falls before the current Date, so service cannot be marked as Scheduled",
      t.scheduled_start_not_future),
)


@cache  # a pure filter of a constant table, asked once per item
def rules_for(profile: Profile) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.profile in (None, profile))


@cache
def _checks_for(profile: Profile) -> tuple[tuple[Callable[[Draft], dict[str, Any] | None], Rule], ...]:
    return tuple((rule.check, rule) for rule in rules_for(profile))


def active_limit_error(index: int, limit: int = DEFAULT_ACTIVE_LIMIT) -> ZohoError:
    """Step 12: the store's refusal when a write would exceed the org's active services."""
    details = {"api_name": "Status", "limit": limit, "json_path": f"$.data[{index}].Status"}
    return ZohoError(ErrorCode.LIMIT_EXCEEDED, f"You cannot create more than {limit} active services", details)


@dataclass(frozen=True)
class ServiceWrite:
    """A validated write. ``record`` is the complete stored record (see ``STORED_FORM``).

    ``active``: the record counts as an active service (``Status`` ≠ ``Not in Use``).
    ``activates``: it did not count before this write (a create, or ``Not in Use`` → other):
    the store must check, atomically, that the org has fewer than ``ctx.active_limit`` active
    services, else answer ``active_limit_error(index, limit)`` for this item.
    """

    record: dict[str, Any]
    active: bool
    activates: bool


STORED_FORM = """
id, Owner, Created_By, Modified_By: digit strings (user ids for the last three)
Created_Time, Modified_Time, Unavailable_From, Unavailable_Till: UTC ISO strings or None
Price: plain decimal string ("230.66"); Duration: int
Members: [{"id": link id, "user_id": user id}] (strings)
Tax: [{"id", "value"}]; Available_Dates/Available_Days: lists of strings
Available_Timings: [{"From","To"}] or None; Tag: []; Record_Image: None; Record_Status__s: "Available"
"""

_CREATE_DEFAULTS: dict[str, Any] = {
    "Status": "Available", "Job_Sheet_Required": "No", "Available_Dates": list, "Available_Days": list,
    "Tax": list,
}
_OPTIONAL_KEYS = (
    "Available_From", "Available_Till", "Available_Timings", "Job_Sheet_Section__s",
    "Unavailable_From", "Unavailable_Till", "Description",
)


def _tax_entries(spec: Any, value: Any, path: str) -> list[Any]:
    """``Tax`` accepts objects and plain display strings (Q-11); resolved in step 8."""
    if not isinstance(value, list):
        raise wrong_type(spec.api_name, path, "jsonarray")
    if any(not isinstance(entry, (dict, str)) for entry in value):
        raise wrong_type(spec.api_name, path, "jsonobject")
    return list(value)


def _link_members(draft: Draft, entries: tuple[LinkEntry, ...] | None) -> None:
    """Merge the given ``Members`` entries into the stored links (Q-31)."""
    stored = [dict(link) for link in draft.stored_value("Members") or []]
    if entries is None:
        draft.links = [] if draft.given.given("Members") else stored
        return
    by_link = {int(link["id"]): link for link in stored}
    removed: set[int] = set()
    for entry in entries:
        if entry.link_id is not None or entry.bad_link:
            if entry.link_id not in by_link:
                draft.bad_links.append(entry.index)
            elif entry.delete:
                removed.add(entry.link_id)
    links = [link for link in stored if int(link["id"]) not in removed]
    linked = {str(link["user_id"]) for link in links}
    for entry in entries:
        if entry.link_id is None and not entry.bad_link and str(entry.user_id) not in linked:
            links.append({"id": None, "user_id": str(entry.user_id), "index": entry.index})
            draft.new_users.append((entry.index, entry.user_id))
            if entry.user_id is not None:
                linked.add(str(entry.user_id))
    draft.links = links


def _validate(item: Any, index: int, stored: Mapping[str, Any] | None, ctx: ServiceContext) -> Draft:
    source = require_object(item, index)
    given: GivenItem = read_item(SERVICES, source, f"$.data[{index}]", {"Tax": _tax_entries})
    merged = merge(stored, given)
    draft = Draft(index, given, stored, merged, ctx)
    _link_members(draft, given.get("Members"))
    merged["Members"] = draft.links
    for key in ("Available_Dates", "Available_Days", "Tax"):
        if merged.get(key) is None:
            merged[key] = []
    for check, rule in _checks_for(ctx.profile):
        details = check(draft)
        if details is not None:
            raise rule.error(details)
    return draft


def _finish(draft: Draft, ctx: ServiceContext, new_id: NewId, record_id: str | None) -> ServiceWrite:
    record = draft.merged
    apply_defaults(record, _CREATE_DEFAULTS)
    for key in _OPTIONAL_KEYS:
        record.setdefault(key, None)
    caller = str(ctx.caller.id) if ctx.caller else None
    now = ctx.now_stored
    if record_id is None:
        record_id = str(new_id())
        record.update(Created_By=caller, Created_Time=now, Tag=[], Record_Image=None, Record_Status__s="Available")
    record.update(id=record_id, Modified_By=caller, Modified_Time=now)
    if record.get("Owner") is None:
        record["Owner"] = draft.stored_value("Owner") or caller
    if draft.taxes is not None:
        record["Tax"] = draft.taxes
    record["Members"] = [
        {"id": str(link["id"]) if link["id"] is not None else str(new_id()), "user_id": link["user_id"]}
        for link in draft.links
    ]
    if record.get("Available_Days"):
        record["Available_Days"] = list(record["Available_Days"])
    record["Available_Dates"] = list(dict.fromkeys(record.get("Available_Dates") or []))
    active = record["Status"] != NOT_IN_USE
    was_active = draft.stored is not None and draft.stored.get("Status") != NOT_IN_USE
    return ServiceWrite(record, active, active and not was_active)


def create_service(item: Any, index: int, ctx: ServiceContext, new_id: NewId) -> ServiceWrite:
    """Validate item ``index`` of a ``POST /Services__s`` body and build the stored record.

    Raises the item's ``ZohoError`` (first failing rule). On success ``new_id`` is called
    once for the record id, then once per member link, in order.
    """
    draft = _validate(item, index, None, ctx)
    return _finish(draft, ctx, new_id, None)


def update_service(
    item: Any, index: int, stored: Mapping[str, Any], ctx: ServiceContext, new_id: NewId
) -> ServiceWrite:
    """Validate item ``index`` of a PUT against the ``stored`` record (partial update, Q-30).

    The caller has resolved the target id (``results.update_item_id``) and loaded ``stored``.
    ``new_id`` is called once per newly linked member. ``Created_*`` are kept.
    """
    draft = _validate(item, index, stored, ctx)
    return _finish(draft, ctx, new_id, str(stored["id"]))
