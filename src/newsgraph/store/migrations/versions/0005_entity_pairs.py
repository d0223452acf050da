"""Co-mention counts per pair of entities, so the actor graph does not join articles at query time.

`entity_pairs` holds, for every two entities named in one article (`entity_a` < `entity_b`),
how many articles name both. The writer keeps it up to date like the counts on `entities`;
this revision creates it and fills it from `article_entities`.

Revision ID: 0005
Revises: record1
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "record1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_pairs",
        sa.Column("entity_a", sa.Text(), nullable=False),
        sa.Column("entity_b", sa.Text(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_a"], ["entities.id"]),
        sa.ForeignKeyConstraint(["entity_b"], ["entities.id"]),
        sa.PrimaryKeyConstraint("entity_a", "entity_b"),
    )
    op.create_index("ix_entity_pairs_b", "entity_pairs", ["entity_b"])
    # Ordered in Python, as the writer orders them (database collations may sort otherwise).
    counted = op.get_bind().execute(sa.text(
        "SELECT x.entity_id, y.entity_id, count(*) FROM article_entities x "
        "JOIN article_entities y ON y.article_id = x.article_id AND x.entity_id <> y.entity_id "
        "GROUP BY x.entity_id, y.entity_id"
    ))
    rows = [{"entity_a": a, "entity_b": b, "articles": n} for a, b, n in counted if a < b]
    if rows:
        table = sa.table("entity_pairs", sa.column("entity_a"), sa.column("entity_b"), sa.column("articles"))
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_index("ix_entity_pairs_b", "entity_pairs")
    op.drop_table("entity_pairs")
