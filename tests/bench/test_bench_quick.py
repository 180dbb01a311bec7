"""`python bench/run.py --quick` runs end to end and writes JSON of the documented shape.

Only the shape is checked, never the figures: CI machines differ, and the bench may use either
load generator (wrk, or the Python one when wrk is absent).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = ("baseline_get", "baseline_post", "get_service", "list_services_200", "create_service", "update_service",
        "create_services_100", "token_refresh", "child_territories", "get_service_1m", "list_services_200_1m",
        "search_email_1k", "search_email_100k", "coql_eq_1k", "coql_eq_100k", "coql_2000", "list_leads_200")
SINGLE = ("fresh_org_ms", "startup_ms", "peak_rss_mb_1m")


@pytest.mark.timeout(240)
def test_quick_bench_writes_the_json_contract(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=220, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    skipped = result.get("skipped", {})
    measured = {run["scenario"] for run in result["runs"]}
    for name in RUNS:
        assert name in measured or name in skipped, name
    assert not measured & set(skipped)
    for run in result["runs"]:
        assert {"scenario", "connections", "rps", "p50_ms", "p99_ms", "ratio"} <= set(run)
        assert run["connections"] in (1, 8)
        assert run["rps"] > 0 and run["p99_ms"] >= run["p50_ms"] >= 0
        assert isinstance(run["ratio"], float)
    for name in SINGLE:
        assert name in result["single"]
        assert result["single"][name] is not None or name in skipped
    assert result["single"]["startup_ms"] > 0 and result["single"]["fresh_org_ms"] > 0
