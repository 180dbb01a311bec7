"""Generic coercion per data type, request envelopes, delete helpers."""

from __future__ import annotations

import pytest
from tests.unit.domain.domain_helpers import as_tuple, fld

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import DataType, FieldSpec
from zcrm_local.domain.records import results
from zcrm_local.domain.records.coerce import LinkEntry, coerce_value
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.values import json_number, parse_id
from zcrm_local.http.render import outcome_body

P = "$.data[0].X"


def spec(data_type: DataType, **kw) -> FieldSpec:
    return FieldSpec("X", data_type, "X", 1, **kw)


@pytest.mark.parametrize(
    ("data_type", "kw", "value", "expected"),
    [
        (DataType.INTEGER, {}, "60", 60),
        (DataType.INTEGER, {}, 60, 60),
        (DataType.INTEGER, {}, 60.0, 60),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, 230.66, "230.66"),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, "44", "44"),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, 1.005, "1.01"),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, "99999999999999.99", "99999999999999.99"),
        (DataType.BOOLEAN, {}, False, False),
        (DataType.DATE, {}, "2023-03-24", "2023-03-24"),
        (DataType.DATETIME, {}, "2023-03-29T21:19:19+05:30", "2023-03-29T15:49:19+00:00"),
        (DataType.DATETIME, {}, "2023-03-29T15:49:19Z", "2023-03-29T15:49:19+00:00"),
        (DataType.TEXT, {"length": 3}, "abc", "abc"),
        (DataType.MULTISELECTPICKLIST, {}, ["Monday", "Monday", "Friday"], ["Monday", "Friday"]),
        (DataType.OWNERLOOKUP, {}, {"id": 5545974000000393001}, "5545974000000393001"),
        (DataType.MULTIUSERLOOKUP, {}, [{"Members": {"id": "12"}}, {"id": 9, "_delete": None}],
         (LinkEntry(0, user_id=12), LinkEntry(1, link_id=9, delete=True))),
    ],
)
def test_coerce_accepts(data_type, kw, value, expected):
    field = FieldSpec("Members" if data_type == DataType.MULTIUSERLOOKUP else "X", data_type, "X", 1, **kw)
    assert coerce_value(field, value, P) == expected


@pytest.mark.parametrize(
    ("data_type", "kw", "value", "details"),
    [
        (DataType.INTEGER, {}, "6x", {"expected_data_type": "integer"}),
        (DataType.INTEGER, {}, True, {"expected_data_type": "integer"}),
        (DataType.INTEGER, {}, 1.5, {"expected_data_type": "integer"}),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, "abc", {"expected_data_type": "double"}),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, 12345678901234567, {"maximum_length": 16}),
        (DataType.CURRENCY, {"length": 16, "decimal_place": 2}, 1e300, {"maximum_length": 16}),
        (DataType.BOOLEAN, {}, "true", {"expected_data_type": "boolean"}),
        (DataType.DATE, {}, "2023-02-30", {"expected_data_type": "date"}),
        (DataType.DATE, {}, "24-03-2023", {"expected_data_type": "date"}),
        (DataType.DATETIME, {}, "2023-03-29T21:19:19", {"expected_data_type": "datetime"}),
        (DataType.DATETIME, {}, "2023-03-29", {"expected_data_type": "datetime"}),
        (DataType.TEXT, {"length": 3}, "abcd", {"maximum_length": 3}),
        (DataType.TEXT, {}, 5, {"expected_data_type": "text"}),
        (DataType.PICKLIST, {}, ["a"], {"expected_data_type": "text"}),
        (DataType.MULTISELECTPICKLIST, {}, "Monday", {"expected_data_type": "jsonarray"}),
        (DataType.MULTIUSERLOOKUP, {}, {"Members": {"id": 1}}, {"expected_data_type": "jsonarray"}),
        (DataType.TIME_RANGE, {}, {"From": "10:00"}, {"expected_data_type": "jsonarray"}),
        (DataType.MULTI_DATE, {}, "2026-01-01", {"expected_data_type": "jsonarray"}),
        (DataType.OWNERLOOKUP, {}, "5545974000000393001", {"expected_data_type": "jsonobject"}),
    ],
)
def test_coerce_refuses(data_type, kw, value, details):
    with pytest.raises(ZohoError) as caught:
        coerce_value(spec(data_type, **kw), value, P)
    assert as_tuple(caught.value) == ("INVALID_DATA", "invalid data", {**details, "api_name": "X", "json_path": P}, 400)


def test_lookup_bad_id_is_invalid_id():
    with pytest.raises(ZohoError) as caught:
        coerce_value(FieldSpec("Owner", DataType.OWNERLOOKUP, "Owner", 1), {"id": "abc"}, "$.data[0].Owner")
    assert as_tuple(caught.value) == ("INVALID_DATA", "the id given seems to be invalid", fld("Owner"), 400)


def test_multiuser_entry_shapes():
    field = FieldSpec("Members", DataType.MULTIUSERLOOKUP, "Members", 1)
    with pytest.raises(ZohoError) as caught:
        coerce_value(field, ["x"], "$.data[0].Members")
    assert caught.value.details == {"expected_data_type": "jsonobject", "api_name": "Members",
                                    "json_path": "$.data[0].Members[0]"}
    with pytest.raises(ZohoError) as caught:
        coerce_value(field, [{}], "$.data[0].Members")
    assert as_tuple(caught.value) == ("MANDATORY_NOT_FOUND", "required field not found",
                                      {"api_name": "Members", "json_path": "$.data[0].Members[0].Members"}, 400)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5545974000002180641", 5545974000002180641), (5545974000002180641, 5545974000002180641),
     ("9223372036854775808", None), ("1.0", None), (1.0, None), (True, None), ("-5", None), ("0", None)],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_json_number():
    assert json_number("44") == 44 and isinstance(json_number("44"), int)
    assert json_number("230.66") == 230.66


# ---- envelopes --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, ("MANDATORY_NOT_FOUND", "required field not found", {"api_name": "data", "json_path": "$.data"}, 400)),
        ([], ("MANDATORY_NOT_FOUND", "required field not found", {"api_name": "data", "json_path": "$.data"}, 400)),
        ({"data": None}, ("MANDATORY_NOT_FOUND", "required field not found", {"api_name": "data", "json_path": "$.data"}, 400)),
        ({"data": []}, ("MANDATORY_NOT_FOUND", "required field not found", {"api_name": "data", "json_path": "$.data"}, 400)),
        ({"data": {}}, ("INVALID_DATA", "invalid data",
                        {"expected_data_type": "jsonarray", "api_name": "data", "json_path": "$.data"}, 400)),
        ({"data": [{}] * 101}, ("LIMIT_EXCEEDED", "count of records in your request exceeds the limit",
                                {"maximum_length": 100, "api_name": "data"}, 400)),
    ],
)
def test_parse_data_array_refusals(body, expected):
    with pytest.raises(ZohoError) as caught:
        results.parse_data_array(body)
    assert as_tuple(caught.value) == expected


def test_parse_data_array_single_record_path():
    assert results.parse_data_array({"data": [{"a": 1}], "trigger": []}, max_items=1) == [{"a": 1}]
    with pytest.raises(ZohoError) as caught:
        results.parse_data_array({"data": [{}, {}]}, max_items=1)
    assert caught.value.details == {"maximum_length": 1, "api_name": "data", "json_path": "$.data"}


def test_item_not_object():
    with pytest.raises(ZohoError) as caught:
        require_object("x", 2)
    assert as_tuple(caught.value) == ("INVALID_DATA", "invalid data",
                                      {"expected_data_type": "jsonobject", "api_name": "data", "json_path": "$.data[2]"}, 400)


def test_delete_helpers():
    assert results.parse_delete_ids("1, 2,1,abc") == ["1", "2", "abc"]
    with pytest.raises(ZohoError) as caught:
        results.parse_delete_ids("")
    assert as_tuple(caught.value) == ("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                                      {"param_name": "ids"}, 400)
    with pytest.raises(ZohoError) as caught:
        results.parse_delete_ids(",".join(str(n) for n in range(1, 102)))
    assert as_tuple(caught.value) == ("LIMIT_EXCEEDED", "Limit Exceeded, You cannot give more than 100 record ids",
                                      {"limit": "100", "param_name": "ids"}, 400)
    assert outcome_body(results.delete_success(111115000000128210)) == {
        "code": "SUCCESS", "details": {"id": "111115000000128210"}, "message": "record deleted", "status": "success"}
    assert results.delete_failure("abc").body() == {
        "code": "INVALID_DATA", "details": {"id": "abc"}, "message": "record not deleted", "status": "error"}
    assert as_tuple(results.delete_path_failure()) == (
        "INVALID_DATA", "record not deleted", {"resource_path_index": 1}, 400)
