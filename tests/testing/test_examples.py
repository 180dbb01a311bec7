"""The example suite, copied into an empty project, runs green with the installed plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.sdk
def test_example_suite_in_empty_project_passes(tmp_path):
    pytest.importorskip("zohocrmsdk")
    project = tmp_path / "my-integration"
    project.mkdir()
    for name in ("zoho_services.py", "test_zoho_services.py"):
        shutil.copy(EXAMPLES / name, project / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZCRM_LOCAL_") and "PROXY" not in k.upper()}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6 passed" in done.stdout
