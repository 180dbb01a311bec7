"""What a new user hit on the command line: clear one-line refusals instead of tracebacks, `serve`
that takes its port before it says ready, one vocabulary, help for every command."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from zcrm_local.cli import app
from zcrm_local.cli_serve import _print_banner
from zcrm_local.config import redacted_url

from tests.live_server import cli_env, free_port

runner = CliRunner()


@pytest.fixture
def clean_env(monkeypatch):
    for name in [k for k in os.environ if k.startswith("ZCRM_LOCAL_")]:
        monkeypatch.delenv(name)


@pytest.fixture
def db_url(tmp_path, clean_env):
    return f"sqlite:///{tmp_path / 'x.db'}"


def zcrm(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run([sys.executable, "-m", "zcrm_local", *args], capture_output=True, text=True, cwd=cwd,
                          env={**cli_env(), **(env or {})}, timeout=timeout, check=False)


def one_line_refusal(done, *, code: int = 1) -> str:
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# ---- serve ------------------------------------------------------------------------------------


def test_serve_refuses_a_port_out_of_range_before_anything_else(tmp_path):
    done = zcrm("serve", "--port", "99999", "--database-url", f"sqlite:///{tmp_path / 'x.db'}", cwd=tmp_path)
    assert done.returncode == 2
    assert "--port" in done.stderr and "65535" in done.stderr
    assert "ready" not in done.stdout and not (tmp_path / "x.db").exists()


def test_serve_on_a_busy_port_prints_one_line_and_no_banner(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = zcrm("serve", "--port", str(port), "--database-url", f"sqlite:///{tmp_path / 'x.db'}", cwd=tmp_path)
    line = one_line_refusal(done)
    assert line == f"zcrm-local: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert done.stdout == ""


def test_serve_refuses_a_database_url_of_another_kind(tmp_path):
    done = zcrm("serve", "--port", str(free_port()), "--database-url", "mysql://root:secret@localhost/crm",
                cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'mysql://root:***@localhost/crm' is not a database URL zcrm-local can use" in done.stderr
    assert "secret" not in done.stderr and done.stdout == ""


def test_banner_never_prints_the_database_password(capsys):
    info = {"api_domain": "http://127.0.0.1:1", "accounts_url": "u", "org_id": "1", "client_id": "c",
            "client_secret": "s", "refresh_token": "r", "access_token": "a"}
    _print_banner(info, "postgresql://zcrm:hunter2@db.internal:5432/zcrm", "key")
    out = capsys.readouterr().out
    assert "hunter2" not in out
    assert "  Database       postgresql://zcrm:***@db.internal:5432/zcrm" in out.splitlines()
    assert redacted_url("postgresql://zcrm@db/x") == "postgresql://zcrm@db/x"
    assert redacted_url("sqlite:///a@b.db") == "sqlite:///a@b.db"


def _requests_logged(tmp_path, *flags: str) -> str:
    port = free_port()
    log_path = tmp_path / f"serve-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "zcrm_local", "serve", "--port", str(port), "--database-url",
                                    f"sqlite:///{tmp_path / 'x.db'}", *flags], stdout=log, stderr=subprocess.STDOUT,
                                   env=cli_env(), cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/crm/v7/org", trust_env=False).status_code == 401:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(10)
    return log_path.read_text()


def test_access_log_on_request_and_off_when_output_is_not_a_terminal(tmp_path):
    assert '"GET /crm/v7/org HTTP/1.1" 401' in _requests_logged(tmp_path, "--access-log")
    assert "GET /crm/v7/org" not in _requests_logged(tmp_path)


# ---- which database -----------------------------------------------------------------------------


def test_credentials_in_a_folder_without_a_database_say_they_created_one(tmp_path, clean_env, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = runner.invoke(app, ["credentials", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["client_id"]
    assert done.stderr == (f"zcrm-local: created a new database {tmp_path / 'zcrm-local.db'}; no server has used it "
                           f"yet. A server running on another database refuses credentials made here: pass its "
                           f"--database-url.\n")
    again = runner.invoke(app, ["credentials", "--json"])
    assert again.exit_code == 0 and again.stderr == ""


def test_unreachable_postgresql_says_connecting_then_one_clear_line(tmp_path):
    # A server that accepts and never answers: the connection waits, then times out.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    port = silent.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(silent.accept()), daemon=True).start()
    url = f"postgresql://zcrm:hunter2@127.0.0.1:{port}/crm"
    try:
        done = zcrm("credentials", "--database-url", url, cwd=tmp_path, env={"PGCONNECT_TIMEOUT": "2"})
    finally:
        silent.close()
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0] == f"connecting to postgresql://zcrm:***@127.0.0.1:{port}/crm …"
    assert lines[1].startswith(f"zcrm-local: cannot open the database postgresql://zcrm:***@127.0.0.1:{port}/crm: ")
    assert len(lines) == 2 and "hunter2" not in done.stderr


def test_refused_postgresql_connection_is_one_line(tmp_path):
    done = zcrm("db", "upgrade", "--database-url", f"postgresql://zcrm@127.0.0.1:{free_port()}/crm", cwd=tmp_path)
    assert one_line_refusal(done).startswith("zcrm-local: cannot open the database postgresql://zcrm@127.0.0.1:")


# ---- admin files ------------------------------------------------------------------------------


def test_admin_import_of_a_missing_file_is_one_line(tmp_path):
    done = zcrm("admin", "import", str(tmp_path / "nope.json"), "--database-url", f"sqlite:///{tmp_path / 'x.db'}",
                cwd=tmp_path)
    assert one_line_refusal(done) == f"zcrm-local: cannot read {tmp_path / 'nope.json'}: No such file or directory"


def test_admin_export_into_a_missing_folder_is_one_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    org_id = json.loads(zcrm("credentials", "--json", "--database-url", url, cwd=tmp_path).stdout)["org_id"]
    target = tmp_path / "no" / "such" / "snap.json"
    done = zcrm("admin", "export", org_id, "-o", str(target), "--database-url", url, cwd=tmp_path)
    assert one_line_refusal(done) == f"zcrm-local: cannot write {target}: no folder {target.parent}"


# ---- one vocabulary -----------------------------------------------------------------------------


def test_org_create_refuses_what_the_admin_api_refuses(db_url):
    for name in ("", "   ", "x" * 201):
        done = runner.invoke(app, ["org", "create", name, "--database-url", db_url])
        assert done.exit_code == 1
        assert json.loads(done.stderr) == {"error": {"code": "INVALID_INPUT", "message": "name: 1 to 200 characters"}}


def test_credentials_refuse_an_unknown_scope(db_url):
    for command in ("credentials", "grant"):
        done = runner.invoke(app, [command, "--scope", "Bogus.scope", "--database-url", db_url])
        assert done.exit_code == 2
        assert "unknown scope 'Bogus.scope'" in done.stderr


def test_admin_commands_take_an_org_id_or_its_name(db_url):
    made = json.loads(runner.invoke(app, ["org", "create", "Second Org", "--json", "--database-url", db_url]).stdout)
    by_name = runner.invoke(app, ["admin", "territories", "Second Org", "off", "--database-url", db_url])
    assert by_name.exit_code == 0, by_name.output
    assert json.loads(by_name.stdout)["org"]["id"] == made["org_id"]
    by_id = runner.invoke(app, ["admin", "territories", made["org_id"], "on", "--database-url", db_url])
    assert by_id.exit_code == 0, by_id.output
    grant = runner.invoke(app, ["grant", "--org", "Second Org", "--json", "--database-url", db_url])
    assert grant.exit_code == 0, grant.output
    unknown = runner.invoke(app, ["admin", "clock", "show", "No Such Org", "--database-url", db_url])
    assert unknown.exit_code == 2 and "no org 'No Such Org'" in unknown.stderr
    old_word = runner.invoke(app, ["admin", "territories", made["org_id"], "enabled", "--database-url", db_url])
    assert old_word.exit_code == 2 and "on or off" in old_word.stderr


def test_version(clean_env):
    done = runner.invoke(app, ["--version"])
    assert done.exit_code == 0
    assert done.stdout.startswith("zcrm-local ") and done.stdout.strip().split()[1][0].isdigit()


def _commands(group: object, path: tuple[str, ...] = ()):
    for name, command in getattr(group, "commands", {}).items():
        if command.hidden:
            continue
        yield path + (name,), command
        yield from _commands(command, path + (name,))


def test_every_command_has_help_and_no_type_placeholders(clean_env):
    commands = list(_commands(typer.main.get_command(app)))
    assert len(commands) > 30
    for path, command in commands:
        assert command.help, f"zcrm-local {' '.join(path)} has no help text"
        done = runner.invoke(app, [*path, "--help"])
        assert done.exit_code == 0, done.output
        assert "<bool>" not in done.stdout and "<str>" not in done.stdout and "<int>" not in done.stdout, done.stdout
        assert "<float>" not in done.stdout and "<list" not in done.stdout, done.stdout
        for param in command.params:
            if param.name != "help":
                assert param.help, f"zcrm-local {' '.join(path)}: {param.name} has no help"
