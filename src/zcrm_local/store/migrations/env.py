"""Alembic environment: runs on the connection the caller hands over (see store/migrate.py)."""

from __future__ import annotations

from alembic import context

from zcrm_local.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # ALTER TABLE on SQLite needs table rebuilds.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
