"""Where a reported clause ends, on tokens and the parse where there is one.

A reported clause ends at the sentence end, a semicolon, where the next cue starts its own clause
(`…, добавив, что …`), where a conjunct of the cue goes on about the speaker, or where the main clause
resumes after a subordinate cue (`Поскольку X заявило, что …, Y обращается …`); a requested act ends
before a reason or a contrast. Sentences are cut again at full stops razdel did not split on and at
paragraph breaks.
"""

from __future__ import annotations

from .cues import ACCORDING_NOUNS, INDICATE_VERBS, THAT, THING_PRONOUNS, is_speech_lemma
from .direct import Candidate
from ..segment import paragraph_break
from ..token_index import DASHES, TokenIndex


TRAILING = " \t\n,.;:—–-"
SENTENCE_END = frozenset({".", "!", "?", "…"})


def is_verb(index: TokenIndex, i: int) -> bool:
    token = index.tokens[i]
    return token.pos in {"VERB", "AUX"} and token.feat("VerbForm") != "Part"


def clause_boundary(index: TokenIndex, start: int, stop: int, first: bool = False) -> int | None:
    """The last (or `first`) comma, colon, dash or semicolon outside quotation marks between `start` and `stop`."""
    depth, found = 0, None
    for j in range(start, stop):
        word = index.text(j)
        depth += (word in {"«", "„"}) - (word in {"»", "“"})
        if depth == 0 and (word in {",", ":", ";"} or word in DASHES):
            if first:
                return j
            found = j
    return found


def opens_clause(index: TokenIndex, i: int) -> bool:
    return i == 0 or index.tokens[i - 1].sentence != index.tokens[i].sentence or ends_sentence(index, i - 1)


def own_sentence(index: TokenIndex, i: int) -> range:
    """The sentence of token i, cut at sentence-final punctuation razdel did not split on (`сказал Ван И. По словам…`)."""
    sentence = index.sentence_of(i)
    start = next((j + 1 for j in range(i - 1, sentence.start - 1, -1) if ends_sentence(index, j)), sentence.start)
    stop = next((j + 1 for j in range(i, sentence.stop) if ends_sentence(index, j)), sentence.stop)
    return range(start, stop)


def ends_sentence(index: TokenIndex, j: int) -> bool:
    """Sentence-final punctuation, or the last word before a paragraph break (a headline has no full stop)."""
    following = index.tokens[j + 1].start if j + 1 < len(index.tokens) else len(index.doc.text)
    if index.text(j) in SENTENCE_END:
        return not (index.text(j) == "." and abbreviation_dot(index, j, following))
    return paragraph_break(index.doc.text, index.tokens[j].end, following)


def abbreviation_dot(index: TokenIndex, j: int, following: int) -> bool:
    """The full stop of `т.е.`, `ст. 10`, `В.Путин`, `В. Чуркин`: glued to the next word, after a one- or
    two-letter lowercase word, after an initial (one capital letter), or before a lowercase word."""
    text = index.doc.text
    if following == index.tokens[j].end and following < len(text) and text[following].isalnum():
        return True
    previous = index.text(j - 1) if j > 0 else ""
    if previous.isalpha() and len(previous) <= 2 and previous.islower():
        return True
    if previous.isalpha() and len(previous) == 1 and previous.isupper():
        return True
    return following < len(text) and text[following].islower()


def clause(index: TokenIndex, cue: int, first: int, rule: str) -> Candidate | None:
    if first >= len(index.tokens) or index.tokens[first].sentence != index.tokens[cue].sentence:
        return None  # the cue ends the text or its sentence: nothing is reported
    start, end = trim(index.doc.text, index.tokens[first].start, clause_stop(index, first, cue))
    if end - start < 3:
        return None
    return Candidate(start, end, "indirect", rule, cue=cue)


def clause_stop(index: TokenIndex, first: int, cue: int | None = None) -> int:
    """Where a reported clause ends: sentence end, `;`, a colon before a quotation, a following cue with its
    own clause, or the main clause after a subordinate cue (`Напомнив, что …, президент призвал …`)."""
    sentence = index.sentence_of(first)
    main = main_clause_start(index, first, cue) if cue is not None else None
    depth = 0
    last_comma = None
    # after an aside (no cue of its own), `по данным СМИ, родители, собравшиеся у школы, требуют …`: the clause's own
    # verb is no new cue
    predicate = cue is not None
    for j in range(first, sentence.stop):
        word = index.text(j)
        depth += (word in {"«", "„"}) - (word in {"»", "“"})
        if depth > 0:
            continue
        if depth < 0:
            return index.tokens[j].start  # the clause began inside quotation marks that close here
        if main is not None and j == main and last_comma is not None:
            return index.tokens[last_comma].start
        if word == ",":
            last_comma = j
        if word == ";" or (word in {",", "и", "а", "—"} and predicate and starts_new_cue(index, j + 1)):
            return index.tokens[j].start
        predicate = predicate or index.tokens[j].feat("VerbForm") == "Fin" or index.tokens[j].feat("Variant") == "Short"
        if cue is not None and word in {",", "и", "а", "но"} and goes_on_about_speaker(index, j + 1, cue):
            return index.tokens[j].start
        if cue is not None and word == "," and j > first and outside_clause(index, j + 1, cue):
            return index.tokens[j].start
        if word == ":" and j + 1 < sentence.stop and index.text(j + 1) in {"«", "„", '"'}:
            return index.tokens[j].start  # `подчеркнул, что …: «…»`: the quotation is a quote of its own
        if ends_sentence(index, j):
            return index.tokens[j].end
    return index.tokens[sentence.stop - 1].end


def main_clause_start(index: TokenIndex, first: int, cue: int) -> int | None:
    """The first word of the clause a subordinate cue hangs on, when it comes after the reported clause:
    `Напомнив, что X, президент призвал` (the converb's head verb and its subject)."""
    token = index.tokens[cue]
    head = token.head
    if token.rel not in {"advcl", "acl", "acl:relcl"} or head is None or head < first:
        return None
    words = [head] + [c for c in index.children.get(head, []) if index.tokens[c].rel in ("nsubj", "nsubj:pass") and c > first]
    return min(words)


def goes_on_about_speaker(index: TokenIndex, j: int, cue: int) -> bool:
    """`заявил, что X, и ходатайствовал …`, `считает, что X, а Россия уверена, что …`: a conjunct of the cue
    itself (by the parse) ends the reported clause; its own cue, if any, reports the next one."""
    for k in range(j, min(j + 4, len(index.tokens))):
        token = index.tokens[k]
        if token.head == cue and token.rel == "conj" and token.pos in {"VERB", "AUX", "ADJ"}:
            return True
        if index.is_punct(k):
            return False
    return False


def outside_clause(index: TokenIndex, j: int, cue: int) -> bool:
    """`Поскольку ведомство заявило, что X, Видениус обращается …` (a cue in a subordinate clause, then the main
    clause), `заявил, что X, аргументировав это …` (a converb of the cue): the reported clause ended at the comma."""
    subordinate = any(index.tokens[c].rel == "mark" for c in index.children.get(cue, []))
    for k in range(j, min(j + 5, len(index.tokens))):
        token = index.tokens[k]
        if index.lemma(k) in THAT or index.is_punct(k) or token.head is None:
            return False
        if is_verb(index, k):
            converb = token.head == cue and token.feat("VerbForm") == "Conv"
            return converb or subordinate and (token.head < 0 or token.head == cue)
    return False


def starts_new_cue(index: TokenIndex, j: int) -> bool:
    """`…, добавив, что`, `и подчеркнул, что`, `, — заявил он`, `, по словам …`, `, как отметил …`, `, но защита
    говорила …` (a new speaker's own cue)."""
    subject = False
    for k in range(j, min(j + 4, len(index.tokens))):
        if index.text(k) in DASHES or index.lemma(k) in {"и", "а", "но", "также", "еще", "даже", "уже", "затем", "при", "этом"}:
            continue
        token = index.tokens[k]
        if not subject and token.pos in {"NOUN", "PROPN"} and token.feat("Case") == "Nom" and k > j:
            subject = True  # only after a conjunction: `, а Россия заявила`
            continue
        lemma = index.lemma(k)
        if lemma == "по" and k + 1 < len(index.tokens) and index.lemma(k + 1) in ACCORDING_NOUNS:
            return True
        if lemma == "как" and k + 1 < len(index.tokens) and is_speech_lemma(index.lemma(k + 1)):
            return True
        return is_verb(index, k) and is_speech_lemma(lemma)
    return False


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    while start < end and text[start] in TRAILING:
        start += 1
    return start, end


def reports(index: TokenIndex, i: int) -> bool:
    """A verb that can report someone's words: not the author's `Отметим, что …`, not `можно предположить`
    (an infinitive only in the future tense, `будет настаивать`)."""
    if not is_verb(index, i):  # first: most tokens are not verbs
        return False
    token = index.tokens[i]
    infinitive = token.feat("VerbForm") == "Inf" and not (i > 0 and index.lemma(i - 1) == "быть")
    return not infinitive and token.feat("Person") != "1" and token.feat("Mood") != "Imp" and not indicates(index, i)


def indicates(index: TokenIndex, i: int) -> bool:
    """`Это говорит о том, что …`, `всё указывает на …`: under a pronoun of things the verb means `shows`, the
    author's inference, not anyone's words. (A figurative noun, `цифры говорят о том, что …`, stays a quote with
    no speaker, as tests/test_speakers.py has it.)"""
    return index.lemma(i) in INDICATE_VERBS and any(index.lemma(s) in THING_PRONOUNS for s in index.dependents(i, "nsubj"))


# `призвала пересмотреть помощь, так как МВФ …`, `призывает создавать силы, а это …`: the author's comment follows
BEYOND_REQUEST = frozenset({"а", "но", "однако", "так", "поскольку", "потому", "хотя", "ибо"})


def requested_act_end(index: TokenIndex, found: Candidate) -> int:
    """What was requested ends at a comma before a contrast or a reason; further infinitives (`, вывести войска`) stay."""
    for j in index.tokens_in(found.start, found.end):
        if index.text(j) == "," and j + 1 < len(index.tokens) and index.lemma(j + 1) in BEYOND_REQUEST:
            return index.tokens[j].start
    return found.end
