"""The feature switch (spec 20 §2): its default, its gate, and the root territory it creates."""

from __future__ import annotations

from datetime import datetime

from zcrm_local.domain.errors import ErrorCode, ZohoError

from . import messages as m
from .model import CRITERIA_KEYS, FeatureState, TerritoryDraft

# OQ-1: developers come to test territories, so a fresh org starts enabled.
DEFAULT_FEATURE_STATE: FeatureState = "enabled"
ROOT_DESCRIPTION = "Organization Parent Territory"
ROOT_PERMISSION_TYPE = "read_only"


def feature_error(state: str) -> ZohoError | None:
    """The request-level refusal every territory endpoint answers while the feature is off."""
    if state == "never_enabled":
        return ZohoError(ErrorCode.TERRITORY_NOT_ENABLED, m.MSG_FEATURE_NOT_ENABLED, {})
    if state == "disabled":
        return ZohoError(ErrorCode.TERRITORY_DISABLED, m.MSG_FEATURE_DISABLED, {})
    return None


def check_feature(state: str) -> None:
    error = feature_error(state)
    if error is not None:
        raise error


def root_territory(company_name: str, primary_admin_id: str, now: datetime) -> TerritoryDraft:
    """What first enabling creates: the org territory, named after the company, managed by the
    primary administrator (its only member). Re-enabling must not call this again."""
    return TerritoryDraft(
        index=0,
        name=company_name,
        api_name=company_name,
        parent_id=None,
        permission_type=ROOT_PERMISSION_TYPE,
        description=ROOT_DESCRIPTION,
        manager_id=primary_admin_id,
        member_ids=frozenset({primary_admin_id}),
        criteria={key: None for key in CRITERIA_KEYS},
        created_time=now,
        created_by_id=primary_admin_id,
    )
