"""What signals reported speech, as lemmas (cues.tsv), so every tense, aspect, gender and number matches.

Verbs are grouped by what must follow them before a sentence counts as reported
speech. No verb counts on its own: `отметил` also means "celebrated" and `признал`
"recognised", so every rule asks for a clause (`, что …`), a colon, a quote, `о …`,
an infinitive, or an attribution closing the sentence (`…, отметил он`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..word_lists import word_sets

_CUES = word_sets(Path(__file__).with_name("cues.tsv"), (
    "say", "think", "stance", "about", "infinitive", "express", "expressed", "medium", "according",
    "document_verb", "document", "continues", "naming", "relay", "that", "about_preposition", "designator", "phrase", "object", "request", "negated", "on_object", "indicate", "thing_pronoun",
    "interview",
))
SAY_VERBS = _CUES["say"]
THINK_VERBS = _CUES["think"]
STANCE_ADJECTIVES = _CUES["stance"]
ABOUT_VERBS = _CUES["about"]
INFINITIVE_VERBS = _CUES["infinitive"]
EXPRESS_VERBS = _CUES["express"]
EXPRESSED_NOUNS = _CUES["expressed"]
MEDIUM_VERBS = _CUES["medium"]
ACCORDING_NOUNS = _CUES["according"]
DOCUMENT_VERBS = _CUES["document_verb"]
DOCUMENT_NOUNS = _CUES["document"]
CONTINUATION_OPENERS = _CUES["continues"]
# a sentence's opening words (lowercased) that go on from the sentence before: `Во-вторых, …`, `А это …`
OPENER = re.compile(r"(?:%s)(?=[\s,])" % "|".join(sorted(map(re.escape, CONTINUATION_OPENERS), key=len, reverse=True)))
NAMING_VERBS = _CUES["naming"]
RELAY_VERBS = _CUES["relay"]
THAT = _CUES["that"]
ABOUT = _CUES["about_preposition"]
DESIGNATORS = _CUES["designator"]
OBJECT_VERBS = _CUES["object"]
REQUEST_NOUNS = _CUES["request"]
NEGATED_VERBS = _CUES["negated"]
ON_VERBS = _CUES["on_object"]
INDICATE_VERBS = _CUES["indicate"]
THING_PRONOUNS = _CUES["thing_pronoun"]


def by_first_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as lemma tuples keyed by their first lemma, so a rule looks up only those of the word it stands on."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in sorted(phrases):
        words = tuple(phrase.split())
        found[words[0]] = found.get(words[0], ()) + (words,)
    return found


PHRASES = by_first_word(_CUES["phrase"])
INTERVIEW_WORDS = _CUES["interview"]


def is_speech_lemma(lemma: str) -> bool:
    return lemma in SAY_VERBS or lemma in THINK_VERBS or lemma in INFINITIVE_VERBS or lemma in EXPRESS_VERBS
