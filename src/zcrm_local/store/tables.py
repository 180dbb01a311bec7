"""The schema: one MetaData, every table scoped by org.

Timestamps are ``Instant`` (UTC microseconds), ids are 64-bit integers made in Python,
record bodies are JSON keyed by Zoho api_name so a new module needs no DDL.
"""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.engine import JsonText, WordsNorm
from zcrm_local.store.types import Instant, Json

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

orgs = sa.Table(
    "orgs",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    # 7-digit prefix of every id made for this org (spec conventions §9).
    sa.Column("prefix", sa.Integer, nullable=False, unique=True),
    sa.Column("zgid", sa.String(32), nullable=False),
    sa.Column("company_name", sa.String(200), nullable=False),
    sa.Column("alias", sa.String(200)),
    sa.Column("primary_email", sa.String(200), nullable=False),
    sa.Column("time_zone", sa.String(64), nullable=False),
    sa.Column("country_code", sa.String(8), nullable=False),
    sa.Column("currency", sa.String(64), nullable=False),
    sa.Column("iso_code", sa.String(8), nullable=False),
    sa.Column("currency_symbol", sa.String(8), nullable=False),
    sa.Column("currency_locale", sa.String(16), nullable=False),
    # NULL: the server's default fidelity profile.
    sa.Column("profile", sa.String(16)),
    # Next unreserved value of the org's id sequence; processes reserve blocks of it.
    sa.Column("next_seq", sa.BigInteger, nullable=False),
    # Territory feature switch: never_enabled | enabled | disabled.
    sa.Column("territory_state", sa.String(16), nullable=False),
    sa.Column("job_sheet_enabled", sa.Boolean, nullable=False),
    # The org's clock: frozen at an instant, or shifted by an offset from the server clock.
    sa.Column("clock_frozen_at", Instant),
    sa.Column("clock_offset_us", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("is_default", sa.Boolean, nullable=False, server_default=sa.false()),
)

profiles = sa.Table(
    "profiles",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("is_admin", sa.Boolean, nullable=False),
    # Permission names granted besides what every profile has (spec 12 §8).
    sa.Column("permissions", Json, nullable=False),
)

roles = sa.Table(
    "roles",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("reporting_to", sa.BigInteger),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("first_name", sa.String(100)),
    sa.Column("last_name", sa.String(100), nullable=False),
    sa.Column("email", sa.String(200), nullable=False),
    # active | disabled | deleted
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("confirm", sa.Boolean, nullable=False),
    sa.Column("role_id", sa.BigInteger, nullable=False),
    sa.Column("profile_id", sa.BigInteger, nullable=False),
    sa.Column("reporting_to", sa.BigInteger),
    sa.Column("time_zone", sa.String(64), nullable=False),
    sa.Column("locale", sa.String(16), nullable=False),
    sa.Column("zuid", sa.String(32), nullable=False),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("modified_time", Instant, nullable=False),
    # Optional settings written through POST/PUT /users (phone, time_format, …); null for fixtures.
    sa.Column("extra", Json),
    # Who created / last changed the user; null means the org's administrator (fixtures).
    sa.Column("created_by", sa.BigInteger),
    sa.Column("modified_by", sa.BigInteger),
)

# OAuth: secrets and tokens are stored as SHA-256 hex digests, never in clear.
oauth_clients = sa.Table(
    "oauth_clients",
    metadata,
    sa.Column("client_id", sa.String(64), primary_key=True),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    # self | web
    sa.Column("client_type", sa.String(8), nullable=False),
    sa.Column("redirect_uri", sa.String(500)),
    sa.Column("created_time", Instant, nullable=False),
)

oauth_grants = sa.Table(
    "oauth_grants",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("client_id", sa.String(64), sa.ForeignKey("oauth_clients.client_id", ondelete="CASCADE"), nullable=False),
    sa.Column("org_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("scopes", sa.Text, nullable=False),
    sa.Column("expires_at", Instant, nullable=False),
    sa.Column("used", sa.Boolean, nullable=False),
)

oauth_refresh_tokens = sa.Table(
    "oauth_refresh_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("client_id", sa.String(64), sa.ForeignKey("oauth_clients.client_id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("org_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("scopes", sa.Text, nullable=False),
    sa.Column("created_time", Instant, nullable=False),
)

oauth_access_tokens = sa.Table(
    "oauth_access_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    # NULL for client-credentials tokens, which have no refresh token.
    sa.Column("refresh_hash", sa.String(64), index=True),
    sa.Column("client_id", sa.String(64), nullable=False),
    sa.Column("org_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("scopes", sa.Text, nullable=False),
    sa.Column("expires_at", Instant, nullable=False),
    # Mint order among the tokens of one refresh token (NULL before it was kept): the oldest
    # goes when a 16th is minted (D-459).
    sa.Column("seq", sa.BigInteger),
)

# ---- records of every module: system columns + the api_name-keyed JSON body --------------
records = sa.Table(
    "records",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("module", sa.String(100), nullable=False),
    sa.Column("data", Json, nullable=False),
    sa.Column("owner_id", sa.BigInteger, nullable=False),
    sa.Column("created_by", sa.BigInteger, nullable=False),
    sa.Column("modified_by", sa.BigInteger, nullable=False),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("modified_time", Instant, nullable=False),
    # Optimistic concurrency: every update bumps it; a writer that read version n only
    # writes where the row still has n.
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Index("ix_records_org_module_id", "org_id", "module", "id"),
    sa.Index("ix_records_org_module_created", "org_id", "module", "created_time"),
    sa.Index("ix_records_org_module_modified", "org_id", "module", "modified_time"),
)

# Deleted records (the recycle bin, spec 40 §9, §13, §16): a deleted record's row moves here
# whole, so every read of ``records`` stays free of a "deleted" filter. ``data`` is NULL once
# the entry is permanent (purged from the bin); ``purged_time`` says since when.
recycle_bin = sa.Table(
    "recycle_bin",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("module", sa.String(100), nullable=False),
    sa.Column("data", Json),
    sa.Column("display_name", sa.Text),
    sa.Column("owner_id", sa.BigInteger),
    sa.Column("created_by", sa.BigInteger),
    sa.Column("deleted_by", sa.BigInteger),
    sa.Column("deleted_time", Instant, nullable=False),
    sa.Column("purged_time", Instant),
    sa.Index("ix_recycle_bin_org_module_deleted", "org_id", "module", "deleted_time"),
)

# The per-record change log: one row per record write (insert, update, delete, purge…), written
# in the write's own transaction. ``seq`` increases per org in commit order (it is taken from a
# counter row that stays locked until commit), so a reader that remembers the last ``seq`` it saw
# misses nothing. The timeline reads it; notifications will deliver from it.
record_changes = sa.Table(
    "record_changes",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("record_id", sa.BigInteger, nullable=False),
    sa.Column("module", sa.String(100), nullable=False),
    sa.Column("operation", sa.String(16), nullable=False),
    sa.Column("source", sa.String(32), nullable=False),
    # [{"api_name", "old", "new"}] in field order; values in storage form.
    sa.Column("changes", Json, nullable=False),
    sa.Column("done_by", sa.BigInteger),
    sa.Column("audited_time", Instant, nullable=False),
    sa.Index("ix_record_changes_record", "org_id", "record_id", "seq"),
)

# The last change-log ``seq`` handed out per org (its own table: ``counters`` holds limits).
record_change_heads = sa.Table(
    "record_change_heads",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
)

# Expression indexes of migration 0007_q (spec 50 queries): (body key, compared lower-cased).
# Text keys are matched by ``lower(…)`` equality (COQL ``=``), lookups by their stored id;
# created/modified time have the plain indexes above. The query compiler spells the same
# expressions (store/engine.py), which is what lets both stores use them.
QUERY_INDEX_KEYS: tuple[tuple[str, bool], ...] = (
    ("Email", True), ("Phone", True), ("Last_Name", True), ("First_Name", True), ("Company", True),
    ("Deal_Name", True), ("Account_Name", True), ("Account_Name", False), ("Contact_Name", False),
)
# Keys searched by whole e-mail address (``?email=`` and ``Email:equals:``): their words (D-575).
QUERY_WORDS_INDEX_KEYS: tuple[str, ...] = ("Email",)


def query_index_name(key: str, kind: str) -> str:
    return f"ix_records_q_{key.lower()}_{kind}"


for _key, _lowered in QUERY_INDEX_KEYS:
    _expr = JsonText(records.c.data, _key)
    sa.Index(query_index_name(_key, "lower" if _lowered else "id"), records.c.org_id, records.c.module,
             sa.func.lower(_expr) if _lowered else _expr)
for _key in QUERY_WORDS_INDEX_KEYS:
    sa.Index(query_index_name(_key, "words"), records.c.org_id, records.c.module,
             WordsNorm(JsonText(records.c.data, _key)))
sa.Index("ix_records_q_owner", records.c.org_id, records.c.module, records.c.owner_id)

# Per-org counters that limits are enforced on atomically (e.g. active services ≤ 500):
# a conditional UPDATE decides, so concurrent writers cannot both pass a check.
counters = sa.Table(
    "counters",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# Small per-org settings documents (service preferences, job-sheet sections, business hours,
# limits…), one JSON value per key.
org_settings = sa.Table(
    "org_settings",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", Json, nullable=False),
)

taxes = sa.Table(
    "taxes",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    # The rate as text ("0.8"): exact, and rendered as the number it spells.
    sa.Column("value", sa.String(32), nullable=False),
    sa.Column("sequence_number", sa.Integer, nullable=False),
)

holidays = sa.Table(
    "holidays",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("shift_id", sa.BigInteger),
)

# ---- territories ----------------------------------------------------------------------------
territories = sa.Table(
    "territories",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("name", sa.String(250), nullable=False),
    # Lower-cased name: the database itself keeps names unique per org, whatever the race.
    sa.Column("name_key", sa.String(250), nullable=False),
    sa.Column("parent_id", sa.BigInteger),
    sa.Column("data", Json, nullable=False),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("modified_time", Instant, nullable=False),
    sa.UniqueConstraint("org_id", "name_key"),
    sa.Index("ix_territories_org_parent", "org_id", "parent_id"),
)

territory_users = sa.Table(
    "territory_users",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("territory_id", sa.BigInteger, sa.ForeignKey("territories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.BigInteger, primary_key=True),
    sa.Column("created_time", Instant, nullable=False),
)

record_territories = sa.Table(
    "record_territories",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("record_id", sa.BigInteger, sa.ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("territory_id", sa.BigInteger, sa.ForeignKey("territories.id", ondelete="CASCADE"), primary_key=True),
    # manual | rule: rule assignments are recomputed when the record changes.
    sa.Column("source", sa.String(8), nullable=False),
    sa.Column("assigned_time", Instant, nullable=False),
    # The user who assigned a manual entry (NULL for rule assignments).
    sa.Column("assigned_by", sa.BigInteger),
    sa.Index("ix_record_territories_territory", "territory_id"),
)

# ---- the test harness: admin keys, fault rules, API limits, the request journal ------------
# Tables marked info={"snapshot": False} hold harness state, not org data: org snapshots,
# imports and resets leave them alone. Every other table with an org_id is org data.

# Server-wide (no org): SHA-256 digests of the keys that open the admin API (/_zcrm/…).
admin_keys = sa.Table(
    "admin_keys",
    metadata,
    sa.Column("key_hash", sa.String(64), primary_key=True),
    sa.Column("created_time", Instant, nullable=False),
    info={"snapshot": False},
)

# Server-wide (no org): facts a running server leaves for the CLI, such as the base URL it
# answers on, so `credentials` prints the api_domain of the server actually serving.
server_info = sa.Table(
    "server_info",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_time", Instant, nullable=False),
    info={"snapshot": False},
)

# Per-org harness switches: journal size (0: off), API limits emulation (NULL: off), and whether
# territory jobs stay pending until released.
org_harness = sa.Table(
    "org_harness",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("journal_size", sa.Integer, nullable=False, server_default="0"),
    sa.Column("limits", Json),
    sa.Column("territory_jobs_held", sa.Boolean, nullable=False, server_default=sa.false()),
    info={"snapshot": False},
)

# Test hooks on single records, kept apart from the records themselves: kind "locked" (a locked
# record) or "job" (a territory job held pending, with its job id).
record_flags = sa.Table(
    "record_flags",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("record_id", sa.BigInteger, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("module", sa.String(100), nullable=False),
    sa.Column("job_id", sa.String(32)),
    sa.Column("created_time", Instant, nullable=False),
    info={"snapshot": False},
)

fault_rules = sa.Table(
    "fault_rules",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    # An HTTP method, or "*".
    sa.Column("method", sa.String(8), nullable=False),
    # A glob over the request path ("/crm/v7/Services__s*").
    sa.Column("path", sa.String(500), nullable=False),
    # What to answer: {"error", "message", "details", "status", "body", "latency_ms"}.
    sa.Column("action", Json, nullable=False),
    sa.Column("probability", sa.Float, nullable=False),
    # Firings left; NULL: unlimited. A conditional UPDATE spends one, so processes never overspend.
    sa.Column("remaining", sa.Integer),
    sa.Column("fired", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_time", Instant, nullable=False),
    info={"snapshot": False},
)

# One row per counted API call: the rolling 24 h credit window sums them.
api_usage = sa.Table(
    "api_usage",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("at", Instant, nullable=False),
    sa.Column("credits", sa.Integer, nullable=False),
    sa.Index("ix_api_usage_org_at", "org_id", "at"),
    info={"snapshot": False},
)

# Calls being answered now, for the concurrency cap; rows older than a stale limit are ignored
# (a process that died mid-request leaves its row behind).
api_inflight = sa.Table(
    "api_inflight",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("started_at", Instant, nullable=False),
    info={"snapshot": False},
)

request_journal = sa.Table(
    "request_journal",
    metadata,
    # Database-made, so entries of several processes sort in commit order (the one table
    # whose id is not made in Python).
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
    # The org's clock when the request arrived.
    sa.Column("at", Instant, nullable=False),
    sa.Column("method", sa.String(8), nullable=False),
    sa.Column("path", sa.String(2000), nullable=False),
    sa.Column("query", sa.Text, nullable=False),
    sa.Column("request_headers", Json, nullable=False),
    sa.Column("request_body", sa.Text, nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    # The Zoho code of an error answer, when there is one.
    sa.Column("code", sa.String(64)),
    sa.Column("response_headers", Json, nullable=False),
    sa.Column("response_body", sa.Text, nullable=False),
    sa.Column("duration_ms", sa.Float, nullable=False),
    # What the harness did instead of (or before) the API: "fault:<id>", "limit:credits"…
    sa.Column("harness", sa.String(64)),
    sa.Index("ix_request_journal_org_id", "org_id", "id"),
    info={"snapshot": False},
)

# Server-wide (no org): web console sessions. The cookie holds a random id; only its SHA-256
# digest is stored, with the digest of the admin key that opened it (revoking admin keys ends
# the sessions they opened) and the session's CSRF token.
console_sessions = sa.Table(
    "console_sessions",
    metadata,
    sa.Column("session_hash", sa.String(64), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("expires_time", Instant, nullable=False, index=True),
    info={"snapshot": False},
)

# Mails of records (spec 70 §4): kind "mail" is the outbox (sent and scheduled mail, never sent
# over SMTP), "draft" a draft (E3), "filed" a mail associated with a record (E4).
emails = sa.Table(
    "emails",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("message_id", sa.String(64), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),  # creation order within the org
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("module", sa.String(100), nullable=False),
    sa.Column("record_id", sa.BigInteger, nullable=False),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("scheduled_time", Instant),
    sa.Column("created_time", Instant, nullable=False),
    sa.Column("modified_time", Instant, nullable=False),
    sa.Column("doc", Json, nullable=False),
    sa.Index("ix_emails_org_record", "org_id", "record_id", "kind", "seq"),
    sa.Index("ix_emails_org_kind_seq", "org_id", "kind", "seq"),
)

# Per-org email fixtures and settings, one JSON document per (kind, key): email and inventory
# templates, cadences, extra from addresses, bounce state of addresses, unsubscribe links.
email_settings = sa.Table(
    "email_settings",
    metadata,
    sa.Column("org_id", sa.BigInteger, sa.ForeignKey("orgs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("doc", Json, nullable=False),
)
