"""``zcrm-local admin …``: every action of the admin API, run directly on the database.

The commands need no admin key: whoever can open the database can do anything anyway. A server
running on the same database sees changes within its harness cache time (about a second).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from zcrm_local.config import Settings
from zcrm_local.domain.clock import SystemClock
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.backend import Backend
from zcrm_local.service.email import outbox
from zcrm_local.service.email.outbox import FIXTURE_KINDS
from zcrm_local.service.harness import admin, clock, faults, journal, limits, record_hooks, snapshots
from zcrm_local.service.harness.admin import AdminError
from zcrm_local.settings_env import ENV, settings_from_env
from zcrm_local.store.db import Database
from zcrm_local.store.migrate import upgrade

ADMIN_KEY_ENV = "ZCRM_LOCAL_ADMIN_KEY"

admin_app = typer.Typer(help="Test tools: orgs, reset, snapshots, clock, faults, limits, journal, record locks, "
                             "territory jobs.",
                        no_args_is_help=True)
clock_app = typer.Typer(help="An org's clock.", no_args_is_help=True)
faults_app = typer.Typer(help="Fault rules.", no_args_is_help=True)
limits_app = typer.Typer(help="API limits emulation.", no_args_is_help=True)
journal_app = typer.Typer(help="The request journal.", no_args_is_help=True)
locks_app = typer.Typer(help="Record locks: territory assign/remove answer RECORD_LOCKED.", no_args_is_help=True)
jobs_app = typer.Typer(help="Territory jobs held pending: a second change answers ALREADY_SCHEDULED.",
                       no_args_is_help=True)
admin_app.add_typer(clock_app, name="clock")
admin_app.add_typer(faults_app, name="faults")
admin_app.add_typer(limits_app, name="limits")
admin_app.add_typer(journal_app, name="journal")
admin_app.add_typer(locks_app, name="locks")
admin_app.add_typer(jobs_app, name="territory-jobs")

DatabaseOpt = Annotated[str | None, typer.Option("--database-url", envvar=ENV["database_url"])]
OrgArg = Annotated[str, typer.Argument(help="org id")]
ModuleArg = Annotated[str, typer.Argument(help="module API name (Accounts, Contacts, Deals…)")]
RecordArg = Annotated[str, typer.Argument(help="record id")]


def _backend(database_url: str | None) -> Backend:
    base = settings_from_env()
    settings = Settings(**{**base.__dict__, **({"database_url": database_url} if database_url else {})})
    db = Database(settings.database_url)
    upgrade(db)
    return Backend(db=db, settings=settings, clock=SystemClock())


def _org(raw: str) -> int:
    org_id = parse_id(raw)
    if org_id is None:
        raise typer.BadParameter("an org id (digits)", param_hint="ORG")
    return org_id


def _run(database_url: str | None, action: Any) -> None:
    """Run an action and print its JSON; admin refusals exit 1 with the same error body."""
    backend = _backend(database_url)
    try:
        result = action(backend)
    except AdminError as refusal:
        typer.echo(json.dumps({"error": {"code": refusal.code, "message": refusal.message}}), err=True)
        raise typer.Exit(1) from None
    finally:
        backend.db.dispose()
    if result is not None:
        typer.echo(json.dumps(result, indent=2))


@admin_app.command("outbox")
def outbox_show(org: OrgArg, database_url: DatabaseOpt = None,
                clear: Annotated[bool, typer.Option(help="empty the outbox after printing it")] = False) -> None:
    """The mails an org sent (never over SMTP), oldest first."""
    def act(b: Backend) -> dict[str, Any]:
        found = outbox.messages(b, _org(org))
        if found is None:
            raise admin.not_found("org")
        if clear:
            outbox.clear(b, _org(org))
        return {"messages": found}
    _run(database_url, act)


@admin_app.command("email-fixture")
def email_fixture(org: OrgArg, kind: str, key: str,
                  doc: Annotated[str, typer.Argument(help="the fixture as a JSON object")],
                  database_url: DatabaseOpt = None) -> None:
    """Set an email fixture: email_template, inventory_template, mail_merge_template, from_address,
    bounce, cadence."""
    def act(b: Backend) -> dict[str, Any]:
        try:
            parsed = json.loads(doc)
        except json.JSONDecodeError:
            raise admin.invalid("the fixture must be JSON") from None
        if not isinstance(parsed, dict):
            raise admin.invalid("the fixture must be a JSON object")
        if kind not in FIXTURE_KINDS:
            raise admin.invalid(f"kind: one of {', '.join(FIXTURE_KINDS)}")
        admin.org_row(b, _org(org))
        outbox.put_fixture(b, _org(org), kind, key, parsed)
        return {"kind": kind, "key": key, "doc": parsed}
    _run(database_url, act)


@admin_app.command("key")
def key(database_url: DatabaseOpt = None,
        revoke_all: Annotated[bool, typer.Option(help="revoke every admin key first")] = False) -> None:
    """Mint a new admin key (earlier keys stay valid unless --revoke-all)."""
    def act(b: Backend) -> dict[str, Any]:
        revoked = admin.revoke_admin_keys(b) if revoke_all else 0
        return {"admin_key": admin.mint_admin_key(b), "revoked": revoked}
    _run(database_url, act)


@admin_app.command("orgs")
def orgs(database_url: DatabaseOpt = None) -> None:
    """List orgs."""
    _run(database_url, lambda b: {"orgs": admin.list_orgs(b)})


@admin_app.command("create")
def create(name: str, database_url: DatabaseOpt = None,
           territories: Annotated[bool, typer.Option("--territories/--no-territories")] = True,
           profile: Annotated[str | None, typer.Option(help="documented | live")] = None,
           journal_size: Annotated[int, typer.Option(min=0)] = 0) -> None:
    """Create an org from the fixture; prints its credentials."""
    _run(database_url, lambda b: admin.create(b, name, territories=territories, profile=profile,
                                              journal_size=journal_size))


@admin_app.command("delete")
def delete(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Delete an org and everything in it."""
    _run(database_url, lambda b: admin.delete(b, _org(org)) or {"deleted": org})


@admin_app.command("reset")
def reset(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Reset an org to its fixture (keeps its id, identity and credentials)."""
    def act(b: Backend) -> dict[str, Any]:
        snapshots.reset_org(b, _org(org))
        return {"org": admin.get_org(b, _org(org))}
    _run(database_url, act)


@admin_app.command("export")
def export(org: OrgArg, database_url: DatabaseOpt = None,
           output: Annotated[Path | None, typer.Option("--output", "-o", help="file; default stdout")] = None) -> None:
    """Export an org to a JSON snapshot."""
    def act(b: Backend) -> dict[str, Any] | None:
        snap = snapshots.export_org(b, _org(org))
        if output is None:
            return snap
        output.write_text(json.dumps(snap), encoding="utf-8")
        return None
    _run(database_url, act)


@admin_app.command("import")
def import_(source: Annotated[str, typer.Argument(help="snapshot file, or - for stdin")],
            database_url: DatabaseOpt = None) -> None:
    """Import a snapshot, replacing its org's rows (the org is the one the snapshot names)."""
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    try:
        snap = json.loads(text)
    except json.JSONDecodeError:
        raise typer.BadParameter("not JSON", param_hint="SOURCE") from None

    def act(b: Backend) -> dict[str, Any]:
        org_id = _org(str(snap.get("org_id", ""))) if isinstance(snap, dict) else 0
        snapshots.import_org(b, org_id, snap)
        return {"org": admin.get_org(b, org_id)}
    _run(database_url, act)


@admin_app.command("profile")
def profile(org: OrgArg, value: Annotated[str, typer.Argument(help="documented | live | default")],
            database_url: DatabaseOpt = None) -> None:
    """Set an org's fidelity profile ("default": the server's)."""
    _run(database_url, lambda b: {"org": admin.set_profile(b, _org(org), None if value == "default" else value)})


@admin_app.command("territories")
def territories(org: OrgArg, state: Annotated[str, typer.Argument(help="enabled | disabled")],
                database_url: DatabaseOpt = None) -> None:
    """Switch the territory feature of an org."""
    _run(database_url, lambda b: {"org": admin.set_territory_state(b, _org(org), state)})


@clock_app.command("show")
def clock_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"clock": clock.show(b, _org(org))})


@clock_app.command("freeze")
def clock_freeze(org: OrgArg, at: Annotated[str | None, typer.Option(help="ISO 8601 with offset")] = None,
                 database_url: DatabaseOpt = None) -> None:
    """Freeze the org's clock at --at, or at its now."""
    _run(database_url, lambda b: {"clock": clock.freeze(b, _org(org), clock.parse_instant(at) if at else None)})


@clock_app.command("set")
def clock_set(org: OrgArg, at: Annotated[str, typer.Argument(help="ISO 8601 with offset")],
              database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"clock": clock.set_time(b, _org(org), clock.parse_instant(at))})


@clock_app.command("advance")
def clock_advance(org: OrgArg, seconds: float, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"clock": clock.advance(b, _org(org), seconds)})


@clock_app.command("resume")
def clock_resume(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"clock": clock.resume(b, _org(org))})


@clock_app.command("reset")
def clock_reset(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Back to the server's clock."""
    _run(database_url, lambda b: {"clock": clock.reset(b, _org(org))})


@faults_app.command("list")
def faults_list(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"faults": faults.list_rules(b, _org(org))})


@faults_app.command("add")
def faults_add(org: OrgArg, database_url: DatabaseOpt = None,
               method: Annotated[str, typer.Option()] = "*",
               path: Annotated[str, typer.Option(help="glob over the path")] = "*",
               error: Annotated[str | None, typer.Option(help="Zoho error code")] = None,
               message: Annotated[str | None, typer.Option()] = None,
               status: Annotated[int | None, typer.Option()] = None,
               latency_ms: Annotated[int | None, typer.Option()] = None,
               probability: Annotated[float, typer.Option()] = 1.0,
               count: Annotated[int | None, typer.Option()] = None) -> None:
    """Add a fault rule."""
    spec: dict[str, Any] = {"method": method, "path": path, "probability": probability, "count": count}
    for name, value in (("error", error), ("message", message), ("status", status), ("latency_ms", latency_ms)):
        if value is not None:
            spec[name] = value
    _run(database_url, lambda b: {"fault": faults.add(b, _org(org), spec)})


@faults_app.command("delete")
def faults_delete(org: OrgArg, rule: str, database_url: DatabaseOpt = None) -> None:
    rule_id = parse_id(rule)
    if rule_id is None:
        raise typer.BadParameter("a rule id", param_hint="RULE")
    _run(database_url, lambda b: faults.delete(b, _org(org), rule_id) or {"deleted": rule})


@faults_app.command("clear")
def faults_clear(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"deleted": faults.clear(b, _org(org))})


@limits_app.command("show")
def limits_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"limits": limits.show(b, _org(org))})


@limits_app.command("set")
def limits_set(org: OrgArg, database_url: DatabaseOpt = None,
               edition: Annotated[str | None, typer.Option(help=" | ".join(limits.EDITIONS))] = None,
               licences: Annotated[int | None, typer.Option()] = None,
               credits: Annotated[int | None, typer.Option(help="credits per 24 h")] = None,
               concurrency: Annotated[int | None, typer.Option()] = None) -> None:
    spec = {k: v for k, v in (("edition", edition), ("licences", licences), ("credits", credits),
                              ("concurrency", concurrency)) if v is not None}
    _run(database_url, lambda b: {"limits": limits.configure(b, _org(org), spec)})


@limits_app.command("off")
def limits_off(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"limits": limits.switch_off(b, _org(org))})


@journal_app.command("show")
def journal_show(org: OrgArg, database_url: DatabaseOpt = None,
                 limit: Annotated[int, typer.Option(min=1)] = 20,
                 method: Annotated[str | None, typer.Option()] = None,
                 path: Annotated[str | None, typer.Option(help="glob")] = None,
                 status: Annotated[int | None, typer.Option()] = None,
                 code: Annotated[str | None, typer.Option()] = None) -> None:
    """The newest requests first."""
    _run(database_url, lambda b: {"entries": journal.entries(b, _org(org), limit=limit, method=method, path=path,
                                                             status=status, code=code)})


@journal_app.command("size")
def journal_size(org: OrgArg, size: int, database_url: DatabaseOpt = None) -> None:
    """Keep the last SIZE requests (0: off)."""
    _run(database_url, lambda b: {"journal": journal.configure(b, _org(org), size)})


@journal_app.command("clear")
def journal_clear(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"deleted": journal.clear(b, _org(org))})


@locks_app.command("list")
def locks_list(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"record_locks": record_hooks.list_locks(b, _org(org))})


@locks_app.command("lock")
def locks_lock(org: OrgArg, module: ModuleArg, record: RecordArg, database_url: DatabaseOpt = None) -> None:
    """Lock a record of the org."""
    _run(database_url, lambda b: {"record_lock": record_hooks.lock(b, _org(org), module, record)})


@locks_app.command("unlock")
def locks_unlock(org: OrgArg, module: ModuleArg, record: RecordArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: record_hooks.unlock(b, _org(org), module, record) or {"unlocked": record})


@jobs_app.command("show")
def jobs_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    _run(database_url, lambda b: {"territory_jobs": record_hooks.territory_jobs(b, _org(org))})


@jobs_app.command("hold")
def jobs_hold(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Keep each new territory job pending until release."""
    _run(database_url, lambda b: {"territory_jobs": record_hooks.hold_territory_jobs(b, _org(org), True)})


@jobs_app.command("release")
def jobs_release(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Stop holding; every pending job completes."""
    _run(database_url, lambda b: {"territory_jobs": record_hooks.hold_territory_jobs(b, _org(org), False)})
