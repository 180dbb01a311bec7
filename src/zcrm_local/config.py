"""Server settings: one frozen value built from flags and environment variables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///" + str(Path("zcrm-local.db"))
PROFILES = ("documented", "live")
# The versions whose URLs are answered with v7 behaviour (spec Q-1).
SERVED_VERSIONS = ("v3", "v4", "v5", "v6", "v7", "v8")
# Known versions older than v3: answered API_NOT_SUPPORTED where an API was born later.
OLD_VERSIONS = ("v2", "v2.1")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    # The fidelity profile of orgs that have not chosen one (spec README).
    profile: str = "documented"
    access_token_seconds: int = 3600
    grant_token_seconds: int = 180
    # Public base URL: what the accounts server returns as api_domain. Derived from host/port
    # unless set (a server behind a proxy).
    public_url: str | None = None
    accept_bearer: bool = False
    # PostgreSQL, per process: connections kept open and extra ones allowed under load, and how
    # long one statement may run (docs/deploy.md). Every store: how many times in all a write
    # transaction that lost a race (deadlock, serialization failure, SQLite lock) is run.
    db_pool_size: int = 5
    db_max_overflow: int = 5
    db_statement_timeout_ms: int = 30_000
    db_write_attempts: int = 5
    # How long a request body may take to arrive in full (D-450).
    body_timeout_seconds: float = 30.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"


def redacted_url(url: str) -> str:
    """``url`` with its password replaced by ``***``: what may be printed or logged (D-460)."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url.split("@", 1)[-1] if "@" in url else url
    if not password:
        return url
    userinfo, _, host = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))
