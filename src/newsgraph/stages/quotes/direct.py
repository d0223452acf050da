"""Direct speech: quoted text (or a dialogue-dash paragraph) and where its attribution sits.

Each rule looks at one quoted span and returns a `Candidate` or None:
`Макрон заявил: «…»` (colon before), `«…», — заявил Макрон` (dash after, also with a
plain hyphen or no dash), `«…, — сказал он, — …»` (attribution inside), and a quote
standing as a sentence of its own with no attribution (it continues a speaker's
words). Anything else in quotation marks (names, titles, scare quotes) is no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...doc import coarse_type
from .marks import QuotedSpan, words
from .cues import DOCUMENT_VERBS, MEDIUM_VERBS, is_speech_lemma
from .speaker_words import QUOTING
from ..token_index import DASHES, TokenIndex

AFTER_QUOTE_PUNCT = frozenset({",", "!", "?", "…", ".", "—", "–", "-"})
SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!.."})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quote found by a rule, before its speaker is resolved: a verb `cue` or a speaker `head` token."""

    start: int
    end: int
    kind: str
    rule: str
    cue: int | None = None
    head: int | None = None
    cue_tokens: tuple[int, int] | None = None  # first and last token of a cue phrase (`по словам`)


def is_cue_verb(index: TokenIndex, i: int) -> bool:
    lemma = index.lemma(i)
    return index.tokens[i].pos in {"VERB", "AUX", "ADJ"} and (
        is_speech_lemma(lemma) or lemma in DOCUMENT_VERBS or lemma in MEDIUM_VERBS or lemma in QUOTING
    )


def cue_within(index: TokenIndex, first: int, limit: int) -> int | None:
    """A speech verb among the next `limit` words from `first`, before the sentence ends."""
    for i in range(first, min(first + limit, len(index.tokens))):
        if index.text(i) in SENTENCE_END or index.text(i) in {"«", "»", '"'}:
            return None
        if is_cue_verb(index, i):
            return i
    return None


COLON_REACH = 40  # tokens back from a colon to the speech verb of its sentence


def colon_before(index: TokenIndex, span: QuotedSpan) -> Candidate | None:
    """`Макрон заявил журналистам: «…»`, `Хэнкок поздравил пару в Twitter: «…»` (a person's verb), or `Песков: «…»`."""
    before = index.doc.text[: span.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = index.token_at(len(before) - 1)
    if colon is None:
        return None
    first = index.sentence_of(colon).start
    # `подчеркнул, что у компании есть шанс …: «…»`: the sentence's speech verb, however long its clause
    i = colon - 1
    while i >= max(first, colon - COLON_REACH):
        if index.text(i) == "»" and (opening := short_name_start(index, i)) is not None:
            i = opening - 1  # `Как заявила обозревателю «НГ» Арутюнова, …: «…»`: a name in marks, not a quote
            continue
        if index.text(i) in SENTENCE_END or index.text(i) in {"»", '"'}:
            break
        if is_cue_verb(index, i):
            return Candidate(span.start, span.end, "direct", "quote.colon_before", cue=i)
        i -= 1
    for i in range(colon - 1, max(first, colon - 12) - 1, -1):
        if index.tokens[i].pos == "VERB" and index.tokens[i].feat("VerbForm") == "Fin" and animate_subject(index, i):
            return Candidate(span.start, span.end, "direct", "quote.colon_verb", cue=i)
    entity = index.entity_at(colon - 1) if colon > 0 else None
    if entity is not None and coarse_type(entity.type) in {"PER", "ORG"}:
        return Candidate(span.start, span.end, "direct", "quote.colon_name", head=colon - 1)
    return None


def short_name_start(index: TokenIndex, close: int) -> int | None:
    """The « of a name of at most NAME_WORDS words that ends at the » token `close`."""
    for j in range(close - 1, max(-1, close - NAME_WORDS - 2), -1):
        if index.text(j) == "«":
            return j
    return None


def animate_subject(index: TokenIndex, verb: int) -> bool:
    """The verb has a person for its subject (`Хэнкок поздравил`), unlike `Фильм называется: «…»`."""
    return any(
        index.tokens[c].rel == "nsubj" and (index.tokens[c].feat("Animacy") == "Anim" or index.tokens[c].pos == "PRON")
        for c in index.children.get(verb, [])
    )


def dash_after(index: TokenIndex, span: QuotedSpan) -> Candidate | None:
    """`«…», — заявил Макрон`, `«…», - сказал он`, `«…», заявил он`, `«…», — говорится в заявлении`."""
    if name_in_sentence(index.doc.text, span):
        return None  # `милицию «Хезболлах», пишет NBC News`: the attribution is of the whole sentence
    i = index.token_at(span.close + 1)
    if i is None or index.tokens[i].start > span.close + 4:
        return None
    marks = []
    while i < len(index.tokens) and index.text(i) in AFTER_QUOTE_PUNCT and len(marks) < 3:
        marks.append(index.text(i))
        i += 1
    dashed = bool(DASHES & set(marks))
    if not marks or (marks[-1] == "." and not dashed):
        return None
    cue = cue_within(index, i, DASH_CUE_REACH)
    if cue is None or not dashed and index.tokens[cue].feat("VerbForm") != "Fin":
        return None  # `соблюдать «режим самоизоляции», признав …` names a term, it quotes nobody
    return Candidate(span.start, span.end, "direct", "quote.dash_after", cue=cue)


DASH_CUE_REACH = 5  # words from the closing mark to the verb: `«…», – уже в который раз повторил Путин`
NAME_WORDS = 3  # a quoted span this short after a word of the sentence is a name, not speech


def name_in_sentence(text: str, span: QuotedSpan) -> bool:
    """A few quoted words that a sentence's word leads into (`ледоколе «Хили»`, `помимо «МегаФона»`)."""
    before = text[: span.open].rstrip(" ")
    return bool(before) and before[-1].isalnum() and len(words(text[span.start : span.end])) <= NAME_WORDS


def around(index: TokenIndex, span: QuotedSpan) -> Candidate | None:
    """`«…, — сказал он, — …»`: the attribution interrupts one quote, which stays one quote."""
    inside = index.tokens_in(span.start, span.end)
    for i in inside:
        if index.text(i) in DASHES and i > inside.start and index.text(i - 1) in AFTER_QUOTE_PUNCT - DASHES:
            cue = cue_within(index, i + 1, 3)
            if cue is None:
                continue
            for j in range(cue + 1, inside.stop - 1):
                if index.text(j) in DASHES and index.text(j - 1) in {",", "."}:
                    return Candidate(span.start, span.end, "direct", "quote.around", cue=cue)
    return None


def stands_alone(index: TokenIndex, span: QuotedSpan) -> Candidate | None:
    """A whole sentence in quotes with no attribution: the words of whoever spoke last."""
    content = index.doc.text[span.start : span.end].strip()
    ids = index.tokens_in(span.start, span.end)
    if len(ids) < 3 or not content[:1].isupper():
        return None
    first = index.token_at(span.open)
    sentence = index.sentence_of(first) if first is not None else range(0)
    opener = index.tokens_in(index.tokens[sentence.start].start, span.open) if sentence else range(0)
    if any(index.text(i) not in {"—", "–", "-", ":", "«"} for i in opener):
        return None
    # a predicate: a verb, a short form, or the `это`/dash of a nominal sentence (`«Это вертикальный лифт»`)
    has_verb = any(index.tokens[i].pos in {"VERB", "AUX"} or index.tokens[i].feat("Variant") == "Short"
                   or index.lemma(i) == "это" or index.text(i) in DASHES and i > ids.start for i in ids)
    ends = content[-1:] in ".!?…" or after_is_sentence_end(index.doc.text, span.close)
    if not (has_verb and ends):
        return None
    return Candidate(span.start, span.end, "direct", "quote.stands_alone")


def after_is_sentence_end(text: str, close: int) -> bool:
    rest = text[close + 1 :].lstrip(" ")
    return not rest or rest[0] in ".!?…\n"


DIRECT_RULES = (around, colon_before, dash_after, stands_alone)


def direct_quote(index: TokenIndex, span: QuotedSpan) -> Candidate | None:
    for rule in DIRECT_RULES:
        found = rule(index, span)
        if found is not None:
            return found
    return None


def dialogue_dashes(index: TokenIndex) -> list[Candidate]:
    """`— Мы не допустим эскалации, — сказал Песков. — …`: a paragraph opening with a dash."""
    found = []
    text = index.doc.text
    offset = 0
    for paragraph in text.split("\n"):
        start = offset + len(paragraph) - len(paragraph.lstrip())
        offset += len(paragraph) + 1
        if text[start : start + 1] not in DASHES or text[start + 1 : start + 2] not in {" ", "\u00a0"}:
            continue
        ids = index.tokens_in(start + 2, offset - 1)
        for i in ids:
            if index.text(i) in DASHES and i - 1 > ids.start and index.text(i - 1) in AFTER_QUOTE_PUNCT - DASHES:
                cue = cue_within(index, i + 1, 3)
                if cue is None:
                    continue
                end = index.tokens[i - 1].start if index.text(i - 1) == "," else index.tokens[i - 1].end
                more = [j for j in range(cue + 1, ids.stop) if index.text(j) in DASHES and index.text(j - 1) in {",", "."}]
                if more:
                    end = index.tokens[ids.stop - 1].end
                found.append(Candidate(index.tokens[ids.start].start, end, "direct", "quote.dialogue_dash", cue=cue))
                break
    return found


def colon_paragraphs(index: TokenIndex) -> list[Candidate]:
    """`Мэр написал в Telegram:` and the next paragraph with no marks (a post or a statement set off as a block):
    that paragraph is the speaker's own words, as a quotation after the colon would be."""
    found = []
    text = index.doc.text
    for match in re.finditer(r":[ \t\u00a0]*\n\s*", text):
        start = match.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        words_end = len(text[start:end].rstrip().rstrip("."))
        if words_end < 3 or not text[start].isupper():
            continue  # a list, a dash dialogue or a quotation in marks has rules of its own
        block = QuotedSpan(match.start() + 1, start + words_end)  # `colon_before` reads what stands before `open`
        quote = colon_before(index, block)
        if quote is not None and quote.rule == "quote.colon_before":
            found.append(Candidate(start, start + words_end, "direct", "quote.colon_paragraph", cue=quote.cue))
    return found
