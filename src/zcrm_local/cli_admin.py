"""``zcrm-local admin …``: every action of the admin API, run directly on the database.

The commands need no admin key: whoever can open the database can do anything anyway. A server
running on the same database sees changes within its harness cache time (about a second). ORG is
an org id or its exact name, as everywhere in the CLI.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from zcrm_local.cli_common import DatabaseOpt, OrgArg, fail, open_backend, refuse, resolve_org
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.backend import Backend
from zcrm_local.service.email import outbox
from zcrm_local.service.email.outbox import FIXTURE_KINDS
from zcrm_local.service.harness import admin, clock, faults, journal, limits, record_hooks, snapshots
from zcrm_local.service.harness.admin import AdminError

admin_app = typer.Typer(help="Test tools: orgs, reset, snapshots, clock, faults, limits, journal, record locks, "
                             "territory jobs.",
                        no_args_is_help=True, rich_markup_mode=None)
clock_app = typer.Typer(help="An org's clock.", no_args_is_help=True, rich_markup_mode=None)
faults_app = typer.Typer(help="Fault rules.", no_args_is_help=True, rich_markup_mode=None)
limits_app = typer.Typer(help="API limits emulation.", no_args_is_help=True, rich_markup_mode=None)
journal_app = typer.Typer(help="The request journal.", no_args_is_help=True, rich_markup_mode=None)
locks_app = typer.Typer(help="Record locks: territory assign/remove answer RECORD_LOCKED.", no_args_is_help=True, rich_markup_mode=None)
jobs_app = typer.Typer(help="Territory jobs held pending: a second change answers ALREADY_SCHEDULED.",
                       no_args_is_help=True, rich_markup_mode=None)
admin_app.add_typer(clock_app, name="clock")
admin_app.add_typer(faults_app, name="faults")
admin_app.add_typer(limits_app, name="limits")
admin_app.add_typer(journal_app, name="journal")
admin_app.add_typer(locks_app, name="locks")
admin_app.add_typer(jobs_app, name="territory-jobs")

ModuleArg = Annotated[str, typer.Argument(metavar="MODULE", help="module API name (Accounts, Contacts, Deals…)")]
RecordArg = Annotated[str, typer.Argument(metavar="RECORD", help="record id")]
SWITCH = {"on": "enabled", "off": "disabled"}


def _org(backend: Backend, raw: str) -> int:
    return resolve_org(backend, raw)


def _run(database_url: str | None, action: Any) -> None:
    """Run an action and print its JSON; admin refusals exit 1 with the same error body."""
    backend = open_backend(database_url)
    try:
        result = action(backend)
    except AdminError as refusal:
        refuse(refusal)
    finally:
        backend.db.dispose()
    if result is not None:
        typer.echo(json.dumps(result, indent=2))


@admin_app.command("outbox")
def outbox_show(org: OrgArg, database_url: DatabaseOpt = None,
                clear: Annotated[bool, typer.Option(help="empty the outbox after printing it")] = False) -> None:
    """The mails an org sent (never over SMTP), oldest first."""
    def act(b: Backend) -> dict[str, Any]:
        found = outbox.messages(b, _org(b, org))
        if found is None:
            raise admin.not_found("org")
        if clear:
            outbox.clear(b, _org(b, org))
        return {"messages": found}
    _run(database_url, act)


@admin_app.command("email-fixture")
def email_fixture(org: OrgArg,
                  kind: Annotated[str, typer.Argument(help="email_template, inventory_template, mail_merge_template, "
                                                          "from_address, bounce or cadence")],
                  key: Annotated[str, typer.Argument(help="the fixture's key within its kind (a name or an id)")],
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
        admin.org_row(b, _org(b, org))
        outbox.put_fixture(b, _org(b, org), kind, key, parsed)
        return {"kind": kind, "key": key, "doc": parsed}
    _run(database_url, act)


@admin_app.command("key")
def key(database_url: DatabaseOpt = None,
        revoke_all: Annotated[bool, typer.Option("--revoke-all", help="revoke every admin key first")] = False) -> None:
    """Mint a new admin key (earlier keys stay valid unless --revoke-all)."""
    def act(b: Backend) -> dict[str, Any]:
        revoked = admin.revoke_admin_keys(b) if revoke_all else 0
        return {"admin_key": admin.mint_admin_key(b), "revoked": revoked}
    _run(database_url, act)


@admin_app.command("orgs")
def orgs(database_url: DatabaseOpt = None) -> None:
    """List orgs."""
    _run(database_url, lambda b: {"orgs": admin.list_orgs(b)})


@admin_app.command("create", hidden=True, context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def create(name: Annotated[str, typer.Argument(metavar="NAME")]) -> None:
    """Moved: zcrm-local org create NAME."""
    fail("'admin create' is now 'zcrm-local org create NAME' (see zcrm-local org create --help)", code=2)


@admin_app.command("delete")
def delete(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Delete an org and everything in it."""
    _run(database_url, lambda b: admin.delete(b, _org(b, org)) or {"deleted": org})


@admin_app.command("reset")
def reset(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Reset an org to its fixture (keeps its id, identity and credentials)."""
    def act(b: Backend) -> dict[str, Any]:
        snapshots.reset_org(b, _org(b, org))
        return {"org": admin.get_org(b, _org(b, org))}
    _run(database_url, act)


@admin_app.command("export")
def export(org: OrgArg, database_url: DatabaseOpt = None,
           output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                       help="write the snapshot here [default: stdout]")] = None
           ) -> None:
    """Export an org to a JSON snapshot."""
    if output is not None and not output.parent.is_dir():
        fail(f"cannot write {output}: no folder {output.parent}")

    def act(b: Backend) -> dict[str, Any] | None:
        snap = snapshots.export_org(b, _org(b, org))
        if output is None:
            return snap
        try:
            output.write_text(json.dumps(snap), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
        return None
    _run(database_url, act)


@admin_app.command("import")
def import_(source: Annotated[str, typer.Argument(metavar="FILE", help="snapshot file, or - for stdin")],
            database_url: DatabaseOpt = None) -> None:
    """Import a snapshot, replacing its org's rows (the org is the one the snapshot names)."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {source}: {getattr(exc, 'strerror', None) or exc}")
    try:
        snap = json.loads(text)
    except json.JSONDecodeError:
        raise typer.BadParameter("not JSON", param_hint="FILE") from None
    org_id = parse_id(str(snap.get("org_id", ""))) if isinstance(snap, dict) else None
    if org_id is None:
        raise typer.BadParameter("a snapshot made by 'zcrm-local admin export' (it names its org_id)",
                                 param_hint="FILE")

    def act(b: Backend) -> dict[str, Any]:
        snapshots.import_org(b, org_id, snap)
        return {"org": admin.get_org(b, org_id)}
    _run(database_url, act)


@admin_app.command("profile")
def profile(org: OrgArg,
            value: Annotated[str, typer.Argument(metavar="PROFILE", help="documented | live | default")],
            database_url: DatabaseOpt = None) -> None:
    """Set an org's fidelity profile ("default": the server's)."""
    _run(database_url, lambda b: {"org": admin.set_profile(b, _org(b, org), None if value == "default" else value)})


@admin_app.command("territories")
def territories(org: OrgArg, state: Annotated[str, typer.Argument(metavar="on|off", help="on | off")],
                database_url: DatabaseOpt = None) -> None:
    """Switch the territory feature of an org on or off (on the first time creates its root territory)."""
    if state not in SWITCH:
        raise typer.BadParameter("on or off", param_hint="STATE")
    _run(database_url, lambda b: {"org": admin.set_territory_state(b, _org(b, org), SWITCH[state])})


AtArg = Annotated[str, typer.Argument(metavar="AT", help="ISO 8601 date-time with offset")]


@clock_app.command("show")
def clock_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """The org's clock: its now, frozen or not, its offset."""
    _run(database_url, lambda b: {"clock": clock.show(b, _org(b, org))})


@clock_app.command("freeze")
def clock_freeze(org: OrgArg, at: Annotated[str | None, typer.Option(metavar="AT", help="ISO 8601 with offset "
                                                                     "[default: the org's now]")] = None,
                 database_url: DatabaseOpt = None) -> None:
    """Freeze the org's clock at --at, or at its now."""
    _run(database_url, lambda b: {"clock": clock.freeze(b, _org(b, org), clock.parse_instant(at) if at else None)})


@clock_app.command("set")
def clock_set(org: OrgArg, at: AtArg, database_url: DatabaseOpt = None) -> None:
    """Set the org's now to AT (frozen clocks stay frozen)."""
    _run(database_url, lambda b: {"clock": clock.set_time(b, _org(b, org), clock.parse_instant(at))})


@clock_app.command("advance")
def clock_advance(org: OrgArg, seconds: Annotated[float, typer.Argument(metavar="SECONDS", help="may be negative")],
                  database_url: DatabaseOpt = None) -> None:
    """Move the org's clock by SECONDS."""
    _run(database_url, lambda b: {"clock": clock.advance(b, _org(b, org), seconds)})


@clock_app.command("resume")
def clock_resume(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Let a frozen clock run again from where it stands."""
    _run(database_url, lambda b: {"clock": clock.resume(b, _org(b, org))})


@clock_app.command("reset")
def clock_reset(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Back to the server's clock."""
    _run(database_url, lambda b: {"clock": clock.reset(b, _org(b, org))})


@faults_app.command("list")
def faults_list(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """The org's fault rules, in firing order."""
    _run(database_url, lambda b: {"faults": faults.list_rules(b, _org(b, org))})


@faults_app.command("add")
def faults_add(org: OrgArg, database_url: DatabaseOpt = None,
               method: Annotated[str, typer.Option(metavar="METHOD", help="HTTP method, or * for any")] = "*",
               path: Annotated[str, typer.Option(metavar="GLOB", help="glob over the path (* spans /)")] = "*",
               error: Annotated[str | None, typer.Option(metavar="CODE", help="Zoho error code to answer")] = None,
               message: Annotated[str | None, typer.Option(metavar="TEXT", help="the error's message")] = None,
               status: Annotated[int | None, typer.Option(metavar="STATUS", help="HTTP status to answer")] = None,
               latency_ms: Annotated[int | None, typer.Option(metavar="MS", help="delay before answering")] = None,
               probability: Annotated[float, typer.Option(metavar="P", help="0 to 1")] = 1.0,
               count: Annotated[int | None, typer.Option(metavar="N", help="fire N times [default: forever]")]
               = None) -> None:
    """Add a fault rule."""
    spec: dict[str, Any] = {"method": method, "path": path, "probability": probability, "count": count}
    for name, value in (("error", error), ("message", message), ("status", status), ("latency_ms", latency_ms)):
        if value is not None:
            spec[name] = value
    _run(database_url, lambda b: {"fault": faults.add(b, _org(b, org), spec)})


@faults_app.command("delete")
def faults_delete(org: OrgArg, rule: Annotated[str, typer.Argument(metavar="RULE", help="fault rule id")],
                  database_url: DatabaseOpt = None) -> None:
    """Delete one fault rule."""
    rule_id = parse_id(rule)
    if rule_id is None:
        raise typer.BadParameter("a rule id", param_hint="RULE")
    _run(database_url, lambda b: faults.delete(b, _org(b, org), rule_id) or {"deleted": rule})


@faults_app.command("clear")
def faults_clear(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Delete every fault rule of the org."""
    _run(database_url, lambda b: {"deleted": faults.clear(b, _org(b, org))})


@limits_app.command("show")
def limits_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Caps and usage: credits used and remaining, calls in flight."""
    _run(database_url, lambda b: {"limits": limits.show(b, _org(b, org))})


@limits_app.command("set")
def limits_set(org: OrgArg, database_url: DatabaseOpt = None,
               edition: Annotated[str | None, typer.Option(metavar="EDITION", help=" | ".join(limits.EDITIONS))] = None,
               licences: Annotated[int | None, typer.Option(metavar="N", help="user licences")] = None,
               credits: Annotated[int | None, typer.Option(metavar="N", help="credits per 24 h")] = None,
               concurrency: Annotated[int | None, typer.Option(metavar="N", help="calls at once")] = None) -> None:
    """Emulate API limits: an edition's caps, or explicit ones."""
    spec = {k: v for k, v in (("edition", edition), ("licences", licences), ("credits", credits),
                              ("concurrency", concurrency)) if v is not None}
    _run(database_url, lambda b: {"limits": limits.configure(b, _org(b, org), spec)})


@limits_app.command("off")
def limits_off(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """No limits; usage forgotten."""
    _run(database_url, lambda b: {"limits": limits.switch_off(b, _org(b, org))})


@journal_app.command("show")
def journal_show(org: OrgArg, database_url: DatabaseOpt = None,
                 limit: Annotated[int, typer.Option(metavar="N", min=1, help="entries at most")] = 20,
                 method: Annotated[str | None, typer.Option(metavar="METHOD", help="only this method")] = None,
                 path: Annotated[str | None, typer.Option(metavar="GLOB", help="only paths matching")] = None,
                 status: Annotated[int | None, typer.Option(metavar="STATUS", help="only this status")] = None,
                 code: Annotated[str | None, typer.Option(metavar="CODE", help="only this error code")] = None
                 ) -> None:
    """The newest requests first."""
    _run(database_url, lambda b: {"entries": journal.entries(b, _org(b, org), limit=limit, method=method, path=path,
                                                             status=status, code=code)})


@journal_app.command("size")
def journal_size(org: OrgArg, size: Annotated[int, typer.Argument(metavar="SIZE", help="requests kept (0: off)")],
                 database_url: DatabaseOpt = None) -> None:
    """Keep the last SIZE requests (0: off)."""
    _run(database_url, lambda b: {"journal": journal.configure(b, _org(b, org), size)})


@journal_app.command("clear")
def journal_clear(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Forget every journal entry of the org."""
    _run(database_url, lambda b: {"deleted": journal.clear(b, _org(b, org))})


@locks_app.command("list")
def locks_list(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """The org's locked records."""
    _run(database_url, lambda b: {"record_locks": record_hooks.list_locks(b, _org(b, org))})


@locks_app.command("lock")
def locks_lock(org: OrgArg, module: ModuleArg, record: RecordArg, database_url: DatabaseOpt = None) -> None:
    """Lock a record of the org."""
    _run(database_url, lambda b: {"record_lock": record_hooks.lock(b, _org(b, org), module, record)})


@locks_app.command("unlock")
def locks_unlock(org: OrgArg, module: ModuleArg, record: RecordArg, database_url: DatabaseOpt = None) -> None:
    """Unlock a locked record."""
    _run(database_url, lambda b: record_hooks.unlock(b, _org(b, org), module, record) or {"unlocked": record})


@jobs_app.command("show")
def jobs_show(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Whether jobs are held, and the pending ones."""
    _run(database_url, lambda b: {"territory_jobs": record_hooks.territory_jobs(b, _org(b, org))})


@jobs_app.command("hold")
def jobs_hold(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Keep each new territory job pending until release."""
    _run(database_url, lambda b: {"territory_jobs": record_hooks.hold_territory_jobs(b, _org(b, org), True)})


@jobs_app.command("release")
def jobs_release(org: OrgArg, database_url: DatabaseOpt = None) -> None:
    """Stop holding; every pending job completes."""
    _run(database_url, lambda b: {"territory_jobs": record_hooks.hold_territory_jobs(b, _org(b, org), False)})
