"""The organization as GET /org shows it (spec 12 §4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain.times import format_datetime
from zcrm_local.domain.users.writes import LICENSED_USERS


def render_org(org: Mapping[str, Any], admin: Mapping[str, Any] | None, user_count: int, *, tz: str) -> dict[str, Any]:
    return {
        "id": str(org["id"]),
        "company_name": org["company_name"],
        "alias": org["alias"],
        "primary_email": org["primary_email"],
        "primary_zuid": admin["zuid"] if admin else None,
        "zgid": org["zgid"],
        "domain_name": f"org{org['zgid']}",
        "type": "Production",
        "time_zone": org["time_zone"],
        "country_code": org["country_code"],
        "country": None,
        "currency": org["currency"],
        "iso_code": org["iso_code"],
        "currency_symbol": org["currency_symbol"],
        "currency_locale": org["currency_locale"],
        "mc_status": False,
        "gapps_enabled": False,
        "privacy_settings": False,
        "hipaa_compliance_enabled": False,
        "created_time": format_datetime(org["created_time"], tz),
        "license_details": {
            "paid": True,
            "paid_type": "enterprise",
            "paid_expiry": None,
            "trial_type": None,
            "trial_expiry": None,
            "trial_action": None,
            "users_license_purchased": max(user_count, LICENSED_USERS),
        },
    }
