"""The kind of each mention (name, title, description, adjective, pronoun, common), so a reader can keep
the names apart from the class nouns and role titles.

Mentions stored before it are taken as names; re-analysing an article fills in the real kind.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="name"))


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("kind")
