"""What each scenario sends. Names are the JSON contract's (see README, Benchmark)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from urllib.parse import urlencode

from zcrm_local.domain.records.modules import registry

from bench.data import OrgRef, service_item
from bench.load import Requests

BASE = "/crm/v7/Services__s"
# Every field of the module: the list answer renders all of them.
ALL_FIELDS = ",".join(f.api_name for f in registry.get("Services__s").fields)  # type: ignore[union-attr]
JSON = {"Content-Type": "application/json"}

# name -> (baseline it is divided by, records per request)
KIND: dict[str, tuple[str, int]] = {
    "get_service": ("baseline_get", 1),
    "list_services_200": ("baseline_get", 1),
    "child_territories": ("baseline_get", 1),
    "update_service": ("baseline_post", 1),
    "create_service": ("baseline_post", 1),
    "create_services_100": ("baseline_post", 100),
    "token_refresh": ("baseline_post", 1),
    "get_service_1m": ("baseline_get", 1),
    "list_services_200_1m": ("baseline_get", 1),
    # Query (spec 50): the same requests on an org of 1,000 leads and on one of 100,000.
    "search_email_1k": ("baseline_get", 1),
    "search_email_100k": ("baseline_get", 1),
    "coql_eq_1k": ("baseline_post", 1),
    "coql_eq_100k": ("baseline_post", 1),
    # Rows per second: 2,000 rows per COQL call against a plain list of 200.
    "coql_2000": ("baseline_post", 2000),
    "list_leads_200": ("baseline_get", 200),
}
QUERY = ("search_email_1k", "search_email_100k", "coql_eq_1k", "coql_eq_100k", "coql_2000", "list_leads_200")
LEAD_FIELDS = "Last_Name,First_Name,Email,Company,Annual_Revenue"
RUN_NAMES = ("baseline_get", "baseline_post", *KIND)
SINGLE_NAMES = ("fresh_org_ms", "startup_ms", "peak_rss_mb_1m")


@dataclass
class Target:
    """What the scenarios of one server need: where, who, which records."""

    org: OrgRef
    creds: dict[str, str]
    service_ids: list[int]
    territory_parents: list[str] | None = None
    lead_emails: list[str] | None = None

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Zoho-oauthtoken {self.creds['access_token']}"}


def _create_bodies(org: OrgRef, items: int, variants: int = 20) -> list[bytes]:
    # Created services are "Not in Use": an org may hold only 500 active services, and a
    # refused item would measure the refusal instead of the write.
    rng = random.Random(7)
    return [json.dumps({"data": [service_item(org, 900_000 + v * items + i, rng, active=False)
                                 for i in range(items)]}).encode()
            for v in range(variants)]


def baseline(name: str) -> Requests:
    """Requests shaped like the scenarios' (headers, body), for the bare app."""
    org = OrgRef(1_234_567_000_100_000_000, 1_234_567_000_100_000_006)
    auth = {"Authorization": "Zoho-oauthtoken 1000." + "0" * 32 + "." + "0" * 32}
    if name == "baseline_get":
        return Requests("GET", [f"{BASE}/{org.org_id + n}" for n in range(200)], auth)
    return Requests("POST", [BASE], {**auth, **JSON}, _create_bodies(org, 1))


def requests_for(name: str, t: Target) -> Requests:
    by_id = [f"{BASE}/{i}" for i in t.service_ids]
    if name in ("get_service", "get_service_1m"):
        return Requests("GET", by_id, dict(t.auth))
    if name in ("list_services_200", "list_services_200_1m"):
        return Requests("GET", [f"{BASE}?fields={ALL_FIELDS}&per_page=200&page={p}" for p in (1, 2)], dict(t.auth))
    if name == "create_service":
        return Requests("POST", [BASE], {**t.auth, **JSON}, _create_bodies(t.org, 1))
    if name == "create_services_100":
        return Requests("POST", [BASE], {**t.auth, **JSON}, _create_bodies(t.org, 100, variants=4))
    if name == "update_service":
        bodies = [json.dumps({"data": [{"Description": f"Revised terms, edition {n}."}]}).encode() for n in range(20)]
        return Requests("PUT", by_id, {**t.auth, **JSON}, bodies)
    if name == "token_refresh":
        form = urlencode({"grant_type": "refresh_token", "client_id": t.creds["client_id"],
                          "client_secret": t.creds["client_secret"], "refresh_token": t.creds["refresh_token"]})
        return Requests("POST", ["/oauth/v2/token"], {"Content-Type": "application/x-www-form-urlencoded"},
                        [form.encode()])
    if name == "child_territories":
        assert t.territory_parents
        paths = [f"/crm/v7/settings/territories/{p}/__child_territories" for p in t.territory_parents]
        return Requests("GET", paths, dict(t.auth))
    if name in ("search_email_1k", "search_email_100k"):
        assert t.lead_emails
        return Requests("GET", [f"/crm/v7/Leads/search?email={e}" for e in _spread(t.lead_emails)], dict(t.auth))
    if name in ("coql_eq_1k", "coql_eq_100k"):
        assert t.lead_emails
        bodies = [json.dumps({"select_query": f"select {LEAD_FIELDS} from Leads where Email = '{e}'"}).encode()
                  for e in _spread(t.lead_emails)]
        return Requests("POST", ["/crm/v7/coql"], {**t.auth, **JSON}, bodies)
    if name == "coql_2000":
        query = f"select {LEAD_FIELDS} from Leads where Last_Name is not null limit 2000"
        return Requests("POST", ["/crm/v7/coql"], {**t.auth, **JSON}, [json.dumps({"select_query": query}).encode()])
    if name == "list_leads_200":
        return Requests("GET", [f"/crm/v7/Leads?fields={LEAD_FIELDS}&per_page=200&page={p}" for p in (1, 2)],
                        dict(t.auth))
    raise KeyError(name)


def _spread(items: list[str], count: int = 200) -> list[str]:
    """``count`` items evenly spread over the list (the first, last and middle records alike)."""
    step = max(1, len(items) // count)
    return items[::step][:count]
