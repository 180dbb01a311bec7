"""Every code block of README.md and docs/*.md is run, checked, or marked as output
(tests/docs/code_blocks.py says which info string means what), so none can drift again.

Blocks run beside one live ``zcrm-local serve`` started in a fresh folder on its default database
(``./zcrm-local.db``), as a new user would; ``zcrm-local`` commands in the blocks run in that
folder. Only the port and the banner's credentials are filled in.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.docs.code_blocks import (KINDS, ROOT, SHELL_BUILTINS, Block, all_blocks, blocks, commands, console_steps,
                                    of_kind, options)
from tests.live_server import LiveServer, cli_env, start_server

RUN_SECONDS = 300
CREDENTIAL_VARS = {"TOKEN": "access_token", "CLIENT_ID": "client_id", "CLIENT_SECRET": "client_secret",
                   "REFRESH_TOKEN": "refresh_token"}


@dataclass
class DocsServer:
    server: LiveServer
    work: Path
    credentials: dict[str, str]

    def fill(self, code: str) -> str:
        """The block as a user runs it: this server's port, the banner's credentials."""
        code = code.replace("127.0.0.1:8000", f"127.0.0.1:{self.server.port}")
        for var, key in CREDENTIAL_VARS.items():
            code = re.sub(rf"^{var}=\S+", f"{var}={self.credentials[key]}", code, flags=re.M)
        for key in ("client_id", "client_secret", "refresh_token"):
            code = code.replace(f'{key}="…"', f'{key}="{self.credentials[key]}"')
        return code


def env() -> dict[str, str]:
    """No ZCRM_LOCAL_* settings; this interpreter's ``zcrm-local``, ``python`` and ``pytest`` first."""
    bin_dir = str(Path(sys.executable).parent)
    return {**cli_env(), "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def banner(output: str) -> dict[str, str]:
    found = (re.fullmatch(r"  (.{14}) (\S.*)", line) for line in output.splitlines())
    return {m.group(1).strip(): m.group(2) for m in found if m}


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("docs-server")
    server = start_server(f"sqlite:///{work / 'zcrm-local.db'}", work)
    try:
        yield DocsServer(server, work, banner(server.output()))
    finally:
        server.stop()


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True, timeout=RUN_SECONDS, check=False)


def _files_with(kind: str, select=lambda block: True) -> list[str]:
    return sorted({block.file for block in of_kind(kind) if select(block)})


# ---- the rule ---------------------------------------------------------------------------------


def test_every_block_is_run_checked_or_marked_as_output():
    found = all_blocks()
    assert len(found) > 20
    unmarked = [f"{block.id} ```{block.info}" for block in found if block.info not in KINDS]
    assert not unmarked, f"give each block one of {KINDS}: {unmarked}"


def test_readme_starts_with_the_set_up_commands_and_ci_runs_its_test_command():
    first = blocks(ROOT / "README.md")[0]
    assert first.info == "sh setup"
    install_and_run, test_command = commands(first.code)
    assert install_and_run == "pip install -e '.[test]' && zcrm-local serve"
    assert test_command == "pytest"
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


# ---- run --------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", _files_with("sh"))
def test_shell_blocks_run(docs_server, file, tmp_path):
    """A file's ``sh`` blocks in order, in one bash session (later blocks use earlier variables)."""
    script = ["set -euo pipefail"]
    for block in of_kind("sh"):
        if block.file == file:
            script += [f"printf '\\n=== %s\\n' '{block.id}'", docs_server.fill(block.code)]
    path = tmp_path / "blocks.sh"
    path.write_text("\n".join(script) + "\n", encoding="utf-8")
    done = run(["bash", str(path)], docs_server.work)
    assert done.returncode == 0, f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    assert '"status":"error"' not in done.stdout, done.stdout


@pytest.mark.parametrize("block", [b for b in of_kind("python") if "zcrm_org" not in b.code], ids=lambda b: b.id)
def test_python_blocks_run(docs_server, block, tmp_path):
    path = tmp_path / "block.py"
    path.write_text(docs_server.fill(block.code), encoding="utf-8")
    done = run([sys.executable, str(path)], tmp_path)
    assert done.returncode == 0, done.stderr[-4000:]


_FIXTURE_PRELUDE = '''
from datetime import UTC, datetime, timedelta

import httpx


def _account(zcrm_org):
    r = httpx.post(f"{zcrm_org.api_url}/Accounts", headers=zcrm_org.headers, trust_env=False,
                   json={"data": [{"Account_Name": "Docs"}]})
    assert r.status_code == 201, r.text
    return r.json()["data"][0]["details"]["id"]
'''


@pytest.mark.parametrize("file", _files_with("python", lambda b: "zcrm_org" in b.code))
def test_python_blocks_with_the_plugin_fixtures_run(file, tmp_path):
    """Blocks written against ``zcrm_org`` run as tests of a project that installed zcrm-local."""
    tests = [_FIXTURE_PRELUDE]
    for n, block in enumerate(b for b in of_kind("python") if b.file == file and "zcrm_org" in b.code):
        tests.append(f"\n\ndef test_block_{n}_line_{block.line}(zcrm_org):\n    account_id = _account(zcrm_org)\n"
                     + textwrap.indent(block.code, "    "))
    (tmp_path / "test_docs_blocks.py").write_text("".join(tests), encoding="utf-8")
    done = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_docs_blocks.py"], tmp_path)
    assert done.returncode == 0, done.stdout[-6000:]


@pytest.mark.parametrize("block", of_kind("console"), ids=lambda b: b.id)
def test_console_blocks_print_what_they_show(block, tmp_path):
    for example in (ROOT / "examples").glob("*.py"):
        shutil.copy(example, tmp_path)
    for command, expected in console_steps(block.code):
        done = run(["bash", "-c", command], tmp_path)
        assert done.returncode == 0, f"$ {command}\n{done.stdout[-4000:]}\n{done.stderr[-2000:]}"
        actual = [" ".join(line.split()) for line in done.stdout.splitlines()]
        for line in expected:
            want = " ".join(line.split())
            assert any(got.startswith(want) for got in actual), f"$ {command}: no line starts {want!r}:\n{done.stdout}"


# ---- check ------------------------------------------------------------------------------------


@functools.cache
def _help(command: str) -> subprocess.CompletedProcess[str]:
    return run(["bash", "-c", f"{command} --help"], ROOT)


@pytest.mark.parametrize("block", of_kind("sh check") + of_kind("console check"), ids=lambda b: b.id)
def test_long_or_remote_commands_exist_with_the_options_they_use(block):
    """A command without options only has to exist (and so must the repository paths it names):
    ``--help`` is asked only for the options used, once per command (``pytest --help`` loads
    every installed plugin, the whole server included, which cost half a minute for nothing)."""
    missing = []
    for line in commands(block.code):
        for part in (p.strip() for p in line.split("&&")):
            words = [w for w in part.split() if not re.fullmatch(r"[A-Z_]+=\S*", w)]
            if not words or words[0] in SHELL_BUILTINS:
                continue
            if shutil.which(words[0], path=env()["PATH"]) is None:
                missing.append(words[0])
                continue
            for word in words[1:]:
                if not word.startswith(("-", ".")) and (ROOT / word.split("/")[0]).exists():
                    assert (ROOT / word).exists(), f"{part}: {word} is not in the repository"
            used = options(part)
            if not used:
                continue
            command = " ".join(words[:next(i for i, w in enumerate(words) if w.startswith("--"))])
            done = _help(command)
            assert done.returncode == 0, f"{command} --help\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
            for option in used:
                assert option in done.stdout, f"{part}: {option} is not in its --help"
    if missing:
        pytest.skip(f"not installed here: {', '.join(sorted(set(missing)))}")
