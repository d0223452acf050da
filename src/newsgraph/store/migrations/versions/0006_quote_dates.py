"""The publication date on each quote, so "newest quotes" reads an index instead of sorting them all.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))
    op.create_index("ix_quotes_published", "quotes", ["published"])
    op.execute("UPDATE quotes SET published = (SELECT published FROM articles WHERE articles.id = quotes.article_id)")


def downgrade() -> None:
    op.drop_index("ix_quotes_published", "quotes")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("published")
