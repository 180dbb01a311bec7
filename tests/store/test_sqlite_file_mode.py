"""A SQLite database holds tokens, client secrets and every record: its files are private."""

from __future__ import annotations

import stat

import pytest

from zcrm_local.store.db import Database
from zcrm_local.store.migrate import upgrade


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_new_sqlite_database_and_its_wal_and_shm_are_owner_only(tmp_path, umask):
    import os

    old = os.umask(umask)
    try:
        path = tmp_path / "x.db"
        db = Database(f"sqlite:///{path}")
        upgrade(db)
        with db.read() as conn:  # the -wal and -shm files exist while a connection is open
            conn.exec_driver_sql("SELECT 1")
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        db.dispose()
    finally:
        os.umask(old)
    assert {"x.db", "x.db-wal", "x.db-shm"} <= set(modes)
    assert modes == {name: 0o600 for name in modes}
