"""References between sub-requests (spec 70 §3.2): ``@{sub_request_id:JSONPath}``.

A string that is exactly one reference takes the referenced JSON value as it is; a reference
inside a longer string is replaced by the value's text. The JSONPath subset is the one Zoho's
examples use: ``$`` then ``.key`` and ``[index]`` steps."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from zcrm_local.domain import errors as e

MSG_INVALID_REFERENCE = "invalid reference"
MSG_LOOPING = "looping found among the sub requests"
_REF = re.compile(r"@\{([^{}]*)\}")
_STEP = re.compile(r"\.([^.\[\]]+)|\[([0-9]+)\]")
_ID = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_]*")
_MISSING = object()


class BadReference(Exception):
    def __init__(self, reference: str, where: str) -> None:
        super().__init__(reference)
        self.reference, self.where = reference, where


def invalid_reference(index: int, where: str, reference: str) -> e.ZohoError:
    api_name = where.split(".", 1)[0].split("[", 1)[0]
    return e.ZohoError(e.ErrorCode.INVALID_REFERENCE, MSG_INVALID_REFERENCE, {
        "api_name": api_name, "json_path": f"$.__composite_requests[{index}].{where}", "reference": reference})


def looping(cycle: list[tuple[str, list[str]]]) -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.LOOPING_FOUND, MSG_LOOPING, {"dependent_data": [
        {"sub_request_id": sid, "referred_sub_request_ids": refs} for sid, refs in cycle]})


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _strings(inner, f"{where}[{i}]")


def found(uri: str, params: dict[str, Any], headers: dict[str, Any], body: Any) -> list[tuple[str, str, str]]:
    """Every reference of a sub-request: (where, whole reference, referenced id). A malformed
    one raises ``BadReference``."""
    out = []
    sources = [("uri", uri), *( (f"params.{k}", v) for k, v in params.items()),
               *((f"headers.{k}", v) for k, v in headers.items())]
    texts = [(w, v) for w, v in sources if isinstance(v, str)] + list(_strings(body, "body"))
    for where, text in texts:
        for match in _REF.finditer(text):
            sub_id, sep, path = match.group(1).partition(":")
            if not sep or not _ID.fullmatch(sub_id) or not _valid_path(path):
                raise BadReference(match.group(0), where)
            out.append((where, match.group(0), sub_id))
        if "@{" in _REF.sub("", text):
            raise BadReference(text, where)
    return out


def _valid_path(path: str) -> bool:
    if not path.startswith("$"):
        return False
    rest = path[1:]
    return "".join(m.group(0) for m in _STEP.finditer(rest)) == rest


def select(doc: Any, path: str) -> Any:
    value = doc
    for match in _STEP.finditer(path[1:]):
        key, index = match.group(1), match.group(2)
        if key is not None and isinstance(value, dict) and key in value:
            value = value[key]
        elif index is not None and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        else:
            return _MISSING
    return value


def substitute(value: Any, where: str, lookup: Callable[[str], Any]) -> Any:
    """``value`` with its references replaced; ``lookup(sub_id)`` gives that sub-request's
    response body. A path selecting nothing (or a non-scalar inside text) raises BadReference."""
    if isinstance(value, dict):
        return {k: substitute(v, f"{where}.{k}", lookup) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, f"{where}[{i}]", lookup) for i, v in enumerate(value)]
    if not isinstance(value, str) or "@{" not in value:
        return value
    whole = _REF.fullmatch(value)
    if whole:
        return _resolve(whole, where, lookup)

    def text(match: re.Match[str]) -> str:
        got = _resolve(match, where, lookup)
        if isinstance(got, (dict, list)):
            raise BadReference(match.group(0), where)
        if got is None:
            return "null"
        if isinstance(got, bool):
            return "true" if got else "false"
        return str(got)

    return _REF.sub(text, value)


def _resolve(match: re.Match[str], where: str, lookup: Callable[[str], Any]) -> Any:
    sub_id, _, path = match.group(1).partition(":")
    got = select(lookup(sub_id), path)
    if got is _MISSING:
        raise BadReference(match.group(0), where)
    return got
