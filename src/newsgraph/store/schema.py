"""The tables, with plain names a user can query directly (docs/store.md describes each column).

Every fact row (mention, quote, event) carries its article, its character offsets
(`start_char`/`end_char`, end exclusive, as in the article JSON) and the offsets of the
sentence that states it. Fact ids are derived from the article id and the fact's place in
the article, so re-ingesting an article rewrites the same rows. This is the current shape;
`migrations/` holds how each database got here.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def article_fk() -> Column:
    return Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def entity_fk(name: str, nullable: bool = True) -> Column:
    return Column(name, Text, ForeignKey("entities.id"), nullable=nullable)


def sentence_columns() -> list[Column]:
    return [Column("sentence_start", Integer), Column("sentence_end", Integer)]


articles = Table(
    "articles",
    metadata,
    # `num` is a compact integer key for the SQLite full-text index; `id` is the public content key.
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("url", Text, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("content_hash", String(40), nullable=False, index=True),
    Column("analysed", Boolean, nullable=False),
    Column("story_id", String(64), index=True),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("kb_id", String(64), index=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, index=True),
    Column("type", String(32), nullable=False),
    # Kept up to date by the writer, so "most mentioned" reads an index (revision 0003).
    Column("articles", Integer, nullable=False, server_default="0", index=True),
    Column("mentions", Integer, nullable=False, server_default="0"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Text, ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Column("published", Date),
    Index("ix_article_entities_entity", "entity_id", "published"),
    Index("ix_article_entities_published", "published"),
)

entity_pairs = Table(
    "entity_pairs",
    metadata,
    # How many articles name both entities (entity_a < entity_b); kept by the writer (revision 0005).
    Column("entity_a", Text, ForeignKey("entities.id"), primary_key=True),
    Column("entity_b", Text, ForeignKey("entities.id"), primary_key=True),
    Column("articles", Integer, nullable=False),
    Index("ix_entity_pairs_b", "entity_b"),
)

interactions = Table(
    "interactions",
    metadata,
    # How many events of `type` have this actor and recipient; kept by the writer (revision 0007).
    Column("actor_id", Text, ForeignKey("entities.id"), primary_key=True),
    Column("recipient_id", Text, ForeignKey("entities.id"), primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("events", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Text, primary_key=True),
    article_fk(),
    entity_fk("entity_id"),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("normal", Text),
    Column("source", String(64)),
    Column("kind", String(16), nullable=False, server_default="name"),  # revision 0010
    *sentence_columns(),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_entity", "entity_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    article_fk(),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(32)),
    entity_fk("speaker_id"),
    Column("speaker_name", Text),
    Column("cue", Text),
    Column("via", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    *sentence_columns(),
    Column("source", String(64)),
    # The article's publication date, repeated so the newest quotes come from an index (0006).
    Column("published", Date),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_id"),
    Index("ix_quotes_published", "published"),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    article_fk(),
    Column("type", String(32), nullable=False),
    Column("mode", String(64)),
    Column("modality", String(32)),
    Column("date", String(32)),
    Column("date_text", Text),
    Column("date_precision", String(16)),
    # The day used to filter and order: the event's own date, else the article's publication date.
    Column("day", Date),
    entity_fk("place_id"),
    Column("place_name", Text),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    *sentence_columns(),
    Column("source", String(64)),
    Index("ix_events_article", "article_id"),
    Index("ix_events_type_day", "type", "day"),
    Index("ix_events_day", "day"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Text, ForeignKey("entities.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Index("ix_event_actors_entity", "entity_id", "role"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, nullable=False),
    Column("file", Text),
    Column("line", Integer),
    Column("stage", String(64), nullable=False),
    Column("error", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("article_id", "stage", name="uq_failures_article_stage"),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", Text, primary_key=True),
    Column("entry_id", Text, primary_key=True),
    Column("link", Text),
    Column("article_id", String(64)),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# The record's tables (`newsgraph.record`, docs/record.md): event instances, group memberships
# and corrections. Apart from the per-article fact tables above: instances are rebuilt from
# `events` after every ingest, and corrections are a person's work that no re-analysis may
# overwrite.

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

# Derived tables waiting to be rebuilt: a writer marks them in the transaction that changes
# the facts they derive from, and the rebuild clears the mark in its own transaction, so a
# run killed in between leaves the mark for the next run to act on.
pending_refresh = Table(
    "pending_refresh",
    metadata,
    Column("derived", String(32), primary_key=True),  # "instances": event_instances and their links
    Column("since", DateTime(timezone=True), nullable=False),
)
