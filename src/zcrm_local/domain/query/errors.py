"""Every refusal of the query surface (spec 50 §3.2, §3.6, §4.3, §8.2, §9), one constructor each."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import ErrorCode, ZohoError

MSG_INVALID_QUERY = "invalid query formed"
MSG_INVALID_QUERY_LIVE = "Invalid query formed"
SEARCH_CONDITION_LIMIT = {"documented": 10, "live": 15}
IN_VALUES_LIMIT = 100
PAREN_DEPTH_LIMIT = 25
PARSING_TOO_LONG = "Parsing is happening for so long for the given query. please validate the query"


def invalid_query(details: dict[str, Any], profile: str = "documented") -> ZohoError:
    return ZohoError(ErrorCode.INVALID_QUERY,
                     MSG_INVALID_QUERY_LIVE if profile == "live" else MSG_INVALID_QUERY, details)


def coql_query(message: str, details: dict[str, Any]) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_QUERY, message, details)


def criteria_syntax(profile: str) -> ZohoError:
    return invalid_query({"param_name": "criteria"}, profile)


def not_searchable(api_name: str, profile: str) -> ZohoError:
    return invalid_query({"reason": "the field is not available for search", "api_name": api_name}, profile)


def bad_operator(operator: str, api_name: str, profile: str) -> ZohoError:
    return invalid_query({"operator": operator, "reason": "invalid operator found", "api_name": api_name}, profile)


def bad_value(data_type: str, api_name: str, value: str, profile: str) -> ZohoError:
    return invalid_query({"expected_data_type": data_type, "reason": "invalid value for search",
                          "api_name": api_name, "value": value}, profile)


def criteria_limit(limit: int) -> ZohoError:
    return ZohoError(ErrorCode.CRITERIA_LIMIT_EXCEEDED,
                     f"no of criterium that can be given exceed the limit {limit}", {})


def too_many_in(api_name: str) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_QUERY, f'Only {IN_VALUES_LIMIT} values are allowed in "IN" criteria',
                     {"api_name": api_name})


def wildcards(api_name: str) -> ZohoError:
    reason = "More than one wildcard(*) not allowed in a searchword"
    return ZohoError(ErrorCode.INVALID_QUERY, reason, {"reason": reason, "api_name": api_name})


def syntax(message: str, details: dict[str, Any] | None = None) -> ZohoError:
    return ZohoError(ErrorCode.SYNTAX_ERROR, message, details or {})


def unexpected(line: int, column: int, near: str) -> ZohoError:
    return syntax("unexpected token", {"line": line, "column": column, "near": near})


def limit_exceeded(details: dict[str, Any], message: str = "limit exceeded") -> ZohoError:
    return ZohoError(ErrorCode.LIMIT_EXCEEDED, message, details)


def invalid_column(name: str, clause: str) -> ZohoError:
    return coql_query("column given seems to be invalid", {"column_name": name, "clause": clause})


def coql_bad_value(data_type: str, name: str) -> ZohoError:
    return coql_query("value given seems to be invalid for the column",
                      {"expected_data_type": data_type, "column_name": name})


def coql_bad_operator(name: str, operator: str) -> ZohoError:
    return coql_query(MSG_INVALID_QUERY, {"reason": "invalid operator found", "column_name": name,
                                          "operator": operator})


def type_not_supported(name: str, data_type: str) -> ZohoError:
    return coql_query("data type not supported", {"column_name": name, "data_type": data_type})
