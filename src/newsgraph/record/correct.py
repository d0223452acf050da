"""Making a correction: store it, then store the article again so the correction shows at once."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select

from ..doc import Article
from ..store.db import Store
from ..store.schema import articles
from .corrections import Correction, load_corrections, save_correction
from .fixes import save_corrected
from .refresh import refresh_record


def stored_article(conn: Connection, article_id: str) -> tuple[Article, bool]:
    row = conn.execute(select(articles.c.record, articles.c.analysed).where(articles.c.id == article_id)).first()
    if row is None:
        raise KeyError(f"no stored article {article_id!r}")
    return Article.from_json(json.loads(row.record)), bool(row.analysed)


def correct(store: Store, article_id: str, kind: str, action: str, start: int, end: int, /,
            author: str | None = None, **fields: Any) -> Correction:
    """Record a person's correction of the span `start:end` of a stored article and apply it."""
    with store.write() as conn:
        doc, analysed = stored_article(conn, article_id)
        correction = Correction.on(doc, kind, action, start, end, author, **fields)
        correction = replace(correction, id=save_correction(conn, correction))
        save_corrected(conn, doc, analysed=analysed)  # every correction, this one too
    refresh_record(store)
    return correction


def corrections_list(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [c.to_json() for c in load_corrections(conn, article_id)]
