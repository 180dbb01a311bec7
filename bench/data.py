"""Realistic data, loaded fast.

Services go in through the service layer (``service.records.writes.create``, every rule checked,
100 items a transaction, like a POST). For the million, each org gets a few such records and
then copies of them with their own ids, written through the store layer in large executemany
batches (``store.records.insert``): the rows are what the server writes, at a fraction of the
cost. Ids come from the project's allocator, so they never collide with the server's.
"""

from __future__ import annotations

import json
import random
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from zcrm_local.config import Settings
from zcrm_local.domain.metadata import scoped_id
from zcrm_local.service.auth import Principal, authenticate
from zcrm_local.service.backend import Backend, open_backend
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.data import ACTIVE_SERVICES
from zcrm_local.service.org.orgs import create_org
from zcrm_local.service.records.rows import record_row
from zcrm_local.service.records import writes as record_writes
from zcrm_local.store.migrate import upgrade
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.tables import counters

MODULE = "Services__s"
VAT_SEQ = 21_003  # the default fixture's "Vat - 0.8 %" tax
KINDS = ("AC Repair", "Plumbing", "Deep Cleaning", "Pest Control", "Carpet Wash", "Boiler Service",
         "Window Fitting", "Roof Inspection", "Garden Care", "Electrical Check")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")  # the fixture's business days
LOCATIONS = ("Client Address", "Business Address", "Business Address and Client Address")
# Below the 500 active services an org may have, whatever the org's size.
ACTIVE_SHARE = 0.4


def open_store(database_url: str) -> Backend:
    backend = open_backend(Settings(database_url=database_url))
    upgrade(backend.db)
    return backend


@dataclass(frozen=True)
class OrgRef:
    org_id: int
    admin_id: int

    @property
    def prefix(self) -> int:
        return self.org_id // 10**12


def service_item(org: OrgRef, n: int, rng: random.Random, *, active: bool) -> dict[str, Any]:
    """One valid Create Services item, varied like real data."""
    kind = KINDS[n % len(KINDS)]
    item = {
        "Service_Name": f"{kind} {n:06d}",
        "Duration": str(rng.choice((30, 45, 60, 90, 120))),
        "Location": rng.choice(LOCATIONS),
        "Members": [{"Members": {"id": str(org.admin_id)}}],
        "Availability_Type": "Specific Day(s)",
        "Available_Days": sorted(rng.sample(DAYS, rng.randint(1, 5)), key=DAYS.index),
        "Available_Timings": [{"From": "09:00", "To": "18:30"}],
        "Price": round(rng.uniform(20, 900), 2),
        "Tax": [{"id": scoped_id(org.prefix, VAT_SEQ), "value": "Vat - 0.8 %"}],
        "Status": "Available" if active else "Not in Use",
        "Job_Sheet_Required": "Yes",
        "Job_Sheet_Section__s": "Standard",
        "Description": f"{kind} at your doorstep, visit {n}. " + "Parts and labour included. " * rng.randint(1, 4),
    }
    if not active:
        # A service out of use must say since when (DEPENDENT_FIELD_MISSING otherwise).
        since = datetime.now(UTC) - timedelta(days=rng.randint(1, 60))
        item["Unavailable_From"] = since.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return item


def admin_principal(backend: Backend, org_id: int) -> Principal:
    return authenticate(backend, oauth.mint_credentials(backend, org_id).access_token)


def create_services(backend: Backend, principal: Principal, count: int, seed: int = 1) -> list[int]:
    """``count`` services through the service layer, 100 per transaction; their ids."""
    org = OrgRef(principal.org_id, principal.user_id)
    rng = random.Random(seed)
    ids: list[int] = []
    for start in range(0, count, 100):
        items = [service_item(org, n, rng, active=rng.random() < ACTIVE_SHARE)
                 for n in range(start, min(count, start + 100))]
        outcome = record_writes.create(backend, principal, "Services__s", items)
        refused = [i for i in outcome.items if not isinstance(i, dict)]
        if refused:
            raise RuntimeError(f"the service layer refused bench data: {refused[0]!r}")
        ids += [int(record["id"]) for record in outcome.items if isinstance(record, dict)]
    return ids


def fill_org(backend: Backend, principal: Principal, count: int, templates: int = 10) -> list[int]:
    """``templates`` services through the service layer, the rest copies of them with their own
    ids and names, in one transaction; the org's active-services counter kept right."""
    made = create_services(backend, principal, templates)
    with backend.db.read() as conn:
        rows = record_store.get_many(conn, principal.org_id, MODULE, made)
    bodies = [dict(rows[i]["data"]) for i in made]
    extra = count - templates
    # Two ids per copy: the record and its one member link.
    fresh = iter(backend.ids.lease(principal.org_id, 2 * extra))
    batch, active = [], 0
    for n in range(extra):
        body = dict(bodies[n % templates])
        body["id"] = str(next(fresh))
        body["Members"] = [{**m, "id": str(next(fresh))} for m in body["Members"]]
        body["Service_Name"] = f"{KINDS[n % len(KINDS)]} {templates + n:06d}"
        active += body["Status"] != "Not in Use"
        batch.append(record_row(principal.org_id, MODULE, body))
    with backend.db.write() as conn:
        for start in range(0, len(batch), 5000):
            record_store.insert(conn, batch[start:start + 5000])
        conn.execute(sa.update(counters)
                     .where(counters.c.org_id == principal.org_id, counters.c.name == ACTIVE_SERVICES)
                     .values(value=counters.c.value + active))
    return made + [int(row["id"]) for row in batch]


def load_many(backend: Backend, orgs: int, per_org: int, progress: Any = None) -> tuple[int, list[int]]:
    """``orgs`` new orgs of ``per_org`` services each; the first org's id and its services."""
    first: tuple[int, list[int]] | None = None
    for n in range(orgs):
        org_id = create_org(backend, f"Bench Org {n:05d}").org_id
        ids = fill_org(backend, admin_principal(backend, org_id), per_org)
        if first is None:
            first = (org_id, ids)
        if progress and (n + 1) % 50 == 0:
            progress(n + 1)
    assert first is not None
    return first


def territory_hierarchy(base_url: str, token: str, levels: int = 10, fan: int = 5) -> list[str]:
    """A ``levels``-deep tree under the root through POST /settings/territories: at each level
    ``fan`` children, one of which carries the next level. The ids whose children are read."""
    base = f"{base_url}/crm/v7/settings/territories"
    headers = {"Authorization": f"Zoho-oauthtoken {token}"}
    status, answer = _call("GET", base, headers)
    if status != 200:
        raise Unavailable(f"GET /settings/territories answered {status}: {answer}")
    parent = str(answer["territories"][0]["id"])
    parents = []
    for level in range(1, levels + 1):
        items = [{"name": f"L{level} T{k}", "reporting_to": {"id": parent}, "permission_type": "read_only"}
                 for k in range(fan)]
        status, answer = _call("POST", base, headers, {"territories": items})
        if status != 201:
            raise Unavailable(f"POST /settings/territories answered {status}: {answer}")
        parents.append(parent)
        parent = str(answer["territories"][0]["details"]["id"])
    status, answer = _call("GET", f"{base}/{parents[0]}/__child_territories", headers)
    if status != 200:
        raise Unavailable(f"GET …/__child_territories answered {status}: {answer}")
    return parents


class Unavailable(Exception):
    """An endpoint a scenario needs does not answer as it should (yet)."""


def _call(method: str, url: str, headers: dict[str, str], body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            return resp.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as refusal:
        raw = refusal.read()
        try:
            return refusal.code, json.loads(raw)
        except ValueError:
            return refusal.code, raw.decode(errors="replace")


# ---- leads for the query scenarios (spec 50) ----------------------------------------------------

LEAD_COMPANIES = ("Zylker", "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell")


def lead_email(n: int) -> str:
    return f"lead.{n:06d}@{LEAD_COMPANIES[n % len(LEAD_COMPANIES)].lower()}.example"


def fill_leads(backend: Backend, principal: Principal, count: int, templates: int = 10) -> list[str]:
    """``count`` leads: ``templates`` through the service layer, the rest copies of them with
    their own ids, names and e-mail addresses, written through the store layer. Their e-mails."""
    from zcrm_local.service.records import writes as record_writes

    items = [{"Last_Name": f"Lead {n:06d}", "First_Name": "Bench", "Company": LEAD_COMPANIES[n % 10],
              "Email": lead_email(n), "Annual_Revenue": 1000 * n, "Lead_Source": "Advertisement"}
             for n in range(min(templates, count))]
    outcome = record_writes.create(backend, principal, "Leads", items)
    made = [r for r in outcome.items if isinstance(r, dict)]
    if len(made) != len(items):
        raise RuntimeError(f"the service layer refused bench leads: {outcome.items!r}"[:500])
    with backend.db.read() as conn:
        rows = record_store.get_many(conn, principal.org_id, "Leads", [int(r["id"]) for r in made])
    bodies = [dict(row["data"]) for row in rows.values()]
    extra = count - len(bodies)
    fresh = iter(backend.ids.lease(principal.org_id, extra)) if extra > 0 else iter(())
    batch = []
    for n in range(len(bodies), count):
        body = dict(bodies[n % len(bodies)])
        body.update({"id": str(next(fresh)), "Last_Name": f"Lead {n:06d}", "Email": lead_email(n),
                     "Company": LEAD_COMPANIES[n % 10], "Annual_Revenue": 1000 * n})
        batch.append(record_row(principal.org_id, "Leads", body))
    with backend.db.write() as conn:
        for start in range(0, len(batch), 5000):
            record_store.insert(conn, batch[start:start + 5000])
    return [lead_email(n) for n in range(count)]
