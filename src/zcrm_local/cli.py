"""The ``zcrm-local`` command: serve, credentials, grant, org create, db upgrade, admin …

One vocabulary (docs/cli.md): an org is named by ``ORG`` (id or exact name) or ``--org``, switches
are ``on | off``, ``--json`` prints JSON, ``--database-url`` (or ``ZCRM_LOCAL_DATABASE_URL``)
names the database.
"""

from __future__ import annotations

import os
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from zcrm_local.cli_admin import admin_app
from zcrm_local.cli_common import DatabaseOpt, JsonOpt, echo_info, open_backend, refuse, resolve_org
from zcrm_local.cli_serve import serve
from zcrm_local.domain import scopes as scope_rules
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness import admin, server_info
from zcrm_local.service.harness.admin import AdminError
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import ensure_default_org
from zcrm_local.settings_env import ENV

app = typer.Typer(help="A local Zoho CRM v7 server.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None)
org_app = typer.Typer(help="Organizations: create one with its own users and credentials.", no_args_is_help=True,
                      rich_markup_mode=None)
db_app = typer.Typer(help="The database: apply migrations.", no_args_is_help=True, rich_markup_mode=None)
app.command(help="Migrate, make sure the default org exists, take the port, print credentials, and serve.")(serve)
app.add_typer(org_app, name="org")
app.add_typer(db_app, name="db")
app.add_typer(admin_app, name="admin")

OrgOpt = Annotated[str | None, typer.Option("--org", metavar="ORG", help="org id or name [default: the default org]")]
ScopeOpt = Annotated[list[str] | None, typer.Option(
    "--scope", metavar="SCOPE", help="a scope such as ZohoCRM.org.READ; repeat for more [default: every scope]")]
SWITCH = ("on", "off")


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"zcrm-local {version('zcrm-local')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("zcrm-local (not installed)")
        raise typer.Exit()


@app.callback()
def _root(show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                     help="print the version and exit")] = False) -> None:
    """A local Zoho CRM v7 server."""


def _client_backend(database_url: str | None) -> Backend:
    """A backend for commands that print URLs: the running server's, unless the environment names one."""
    backend = open_backend(database_url)
    if any(os.environ.get(ENV[name]) for name in ("public_url", "host", "port")):
        return backend
    served = server_info.served_base_url(backend)
    if served is None:
        return backend
    return replace(backend, settings=replace(backend.settings, public_url=served))


def _org_id(backend: Backend, org: str | None) -> int:
    if org is None:
        return ensure_default_org(backend)
    org_id = resolve_org(backend, org, hint="--org")
    try:
        admin.get_org(backend, org_id)
    except AdminError:
        raise typer.BadParameter(f"no org {org!r}", param_hint="--org") from None
    return org_id


def _scopes(scope: list[str] | None) -> list[str] | None:
    for name in scope or ():
        if not scope_rules.is_valid(name):
            raise typer.BadParameter(f"unknown scope {name!r}: ZohoCRM.<group>[.<resource>].<ALL|READ|CREATE|UPDATE"
                                     f"|DELETE>, e.g. {', '.join(scope_rules.ALL_SCOPES)}", param_hint="--scope")
    return scope


@app.command()
def credentials(database_url: DatabaseOpt = None, org: OrgOpt = None, scope: ScopeOpt = None,
                as_json: JsonOpt = False) -> None:
    """Mint a new self client for the org's administrator and print its credentials."""
    scopes = _scopes(scope)
    backend = _client_backend(database_url)
    creds = oauth.mint_credentials(backend, _org_id(backend, org), scopes)
    echo_info(dict(admin.credentials_info(backend, creds)), as_json)


@app.command()
def grant(database_url: DatabaseOpt = None, org: OrgOpt = None, scope: ScopeOpt = None,
          as_json: JsonOpt = False) -> None:
    """A one-time grant token (authorization code) for a new self client, valid 3 minutes."""
    scopes = _scopes(scope)
    backend = _client_backend(database_url)
    made = oauth.mint_grant(backend, _org_id(backend, org), scopes)
    echo_info({"client_id": made.client_id, "client_secret": made.client_secret, "grant_token": made.code,
               "expires_in": made.expires_in, "accounts_url": f"{backend.settings.base_url}/oauth/v2/token"}, as_json)


@org_app.command("create")
def org_create(
    name: Annotated[str, typer.Argument(metavar="NAME", help="the org's company name (1 to 200 characters)")],
    database_url: DatabaseOpt = None,
    territories: Annotated[str, typer.Option(metavar="on|off", help="the territory feature")] = "on",
    profile: Annotated[str | None, typer.Option(metavar="PROFILE", help="documented | live [default: the server's]")]
    = None,
    journal_size: Annotated[int, typer.Option(metavar="N", min=0, help="requests the journal keeps (0: off)")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Another org from the fixture, with its own users, and administrator credentials for it."""
    if territories not in SWITCH:
        raise typer.BadParameter("on or off", param_hint="--territories")
    backend = _client_backend(database_url)
    try:
        # The admin API's own use case, so both refuse the same names.
        made = admin.create(backend, name, territories=territories == "on", profile=profile,
                            journal_size=journal_size)
    except AdminError as refusal:
        refuse(refusal)
    echo_info({**made["credentials"], "name": made["org"]["name"]}, as_json)


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseOpt = None) -> None:
    """Apply every migration (serve does this too)."""
    open_backend(database_url, announce_new=False).db.dispose()
    typer.echo("database is at the newest schema")


def main() -> None:
    app()
