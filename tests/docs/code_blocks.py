"""Fenced code blocks of README.md and docs/*.md, and what each one's info string says to do.

The rule: every block is run, checked, or explicitly marked as output.

| info string   | what the docs test does |
|---|---|
| `sh setup`    | the README's set-up commands; checked against `.ci/run` (it runs that test command) |
| `sh`          | run, in order, as one bash session per file, beside a live `zcrm-local serve` |
| `python`      | run against the live server; a block using `zcrm_org` runs as a test with the plugin's fixtures |
| `console`     | `$ ` lines run (in a folder holding a copy of `examples/`), the other lines are the output expected |
| `sh check`, `console check` | commands too long or needing other machines: each must exist, so must the repository paths it names, and every option it uses must be in its `--help` |
| `text`        | output, diagrams, synopses: not run |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("sh setup", "sh", "python", "console", "sh check", "console check", "text")
# Commands a check leaves alone: they change the shell, not the product.
SHELL_BUILTINS = ("cd", "mkdir", ".", "source", "export")


@dataclass(frozen=True)
class Block:
    file: str  # relative to the repository root
    line: int  # of the opening fence
    info: str
    code: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = re.match(r"^```(.*)$", lines[i])
        if opening:
            start = i
            i += 1
            body: list[str] = []
            while i < len(lines) and lines[i] != "```":
                body.append(lines[i])
                i += 1
            found.append(Block(str(path.relative_to(ROOT)), start + 1, opening.group(1).strip(), "\n".join(body) + "\n"))
        i += 1
    return found


def all_blocks() -> list[Block]:
    return [block for path in documents() for block in blocks(path)]


def of_kind(kind: str) -> list[Block]:
    return [block for block in all_blocks() if block.info == kind]


def commands(code: str) -> list[str]:
    """The command lines of a shell or console block: continuations joined, comments and
    prompts dropped."""
    joined = re.sub(r"\\\n\s*", " ", code)
    out = []
    for line in joined.splitlines():
        line = line.removeprefix("$ ").strip()
        line = re.sub(r"\s+#.*$", "", line)
        if line and not line.startswith("#"):
            out.append(line)
    return out


def console_steps(code: str) -> list[tuple[str, list[str]]]:
    """``(command, expected output lines)`` for each ``$ `` line of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in code.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps and line.strip():
            steps[-1][1].append(line)
    return steps


def options(command: str) -> list[str]:
    return re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", command)
