"""The mark that derived tables (event instances) wait to be rebuilt, so a killed run is repaired by the next.

Stores that predate it get the mark at once: their instances may be stale from an
interrupted run, and the next ingest rebuilds them.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "pending_refresh",
        sa.Column("derived", sa.String(32), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("derived"),
    )
    op.execute(table.insert().values(derived="instances", since=sa.func.now()))


def downgrade() -> None:
    op.drop_table("pending_refresh")
