"""The record: event instances across articles, group memberships, corrections (docs/record.md).

Revision ID: record1
Revises: 0003 (entity counts)
"""

import sqlalchemy as sa
from alembic import op

revision = "record1"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_instances",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(64), nullable=True),
        sa.Column("modality", sa.String(32), nullable=True),
        sa.Column("date", sa.String(32), nullable=True),
        sa.Column("date_precision", sa.String(16), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("place_id", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_event_instances_type_day", "event_instances", ["type", "day"])
    op.create_index("ix_event_instances_day", "event_instances", ["day"])
    op.create_table(
        "instance_events",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("instance_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["instance_id"], ["event_instances.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_instance_events_instance", "instance_events", ["instance_id"])
    op.create_table(
        "instance_actors",
        sa.Column("instance_id", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(["instance_id"], ["event_instances.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("instance_id", "entity_id", "role"),
    )
    op.create_index("ix_instance_actors_entity", "instance_actors", ["entity_id", "role"])
    op.create_table(
        "group_members",
        sa.Column("group_id", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "member_id", "since"),
    )
    op.create_index("ix_group_members_member", "group_members", ["member_id"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(40), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_corrections_article", "corrections", ["article_id"])


def downgrade() -> None:
    for table in ("corrections", "group_members", "instance_actors", "instance_events", "event_instances"):
        op.drop_table(table)
