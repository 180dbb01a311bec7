"""The serve banner prints the database URL without its password (D-460)."""

from __future__ import annotations

import pytest

from zcrm_local.config import redacted_url


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://zcrm:s3cr%40t@db.example:5432/zcrm", "postgresql://zcrm:***@db.example:5432/zcrm"),
    ("postgresql+psycopg://u:p@127.0.0.1/x?sslmode=require", "postgresql+psycopg://u:***@127.0.0.1/x?sslmode=require"),
    ("postgresql://:only-password@host/db", "postgresql://:***@host/db"),
    ("postgresql://postgres@127.0.0.1:5432/zcrm", "postgresql://postgres@127.0.0.1:5432/zcrm"),
    ("sqlite:///zcrm-local.db", "sqlite:///zcrm-local.db"),
])
def test_the_password_is_masked(url, shown):
    assert redacted_url(url) == shown


def test_the_serve_banner_hides_the_password(capsys):
    from zcrm_local import cli_serve as cli

    info = {"org_id": "1", "client_id": "c", "client_secret": "s", "refresh_token": "r", "access_token": "a",
            "api_domain": "http://127.0.0.1:8000", "accounts_url": "http://127.0.0.1:8000"}
    cli._print_banner(info, "postgresql://zcrm:hunter2@db/zcrm", "key")
    out = capsys.readouterr().out
    assert "hunter2" not in out
    assert "postgresql://zcrm:***@db/zcrm" in out
