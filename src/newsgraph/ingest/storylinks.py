"""Keeping `articles.story_id` filled in: every stored article is linked to its story.

The index is rebuilt from the stored texts the first time a linker has something to link
(about 1.5 ms per stored article), so nothing but the story ids needs persisting, and a
run killed between storing an article and linking it is repaired by the next `update`:
any article whose `story_id` is still empty is linked then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from ..store.db import Store
from ..store.schema import articles
from ..store.write import set_story
from .stories import THRESHOLD, StoryIndex, signature


@dataclass
class StoryLinker:
    index: StoryIndex = field(default_factory=lambda: StoryIndex(THRESHOLD))
    loaded: bool = False

    def update(self, store: Store) -> int:
        """Link every stored article that has no story yet; returns how many were linked."""
        a = articles.c
        with store.read() as conn:
            if conn.execute(select(a.id).where(a.story_id.is_(None)).limit(1)).first() is None:
                return 0  # nothing to link: skip rebuilding the index
        query = select(a.id, a.text, a.story_id).order_by(a.num)
        if self.loaded:
            query = query.where(a.story_id.is_(None))
        pending: dict[str, list[str]] = defaultdict(list)
        with store.read() as conn:
            for row in conn.execute(query.execution_options(yield_per=500)):
                story = self.index.add(row.id, signature(row.text), row.story_id)
                if row.story_id is None:
                    pending[story].append(row.id)
        if pending:
            with store.write() as conn:
                for story, ids in pending.items():
                    set_story(conn, ids, story)
        self.loaded = True
        return sum(map(len, pending.values()))


def link_stories(store: Store) -> int:
    """Link the stored articles that have no story yet (`newsgraph ingest` calls this after a batch)."""
    return StoryLinker().update(store)
