"""Duplicate check preference of Leads (spec 40 §17): checks and messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ErrorCode, MSG_INVALID_MODULE, ZohoError, mandatory_not_found, required_param_missing
from ..metadata import ModuleSpec
from ..outcomes import Success

KEY = "duplicate_check_preference"
TYPES = ("converted_records", "mapped_module_records")
SUPPORTED_MODULE = "Leads"


def check_module(raw: str | None, resolve: Any) -> str:
    if not raw:
        raise required_param_missing("module")
    spec = resolve(raw)
    if spec is None:
        raise ZohoError(ErrorCode.INVALID_MODULE, MSG_INVALID_MODULE, {"param_name": "module"})
    if spec.api_name != SUPPORTED_MODULE:
        raise ZohoError(ErrorCode.NOT_SUPPORTED, "the given module is not supported for this api", {"param_name": "module"})
    return str(spec.api_name)


def parse(body: Any, module: ModuleSpec, unique_fields: frozenset[str]) -> dict[str, Any]:
    """The preference to store, from a POST/PUT body."""
    pref = body.get(KEY) if isinstance(body, dict) else None
    if not isinstance(pref, dict):
        raise mandatory_not_found(KEY, f"$.{KEY}")
    kind = pref.get("type")
    if kind not in TYPES:
        raise ZohoError(ErrorCode.INVALID_DATA, "invalid data", {"api_name": "type", "json_path": f"$.{KEY}.type",
                                                         "supported_values": list(TYPES)})
    configs = pref.get("type_configurations") or []
    if kind == "converted_records":
        return {"type": kind, "type_configurations": []}
    if not isinstance(configs, list) or not configs:
        raise mandatory_not_found("type_configurations", f"$.{KEY}.type_configurations")
    for c, config in enumerate(configs):
        mappings = config.get("field_mappings") if isinstance(config, dict) else None
        if not isinstance(mappings, list) or not mappings:
            raise mandatory_not_found("field_mappings", f"$.{KEY}.type_configurations[{c}].field_mappings")
        for m, mapping in enumerate(mappings):
            base = f"$.{KEY}.type_configurations[{c}].field_mappings[{m}]"
            current = _field(mapping.get("current_field") if isinstance(mapping, dict) else None,
                             f"{base}.current_field", module)
            if current not in unique_fields:
                raise ZohoError(ErrorCode.NOT_ALLOWED, "the given current_field API name is not a unique field API name.",
                                {"api_name": "current_field", "json_path": f"{base}.current_field"})
    return {"type": kind, "type_configurations": configs}


def _field(raw: Any, path: str, module: ModuleSpec) -> str | None:
    raw = raw if isinstance(raw, dict) else {}
    name, ident = raw.get("api_name"), raw.get("id")
    if name is None and ident is None:
        raise ZohoError(ErrorCode.EXPECTED_FIELD_MISSING, "Specify at least one field.", {"expected_fields": [
            {"api_name": "api_name", "json_path": f"{path}.api_name"}, {"api_name": "id", "json_path": f"{path}.id"}]})
    if name is not None and ident is not None:
        by_id = next((f.api_name for f in module.fields if str(f.id_suffix) == str(ident)[-12:].lstrip("0")), None)
        if by_id is not None and by_id != name:
            raise ZohoError(ErrorCode.AMBIGUITY_DURING_PROCESSING, "two different crm fields are found",
                            {"api_name": "api_name", "json_path": f"{path}.api_name"})
    return name


def success(message: str) -> Success:
    return Success(message, {}, wrapper=KEY)


def enabled_message(kind: str) -> str:
    return f"Duplicate check enabled for {kind} successfully."


def updated_message(kind: str) -> str:
    return f"Updated fieldMapping for {kind} successfully."


def disabled_message(kind: str) -> str:
    return f"Duplicate check disabled for {kind} successfully."


def already_configured() -> ZohoError:
    return ZohoError(ErrorCode.ALREADY_CONFIGURED, "already configured.", {})


def not_enabled(kind: str) -> ZohoError:
    return ZohoError(ErrorCode.FEATURE_NOT_ENABLED, f"The DuplicateCheckPreference for {kind} feature is not yet enabled. "
                     "Please enable it before doing this action.", {}, status=403)


def stored_form(value: Mapping[str, Any]) -> dict[str, Any]:
    return {KEY: dict(value)}
