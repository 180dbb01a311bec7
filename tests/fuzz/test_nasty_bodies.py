"""Hand-written hostile bodies sent to every write endpoint: each answer is a Zoho error (a
request-level envelope or failed ``data`` items), never a 5xx, and the org is left unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Org, new_org
from tests.fuzz.helpers import assert_zoho_answer
from tests.http.services.helpers import seed_item
from zcrm_local.domain.metadata import scoped_id
from zcrm_local.http.routes import crm_routes
from zcrm_local.service.email import outbox
from zcrm_local.service.harness.snapshots import export_org

API = "/crm/v7"
BIG_INT = 2**70
STATE_EVERY = 8
# Values of the wrong JSON type for (nearly) any field; each is sent in place of one field.
WRONG_VALUES: list[Any] = [{"nested": {"x": 1}}, [[1], {"a": None}], True, 1e308, BIG_INT, -BIG_INT, "\u0000",
                           "\ud800"]


def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _dump(body: Any) -> bytes:
    """JSON with non-ASCII escaped, so lone surrogates travel as ``\\ud800`` escapes."""
    return json.dumps(body, ensure_ascii=True).encode()


def _setup(client, org: Org) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A record and a child territory to aim the writes at."""
    made = client.post(f"{API}/Services__s", headers=org.headers, json={"data": [seed_item(org)]})
    assert made.status_code == 201, made.text
    root = client.get(f"{API}/settings/territories", headers=org.headers).json()["territories"][0]["id"]
    child = client.post(f"{API}/settings/territories", headers=org.headers, json={"territories": [
        {"name": "Fuzz child", "reporting_to": {"id": root}, "permission_type": "read_only"}]})
    assert child.status_code == 201, child.text
    account = client.post(f"{API}/Accounts", headers=org.headers, json={"data": [{"Account_Name": "Fuzz"}]})
    assert account.status_code == 201, account.text
    lead = client.post(f"{API}/Leads", headers=org.headers, json={"data": [{"Last_Name": "Fuzz",
                                                                           "Email": "fuzz@example.com"}]})
    assert lead.status_code == 201, lead.text
    lead_id = lead.json()["data"][0]["details"]["id"]
    sender = client.get(f"{API}/settings/emails/actions/from_addresses", headers=org.headers).json()[
        "from_addresses"][0]["email"]
    draft = client.post(f"{API}/Leads/{lead_id}/__email_drafts", headers=org.headers,
                        json={"__email_drafts": [{"from": sender, "rich_text": True}]})
    assert draft.status_code == 201, draft.text
    outbox.put_fixture(client.app.state.backend, org.id, "mail_merge_template", "Fuzz", {"content": "x"})
    return {"module": "Services__s", "id": made.json()["data"][0]["details"]["id"], "root": root,
            "account": account.json()["data"][0]["details"]["id"],
            "territory_id": child.json()["territories"][0]["details"]["id"],
            "user_id": str(org.made.user_ids["standard"]), "lead": lead_id, "sender": sender,
            "draft_id": draft.json()["__email_drafts"][0]["details"]["id"],
            "link_id": scoped_id(org.made.prefix, 9_700_001), **_role_and_profile(client, org)}


def _role_and_profile(client, org: Org) -> dict[str, str]:  # type: ignore[no-untyped-def]
    roles = client.get(f"{API}/settings/roles", headers=org.headers).json()["roles"]
    profiles = client.get(f"{API}/settings/profiles", headers=org.headers).json()["profiles"]
    return {"role": roles[-1]["id"], "profile": next(p["id"] for p in profiles if p["name"] == "Standard")}


def _templates(org: Org, ids: dict[str, str]) -> dict[tuple[str, str], tuple[str, Any]]:
    """(method, route pattern) → (wrapper key, a valid body's inner value)."""
    rec, child, root, user, account = ids["id"], ids["territory_id"], ids["root"], ids["user_id"], ids["account"]
    sender, to = ids.get("sender", "a@example.com"), [{"email": "fuzz@example.com"}]
    merge = {"mail_merge_template": {"name": "Fuzz"}}
    rule = {"comparator": "greater_than", "field": {"api_name": "Amount", "id": scoped_id(org.made.prefix, 4_000_002)},
            "value": "2000000"}
    ter = [{"Territories": [{"id": child}]}]
    return {
        ("POST", "{module}"): ("data", [seed_item(org)]),
        ("POST", "coql"): ("select_query", "select Last_Name from Leads where Last_Name is not null"),
        ("PUT", "{module}"): ("data", [{"id": rec, "Service_Name": "Renamed", "Duration": "30"}]),
        ("PUT", "{module}/{id}"): ("data", [{"Service_Name": "Renamed", "Price": 10}]),
        ("PUT", "settings/service_preferences"): ("service_preferences", {"job_sheet_enabled": False}),
        ("POST", "settings/business_hours"): ("business_hours", {
            "business_days": ["Monday"], "week_starts_on": "Monday", "same_as_everyday": True,
            "daily_timing": ["08:00", "17:00"], "type": "custom"}),
        ("PUT", "settings/business_hours"): ("business_hours", {
            "business_days": ["Monday"], "week_starts_on": "Monday", "same_as_everyday": True,
            "daily_timing": ["08:00", "17:00"], "type": "custom"}),
        ("POST", "settings/territories"): ("territories", [
            {"name": "Another", "reporting_to": {"id": root}, "permission_type": "read_write_delete",
             "description": "d", "manager": {"id": user}, "deal_rule_criteria": rule}]),
        ("PUT", "settings/territories"): ("territories", [{"id": child, "description": "changed", "name": "N",
                                                           "permission_type": "read_only",
                                                           "deal_rule_criteria": rule}]),
        ("PUT", "settings/territories/{territory_id}"): ("territories", [
            {"description": "changed", "name": "N", "permission_type": "read_only", "deal_rule_criteria": rule}]),
        ("POST", "settings/territories/actions/transfer_and_delete"): ("territories", [
            {"id": child, "transfer_to_id": root}]),
        ("POST", "settings/territories/{territory_id}/actions/transfer_and_delete"): ("territories", [
            {"transfer_to_id": root}]),
        ("PUT", "settings/territories/{territory_id}/users"): ("users", [{"id": user}]),
        ("PUT", "settings/territories/{territory_id}/users/{user_id}"): ("users", [{"id": user}]),
        ("POST", "{module}/actions/assign_territories"): ("data", [{"id": account, "Territories": [{"id": child}]}]),
        ("POST", "{module}/actions/remove_territories"): ("data", [{"id": account, "Territories": [{"id": root}]}]),
        ("POST", "{module}/{id}/actions/assign_territories"): ("data", ter),
        ("POST", "{module}/{id}/actions/remove_territories"): ("data", [{"Territories": [{"id": root}]}]),
        ("PUT", "users/{user_id}/territories"): ("territories", [{"id": child}]),
        ("PUT", "Users/{user_id}/territories"): ("territories", [{"id": child}]),
        ("POST", "users"): ("users", [{"last_name": "Fuzz", "email": "fuzz@example.com",
                                       "role": ids.get("role", "1"), "profile": ids.get("profile", "1")}]),
        ("PUT", "users"): ("users", [{"id": user, "first_name": "Renamed"}]),
        ("PUT", "users/{user_id}"): ("users", [{"first_name": "Renamed"}]),
        ("POST", "{module}/upsert"): ("data", [seed_item(org)]),
        ("POST", "{module}/{id}/actions/clone"): ("data", [{"Service_Name": "Cloned"}]),
        ("POST", "{module}/{id}/actions/change_owner"): ("owner", {"id": user}),
        ("POST", "{module}/actions/change_owner"): ("owner", {"id": user}),
        ("POST", "settings/duplicate_check_preference"): ("duplicate_check_preference", {"type": "converted_records"}),
        ("PUT", "settings/duplicate_check_preference"): ("duplicate_check_preference", {"type": "converted_records"}),
        ("POST", "{module}/{id}/actions/send_mail"): ("data", [{"from": {"email": sender}, "to": to, "subject": "F"}]),
        ("POST", "{module}/{id}/__email_drafts"): ("__email_drafts", [{"from": sender, "rich_text": True,
                                                                      "subject": "D"}]),
        ("PUT", "{module}/{id}/__email_drafts"): ("__email_drafts", [{"id": ids.get("draft_id"), "subject": "E"}]),
        ("PUT", "{module}/{id}/__email_drafts/{draft_id}"): ("__email_drafts", [{"subject": "E"}]),
        ("POST", "{module}/{id}/actions/associate_email"): ("Emails", [{
            "from": {"email": "x@example.com"}, "to": to, "subject": "S", "content": "C",
            "date_time": "2026-11-20T10:00:00+00:00", "sent": True, "original_message_id": "<fuzz@x>"}]),
        ("POST", "settings/unsubscribe_links"): ("unsubscribe_links", [{
            "name": "Fuzz", "page_type": "standard", "submission_action_type": "display_message",
            "submission_message": "Bye"}]),
        ("PUT", "settings/unsubscribe_links"): ("unsubscribe_links", [{"id": ids.get("link_id"), "name": "R"}]),
        ("PUT", "settings/unsubscribe_links/{link_id}"): ("unsubscribe_links", [{"name": "R"}]),
        ("POST", "{module}/{id}/actions/send_mail_merge"): ("send_mail_merge", [{
            **merge, "from_address": {"type": "email", "value": sender}, "to_address": [
                {"type": "email", "value": "fuzz@example.com"}]}]),
        ("POST", "{module}/{id}/actions/sign_mail_merge"): ("sign_mail_merge", [{**merge, "file_name": "f"}]),
        ("POST", "{module}/{id}/actions/download_mail_merge"): ("download_mail_merge", [merge]),
    }


# The single-user form of "associate users" names the user in the path and reads no body (the SDK
# sends none): once the user is in, every body is an idempotent success.
BODY_IGNORED = {("PUT", "settings/territories/{territory_id}/users/{user_id}")}
# A fixture org already has its business hours: a create is refused after the body checks.
TEMPLATE_REFUSED = {
    ("POST", "settings/business_hours"): "Organization can have only one Business Hour",
    # The bulk form also needs "ids": with the owner alone it stops at the mandatory check.
    ("POST", "{module}/actions/change_owner"): "required field not found",
    # No preference exists yet to update.
    ("PUT", "settings/duplicate_check_preference"): "The DuplicateCheckPreference for converted_records feature is "
                                                     "not yet enabled. Please enable it before doing this action.",
}
# A clone without a body copies the record as it is (what the SDK sends): not a hostile body.
EMPTY_BODY_OK = {("POST", "{module}/{id}/actions/clone")}
# Query parameters a route needs besides its body.
PATH_QUERY = {("POST", "settings/duplicate_check_preference"): "?module=Leads",
              ("PUT", "settings/duplicate_check_preference"): "?module=Leads"}
# Bodies that are not a wrapper of objects, or whose success status does not mean "accepted"
# (a composite answers 200 whatever its sub-requests answered): tests/fuzz/test_email_hostile.py.
OWN_HOSTILE_TESTS = {("POST", "__composite_requests"), ("POST", "{module}/{id}/actions/unblock_email"),
                     ("POST", "{module}/actions/unblock_email"), ("POST", "{module}/actions/enrol_in_cadences"),
                     ("POST", "{module}/actions/unenrol_from_cadences"), ("POST", "Events/{id}/actions/cancel")}
# Email calls run on a lead with an address (Services are no email module).
ON_LEAD = ("send_mail", "__email_drafts", "associate_email", "mail_merge")
WRITES = sorted((method, "/".join(route.pattern)) for route in crm_routes() for method in route.methods
                if method in ("POST", "PUT", "PATCH") and (method, "/".join(route.pattern)) not in OWN_HOSTILE_TESTS)


def test_every_write_endpoint_has_a_template(backend) -> None:  # type: ignore[no-untyped-def]
    org = new_org(backend)
    assert set(_templates(org, dict.fromkeys(("id", "territory_id", "root", "user_id", "account"), "1"))) == set(WRITES)


def _nasty_bodies(wrapper: str, valid: Any, *, ignores_id: bool) -> list[tuple[str, bytes]]:
    """``ignores_id``: a create, or the URL names the target (D-111), so a body ``id`` is not
    read; an object wrapper (settings) ignores unknown keys, ``id`` among them."""
    deep = 10_000
    bodies: list[tuple[str, bytes]] = [
        ("empty", b""),
        ("not json", b"{not json"),
        ("truncated", _dump({wrapper: valid})[:-3]),
        ("trailing comma", _raw('{"%s": [{"a": 1},]}' % wrapper)),
        ("invalid utf-8", b'{"' + wrapper.encode() + b'": ["\xff\xfe"]}'),
        ("utf-16", json.dumps({wrapper: valid}).encode("utf-16")),
        ("bom", b"\xef\xbb\xbf" + _dump({wrapper: valid})),
        ("NaN", _raw('{"%s": [{"id": NaN}]}' % wrapper)),
        ("1e400", _raw('{"%s": [{"id": 1e400, "name": 1e400}]}' % wrapper)),
        ("-1e400", _raw('{"%s": -1e400}' % wrapper)),
        ("lone surrogate top", _raw('"\\ud800"')),
        ("lone surrogate key", _raw('{"\\ud800": 1, "%s": [{"\\udfff": "\\ud800"}]}' % wrapper)),
        ("deep arrays", b"[" * deep + b"]" * deep),
        ("deep objects", b'{"a":' * deep + b"1" + b"}" * deep),
        ("deep in wrapper", _raw('{"%s": ' % wrapper) + b"[" * deep + b"]" * deep + b"}"),
        ("deep in item", _raw('{"%s": [{"x": ' % wrapper) + b"[" * deep + b"]" * deep + b"}]}"),
        # Past our depth limit but within the JSON parser's own (D-456).
        ("101 deep in item", _raw('{"%s": [{"x": ' % wrapper) + b"[" * 101 + b"]" * 101 + b"}]}"),
        ("1000 deep objects", b'{"a":' * 1000 + b"1" + b"}" * 1000),
        ("20 MB", _dump({wrapper: [{"name": "x" * (20 * 1024 * 1024)}]})),
        ("duplicate keys", _raw('{"%s": %s, "%s": 5}' % (wrapper, json.dumps(valid), wrapper))),
    ]
    for label, scalar in (("null", None), ("true", True), ("int", 1), ("big int", BIG_INT), ("float", 1.5),
                          ("string", "data"), ("empty array", []), ("array of wrapper", [{wrapper: valid}]),
                          ("empty object", {}), ("unknown key", {"unknown": valid})):
        bodies.append((f"top-level {label}", _dump(scalar)))
    for label, inner in (("null", None), ("string", "x"), ("number", BIG_INT), ("empty", []), ("empty object", {}),
                         ("array of scalars", [1, "a", None, True]), ("array of arrays", [[{}]]),
                         ("NUL", "\u0000"), ("surrogate", "\ud800"),
                         ("too many", [valid[0] if isinstance(valid, list) else valid] * 1001)):
        bodies.append((f"wrapper {label}", _dump({wrapper: inner})))
    item = valid[0] if isinstance(valid, list) else valid
    if not isinstance(item, dict):
        return bodies  # a scalar wrapper (COQL's ``select_query``) has no keys to vary
    for name in [key for key in item if key.endswith("_criteria")]:
        for label, nested in _deep_criteria(item[name]):
            changed = {**item, name: nested}
            bodies.append((f"{name} {label}", _dump({wrapper: [changed] if isinstance(valid, list) else changed})))
    for name in (*item, *(() if ignores_id or not isinstance(valid, list) else ("id",))):
        for index, bad in enumerate(WRONG_VALUES):
            if _json_type(bad) == _json_type(item.get(name)) and not isinstance(bad, str):
                continue  # not a wrong type for this field (NUL and surrogates always are wrong)
            changed = {**item, name: bad}
            bodies.append((f"{name}={bad!r:.20}#{index}", _dump({wrapper: [changed] if isinstance(valid, list)
                                                                          else changed})))
        if isinstance(item.get(name), (list, dict)):
            changed = {**item, name: _with_nul(item[name])}
            bodies.append((f"{name} with NUL inside", _dump({wrapper: [changed] if isinstance(valid, list)
                                                            else changed})))
    return bodies


def _deep_criteria(rule: Any) -> list[tuple[str, Any]]:
    """Criteria nested past the group limit, as pairs and as a chain of one-entry groups."""
    out = []
    for label, depth, pairs in (("26 deep pairs", 26, True), ("40 deep chain", 40, False)):
        node = rule
        for _ in range(depth):
            node = {"group_operator": "OR", "group": [node, rule] if pairs else [node]}
        out.append((label, node))
    return out


def _with_nul(value: Any) -> Any:
    """``value`` with a NUL appended to every string in it, object keys included."""
    if isinstance(value, str):
        return value + "\u0000"
    if isinstance(value, dict):
        return {_with_nul(k): _with_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_nul(entry) for entry in value]
    return value


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def _state(backend, org: Org) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    tables = export_org(backend, org.id)["tables"]
    return {name: rows for name, rows in tables.items() if not name.startswith("oauth_")}


@pytest.mark.parametrize(("method", "pattern"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_nasty_bodies_are_refused_and_change_nothing(  # type: ignore[no-untyped-def]
        method: str, pattern: str, client, backend) -> None:
    org = new_org(backend)
    ids = _setup(client, org)
    wrapper, valid = _templates(org, ids)[(method, pattern)]
    # Services have no territories: the record actions work on an account.
    on_lead = ("_territories" in pattern or "change_owner" in pattern) and pattern.startswith("{module}")
    on_email_lead = any(part in pattern for part in ON_LEAD)
    path = f"{API}/" + pattern.format(**{**ids, **({"module": "Accounts", "id": ids["account"]} if on_lead else {}),
                                         **({"module": "Leads", "id": ids["lead"]} if on_email_lead else {})})
    path += PATH_QUERY.get((method, pattern), "")
    if (method, pattern) in BODY_IGNORED:
        assert client.request(method, path, headers=org.headers).status_code == 200
    before = _state(backend, org)
    accepted = []
    ignores_id = (pattern.endswith(("{id}", "{territory_id}", "{user_id}", "{draft_id}", "{link_id}")) or "}/actions" in pattern
                  or (method, pattern) in (("POST", "{module}"), ("POST", "settings/territories"), ("POST", "users"),
                                           ("POST", "settings/unsubscribe_links"), ("POST", "{module}/{id}/__email_drafts")))
    since_check: list[str] = []
    bodies = _nasty_bodies(wrapper, valid, ignores_id=ignores_id)
    if (method, pattern) in EMPTY_BODY_OK:
        bodies = [(label, body) for label, body in bodies if label != "empty"]
    for number, (label, body) in enumerate(bodies, 1):
        r = client.request(method, path, content=body, headers=org.headers)
        try:
            assert_zoho_answer(r.status_code, r.headers, r.content)
        except AssertionError as failure:
            raise AssertionError(f"{label}: {failure}") from None
        if r.status_code < 300 and (method, pattern) not in BODY_IGNORED:
            accepted.append((label, r.status_code, r.text[:300]))
        since_check.append(f"{label} -> {r.status_code}")
        # An export costs more than a request: compare every few bodies, naming them on a change.
        if number % STATE_EVERY == 0 or number == len(bodies):
            assert _state(backend, org) == before, since_check
            since_check = []
    assert not accepted, accepted
    if (method, pattern) in BODY_IGNORED:
        return
    # The template itself is accepted (or refused only for the org's state): the hostile
    # variants reached the item rules.
    r = client.request(method, path, content=_dump({wrapper: valid}), headers=org.headers)
    assert r.status_code < 300 or r.json().get("message") == TEMPLATE_REFUSED.get((method, pattern)), r.text
