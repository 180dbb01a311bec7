"""A real ``zcrm-local serve`` process, and the CLI run as a subprocess, for tests that need
a listening server (the SDK, restarts, the banner)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import STORE, require_pg

READY_SECONDS = 30
STOP_SECONDS = 10
CLI_SECONDS = 60


def cli_env(port: int | None = None) -> dict[str, str]:
    """The caller's environment without ZCRM_LOCAL_* settings, so only the flags count."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZCRM_LOCAL_")}
    env["PYTHONUNBUFFERED"] = "1"  # the banner reaches the log file before the process ends
    if port is not None:
        # What `credentials` and `grant` report as api_domain; the server answers the same.
        env["ZCRM_LOCAL_PORT"] = str(port)
    return env


def database_url_in(directory: Path) -> str:
    """The store the test run targets: PostgreSQL when chosen, else a SQLite file in ``directory``."""
    if STORE == "postgresql":
        return require_pg()
    return f"sqlite:///{directory / 'x.db'}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_cli(*args: str, port: int | None = None, cwd: Path | None = None) -> dict[str, Any]:
    """``python -m zcrm_local ARGS --json``: its parsed output."""
    done = subprocess.run([sys.executable, "-m", "zcrm_local", *args, "--json"], capture_output=True, text=True,
                          env=cli_env(port), cwd=cwd, timeout=CLI_SECONDS, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    port: int
    database_url: str
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM, then SIGKILL if it does not exit in time; the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.kill_all()
        # Worker processes (``--workers``) that outlived their parent.
        self.kill_all()
        return int(self.process.returncode)

    def kill_all(self) -> None:
        """SIGKILL to the server and every process it started (its own process group)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(STOP_SECONDS)

    def wait_ready(self) -> None:
        """Return once it answers; a server that fails to start is killed."""
        try:
            _wait_ready(self)
        except BaseException:
            self.stop()
            raise


def spawn_server(database_url: str, work_dir: Path, port: int | None = None, *, workers: int = 1,
                 env: dict[str, str] | None = None) -> LiveServer:
    """Launch ``serve`` in a process group of its own, without waiting for it to answer."""
    port = port or free_port()
    log_path = work_dir / f"serve-{port}-{time.monotonic_ns()}.log"
    args = [sys.executable, "-m", "zcrm_local", "serve", "--port", str(port), "--database-url", database_url]
    if workers > 1:
        args += ["--workers", str(workers)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env={**cli_env(), **(env or {})},
                                   cwd=work_dir, start_new_session=True)
    return LiveServer(process, port, database_url, log_path)


def start_server(database_url: str, work_dir: Path, port: int | None = None, *, workers: int = 1,
                 env: dict[str, str] | None = None) -> LiveServer:
    """Start ``serve`` and return once it answers; a server that fails to start is killed."""
    server = spawn_server(database_url, work_dir, port, workers=workers, env=env)
    server.wait_ready()
    return server


@contextmanager
def running_server(database_url: str, work_dir: Path, port: int | None = None) -> Iterator[LiveServer]:
    server = start_server(database_url, work_dir, port)
    try:
        yield server
    finally:
        server.stop()


def _wait_ready(server: LiveServer) -> None:
    deadline = time.monotonic() + READY_SECONDS
    with httpx.Client(trust_env=False, timeout=2) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(f"serve exited with {server.process.returncode}:\n{server.output()}")
            try:
                r = client.get(f"{server.base_url}/crm/v7/org")
                # Our own refusal, not some other program that took the port.
                if r.status_code == 401 and r.json().get("code") == "AUTHENTICATION_FAILURE":
                    return
            except (httpx.TransportError, ValueError):
                pass
            time.sleep(0.05)
    raise RuntimeError(f"serve did not answer within {READY_SECONDS} s:\n{server.output()}")
