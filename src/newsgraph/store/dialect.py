"""The one thing SQLite and PostgreSQL spell differently: full-text matching.

SQLite's FTS5 does not stem Russian, so a query word is cut to a stem-like prefix
(«санкций» → `санкц*`, which also finds «санкции», «санкциями»); PostgreSQL stems with its
`russian` configuration, into a stored `search_fts` column on articles and quotes. Both paths take the user's words as bound parameters, never as SQL.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Select, bindparam, column, func, literal_column, select, text
from sqlalchemy.sql.elements import TextClause

from .schema import articles, quotes

ENDINGS = "аеёиоуыэюяйь"
MIN_STEM = 4
SNIPPET_WORDS = 16
RUSSIAN = literal_column("'russian'")


def fts_prefixes(query: str) -> str:
    """An FTS5 query: every word must occur, matched by its stem-like prefix."""
    terms = []
    for word in re.findall(r"\w+", query.lower().replace("ё", "е")):
        stem = word
        for _ in range(2):
            if len(stem) > MIN_STEM and stem[-1] in ENDINGS:
                stem = stem[:-1]
        terms.append(f'"{stem}"*')
    return " ".join(terms)


def matching_articles(conn: Connection, query: str) -> Select:
    """(article num, rank) of the articles whose title or text matches, lower rank first."""
    if conn.dialect.name == "postgresql":
        document = literal_column("articles.search_fts")  # a stored tsvector of title and text (revision 0008)
        tsquery = func.websearch_to_tsquery(RUSSIAN, query)
        return select(articles.c.num, (-func.ts_rank(document, tsquery)).label("rank")).where(
            document.op("@@")(tsquery)
        )
    fts = text("SELECT rowid AS num, rank FROM articles_fts WHERE articles_fts MATCH :match")
    return _as_select(fts.bindparams(match=fts_prefixes(query)), "num", "rank")


def snippets(conn: Connection, query: str, article_ids: list[str]) -> dict[str, str]:
    """A passage of each article around the matched words, [bracketed]; only for the page shown."""
    if not article_ids:
        return {}
    if conn.dialect.name == "postgresql":
        tsquery = func.websearch_to_tsquery(RUSSIAN, query)
        options = f"StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
        statement = select(articles.c.id, func.ts_headline(RUSSIAN, articles.c.text, tsquery, options)).where(
            articles.c.id.in_(article_ids)
        )
    else:
        statement = text(
            "SELECT articles.id, snippet(articles_fts, -1, '[', ']', '…', :words) FROM articles_fts "
            "JOIN articles ON articles.num = articles_fts.rowid WHERE articles_fts MATCH :match "
            "AND articles_fts.rowid IN (SELECT num FROM articles WHERE id IN :ids)"
        ).bindparams(bindparam("ids", expanding=True), words=SNIPPET_WORDS, match=fts_prefixes(query), ids=article_ids)
    return dict(conn.execute(statement).all())


def matching_quotes(conn: Connection, query: str) -> Select:
    """(quote num, rank) of the quotes whose text matches, lower rank first."""
    if conn.dialect.name == "postgresql":
        document = literal_column("quotes.search_fts")
        tsquery = func.websearch_to_tsquery(RUSSIAN, query)
        return select(quotes.c.num, (-func.ts_rank(document, tsquery)).label("rank")).where(
            document.op("@@")(tsquery)
        )
    fts = text("SELECT rowid AS num, rank FROM quotes_fts WHERE quotes_fts MATCH :match")
    return _as_select(fts.bindparams(match=fts_prefixes(query)), "num", "rank")


def _as_select(statement: TextClause, *names: str) -> Select:
    sub = statement.columns(*(column(n) for n in names)).subquery()
    return select(*sub.c)
