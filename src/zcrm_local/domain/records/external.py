"""Records addressed by an external ID (spec 40 §18): the ``X-EXTERNAL`` header.

External fields are text fields marked ``external`` in a module's metadata; a default org has
none. The table below lists them per module until ``FieldSpec`` carries the flag.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import ErrorCode, ZohoError

EXTERNAL_FIELDS: Mapping[str, frozenset[str]] = {}
MSG_BAD_EXTERNAL = "The value of the external field is invalid."
HEADER = "X-EXTERNAL"


def bad_header() -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, MSG_BAD_EXTERNAL, {"api_name": HEADER})


def parse_header(raw: str, module: str, fields: Mapping[str, frozenset[str]] | None = None) -> str:
    """``{module}.{field}`` → the external field; another module or a field that is not
    external → ``INVALID_DATA``."""
    known = EXTERNAL_FIELDS if fields is None else fields
    named_module, _, field = raw.strip().partition(".")
    if named_module.lower() != module.lower() or field not in known.get(module, frozenset()):
        raise bad_header()
    return field
