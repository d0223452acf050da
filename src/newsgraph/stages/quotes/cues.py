"""What signals reported speech, as lemmas (cues.tsv), so every tense, aspect, gender and number matches.

Verbs are grouped by what must follow them before a sentence counts as reported
speech. No verb counts on its own: `отметил` also means "celebrated" and `признал`
"recognised", so every rule asks for a clause (`, что …`), a colon, a quote, `о …`,
an infinitive, or an attribution closing the sentence (`…, отметил он`).
"""

from __future__ import annotations

from pathlib import Path

from ..word_lists import word_sets

_CUES = word_sets(Path(__file__).with_name("cues.tsv"), (
    "say", "think", "stance", "about", "infinitive", "express", "expressed", "medium", "according",
    "document_verb", "document", "continues", "naming", "relay", "that", "about_preposition", "designator",
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
NAMING_VERBS = _CUES["naming"]
RELAY_VERBS = _CUES["relay"]
THAT = _CUES["that"]
ABOUT = _CUES["about_preposition"]
DESIGNATORS = _CUES["designator"]
INTERVIEW_WORDS = _CUES["interview"]


def is_speech_lemma(lemma: str) -> bool:
    return lemma in SAY_VERBS or lemma in THINK_VERBS or lemma in INFINITIVE_VERBS or lemma in EXPRESS_VERBS
