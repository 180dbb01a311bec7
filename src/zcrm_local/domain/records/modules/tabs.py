"""Modules ``GET /settings/modules`` lists with ``api_supported: false`` (spec 40 §1.1): tabs of
the web UI with no records API. A path naming one answers ``the given module is not supported
in api``. They carry no fields, so they share this one file."""

from __future__ import annotations

from zcrm_local.domain.metadata import ModuleSpec

_B = 11_800_000
_TABS = (
    ("Home", "Home", "Home", "Home"),
    ("Reports", "Reports", "Report", "Reports"),
    ("Analytics", "Dashboards", "Analytics", "Analytics"),
    ("SalesInbox", "SalesInbox", "SalesInbox", "SalesInbox"),
    ("Feeds", "Feeds", "Feed", "Feeds"),
    ("Documents", "Documents", "Document", "Documents"),
    ("Forecasts", "Forecasts", "Forecast", "Forecasts"),
)

TABS: tuple[ModuleSpec, ...] = tuple(
    ModuleSpec(api_name=api, module_name=name, singular_label=one, plural_label=many,
               id_suffix=_B + position * 1000, fields=(), api_supported=False, sequence_number=20 + position,
               record_writes=False, deleted_api=False)
    for position, (api, name, one, many) in enumerate(_TABS, start=1)
)
