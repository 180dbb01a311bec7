"""Server CPU per request without uvicorn or a load generator: each scenario's requests sent
straight to the ASGI app, one at a time, timed in process CPU time (best of 3). Steadier than
wrk on a shared 2-core machine, so two trees can be compared by alternating runs.

    python bench/inprocess.py --scenarios get_service,create_service
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `python bench/inprocess.py` from anywhere

from zcrm_local.config import Settings  # noqa: E402
from zcrm_local.http.app import create_app  # noqa: E402

from bench import data  # noqa: E402
from bench.run import credentials  # noqa: E402
from bench.scenarios import Target, requests_for  # noqa: E402

COUNTS = {"get_service": 1500, "create_service": 500, "create_services_100": 15, "list_services_200": 40}


async def _call(app: Any, method: str, path: str, headers: dict[str, str], body: bytes) -> int:
    route, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": route, "raw_path": route.encode(), "query_string": query.encode(),
             "root_path": "", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    status = 0

    async def receive() -> dict[str, Any]:
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def _measure(app: Any, target: Target, name: str, count: int) -> float:
    reqs = requests_for(name, target)
    bodies = reqs.bodies or [b""]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for n in range(count):
            status = await _call(app, reqs.method, reqs.paths[n % len(reqs.paths)], reqs.headers,
                                 bodies[n % len(bodies)])
            assert status in (200, 201, 202), (name, status)
        best = min(best, (time.process_time() - started) / count)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", default=",".join(COUNTS))
    parser.add_argument("--rows", type=int, default=300)
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'inprocess.db'}"
    backend = data.open_store(url)
    creds = credentials(url)
    principal = data.admin_principal(backend, int(creds["org_id"]))
    ids = data.create_services(backend, principal, args.rows)
    target = Target(data.OrgRef(principal.org_id, principal.user_id), creds, ids)
    app = create_app(Settings(database_url=url))
    for name in args.scenarios.split(","):
        seconds = asyncio.run(_measure(app, target, name, COUNTS[name]))
        print(f"{name:22s} {seconds * 1e6:9.0f} µs CPU per request")


if __name__ == "__main__":
    main()
