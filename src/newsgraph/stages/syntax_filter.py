"""Which sentences the dependency parser must see: those in which a later stage reads the parse.

Parsing is a costly model step, and only quote attribution (the subject of a speech verb,
`по словам X`) and event participants (the arguments of a trigger) read it, so a sentence
with no speech cue, event trigger, quotation mark or speech dash goes unparsed. On 124
articles (ours, NEREL and factRuEval dev) this parses 56–84% of sentences and leaves events
and entities unchanged, and 400 of 402 quotes (speakers resolved from context can read the
subjects of earlier sentences, which may now be unparsed).
"""

from __future__ import annotations

from ..doc import Article
from .events.lexicon import NOUNS, PAIRS, VERBS
from .quotes.cues import (
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
    SAY_VERBS | THINK_VERBS | INFINITIVE_VERBS | EXPRESS_VERBS | STANCE_ADJECTIVES | MEDIUM_VERBS | DOCUMENT_VERBS
)
# The events stage reads a lexicon verb only as a verb (or a short adjective) and a noun only as a noun.
EVENT_VERBS = frozenset(VERBS)
EVENT_NOUNS = frozenset(NOUNS)
PAIR_HEADS = frozenset(head for head, _ in PAIRS)
QUOTE_MARKS = frozenset("«»„“”\"")
SPEECH_DASHES = frozenset("—–-")


def is_cue(doc: Article, i: int) -> bool:
    """A word the quotes or events stage starts from (`по словам` counts, a bare `слово` not)."""
    token = doc.tokens[i]
    lemma = token.lemma
    return (
        lemma in SPEECH_LEMMAS
        or lemma in PAIR_HEADS
        or (lemma in EVENT_VERBS and token.pos in {"VERB", "ADJ"})
        or (lemma in EVENT_NOUNS and token.pos in {"NOUN", "PROPN"})
        or (lemma in ACCORDING_NOUNS and i > 0 and doc.tokens[i - 1].lemma == "по")
    )


def needs_syntax(doc: Article, token_ids: list[int]) -> bool:
    """True for a sentence with a speech or event cue, a quotation mark, or a leading dash."""
    if doc.span_text(doc.tokens[token_ids[0]]) in SPEECH_DASHES:
        return True
    return any(doc.text[doc.tokens[i].start] in QUOTE_MARKS or is_cue(doc, i) for i in token_ids)
