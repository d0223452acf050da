"""The phrase that names a speaker: the subject of a speech verb and the words that belong to it.

Syntax first (`nsubj`, inherited over `и добавил` / `добавив`); where the parse has no
subject, the nearest nominative noun on the verb's side of the clause.
"""

from __future__ import annotations

from ..doc import Token
from .segment import paragraph_break
from .token_index import TokenIndex

SUBJECT_RELS = ("nsubj", "nsubj:pass")
INHERIT_RELS = ("conj", "xcomp", "advcl")
QUOTE_MARKS = frozenset('«»"„“')
PHRASE_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–", ".", "!", "?"})


def impersonal(verb: Token) -> bool:
    """`заявили в Кремле`, `говорится в заявлении`: a plural or impersonal verb names its speaker with `в …`."""
    return verb.feat("Number") == "Plur" or verb.feat("Person") == "3" and verb.feat("Tense") == "Pres" or verb.feat("Voice") == "Mid"


def common_noun_case(name: str) -> str:
    """`Источник в правительстве` at a sentence start is still `источник в правительстве`."""
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if first[1:].islower() else name


def subject_of(index: TokenIndex, verb: int, depth: int = 0) -> int | None:
    """The verb's nsubj; over `и добавил`/`добавив` the governing verb's; else the nearest nominative noun.
    Never across a paragraph break: a headline razdel merged into the first sentence has its own subject."""
    subjects = [c for c in index.children.get(verb, []) if index.tokens[c].rel in SUBJECT_RELS and same_paragraph(index, c, verb)]
    token = index.tokens[verb]
    head = token.head if token.head is not None and token.head >= 0 else None
    if subjects and index.lemma(subjects[0]) == "который" and token.rel == "acl:relcl" and head is not None:
        return head  # `Ангела Меркель, которая сказала, что …`: the noun the clause describes
    if subjects:
        return subjects[0]
    inherited = None
    if depth < 2 and token.rel in INHERIT_RELS and head is not None and index.tokens[head].pos == "VERB" and same_paragraph(index, head, verb):
        inherited = subject_of(index, head, depth + 1)
    if depth < 2 and token.rel == "acl:relcl" and head is not None:
        # `приняли декларацию, в которой призвали …`: the clause speaks for the subject of the verb above
        above = index.tokens[head].head
        if above is not None and above >= 0 and index.tokens[above].pos == "VERB" and same_paragraph(index, above, verb):
            inherited = subject_of(index, above, depth + 1)
    if inherited is not None:
        return inherited
    if depth == 0:  # also when the parse hung the subject of `поздравил и написал` on another clause
        return nearest_nominative(index, verb)
    return None


def same_paragraph(index: TokenIndex, a: int, b: int) -> bool:
    first, last = sorted((a, b))
    return not paragraph_break(index.doc.text, index.tokens[first].end, index.tokens[last].start)


def nearest_nominative(index: TokenIndex, verb: int) -> int | None:
    sentence = index.sentence_of(verb)
    closing = False
    for i in range(verb + 1, sentence.stop):
        if index.text(i) in QUOTE_MARKS and not closing:
            closing = True  # `сообщил «НГ» Козак`: the outlet addressed in quote marks is no subject
            continue
        if closing:
            closing = index.text(i) not in QUOTE_MARKS
            continue
        if index.text(i) == "," and set_off_circumstance(index, verb, i):
            continue  # `— заявила в среду, 8 февраля, командующая кораблём Анна Смит`
        if index.is_punct(i) or not same_paragraph(index, i, verb):
            break
        if nominal(index, i):
            return i
    before = []
    for i in range(verb - 1, sentence.start - 1, -1):
        if index.text(i) in {"«", "»", "—", "–", ":", ";", '"', ","} or not same_paragraph(index, i, verb):
            break
        if nominal(index, i):
            before.append(i)
    # a person before an indeclinable abbreviation (`Лукашенко в интервью агентству БелТА предложил`)
    animate = [i for i in before if index.tokens[i].feat("Animacy") == "Anim"]
    return (animate or before or [None])[0]


SUBORDINATORS = frozenset({"что", "чтобы", "как", "будто", "если", "когда", "который", "где", "почему", "ли"})
CIRCUMSTANCE_REACH = 8  # tokens after a verb that a date or place set off by commas may take


def set_off_circumstance(index: TokenIndex, verb: int, comma: int) -> bool:
    """A comma inside the verb's own circumstances (`в среду, 8 февраля,`): everything from the verb to it
    hangs on the verb, no nominative among it, so the subject may still follow."""
    between = [j for j in range(verb + 1, comma) if not index.is_punct(j)]
    tree = index.subtree(verb)
    following = comma + 1
    if not between or following >= len(index.tokens) or index.lemma(following) in SUBORDINATORS or comma - verb > CIRCUMSTANCE_REACH:
        return False  # `заявил, что …`, `сказал журналистам, что …`: the clause after the comma is what was said
    if not any(index.text(j) == "," for j in range(verb + 1, comma)) and not closes_set_off(index, comma):
        return False  # `Как сообщили в полиции, правительство …`: no second comma, the clause after is what was said
    return all(j in tree and index.tokens[j].rel in {"obl", "nmod", "case", "flat", "nummod", "amod"} for j in between)


def closes_set_off(index: TokenIndex, comma: int) -> bool:
    """A comma that opens a short set-off phrase (`, 8 февраля,`): another comma follows within a few
    tokens, with no nominative between that could be the subject of what was said."""
    reach = range(comma + 1, min(comma + 6, len(index.tokens)))
    close = next((j for j in reach if index.text(j) == ","), None)
    return close is not None and not any(nominal(index, j) for j in range(comma + 1, close))


def nominal(index: TokenIndex, i: int) -> bool:
    token = index.tokens[i]
    return token.pos in {"NOUN", "PROPN", "PRON"} and token.feat("Case") == "Nom" and index.lemma(i) not in {"что", "это", "кто"}


def phrase(index: TokenIndex, head: int) -> set[int]:
    """The head's contiguous subtree within its clause: `глава МИД Сергей Лавров`, not the clause after a comma."""
    subtree = index.subtree(head)
    ids = {head}
    subtree -= {i for i in subtree if i < head and index.tokens[i].pos == "ADP"}  # `на [источник]`
    for step in (-1, 1):
        i = head + step
        while 0 <= i < len(index.tokens) and i in subtree and not phrase_stop(index, i) and index.lemma(i) not in {"который", "что"}:
            ids.add(i)
            i += step
    return ids


def phrase_stop(index: TokenIndex, i: int) -> bool:
    """Punctuation that ends a phrase, but not a dot inside a name (`проекта gulagu.net`)."""
    if index.text(i) != ".":
        return index.text(i) in PHRASE_STOPS
    text, end = index.doc.text, index.tokens[i].end
    return i == 0 or index.tokens[i - 1].end != index.tokens[i].start or end >= len(text) or not text[end].isalnum()
