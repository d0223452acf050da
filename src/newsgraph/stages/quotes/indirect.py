"""Indirect speech: a speech cue and the clause it reports, found on lemmas.

Rules, each returning a `Candidate` or None at one token:
`заявил, что …` / `считает, что …` / `уверен, что …` (that-clause or colon),
`сообщил о …`, `призвал прекратить …` (infinitive), `по словам X, …` and `как отметил X, …`
(the rest of the sentence is the content), `…, сообщили в Кремле.` (a closing cue).
Noun-phrase content (`выразил надежду …`, `отметил важность …`) is `objects`' business,
where a reported clause begins and ends `clauses`'.
"""

from __future__ import annotations

from dataclasses import replace

from .clauses import (
    SENTENCE_END, clause, clause_boundary, clause_stop, is_verb, opens_clause, own_sentence, reports, requested_act_end, trim,
)
from .direct import Candidate
from .cues import (
    ABOUT,
    ABOUT_VERBS,
    ACCORDING_NOUNS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    INFINITIVE_VERBS,
    MEDIUM_VERBS,
    NEGATED_VERBS,
    OPENER,
    PHRASES,
    SAY_VERBS,
    STANCE_ADJECTIVES,
    THAT,
    THINK_VERBS,
    is_speech_lemma,
)
from .objects import express, request, spoken_object
from ..segment import paragraph_break
from ..token_index import DASHES, TokenIndex


MIN_ASIDE_WORDS = 3
MIN_ABOUT_WORDS = 2
ABOUT_REACH = 10  # words from the verb to its `о`, past an addressee (`сообщил журналистам и депутатам о …`)
THAT_REACH = 12  # words from the cue to its `, что` or colon: `обозначил российские взгляды на приоритеты …: …`
ABOUT_THIS_REACH = 10  # words from `Об этом` to its verb
QUOTE_OPENERS = frozenset({"«", "„", '"'})
CONNECTIVE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PART", "PUNCT"})
POSSESSIVES = frozenset({"его", "ее", "её", "их"})


def that_clause(index: TokenIndex, i: int) -> Candidate | None:
    """`заявил (журналистам), что …`, `считает, что …`, `уверен, что …`, `подчеркнул: …`,
    `в заявлении МИД говорится, что …`, `в тексте сказано, что …`."""
    lemma = index.lemma(i)
    phrase = phrase_length(index, i)
    negated = lemma in NEGATED_VERBS and i > 0 and index.lemma(i - 1) == "не"  # `не скрыл, что …`
    speech = (lemma in SAY_VERBS or lemma in THINK_VERBS or lemma in DOCUMENT_VERBS or phrase or negated) and (
        reports(index, i) or index.tokens[i].feat("Variant") == "Short" and index.tokens[i].feat("Voice") == "Pass"
    )
    stance = stance_adjective(index, i)
    if not (speech or stance):
        return None
    sentence = index.sentence_of(i)
    reach = min(i + THAT_REACH, sentence.stop - 1)
    names = quoted_names(index, i + 1, reach)
    for j in range(i + max(phrase, 1), reach):
        word = index.text(j)
        if j in names:
            continue  # `пояснил в беседе с «РИА Новостями», что …`
        if word == "," and index.text(j + 1).lower() in THAT:  # not `рассказали, чем вызвано …` (a question)
            if rumour(index, i):
                return None
            return clause(index, i, j + 2, "indirect.that")
        if word == ":" and index.text(j + 1) not in {"«", '"', "„", "“"}:
            return clause(index, i, j + 1, "indirect.colon")
        if word in {".", ";", "«", "»"} or (is_verb(index, j) and index.tokens[j].feat("VerbForm") in {"Fin", "Inf"}):
            return None  # `предлагает воспринимать X так же, как …`: a clause of the infinitive's own
        if is_verb(index, j) and is_speech_lemma(index.lemma(j)):
            return None  # `заявил Макрон, добавив, что …`: the nearer cue reports the clause
    return None


def stance_adjective(index: TokenIndex, i: int) -> bool:
    """`уверен`, `убеждена`: lemmatised as the verb (уверить) as often as the adjective (уверенный)."""
    lemma = index.lemma(i)
    return index.tokens[i].pos == "ADJ" and (lemma in STANCE_ADJECTIVES or lemma in SAY_VERBS or lemma in THINK_VERBS)


def rumour(index: TokenIndex, i: int) -> bool:
    """`Говорят, что …` opening its sentence: a plural with no subject, nobody's words."""
    token = index.tokens[i]
    return opens_clause(index, i) and token.feat("Number") == "Plur" and token.feat("Person") == "3"


def phrase_length(index: TokenIndex, i: int) -> int:
    """The words of `дал понять`, `пришли к выводу`, `исходят из того` from token i (a verb that reports speech with
    the words after it), else 0."""
    for phrase in PHRASES.get(index.lemma(i), ()):
        if i + len(phrase) <= len(index.tokens) and all(index.lemma(i + k) == word for k, word in enumerate(phrase)):
            return len(phrase)
    return 0


def quoted_names(index: TokenIndex, start: int, stop: int) -> set[int]:
    """Tokens of short names in «» between `start` and `stop` (`«РИА Новостями»`), marks included."""
    found: set[int] = set()
    for j in range(start, stop):
        if index.text(j) == "«":
            close = next((k for k in range(j + 1, min(j + 5, stop)) if index.text(k) == "»"), None)
            if close is not None:
                found |= set(range(j, close + 1))
    return found


def about(index: TokenIndex, i: int) -> Candidate | None:
    """`сообщил о подписании …`, `заявил журналистам об угрозе …` (not `говоря о …`, a topic)."""
    token = index.tokens[i]
    if index.lemma(i) not in ABOUT_VERBS or not reports(index, i) or token.feat("VerbForm") == "Conv" and token.feat("Aspect") == "Imp":
        return None
    sentence = index.sentence_of(i)
    reach = min(i + ABOUT_REACH, sentence.stop - 1)
    names = quoted_names(index, i + 1, reach)  # `предупредил ОАО «Белтрансгаз» и правительство о …`
    for j in range(i + 1, reach):
        if j in names:
            continue
        if index.lemma(j) in ABOUT and index.text(j).islower():  # not the `О` of `Фил О’Рейли`
            if index.lemma(j + 1) in {"то", "это"}:
                return None  # `о том, что …` is a that-clause, `об этом` points back (about_this)
            found = clause(index, i, j + 1, "indirect.about")
            # `говорит о многом`, `напоминает закон о СМИ`: one word is a topic, nothing said about it
            if found is None or len(index.tokens_in(found.start, found.end)) < MIN_ABOUT_WORDS:
                return None
            if index.text(j - 1) in QUOTE_OPENERS:  # `сообщили СМИ «об отсутствии …»`: their words, from `об`
                end = len(index.doc.text[: found.end].rstrip("»“\""))
                return replace(found, start=index.tokens[j].start, end=end, kind="mixed")
            return found
        if index.is_punct(j) and index.text(j) not in QUOTE_OPENERS:
            return None
    return None


def infinitive(index: TokenIndex, i: int) -> Candidate | None:
    """`призвал стороны прекратить огонь`, `пообещал «дать жесткий ответ»`, `потребовал, чтобы …`."""
    if index.lemma(i) not in INFINITIVE_VERBS or not reports(index, i):
        return None
    sentence = index.sentence_of(i)
    for j in range(i + 1, min(i + 6, sentence.stop - 1)):
        if index.tokens[j].feat("VerbForm") == "Inf" or index.lemma(j) == "к" and index.lemma(i) in {"призвать", "призывать"}:
            found = clause(index, i, i + 1, "indirect.infinitive")
            return replace(found, end=requested_act_end(index, found)) if found else None
        if index.text(j) in {".", ";", ","} and index.lemma(j + 1) != "чтобы":
            return None
    return None


def according(index: TokenIndex, i: int) -> Candidate | None:
    """`по словам Пескова, …`, `по его собственным словам, …`, `согласно заявлению МИД, …`, `…, по данным Минобороны.`,
    `согласно опубликованным данным, …`, `согласно документу, …` (a document speaks for its author)."""
    if index.lemma(i) not in {"по", "согласно"} or i + 2 >= len(index.tokens):
        return None
    noun = i + 1
    possessive = index.lemma(noun) in POSSESSIVES or index.text(noun).lower() in POSSESSIVES
    if possessive and index.tokens[noun + 1].pos == "ADJ" and noun + 3 < len(index.tokens):
        noun += 1  # `по его собственным словам`
    if possessive or index.tokens[noun].feat("VerbForm") == "Part":
        noun += 1  # `согласно опубликованным данным`
    owner = noun + 1
    if owner + 1 < len(index.tokens) and index.tokens[owner].pos == "PART":
        owner += 1  # `по данным же источника`
    if noun > i + 1 and index.text(i + 1).lower() in POSSESSIVES | {"ее"}:
        owner = i + 1
    lemma = index.lemma(noun)
    document = index.lemma(i) == "согласно" and lemma in DOCUMENT_NOUNS
    if lemma not in ACCORDING_NOUNS and not document:
        return None
    if index.tokens[owner].pos not in {"NOUN", "PROPN", "PRON", "DET", "ADJ", "X", "NUM"}:
        if not document and not noun > i + 1:
            return None
        owner = noun  # `согласно документу, …`, `согласно опубликованным данным, …`: the source is the document itself
    if owner > noun:
        owner = next(iter(index.dependents(noun, "nmod")), owner)
    return aside(index, i, phrase_end(index, noun, max(noun, owner)), "indirect.according", head=owner, cue_tokens=(i, noun))


def phrase_end(index: TokenIndex, noun: int, last: int) -> int:
    """The last word of `по словам X, генсека Y`: the noun's subtree, over commas that only set off an apposition."""
    tree = index.subtree(noun)
    j = last
    while j + 2 < len(index.tokens):
        if j + 1 in tree and index.text(j + 1) not in {",", "—"}:
            j += 1
        elif index.text(j + 1) == "," and j + 2 in tree and not index.is_punct(j + 2):
            j += 2
        else:
            break
    return j


# `после того, как`, `с тех пор, как`, `в то время, как`: the `как` that opens a time clause.
TIME_CORRELATES = {"тот", "то", "пора", "так"}


def as_said(index: TokenIndex, i: int) -> Candidate | None:
    """`Как отметил Песков, …`, `…, как заявили в Кремле.`"""
    if index.lemma(i) != "как" or not (opens_clause(index, i) or index.text(i - 1) in {",", "—", "(", "«"}):
        return None
    if index.text(i - 1) == "," and i >= 2 and index.lemma(i - 2) in TIME_CORRELATES:
        return None  # `после того, как из списка исключили …`: a time clause, not an attribution
    for j in range(i + 1, min(i + 4, len(index.tokens))):
        if index.is_punct(j):
            return None
        if is_verb(index, j) and (is_speech_lemma(index.lemma(j)) or index.lemma(j) in DOCUMENT_VERBS):
            if index.lemma(j) in {"сообщаться", "говориться"} and index.lemma(j + 1) != "в":
                return None  # `как сообщалось ранее`: the article's own earlier reports
            if index.lemma(j) in THINK_VERBS and j == i + 1 and j + 1 < len(index.tokens) and index.is_punct(j + 1):
                return None  # `Он, как полагают, …`: a common opinion, nobody's words
            return aside(index, i, j, "indirect.as_said", cue=j)
    return None


def aside(index: TokenIndex, first: int, cue_word: int, rule: str, **who) -> Candidate | None:
    """A parenthetical attribution: the content is the rest of the sentence on the other side of it."""
    sentence = own_sentence(index, first)
    # the attribution runs to the end of the cue's subject with its appositions (`как пишет один из участников,
    # отставной генерал Питер Цвак, …`)
    subject_end = max((max(index.subtree(s)) for s in index.dependents(cue_word, "nsubj") if s > cue_word), default=cue_word)
    if subject_end + 2 >= sentence.stop:
        subject_end = cue_word
    close = next((j for j in range(subject_end + 1, sentence.stop) if index.text(j) in {",", "—", ")"}), None)
    opener = first - 1 if first > sentence.start and index.text(first - 1) in {",", "—", "("} else None
    in_relative = opener is not None and opener > sentence.start and index.lemma(opener - 1) == "который"
    # `Однако, по мнению Заевой, рост составит …`: a connective before the aside reports nothing
    after_connective = opener is not None and all(index.tokens[k].pos in CONNECTIVE_POS for k in range(sentence.start, opener))
    opens = first == sentence.start or index.text(first - 1) in QUOTE_OPENERS or index.lemma(first - 1) in {"и", "а", "но"}
    if in_relative or after_connective or opener is None and opens:
        # `…, который, по версии следствия, является убийцей`: the rest of the relative clause is the content
        if close is None or close + 1 >= sentence.stop:
            return None
        start, end = index.tokens[close + 1].start, clause_stop(index, close + 1)
    elif close is None or index.text(close) == "." or close + 2 >= sentence.stop:
        start, end = index.tokens[sentence.start].start, index.tokens[opener if opener is not None else first].start
    else:
        boundary = clause_boundary(index, sentence.start, opener if opener is not None else first)
        connective = opener is not None and boundary is not None and all(
            index.tokens[k].pos in CONNECTIVE_POS or index.lemma(k) in {"при", "это"} for k in range(boundary + 1, opener)
        )
        # `…: по данным МЧС, забор проб начался`, `…, а затем, как признался X, …`: only what follows the aside
        if boundary == first - 1 or connective:
            start = index.tokens[close + 1].start
        else:  # `фото, полученное, по её словам, из материалов …`: the clause the aside sits in
            start = index.tokens[boundary + 1 if boundary is not None else sentence.start].start
        end = clause_stop(index, close + 1)
    start, end = trim(index.doc.text, start, end)
    if len(index.tokens_in(start, end)) < MIN_ASIDE_WORDS:
        return None  # `Кроме того, по словам X` with nothing reported after it
    return Candidate(start, end, "indirect", rule, **who)


def about_this(index: TokenIndex, i: int) -> Candidate | None:
    """`… Об этом заявил Рубио.` / `Рубио сообщил об этом …`: the cue points back to the previous sentence."""
    if index.lemma(i) not in ABOUT or i + 2 >= len(index.tokens) or index.lemma(i + 1) != "это":
        return None
    cues = ABOUT_VERBS | SAY_VERBS | DOCUMENT_VERBS
    if opens_clause(index, i):  # `Об этом на открытии конгресса телевещателей рассказал …`
        limit = min(i + ABOUT_THIS_REACH, len(index.tokens))
        reach = next((j for j in range(i + 2, limit) if index.text(j) in {",", ".", ";", ":"}), limit)
        cue = next((j for j in range(i + 2, reach) if reports(index, j) and index.lemma(j) in cues), None)
    else:
        cue = i - 1 if reports(index, i - 1) and index.lemma(i - 1) in cues else None
    current = own_sentence(index, i)
    if cue is None or current.start == 0:
        return None
    previous = own_sentence(index, current.start - 1)
    first = previous.start
    if first > 0 and continues_before(index, first):  # `A. При этом B. Об этом заявил X.`: A and B are X's
        first = own_sentence(index, first - 1).start
    start, end = trim(index.doc.text, index.tokens[first].start, index.tokens[previous.stop - 1].end)
    return Candidate(start, end, "indirect", "indirect.about_this", cue=cue) if end > start else None


def continues_before(index: TokenIndex, first: int) -> bool:
    """The sentence opening at token `first` goes on from the one before it in the same paragraph."""
    text = index.doc.text
    opening = text[index.tokens[first].start : index.tokens[min(first + 3, len(index.tokens) - 1)].end].lower()
    return bool(OPENER.match(opening)) and not paragraph_break(text, index.tokens[first - 1].end, index.tokens[first].start)


def trailing(index: TokenIndex, i: int) -> Candidate | None:
    """`Переговоры прошли конструктивно, сообщили в Кремле.` / `…, — заявил он.` / `…, уверен адвокат.`: the cue
    closes the sentence."""
    stance = index.lemma(i) in STANCE_ADJECTIVES and index.tokens[i].feat("Variant") == "Short"  # `…, уверен адвокат`
    said = index.tokens[i].feat("VerbForm") == "Fin" and (is_speech_lemma(index.lemma(i)) or index.lemma(i) in MEDIUM_VERBS)
    if not (said or stance) or i < 2:
        return None
    if not speaker_follows(index, i):
        return None  # `…, пообещал новую помощь` continues the narration
    comma = i - 2 if index.text(i - 1) in DASHES else i - 1
    if index.text(comma) != "," or index.text(comma - 1) in {"»", '"', "“"}:
        return None
    sentence = own_sentence(index, i)
    if any(index.lemma(j) in THAT | {":"} or index.text(j) == ":" for j in range(i + 1, sentence.stop)):
        return None
    statement = range(sentence.start, comma)
    if not any(predicate(index, j) or index.text(j) in DASHES and j > sentence.start for j in statement):
        return None  # a statement hangs on a verb or on a dash (`Пропаганда — это плохо, считает лорд`)
    if any(index.tokens[c].rel in ("nsubj", "nsubj:pass") and c < i for c in index.children.get(i, [])):
        return None  # `Путин, выступая на форуме, заявил …`: the subject comes first, the clause is not reported
    relayed = index.lemma(i) in MEDIUM_VERBS and paragraph_ends(index, sentence)
    first = paragraph_opening(index, sentence) if relayed else sentence.start
    start, end = trim(index.doc.text, index.tokens[first].start, index.tokens[comma].start)
    kind = "direct" if comma != i - 1 else "indirect"
    return Candidate(start, end, kind, "indirect.trailing", cue=i) if end > start else None


def paragraph_ends(index: TokenIndex, sentence: range) -> bool:
    last = sentence.stop - 1
    return last + 1 >= len(index.tokens) or paragraph_break(index.doc.text, index.tokens[last].end, index.tokens[last + 1].start)


def paragraph_opening(index: TokenIndex, sentence: range) -> int:
    """`A. B. C, передает ТАСС.` closing its paragraph: the sentences before it in the paragraph are the same
    report, back to one with an attribution or quotation of its own."""
    first = sentence.start
    while first > 0 and not paragraph_break(index.doc.text, index.tokens[first - 1].end, index.tokens[first].start):
        previous = own_sentence(index, first - 1)
        if any(index.text(j) in QUOTE_OPENERS or is_verb(index, j) and is_speech_lemma(index.lemma(j))
               or index.lemma(j) in {"по", "согласно"} and index.lemma(j + 1) in ACCORDING_NOUNS for j in previous):
            break
        first = previous.start
    return first


def parenthetical(index: TokenIndex, i: int) -> Candidate | None:
    """`Проект, сказал он, не готов`, `Впрочем, пояснила Костромина, …`: a cue set off by commas inside the
    sentence it attributes (the whole sentence, nothing reported before the opening comma)."""
    if i < 2 or index.text(i - 1) not in {",", "—", "–"}:
        return None
    stance = stance_adjective(index, i) and index.tokens[i].feat("Variant") == "Short"  # `, уверены думцы,`
    said = index.tokens[i].feat("VerbForm") == "Fin" and (is_speech_lemma(index.lemma(i)) or index.lemma(i) in MEDIUM_VERBS)
    if not (stance or said and reports(index, i)):
        return None
    sentence = own_sentence(index, i)
    close = clause_boundary(index, i + 1, min(i + 9, sentence.stop), first=True)  # `сообщает «Новый Регион — …», …`
    if close is not None and index.text(close) not in {",", "—", "–"}:
        close = None
    if close is None or close == i + 1 or close + 2 >= sentence.stop or not speaker_follows(index, i):
        return None
    if any(index.tokens[c].rel in ("nsubj", "nsubj:pass") and c < i for c in index.children.get(i, [])):
        return None  # `Челентано, известный певец, написал …`: an apposition, the subject comes first
    between = range(i + 1, close)
    if any(index.lemma(j) in THAT or is_verb(index, j) for j in between):
        return None  # `, заявил он, что …` / `, сказал он, представляя …` handled elsewhere
    if any(is_verb(index, j) and index.tokens[j].feat("VerbForm") == "Fin" for j in range(sentence.start, i - 1)):
        return None  # `X сделал Y, заявил он, …`: the narration came first
    start, end = trim(index.doc.text, index.tokens[sentence.start].start, clause_stop(index, close + 1))
    if len(index.tokens_in(start, end)) < MIN_ASIDE_WORDS:
        return None
    return Candidate(start, end, "indirect", "indirect.parenthetical", cue=i)


def predicate(index: TokenIndex, j: int) -> bool:
    """A finite verb, a short participle or adjective (`рекомендации разосланы`, `ВВС должны понять`): the word a
    statement hangs on."""
    token = index.tokens[j]
    if token.feat("Variant") == "Short":
        return token.pos in {"VERB", "AUX", "ADJ"}
    return token.pos in {"VERB", "AUX"} and token.feat("VerbForm") == "Fin"


def speaker_follows(index: TokenIndex, verb: int) -> bool:
    """`…, рассказал Песков`, `…, сообщили в Кремле`: the speaker comes right after a closing cue."""
    aside_end = None
    if verb + 1 < len(index.tokens) and index.text(verb + 1) == ",":  # `говорит, в свою очередь, адвокат`
        aside_end = next((j for j in range(verb + 2, min(verb + 6, len(index.tokens))) if index.text(j) == ","), None)
    start = aside_end + 1 if aside_end is not None else verb + 1
    for j in range(start, min(start + 4, len(index.tokens))):
        token = index.tokens[j]
        if index.text(j) in {"«", '"', "„"}:
            continue  # `сообщает «Новый регион»`, `пишет «Коммерсантъ»`: a medium's name in quotation marks
        if index.is_punct(j) or index.text(j) in SENTENCE_END:
            return False
        if token.pos in {"NOUN", "PROPN", "PRON", "X"} and token.feat("Case") in {"Nom", None}:
            return True
        if index.lemma(j) in {"в", "из"}:
            return True
    return False


INDIRECT_RULES = (
    about_this, that_clause, about, infinitive, request, express, according, as_said, parenthetical, trailing,
    spoken_object,
)


def indirect_quotes(index: TokenIndex, skip: set[int], within: range | None = None) -> list[Candidate]:
    found = []
    for i in within if within is not None else range(len(index.tokens)):
        if i in skip:
            continue
        for rule in INDIRECT_RULES:
            candidate = rule(index, i)
            if candidate is not None:
                found.append(candidate)
                break
    return found
