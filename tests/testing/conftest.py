from __future__ import annotations

import pytest

from zcrm_local.service.harness.admin import install_admin_key


@pytest.fixture
def admin_key_installed(backend) -> str:  # type: ignore[no-untyped-def]
    install_admin_key(backend, "testing-key")
    return "testing-key"
