"""Every territory-specific wire string, and constructors for the errors built from them.

Kept in one table so a capture of the live service can correct a message in one place.
"""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import MSG_INVALID_DATA, MSG_INVALID_ID, MSG_MANDATORY_NOT_FOUND, ErrorCode, ZohoError
from zcrm_local.domain.outcomes import Success, SuccessCode

MSG_MANDATORY = MSG_MANDATORY_NOT_FOUND
MSG_INVALID_DATA_TEXT = MSG_INVALID_DATA

# ---- feature gate (spec 20 §2.1) ----
MSG_FEATURE_NOT_ENABLED = "the territory feature is not enabled"
MSG_FEATURE_DISABLED = "the territory feature is disabled"
MSG_LEADS_NOT_ENABLED = "the territory feature is not enabled for Leads Module"

# ---- territory writes (spec 20 §10) ----
MSG_CREATED = "Territory Created Successfully"
MSG_UPDATED = "Territory Updated Successfully"
MSG_DELETED = "Given Territory Removed Successfully"
MSG_TRANSFERRED = (
    "Given Territory Removed Successfully and its child Territories moved to the another territory"
)
MSG_PERMISSION_TYPE = "Given Permission_type value is invalid"
MSG_TOO_LONG = "the value of the field exceeds the maximum allowed length"
MSG_NAME_EXISTS = "Given Territory name already exists"
MSG_NAME_REPEATED = "Duplicate Territory Name Found"
# Typos are Zoho's own.
MSG_CYCLE = (
    "Reporting_to id should not be the child of given territory. Chosse another territory as Reporing_to"
)
MSG_ROOT_UPDATE = "Cannot update the Org Territory except Name"
MSG_ROOT_DELETE = "Org Territory cannot be deleted"
MSG_HAS_CHILDREN = "Territory can't be deleted as it's having child"
MSG_LEAD_RULE_DISABLED = "Lead Rule Disabled"
MSG_DEAL_RULE_DISABLED = "Deal Rule Disabled"
MSG_TERRITORY_LIMIT = "Maximum Territory limit reached"
MSG_USERS_LIMIT = "Maximum Users Limit reached for a territory"
MSG_CRITERIA_LIMIT = "Maximum Territory Criteria Limit reached"
MSG_PARAM_MISSING = "mandatory param missing"
# OQ-17: the delete page's own refusal of a caller who may not manage territories.
MSG_DELETE_DENIED = "You don't have a permission to delete the Territory"
# OQ-5: no capture gives the over-the-limit message for body arrays.
MSG_ARRAY_LIMIT = "limit exceeded"
MSG_INVALID_REQUEST = (
    "unable to process your request. please verify whether you have entered proper method name, "
    "parameter and parameter values."
)

# ---- criteria (spec 20 §9.4) ----
MSG_BAD_API_NAME = "The given api_name seems to be invalid"
MSG_FIELD_NOT_SUPPORTED = "The given field api_name is not supported in criteria"
MSG_BAD_COMPARATOR = "The given comparator seems to be invalid"
MSG_BAD_FILTER_VALUE = "the given filter value is invalid"

# ---- users of territories (spec 21 §3–§8) ----
MSG_USER_ADDED = "Given User added to the mentioned territory Successfully"
MSG_USER_REMOVED = "Given User Removed from the mentioned territory Successfully"
MSG_USER_DELETED = "The user to whom you are trying to update is deleted."
MSG_USER_ALREADY_MEMBER = "Given user id already exists for that record"
MSG_UNKNOWN_USER_ID = "the given user id given seems to be invalid"
MSG_NOT_A_MEMBER = "Given user is not a member of this territory."
MSG_MANAGER_REMOVAL = "This user cannot be removed as the user is a manager of the mentioned Territory."
MSG_SELF_UPDATE = "Logged in user can't update their territories"
MSG_INVALID_TERRITORY_ID = "Invalid Territory Id"
MSG_ALREADY_ASSOCIATED = "Territory already associated with the user"
MSG_TERRITORY_ASSOCIATED = "Territory associated to the user successfully"
MSG_TERRITORY_UNLINKED = "Territory removed from the user successfully"
MSG_ROOT_FROM_USER = "Organization Territory cannot be removed from the user"
MSG_NOT_LINKED = "The territory ID is not linked with the specified user"

# ---- territories of records (spec 21 §10–§11) ----
MSG_ONE_PARAM_MISSING = "One of the expected parameter is missing"
MSG_BAD_RECORD_ID = "The record Id given seems to be invalid"
MSG_DUPLICATE_TERRITORY_IN_ITEM = "duplicate territory id found"
MSG_TERRITORY_ON_RECORD = "Given Territory id already exists for that record"
MSG_RECORD_LIMIT = "Maximum limit of territories for that record exceeds"
MSG_RECORD_LOCKED = "Sorry, you cannot perform this operation as the record is locked."
# OQ-23: pending capture.
MSG_ALREADY_SCHEDULED = "a job is already scheduled for the record"
MSG_SYSTEM_ASSIGNED = "Territory id which you are trying to remove was system assigned"
MSG_ASSIGN_SCHEDULED = "Territory assignment process scheduled successfully"
MSG_REMOVE_SCHEDULED = "Territory removal process scheduled successfully"
MSG_MODULE_NOT_SUPPORTED = "the api is not supported for this module"
MSG_INVALID_MODULE = "the module name given seems to be invalid"
MSG_TERRITORY_MODULE = "Territory is not supported for the given module"


# ---- constructors ----

def at(api_name: str, json_path: str, **extra: Any) -> dict[str, Any]:
    """Field details with the field keys first, as the spec prints them."""
    details: dict[str, Any] = {"api_name": api_name, "json_path": json_path}
    details.update(extra)
    return details


def mandatory(api_name: str, json_path: str, message: str = MSG_MANDATORY_NOT_FOUND) -> ZohoError:
    return ZohoError(ErrorCode.MANDATORY_NOT_FOUND, message, at(api_name, json_path))


def invalid(api_name: str, json_path: str, message: str = MSG_INVALID_DATA, **extra: Any) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, message, at(api_name, json_path, **extra))


def bad_type(api_name: str, json_path: str, expected: str) -> ZohoError:
    return invalid(api_name, json_path, expected_data_type=expected)


def bad_id(api_name: str, json_path: str) -> ZohoError:
    return invalid(api_name, json_path, MSG_INVALID_ID)


def too_long(api_name: str, json_path: str, limit: int) -> ZohoError:
    return invalid(api_name, json_path, MSG_TOO_LONG, maximum_length=limit)


def not_allowed(message: str, details: dict[str, Any] | None = None, status: int = 0) -> ZohoError:
    return ZohoError(ErrorCode.NOT_ALLOWED, message, details if details is not None else {}, status)


def limit_exceeded(message: str, limit: int, **extra: Any) -> ZohoError:
    details: dict[str, Any] = {"limit": limit}
    details.update(extra)
    return ZohoError(ErrorCode.LIMIT_EXCEEDED, message, details)


def id_error(message: str, ident: str) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, message, {"id": ident})


def path_id_error(index: int, message: str = MSG_INVALID_ID) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, message, {"resource_path_index": index})


def param_missing(name: str) -> ZohoError:
    return ZohoError(ErrorCode.REQUIRED_PARAM_MISSING, MSG_PARAM_MISSING, {"param_name": name})


def delete_denied() -> ZohoError:
    return ZohoError(ErrorCode.PERMISSION_DENIED, MSG_DELETE_DENIED, {}, 401)


def invalid_request() -> ZohoError:
    return ZohoError(ErrorCode.INVALID_REQUEST, MSG_INVALID_REQUEST, {})


def success(message: str, ident: str, code: SuccessCode = SuccessCode.SUCCESS, **extra: Any) -> Success:
    details: dict[str, Any] = dict(extra)
    details["id"] = ident
    return Success(message, details, code)
