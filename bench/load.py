"""Load generators: wrk with bench/lua/scenario.lua when installed, else a Python one.

Both keep every connection busy (closed loop: send, read the whole answer, send again) for a
fixed duration and report requests per second and latency percentiles. The Python generator
shares the machine's cores with the server and saturates long before wrk does, so its figures
are marked ``client_bound``: they are a floor, not the server's capacity.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.server import BENCH_DIR

LUA_SCRIPT = BENCH_DIR / "lua" / "scenario.lua"
WRK_INSTALL = "apt-get install -y wrk  (Debian/Ubuntu; macOS: brew install wrk)"


@dataclass
class Requests:
    """What one scenario sends: each request takes a random path and a random body."""

    method: str
    paths: list[str]
    headers: dict[str, str] = field(default_factory=dict)
    bodies: list[bytes] = field(default_factory=list)


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # answers >= 400 and socket errors
    client_bound: bool

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run(base_url: str, reqs: Requests, connections: int, seconds: float, *, use_wrk: bool) -> Result:
    if use_wrk:
        return _run_wrk(base_url, reqs, connections, seconds)
    return asyncio.run(_run_python(base_url, reqs, connections, seconds))


# ---- wrk -------------------------------------------------------------------------------------

def _lua_string(value: str | bytes) -> str:
    text = value.decode() if isinstance(value, bytes) else value
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def _lua_params(reqs: Requests) -> str:
    paths = ",\n".join(_lua_string(p) for p in reqs.paths)
    bodies = ",\n".join(_lua_string(b) for b in reqs.bodies)
    headers = ",\n".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in reqs.headers.items())
    return f"return {{method = {_lua_string(reqs.method)},\npaths = {{{paths}}},\nbodies = {{{bodies}}},\n" \
           f"headers = {{{headers}}}}}\n"


def _run_wrk(base_url: str, reqs: Requests, connections: int, seconds: float) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as params:
        params.write(_lua_params(reqs))
    try:
        # One client thread: the server uses one core, wrk the other.
        cmd = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
               "-s", str(LUA_SCRIPT), base_url + "/", "--", params.name]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
        out = done.stdout
    finally:
        Path(params.name).unlink()
    found = re.search(r"^BENCH_RESULT (.*)$", out, re.M)
    if found is None:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    raw = json.loads(found.group(1))
    return Result(raw["requests"], raw["duration_us"] / 1e6, raw["p50_us"] / 1000, raw["p99_us"] / 1000,
                  raw["status_errors"] + raw["socket_errors"], client_bound=False)


# ---- the Python fallback -------------------------------------------------------------------------

def _encode(host: str, reqs: Requests) -> list[bytes]:
    """Every request the scenario may send, encoded once up front."""
    out = []
    for path in reqs.paths:
        for body in reqs.bodies or [b""]:
            lines = [f"{reqs.method} {path} HTTP/1.1", f"Host: {host}"]
            lines += [f"{k}: {v}" for k, v in reqs.headers.items()]
            if reqs.bodies:
                lines.append(f"Content-Length: {len(body)}")
            out.append(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    return out


async def _read_answer(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    headers = head.lower()
    length = re.search(rb"\r\ncontent-length:\s*(\d+)", headers)
    if length:
        await reader.readexactly(int(length.group(1)))
    elif b"transfer-encoding: chunked" in headers:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _connection(host: str, port: int, encoded: list[bytes], stop_at: float, latencies: list[float],
                      errors: list[int], seed: int) -> None:
    import random

    pick = random.Random(seed)
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < stop_at:
            sent = time.perf_counter()
            writer.write(encoded[pick.randrange(len(encoded))])
            status = await _read_answer(reader)
            latencies.append(time.perf_counter() - sent)
            if status >= 400:
                errors.append(status)
    finally:
        writer.close()


async def _run_python(base_url: str, reqs: Requests, connections: int, seconds: float) -> Result:
    try:
        import uvloop  # a faster loop makes the client less of a bottleneck

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    url = urlsplit(base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    encoded = _encode(f"{host}:{port}", reqs)
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(*(_connection(host, port, encoded, stop_at, latencies, errors, seed)
                           for seed in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else 0.0

    return Result(len(latencies), elapsed, pct(0.50), pct(0.99), len(errors), client_bound=True)
