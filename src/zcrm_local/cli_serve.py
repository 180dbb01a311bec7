"""``zcrm-local serve``: check the options, take the port, prepare the database, then say ready.

The order matters to a user: a busy port or a bad option is one line and a non-zero exit, never a
banner of credentials followed by a crash.
"""

from __future__ import annotations

import copy
import os
import socket
from typing import Annotated, Any

import typer
from rich.console import Console

from zcrm_local.cli_common import DatabaseOpt, fail, open_backend, stdout_is_terminal
from zcrm_local.config import PROFILES, redacted_url
from zcrm_local.service.harness import admin, server_info
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import ensure_default_org
from zcrm_local.settings_env import ENV, export

ADMIN_KEY_ENV = "ZCRM_LOCAL_ADMIN_KEY"
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")
LISTEN_BACKLOG = 2048
APP_FACTORY = "zcrm_local.http.app:app_from_env"


def serve(
    host: Annotated[str, typer.Option(envvar=ENV["host"], metavar="HOST", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar=ENV["port"], metavar="PORT", min=1, max=65535,
                                      help="port to listen on (1-65535)")] = 8000,
    database_url: DatabaseOpt = None,
    workers: Annotated[int, typer.Option(envvar="ZCRM_LOCAL_WORKERS", metavar="N", min=1,
                                         help="server processes sharing the port")] = 1,
    profile: Annotated[str, typer.Option(envvar=ENV["profile"], metavar="PROFILE",
                                         help="fidelity profile: documented | live")] = "documented",
    log_level: Annotated[str, typer.Option(envvar="ZCRM_LOCAL_LOG_LEVEL", metavar="LEVEL",
                                           help=" | ".join(LOG_LEVELS))] = "warning",
    access_log: Annotated[bool | None, typer.Option(
        "--access-log/--no-access-log", envvar="ZCRM_LOCAL_ACCESS_LOG", show_default=False,
        help="print one line per request [default: on when the output is a terminal]")] = None,
) -> None:
    """Migrate, make sure the default org exists, take the port, print credentials, and serve."""
    if profile not in PROFILES:
        raise typer.BadParameter("documented or live", param_hint="--profile")
    if log_level.lower() not in LOG_LEVELS:
        raise typer.BadParameter(" | ".join(LOG_LEVELS), param_hint="--log-level")
    if not host.strip():
        raise typer.BadParameter("an address, e.g. 127.0.0.1 or 0.0.0.0", param_hint="--host")
    sock = _listen(host, port)
    try:
        backend = open_backend(database_url, announce_new=False, host=host, port=port, profile=profile)
        org_id = ensure_default_org(backend)
        info = admin.credentials_info(backend, oauth.mint_credentials(backend, org_id))
        # A fixed key from the environment, else a new one each start (earlier keys stay valid).
        admin_key = os.environ.get(ADMIN_KEY_ENV) or admin.mint_admin_key(backend)
        admin.install_admin_key(backend, admin_key)
        server_info.remember_base_url(backend)
        backend.db.dispose()
        export(backend.settings)
    except BaseException:
        sock.close()
        raise
    _print_banner(info, backend.settings.database_url, admin_key)
    _run(sock, host, port, workers, log_level.lower(), stdout_is_terminal() if access_log is None else access_log)


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, before anything is printed (uvicorn binds the same way)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listening now: a client that connects after the banner waits in the backlog, not refused.
        sock.listen(LISTEN_BACKLOG)
    except (OSError, OverflowError) as exc:
        sock.close()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        fail(f"cannot listen on {host}:{port}: {reason}")
    sock.set_inheritable(True)
    return sock


def _log_config(level: str, access_log: bool) -> dict[str, Any]:
    """uvicorn's logging, at ``level``, with the access log at INFO when it is on."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn"]["level"] = level.upper()
    config["loggers"]["uvicorn.error"] = {"level": level.upper()}
    config["loggers"]["uvicorn.access"]["level"] = "INFO" if access_log else "WARNING"
    return config


def _run(sock: socket.socket, host: str, port: int, workers: int, level: str, access_log: bool) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(APP_FACTORY, factory=True, host=host, port=port, workers=workers,
                            log_config=_log_config(level, access_log), log_level=None, access_log=access_log)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[sock]).run()
        else:
            server = uvicorn.Server(config)
            server.run(sockets=[sock])
            if not server.started:
                raise typer.Exit(3)  # uvicorn's startup failure: it logged why
    except KeyboardInterrupt:
        pass


def _print_banner(info: dict[str, str], database_url: str, admin_key: str) -> None:
    console = Console(highlight=False)
    rows = [
        ("API base URL", f"{info['api_domain']}/crm/v7"),
        ("Accounts URL", info["accounts_url"]),
        ("Database", redacted_url(database_url)),
        ("Org id", info["org_id"]),
        ("client_id", info["client_id"]),
        ("client_secret", info["client_secret"]),
        ("refresh_token", info["refresh_token"]),
        ("access_token", info["access_token"]),
        ("admin key", f"{admin_key}  (header X-ZCRM-Admin-Key, {info['api_domain']}/_zcrm/)"),
        ("Console", f"{info['api_domain']}/_zcrm/console/  (log in with the admin key)"),
    ]
    console.print("[bold]zcrm-local[/bold] is ready. Administrator credentials of the default org:")
    for label, value in rows:
        # soft_wrap: tokens stay on one line, whole, for copying.
        console.print(f"  [cyan]{label:<14}[/cyan] {value}", soft_wrap=True)
    console.print(f"  try: curl -H 'Authorization: Zoho-oauthtoken {info['access_token']}' "
                  f"{info['api_domain']}/crm/v7/org", soft_wrap=True)
