"""Each mention's nominative form, with the cases natasha gets wrong handled by rule.

* Unknown (foreign) surnames lose their case ending without pymorphy's guessed
  fleeting vowel (`Мерца` → `Мерц`, not `Мерец`); a word that does not carry the
  ending its case and gender demand is indeclinable and stays (`Мелони`).
* In multiword names only the syntactic head and the adjectives agreeing with it are
  put in the nominative; dependents in the genitive keep their form
  (`Коалиции желающих` → `Коалиция желающих`).
"""

from __future__ import annotations

from dataclasses import replace

from ..doc import Article, Mention, Token
from ..nlp import parses
from .base import BatchStage

UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NAME_TAGS = {"Name", "Surn", "Patr"}

# Case endings of Russian-declined foreign surnames, per gender: (ending, replacement).
MASC_ENDINGS = {
    "Gen": (("ья", "ий"), ("я", "й"), ("а", "")),
    "Acc": (("ья", "ий"), ("я", "й"), ("а", "")),
    "Dat": (("ью", "ий"), ("ю", "й"), ("у", "")),
    "Ins": (("ьем", "ий"), ("ем", "й"), ("ом", "")),
    "Loc": (("ье", "ий"), ("е", "")),
}
FEM_ENDINGS = {
    "Gen": (("ии", "ия"), ("ы", "а")),
    "Acc": (("ию", "ия"), ("у", "а"), ("ю", "я")),
    "Dat": (("ии", "ия"), ("е", "а")),
    "Ins": (("ией", "ия"), ("ой", "а"), ("ей", "я")),
    "Loc": (("ии", "ия"), ("е", "а")),
}


def recover_shape(word: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def strip_case_ending(word: str, case: str, gender: str) -> str:
    """Undo a case ending on a word pymorphy does not know; leave indeclinable words alone."""
    table = FEM_ENDINGS if gender == "Fem" else MASC_ENDINGS
    lower = word.lower()
    for ending, replacement in table.get(case, ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return word[: len(word) - len(ending)] + replacement
    return word


def nominative(word: str, token: Token, person: bool) -> str:
    case = token.feat("Case")
    if not case or case == "Nom":
        return word
    gender = token.feat("Gender") or ""
    number = token.feat("Number") or "Sing"
    candidates = [p for p in parses(word.lower()) if p.tag.case == UD_TO_OC_CASE.get(case)]
    known = [p for p in candidates if p.is_known]
    if person:
        known = [p for p in known if NAME_TAGS & set(p.tag.grammemes)] or [
            p for p in known if "Geox" in p.tag.grammemes
        ]
    if known:
        parse = known[0]
        wanted = {"Nom", "Plur"} if number == "Plur" else {"Nom"}
        if person and gender == "Fem" and "Surn" in parse.tag.grammemes:
            wanted.add("Fem")
        form = parse.inflect(wanted) or parse.inflect({"Nom"})
        if form:
            return recover_shape(form.word, word)
        return word
    if token.pos in {"PROPN", "NOUN"} and word[:1].isupper():
        return strip_case_ending(word, case, gender)
    return word


def span_tokens(doc: Article, mention: Mention) -> list[int]:
    return [i for i, t in enumerate(doc.tokens) if t.start >= mention.start and t.end <= mention.end]


def head_of(doc: Article, ids: list[int]) -> int:
    """The token of the span whose syntactic head lies outside it (else the first noun)."""
    inside = set(ids)
    for i in ids:
        if doc.tokens[i].head is not None and doc.tokens[i].head not in inside:
            if doc.tokens[i].pos in {"NOUN", "PROPN", "ADJ"}:
                return i
    nouns = [i for i in ids if doc.tokens[i].pos in {"NOUN", "PROPN"}]
    return nouns[0] if nouns else ids[0]


def normalize_mention(doc: Article, mention: Mention) -> str:
    ids = span_tokens(doc, mention)
    if not ids:
        return doc.span_text(mention)
    person = mention.type == "PER"
    head = head_of(doc, ids)
    head_case = doc.tokens[head].feat("Case")
    parts = []
    for i in ids:
        token = doc.tokens[i]
        word = doc.span_text(token)
        agrees = i == head or (
            token.pos in {"ADJ", "PROPN", "NOUN", "DET"}
            and token.feat("Case") == head_case
            and (person or token.pos in {"ADJ", "DET"} or token.head == head or doc.tokens[head].head == i)
        )
        parts.append(nominative(word, token, person) if agrees else word)
        if i + 1 <= ids[-1]:
            parts.append(doc.text[token.end : doc.tokens[i + 1].start])
    return "".join(parts)


class Normalize(BatchStage):
    name = "normalize"
    requires = frozenset({"mentions", "morph"})
    provides = frozenset({"normal"})

    def annotate(self, doc: Article) -> Article:
        mentions = [replace(m, normal=normalize_mention(doc, m)) for m in doc.mentions]
        return doc.with_layer("mentions", mentions, marks="normal")
