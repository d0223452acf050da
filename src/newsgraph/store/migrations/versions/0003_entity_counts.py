"""Mention counts on entities, so "most mentioned" lists read an index instead of aggregating.

`entities.articles` and `entities.mentions` are kept up to date by the writer (each stored
article adds its counts, each replaced one takes its old counts away); this revision adds
them and fills them from `article_entities`.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("articles", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("mentions", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_entities_articles", "entities", ["articles"])
    op.create_index("ix_article_entities_published", "article_entities", ["published"])
    op.execute(
        "UPDATE entities SET "
        "articles = (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = entities.id), "
        "mentions = (SELECT coalesce(sum(ae.mentions), 0) FROM article_entities ae WHERE ae.entity_id = entities.id)"
    )


def downgrade() -> None:
    op.drop_index("ix_article_entities_published", "article_entities")
    op.drop_index("ix_entities_articles", "entities")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("mentions")
        batch.drop_column("articles")
