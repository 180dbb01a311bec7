"""What every ``zcrm-local`` command shares: opening the database with plain messages, naming an
org, refusing in one line."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Annotated, NoReturn

import typer
import typer.core

from zcrm_local.config import DEFAULT_DATABASE_URL, Settings, redacted_url
from zcrm_local.domain.clock import SystemClock
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.backend import Backend, open_database
from zcrm_local.service.connect import DatabaseUnavailable, open_and_upgrade
from zcrm_local.service.harness import admin
from zcrm_local.service.harness.admin import AdminError
from zcrm_local.settings_env import ENV, settings_from_env

DATABASE_HELP = "sqlite:///path, sqlite:// (in memory) or postgresql://user@host:port/db"
DatabaseOpt = Annotated[str | None, typer.Option("--database-url", envvar=ENV["database_url"], metavar="URL",
                                                 help=DATABASE_HELP)]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]
OrgArg = Annotated[str, typer.Argument(metavar="ORG", help="org id or name")]
# typer prints an argument's Python type after its name ("ORG <str>"); the help text says it in words.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
# A slow connection gets a message after this long; a quick one none.
CONNECTING_NOTICE_S = 1.0
_SCHEMES = ("sqlite", "postgresql", "postgres")


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr and a non-zero exit: what a user sees instead of a traceback."""
    typer.echo(f"zcrm-local: {message}", err=True)
    raise typer.Exit(code)


def refuse(refusal: AdminError) -> NoReturn:
    """An admin refusal: the admin API's error body, on one line, exit 1."""
    typer.echo(json.dumps({"error": {"code": refusal.code, "message": refusal.message}}), err=True)
    raise typer.Exit(1)


def check_database_url(url: str) -> None:
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower() if "://" in url else ""
    if scheme not in _SCHEMES:
        raise typer.BadParameter(f"{redacted_url(url)!r} is not a database URL zcrm-local can use: {DATABASE_HELP}",
                                 param_hint="--database-url")


def sqlite_file(url: str) -> Path | None:
    """The file a ``sqlite:///path`` URL names; None for memory and PostgreSQL."""
    if not url.startswith("sqlite:///") or ":memory:" in url:
        return None
    return Path(url.removeprefix("sqlite:///")).absolute()


def open_backend(database_url: str | None, *, announce_new: bool = True, **overrides: object) -> Backend:
    """The database the flags and environment name, reachable and migrated.

    A command run in another folder than the server would silently make a new empty
    ``./zcrm-local.db``; with ``announce_new``, a default database file that did not exist is
    said plainly on stderr (a URL given by flag or environment is the user's own choice)."""
    base = settings_from_env()
    values = {k: v for k, v in overrides.items() if v is not None}
    if database_url:
        values["database_url"] = database_url
    settings = Settings(**{**base.__dict__, **values})  # type: ignore[arg-type]
    url = settings.database_url
    check_database_url(url)
    file = sqlite_file(url)
    existed = file is None or file.exists() or url != DEFAULT_DATABASE_URL
    db = open_database(settings)
    notice = threading.Timer(CONNECTING_NOTICE_S, lambda: typer.echo(f"connecting to {redacted_url(url)} …", err=True))
    notice.daemon = True
    notice.start()
    try:
        open_and_upgrade(db)
    except DatabaseUnavailable as exc:
        fail(f"cannot open the database {redacted_url(url)}: {exc}")
    finally:
        notice.cancel()
    if not existed and announce_new:
        typer.echo(f"zcrm-local: created a new database {file}; no server has used it yet. A server running on "
                   f"another database refuses credentials made here: pass its --database-url.", err=True)
    return Backend(db=db, settings=settings, clock=SystemClock())


def resolve_org(backend: Backend, raw: str, hint: str = "ORG") -> int:
    """An org by id or by its exact name; ids win. An unknown id is left to the action, which
    answers the admin API's NOT_FOUND; an unknown or ambiguous name is a usage error."""
    org_id = parse_id(raw)
    if org_id is not None:
        return org_id
    named = [int(org["id"]) for org in admin.list_orgs(backend) if org["name"] == raw]
    if len(named) != 1:
        reason = f"{len(named)} orgs are named {raw!r}: give its id" if named else f"no org {raw!r}"
        raise typer.BadParameter(reason, param_hint=hint)
    return named[0]


def echo_info(info: dict[str, object], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(info))
    else:
        for key, value in info.items():
            typer.echo(f"{key}: {value}")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
