"""The ``zcrm-local`` command: serve, credentials, grant, org create, db upgrade."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console

from zcrm_local.cli_admin import ADMIN_KEY_ENV, admin_app
from zcrm_local.config import PROFILES, Settings
from zcrm_local.domain.clock import SystemClock
from zcrm_local.service.backend import Backend, open_database
from zcrm_local.service.harness import admin, server_info
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import create_org, ensure_default_org
from zcrm_local.settings_env import ENV, export, settings_from_env
from zcrm_local.store.migrate import upgrade
from zcrm_local.store.org import orgs as org_store

app = typer.Typer(help="A local Zoho CRM v7 server.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
org_app = typer.Typer(help="Organizations.", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
app.add_typer(org_app, name="org")
app.add_typer(db_app, name="db")
app.add_typer(admin_app, name="admin")

DatabaseOpt = Annotated[str | None, typer.Option("--database-url", envvar=ENV["database_url"],
                                                 help="sqlite:///path, sqlite://, postgresql://user@host:port/db")]


def _backend(database_url: str | None, **overrides: object) -> Backend:
    base = settings_from_env()
    values = {k: v for k, v in overrides.items() if v is not None}
    if database_url:
        values["database_url"] = database_url
    settings = Settings(**{**base.__dict__, **values})  # type: ignore[arg-type]
    db = open_database(settings)
    upgrade(db)
    return Backend(db=db, settings=settings, clock=SystemClock())


def _client_backend(database_url: str | None) -> Backend:
    """A backend for commands that print URLs: the running server's, unless the environment names one."""
    backend = _backend(database_url)
    if any(os.environ.get(ENV[name]) for name in ("public_url", "host", "port")):
        return backend
    served = server_info.served_base_url(backend)
    if served is None:
        return backend
    return replace(backend, settings=replace(backend.settings, public_url=served))


def _org_id(backend: Backend, org: str | None) -> int:
    if org is None:
        return ensure_default_org(backend)
    with backend.db.read() as conn:
        for row in org_store.list_orgs(conn):
            if str(row["id"]) == org or row["company_name"] == org:
                return int(row["id"])
    raise typer.BadParameter(f"no org {org!r}", param_hint="--org")


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar=ENV["host"])] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar=ENV["port"])] = 8000,
    database_url: DatabaseOpt = None,
    workers: Annotated[int, typer.Option(envvar="ZCRM_LOCAL_WORKERS", min=1)] = 1,
    profile: Annotated[str, typer.Option(envvar=ENV["profile"], help="documented | live")] = "documented",
    log_level: Annotated[str, typer.Option(envvar="ZCRM_LOCAL_LOG_LEVEL")] = "warning",
) -> None:
    """Migrate, make sure the default org exists, print credentials, and serve."""
    import uvicorn

    if profile not in PROFILES:
        raise typer.BadParameter("documented or live", param_hint="--profile")
    backend = _backend(database_url, host=host, port=port, profile=profile)
    org_id = ensure_default_org(backend)
    info = admin.credentials_info(backend, oauth.mint_credentials(backend, org_id))
    # A fixed key from the environment, else a new one each start (earlier keys stay valid).
    admin_key = os.environ.get(ADMIN_KEY_ENV) or admin.mint_admin_key(backend)
    admin.install_admin_key(backend, admin_key)
    server_info.remember_base_url(backend)
    backend.db.dispose()
    export(backend.settings)
    _print_banner(info, backend.settings.database_url, admin_key)
    uvicorn.run("zcrm_local.http.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False)


def _print_banner(info: dict[str, str], database_url: str, admin_key: str) -> None:
    console = Console(highlight=False)
    rows = [
        ("API base URL", f"{info['api_domain']}/crm/v7"),
        ("Accounts URL", info["accounts_url"]),
        ("Database", database_url),
        ("Org id", info["org_id"]),
        ("client_id", info["client_id"]),
        ("client_secret", info["client_secret"]),
        ("refresh_token", info["refresh_token"]),
        ("access_token", info["access_token"]),
        ("admin key", f"{admin_key}  (header X-ZCRM-Admin-Key, {info['api_domain']}/_zcrm/)"),
    ]
    console.print("[bold]zcrm-local[/bold] is ready. Administrator credentials of the default org:")
    for label, value in rows:
        # soft_wrap: tokens stay on one line, whole, for copying.
        console.print(f"  [cyan]{label:<14}[/cyan] {value}", soft_wrap=True)
    console.print(f"  try: curl -H 'Authorization: Zoho-oauthtoken {info['access_token']}' "
                  f"{info['api_domain']}/crm/v7/org", soft_wrap=True)


@app.command()
def credentials(
    database_url: DatabaseOpt = None,
    org: Annotated[str | None, typer.Option(help="org id or name; default: the default org")] = None,
    scope: Annotated[list[str] | None, typer.Option(help="a scope; repeat for more (default: every scope)")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Mint a new self client for the org's administrator and print its credentials."""
    backend = _client_backend(database_url)
    creds = oauth.mint_credentials(backend, _org_id(backend, org), scope)
    info = admin.credentials_info(backend, creds)
    if as_json:
        typer.echo(json.dumps(info))
    else:
        for key, value in info.items():
            typer.echo(f"{key}: {value}")


@app.command()
def grant(
    database_url: DatabaseOpt = None,
    org: Annotated[str | None, typer.Option()] = None,
    scope: Annotated[list[str] | None, typer.Option()] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """A one-time grant token (authorization code) for a new self client, valid 3 minutes."""
    backend = _client_backend(database_url)
    made = oauth.mint_grant(backend, _org_id(backend, org), scope)
    info = {"client_id": made.client_id, "client_secret": made.client_secret, "grant_token": made.code,
            "expires_in": made.expires_in, "accounts_url": f"{backend.settings.base_url}/oauth/v2/token"}
    if as_json:
        typer.echo(json.dumps(info))
    else:
        for key, value in info.items():
            typer.echo(f"{key}: {value}")


@org_app.command("create")
def org_create(
    name: str,
    database_url: DatabaseOpt = None,
    territories: Annotated[str, typer.Option(help="on | off")] = "on",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Another org with its own users and credentials."""
    if territories not in ("on", "off"):
        raise typer.BadParameter("on or off", param_hint="--territories")
    backend = _client_backend(database_url)
    made = create_org(backend, name, territories=territories == "on")
    info = admin.credentials_info(backend, oauth.mint_credentials(backend, made.org_id))
    info["name"] = name
    if as_json:
        typer.echo(json.dumps(info))
    else:
        for key, value in info.items():
            typer.echo(f"{key}: {value}")


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseOpt = None) -> None:
    """Apply every migration (serve does this too)."""
    _backend(database_url)
    typer.echo("database is at the newest schema")


def main() -> None:
    app()
