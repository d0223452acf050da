"""Cue-less continuations: the sentence after reported speech that still carries the same person's words.

News reports go on in the speaker's voice after one attribution (`Силуанов заявил, что …
Во-вторых, бюджет …`). A reader takes the next sentence of the same paragraph as the same
person's words when it opens as a step in their argument (`Во-вторых`, `Кроме того`, `К примеру`:
the `continues` set of cues.tsv) and has no attribution or quoted speech of its own. Without
such an opener the next sentence is as often the author's narration, so it is left alone, and so is
a sentence whose subject is a person told about (`При этом он перечислил …`, `При этом глава края сослался …`).
"""

from __future__ import annotations

from .cues import ACCORDING_NOUNS, OPENER, is_speech_lemma
from .direct import Candidate
from .clauses import is_verb, own_sentence, trim
from .marks import words
from .speaker_words import PRONOUNS
from ..speaker_roles import ROLE_NOUNS
from ..segment import paragraph_break
from ..token_index import TokenIndex

CONTINUED_RULES = frozenset({
    "indirect.that", "indirect.colon", "indirect.according", "indirect.as_said", "indirect.parenthetical",
    "indirect.trailing", "indirect.continued",
})
MIN_WORDS = 4
QUOTE_MARKS = frozenset('«»"„“”')


def continuations(index: TokenIndex, found: list[Candidate], claimed: set[int]) -> list[Candidate]:
    """One `indirect.continued` candidate for each sentence that goes on in the voice of the one before."""
    result: list[Candidate] = []
    taken = sorted(found, key=lambda c: c.start)
    for candidate in taken:
        current = candidate
        while current.rule in CONTINUED_RULES:
            following = next_sentence(index, current, taken + result, claimed)
            if following is None:
                break
            result.append(following)
            current = following
    return result


def next_sentence(index: TokenIndex, quote: Candidate, taken: list[Candidate], claimed: set[int]) -> Candidate | None:
    last = index.token_at(max(quote.end - 1, quote.start))
    if last is None:
        return None
    sentence = own_sentence(index, last)
    rest = index.doc.text[quote.end : index.tokens[sentence.stop - 1].end].strip(" .!?…»\"")
    if rest and quote.rule != "indirect.trailing" or sentence.stop >= len(index.tokens):
        return None  # the sentence goes on in the author's voice (after `…, отметил он.` the speaker's own goes on)
    if paragraph_break(index.doc.text, index.tokens[sentence.stop - 1].end, index.tokens[sentence.stop].start):
        return None
    following = own_sentence(index, sentence.stop)
    start, end = trim(index.doc.text, index.tokens[following.start].start, index.tokens[following.stop - 1].end)
    if not speaker_voice(index, following, start, end) or set(following) & claimed:
        return None
    if any(c.start < end and start < c.end for c in taken):
        return None
    return Candidate(start, end, "indirect", "indirect.continued")


def speaker_voice(index: TokenIndex, sentence: range, start: int, end: int) -> bool:
    """Opens as a further step of an argument, with no attribution of its own and no quotation marks."""
    content = index.doc.text[start:end]
    if len(words(content)) < MIN_WORDS or QUOTE_MARKS & set(content) or content[:1] in "—–-(":
        return False
    if not OPENER.match(content.lower()):
        return False
    if told_about_person(index, sentence):
        return False
    return not any(is_verb(index, j) and is_speech_lemma(index.lemma(j)) for j in sentence) and not any(
        index.lemma(j) in {"по", "согласно"} and index.lemma(j + 1) in ACCORDING_NOUNS for j in sentence if j + 1 < len(index.tokens)
    )


def told_about_person(index: TokenIndex, sentence: range) -> bool:
    """`При этом он перечислил …`, `При этом глава края сослался …`: a person (a pronoun or a role) in the nominative
    before the first verb is the sentence's subject, so the author tells what someone did. Continuations are not
    parsed, so the case and the order stand for the subject."""
    for j in sentence:
        if is_verb(index, j):
            return False
        if index.tokens[j].feat("Case") == "Nom" and (index.lemma(j) in PRONOUNS or index.lemma(j) in ROLE_NOUNS):
            return True
    return False
