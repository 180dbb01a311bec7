"""Properties per field type (spec 40 §3), through the API: what is written reads back equal;
what is refused leaves nothing stored."""

from __future__ import annotations

import json

import pytest
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DEAL = {"Deal_Name": "P", "Stage": "Qualification", "Closing_Date": "2026-12-31"}
PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


def _money(value: Decimal) -> float | int:
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


# field -> (module, base item, strategy of (sent value, expected read value))
GOOD = {
    "Last_Name": ("Leads", {}, TEXT.filter(str.strip).map(lambda s: (s, s))),
    "Phone": ("Accounts", {"Account_Name": "A"}, TEXT.map(lambda s: (s, s))),
    "Email": ("Leads", {"Last_Name": "L"}, st.emails().filter(lambda e: len(e) <= 100).map(lambda e: (e, e))),
    "No_of_Employees": ("Leads", {"Last_Name": "L"},
                        st.integers(-999_999_999, 999_999_999).flatmap(
                            lambda n: st.sampled_from([(n, n), (str(n), n), (float(n), n)]))),
    "Probability": ("Deals", DEAL, st.integers(0, 999).map(lambda n: (n, n))),
    "Amount": ("Deals", DEAL, st.decimals(-10**13, 10**13, places=3, allow_nan=False).flatmap(
        lambda d: st.sampled_from([(str(d), _money(d)), (float(str(d)), _money(Decimal(repr(float(str(d))))))]))),
    "Email_Opt_Out": ("Leads", {"Last_Name": "L"},
                      st.sampled_from([(True, True), (False, False), ("true", True), ("false", False)])),
    "Closing_Date": ("Deals", DEAL, st.dates().filter(lambda d: 2 <= d.year <= 9998).map(
        lambda d: (d.isoformat(), d.isoformat()))),
    "Stage": ("Deals", DEAL, st.sampled_from(["Qualification", "Closed Won", "Needs Analysis"]).map(lambda s: (s, s))),
}

BAD = {
    "Last_Name": ("Leads", {}, st.text(min_size=81, max_size=90) | st.integers() | st.lists(st.integers(), max_size=2)),
    "Email": ("Leads", {"Last_Name": "L"}, st.text(max_size=20).filter(lambda s: "@" not in s and s)),
    "No_of_Employees": ("Leads", {"Last_Name": "L"},
                        st.integers().filter(lambda n: abs(n) > 999_999_999)
                        # JSON has no NaN or infinity: only finite floats can be sent
                        | st.floats(allow_nan=False, allow_infinity=False).filter(
                            lambda f: not f.is_integer() or abs(f) > 999_999_999)
                        | st.text(st.characters(whitelist_categories=("Nd",)), min_size=1).filter(
                            lambda s: not s.isascii())
                        | st.booleans()),
    "Probability": ("Deals", DEAL, st.integers().filter(lambda n: not -999 <= n <= 999) | st.just(1e30)),
    "Amount": ("Deals", DEAL, st.integers().filter(lambda n: abs(n) >= 10**16) | st.just("1e5") | st.booleans()
               | st.text(st.characters(whitelist_categories=("Nd",)), min_size=1).filter(lambda s: not s.isascii())),
    "Email_Opt_Out": ("Leads", {"Last_Name": "L"}, st.text(max_size=5).filter(lambda s: s not in ("true", "false"))
                      | st.integers()),
    "Closing_Date": ("Deals", DEAL, st.text(max_size=12) | st.integers()),
    "Stage": ("Deals", DEAL, st.text(max_size=12).filter(lambda s: s.strip() and s not in (
        "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Perception Analysis",
        "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost", "Closed Lost to Competition"))),
}


def _post(client, org, module, item):
    return client.post(f"/crm/v7/{module}", content=json.dumps({"data": [item]}), headers=org.headers)


def _count(client, org, module):
    r = client.get(f"/crm/v7/{module}?fields=id", headers=org.headers)
    return 0 if r.status_code == 204 else r.json()["info"]["count"]


@pytest.mark.parametrize("field", sorted(GOOD))
@PROPS
@given(data=st.data())
def test_written_reads_back_equal(client, org, field, data):
    module, base, values = GOOD[field]
    sent, expected = data.draw(values)
    r = _post(client, org, module, {**base, field: sent})
    assert r.status_code == 201, (field, sent, r.text)
    rid = r.json()["data"][0]["details"]["id"]
    got = client.get(f"/crm/v7/{module}/{rid}?fields={field}", headers=org.headers).json()["data"][0]
    assert got[field] == expected


@pytest.mark.parametrize("field", sorted(BAD))
@PROPS
@given(data=st.data())
def test_refused_leaves_nothing(client, org, field, data):
    module, base, values = BAD[field]
    sent = data.draw(values)
    before = _count(client, org, module)
    r = _post(client, org, module, {**base, field: sent})
    assert r.status_code == 400, (field, sent, r.text)
    body = r.json()["data"][0]
    assert (body["code"], body["details"]["api_name"], body["details"]["json_path"]) == (
        "INVALID_DATA", field, f"$.data[0].{field}")
    assert _count(client, org, module) == before
