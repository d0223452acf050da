"""The quotes stage: every statement the article attributes to someone, with its speaker.

Direct speech rules (`direct`) claim quoted spans and dialogue-dash paragraphs
first; indirect rules (`indirect`) then read the remaining cues. A quoted
fragment inside a reported clause makes that clause one `mixed` quote; a fragment
after a speech verb with no clause of its own (`назвал решение «ошибкой»`) becomes a
mixed quote too; an opinion verb inside reported content is part of that content.
Names, titles and scare quotes in quotation marks, headlines and narration yield
nothing. Speakers come from `speakers.SpeakerResolver`; a quote's
`source` is its rule and the speaker rule, joined by "+".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...doc import Article, Quote
from ..base import BatchStage
from ..teasers import teasers
from .direct import Candidate, colon_paragraphs, dialogue_dashes, direct_quote
from .clauses import clause_stop, trim
from .indirect import about_this, indirect_quotes
from .marks import QuotedSpan, pair_quotes, words
from .attribution import NOBODY, Attribution
from .speakers import SpeakerResolver
from .continuations import continuations
from .interviews import interview_answers
from .via import credit_via
from .cues import DESIGNATORS, INFINITIVE_VERBS, NAMING_VERBS, SAY_VERBS, THINK_VERBS
from ..token_index import TokenIndex

HEADLINE_WORDS = 25
SENTENCE_INSIDE = re.compile(r"[а-яё]{2}[.!?…] [А-ЯЁ]")
SUBHEADING = re.compile(r"(?<=\n)[ \t]*«([^«»\n]+)»[ \t]*(?=\n\s*[A-ZА-ЯЁ])")  # not `«…»\n— заявил он`
SUBHEADING_WORDS = 8
CONTINUATION_SENTENCES = 3
FRAGMENT_REACH = 14  # words back from a quoted fragment to its verb: `назвал посещение островов министром обороны «…»`
FIRST_PERSON = frozenset({"я", "мы"})
RELATIVES = frozenset({"кто", "который"})
ASIDE_RULES = frozenset({"indirect.according", "indirect.as_said"})


class Quotes(BatchStage):
    name = "quotes"
    requires = frozenset({"entities", "syntax"})
    provides = frozenset({"quotes"})

    def annotate(self, doc: Article) -> Article:
        index = TokenIndex(doc)
        candidates = find_candidates(index)
        resolver = SpeakerResolver(doc, index)
        resolver.note_interviews()
        quotes = credit_via(doc.text, attribute(index, resolver, candidates), resolver)
        return resolver.with_entities(doc).with_layer("quotes", quotes)


def find_candidates(index: TokenIndex) -> list[Candidate]:
    unread = headline_tokens(index) | teaser_tokens(index) | subheading_tokens(index)
    direct: list[Candidate] = []
    fragments: list[QuotedSpan] = []
    for span in pair_quotes(index.doc.text):
        if set(index.tokens_in(span.start, span.end)) & unread:
            continue
        found = direct_quote(index, span)
        if found is not None:
            direct.append(found)
        else:
            fragments.append(span)
    direct += [d for d in dialogue_dashes(index) if not any(overlaps(d, o) for o in direct)]
    direct += [
        d for d in colon_paragraphs(index)
        if not any(overlaps(d, o) for o in direct) and not set(index.tokens_in(d.start, d.end)) & unread
    ]
    direct += interview_answers(index, direct)
    direct = [pointed_back_to(index, d) for d in direct]
    claimed = unread | {i for d in direct for i in index.tokens_in(d.start - 1, d.end + 1)}
    indirect = [c for c in indirect_quotes(index, claimed) if not any(overlaps(c, d) for d in direct)]
    indirect += nested_speech(index, direct, unread)
    indirect = without_nested_opinions(index, indirect)
    indirect = with_fragments(index, indirect, [f for f in fragments if speech_fragment(index, f)])
    indirect = without_overlaps(indirect)
    return sorted(direct + indirect + continuations(index, direct + indirect, claimed), key=lambda c: c.start)


NESTED_RULES = frozenset({"indirect.that", "indirect.colon", "indirect.about", "indirect.as_said", "indirect.according"})


def nested_speech(index: TokenIndex, direct: list[Candidate], unread: set[int]) -> list[Candidate]:
    """`«Сначала Кремль сказал, что …», — рассказывает NBC`: someone else's words reported inside a quotation."""
    cues = {d.cue for d in direct}
    found = []
    for outer in direct:
        for candidate in indirect_quotes(index, unread | cues, index.tokens_in(outer.start, outer.end)):
            if candidate.rule in NESTED_RULES and outer.start <= candidate.start and candidate.end <= outer.end and (
                candidate.cue is None or third_party_said(index, candidate.cue)
            ):
                found.append(replace(candidate, rule=f"nested.{candidate.rule}"))
    return found


def third_party_said(index: TokenIndex, cue: int) -> bool:
    """`Кремль сказал, что …` inside a quotation, not the speaker's own `я уверена, что …`, `я бы не сказал, что …`,
    nor `те, кто говорит о …`."""
    if index.lemma(cue) not in SAY_VERBS or any(index.lemma(c) == "не" for c in index.children.get(cue, [])):
        return False
    subjects = [c for c in index.children.get(cue, []) if index.tokens[c].rel.startswith("nsubj")]
    generic = cue > 0 and index.lemma(cue - 1) in RELATIVES  # `те, кто говорит о …`: whoever says it, not a report
    return not generic and not any(index.lemma(c) in FIRST_PERSON | RELATIVES for c in subjects) and not (
        not subjects and own_aside(index, cue)
    )


def own_aside(index: TokenIndex, cue: int) -> bool:
    """A cue with no subject of its own that is the quoted speaker's: `Я упомянула вас, когда говорила о …` (it hangs
    on a verb whose subject is `я`), `«Замечу, что …»` (a first person the tagger took for a converb, which hangs on
    nothing)."""
    token = index.tokens[cue]
    if token.feat("VerbForm") == "Conv" and token.rel == "root":
        return True
    head = token.head
    if token.rel not in {"advcl", "conj"} or head is None or head < 0:
        return False
    return any(index.tokens[c].rel.startswith("nsubj") and index.lemma(c) in FIRST_PERSON for c in index.children.get(head, []))


def pointed_back_to(index: TokenIndex, candidate: Candidate) -> Candidate:
    """`«…». Об этом говорится в резолюции съезда.`: a quote standing alone is the words the next sentence
    credits (ANNOTATION.md, back-references)."""
    last = index.token_at(candidate.end - 1)
    if candidate.rule != "quote.stands_alone" or last is None:
        return candidate
    following = index.tokens[last].sentence + 1
    if following >= len(index.sentence_ranges):
        return candidate
    for i in index.sentence_ranges[following]:
        found = about_this(index, i)
        if found is not None and found.start <= candidate.end and candidate.start <= found.end:
            return replace(candidate, rule="quote.pointed_back", cue=found.cue)
    return candidate


def with_fragments(index: TokenIndex, indirect: list[Candidate], fragments: list[QuotedSpan]) -> list[Candidate]:
    """Quoted fragments inside a reported clause make it `mixed`; fragments after a bare speech verb become mixed quotes."""
    result = []
    for candidate in indirect:
        whole = next((f for f in fragments if quotes_whole_clause(index.doc.text, candidate, f)), None)
        inside = any(candidate.start <= f.open and f.close < candidate.end + 1 for f in fragments)
        if whole is not None:  # `заявил, что «…»`: the clause is the speaker's own words
            result.append(replace(candidate, start=whole.start, end=whole.end, kind="direct"))
        else:
            result.append(replace(candidate, kind="mixed") if inside else candidate)
    for fragment in fragments:
        if any(c.start <= fragment.open < c.end for c in result):
            continue
        found = fragment_quote(index, fragment)
        if found is not None and not any(overlaps(found, c) for c in result):
            result.append(found)
    return result


def quotes_whole_clause(text: str, candidate: Candidate, fragment: QuotedSpan) -> bool:
    """The reported clause is one quoted span, give or take its final punctuation."""
    return (
        candidate.start <= fragment.open < fragment.close < candidate.end + 1
        and not text[candidate.start : fragment.open].strip()
        and not text[fragment.close + 1 : candidate.end].strip(" .,;!?…")
    )


def fragment_quote(index: TokenIndex, fragment: QuotedSpan) -> Candidate | None:
    """`назвал решение «грубой ошибкой»` (the quoted words), `пообещал «жесткий ответ»` (the clause after the verb)."""
    first = index.token_at(fragment.open)
    if first is None:
        return None
    sentence = index.sentence_of(first)
    for i in range(first - 1, max(sentence.start, first - FRAGMENT_REACH) - 1, -1):
        lemma = index.lemma(i)
        if index.text(i) in {".", ";", "»"}:
            return None
        if naming_verb(index, i):  # what was named and the words it was named with: `эпидемию «вызовом века»`
            return Candidate(index.tokens[i + 1].start, fragment.close + 1, "mixed", "quote.named_as", cue=i)
        if index.tokens[i].pos == "VERB" and lemma in INFINITIVE_VERBS:
            start, end = trim(index.doc.text, index.tokens[i + 1].start, clause_stop(index, i + 1))
            return Candidate(start, end, "mixed", "quote.fragment", cue=i) if end > start else None
    return None


def speech_fragment(index: TokenIndex, span: QuotedSpan) -> bool:
    """Someone's words rather than a name, a title or a scare-quoted term."""
    content = index.doc.text[span.start : span.end]
    count = len(words(content))
    first = index.token_at(span.open) or 0
    if count and any(naming_verb(index, i) for i in range(max(0, first - 4), first)):
        return True
    if not count or first > 0 and index.lemma(first - 1) in DESIGNATORS:
        return False
    if content[:1].isupper():
        return count >= 3 and any(index.tokens[i].pos == "VERB" for i in index.tokens_in(span.start, span.end))
    return count >= 2


def naming_verb(index: TokenIndex, i: int) -> bool:
    """`назвал …`, not the participle of `так называемый`."""
    token = index.tokens[i]
    return token.pos == "VERB" and token.feat("VerbForm") != "Part" and index.lemma(i) in NAMING_VERBS


def headline_tokens(index: TokenIndex) -> set[int]:
    """A short first line without final punctuation is a headline, never a quote."""
    text = index.doc.text
    first_line = text.lstrip().split("\n", 1)[0]
    if "\n" not in text.strip() or len(words(first_line)) > HEADLINE_WORDS:
        return set()
    if first_line.rstrip().rstrip("»\"“”").rstrip()[-1:] in {".", "!", "?", "…"} or SENTENCE_INSIDE.search(first_line):
        return set()  # a headline has no full stop, at its end or between sentences
    start = text.index(first_line)
    return set(index.tokens_in(start, start + len(first_line)))


def subheading_tokens(index: TokenIndex) -> set[int]:
    """A short line that is nothing but a quotation with no full stop after it, before a paragraph that opens anew
    (`«Шеф, всё пропало!»` between two paragraphs), is a section title, as a headline is, never a quote."""
    found: set[int] = set()
    for line in SUBHEADING.finditer(index.doc.text):
        if len(words(line.group(1))) <= SUBHEADING_WORDS:
            found |= set(index.tokens_in(line.start(), line.end()))
    return found


def teaser_tokens(index: TokenIndex) -> set[int]:
    """Another article's title and lead under `Также по теме` (stages/teasers.py)."""
    return {i for start, end in teasers(index.doc.text) for i in index.tokens_in(start, end)}


def without_nested_opinions(index: TokenIndex, candidates: list[Candidate]) -> list[Candidate]:
    """`По его словам, Европа должна опасаться, что …`: an opinion verb inside reported content is part of it."""
    def nested(c: Candidate) -> bool:
        if c.cue is None or index.lemma(c.cue) not in THINK_VERBS:
            return False
        at = index.tokens[c.cue].start
        return any(o is not c and o.start <= at < o.end for o in candidates)

    return [c for c in candidates if not nested(c)]


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep clause quotes over parenthetical ones (`по словам`, `как отметил`) when they overlap."""
    ordered = sorted(candidates, key=lambda c: (c.rule in ASIDE_RULES, c.start))
    kept: list[Candidate] = []
    for candidate in ordered:
        clash = [k for k in kept if overlaps(candidate, k)]
        if not clash:
            kept.append(candidate)
        elif candidate.rule in ASIDE_RULES and all(k.rule not in ASIDE_RULES for k in clash):
            kept.append(replace(candidate, rule=f"aside.source.{candidate.rule}"))
    return kept


def attribute(index: TokenIndex, resolver: SpeakerResolver, candidates: list[Candidate]) -> list[Quote]:
    quotes: list[Quote] = []
    last: tuple[int, Attribution] | None = None
    for candidate in candidates:
        if candidate.cue is not None:
            found = resolver.for_verb(candidate.cue)
        elif candidate.head is not None:
            found = resolver.quoted_by_medium(resolver.for_source(candidate.head, candidate.head), candidate.head)
        else:
            found = continued(index, last, candidate)
        sentence = index.tokens[index.token_at(candidate.start) or 0].sentence
        if found.speaker:
            last = (sentence, found)
        cue_span = cue_offsets(index, candidate)
        quotes.append(
            Quote(
                start=candidate.start,
                end=candidate.end,
                kind=candidate.kind,
                speaker=found.speaker,
                speaker_name=found.name,
                cue=index.doc.text[cue_span[0] : cue_span[1]] if cue_span else None,
                via=found.via,
                via_name=found.via_name,
                cue_start=cue_span[0] if cue_span else None,
                cue_end=cue_span[1] if cue_span else None,
                source=f"{candidate.rule}+{found.rule}",
            )
        )
    return quotes


def cue_offsets(index: TokenIndex, candidate: Candidate) -> tuple[int, int] | None:
    first, last = candidate.cue_tokens or (candidate.cue, candidate.cue)
    if first is None:
        return None
    return index.tokens[first].start, index.tokens[last].end


def continued(index: TokenIndex, last: tuple[int, Attribution] | None, candidate: Candidate) -> Attribution:
    """An unattributed quote continues the last speaker's words if they spoke a few sentences before."""
    first = index.token_at(candidate.start)
    if last is None or first is None or index.tokens[first].sentence - last[0] > CONTINUATION_SENTENCES:
        return NOBODY
    return replace(last[1], rule="speaker.continued")
