"""Which sentences the dependency parser must see: those in which a later stage reads the parse.

Parsing is the costliest model step, and only quote attribution (the subject of a
speech verb, `по словам X`) and event participants (the arguments of a trigger) read
it, so a sentence with no speech cue, event trigger, quotation mark or speech dash
goes unparsed. Mention normalization does without a parse (its rules fall back to
the first noun), which on NEREL dev changed 8 of 719 mentions, all for the better.
"""

from __future__ import annotations

from ..doc import Article
from .plover_lexicon import NOUNS, PAIRS, VERBS
from .speech_verbs import (
    ACCORDING_NOUNS,
    DOCUMENT_VERBS,
    EXPRESS_VERBS,
    INFINITIVE_VERBS,
    MEDIUM_VERBS,
    SAY_VERBS,
    STANCE_ADJECTIVES,
    THINK_VERBS,
)

SPEECH_LEMMAS = (
    SAY_VERBS | THINK_VERBS | INFINITIVE_VERBS | EXPRESS_VERBS | STANCE_ADJECTIVES
    | MEDIUM_VERBS | ACCORDING_NOUNS | DOCUMENT_VERBS
)
EVENT_LEMMAS = frozenset(VERBS) | frozenset(NOUNS) | frozenset(word for pair in PAIRS for word in pair)
CUE_LEMMAS = SPEECH_LEMMAS | EVENT_LEMMAS
QUOTE_MARKS = frozenset("«»„“”\"")
SPEECH_DASHES = frozenset("—–-")


def needs_syntax(doc: Article, token_ids: list[int]) -> bool:
    """True for a sentence with a speech or event cue, a quotation mark, or a leading dash."""
    if doc.span_text(doc.tokens[token_ids[0]]) in SPEECH_DASHES:
        return True
    for i in token_ids:
        token = doc.tokens[i]
        if token.lemma in CUE_LEMMAS or doc.text[token.start] in QUOTE_MARKS:
            return True
    return False
