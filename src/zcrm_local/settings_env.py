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
}


def settings_from_env() -> Settings:
    return Settings(
        database_url=os.environ.get(ENV["database_url"], DEFAULT_DATABASE_URL),
        host=os.environ.get(ENV["host"], "127.0.0.1"),
        port=int(os.environ.get(ENV["port"], "8000")),
        profile=os.environ.get(ENV["profile"], "documented"),
        public_url=os.environ.get(ENV["public_url"]) or None,
        access_token_seconds=int(os.environ.get(ENV["access_token_seconds"], "3600")),
    )


def export(settings: Settings) -> None:
    """Write settings back to the environment so ``--workers`` processes see the same."""
    os.environ[ENV["database_url"]] = settings.database_url
    os.environ[ENV["host"]] = settings.host
    os.environ[ENV["port"]] = str(settings.port)
    os.environ[ENV["profile"]] = settings.profile
    os.environ[ENV["access_token_seconds"]] = str(settings.access_token_seconds)
    if settings.public_url:
        os.environ[ENV["public_url"]] = settings.public_url
