"""Reads the store's query module does not offer, written as SQLAlchemy expressions over its tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..store.schema import articles


def article_record(store: Any, article_id: str) -> str | None:
    """The stored analysis JSON of one article."""
    with store.read() as conn:
        return conn.execute(select(articles.c.record).where(articles.c.id == article_id)).scalar_one_or_none()
