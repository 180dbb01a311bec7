"""Every field type of spec 40 §3 through the generic write and render, on a test module that
has one field of each type (most have no standard module yet)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import FieldSpec, ModuleSpec
from zcrm_local.domain.records import field_types as ft
from zcrm_local.domain.records.coerce import RecordLink, coerce_value
from zcrm_local.domain.records.generic import RecordContext, write_record
from zcrm_local.domain.records.lookups import RelatedRef, full_name, ids_in_items, record_name
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.render import RenderContext, render_record
from zcrm_local.domain.records.values import digit_count

NOW = datetime(2026, 3, 4, 6, 0, 0, tzinfo=UTC)
ADA = UserRef(1001, "Ada", "ada@example.com")
GONE = UserRef(1002, "Gone", "gone@example.com", status="disabled")
ACCOUNT = RelatedRef(7001, "Accounts", "Zylker")
CONTACT = RelatedRef(7002, "Contacts", "Ada Lovelace")


def _f(n: int, name: str, kind: T, **kw: Any) -> FieldSpec:
    return FieldSpec(name, kind, name, n, **kw)


MODULE = ModuleSpec("Things__c", "Things", "Thing", "Things", 9000, fields=(
    _f(1, "Name", T.TEXT, length=20, mandatory=True),
    _f(2, "Notes", T.TEXTAREA),
    _f(3, "Mail", T.EMAIL),
    _f(4, "Tel", T.PHONE),
    _f(5, "Site", T.WEBSITE),
    _f(6, "Count", T.INTEGER, length=4),
    _f(7, "Big", T.BIGINT),
    _f(8, "Ratio", T.DOUBLE, decimal_place=3),
    _f(9, "Price", T.CURRENCY),
    _f(10, "Share", T.PERCENT),
    _f(11, "Flag", T.BOOLEAN),
    _f(12, "Day", T.DATE),
    _f(13, "At", T.DATETIME),
    _f(14, "Kind", T.PICKLIST, picklist=("A", "B")),
    _f(15, "Tags", T.MULTISELECTPICKLIST, picklist=("x", "y", "z")),
    _f(16, "Account", T.LOOKUP, lookup_module="Accounts"),
    _f(17, "Owner", T.OWNERLOOKUP),
    _f(18, "Helper", T.USERLOOKUP),
    _f(19, "Number", T.AUTONUMBER),
    _f(20, "Score", T.FORMULA),
    _f(21, "Total", T.ROLLUP_SUMMARY),
))
CTX = RecordContext(now=NOW, users={ADA.id: ADA, GONE.id: GONE}, caller=ADA,
                    related={ACCOUNT.id: ACCOUNT, CONTACT.id: CONTACT})
RENDER = RenderContext(users={ADA.id: ADA}, time_zone="Asia/Kolkata", currency_symbol="$",
                       related={ACCOUNT.id: ACCOUNT})


def write(item: dict[str, Any], stored: dict[str, Any] | None = None) -> dict[str, Any]:
    return write_record(MODULE, {"Name": "n", **item}, 0, stored, CTX, lambda: 9_000_000_000_000_000_001)


def read(item: dict[str, Any], key: str) -> Any:
    return render_record(MODULE, write(item), RENDER)[key]


def refusal(item: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    with pytest.raises(ZohoError) as caught:
        write(item)
    return caught.value.code, caught.value.message, caught.value.details


def at(key: str, **extra: Any) -> dict[str, Any]:
    return {**extra, "api_name": key, "json_path": f"$.data[0].{key}"}


@pytest.mark.parametrize(("key", "sent", "shown"), [
    ("Notes", "n" * 32000, "n" * 32000),
    ("Mail", "a.b+c@mail.example.org", "a.b+c@mail.example.org"),
    ("Tel", "+1 (555) 010-0000 ext. 9", "+1 (555) 010-0000 ext. 9"),
    ("Site", "https://example.com/a?b=c", "https://example.com/a?b=c"),
    ("Count", "-9999", -9999),
    ("Big", 123456789012345678, "123456789012345678"),
    ("Big", "-42", "-42"),
    ("Ratio", "0.0005", 0.001),
    ("Price", 10, 10),
    ("Price", "12.345", 12.35),
    ("Share", 12.345, 12.35),
    ("Flag", "false", False),
    ("Day", "2026-02-28", "2026-02-28"),
    ("At", "2026-03-04T06:00:00Z", "2026-03-04T11:30:00+05:30"),
    ("At", "2026-03-04T06:00:00.123-05:00", "2026-03-04T16:30:00+05:30"),
    ("Kind", "B", "B"),
    ("Tags", ["z", "x", "z"], ["z", "x"]),
    ("Tags", [], []),
    ("Account", {"id": "7001", "name": "ignored"}, {"name": "Zylker", "id": "7001"}),
    ("Account", "7001", {"name": "Zylker", "id": "7001"}),
    ("Owner", "1001", {"name": "Ada", "id": "1001", "email": "ada@example.com"}),
    ("Helper", {"id": 1001}, {"name": "Ada", "id": "1001"}),
    ("Number", "X-1", None),   # read-only types: ignored on write
    ("Score", 5, None),
    ("Total", 5, None),
])
def test_written_reads_back(key, sent, shown):
    assert read({key: sent}, key) == shown


@pytest.mark.parametrize(("key", "sent", "details"), [
    ("Name", "n" * 21, at("Name", maximum_length=20)),
    ("Notes", "n" * 32001, at("Notes", maximum_length=32000)),
    ("Mail", "m" * 95 + "@x.com", at("Mail", maximum_length=100)),
    ("Tel", "1" * 31, at("Tel", maximum_length=30)),
    ("Site", "s" * 256, at("Site", maximum_length=255)),
    ("Count", 12345, at("Count", maximum_length=4)),
    ("Count", 2**31, at("Count", expected_data_type="integer")),
    ("Count", "1e3", at("Count", expected_data_type="integer")),
    ("Big", 10**18, at("Big", maximum_length=18)),
    ("Big", "12.5", at("Big", expected_data_type="long")),
    ("Big", "٣", at("Big", expected_data_type="long")),
    ("Ratio", 10**16, at("Ratio", maximum_length=16)),
    ("Price", {"v": 1}, at("Price", expected_data_type="double")),
    ("Share", 123456, at("Share", maximum_length=5)),
    ("Share", "12", at("Share", expected_data_type="double")),
    ("Flag", "yes", at("Flag", expected_data_type="boolean")),
    ("Day", "2026-2-28", at("Day", expected_data_type="date")),
    ("At", "2026-03-04T06:00:00", at("At", expected_data_type="datetime")),
    ("At", "2026-03-04 06:00:00Z", at("At", expected_data_type="datetime")),
    ("Kind", 1, at("Kind", expected_data_type="text")),
    ("Tags", "x", at("Tags", expected_data_type="jsonarray")),
    ("Tags", [1], at("Tags", expected_data_type="text")),
    ("Account", [7001], at("Account", expected_data_type="jsonobject")),
    ("Owner", True, at("Owner", expected_data_type="jsonobject")),
])
def test_type_and_length_errors(key, sent, details):
    assert refusal({key: sent}) == ("INVALID_DATA", "invalid data", details)


@pytest.mark.parametrize(("key", "sent", "message"), [
    ("Mail", "no-at-sign", "invalid data"),
    ("Kind", "C", "invalid data"),
    ("Tags", ["x", "w"], "invalid data"),
    ("Account", {"id": "7002"}, "the related id given seems to be invalid"),   # a Contact, not an Account
    ("Account", {"id": "7999"}, "the related id given seems to be invalid"),
    ("Account", {"id": "-1"}, "the related id given seems to be invalid"),
    ("Owner", {"id": "1002"}, "the id given seems to be invalid"),            # inactive
    ("Helper", {"id": "1999"}, "the id given seems to be invalid"),
])
def test_value_and_reference_errors(key, sent, message):
    assert refusal({key: sent}) == ("INVALID_DATA", message, at(key))


def test_null_clears_and_mandatory_null_is_missing():
    stored = write({"Count": 5, "Account": {"id": 7001}})
    assert write({"Count": None, "Account": None}, stored)["Count"] is None
    with pytest.raises(ZohoError) as caught:
        write_record(MODULE, {"Name": None}, 0, stored, CTX, lambda: 1)
    assert caught.value.code == "MANDATORY_NOT_FOUND"


def test_system_keys_never_written():
    record = write({"$approved": False, "id": "1", "Created_Time": "2020-01-01T00:00:00Z"})
    assert "$approved" not in record and record["id"] == "9000000000000000001"
    assert render_record(MODULE, record, RENDER)["$approved"] is True


def test_multiselectlookup_shapes():
    field = _f(30, "Linked", T.MULTISELECTLOOKUP)
    assert coerce_value(field, [{"Contacts": {"id": "7002"}}, {"id": "55", "_delete": None}], "$.p", "X") == (
        RecordLink(0, target_id=7002), RecordLink(1, link_id=55, delete=True))
    with pytest.raises(ZohoError) as caught:
        coerce_value(field, {"Contacts": {"id": "7002"}}, "$.p", "X")
    assert caught.value.details == {"expected_data_type": "jsonarray", "api_name": "Linked", "json_path": "$.p"}
    with pytest.raises(ZohoError) as caught:
        coerce_value(field, [{"Contacts": {"id": "x"}}], "$.p", "X")
    assert (caught.value.message, caught.value.details) == (
        "the related id given seems to be invalid", {"api_name": "Linked", "json_path": "$.p[0].Contacts"})


@pytest.mark.parametrize("kind", [T.FILEUPLOAD, T.IMAGEUPLOAD])
def test_file_upload_shapes(kind):
    field = _f(31, "Files", kind)
    assert coerce_value(field, [{"File_Id__s": "abc"}, {"id": "9", "_delete": None}], "$.p", "X") == [
        {"File_Id__s": "abc"}, {"id": "9", "_delete": None}]
    for bad, details in [("abc", {"expected_data_type": "jsonarray", "api_name": "Files", "json_path": "$.p"}),
                         ([{"File_Id__s": ""}], {"api_name": "Files", "json_path": "$.p[0]"}),
                         (["abc"], {"expected_data_type": "jsonobject", "api_name": "Files", "json_path": "$.p[0]"})]:
        with pytest.raises(ZohoError) as caught:
            coerce_value(field, bad, "$.p", "X")
        assert (caught.value.code, caught.value.details) == ("INVALID_DATA", details)


def test_subform_rows_must_be_objects():
    field = _f(32, "Rows", T.SUBFORM)
    assert coerce_value(field, [{"Line": "a"}], "$.p", "X") == [{"Line": "a"}]
    with pytest.raises(ZohoError) as caught:
        coerce_value(field, [1], "$.p", "X")
    assert caught.value.details == {"expected_data_type": "jsonobject", "api_name": "Rows", "json_path": "$.p[0]"}


def test_record_names_and_lookup_ids():
    assert full_name({"First_Name": "Ada", "Last_Name": "Lovelace"}) == "Ada Lovelace"
    assert record_name("Leads", {"Last_Name": "Roe"}) == "Roe"
    assert record_name("Deals", {"Deal_Name": "Big"}) == "Big"
    assert record_name("Things__c", {"Name": "N"}) == "N"
    assert ids_in_items(MODULE, [{"Account": {"id": "7001"}}, {"Account": "7002"}, "junk", {"Account": {"id": "x"}}]) \
        == {7001, 7002}


# ---- properties --------------------------------------------------------------------------

INTS = st.integers(min_value=-9999, max_value=9999)


@settings(max_examples=200)
@given(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=30), st.booleans(), st.none()))
def test_integer_reads_back_or_is_refused(value):
    spec = _f(6, "Count", T.INTEGER, length=4)
    try:
        number = ft.read_integer(spec, value)
    except ft.BadValue:
        if value is None:
            return
        with pytest.raises(ZohoError):
            write({"Count": value})
        return
    assert -9999 <= number <= 9999
    assert read({"Count": value}, "Count") == number


@settings(max_examples=200)
@given(st.one_of(st.decimals(allow_nan=False, allow_infinity=False), st.floats(), st.integers(), st.text(max_size=40)))
def test_double_reads_back_or_is_refused(value):
    spec = _f(8, "Ratio", T.DOUBLE, decimal_place=3)
    sent = str(value) if isinstance(value, Decimal) else value
    try:
        number = ft.read_decimal(spec, sent)
    except ft.BadValue:
        with pytest.raises(ZohoError):
            write({"Ratio": sent})
        return
    assert digit_count(number) <= ft.digit_limit(spec)
    shown = read({"Ratio": sent}, "Ratio")
    assert Decimal(repr(shown)) == number if isinstance(shown, float) else Decimal(shown) == number


@settings(max_examples=100)
@given(st.integers(min_value=-(10**19), max_value=10**19))
def test_bigint_reads_back_as_string(value):
    if len(str(abs(value))) > 18:
        assert refusal({"Big": value})[2] == at("Big", maximum_length=18)
    else:
        assert read({"Big": value}, "Big") == str(value)


def test_append_values_adds_to_stored_entries():
    stored = write({"Tags": ["y"]})
    assert write({"Tags": ["x", "y"], "$append_values": {"Tags": True}}, stored)["Tags"] == ["y", "x"]
    assert write({"Tags": ["x"], "$append_values": {"Tags": False}}, stored)["Tags"] == ["x"]
    assert write({"Tags": ["x"]}, stored)["Tags"] == ["x"]
    # On create the flag changes nothing; an appended value is still checked.
    assert write({"Tags": ["x"], "$append_values": {"Tags": True}})["Tags"] == ["x"]
    with pytest.raises(ZohoError):
        write({"Tags": ["w"], "$append_values": {"Tags": True}}, stored)
