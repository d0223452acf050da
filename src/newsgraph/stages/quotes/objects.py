"""What was said as a noun phrase: the stance noun of `выразил надежду, что …`, the request of `обратился с
просьбой посодействовать …`, the object of `отметил важность …` or `назвал закон жестоким`.

Each rule returns a `Candidate` or None at one token, like the clause rules of `indirect`.
"""

from __future__ import annotations

from dataclasses import replace

from .clauses import SENTENCE_END, clause, is_verb, reports, requested_act_end
from .cues import (
    ABOUT, DOCUMENT_VERBS, EXPRESS_VERBS, EXPRESSED_NOUNS, NAMING_VERBS, OBJECT_VERBS, ON_VERBS, REQUEST_NOUNS, THAT,
)
from .direct import Candidate
from ..token_index import TokenIndex

EXPRESS_REACH = 6  # words from `выразил` to the noun it expresses
# verbs whose object is said only with its frame: `связал рост цен с санкциями`, `обвиняет банк в нарушении
# договора`, `расценивает действия как вторжение`; the one framed may be a person (`обвинил министра в …`)
FRAMING_VERBS = {
    "связать": "с", "связывать": "с", "обвинить": "в", "обвинять": "в", "расценить": "как", "расценивать": "как",
}
POINTING_BACK = frozenset({"этот", "это", "тот", "такой", "весь", "свой", "его", "ее", "их"})  # `подтвердил эти данные`


def express(index: TokenIndex, i: int) -> Candidate | None:
    """`выразил готовность продолжить диалог`, `выразила надежду, что …`, `выразил мнение о необходимости …`; not
    `выразил протест против визита` (a stance towards a thing, with nothing said about it)."""
    if index.lemma(i) not in EXPRESS_VERBS or not reports(index, i):
        return None
    for j in range(i + 1, min(i + EXPRESS_REACH, len(index.tokens))):  # `выразил в этой связи надежду`
        if index.lemma(j) in EXPRESSED_NOUNS:
            return clause(index, i, stance_content(index, j), "indirect.express") if proposition_follows(index, j + 1) else None
        if index.text(j) in SENTENCE_END or index.text(j) in {",", ";", ":"}:
            return None
    return None


def stance_content(index: TokenIndex, noun: int) -> int:
    """Where what was said begins after a stance noun: past `, что` and `на то, что` (`надежду на то, что …`), else
    right after the noun (`готовность сотрудничать`, `мнение о необходимости …`), as the annotation spans it."""
    j = noun + 1
    last = len(index.tokens) - 1
    if j + 1 <= last and index.lemma(j) in {"на", "в"} and index.lemma(j + 1) in {"то", "тот"}:
        j += 2
    if j + 1 <= last and index.text(j) == "," and index.lemma(j + 1) in THAT:
        return j + 2
    return noun + 1


def proposition_follows(index: TokenIndex, j: int) -> bool:
    """An infinitive, `, что …`, or `о/на/в …` (`надежду на то, что …`, `уверенность в победе`) after a stance noun."""
    if j + 1 >= len(index.tokens):
        return False
    if index.text(j) == ",":
        return index.lemma(j + 1) in THAT
    return index.tokens[j].feat("VerbForm") == "Inf" or index.lemma(j) in ABOUT | {"на", "в"}


def request(index: TokenIndex, i: int) -> Candidate | None:
    """`обратился к X с просьбой посодействовать …`, `выступил с призывом разработать …`: a request noun with its
    infinitive, after the verb whose subject asked."""
    if index.lemma(i) != "с" or i + 2 >= len(index.tokens) or index.lemma(i + 1) not in REQUEST_NOUNS:
        return None
    act = i + 3 if index.text(i + 2) in {"«", "„", '"'} and i + 3 < len(index.tokens) else i + 2
    if index.tokens[act].feat("VerbForm") != "Inf":
        return None
    verb = next((j for j in range(i - 1, max(-1, i - 5), -1) if is_verb(index, j) and reports(index, j)), None)
    if verb is None or index.tokens[verb].sentence != index.tokens[i].sentence:
        return None
    found = clause(index, verb, i + 2, "indirect.request")
    return replace(found, cue_tokens=(i, i + 1), end=requested_act_end(index, found)) if found else None


def spoken_object(index: TokenIndex, i: int) -> Candidate | None:
    """`отметил актуальность задач`, `прогнозирует рост напряженности`, `связал отставку с давлением`, `указал на
    сложности`, `назвала генсека кормчим`: the object noun phrase of a speech verb is what was said (not a pronoun
    pointing back); of a document's passive (`в докладе подчеркивается нежелание …`), its subject."""
    naming = index.lemma(i) in NAMING_VERBS
    passive = index.lemma(i) in DOCUMENT_VERBS  # `в материалах NBC подчеркивается нежелание …`: the subject was said
    on = index.lemma(i) in ON_VERBS
    framing = FRAMING_VERBS.get(index.lemma(i))
    if not (naming or passive or on or framing or index.lemma(i) in OBJECT_VERBS) or not reports(index, i):
        return None
    if index.tokens[i].feat("VerbForm") != "Fin":
        return None
    if i > 0 and index.lemma(i - 1) == "не":
        return None
    j = i + 1
    while j < len(index.tokens) and index.tokens[j].pos == "ADV":
        j += 1  # `отметил также`
    if on:
        if j >= len(index.tokens) or index.lemma(j) != "на":
            return None
        j += 1
    if j >= len(index.tokens) or index.tokens[j].sentence != index.tokens[i].sentence:
        return None
    token = index.tokens[j]
    pointing = token.pos == "DET" and index.lemma(j) in POINTING_BACK
    if token.pos not in {"NOUN", "ADJ", "DET"} or pointing or token.feat("Animacy") == "Anim" and not (naming or framing):
        return None
    if token.feat("Case") not in ({"Nom"} if passive else {"Acc", "Loc"} if on else {"Acc"}):
        return None  # `настаивают на отмене` (Loc), `указал на сложности` (Acc)
    found = clause(index, i, j, "indirect.object")
    if found is None:
        return None
    content = index.tokens_in(found.start, found.end)
    if framing and not any(index.lemma(k) == framing for k in content):
        return None
    if naming and not any(is_name_given(index, k) for k in content) and not name_given_first(index, i):
        return None  # `назвал законодательство жестоким` names it something; `назвал причину` only names
    return found


def is_name_given(index: TokenIndex, k: int) -> bool:
    return index.tokens[k].feat("Case") == "Ins" and index.tokens[k].pos in {"NOUN", "ADJ"}


NAME_FIRST_REACH = 8  # words from a sentence-opening name to its naming verb


def name_given_first(index: TokenIndex, verb: int) -> bool:
    """`Причиной пожара специалисты назвали замыкание`: the name opens the sentence, what was named follows the verb."""
    first = index.sentence_of(verb).start
    return verb - first <= NAME_FIRST_REACH and is_name_given(index, first)
