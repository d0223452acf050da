"""Opening a store: an SQLAlchemy engine on SQLite or PostgreSQL, migrated to the current schema.

SQLite runs in WAL mode so readers (the web server) never block the one writer, and every
write transaction starts with `BEGIN IMMEDIATE`, the way datasette does it, so two writers
queue on the lock instead of failing half-way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event

DEFAULT_URL = "sqlite:///newsgraph.db"
URL_VARIABLE = "NEWSGRAPH_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
IMMEDIATE = "newsgraph_immediate"


def database_url(url: str | None = None) -> str:
    """The URL to open: the one given, else $NEWSGRAPH_DB, else the local SQLite file.

    A bare `postgresql://` URL means the psycopg 3 driver, the one installed.
    """
    url = url or os.environ.get(URL_VARIABLE) or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass
class Store:
    engine: Engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        """Connect and bring the schema up to date (creating it in an empty database)."""
        engine = create_engine(database_url(url))
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine)
        store = cls(engine)
        if migrate:
            store.migrate()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Upgrade to the newest revision; a store already there is only read, never locked."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        with self.read() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head_revision():
            return
        config = alembic_config()
        with self.migrating() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    @contextmanager
    def migrating(self) -> Iterator[Connection]:
        """A write transaction for schema changes; on SQLite with foreign keys off, as Alembic's
        table rebuilds need (the pragma only takes effect outside a transaction)."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection if self.dialect == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                conn = conn.execution_options(**{IMMEDIATE: True})
                with conn.begin():
                    yield conn
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back entirely if it raises."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(**{IMMEDIATE: True})
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str | None:
    """The newest migration (read once per process: the scripts do not change while it runs)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, instead of pysqlite's implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
