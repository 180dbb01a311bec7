"""What a write answers, per item or for the whole request: a ``Success`` or a ``ZohoError``.

The domain returns outcomes, never bodies; ``http/render.py`` is the one place that turns an
outcome into bytes (key order code, details, message, status: conventions §4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from zcrm_local.domain.errors import ZohoError


class SuccessCode(StrEnum):
    SUCCESS = "SUCCESS"
    SCHEDULED = "SCHEDULED"  # a territory job queued, not yet applied (spec 21 §10)


@dataclass(frozen=True)
class Success:
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    code: SuccessCode = SuccessCode.SUCCESS
    # Single-object settings resources answer inside their resource key ({"business_hours": {…}}).
    wrapper: str | None = None
    # Keys Zoho prints between ``code`` and ``details`` (upsert: duplicate_field, action).
    leading: dict[str, Any] = field(default_factory=dict)


Outcome = Success | ZohoError
