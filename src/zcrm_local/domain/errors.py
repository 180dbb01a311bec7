"""Zoho's wire errors: one exception type, one catalogue of codes and their HTTP statuses.

Domain code raises (or returns) ``ZohoError``; only ``http.render`` turns it into bytes.
Every message string that more than one rule uses lives here, so a grep for a code finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

class ErrorCode(StrEnum):
    """Every Zoho error code the server answers, with the HTTP status it has when it refuses a
    whole request (conventions §6; spec 21 for the territory codes). Per-item codes never choose
    the HTTP status on their own (conventions §4.3). A member is its code string on the wire, and
    a misspelt ``ErrorCode.X`` fails where it is written instead of answering a wrong code."""

    status: int

    def __new__(cls, code: str, status: int) -> ErrorCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.status = status
        return member

    AUTHENTICATION_FAILURE = "AUTHENTICATION_FAILURE", 401
    INVALID_TOKEN = "INVALID_TOKEN", 401
    OAUTH_SCOPE_MISMATCH = "OAUTH_SCOPE_MISMATCH", 401
    INVALID_URL_PATTERN = "INVALID_URL_PATTERN", 404
    INVALID_REQUEST_METHOD = "INVALID_REQUEST_METHOD", 400
    INVALID_MODULE = "INVALID_MODULE", 400
    API_NOT_SUPPORTED = "API_NOT_SUPPORTED", 400
    NO_PERMISSION = "NO_PERMISSION", 403
    AUTHORIZATION_FAILED = "AUTHORIZATION_FAILED", 400
    REQUIRED_PARAM_MISSING = "REQUIRED_PARAM_MISSING", 400
    UNABLE_TO_PARSE_DATA_TYPE = "UNABLE_TO_PARSE_DATA_TYPE", 400
    MANDATORY_NOT_FOUND = "MANDATORY_NOT_FOUND", 400
    INVALID_DATA = "INVALID_DATA", 400
    DEPENDENT_FIELD_MISSING = "DEPENDENT_FIELD_MISSING", 400
    DEPENDENT_MISMATCH = "DEPENDENT_MISMATCH", 400
    DUPLICATE_DATA = "DUPLICATE_DATA", 400
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED", 400
    NOT_ALLOWED = "NOT_ALLOWED", 400
    TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS", 429
    INTERNAL_ERROR = "INTERNAL_ERROR", 500
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR", 500
    DISCRETE_PAGINATION_LIMIT_EXCEEDED = "DISCRETE_PAGINATION_LIMIT_EXCEEDED", 400
    PAGINATION_LIMIT_EXCEEDED = "PAGINATION_LIMIT_EXCEEDED", 400
    TOKEN_BOUND_DATA_MISMATCH = "TOKEN_BOUND_DATA_MISMATCH", 400
    EXPIRED_VALUE = "EXPIRED_VALUE", 400
    AMBIGUITY_DURING_PROCESSING = "AMBIGUITY_DURING_PROCESSING", 400
    TERRITORY_NOT_ENABLED = "TERRITORY_NOT_ENABLED", 403
    TERRITORY_DISABLED = "TERRITORY_DISABLED", 403
    # Territory codes (spec 21).
    NOT_SUPPORTED = "NOT_SUPPORTED", 400
    INVALID_REQUEST = "INVALID_REQUEST", 400
    PERMISSION_DENIED = "PERMISSION_DENIED", 401
    ALREADY_USED = "ALREADY_USED", 400
    RECORD_LOCKED = "RECORD_LOCKED", 400
    ALREADY_SCHEDULED = "ALREADY_SCHEDULED", 400
    # Users writes (spec 40 §19–§20).
    LICENSE_LIMIT_EXCEEDED = "LICENSE_LIMIT_EXCEEDED", 400
    ID_ALREADY_DELETED = "ID_ALREADY_DELETED", 400
    ID_ALREADY_ACTIVE = "ID_ALREADY_ACTIVE", 400
    ID_ALREADY_DEACTIVATED = "ID_ALREADY_DEACTIVATED", 400
    CANNOT_UPDATE_DELETED_USER = "CANNOT_UPDATE_DELETED_USER", 400
    EMAIL_UPDATE_NOT_ALLOWED = "EMAIL_UPDATE_NOT_ALLOWED", 400
    EMAIL_UPDATE_NOT_ALOWED = "EMAIL_UPDATE_NOT_ALOWED", 400  # the live capture's spelling (spec 40 RQ-20)
    # Query codes (spec 50).
    INVALID_QUERY = "INVALID_QUERY", 400
    CRITERIA_LIMIT_EXCEEDED = "CRITERIA_LIMIT_EXCEEDED", 400
    EXPECTED_PARAM_MISSING = "EXPECTED_PARAM_MISSING", 400
    LIMIT_REACHED = "LIMIT_REACHED", 400
    SYNTAX_ERROR = "SYNTAX_ERROR", 400
    INVALID_ALIAS = "INVALID_ALIAS", 400
    DUPLICATE_ALIAS = "DUPLICATE_ALIAS", 400
    # Records operations (spec 40 §9–§17); RECORD_LOCKED and NOT_SUPPORTED above serve them too.
    PATTERN_NOT_MATCHED = "PATTERN_NOT_MATCHED", 400
    EXPECTED_FIELD_MISSING = "EXPECTED_FIELD_MISSING", 400
    ALREADY_CONFIGURED = "ALREADY_CONFIGURED", 400
    FEATURE_NOT_ENABLED = "FEATURE_NOT_ENABLED", 403
    ALREADY_MODIFIED = "ALREADY_MODIFIED", 412
    # Composite requests (spec 70 §3): items inside the composite answer.
    INVALID_REFERENCE = "INVALID_REFERENCE", 400
    LOOPING_FOUND = "LOOPING_FOUND", 400
    ROLLBACK_PERFORMED = "ROLLBACK_PERFORMED", 400
    PROCESSING_STOPPED = "PROCESSING_STOPPED", 400
    REQUEST_TIMEOUT = "REQUEST_TIMEOUT", 400
    # Emails (spec 70 §4–§9).
    FILE_SIZE_EXCEEDS = "FILE_SIZE_EXCEEDS", 400
    FEATURE_NOT_SUPPORTED = "FEATURE_NOT_SUPPORTED", 400
    INVALID_EMAIL = "INVALID_EMAIL", 400
    DEPENDENT_SERVICE_ERROR = "DEPENDENT_SERVICE_ERROR", 400
    CANNOT_PERFORM_ACTION = "CANNOT_PERFORM_ACTION", 400
    DAILY_LIMIT_EXCEEDED = "DAILY_LIMIT_EXCEEDED", 400
    CANNOT_PROCESS = "CANNOT_PROCESS", 400


# Derived, for code that holds a code as a plain string (fault rules name theirs in JSON).
STATUS_BY_CODE: dict[str, int] = {code.value: code.status for code in ErrorCode}

# Exact messages of conventions §6 (the v7 SDK's enumerated forms).
MSG_AUTHENTICATION_FAILURE = "Authentication failed"
MSG_INVALID_TOKEN = "invalid oauth token"
MSG_OAUTH_SCOPE_MISMATCH = "invalid oauth scope to access this URL"
MSG_INVALID_URL_PATTERN = "Please check if the URL trying to access is a correct one"
MSG_INVALID_REQUEST_METHOD = "The http request method type is not a valid one"
MSG_INVALID_MODULE = "the module name given seems to be invalid"
MSG_MODULE_NOT_IN_API = "the given module is not supported in api"
MSG_API_NOT_SUPPORTED = "api not supported in this version"
MSG_NO_PERMISSION = "permission denied"
MSG_REQUIRED_PARAM_MISSING = "One of the expected parameter is missing"
MSG_UNABLE_TO_PARSE = "either the request body or parameters is in wrong format"
MSG_MANDATORY_NOT_FOUND = "required field not found"
MSG_INVALID_DATA = "invalid data"
MSG_INVALID_ID = "the id given seems to be invalid"
MSG_INVALID_RELATED_ID = "the related id given seems to be invalid"
MSG_DEPENDENT_FIELD_MISSING = "Dependent Field missing"
MSG_DUPLICATE_DATA = "duplicate data"
MSG_TOO_MANY_REQUESTS = "too many requests"
MSG_INTERNAL_ERROR = "Internal Server Error"


@dataclass
class ZohoError(Exception):
    """A refusal in Zoho's four-key shape. ``status`` defaults from the catalogue."""

    code: ErrorCode | str  # a plain string only for a code a user gave (fault rules)
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    status: int = 0

    def __post_init__(self) -> None:
        if not self.status:
            self.status = STATUS_BY_CODE.get(self.code, 400)
        Exception.__init__(self, self.code, self.message)

    def body(self) -> dict[str, Any]:
        # Key order code, details, message, status is Zoho's (conventions §4.1).
        return {"code": self.code, "details": self.details, "message": self.message, "status": "error"}


# ---- constructors for the errors many rules share ---------------------------------------

def field_details(api_name: str, json_path: str, **extra: Any) -> dict[str, Any]:
    details: dict[str, Any] = dict(extra)
    details["api_name"] = api_name
    details["json_path"] = json_path
    return details


def mandatory_not_found(api_name: str, json_path: str) -> ZohoError:
    return ZohoError(ErrorCode.MANDATORY_NOT_FOUND, MSG_MANDATORY_NOT_FOUND, field_details(api_name, json_path))


def invalid_data(api_name: str, json_path: str, message: str = MSG_INVALID_DATA, **extra: Any) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, message, field_details(api_name, json_path, **extra))


def wrong_type(api_name: str, json_path: str, expected: str) -> ZohoError:
    return invalid_data(api_name, json_path, expected_data_type=expected)


def dependent_missing(dependee: str, api_name: str, base: str) -> ZohoError:
    return ZohoError(
        ErrorCode.DEPENDENT_FIELD_MISSING,
        MSG_DEPENDENT_FIELD_MISSING,
        dependency(dependee, api_name, base),
    )


def dependent_mismatch(dependee: str, api_name: str, base: str, message: str) -> ZohoError:
    return ZohoError(ErrorCode.DEPENDENT_MISMATCH, message, dependency(dependee, api_name, base))


def dependency(dependee: str, api_name: str, base: str) -> dict[str, Any]:
    """``base`` is the item's JSON path (``$.data[0]``)."""
    return {
        "dependee": {"api_name": dependee, "json_path": f"{base}.{dependee}"},
        "api_name": api_name,
        "json_path": f"{base}.{api_name}",
    }


def required_param_missing(param_name: str) -> ZohoError:
    return ZohoError(ErrorCode.REQUIRED_PARAM_MISSING, MSG_REQUIRED_PARAM_MISSING, {"param_name": param_name})


def invalid_param(param_name: str, supported_values: list[Any] | None = None) -> ZohoError:
    details: dict[str, Any] = {"param_name": param_name}
    if supported_values is not None:
        details["supported_values"] = supported_values
    return ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_DATA, details)


def invalid_path_id(index: int = 1) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_ID, {"resource_path_index": index})


def unable_to_parse() -> ZohoError:
    return ZohoError(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, MSG_UNABLE_TO_PARSE, {})


def internal_error() -> ZohoError:
    return ZohoError(ErrorCode.INTERNAL_ERROR, MSG_INTERNAL_ERROR, {})


# ---- additions for wrapped single-object resources --------------------------------------

@dataclass
class WrappedZohoError(ZohoError):
    """An error answered inside a resource wrapper (``{"business_hours":{…}}``).

    Single-object settings resources (business hours, service preferences) report some
    refusals inside their wrapper key instead of as a bare object; ``body()`` does the wrapping
    so the HTTP layer can render every ``ZohoError`` the same way.
    """

    wrapper: str = ""

    def body(self) -> dict[str, Any]:
        return {self.wrapper: ZohoError.body(self)}


def wrapped(wrapper: str, error: ZohoError) -> WrappedZohoError:
    return WrappedZohoError(error.code, error.message, error.details, error.status, wrapper=wrapper)


def dependency_at(dependee: str, api_name: str, base: str, json_path: str) -> dict[str, Any]:
    """Like ``dependency`` but with an explicit ``json_path`` (e.g. a timing window's key)."""
    return {
        "dependee": {"api_name": dependee, "json_path": f"{base}.{dependee}"},
        "api_name": api_name,
        "json_path": json_path,
    }
