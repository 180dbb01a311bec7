"""Benchmark of zcrm-local: one command, fresh databases, a table and a JSON file.

    python bench/run.py                 # the full run (several minutes, with 1,000,000 services)
    python bench/run.py --quick         # a short run for CI
    python bench/run.py --json out.json --connections 1 8 64 --duration 10 --scenarios get_service

See README.md, "Benchmark", and docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `python bench/run.py` from anywhere

from bench import data, load, report, server  # noqa: E402
from bench.scenarios import KIND, QUERY, OrgRef, Target, baseline, requests_for  # noqa: E402

MAIN_READS = ("get_service", "list_services_200", "child_territories")
MAIN_WRITES = ("update_service", "create_service", "create_services_100", "token_refresh")
MILLION = ("get_service_1m", "list_services_200_1m")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="short run for CI: 2 s runs, 1 and 8 connections, no 1M")
    p.add_argument("--json", type=Path, help="write the results here")
    p.add_argument("--duration", type=float, help="seconds per measured run (default 10; quick 2)")
    p.add_argument("--connections", type=int, nargs="+", help="connection counts (default 1 8 64; quick 1 8)")
    p.add_argument("--skip-1m", action="store_true", help="no 1,000,000-service run")
    p.add_argument("--scenarios", help="comma-separated scenario names to run (baselines always run)")
    p.add_argument("--rows", type=int, help="services in the measured org (default 1000; quick 200)")
    p.add_argument("--million-orgs", type=int, default=1000, help="orgs of the 1M run, 1000 services each")
    p.add_argument("--query-rows", type=int, default=100_000,
                   help="leads in the large org of the query scenarios (default 100000; the small org has 1000)")
    p.add_argument("--skip-query", action="store_true", help="no query scenarios (search, COQL)")
    p.add_argument("--python-client", action="store_true", help="use the Python load generator even if wrk is here")
    p.add_argument("--keep", type=Path, help="keep databases and server logs in this directory")
    p.add_argument("--profile-dir", type=Path,
                   help="record the server with py-spy during each scenario's run at 8 connections (or the "
                        "largest asked), as collapsed stacks DIR/<scenario>.txt; see bench/profile_summary.py")
    args = p.parse_args(argv)
    args.duration = args.duration or (2.0 if args.quick else 10.0)
    args.connections = args.connections or ([1, 8] if args.quick else [1, 8, 64])
    args.rows = args.rows or (200 if args.quick else 1000)
    args.warmup = 0.5 if args.quick else 2.0
    args.skip_1m = args.skip_1m or args.quick
    args.skip_query = args.skip_query or args.quick
    args.wanted = set(args.scenarios.split(",")) if args.scenarios else None
    unknown = (args.wanted or set()) - set(KIND)
    if unknown:
        p.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.use_wrk = load.have_wrk() and not args.python_client
        self.runs: list[dict[str, Any]] = []
        self.single: dict[str, float] = {}
        self.skipped: dict[str, str] = {}
        self.extra: dict[str, Any] = {}

    def wanted(self, name: str) -> bool:
        return self.args.wanted is None or name in self.args.wanted

    def measure(self, name: str, srv: server.Server, reqs: load.Requests) -> None:
        records = KIND.get(name, ("", 1))[1]
        load.run(srv.url, reqs, min(8, max(self.args.connections)), self.args.warmup, use_wrk=self.use_wrk)
        for connections in self.args.connections:
            spy = self.profiler(name, srv, connections)
            got = load.run(srv.url, reqs, connections, self.args.duration, use_wrk=self.use_wrk)
            if spy is not None:
                spy.wait()
            self.runs.append({"scenario": name, "connections": connections, "rps": round(got.rps * records, 1),
                              "p50_ms": round(got.p50_ms, 3), "p99_ms": round(got.p99_ms, 3), "ratio": None,
                              "requests": got.requests, "errors": got.errors, "client_bound": got.client_bound})
            log(f"  {name:<22} c={connections:<3} {got.rps * records:>9.1f}/s  p50 {got.p50_ms:7.2f} ms"
                f"  p99 {got.p99_ms:7.2f} ms" + (f"  {got.errors} ERRORS" if got.errors else ""))

    def profiler(self, name: str, srv: server.Server, connections: int) -> subprocess.Popen[bytes] | None:
        wanted = 8 if 8 in self.args.connections else max(self.args.connections)
        if self.args.profile_dir is None or connections != wanted:
            return None
        self.args.profile_dir.mkdir(parents=True, exist_ok=True)
        out = self.args.profile_dir / f"{name}.txt"
        # Sampling from outside: the server runs unmodified, at a small cost in throughput.
        cmd = ["py-spy", "record", "--pid", str(srv.proc.pid), "--rate", "250", "--format", "raw",
               "--duration", str(max(1, int(self.args.duration) - 1)), "--output", str(out)]
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # ---- phases ------------------------------------------------------------------------------

    def baselines(self) -> None:
        log("baseline: bare ASGI app on the same uvicorn stack")
        srv = server.start([str(server.BENCH_DIR / "baseline_app.py")], self.work / "baseline.log", probe="/")
        try:
            for name in ("baseline_get", "baseline_post"):
                self.measure(name, srv, baseline(name))
        finally:
            srv.stop()

    def main_server(self) -> None:
        url = f"sqlite:///{self.work / 'bench.db'}"
        log(f"zcrm-local on a fresh database: {url}")
        srv = server.start(["-m", "zcrm_local", "serve", "--database-url", url], self.work / "serve.log")
        self.single["startup_ms"] = round(srv.startup_ms, 1)
        try:
            backend = data.open_store(url)
            creds = credentials(url)
            principal = data.admin_principal(backend, int(creds["org_id"]))
            started = time.perf_counter()
            ids = data.create_services(backend, principal, self.args.rows)
            log(f"  loaded {len(ids)} services through the service layer in {time.perf_counter() - started:.1f} s")
            target = Target(OrgRef(principal.org_id, principal.user_id), creds, ids)
            try:
                target.territory_parents = data.territory_hierarchy(srv.url, creds["access_token"])
            except data.Unavailable as why:
                self.skipped["child_territories"] = str(why)[:300]
                log(f"  child_territories skipped: {why}")
            for name in (*MAIN_READS, *MAIN_WRITES):
                if self.wanted(name) and name not in self.skipped:
                    self.measure(name, srv, requests_for(name, target))
            self.single["fresh_org_ms"] = fresh_org_ms(backend, 10 if self.args.quick else 50)
            self.extra["peak_rss_mb"] = round(srv.peak_rss_mb(), 1)
            backend.db.dispose()
        finally:
            srv.stop()

    def million(self) -> None:
        orgs = self.args.million_orgs
        url = f"sqlite:///{self.work / 'bench_1m.db'}"
        log(f"loading {orgs} orgs × 1000 services into {url}")
        backend = data.open_store(url)
        started = time.perf_counter()
        org_id, ids = data.load_many(backend, orgs, 1000, progress=lambda n: log(f"  {n} orgs loaded"))
        self.extra["load_1m_s"] = round(time.perf_counter() - started, 1)
        self.extra["fresh_org_ms_1m"] = fresh_org_ms(backend, 20)
        backend.db.dispose()
        db_file = self.work / "bench_1m.db"
        self.extra["db_1m_mb"] = round(db_file.stat().st_size / 2**20, 1)
        log(f"  loaded in {self.extra['load_1m_s']} s, {self.extra['db_1m_mb']} MB")
        srv = server.start(["-m", "zcrm_local", "serve", "--database-url", url], self.work / "serve_1m.log")
        self.extra["startup_1m_ms"] = round(srv.startup_ms, 1)
        try:
            creds = credentials(url, org_id)
            target = Target(OrgRef(org_id, 0), creds, ids)
            for name in MILLION:
                if self.wanted(name):
                    self.measure(name, srv, requests_for(name, target))
            self.single["peak_rss_mb_1m"] = round(srv.peak_rss_mb(), 1)
        finally:
            srv.stop()


    def query(self) -> None:
        """Search and COQL on an org of 1,000 leads and one of ``--query-rows`` (spec 50)."""
        url = f"sqlite:///{self.work / 'bench_query.db'}"
        log(f"query scenarios: 1,000 and {self.args.query_rows} leads into {url}")
        backend = data.open_store(url)
        started = time.perf_counter()
        targets = {}
        for size, count in (("1k", 1000), ("100k", self.args.query_rows)):
            org_id = data.create_org(backend, f"Bench Query {size}").org_id
            principal = data.admin_principal(backend, org_id)
            emails = data.fill_leads(backend, principal, count)
            targets[size] = Target(OrgRef(org_id, principal.user_id), credentials(url, org_id), [], lead_emails=emails)
        self.extra["load_query_s"] = round(time.perf_counter() - started, 1)
        self.extra["query_rows"] = self.args.query_rows
        backend.db.dispose()
        log(f"  loaded in {self.extra['load_query_s']} s")
        srv = server.start(["-m", "zcrm_local", "serve", "--database-url", url], self.work / "serve_query.log")
        try:
            for name in QUERY:
                size = "1k" if name.endswith("_1k") else "100k"
                if self.wanted(name):
                    self.measure(name, srv, requests_for(name, targets[size]))
        finally:
            srv.stop()


def credentials(url: str, org_id: int | None = None) -> dict[str, str]:
    cmd = [sys.executable, "-m", "zcrm_local", "credentials", "--database-url", url, "--json"]
    if org_id is not None:
        cmd += ["--org", str(org_id)]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def fresh_org_ms(backend: Any, count: int) -> float:
    """Median time of ``service.orgs.create_org``: the per-test isolation cost."""
    from zcrm_local.service.org.orgs import create_org

    times = []
    for n in range(count):
        started = time.perf_counter()
        create_org(backend, f"Fresh Org {n:04d}")
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    with tempfile.TemporaryDirectory(prefix="zcrm-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        bench = Bench(args, work)
        if bench.use_wrk:
            log("load generator: wrk")
        else:
            log(f"load generator: Python (client-bound; for server-bound figures install wrk: {load.WRK_INSTALL})")
        started = time.perf_counter()
        bench.baselines()
        bench.main_server()
        if args.skip_1m:
            bench.skipped.update({name: "the 1,000,000-service run was not asked for"
                                  for name in (*MILLION, "peak_rss_mb_1m")})
            bench.single["peak_rss_mb_1m"] = None  # type: ignore[assignment]
        else:
            bench.million()
        if args.skip_query:
            bench.skipped.update({name: "the query scenarios were not asked for (--quick or --skip-query)"
                                  for name in QUERY})
        elif args.wanted is None or args.wanted & set(QUERY):
            bench.query()
    report.add_ratios(bench.runs)
    checks = report.targets(bench.runs, bench.single)
    print(report.table(bench.runs, bench.single, bench.skipped, checks))
    if args.json:
        meta = {"load_generator": "wrk" if bench.use_wrk else "python", "duration_s": args.duration,
                "connections": args.connections, "rows": args.rows, "quick": args.quick,
                "seconds": round(time.perf_counter() - started, 1), **bench.extra}
        out = {"runs": bench.runs, "single": bench.single, "skipped": bench.skipped, "targets": checks, "meta": meta}
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
