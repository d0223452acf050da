"""Participants the article describes but does not name (`силовики`, `власти Мали`, `родители захваченных
детей`, `протестующие`): an entity named by the describing phrase in the nominative, made once per article.

A mixin of `ArticleEntities` (participants.py), which holds the article's entities and mentions.
"""

from __future__ import annotations

from dataclasses import replace

from ...doc import Article, Entity
from ..normalize import nominative
from ..speaker_phrases import common_noun_case
from ..states import name_key
from .participant_words import (
    ACTING_BODIES, ARGUMENT_RELS, DESCRIPTION_RELS, FIRST_PERSON, FORCES, GROUP_WORDS, NOT_PARTICIPANTS, PRONOUNS, marker,
)


class Descriptions:
    doc: Article
    kids: list[list[int]]
    entities: list[Entity]
    by_token: dict[int, str]

    def described_group(self, i: int, principal: str | None = None) -> str | None:
        """A participant the article describes but does not name (`силовики`, `власти`, `родители
        захваченных детей`, `WWF` missed by the NER): an entity named by its phrase in the nominative,
        with the state it acts for as its `principal`."""
        token = self.doc.tokens[i]
        who = next((k for k in self.kids[i] if self.doc.tokens[k].rel == "acl" and self.substantive(k)), None)
        if token.lemma in NOT_PARTICIPANTS and who is not None:  # `145 тыс. человек, подписавших петицию`
            return self.described_group(who, principal)
        participle = self.substantive(i)
        if token.lemma in NOT_PARTICIPANTS | GROUP_WORDS | PRONOUNS | FIRST_PERSON or (
            token.pos not in {"NOUN", "PROPN"} and not participle
        ):
            return None
        if token.pos == "NOUN" and token.feat("Animacy") != "Anim" and token.lemma not in ACTING_BODIES | FORCES:
            return None
        ids = self.description(i)
        name = common_noun_case(self.nominative_phrase(i, ids))
        key = name_key(name)
        kind = "PER" if participle or token.feat("Animacy") == "Anim" else "ORG"
        existing = next((e for e in self.entities if name_key(e.name) == key), None)
        mention = self.add_mention(ids[0], name, end=ids[-1], type=kind)
        if existing:
            entity = replace(existing, mentions=(*existing.mentions, mention))
            self.entities[self.entities.index(existing)] = entity
        else:
            entity = Entity(id=self.next_entity_id(), type=kind, name=name, mentions=(mention,), principal=principal)
            self.entities.append(entity)
        self.by_token[i] = entity.id
        return entity.id

    def substantive(self, i: int) -> bool:
        """A participle or plural adjective standing for the people it describes: as an argument (`протестующие
        были разогнаны`, `неизвестные напали`, `избиты неизвестными`), or as the clause on a word that names
        nobody (`145 тыс. человек, подписавших петицию`)."""
        token, head = self.doc.tokens[i], self.doc.tokens[i].head
        on_nobody = token.rel == "acl" and head is not None and head >= 0 and self.doc.tokens[head].lemma in NOT_PARTICIPANTS
        people = token.pos == "ADJ" and token.feat("Number") == "Plur" and token.rel in ARGUMENT_RELS
        participle = token.pos == "VERB" and token.feat("VerbForm") == "Part" and (token.rel in ARGUMENT_RELS or on_nobody)
        return people or participle

    def description(self, i: int) -> list[int]:
        """The noun with its adjectives and genitive modifiers, contiguous: `российские частные военные подрядчики`."""
        tokens = self.doc.tokens
        ids, frontier = {i}, [i]
        while frontier:
            node = frontier.pop()
            for k in self.kids[node]:
                rel = tokens[k].rel
                genitive = rel != "nmod" or not marker(self.doc, self.kids, k)  # `прокуратура города Павия`, not `в Москве`
                counts = rel == "nummod" and node != i  # `преподаватели 16 вузов`, not `35 дипломаты`
                done = rel == "obj" and node == i and tokens[i].pos == "VERB"  # `подписавшие петицию`
                if (rel in DESCRIPTION_RELS or counts or done) and genitive and abs(k - i) <= 6:
                    ids.add(k)
                    frontier.append(k)
        start = end = i
        while start - 1 in ids:
            start -= 1
        while end + 1 in ids:
            end += 1
        return list(range(start, end + 1))

    def nominative_phrase(self, head: int, ids: list[int]) -> str:
        """The head and the adjectives agreeing with it in the nominative, the rest as written."""
        tokens = self.doc.tokens
        case = tokens[head].feat("Case")
        parts = []
        for k in ids:
            word = self.doc.span_text(tokens[k])
            agrees = k == head or (tokens[k].head == head and tokens[k].pos in {"ADJ", "DET"} and tokens[k].feat("Case") == case)
            parts.append(nominative(word, tokens[k], person=False) if agrees and tokens[k].pos != "PROPN" else word)
            if k != ids[-1]:
                parts.append(self.doc.text[tokens[k].end : tokens[k + 1].start])
        return "".join(parts)

