"""Lookup keys for names: lower-cased dictionary forms, so every inflection of a name finds it.

The same function runs on both sides (KB aliases when the index is built, mentions when
linking), so `Франции`, `Францию` and `Франция` share the key `франция` without storing
inflected forms. Capitalised words prefer a proper-name analysis (`Путина` → `путин`,
not the common noun `путина`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..nlp import parses

WORD = re.compile(r"\w+(?:[-‑]\w+)*")
# Patronymics, as written or lemmatized (`Николаевна`, `николаевич`, `Гейдар оглы`)
PATRONYMIC = re.compile(r"(вич|вна|ична|оглы|кызы)$")
PROPER_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}


def words(text: str) -> list[str]:
    return WORD.findall(text.replace("ё", "е").replace("Ё", "Е"))


def word_lemma(word: str) -> str:
    """The dictionary form of one word out of context; Latin words, digits and abbreviations
    stay as they are (`ИСУ` is no form of `Иса`)."""
    return word_lemmas(word)[0]


@lru_cache(maxsize=100_000)
def word_lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms the likeliest readings give, first one first: `большая` is as likely
    `больший` as `большой`, so a name with it is found under both."""
    lower = word.lower()
    if not re.search("[а-я]", lower) or (len(word) > 1 and word.isupper()):
        return (lower,)
    analyses = parses(lower)
    if not analyses:
        return (lower,)
    if word[:1].isupper():
        proper = [p for p in analyses if PROPER_TAGS & set(p.tag.grammemes)]
        if proper:
            return (proper[0].normal_form.replace("ё", "е"),)
    best = [p.normal_form.replace("ё", "е") for p in analyses if p.score == analyses[0].score]
    return tuple(dict.fromkeys(best))


# Names whose keys are kept: linking, bodies and the KB ask for the same few thousand names of an article
# (every lower-case noun is asked about as a body) again and again.
KEY_CACHE = 50_000


@lru_cache(maxsize=KEY_CACHE)
def surface_key(text: str) -> str:
    """The name as written, lower-cased, punctuation dropped: `«Газпром»` → `газпром`."""
    return " ".join(w.lower() for w in words(text))


@lru_cache(maxsize=KEY_CACHE)
def lemma_key(text: str) -> str:
    """Every word in its dictionary form: `министра иностранных дел` → `министр иностранный дело`."""
    return " ".join(word_lemma(w) for w in words(text))


def name_keys(text: str) -> set[str]:
    """The keys a name is found under: as written and lemmatized (in each of the likeliest
    readings of its first ambiguous word, `Большая двадцатка` → `больший …` and `большой …`)."""
    parts = words(text)
    keys = {surface_key(text), lemma_key(text)}
    for k, part in enumerate(parts):
        readings = word_lemmas(part)
        if len(readings) > 1:
            lemmas = [word_lemma(w) for w in parts]
            keys |= {" ".join(lemmas[:k] + [reading] + lemmas[k + 1 :]) for reading in readings}
            break
    return {k for k in keys if k}


CASE_ENDINGS = (("ом", ""), ("ем", ""), ("ой", "а"), ("у", ""), ("у", "а"), ("ю", "я"), ("а", ""), ("я", "й"), ("ы", "а"), ("е", ""), ("е", "а"))


def query_keys(text: str) -> set[str]:
    """Keys for a name typed by a user: also the last word's case ending undone when the
    dictionary does not know the word (`Шольца` → `шольц`), as news inflects foreign surnames."""
    parts = [w.lower() for w in words(text)]
    if not parts or any(p.is_known for p in parses(parts[-1])):
        return name_keys(text)
    return name_keys(text) | uninflected_keys(text)


def uninflected_keys(text: str) -> set[str]:
    """The name with its last word's case ending undone every way it may have been added
    (`Ким Чен Ына` → `ким чен ын`, …); most are no names, so callers check them against labels."""
    parts = [w.lower() for w in words(text)]
    if not parts:
        return set()
    head, last = parts[:-1], parts[-1]
    return {
        " ".join(head + [last[: -len(ending)] + replacement])
        for ending, replacement in CASE_ENDINGS
        if last.endswith(ending) and len(last) > len(ending) + 1
    }
