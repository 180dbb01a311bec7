"""Territories: pure rules for the settings API (spec 20) and for users/records (spec 21).

No I/O and no clock: state and "now" come in, decisions and normalized values go out.
"""

from .auto_assign import auto_territories, merge_automatic, rule_territories
from .create import validate_create
from .defaults import DEFAULT_FEATURE_STATE, check_feature, feature_error, root_territory
from .deletion import (
    DeletePlan,
    TransferPlan,
    drop_record_entries,
    transfer_record_entries,
    validate_delete,
    validate_transfer,
)
from .filters import filter_matches, parse_filters
from .hierarchy import ancestors, child_territories, children, creates_cycle, descendants, preorder, root_id
from .members import MemberChange, validate_associate, validate_disassociate
from .model import (
    Limits,
    Territory,
    TerritoryContext,
    TerritoryDraft,
    TerritoryEntry,
    TerritoryPatch,
    UserInfo,
)
from .records import (
    RECORD_TERRITORY_FIELD,
    RECORD_TERRITORY_LIMIT,
    RecordState,
    RecordTerritoryPlan,
    check_module,
    render_entries,
    validate_assign,
    validate_remove,
)
from .render import (
    associated_users_count,
    criteria_keys_for,
    format_time,
    page_info,
    parse_include,
    parse_inner_details,
    render_territory,
    render_user_territory,
)
from .update import validate_update
from .user_territories import UserTerritoryChange, validate_add_to_user, validate_remove_from_user

__all__ = [
    "DEFAULT_FEATURE_STATE",
    "DeletePlan",
    "Limits",
    "MemberChange",
    "RECORD_TERRITORY_FIELD",
    "RECORD_TERRITORY_LIMIT",
    "RecordState",
    "RecordTerritoryPlan",
    "Territory",
    "TerritoryContext",
    "TerritoryDraft",
    "TerritoryEntry",
    "TerritoryPatch",
    "TransferPlan",
    "UserInfo",
    "UserTerritoryChange",
    "ancestors",
    "associated_users_count",
    "auto_territories",
    "check_feature",
    "check_module",
    "child_territories",
    "children",
    "creates_cycle",
    "criteria_keys_for",
    "descendants",
    "drop_record_entries",
    "feature_error",
    "filter_matches",
    "format_time",
    "merge_automatic",
    "page_info",
    "parse_filters",
    "parse_include",
    "parse_inner_details",
    "preorder",
    "render_entries",
    "render_territory",
    "render_user_territory",
    "root_id",
    "root_territory",
    "rule_territories",
    "transfer_record_entries",
    "validate_add_to_user",
    "validate_assign",
    "validate_create",
    "validate_delete",
    "validate_disassociate",
    "validate_remove",
    "validate_remove_from_user",
    "validate_transfer",
    "validate_update",
]
