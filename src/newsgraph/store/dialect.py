"""The few things SQLite and PostgreSQL spell differently: full-text matching and date periods.

SQLite's FTS5 does not stem Russian, so a query word is cut to a stem-like prefix
(«санкций» → `санкц*`, which also finds «санкции», «санкциями»); PostgreSQL stems with its
`russian` configuration. Both paths take the user's words as bound parameters, never as SQL.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Select, column, func, literal_column, select, text
from sqlalchemy.sql.elements import TextClause

from .schema import articles, quotes

ENDINGS = "аеёиоуыэюяйь"
MIN_STEM = 4
SNIPPET_WORDS = 16


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


def period(column: ColumnElement, conn: Connection, granularity: str = "month") -> ColumnElement:
    """A date column truncated to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' text."""
    formats = {"year": ("%Y", "YYYY"), "month": ("%Y-%m", "YYYY-MM"), "day": ("%Y-%m-%d", "YYYY-MM-DD")}
    if granularity not in formats:
        raise ValueError(f"granularity must be one of {sorted(formats)}, got {granularity!r}")
    sqlite_format, postgres_format = formats[granularity]
    if conn.dialect.name == "postgresql":
        return func.to_char(column, postgres_format)
    return func.strftime(sqlite_format, column)


def matching_articles(conn: Connection, query: str) -> Select:
    """(article id, snippet, rank) of articles whose title or text matches, best first."""
    if conn.dialect.name == "postgresql":
        document = func.to_tsvector(literal_column("'russian'"), func.coalesce(articles.c.title, "") + " " + articles.c.text)
        tsquery = func.websearch_to_tsquery(literal_column("'russian'"), query)
        headline = func.ts_headline(literal_column("'russian'"), articles.c.text, tsquery, _headline_options())
        return select(
            articles.c.id.label("article_id"), headline.label("snippet"), (-func.ts_rank(document, tsquery)).label("rank")
        ).where(document.op("@@")(tsquery))
    fts = text(
        "SELECT articles.id AS article_id, snippet(articles_fts, -1, '[', ']', '…', :words) AS snippet, "
        "articles_fts.rank AS rank FROM articles_fts JOIN articles ON articles.num = articles_fts.rowid "
        "WHERE articles_fts MATCH :match"
    ).bindparams(words=SNIPPET_WORDS, match=fts_prefixes(query))
    return _as_select(fts, "article_id", "snippet", "rank")


def matching_quotes(conn: Connection, query: str) -> Select:
    """(quote id, rank) of quotes whose text matches, best first."""
    if conn.dialect.name == "postgresql":
        document = func.to_tsvector(literal_column("'russian'"), quotes.c.text)
        tsquery = func.websearch_to_tsquery(literal_column("'russian'"), query)
        return select(quotes.c.id.label("quote_id"), (-func.ts_rank(document, tsquery)).label("rank")).where(
            document.op("@@")(tsquery)
        )
    fts = text(
        "SELECT quotes.id AS quote_id, quotes_fts.rank AS rank FROM quotes_fts "
        "JOIN quotes ON quotes.num = quotes_fts.rowid WHERE quotes_fts MATCH :match"
    ).bindparams(match=fts_prefixes(query))
    return _as_select(fts, "quote_id", "rank")


def _headline_options() -> str:
    return f"StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"


def _as_select(statement: TextClause, *names: str) -> Select:
    sub = statement.columns(*(column(n) for n in names)).subquery()
    return select(*sub.c)
