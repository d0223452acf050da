"""Names given in apposition (`глава МИД Сергей Лавров`, `профессор ВШЭ, американист Александр Домрин`):
the person a noun phrase names, never an owner in the genitive (`адвокат Иванова`)."""

from __future__ import annotations

from ...doc import Entity, coarse_type
from ..speaker_phrases import phrase
from .attribution import Attribution
from .speaker_words import APPOSITION_WORDS, ROLE_SENTENCES
from .speaker_entities import SpeakerEntities


class Appositions(SpeakerEntities):
    """The person a speaker's noun names by apposition."""

    def name_inside(self, head: int, cue: int) -> Attribution | None:
        """`глава МИД Сергей Лавров`: the name in apposition (same case as the head), not a genitive owner,
        also past words the parse hung elsewhere (`Сопредседатель «Альтернативы…» Алиса Вайдель`)."""
        case = self.index.tokens[head].feat("Case")
        appositions = {i for a in self.index.dependents(head, "appos") for i in self.index.subtree(a)}
        ordered = sorted(phrase(self.index, head) | appositions, key=lambda i: (self.index.tokens[i].feat("Case") != case, abs(i - head)))
        number = self.index.tokens[head].feat("Number")
        for i in ordered:
            entity = self.index.entity_at(i)
            other_case = case and self.index.tokens[i].feat("Case") not in (case, None)
            other_number = number == "Plur" and self.index.tokens[i].feat("Number") == "Sing"  # not `сторонников [Навального]`
            if entity and coarse_type(entity.type) == "PER" and not other_case and not other_number:  # not `адвокат [Иванова]`
                return Attribution(entity.id, entity.name, "speaker.apposition")
        entity = self.set_off_person(head) if self.index.tokens[head].pos == "NOUN" else None
        return Attribution(entity.id, entity.name, "speaker.apposition") if entity else None

    def person_in_apposition(self, head: int) -> Entity | None:
        """The person a noun names by apposition (`профессор ВШЭ, американист Александр Домрин`), never
        an owner in the genitive (`адвокат Иванова`)."""
        words = set().union(*(phrase(self.index, a) for a in self.index.dependents(head, "appos")))
        people = [e for e in map(self.index.entity_at, sorted(words)) if e is not None and coarse_type(e.type) == "PER"]
        return next((e for e in people if not e.anonymous), None) or self.set_off_person(head)

    def set_off_person(self, head: int) -> Entity | None:
        """The name right after the head's phrase, or set off by a comma, in the head's case and number, whatever
        the parse made of it: `по словам профессора НИУ ВШЭ, американиста Александра Домрина,`, `один из
        участников, отставной генерал Питер Цвак,`, `руководителя проекта gulagu.net Владимира Осечкина`."""
        case, number = self.index.tokens[head].feat("Case"), self.index.tokens[head].feat("Number")
        after = max(phrase(self.index, head)) + 1
        if case is None or after >= len(self.index.tokens):
            return None
        comma = self.index.text(after) in {",", "—", "–"}  # `одна из противниц Мэй — министр Никола Старджен —`
        stop = min(after + comma + (APPOSITION_WORDS if comma else 1), self.index.sentence_of(head).stop)
        for i in range(after + comma, stop):
            token = self.index.tokens[i]
            if self.index.is_punct(i) or token.pos not in {"NOUN", "PROPN", "ADJ"}:
                return None
            entity = self.index.entity_at(i)
            if entity is not None and coarse_type(entity.type) == "PER" and not entity.anonymous:
                name = [k for k in range(i, stop) if self.index.entity_at(k) is entity]  # `Александра [Acc?] Домрина [Gen]`
                agrees = any(self.index.tokens[k].feat("Case") == case for k in name) and token.feat("Number") in (number, None)
                return entity if agrees and (not comma or self.closes_set_off(i)) else None
        return None

    def closes_set_off(self, i: int) -> bool:
        """The name at token `i` ends where a comma or dash closes the set-off phrase (`прогнозирует эксперт,
        Ципрас потеряет …` sets nothing off: the name begins the clause)."""
        stop = self.index.sentence_of(i).stop
        j = i
        while j + 1 < stop and self.index.entity_at(j + 1) is self.index.entity_at(i):
            j += 1
        return j + 1 < stop and self.index.text(j + 1) in {",", "—", "–", ")"}

    def introduced_as(self, head: int) -> Entity | None:
        """`комиссар СЕ заявил` after `Комиссар Совета Европы Томас Хаммерберг посетил …`: the person the
        article introduced with the same noun a few sentences before."""
        here = self.index.tokens[head].sentence
        for i in range(head - 1, -1, -1):
            if here - self.index.tokens[i].sentence > ROLE_SENTENCES:
                return None
            if self.index.lemma(i) != self.index.lemma(head) or i in self.quoted:
                continue
            person = self.person_in_apposition(i)
            if person is not None:
                return person
        return None
