"""The rules a speaker phrase goes through (`SpeakerResolver.for_phrase`) other than roles, appositions and
documents: a mention, a pronoun, an anonymous source, a medium, a body, a side, a name NER missed."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from ...doc import coarse_type
from .names import genitive_name
from ..speaker_phrases import SUBJECT_RELS, common_noun_case, phrase
from ..speaker_roles import place_key, place_like
from ..token_index import person_gender
from .attribution import NOBODY, Attribution
from .speaker_words import (
    ANAPHORIC_BODIES, ANONYMOUS_NOUNS, BODY_NOUNS, DEMONSTRATIVES, MEDIUM_NOUNS, NOT_MEDIA, POSSESSIVE_GENDER, PRONOUNS,
    SIDES, UNNAMED_WORDS, is_body, is_organisation, of_place,
)
from .speaker_entities import SpeakerEntities


class PhraseRules(SpeakerEntities):
    """The rules from a subject or `по словам X` phrase to who spoke."""

    def named(self, head: int, cue: int) -> Attribution | None:
        entity = self.index.outer_entity_at(head)
        if entity is None or self.index.lemma(head) in MEDIUM_NOUNS:
            return None
        return Attribution(entity.id, entity.name, "speaker.mention")

    def pronoun(self, head: int, cue: int) -> Attribution | None:
        """`он заявил`, `по ее словам`: the antecedent of the right gender, or a recent organisation for `они`."""
        word = self.index.text(head).lower().replace("ё", "е")
        if self.index.lemma(head) in DEMONSTRATIVES and self.index.tokens[head].rel in SUBJECT_RELS:
            entity = self.recent_mention(cue, lambda e: coarse_type(e.type) == "PER")  # `Тот сообщил`: the one named last
            return Attribution(entity.id, entity.name, "speaker.pronoun") if entity else None
        if self.index.lemma(head) not in PRONOUNS and word not in POSSESSIVE_GENDER:
            return None
        token = self.index.tokens[head]
        gender = POSSESSIVE_GENDER.get(word) or token.feat("Gender") or self.index.tokens[cue].feat("Gender")
        if gender == "Plur" or token.feat("Number") == "Plur" or self.index.lemma(head) == "они":
            # `Врачи говорят, что … Они предупреждают`: an organisation, or people who spoke as a group
            entity = self.recent_speaker(lambda e: is_organisation(e) or e.id in self.groups, cue)
        else:
            entity = self.salient_person(cue, lambda e: person_gender(self.index, e) in (gender, None)) or self.organisation_as(cue, gender)
        return Attribution(entity.id, entity.name, "speaker.pronoun") if entity else None

    def anonymous(self, head: int, cue: int) -> Attribution | None:
        """`источник в правительстве`, `один из источников`, `собеседник агентства`."""
        ids = phrase(self.index, head)
        lemmas = {self.index.lemma(i) for i in ids}
        unnamed = {self.index.lemma(i) for i in self.index.subtree(head)} & UNNAMED_WORDS
        one_of = self.one_of(head)
        named = (self.person_in_apposition(head) or self.person_in_apposition(one_of)) if one_of is not None else None
        if named is not None:  # `один из участников, отставной генерал Питер Цвак`, `одного из участников – Анзора Глоова`
            return Attribution(named.id, named.name, "speaker.apposition")
        if one_of is not None and not lemmas & ANONYMOUS_NOUNS:  # `один из участников совещания`
            return self.created(one_of, "PER", common_noun_case(self.nominative_phrase(one_of)), "speaker.anonymous", anonymous=True)
        if self.index.lemma(head) not in ANONYMOUS_NOUNS and not unnamed and not (
            self.index.lemma(head) in {"один", "другой", "ряд"} and lemmas & ANONYMOUS_NOUNS
        ):
            return None
        if any(self.index.entity_at(i) and coarse_type(self.index.entity_at(i).type) == "PER" for i in ids):
            return None  # `чиновник Госдепартамента Джон Смит` is named
        return self.created(head, "PER", common_noun_case(self.nominative_phrase(head)), "speaker.anonymous", anonymous=True)

    def one_of(self, head: int) -> int | None:
        """`один из участников`: the people the speaker is one of (an animate plural noun after `из`)."""
        if self.index.lemma(head) not in {"один", "другой"}:
            return None
        for i in range(head + 1, min(head + 4, len(self.index.tokens))):
            token = self.index.tokens[i]
            if token.pos == "NOUN" and token.feat("Animacy") == "Anim" and token.feat("Number") == "Plur":
                return i if self.index.lemma(head + 1) == "из" else None
        return None

    def medium(self, head: int, cue: int) -> Attribution | None:
        """`газета «Политика»`, `агентство Reuters`; a bare `агентство` is the medium named last."""
        if self.index.lemma(head) not in MEDIUM_NOUNS:
            return None
        words = [i for i in sorted(phrase(self.index, head)) if i > head]
        entity = next((self.index.entity_at(i) for i in words if self.index.entity_at(i)), None)
        if entity is not None and not is_organisation(entity):  # `сайт госзакупок США` is no state's, but a medium of its own
            return self.created(head, "ORG", common_noun_case(self.nominative_phrase(head)), "speaker.medium")
        if entity is not None and not set(entity.name.lower().split()) & NOT_MEDIA:
            return Attribution(entity.id, entity.name, "speaker.medium")
        name = " ".join(self.index.text(i) for i in words if self.index.text(i) not in {"«", "»", '"'})
        if entity is not None:  # `Радио «Свобода»` is the station, not the party the linker took the name for
            return self.created(head, "ORG", self.nominative_phrase(head), "speaker.medium")
        if name[:1].isupper():
            return self.created(head, "ORG", name, "speaker.medium")
        entity = self.recent_mention(cue, self.is_medium)
        return Attribution(entity.id, entity.name, "speaker.medium_anaphor") if entity else None

    def collective(self, head: int, cue: int) -> Attribution | None:
        """`пресс-служба Макрона` → ORG "пресс-служба Эммануэля Макрона", principal Macron; a bare `ведомство` is the body named last."""
        if not is_body(self.index.lemma(head)) and not self.bare_anaphor(head):
            return None
        named = next((e for e in map(self.index.outer_entity_at, self.index.dependents(head, "appos")) if e and is_organisation(e)), None)
        if named is not None:  # `в компании Tele2`: the body is the one named
            return Attribution(named.id, named.name, "speaker.collective_named")
        owner = next(iter(self.index.dependents(head, "nmod")), None)
        if owner is None and self.index.lemma(head) in ANAPHORIC_BODIES:
            places = {place_key(self.index.text(a)) for a in self.index.dependents(head, "amod") if place_like(self.index.lemma(a))}
            if places:  # `в украинском ведомстве`: the body of that country named last
                entity = self.recent_mention(cue, lambda e: is_organisation(e) and of_place(e.name, places))
            else:  # `в ведомстве`, `регулятор`: the organisation that spoke last, else the one named last
                entity = self.recent_speaker(is_organisation, cue) or self.recent_mention(cue, is_organisation)
            if entity is not None:
                return Attribution(entity.id, entity.name, "speaker.collective_anaphor")
        if not is_body(self.index.lemma(head)):
            return None
        principal = self.for_phrase(owner, cue) if owner is not None else NOBODY
        entity = self.entity(principal.speaker)
        if entity is not None and coarse_type(entity.type) == "PER" and entity in self.doc.entities:
            name = f"{self.index.lemma(head)} {genitive_name(self.written_name(entity), person_gender(self.index, entity))}"
        else:
            name = common_noun_case(self.nominative_phrase(head))
        return self.created(head, "ORG", name, "speaker.collective", principal=principal.speaker)

    def bare_anaphor(self, head: int) -> bool:
        """`в организации подчеркнули`: an anaphoric noun with no name or owner of its own (not `движение «…»`)."""
        named = self.index.dependents(head, "nmod", "appos", "flat", "flat:name") or self.index.text(head + 1) in {"«", '"'}
        return self.index.lemma(head) in ANAPHORIC_BODIES and not named

    def named_before(self, head: int, cue: int) -> Attribution | None:
        """`В институте рассказали` after `президент Института Пушкина`: a common noun that opens the name
        of an organisation named before stands for it."""
        token = self.index.tokens[head]
        if token.pos != "NOUN" or self.index.entity_at(head) is not None:
            return None
        named = self.name_openers.get(self.index.lemma(head), [])
        last = next((named[k] for k in range(bisect_left(named, cue) - 1, -1, -1) if named[k] not in self.said), None)
        entity = self.index.entity_at(last) if last is not None else None
        return Attribution(entity.id, entity.name, "speaker.named_before") if entity else None

    @cached_property
    def name_openers(self) -> dict[str, list[int]]:
        """Per lemma, the tokens (in order) of the organisations whose names open with it (`институт` of
        «Институт Пушкина»): `named_before` looks back through these alone, not through every word before
        its cue, so a long article costs no scan per quote."""
        opening: dict[str, frozenset[str]] = {}
        found: dict[str, list[int]] = {}
        for i in range(len(self.index.tokens)):
            entity = self.index.entity_at(i)
            if entity is None or not is_organisation(entity):
                continue
            if entity.id not in opening:
                firsts = (self.index.token_at(m.start) for m in map(self.doc.mention, entity.mentions) if m)
                opening[entity.id] = frozenset(self.index.lemma(t) for t in firsts if t is not None)
            for lemma in opening[entity.id]:
                found.setdefault(lemma, []).append(i)
        return found

    def body(self, head: int, cue: int) -> Attribution | None:
        """`полиция заверила`, `немецкая полиция`, `СМИ сообщают`, `власти признали`: the body as described,
        not the place named in it."""
        if self.index.lemma(head) not in BODY_NOUNS or self.index.tokens[head].pos not in {"NOUN", "PROPN"}:
            return None
        return self.created(head, "ORG", common_noun_case(self.nominative_phrase(head)), "speaker.body", known=True)

    def side(self, head: int, cue: int) -> Attribution | None:
        """`украинская сторона настаивает`: the state the place adjective names."""
        if self.index.lemma(head) not in SIDES:
            return None
        place = next((e for i in self.index.dependents(head, "amod") if (e := self.index.entity_at(i)) and coarse_type(e.type) == "LOC"), None)
        return Attribution(place.id, place.name, "speaker.side") if place else None

    def any_mention(self, head: int, cue: int) -> Attribution | None:
        """An organisation speaks through its people (`аналитики Goldman Sachs`); but `шеф полиции Сан-Диего`
        is a person, not the city, `профессора НИУ ВШЭ, американиста Александра Домрина` is Домрин, and
        `съезда ветеранов абхазской войны` no Абхазия: a place adjective describes, it does not speak."""
        ids = sorted(phrase(self.index, head), key=lambda i: abs(i - head))
        named = [self.index.entity_at(i) for i in ids if self.index.tokens[i].pos != "ADJ"]
        named = [e for e in named if e is not None]
        token = self.index.tokens[head]
        person = self.person_in_apposition(head)
        if token.pos == "NOUN" and token.feat("Animacy") == "Anim" and token.feat("Number") != "Plur":
            person = person or self.introduced_as(head)
            if person is not None:
                return Attribution(person.id, person.name, "speaker.mention")
        if token.pos == "NOUN" and token.feat("Animacy") == "Anim" and not any(coarse_type(e.type) == "ORG" for e in named):
            return self.created(head, "PER", common_noun_case(self.nominative_phrase(head)), "speaker.unnamed_person")
        entity = next((e for e in named if coarse_type(e.type) == "ORG"), named[0] if named else None)
        return Attribution(entity.id, entity.name, "speaker.mention") if entity else None

    def unlinked_name(self, head: int, cue: int) -> Attribution | None:
        """A capitalised name NER missed (`Зеленский заявил`): the person with that surname, or a new one."""
        token = self.index.tokens[head]
        if token.pos != "PROPN" or token.feat("Animacy") != "Anim":
            return None
        surname = self.index.lemma(head)
        known = next((e for e in self.entities if coarse_type(e.type) == "PER" and e.name.lower().split()[-1:] == [surname]), None)
        if known is not None:
            return Attribution(known.id, known.name, "speaker.surname")
        return self.created(head, "PER", self.nominative_phrase(head), "speaker.unlinked_name")
