"""Settings from ``ZCRM_LOCAL_*`` environment variables: how worker processes get the flags."""

from __future__ import annotations

import os

from zcrm_local.config import DEFAULT_DATABASE_URL, Settings

ENV = {
    "database_url": "ZCRM_LOCAL_DATABASE_URL",
    "host": "ZCRM_LOCAL_HOST",
    "port": "ZCRM_LOCAL_PORT",
    "profile": "ZCRM_LOCAL_PROFILE",
    "public_url": "ZCRM_LOCAL_PUBLIC_URL",
    "access_token_seconds": "ZCRM_LOCAL_ACCESS_TOKEN_SECONDS",
    "db_pool_size": "ZCRM_LOCAL_DB_POOL_SIZE",
    "db_max_overflow": "ZCRM_LOCAL_DB_MAX_OVERFLOW",
    "db_statement_timeout_ms": "ZCRM_LOCAL_DB_STATEMENT_TIMEOUT_MS",
    "db_write_attempts": "ZCRM_LOCAL_DB_WRITE_ATTEMPTS",
    "body_timeout_seconds": "ZCRM_LOCAL_BODY_TIMEOUT_SECONDS",
}
_DB_KEYS = ("db_pool_size", "db_max_overflow", "db_statement_timeout_ms", "db_write_attempts")


def settings_from_env() -> Settings:
    return Settings(
        database_url=os.environ.get(ENV["database_url"], DEFAULT_DATABASE_URL),
        host=os.environ.get(ENV["host"], "127.0.0.1"),
        port=int(os.environ.get(ENV["port"], "8000")),
        profile=os.environ.get(ENV["profile"], "documented"),
        public_url=os.environ.get(ENV["public_url"]) or None,
        access_token_seconds=int(os.environ.get(ENV["access_token_seconds"], "3600")),
        body_timeout_seconds=float(os.environ.get(ENV["body_timeout_seconds"], "30")),
        **{key: int(os.environ[ENV[key]]) for key in _DB_KEYS if os.environ.get(ENV[key])},  # type: ignore[arg-type]
    )


def export(settings: Settings) -> None:
    """Write settings back to the environment so ``--workers`` processes see the same."""
    os.environ[ENV["database_url"]] = settings.database_url
    os.environ[ENV["host"]] = settings.host
    os.environ[ENV["port"]] = str(settings.port)
    os.environ[ENV["profile"]] = settings.profile
    os.environ[ENV["access_token_seconds"]] = str(settings.access_token_seconds)
    os.environ[ENV["body_timeout_seconds"]] = str(settings.body_timeout_seconds)
    for key in _DB_KEYS:
        os.environ[ENV[key]] = str(getattr(settings, key))
    if settings.public_url:
        os.environ[ENV["public_url"]] = settings.public_url
