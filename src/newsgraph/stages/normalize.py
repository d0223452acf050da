"""Each mention's nominative form (`mention.normal`), with the cases natasha gets wrong handled by rule.

* Persons: every capitalised word is put in the nominative on its own
  (`person_names`), with the article's own nominative mentions as first evidence;
  a second pass uses the nominatives the first derived, so `Кир Стармеру` (read as
  nominative by the tagger) follows `Киру Стармеру` → `Кир Стармер`.
* Organisations and places: only the head noun (the first noun of the name) and
  the adjectives before it that agree with it change; everything after the head
  keeps its form, so `Министерстве иностранных дел России` → `Министерство
  иностранных дел России`, `Коалиции желающих` → `Коалиция желающих`.
  Indeclinable words (`Минобороны`, `США`) stay, and a declined abbreviation loses
  its ending (`МИДа` → `МИД`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..doc import Article, Mention, Token, coarse_type
from ..nlp import parses
from .base import BatchStage
from .person_names import UD_TO_OC_CASE, in_case, inflect, person_word_nominative, recover_shape, undo_ending
from .token_spans import tokens_within

DECLINED_ABBREVIATION = re.compile(r"^([А-ЯЁ]{2,})(а|у|ом|е|ы|ой|ам|ах|ами)$")


def name_key(text: str) -> str:
    return text.lower().replace("ё", "е")


def span_tokens(doc: Article, mention: Mention) -> list[Token]:
    return tokens_within(doc, mention.start, mention.end)


def join_words(doc: Article, tokens: list[Token], words: list[str]) -> str:
    """The words with the original spacing and punctuation between tokens."""
    parts = []
    for i, (token, word) in enumerate(zip(tokens, words)):
        parts.append(word)
        if i + 1 < len(tokens):
            parts.append(doc.text[token.end : tokens[i + 1].start])
    return "".join(parts)


def person_gender(doc: Article, tokens: list[Token]) -> str:
    """Fem/Masc from a known first name, else from the tagger's votes over the name's words."""
    for token in tokens:
        case = UD_TO_OC_CASE.get(token.feat("Case") or "")
        for parse in parses(doc.span_text(token).lower()):
            if parse.is_known and "Name" in parse.tag.grammemes and parse.tag.case == case and parse.tag.gender in {"masc", "femn"}:
                return "Fem" if parse.tag.gender == "femn" else "Masc"
    votes = Counter(t.feat("Gender") for t in tokens if t.feat("Gender"))
    return votes.most_common(1)[0][0] if votes else ""


def nominative_words(doc: Article) -> frozenset[str]:
    """Words of person mentions the tagger saw in the nominative: the article's own evidence."""
    return frozenset(
        name_key(doc.span_text(t))
        for m in doc.mentions
        if coarse_type(m.type) == "PER"
        for t in span_tokens(doc, m)
        if t.feat("Case") == "Nom" and doc.span_text(t)[:1].isupper()
    )


def misread_nominative(word: str, gender: str, derived: frozenset[str]) -> str:
    """A word tagged nominative that is an oblique form of a name found elsewhere (`Кир Стармеру`)."""
    for case in ("Dat", "Gen", "Ins"):
        candidate = undo_ending(word, case, gender)
        if candidate and name_key(candidate) in derived:
            return candidate
    return word


def normalize_person(
    doc: Article, tokens: list[Token], evidence: frozenset[str], derived: frozenset[str] = frozenset()
) -> str:
    gender = person_gender(doc, tokens)
    words = []
    for token in tokens:
        word, case = doc.span_text(token), token.feat("Case")
        if case == "Nom" and name_key(word) not in derived:
            # a nominative seen elsewhere in the article also tells a misread oblique form (`Юн Сок Ёлем`)
            words.append(misread_nominative(word, gender, derived | evidence))
        else:
            words.append(person_word_nominative(word, case, gender, token.feat("Number") == "Plur", evidence | derived))
    return join_words(doc, tokens, words)


def derived_nominatives(doc: Article, mentions: list[Mention]) -> frozenset[str]:
    """Nominatives the first pass derived from oblique forms: evidence for `misread_nominative`."""
    out = set()
    for mention in mentions:
        if coarse_type(mention.type) == "PER":
            source = set(name_key(doc.span_text(mention)).split())
            out |= {w for w in name_key(mention.normal).split() if w not in source}
    return frozenset(out)


def head_index(tokens: list[Token]) -> int:
    """The first noun of a name is its head in Russian (`Министерство иностранных дел`, `Соединённые Штаты`)."""
    return next((i for i, t in enumerate(tokens) if t.pos in {"NOUN", "PROPN"}), len(tokens) - 1)


OC_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def inflect_nominative(word: str, token: Token, pos: set[str], number: str | None = None, gender: str | None = None) -> str:
    """pymorphy's nominative in the tagged case (a known analysis first, else its guess); indeclinable words stay.

    `number` and `gender` are the head noun's, so adjectives agree with it
    (`Верховного народного собрания` → `Верховное народное собрание`).
    """
    return nominative_form(word, token.feat("Case"), number or token.feat("Number"), token.feat("Gender"), frozenset(pos), gender)


@lru_cache(maxsize=50_000)
def nominative_form(
    word: str, case: str | None, number: str | None, tagged: str | None, pos: frozenset[str], gender: str | None
) -> str:
    """`inflect_nominative` by the token's features alone, memoised: pymorphy's `inflect` is slow."""
    abbreviation = DECLINED_ABBREVIATION.match(word)
    if abbreviation:
        return abbreviation.group(1)
    oc_case = UD_TO_OC_CASE.get(case or "")
    if oc_case is None or oc_case == "nomn":
        return word
    plural = number == "Plur"
    if word.isupper():
        return word
    fitting = [p for p in parses(word.lower()) if p.tag.POS in pos and (p.tag.number == "plur") == plural]
    candidates = [p for p in fitting if in_case(p, oc_case)]
    tagged_gender = OC_GENDER.get(tagged or "")
    if not candidates and oc_case == "accs":
        # `в Виндзоре` read as accusative: a word with no accusative reading is a prepositional one.
        candidates, tagged_gender = [p for p in fitting if in_case(p, "loct")], "masc"
    for parse in sorted(candidates, key=lambda p: (not p.is_known, p.tag.gender != tagged_gender)):
        if "Fixd" in parse.tag.grammemes:
            return word
        wanted = {"nomn", "plur"} if plural else {"nomn", "sing"} | ({OC_GENDER[gender]} if gender in OC_GENDER and parse.tag.POS != "NOUN" else set())
        form = inflect(parse, wanted) or inflect(parse, {"nomn"})
        if form:
            return recover_shape(form.word, word)
    return word


def nominative(word: str, token: Token, person: bool) -> str:
    """One word in the nominative by its tagged case (used by other stages for single phrases)."""
    if person:
        return person_word_nominative(word, token.feat("Case"), token.feat("Gender") or "", token.feat("Number") == "Plur")
    return inflect_nominative(word, token, {"NOUN", "ADJF", "PRTF"})


def normalize_name(doc: Article, tokens: list[Token]) -> str:
    """Head noun and the agreeing adjectives before it to the nominative; the rest keeps its form."""
    head = head_index(tokens)
    head_case = tokens[head].feat("Case")
    number = tokens[head].feat("Number")
    words = [doc.span_text(t) for t in tokens]
    gender = tokens[head].feat("Gender")
    words[head] = inflect_nominative(words[head], tokens[head], {"NOUN"}, number)
    for i in range(head - 1, -1, -1):
        token = tokens[i]
        if token.pos not in {"ADJ", "DET", "VERB"} or token.feat("Case") != head_case:
            break
        words[i] = inflect_nominative(words[i], token, {"ADJF", "PRTF"}, number, gender)
    return join_words(doc, tokens, words)


def normalize_mention(
    doc: Article, mention: Mention, evidence: frozenset[str] = frozenset(), derived: frozenset[str] = frozenset()
) -> str:
    tokens = span_tokens(doc, mention)
    if not tokens:
        return doc.span_text(mention)
    if coarse_type(mention.type) == "PER":
        return normalize_person(doc, tokens, evidence, derived)
    return normalize_name(doc, tokens)


class Normalize(BatchStage):
    name = "normalize"
    requires = frozenset({"mentions", "morph"})
    provides = frozenset({"normal"})

    def annotate(self, doc: Article) -> Article:
        evidence = nominative_words(doc)
        first = [replace(m, normal=normalize_mention(doc, m, evidence)) for m in doc.mentions]
        derived = derived_nominatives(doc, first)
        mentions = [second_pass(doc, m, evidence, derived) for m in first]
        return doc.with_layer("mentions", mentions, marks="normal")


def second_pass(doc: Article, mention: Mention, evidence: frozenset[str], derived: frozenset[str]) -> Mention:
    """Persons again with the derived nominatives; without any, or for other types, the first pass stands."""
    if not derived or coarse_type(mention.type) != "PER":
        return mention
    return replace(mention, normal=normalize_mention(doc, mention, evidence, derived))
