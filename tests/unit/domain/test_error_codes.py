"""Error codes are an enumeration: every code the server raises is an ``ErrorCode`` member
(so a misspelt code fails where it is written) and has a status in ``STATUS_BY_CODE``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import zcrm_local
from zcrm_local.domain import errors as e
from zcrm_local.domain.errors import STATUS_BY_CODE, ErrorCode, ZohoError

SOURCE = Path(zcrm_local.__file__).parent
_ERROR_CLASSES = {"ZohoError", "WrappedZohoError"}


def _sources() -> list[tuple[Path, ast.AST]]:
    return [(p, ast.parse(p.read_text())) for p in sorted(SOURCE.rglob("*.py"))]


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def test_every_error_code_member_is_its_own_name_with_an_http_status():
    for code in ErrorCode:
        assert code.value == code.name
        assert code.status in (400, 401, 403, 404, 412, 429, 500)
        assert STATUS_BY_CODE[code] == code.status
    assert set(STATUS_BY_CODE) == {c.value for c in ErrorCode}


def test_status_by_code_keeps_the_catalogue_statuses():
    assert STATUS_BY_CODE["AUTHENTICATION_FAILURE"] == 401
    assert STATUS_BY_CODE["INVALID_URL_PATTERN"] == 404
    assert STATUS_BY_CODE["NO_PERMISSION"] == 403
    assert STATUS_BY_CODE["TOO_MANY_REQUESTS"] == 429
    assert STATUS_BY_CODE["INTERNAL_ERROR"] == 500
    assert STATUS_BY_CODE["TERRITORY_NOT_ENABLED"] == 403
    assert STATUS_BY_CODE["PERMISSION_DENIED"] == 401


def test_every_raised_error_names_its_code_by_the_enumeration():
    """A ``ZohoError(...)`` is given ``ErrorCode.X``, never a string literal; the only other
    arguments are codes carried over from an existing error or a user's fault rule."""
    literal: list[str] = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in _ERROR_CLASSES):
                continue
            code = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
            if isinstance(code, ast.Constant):
                literal.append(f"{path.relative_to(SOURCE)}:{node.lineno} {code.value!r}")
            elif isinstance(code, ast.Attribute) and _name(code.value) == "ErrorCode":
                assert code.attr in ErrorCode.__members__, f"{path}:{node.lineno}"
    assert literal == []


def test_every_error_code_reference_in_the_code_base_exists():
    """``ErrorCode.X`` inside a function body is only looked up when it runs: check them all."""
    unknown = [
        f"{path.relative_to(SOURCE)}:{node.lineno} {node.attr}"
        for path, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and _name(node.value) == "ErrorCode"
        and node.attr not in ErrorCode.__members__ and not node.attr.startswith("_")
        and not hasattr(ErrorCode, node.attr)
    ]
    assert unknown == []


def test_a_misspelt_code_fails_where_it_is_written():
    with pytest.raises(AttributeError):
        ErrorCode.INVALID_DATTA  # noqa: B018


def test_an_error_takes_its_status_from_its_code():
    assert ZohoError(ErrorCode.TERRITORY_DISABLED, "x").status == 403
    assert ZohoError(ErrorCode.INVALID_DATA, "x", {}, 207).status == 207
    # A fault rule's code is the user's string; unknown codes answer 400.
    assert ZohoError("SOMETHING_ELSE", "x").status == 400
    assert e.ZohoError(ErrorCode.INVALID_DATA, "x").body() == {
        "code": "INVALID_DATA", "details": {}, "message": "x", "status": "error"}
