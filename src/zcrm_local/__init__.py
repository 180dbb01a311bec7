"""zcrm-local: a local Zoho CRM REST API v7 server, and tools to test against it."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Imported on first use: the server and CLI do not pay for the test tools.
    if name == "mock":
        from zcrm_local.testing.mock import mock

        return mock
    raise AttributeError(f"module 'zcrm_local' has no attribute {name!r}")
