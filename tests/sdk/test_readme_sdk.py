"""The README's SDK walkthrough runs as written against a live server (only the base URL and
the credentials are filled in), so the documentation cannot drift from the product."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sdk

README = Path(__file__).resolve().parents[2] / "README.md"


def _walkthrough() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Services with the official Python SDK", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_readme_sdk_walkthrough_runs(sdk_server, tmp_path):
    made = sdk_server.cli("org", "create", "Readme Walkthrough")
    code = _walkthrough()
    code = code.replace('base = "http://127.0.0.1:8000"', f'base = "{sdk_server.base_url}"')
    code = code.replace(
        'OAuthToken(client_id="…", client_secret="…", refresh_token="…")',
        f'OAuthToken(client_id="{made["client_id"]}", client_secret="{made["client_secret"]}", '
        f'refresh_token="{made["refresh_token"]}")',
    )
    script = tmp_path / "walkthrough.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    created_status, service_id = lines[0].split()
    assert created_status == "201" and service_id.isdigit()
    assert lines[1] == "200"
    assert lines[2] == f"{service_id} AC Repair 90"
    assert lines[3:] == ["200", "204"]
