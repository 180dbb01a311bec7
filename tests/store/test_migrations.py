"""Migrations on an empty database of each dialect: the schema they build is the metadata,
downgrade removes it, and concurrent upgrades (several servers starting at once) agree."""

from __future__ import annotations

import subprocess
import sys
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from zcrm_local.store.db import Database
from zcrm_local.store.migrate import current_revision, downgrade, head_revision, upgrade
from zcrm_local.store.tables import metadata

from tests.conftest import require_pg

APP_TABLES = set(metadata.tables)


@pytest.fixture
def fresh_pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards."""
    base = sa.make_url(require_pg())
    name = f"zcrm_mig_{uuid.uuid4().hex[:12]}"
    admin = psycopg.conninfo.make_conninfo(base.set(drivername="postgresql", database="postgres")
                                           .render_as_string(hide_password=False))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'mig.db'}"
    return str(request.getfixturevalue("fresh_pg_url"))


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    db = Database(empty_db_url)
    try:
        yield db
    finally:
        db.dispose()


def _is_expression_index(obj: object, type_: str) -> bool:
    return type_ == "index" and any(not isinstance(e, sa.Column) for e in obj.expressions)  # type: ignore[attr-defined]


def _include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # Expression indexes cannot be compared by alembic (SQLite does not reflect them, PostgreSQL
    # reflects its own spelling): test_expression_indexes_match_the_metadata compares them.
    return not _is_expression_index(obj, type_)


def schema_differences(db: Database) -> list[object]:
    with db.engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "(autogenerate skipping|Skipped unsupported reflection).*expression-based")
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True,
                                                         "include_object": _include})
        return list(compare_metadata(context, metadata))


def _index_definitions(conn: sa.Connection, names: list[str]) -> dict[str, str]:
    """Each index's definition as the database keeps it, without its name or spacing."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    else:
        rows = conn.execute(sa.text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'records'"))
    found = {name: sql for name, sql in rows if name in names}
    return {name: "".join(ch for ch in sql.replace(name, "") if ch not in ' ()"\n') for name, sql in found.items()}


def test_expression_indexes_match_the_metadata(empty_db):
    """The migrations' expression indexes are the ones tables.py declares: the database's own
    rendering of each equals its rendering of the metadata's index created beside it."""
    upgrade(empty_db)
    declared = [ix for ix in metadata.tables["records"].indexes if _is_expression_index(ix, "index")]
    assert {ix.name for ix in declared} >= {"ix_records_q_email_lower", "ix_records_q_email_words"}
    with empty_db.engine.begin() as conn:
        migrated = _index_definitions(conn, [str(ix.name) for ix in declared])
        assert set(migrated) == {ix.name for ix in declared}
        for ix in declared:
            ddl = str(sa.schema.CreateIndex(ix).compile(dialect=conn.dialect))
            conn.execute(sa.text(ddl.replace(f"INDEX {ix.name} ", f"INDEX {ix.name}_copy ", 1)))
        copies = _index_definitions(conn, [f"{ix.name}_copy" for ix in declared])
        assert {name.removesuffix("_copy"): sql for name, sql in copies.items()} == migrated
        for ix in declared:
            conn.execute(sa.text(f"DROP INDEX {ix.name}_copy"))


def version_rows(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [row[0] for row in conn.execute(sa.text("SELECT version_num FROM alembic_version"))]


def test_upgrade_on_empty_database_builds_the_metadata_schema(empty_db):
    assert sa.inspect(empty_db.engine).get_table_names() == []
    upgrade(empty_db)
    assert set(sa.inspect(empty_db.engine).get_table_names()) == APP_TABLES | {"alembic_version"}
    assert current_revision(empty_db) == head_revision() is not None
    assert schema_differences(empty_db) == []


def test_upgrade_on_migrated_database_changes_nothing(empty_db):
    upgrade(empty_db)
    upgrade(empty_db)
    assert version_rows(empty_db) == [head_revision()]
    assert schema_differences(empty_db) == []


def test_downgrade_to_base_leaves_no_tables(empty_db):
    upgrade(empty_db)
    downgrade(empty_db, "base")
    # Alembic keeps its (now empty) version table; every table of the schema is gone.
    assert sa.inspect(empty_db.engine).get_table_names() == ["alembic_version"]
    assert version_rows(empty_db) == []
    assert current_revision(empty_db) is None


def test_upgrade_after_downgrade_rebuilds_the_schema(empty_db):
    upgrade(empty_db)
    downgrade(empty_db, "base")
    upgrade(empty_db)
    assert schema_differences(empty_db) == []


# Waits on stdin after its imports, so every process migrates at the same moment.
_MIGRATE_ON_GO = """
import sys
from zcrm_local.store.db import Database
from zcrm_local.store.migrate import upgrade
db = Database(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
upgrade(db)
db.dispose()
"""


def test_upgrade_concurrently_on_empty_database_yields_one_schema(empty_db_url):
    # Processes, not threads: alembic keeps its migration context in module globals.
    procs = [subprocess.Popen([sys.executable, "-c", _MIGRATE_ON_GO, empty_db_url], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    try:
        assert [p.stdout.readline() for p in procs] == ["ready\n"] * len(procs)  # type: ignore[union-attr]
        for p in procs:
            p.stdin.write("go\n")  # type: ignore[union-attr]
            p.stdin.flush()  # type: ignore[union-attr]
        outcomes = [(p.wait(60), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert outcomes == [(0, "")] * len(procs)
    db = Database(empty_db_url)
    try:
        assert version_rows(db) == [head_revision()]
        assert set(sa.inspect(db.engine).get_table_names()) == APP_TABLES | {"alembic_version"}
        assert schema_differences(db) == []
    finally:
        db.dispose()
