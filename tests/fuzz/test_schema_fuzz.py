"""Property-based fuzzing of every Zoho endpoint from the served OpenAPI description.

Each operation gets a few derandomized examples (reproducible in CI) with a valid access token:
no answer may be a 5xx, every answer is JSON in Zoho's envelope (or an empty 204/304), and its
status is one the description lists.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from tests.conftest import Org, new_org
from tests.fuzz.helpers import assert_zoho_answer, fuzz_document
from zcrm_local.http.routes import crm_routes

# Few examples per operation keep the default run short; ZCRM_FUZZ_EXAMPLES=500 digs deeper.
MAX_EXAMPLES = int(os.environ.get("ZCRM_FUZZ_EXAMPLES", "12"))
ACCOUNTS = ("/oauth/v2/token", "/oauth/v2/auth", "/oauth/v2/token/revoke")
OPERATIONS = sorted(
    [(method, "/crm/{version}/" + "/".join(route.pattern)) for route in crm_routes() for method in route.methods]
    + [("POST", path) for path in ACCOUNTS]
)


def _known(client, org: Org) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Ids that exist in the org, so generated paths reach past "not found"."""
    api = "/crm/v7"
    made = client.post(f"{api}/Services__s", headers=org.headers, json={"data": [{"Service_Name": "Fuzz"}]})
    record_ids = [item["details"]["id"] for item in made.json()["data"] if item["status"] == "success"]
    listed = client.get(f"{api}/settings/territories", headers=org.headers)
    territory_ids = [t["id"] for t in listed.json()["territories"]] if listed.status_code == 200 else []
    taxes = client.get(f"{api}/org/taxes", headers=org.headers)
    tax_ids = [str(t["id"]) for t in taxes.json().get("org_taxes", {}).get("taxes", [])] \
        if taxes.status_code == 200 else []
    return {"module": ["Services__s", "services", "Leads"], "id": record_ids, "territory_id": territory_ids,
            "user_id": [str(u) for u in org.made.user_ids.values()], "tax_id": tax_ids}


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_never_breaks(method: str, path: str, app, client, backend) -> None:  # type: ignore[no-untyped-def]
    org = new_org(backend)
    served = client.get("/_zcrm/openapi.json").json()
    schema = schemathesis.openapi.from_dict(fuzz_document(served, _known(client, org)))
    schema.app = app
    operation = schema[path][method]
    strategy = operation.as_strategy()
    accounts = path.startswith("/oauth/")

    @settings(max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case: Any) -> None:
        headers = {} if accounts else dict(org.headers)
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                 content_type_conformance], headers=headers)
        first = {name.lower(): values[0] for name, values in response.headers.items() if values}
        assert_zoho_answer(response.status_code, first, response.content, accounts=accounts)

    run()
