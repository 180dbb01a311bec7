"""zcrm-local is installed into other projects' test environments: it declares compatible ranges,
and the exact versions CI runs live in the lock file CI installs from."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(text) for text in [*project["dependencies"], *(d for group in extras.values() for d in group)]]


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;]+)", line)
        if found:
            pins[canonicalize_name(found.group(1))] = found.group(2)
    return pins


def test_every_declared_dependency_is_a_range_not_a_pin():
    declared = _declared()
    assert len(declared) >= 10
    for requirement in declared:
        operators = {spec.operator for spec in requirement.specifier}
        assert ">=" in operators, f"{requirement}: give the oldest version that works"
        assert not operators & {"==", "==="}, f"{requirement}: exact pins belong in requirements-lock.txt"


def test_the_lock_pins_every_declared_dependency_inside_its_range():
    locked = _locked()
    for requirement in _declared():
        version = locked.get(canonicalize_name(requirement.name))
        assert version is not None, f"{requirement.name} is not in requirements-lock.txt: regenerate it"
        assert requirement.specifier.contains(version, prereleases=True), f"{requirement.name}=={version} !~ {requirement}"


def test_ci_installs_the_lock_then_the_project_without_resolving_again():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check -r requirements-lock.txt" in ci
    assert "pip install --quiet --disable-pip-version-check --no-deps -e '.[test]'" in ci
