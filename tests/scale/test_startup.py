"""The session's servers started at the same moment on an empty database: one migrated while the
others waited, and exactly one default org was made."""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.migrate import current_revision, head_revision
from zcrm_local.store.tables import orgs


def test_servers_started_together_share_one_schema_and_one_default_org(cluster, scale_backend):
    assert all(s.process.poll() is None for s in cluster.servers)
    assert current_revision(scale_backend.db) == head_revision()
    with scale_backend.db.read() as conn:
        defaults = conn.execute(sa.select(orgs.c.id).where(orgs.c.is_default.is_(True))).all()
    assert len(defaults) == 1
    # Every server printed the credentials of that one org.
    for server in cluster.servers:
        assert str(defaults[0].id) in server.output()
