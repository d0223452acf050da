"""Which articles the Russian pipeline can analyse: language identification with py3langid.

Non-Russian articles are still stored, with `Article.language` set, but skipped by analysis
until other languages are supported; `needs_analysis` is the one test every caller uses.
"""

from __future__ import annotations

from dataclasses import replace

import py3langid

from ..doc import Article

ANALYSED_LANGUAGES = frozenset({"ru"})
SAMPLE_CHARS = 2000


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text (its first couple of thousand characters suffice)."""
    language, _score = py3langid.classify(text[:SAMPLE_CHARS])
    return language


def with_language(article: Article) -> Article:
    return replace(article, language=detect_language(article.text))


def needs_analysis(article: Article) -> bool:
    """Whether to run the pipeline on the article: only languages it is built for."""
    return (article.language or "ru") in ANALYSED_LANGUAGES
