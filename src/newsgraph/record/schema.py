"""The record's tables: event instances, group memberships and corrections.

They live on the store's `metadata` (so the migration check and `counts` see them) but
apart from the per-article fact tables: instances are rebuilt from `events` after every
ingest, and corrections are a person's work that no re-analysis may overwrite.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text

from ..store.schema import metadata

event_instances = Table(
    "event_instances",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("mode", String(64)),
    Column("modality", String(32)),
    Column("date", String(32)),
    Column("date_precision", String(16)),
    # The day used to filter and order, as `events.day`.
    Column("day", Date),
    Column("place_id", Text),
    Column("place_name", Text),
    Column("reports", Integer, nullable=False),
    # A plan (AGREE to meet, a planned meeting) points to the instance in which it took place.
    Column("outcome_id", String(64)),
    Index("ix_event_instances_type_day", "type", "day"),
    Index("ix_event_instances_day", "day"),
)

instance_events = Table(
    "instance_events",
    metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("instance_id", String(64), ForeignKey("event_instances.id", ondelete="CASCADE"), nullable=False),
    Index("ix_instance_events_instance", "instance_id"),
)

instance_actors = Table(
    "instance_actors",
    metadata,
    Column("instance_id", String(64), ForeignKey("event_instances.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Text, primary_key=True),
    Column("role", String(16), primary_key=True),
    Index("ix_instance_actors_entity", "entity_id", "role"),
)

group_members = Table(
    "group_members",
    metadata,
    # Entity ids as the store keys them: a KB id (`Q7184`, `ng:org:g7`) or `ORG:name`.
    Column("group_id", Text, primary_key=True),
    Column("member_id", Text, primary_key=True),
    Column("since", Date, primary_key=True),
    Column("until", Date),
    Column("origin", String(16), nullable=False),  # kb: synced from the KB; person: given by a user
    Index("ix_group_members_member", "member_id"),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # quote, event, entity
    Column("action", String(16), nullable=False),  # wrong, fix, add
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    # sha1 of the covered text: finds the span again if the article's text shifts.
    Column("text_hash", String(40), nullable=False),
    Column("fields", Text, nullable=False),  # JSON: the corrected values
    Column("author", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_corrections_article", "article_id"),
)
