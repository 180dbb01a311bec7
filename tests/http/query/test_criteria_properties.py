"""Property: for random leads and a random criteria tree, search and count answer exactly the
leads a plain Python reading of spec 50 §3.4 selects from the same records as they read back.
The oracle below is the only evaluator outside the engine; it lives here on purpose."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import new_org

API = "/crm/v7"
PROPS = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELDS = ("Last_Name", "Company", "Annual_Revenue", "No_of_Employees", "Email_Opt_Out", "Lead_Source")
SOURCES = ("Advertisement", "Cold Call", "Employee Referral")

# ---- the oracle --------------------------------------------------------------------------------

_SPLIT = re.compile(r"[\s{}\[\]^:\-/!?*_@]+")


def words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(text.lower()) if w]


def word_run(field: str | None, value: str) -> bool:
    """``equals`` on text: the value's words appear in the field, together and in order."""
    have, want = words(field or ""), words(value)
    return any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


def holds(tree: Any, record: dict[str, Any]) -> bool:
    if tree[0] in ("and", "or"):
        parts = (holds(tree[1], record), holds(tree[2], record))
        return all(parts) if tree[0] == "and" else any(parts)
    _, field, op, values = tree
    have = record.get(field)
    if field in ("Last_Name", "Company"):
        if op == "equals":
            return word_run(have, values[0])
        if op == "in":
            return any(word_run(have, v) for v in values)
        if op == "starts_with":
            return have is not None and have.lower().startswith(values[0].lower())
        return have in (None, "") or have.lower() != values[0].lower()  # not_equal
    if field == "Lead_Source":
        if op == "not_equal":
            return have is None or have.lower() != values[0].lower()
        return have is not None and have.lower() in [v.lower() for v in values]
    if field == "Email_Opt_Out":
        wanted = values[0] == "true"
        return have is not None and have == wanted if op == "equals" else have is None or have != wanted
    number = None if have is None else Decimal(str(have))
    wanted = [Decimal(v) for v in values]
    if op == "not_equal":
        return number is None or number != wanted[0]
    if number is None:
        return False
    if op == "between":
        return wanted[0] <= number <= wanted[1]
    if op == "in":
        return number in wanted
    return {"equals": number == wanted[0], "greater_than": number > wanted[0], "greater_equal": number >= wanted[0],
            "less_than": number < wanted[0], "less_equal": number <= wanted[0]}[op]


# ---- strategies --------------------------------------------------------------------------------

WORD = st.sampled_from(["ab", "ba", "abc", "b.a", "x"])
# Stored text: words joined by separators (space, ``-``, ``_``) or by ``.``, which is no separator.
STORED = st.lists(st.tuples(WORD, st.sampled_from([" ", "-", "_", ".", " - "])), min_size=1, max_size=4).map(
    lambda parts: "".join(w + s for w, s in parts)[: -len(parts[-1][1])])
SEARCHED = st.lists(WORD, min_size=1, max_size=2).flatmap(
    lambda ws: st.sampled_from([" ", "-"]).map(lambda sep: sep.join(ws)))
SMALL = st.integers(0, 6)

LEAD = st.fixed_dictionaries({"Last_Name": STORED}, optional={
    "Company": STORED, "Annual_Revenue": SMALL, "No_of_Employees": SMALL, "Email_Opt_Out": st.booleans(),
    "Lead_Source": st.sampled_from(SOURCES)})


def _condition() -> st.SearchStrategy[Any]:
    text = st.tuples(st.just("cond"), st.sampled_from(["Last_Name", "Company"]),
                     st.sampled_from(["equals", "not_equal", "starts_with", "in"]), st.lists(SEARCHED, min_size=1,
                                                                                             max_size=3))
    number = st.tuples(st.just("cond"), st.sampled_from(["Annual_Revenue", "No_of_Employees"]),
                       st.sampled_from(["equals", "not_equal", "in", "greater_than", "greater_equal", "less_than",
                                        "less_equal", "between"]),
                       st.lists(SMALL.map(str), min_size=2, max_size=3))
    flag = st.tuples(st.just("cond"), st.just("Email_Opt_Out"), st.sampled_from(["equals", "not_equal"]),
                     st.sampled_from([["true"], ["false"]]))
    pick = st.tuples(st.just("cond"), st.just("Lead_Source"), st.sampled_from(["equals", "not_equal", "in"]),
                     st.lists(st.sampled_from(SOURCES), min_size=1, max_size=2))
    return st.one_of(text, number, flag, pick).map(_shape)


def _shape(cond: Any) -> Any:
    """Only ``in`` and ``between`` take several values (``between`` exactly two, in order)."""
    kind, field, op, values = cond
    if op == "between":
        values = sorted(values[:2], key=int)
    elif op != "in":
        values = values[:1]
    return (kind, field, op, values)


TREE = st.recursive(_condition(), lambda inner: st.tuples(st.sampled_from(["and", "or"]), inner, inner),
                    max_leaves=8)


def criteria(tree: Any) -> str:
    if tree[0] in ("and", "or"):
        return f"({criteria(tree[1])}{tree[0]}{criteria(tree[2])})"
    _, field, op, values = tree
    return f"({field}:{op}:{','.join(values)})"


# ---- the property ------------------------------------------------------------------------------

@PROPS
@given(leads=st.lists(LEAD, min_size=1, max_size=8), tree=TREE)
def test_search_and_count_equal_the_oracle(client, backend, leads, tree):
    org = new_org(backend)
    made = client.post(f"{API}/Leads", json={"data": leads}, headers=org.headers)
    assert made.status_code == 201, made.text
    listed = client.get(f"{API}/Leads?fields={','.join(FIELDS)}&per_page=200", headers=org.headers)
    stored = listed.json()["data"]
    assert len(stored) == len(leads)
    expected = sorted(r["id"] for r in stored if holds(tree, r))
    text = criteria(tree)
    r = client.get(f"{API}/Leads/search?criteria={quote(text, safe='')}&per_page=200", headers=org.headers)
    assert r.status_code in (200, 204), (text, r.text)
    found = sorted(row["id"] for row in r.json()["data"]) if r.status_code == 200 else []
    assert found == expected, (text, stored)
    r = client.get(f"{API}/Leads/actions/count?criteria={quote(text, safe='')}", headers=org.headers)
    assert (r.status_code, r.json()) == (200, {"count": len(expected)}), text
