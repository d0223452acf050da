"""Full-text search over article titles and text and over quotes.

SQLite: FTS5 tables with the articles/quotes tables as external content, kept in step by
triggers (so rows written by hand are indexed too). PostgreSQL: GIN indexes over the
`russian` text-search configuration, which stems, so «санкций» finds «санкции».

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 2"
SQLITE_INDEXES = {
    # fts table: (content table, indexed columns)
    "articles_fts": ("articles", ("title", "text")),
    "quotes_fts": ("quotes", ("text",)),
}
POSTGRES_INDEXES = {
    "ix_articles_fts": "articles USING gin (to_tsvector('russian', coalesce(title, '') || ' ' || text))",
    "ix_quotes_fts": "quotes USING gin (to_tsvector('russian', text))",
}


def sqlite_statements(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.num, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.num, {old});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='num', tokenize='{TOKENIZE}')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts, (table, columns) in SQLITE_INDEXES.items():
            for statement in sqlite_statements(fts, table, columns):
                op.execute(statement)
    elif dialect == "postgresql":
        for name, target in POSTGRES_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {target}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts, (table, _columns) in SQLITE_INDEXES.items():
            for suffix in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {fts}_{suffix}")
            op.execute(f"DROP TABLE {fts}")
    elif dialect == "postgresql":
        for name in POSTGRES_INDEXES:
            op.execute(f"DROP INDEX {name}")
