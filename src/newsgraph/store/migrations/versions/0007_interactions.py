"""Event counts per (actor, recipient, type), so the actor graph does not join events at query time.

`interactions` is kept up to date by the writer, like `entity_pairs`; this revision creates
it and fills it from `events` and `event_actors`.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interactions",
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("recipient_id", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["entities.id"]),
        sa.ForeignKeyConstraint(["recipient_id"], ["entities.id"]),
        sa.PrimaryKeyConstraint("actor_id", "recipient_id", "type"),
    )
    op.execute(
        "INSERT INTO interactions (actor_id, recipient_id, type, events) "
        "SELECT a.entity_id, r.entity_id, e.type, count(*) FROM event_actors a "
        "JOIN event_actors r ON r.event_id = a.event_id AND r.role = 'recipient' "
        "JOIN events e ON e.id = a.event_id "
        "WHERE a.role = 'actor' AND a.entity_id <> r.entity_id GROUP BY a.entity_id, r.entity_id, e.type"
    )


def downgrade() -> None:
    op.drop_table("interactions")
