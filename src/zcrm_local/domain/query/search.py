"""``GET /{module}/search`` and ``/actions/count``: parameters → the typed tree (spec 50 §3.5, §4, §5)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from zcrm_local.domain.errors import ErrorCode, ZohoError, invalid_param
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.query import criteria
from zcrm_local.domain.query import errors as qe
from zcrm_local.domain.query import values as qv
from zcrm_local.domain.query.fields import QField, query_fields
from zcrm_local.domain.query.tree import Column, Logic, Node, Op, Pred
from zcrm_local.domain.records.values import parse_digits

SEARCH_PARAMS = ("criteria", "email", "phone", "word")
WINDOW = 2000
MAX_PER_PAGE = 200
MAX_FIELDS = 50
TRI_STATE = ["true", "false", "both"]
SORT_BY = ["id", "Created_Time", "Modified_Time"]
SORT_ORDER = ["asc", "desc"]
_PHONE = re.compile(r"\+?[0-9 ()\-.]{3,}")
_WORD_TYPES = frozenset({"text", "email", "website", "textarea", "picklist", "autonumber"})

NO_FIELD = QField("id", "bigint", "id")

Modules = Callable[[str], ModuleSpec | None]


@dataclass(frozen=True)
class SearchParams:
    applied: str | None          # which of SEARCH_PARAMS was applied (None: count of all)
    node: Node | None
    page: int = 1
    per_page: int = MAX_PER_PAGE
    sort_by: str = "id"
    descending: bool = True
    fields: list[str] | None = None
    approved_only_false: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def expected_param_missing(profile: str) -> ZohoError:
    message = "one of the expected parameter is missing" if profile == "live" else "mandatory param missing"
    return ZohoError(ErrorCode.EXPECTED_PARAM_MISSING, message, {"param_names": list(SEARCH_PARAMS)})


def _positive(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"-?[0-9]{1,18}", raw):
        raise ZohoError(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, "unable to process your request. please verify "
                        "whether you have entered proper method name, parameter and parameter values.", {})
    number = parse_digits(raw.lstrip("-"))
    if number is None or number < 1 or raw.startswith("-"):
        raise invalid_param(name)
    return number


def _enumerated(query: Mapping[str, str], name: str, allowed: list[str], default: str) -> str:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if raw not in allowed:
        raise invalid_param(name, allowed)
    return raw


def applied_param(query: Mapping[str, str]) -> str | None:
    for name in SEARCH_PARAMS:
        if (query.get(name) or "").strip():
            return name
    return None


def parse_search(query: Mapping[str, str], module: ModuleSpec, modules: Modules, profile: str,
                 time_zone: str, *, counting: bool = False) -> SearchParams:
    """Checks of spec 50 §4.3 steps 5–9 (count: §5) in order; the tree for the applied param."""
    applied = applied_param(query)
    if counting and query.get("cvid"):
        if applied is not None:
            raise ZohoError(ErrorCode.AMBIGUITY_DURING_PROCESSING,
                            "Please use either Cvid or Search Params. Combination of both the params is not allowed",
                            {"ambiguity_due_to": [{"param_name": "cvid"}, {"param_name": applied}]})
        raise invalid_param("cvid")
    if applied is None and not counting:
        raise expected_param_missing(profile)
    page = _positive(query, "page", 1)
    per_page = min(_positive(query, "per_page", MAX_PER_PAGE), MAX_PER_PAGE)
    converted = _enumerated(query, "converted", TRI_STATE, "false")
    approved = _enumerated(query, "approved", TRI_STATE, "true")
    sort_by = _enumerated(query, "sort_by", SORT_BY, "id")
    descending = _enumerated(query, "sort_order", SORT_ORDER, "desc") == "desc"
    del converted  # leads are never converted here: every lead is unconverted (spec 50 §4.1)
    if not counting and query.get("cvid"):
        raise invalid_param("cvid")
    fields = None
    raw_fields = query.get("fields")
    if raw_fields and not counting:
        fields = [name.strip() for name in raw_fields.split(",") if name.strip()]
        if len(fields) > MAX_FIELDS:
            raise ZohoError(ErrorCode.LIMIT_EXCEEDED, "limit exceeded", {"limit": MAX_FIELDS, "param_name": "fields"})
    node = None if applied is None else build_param(applied, query[applied], module, modules, profile, time_zone)
    if not counting and page * per_page > WINDOW:
        raise ZohoError(ErrorCode.LIMIT_REACHED, "maximum response iteration limit reached", {"limit": str(WINDOW)})
    return SearchParams(applied, node, page, per_page, sort_by, descending, fields, approved == "false")


def build_param(name: str, value: str, module: ModuleSpec, modules: Modules, profile: str, tz: str) -> Node:
    if name == "criteria":
        return criteria.build(value, module, modules, profile, tz)
    fields = query_fields(module).values()
    text = value.strip()
    if "\x00" in text:
        raise invalid_param(name)
    if name == "word":
        if len(text) < 2:
            raise ZohoError(ErrorCode.INVALID_DATA, "provide atleast 2 letters for search", {"param_name": "word"})
        chosen = [f for f in fields if f.data_type in _WORD_TYPES and f.kind == "body" or f.kind == "full_name"]
        return _any_words(chosen, text, name)
    if name == "email":
        return _any_words([f for f in fields if f.data_type == "email"], text, name)
    if not _PHONE.fullmatch(text) or len(qv.digits(text)) == 0:
        raise invalid_param("phone")
    preds = [Pred(Column(f.api_name, (), f), Op.DIGITS, (qv.digits(text),))
             for f in fields if f.data_type == "phone"]
    return _either(preds)


def _any_words(chosen: list[QField], text: str, param: str) -> Node:
    if text.count("*") > 1:
        raise qe.wildcards(param)
    words = qv.words(text)
    wildcard = text.endswith("*") and bool(words)
    return _either([Pred(Column(f.api_name, (), f), Op(qv.words_pred_op(f.data_type, text)), (" ".join(words),),
                          (wildcard,)) for f in chosen])


def _either(preds: list[Pred]) -> Node:
    if not preds:
        # No field of that kind: a condition no record meets (an id is never 0).
        return Pred(Column("id", (), NO_FIELD), Op.EQ, (0,))
    return preds[0] if len(preds) == 1 else Logic("or", tuple(preds))
