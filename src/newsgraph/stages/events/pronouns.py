"""Whom a word standing for parties named elsewhere refers to, in an event's participant slot: a
third-person pronoun, `последний` (the latter), a bare descriptor (`политик`) or place noun (`республика`),
a group noun spelling out its members between dashes.

A subject pronoun continues the subject of the sentence before (`Еврокомиссия выступила … В декабре она
начала расследование`); else the nearest person of its gender, passing over a man named sentences ago only
as a post's owner; an object pronoun that a thing named after that person can stand for is nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...doc import Article
from ..speaker_phrases import SUBJECT_RELS

if TYPE_CHECKING:
    from .participants import ArticleEntities

PRONOUN_GENDERS = {"он": "Masc", "она": "Fem"}
DESCRIPTOR_SENTENCES = 3  # how far back a bare descriptor (`политик`) looks for the person it names, as quotes do
DASHES = {"–", "—", "-"}
ARGUMENT_RELS = {"nsubj", "nsubj:pass", "obj", "iobj"}


def antecedent(people: ArticleEntities, i: int) -> str | None:
    """The nearest person mentioned before a pronoun; none for an object pronoun that a thing
    before it in its sentence can stand for (`поддержала его` after `согласование пакета`)."""
    wanted = PRONOUN_GENDERS.get(people.doc.tokens[i].lemma)
    # `она закончила расследование` is no man named last
    before = [(token, e) for token, e in people.person_tokens if token < i and people.gender_of(e) in (wanted, None)]
    if not before or (people.doc.tokens[i].rel not in SUBJECT_RELS and thing_before(people, i, after=before[-1][0])):
        return None
    if people.doc.tokens[i].rel in SUBJECT_RELS:  # `Он был задержан` is not a man named sentences ago as a post's owner
        near = people.doc.tokens[i].sentence - 1
        salient = [(token, e) for token, e in before if people.doc.tokens[token].sentence >= near or not owner_phrase(people.doc, token)]
        before = salient or before
    return before[-1][1]


def owner_phrase(doc: Article, token: int) -> bool:
    """A name inside a genitive modifier (`заместителем директора фонда Сергея Арамилева`)."""
    tokens = doc.tokens
    k = token
    while tokens[k].rel in {"flat:name", "flat", "appos"} and tokens[k].head is not None and tokens[k].head >= 0:
        k = tokens[k].head
    return tokens[k].rel == "nmod" and tokens[k].feat("Case") == "Gen"


def previous_subject(people: ArticleEntities, i: int, depth: int = 0) -> str | None:
    """`Еврокомиссия выступала против сделки. В декабре она закончила расследование`: a subject pronoun
    continues the main subject of the sentence before, when that names someone of its gender (a pronoun
    there is followed back in turn)."""
    tokens = people.doc.tokens
    pronoun = tokens[i]
    if pronoun.rel not in SUBJECT_RELS or pronoun.sentence == 0 or depth > 3:
        return None
    wanted = PRONOUN_GENDERS.get(pronoun.lemma)
    k = i
    while k > 0 and tokens[k - 1].sentence >= pronoun.sentence - 1:
        k -= 1
    before = [j for j in range(k, i) if tokens[j].sentence == pronoun.sentence - 1]
    root = next((k for k in before if tokens[k].head is None or tokens[k].head < 0), None)
    subject = next((k for k in before if tokens[k].head == root and tokens[k].rel in SUBJECT_RELS), None)
    if root is None or subject is None or tokens[subject].feat("Gender") not in (wanted, None):
        return None
    if tokens[subject].lemma in PRONOUN_GENDERS:
        return previous_subject(people, subject, depth + 1)
    entity = people.covering(subject)
    return entity if entity and people.type_of(entity) in {"PER", "ORG"} else None


def thing_before(people: ArticleEntities, i: int, after: int = -1) -> bool:
    """An inanimate singular noun of the pronoun's gender earlier in its sentence, as a subject or
    object (`в 2017 году … его арестовали`: a year or a place is nothing a pronoun stands for), named
    after token `after` (a person named closer is the one meant: `написал письмо, где раскритиковал X и обвинил его`)."""
    pronoun = people.doc.tokens[i]
    genders = {"Fem"} if pronoun.lemma == "она" else {"Masc", "Neut"}
    for k in range(i - 1, after, -1):
        token = people.doc.tokens[k]
        if token.sentence != pronoun.sentence:
            return False
        if (token.pos == "NOUN" and token.feat("Animacy") == "Inan" and token.feat("Number") == "Sing"
                and token.feat("Gender") in genders and k not in people.by_token and token.rel in ARGUMENT_RELS):
            return True
    return False


def latter(people: ArticleEntities, i: int) -> str | None:
    """`… и компанией «Алтек». Последняя обвиняет WFC`: the party named last before `последний`, in its
    sentence or the one before, of its gender when it has one (the name's or its head noun's)."""
    tokens = people.doc.tokens
    word = tokens[i]
    wanted = word.feat("Gender") if word.feat("Number") != "Plur" else None
    for k in range(i - 1, -1, -1):
        if tokens[k].sentence < word.sentence - 1:
            break
        entity = people.covering(k)
        if entity is None or people.type_of(entity) not in {"PER", "ORG", "LOC"}:
            continue
        head = tokens[k].head if tokens[k].rel in {"appos", "flat:name", "flat"} else None
        genders = {tokens[k].feat("Gender")} | ({tokens[head].feat("Gender")} if head is not None and head >= 0 else set())
        if wanted is None or wanted in genders:
            return entity
    return None


def listed_after(people: ArticleEntities, i: int) -> tuple[str, ...]:
    """`4 страны – Великобритания, Германия, США и Франция – приняли …`: the names a common noun's phrase
    spells out between dashes right after it (the parser hangs them anywhere)."""
    doc = people.doc
    tokens = doc.tokens
    j = i + 1
    while j < len(tokens) and tokens[j].pos != "PUNCT" and within(doc, j, i):
        j += 1
    if j >= len(tokens) or doc.span_text(tokens[j]) not in DASHES:
        return ()
    found: list[str] = []
    for k in range(j + 1, len(tokens)):
        text = doc.span_text(tokens[k])
        if text in DASHES:
            return tuple(dict.fromkeys(people.as_state(e) for e in found))
        entity = people.covering(k) or people.named_elsewhere(k)
        if entity:
            found.append(entity)
        elif text not in {",", "и"} and tokens[k].pos not in {"PROPN", "PUNCT"}:
            return ()
    return ()


def within(doc: Article, k: int, top: int) -> bool:
    """Token `k` is in the phrase headed by `top` (a parse walked as a tree, tree.py)."""
    for _ in range(8):
        head = doc.tokens[k].head
        if head is None or head < 0:
            return False
        if head == top:
            return True
        k = head
    return False


def last_person(people: ArticleEntities, i: int) -> str | None:
    """`«…», — подчеркнул Курц. Для реализации этого плана политик предложил …`: a bare descriptor names the
    person mentioned last, a few sentences back at most."""
    here = people.doc.tokens[i].sentence
    before = [e for token, e in people.person_tokens if token < i and here - people.doc.tokens[token].sentence <= DESCRIPTOR_SENTENCES]
    return before[-1] if before else None


def last_place(people: ArticleEntities, i: int) -> str | None:
    """`трехдневный визит в Чечню … В республике он уже побывал`: a bare place noun stands for the place
    named last, a few sentences back at most."""
    tokens = people.doc.tokens
    for k in range(i - 1, -1, -1):
        if tokens[i].sentence - tokens[k].sentence > DESCRIPTOR_SENTENCES:
            return None
        entity = people.covering(k)
        if entity and people.type_of(entity) == "LOC":
            return people.as_state(entity)
    return None
