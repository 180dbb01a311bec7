from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zcrm_local.domain.territories.criteria import (
    CriteriaSchema,
    DateLiteral,
    EvalEnv,
    evaluate,
    matches,
    parse_criteria,
    to_json,
)
from zcrm_local.domain.territories.criteria.periods import literal_range

from tests.unit.territories.territory_testkit import FIELDS

DEALS = CriteriaSchema(FIELDS["Deals"])
ACCOUNTS = CriteriaSchema(FIELDS["Accounts"])
LEADS = CriteriaSchema(FIELDS["Leads"])
KOLKATA = ZoneInfo("Asia/Kolkata")
# 2024-07-09 20:50 in Kolkata; still the 9th in UTC.
ENV = EvalEnv(now=datetime(2024, 7, 9, 15, 20, tzinfo=UTC), tz=KOLKATA, fiscal_year_start_month=4)


def rule(api_name, comparator, value):
    return {"comparator": comparator, "field": {"api_name": api_name}, "value": value}


def check(schema, raw, record, env=ENV):
    return matches(raw, schema, record, env)


@pytest.mark.parametrize("comparator,value,expected", [
    ("equal", "acme corp", True), ("not_equal", "Acme", True), ("contains", "ME C", True),
    ("not_contains", "zzz", True), ("starts_with", "acm", True), ("ends_with", "CORP", True),
    ("equal", "Acme", False), ("contains", "x", False), ("starts_with", "corp", False),
])
def test_text_comparators_case_insensitive(comparator, value, expected):
    assert check(ACCOUNTS, rule("Account_Name", comparator, value), {"Account_Name": "Acme Corp"}) is expected


def test_lookup_compares_display_name():
    raw = rule("Account_Name", "starts_with", "Zylker")
    assert check(DEALS, raw, {"Account_Name": {"name": "Zylker Inc", "id": "5"}})
    assert not check(DEALS, raw, {"Account_Name": {"name": "Acme", "id": "5"}})


@pytest.mark.parametrize("comparator,value,expected", [
    ("equal", "2000000", True), ("not_equal", 2000000, False), ("greater_than", "1999999.99", True),
    ("greater_equal", 2000000, True), ("less_than", "2000000", False), ("less_equal", 2000000.0, True),
    ("between", [1, 2000000], True), ("between", ["2000000.01", 3000000], False),
])
def test_number_comparators(comparator, value, expected):
    assert check(DEALS, rule("Amount", comparator, value), {"Amount": 2000000}) is expected


@pytest.mark.parametrize("comparator,expected", [("equal", False), ("not_equal", True), ("greater_than", False)])
def test_empty_number_matches_only_negatives(comparator, expected):
    assert check(DEALS, rule("Amount", comparator, 5), {}) is expected


@pytest.mark.parametrize("comparator,expected", [("contains", False), ("not_contains", True), ("equal", False)])
def test_empty_text(comparator, expected):
    assert check(ACCOUNTS, rule("Billing_City", comparator, "Oslo"), {"Billing_City": ""}) is expected


def test_boolean_equal_and_unset_reads_false():
    assert check(LEADS, rule("Email_Opt_Out", "equal", False), {})
    assert check(LEADS, rule("Email_Opt_Out", "equal", "true"), {"Email_Opt_Out": True})
    assert not check(LEADS, rule("Email_Opt_Out", "equal", True), {"Email_Opt_Out": False})


@pytest.mark.parametrize("literal,comparator,day,expected", [
    ("TODAY", "equal", "2024-07-09", True), ("TODAY", "equal", "2024-07-10", False),
    ("TOMORROW", "equal", "2024-07-10", True), ("YESTERDAY", "equal", "2024-07-08", True),
    ("TOMORROWPLUS", "equal", "2030-01-01", True), ("TOMORROWPLUS", "equal", "2024-07-09", False),
    ("YESTERDAYMINUS", "less_equal", "2024-07-08", True), ("YESTERDAYMINUS", "less_equal", "2024-07-09", False),
    ("AGEINDAYS}+3", "equal", "2024-07-06", True), ("DUEINDAYS}+3", "equal", "2024-07-12", True),
    ("THISMONTH", "between", "2024-07-31", True), ("LASTMONTH", "between", "2024-06-01", True),
    ("NEXTMONTH", "between", "2024-07-31", False), ("THISYEAR", "between", "2024-01-01", True),
    ("LASTYEAR", "between", "2023-12-31", True), ("NEXTYEAR", "between", "2025-06-30", True),
    # Week starts Sunday: the week of Tue 2024-07-09 is Sun 07-07 .. Sat 07-13.
    ("THISWEEK", "between", "2024-07-07", True), ("THISWEEK", "between", "2024-07-14", False),
    ("LASTWEEK", "between", "2024-07-06", True), ("LASTWEEK", "between", "2024-06-29", False),
    # Fiscal year from April: FY 2024-04-01..2025-03-31, Q2 = Jul..Sep.
    ("THISFY", "between", "2025-03-31", True), ("THISFY", "between", "2024-03-31", False),
    ("PREVFY", "between", "2023-04-01", True), ("NEXTFY", "between", "2026-03-31", True),
    ("THISFQ", "between", "2024-09-30", True), ("THISFQ", "between", "2024-06-30", False),
    ("PREVFQ", "between", "2024-04-01", True), ("NEXTFQ", "between", "2024-12-31", True),
])
def test_date_literals(literal, comparator, day, expected):
    value = "${" + literal + ("" if "}" in literal else "}")
    assert check(DEALS, rule("Closing_Date", comparator, value), {"Closing_Date": day}) is expected


def test_empty_literals():
    assert check(DEALS, rule("Closing_Date", "equal", "${EMPTY}"), {"Closing_Date": None})
    assert not check(DEALS, rule("Closing_Date", "equal", "${EMPTY}"), {"Closing_Date": "2024-01-01"})
    assert check(DEALS, rule("Closing_Date", "not_equal", "${NOTEMPTY}"), {"Closing_Date": "2024-01-01"})
    assert not check(DEALS, rule("Closing_Date", "not_equal", "${NOTEMPTY}"), {})


def test_datetime_literal_uses_org_zone():
    # 2024-07-09T20:00Z is already the 10th in Kolkata, so it is not "today" there.
    raw = rule("Created_Time", "equal", "${TODAY}")
    assert not check(ACCOUNTS, raw, {"Created_Time": "2024-07-09T20:00:00Z"})
    assert check(ACCOUNTS, raw, {"Created_Time": "2024-07-09T18:00:00Z"})
    utc_env = EvalEnv(now=ENV.now, tz=UTC)
    assert check(ACCOUNTS, raw, {"Created_Time": "2024-07-09T20:00:00Z"}, utc_env)


def test_datetime_explicit_compares_instants():
    raw = rule("Created_Time", "greater_than", "2024-07-09T10:00:00+05:30")
    assert check(ACCOUNTS, raw, {"Created_Time": "2024-07-09T04:30:01+00:00"})
    assert not check(ACCOUNTS, raw, {"Created_Time": datetime(2024, 7, 9, 4, 30, tzinfo=UTC)})


def test_fiscal_quarter_boundaries_with_january_start():
    env = EvalEnv(now=ENV.now, tz=UTC)
    assert literal_range(DateLiteral("THISFQ"), env.today, env.week_start, 1) == (date(2024, 7, 1), date(2024, 9, 30))
    assert literal_range(DateLiteral("PREVFQ"), date(2024, 2, 1), 6, 1) == (date(2023, 10, 1), date(2023, 12, 31))
    assert literal_range(DateLiteral("NEXTFY"), date(2024, 2, 1), 6, 11) == (date(2024, 11, 1), date(2025, 10, 31))


def test_groups():
    raw = {"group_operator": "AND", "group": [rule("Amount", "greater_than", 10),
                                              {"group_operator": "OR", "group": [rule("Stage", "equal", "Closed Won"),
                                                                                 rule("Probability", "equal", 90)]}]}
    assert check(DEALS, raw, {"Amount": 11, "Probability": 90})
    assert not check(DEALS, raw, {"Amount": 11, "Stage": "Qualification"})
    assert not check(DEALS, raw, {"Amount": 9, "Stage": "Closed Won"})


def test_invalid_criteria_matches_nothing():
    assert not check(DEALS, rule("Gone", "equal", "x"), {"Gone": "x"})
    assert not check(DEALS, None, {})


# ---- properties ----

_TEXT = st.text(alphabet="abcAB xyz", min_size=1, max_size=5).filter(str.strip)
_NUM = st.integers(-5, 5)


def _leaf():
    text = st.builds(lambda c, v: rule("Deal_Name", c, v), st.sampled_from(
        ["equal", "not_equal", "contains", "not_contains", "starts_with", "ends_with"]), _TEXT)
    number = st.builds(lambda c, v: rule("Amount", c, v), st.sampled_from(
        ["equal", "not_equal", "greater_than", "greater_equal", "less_than", "less_equal"]),
        st.one_of(_NUM, _NUM.map(str), _NUM.map(float)))
    between = st.builds(lambda a, b: rule("Amount", "between", sorted([a, b])), _NUM, _NUM)
    dates = st.builds(lambda c, d: rule("Closing_Date", c, d.isoformat()), st.sampled_from(
        ["equal", "not_equal", "greater_than", "less_equal"]), st.dates(date(2024, 6, 1), date(2024, 8, 1)))
    literal = st.sampled_from([
        rule("Closing_Date", "equal", "${TODAY}"), rule("Closing_Date", "between", "THISMONTH"),
        rule("Closing_Date", "equal", "${AGEINDAYS}+2"), rule("Closing_Date", "between", "${THISFQ}"),
        rule("Closing_Date", "equal", "EMPTY"), rule("Closing_Date", "not_equal", "${NOTEMPTY}")])
    return st.one_of(text, number, between, dates, literal)


CRITERIA = st.recursive(_leaf(), lambda kids: st.builds(
    lambda op, group: {"group_operator": op, "group": group},
    st.sampled_from(["AND", "OR", "and", "or"]), st.lists(kids, min_size=2, max_size=3)), max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={
    "Deal_Name": st.one_of(st.none(), st.text(alphabet="abcAB xyz", max_size=6)),
    "Amount": st.one_of(st.none(), _NUM, st.decimals(-6, 6, places=2).map(str)),
    "Closing_Date": st.one_of(st.none(), st.dates(date(2024, 6, 1), date(2024, 8, 1)).map(date.isoformat)),
})
ENVS = st.builds(lambda now, month: EvalEnv(now=now, tz=KOLKATA, fiscal_year_start_month=month),
                 st.datetimes(datetime(2024, 6, 1), datetime(2024, 8, 1), timezones=st.just(UTC)),
                 st.integers(1, 12))


@settings(max_examples=300, deadline=None)
@given(CRITERIA, RECORDS, ENVS)
def test_evaluating_raw_equals_evaluating_normalized(raw, record, env):
    node = parse_criteria(raw, DEALS, "$")
    normalized = to_json(node)
    again = parse_criteria(normalized, DEALS, "$")
    assert again == node
    assert to_json(again) == normalized
    assert matches(raw, DEALS, record, env) == matches(normalized, DEALS, record, env) == evaluate(node, record, env)


@settings(max_examples=200, deadline=None)
@given(CRITERIA, RECORDS, ENVS)
def test_evaluation_is_deterministic(raw, record, env):
    node = parse_criteria(raw, DEALS, "$")
    assert len({evaluate(node, record, env) for _ in range(3)}) == 1


_ORACLE = {"equal": lambda a, b: a == b, "not_equal": lambda a, b: a != b, "greater_than": lambda a, b: a > b,
           "greater_equal": lambda a, b: a >= b, "less_than": lambda a, b: a < b, "less_equal": lambda a, b: a <= b}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_ORACLE)), _NUM, st.one_of(st.none(), st.decimals(-6, 6, places=2)))
def test_number_rules_agree_with_plain_comparison(comparator, operand, amount):
    record = {} if amount is None else {"Amount": str(amount)}
    expected = comparator == "not_equal" if amount is None else _ORACLE[comparator](amount, Decimal(operand))
    assert check(DEALS, rule("Amount", comparator, operand), record) is expected
