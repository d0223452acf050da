"""Which articles the Russian pipeline can analyse: language identification with py3langid.

Non-Russian articles are still stored, with `Article.language` set, but skipped by analysis
until other languages are supported; `needs_analysis` is the one test every caller uses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..doc import Article

ANALYSED_LANGUAGES = frozenset({"ru"})
SAMPLE_CHARS = 2000
MIN_CONFIDENCE = 0.8
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")


@cache
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text (its first couple of thousand characters suffice).

    A headline-length Russian text is often scored as Uzbek, Tatar or Belarusian with low
    confidence; an unsure verdict on mostly Cyrillic text therefore means Russian, the
    language of the news this tool is for, rather than skipping the article.
    """
    sample = text[:SAMPLE_CHARS]
    language, confidence = identifier().classify(sample)
    if confidence < MIN_CONFIDENCE and _mostly_cyrillic(sample):
        return "ru"
    return language


def _mostly_cyrillic(text: str) -> bool:
    letters = len(LETTER.findall(text))
    return letters > 0 and len(CYRILLIC.findall(text)) > letters / 2


def with_language(article: Article) -> Article:
    return replace(article, language=detect_language(article.text))


def needs_analysis(article: Article) -> bool:
    """Whether to run the pipeline on the article: only languages it is built for."""
    return (article.language or "ru") in ANALYSED_LANGUAGES
