"""Server processes under test: start, wait for the first answer, peak memory, stop."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    startup_ms: float
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_rss_mb(self) -> float:
        """The kernel's high-water mark of resident memory (VmHWM); psutil only when /proc
        has none, because psutil reports the current RSS, not the peak."""
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        import psutil  # type: ignore[import-not-found]

        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start(args: list[str], log: Path, probe: str = "/crm/v7/org", timeout: float = 60) -> Server:
    """Run ``python <args> --port P``; startup_ms runs from the spawn to the first answered
    request (any status: a 401 is an answer)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args, "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
                                cwd=ROOT, env=env)
    deadline = started + timeout
    while True:
        if _answers(port, probe):
            return Server(proc, port, (time.perf_counter() - started) * 1000, log)
        if proc.poll() is not None or time.perf_counter() > deadline:
            proc.kill()
            raise RuntimeError(f"server {args} did not answer; log: {log}\n{log.read_text()[-2000:]}")
        time.sleep(0.005)


def _answers(port: int, path: str) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        conn.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        conn.close()
