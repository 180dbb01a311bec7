"""The OpenAPI description lists exactly the endpoints the app serves."""

from __future__ import annotations

from zcrm_local.http.harness.admin import ADMIN_API
from zcrm_local.http.routes import crm_routes


def _served(app) -> set[tuple[str, str]]:
    served = {("post", r.path) for r in app.routes if r.path.startswith("/oauth/")}
    for route in crm_routes():
        for method in route.methods:
            served.add((method.lower(), "/crm/{version}/" + "/".join(route.pattern)))
    for op in ADMIN_API:
        served.add((op.method.lower(), "/_zcrm" + op.path))
    return served


def test_openapi_lists_every_served_operation_and_no_other(client, app):
    doc = client.get("/_zcrm/openapi.json").json()
    listed = {(method, path) for path, item in doc["paths"].items() for method in item}
    assert listed == _served(app)


def test_openapi_is_version_3_1_with_both_security_schemes(client):
    doc = client.get("/_zcrm/openapi.json").json()
    assert doc["openapi"] == "3.1.0"
    assert set(doc["components"]["securitySchemes"]) == {"zohoOAuth", "adminKey"}
    assert doc["components"]["securitySchemes"]["adminKey"] == {"type": "apiKey", "in": "header",
                                                                 "name": "X-ZCRM-Admin-Key"}


def test_openapi_operation_ids_are_unique(client):
    doc = client.get("/_zcrm/openapi.json").json()
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))


def test_openapi_every_admin_route_answers_with_key(client, admin_key_installed):
    """Each documented admin path is routed (an unknown org gives NOT_FOUND "no such org",
    not "no such admin endpoint")."""
    doc = client.get("/_zcrm/openapi.json").json()
    for path, item in doc["paths"].items():
        if not path.startswith("/_zcrm/orgs/{org_id}"):
            continue
        url = path.replace("{org_id}", "1234567000000000000").replace("{fault_id}", "1")
        for method in item:
            r = client.request(method.upper(), url, headers={"X-ZCRM-Admin-Key": admin_key_installed}, json={})
            assert r.status_code in (400, 404), (method, path, r.text)
            assert r.json()["error"]["message"] != "no such admin endpoint", (method, path)


def test_openapi_crm_route_is_described_with_its_scope(client):
    doc = client.get("/_zcrm/openapi.json").json()
    org = doc["paths"]["/crm/{version}/org"]["get"]
    assert org["x-zoho-scope"] == "ZohoCRM.org.READ"
    assert org["security"] == [{"zohoOAuth": []}]


def test_openapi_lists_the_empty_answers_and_the_accounts_refusals(client):
    """Found by the fuzz tests: a 204 (or 304) and a 400 ``{"error": …}`` of the accounts server
    were answers the description did not list."""
    doc = client.get("/_zcrm/openapi.json").json()
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if path.startswith("/crm/"):
                assert "204" in op["responses"] and "content" not in op["responses"]["204"], (method, path)
                assert ("304" in op["responses"]) == (method == "get"), (method, path)
            elif path.startswith("/oauth/"):
                assert op["responses"]["default"]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/AccountsError"}
    assert doc["components"]["schemas"]["AccountsError"]["properties"] == {"error": {"type": "string"}}
