"""The table, the targets and the JSON of one run."""

from __future__ import annotations

from typing import Any

from bench.scenarios import KIND

TARGET_CONNECTIONS = 8
TAIL_CONNECTIONS = 64


def add_ratios(runs: list[dict[str, Any]]) -> None:
    """ratio = rps / the rps of the scenario's baseline at the same connection count."""
    base = {(r["scenario"], r["connections"]): r["rps"] for r in runs if r["scenario"].startswith("baseline")}
    for run in runs:
        name = run["scenario"]
        against = name if name.startswith("baseline") else KIND[name][0]
        denominator = base.get((against, run["connections"]))
        run["ratio"] = round(run["rps"] / denominator, 4) if denominator else None


def _find(runs: list[dict[str, Any]], name: str, connections: int) -> dict[str, Any] | None:
    return next((r for r in runs if r["scenario"] == name and r["connections"] == connections), None)


def targets(runs: list[dict[str, Any]], single: dict[str, float]) -> list[dict[str, Any]]:
    """Each target with the measured figure and whether it holds (None: not measured)."""
    out: list[dict[str, Any]] = []

    def check(what: str, measured: float | None, limit: float, higher_is_better: bool) -> None:
        ok = None if measured is None else (measured >= limit if higher_is_better else measured <= limit)
        out.append({"target": what, "measured": None if measured is None else round(measured, 3),
                    "limit": limit, "met": ok})

    def at(name: str, key: str, connections: int = TARGET_CONNECTIONS) -> float | None:
        run = _find(runs, name, connections)
        return None if run is None or run[key] is None else float(run[key])

    for name, limit in (("get_service", 0.30), ("list_services_200", 0.05), ("create_service", 0.25)):
        check(f"{name} ratio at {TARGET_CONNECTIONS} connections", at(name, "ratio"), limit, True)
    one, hundred = at("create_service", "rps"), at("create_services_100", "rps")
    check("create_services_100 records/s ÷ create_service rps",
          hundred / one if one and hundred is not None else None, 10.0, True)
    for name, (base, _) in KIND.items():
        mine, theirs = at(name, "p99_ms", TAIL_CONNECTIONS), at(base, "p99_ms", TAIL_CONNECTIONS)
        check(f"{name} p99 at {TAIL_CONNECTIONS} connections ÷ {base} p99",
              mine / theirs if mine is not None and theirs else None, 2.0, False)
    check("fresh_org_ms", single.get("fresh_org_ms"), 20.0, False)
    check("startup_ms", single.get("startup_ms"), 1000.0, False)
    for small, big in (("get_service", "get_service_1m"), ("list_services_200", "list_services_200_1m")):
        fast, slow = at(small, "rps"), at(big, "rps")
        # Time per request is 1/rps: the 1M run may take at most 1.5 × the 1,000 run's time.
        check(f"{big} time ÷ {small} time", fast / slow if fast and slow else None, 1.5, False)
    check("peak_rss_mb_1m", single.get("peak_rss_mb_1m"), 200.0, False)
    for small, big in (("search_email_1k", "search_email_100k"), ("coql_eq_1k", "coql_eq_100k")):
        fast, slow = at(small, "rps"), at(big, "rps")
        check(f"{big} time ÷ {small} time", fast / slow if fast and slow else None, 2.0, False)
    rows, listed = at("coql_2000", "rps"), at("list_leads_200", "rps")
    check("coql_2000 rows/s ÷ list_leads_200 rows/s", rows / listed if rows and listed else None, 0.5, True)
    return out


def table(runs: list[dict[str, Any]], single: dict[str, float], skipped: dict[str, str],
          checks: list[dict[str, Any]]) -> str:
    lines = [f"{'scenario':<22} {'conns':>5} {'rps':>10} {'p50 ms':>9} {'p99 ms':>9} {'ratio':>7}  notes"]
    for r in runs:
        notes = []
        if r.get("client_bound"):
            notes.append("client-bound")
        if r.get("errors"):
            notes.append(f"{r['errors']} errors")
        if KIND.get(r["scenario"], ("", 1))[1] > 1:
            notes.append("rps in records")
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.3f}"
        lines.append(f"{r['scenario']:<22} {r['connections']:>5} {r['rps']:>10.1f} {r['p50_ms']:>9.2f} "
                     f"{r['p99_ms']:>9.2f} {ratio:>7}  {', '.join(notes)}")
    lines.append("")
    lines += [f"{name:<22} {'-' if value is None else f'{value:.1f}':>10}" for name, value in single.items()]
    lines += [f"skipped {name}: {reason}" for name, reason in skipped.items()]
    lines.append("")
    for c in checks:
        verdict = {True: "MET ", False: "MISS", None: "n/a "}[c["met"]]
        shown = "-" if c["measured"] is None else c["measured"]
        lines.append(f"[{verdict}] {c['target']}: {shown} (limit {c['limit']})")
    return "\n".join(lines)
