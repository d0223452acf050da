"""Who the text is about at a cue: the person a pronoun or a subjectless verb goes on about, the entity
named or heard last."""

from __future__ import annotations

from ...doc import Entity, coarse_type
from ..speaker_phrases import SUBJECT_RELS, phrase
from ..token_index import person_gender
from .attribution import NOBODY, Attribution
from .speaker_words import is_organisation
from .speaker_entities import SpeakerEntities


class Salience(SpeakerEntities):
    """Lookups back through the article for the person or organisation in focus."""

    def zero_subject(self, verb: int) -> Attribution:
        """`Однако добавила, что …`: a personal verb with no subject goes on about the person the text is about."""
        token = self.index.tokens[verb]
        gerund = token.feat("VerbForm") == "Conv"  # `…, заявив, что`: the person of the clause it hangs on
        if not gerund and (token.feat("VerbForm") != "Fin" or token.feat("Number") != "Sing" or token.feat("Person") in {"1", "2"}):
            return NOBODY
        gender = token.feat("Gender")
        entity = self.named_after(verb) or self.salient_person(verb, lambda e: gerund or person_gender(self.index, e) in (gender, None), 2)
        if entity is None:
            return NOBODY
        self.spoken.append((verb, entity.id))
        return Attribution(entity.id, entity.name, "speaker.zero")

    def named_after(self, verb: int) -> Entity | None:
        """`— заявила в среду, 8 февраля, командующая кораблём Андриа Слау`: the person named after the verb, before
        what is said, when the parse took the name for something other than the subject; not one addressed
        (`сказала Ивану Петрову`) or governed by a preposition (`в беседе с Иваном Петровым`)."""
        if verb == 0 or self.index.text(verb - 1) not in {"—", "–", "-"}:
            return None  # only a cue set after the words (`«…», — заявила`) names its speaker after itself
        for i in range(verb + 1, self.index.sentence_of(verb).stop):
            if self.index.lemma(i) in {"что", "чтобы"} or self.index.text(i) in {":", "«", '"'} or i in self.quoted:
                return None
            if self.index.tokens[i].pos == "VERB":
                return None  # another clause
            entity = self.index.entity_at(i)
            if entity is not None and coarse_type(entity.type) == "PER" and not entity.anonymous:
                governed = self.index.tokens[i - 1].pos == "ADP" or self.index.tokens[i].feat("Case") == "Dat"
                return None if governed else entity
        return None

    def salient_person(self, cue: int, fits, sentences: int = 5) -> Entity | None:
        """The person the text is about at `cue`, sentence by sentence backwards: a speaker, else a subject,
        else (in earlier sentences) a name in the nominative; only when none is found, any name
        (`шаг Обамы, уверен адвокат. «…», — отметил он` is the lawyer quoted before, not Obama).
        Words inside quotation marks are not candidates."""
        return self.salient(cue, fits, sentences, nominative_only=True) or self.salient(cue, fits, sentences, nominative_only=False)

    def salient(self, cue: int, fits, sentences: int, nominative_only: bool) -> Entity | None:
        here = self.index.tokens[cue].sentence
        for sentence in range(here, max(-1, here - sentences), -1):
            ids = [i for i in self.index.sentence_ranges[sentence] if i < cue and i not in self.quoted]
            spoken = [self.entity(e) for t, e in self.spoken if t in ids]
            subjects = [self.subject_entity(i) for i in ids if self.index.tokens[i].rel in SUBJECT_RELS]
            # a name in the nominative first: `прибыл президент Дмитрий Медведев` before `юбилей Ельцина`
            by_case = sorted(ids, key=lambda i: self.index.tokens[i].feat("Case") != "Nom")
            named = [
                self.index.entity_at(i) for i in by_case
                if not nominative_only or self.index.tokens[i].feat("Case") in ("Nom", None)
            ] if sentence < here else []
            if nominative_only and sentence == here - 1 and not self.people(spoken + subjects + named, fits):
                # `Мы побеседовали с политологом Маркусом Бергом. Он заявил`: the person just named, before anyone
                # further back, though not as an owner in the genitive (`шаг Байдена, уверен адвокат`)
                named = [self.index.entity_at(i) for i in ids if self.index.tokens[i].feat("Case") != "Gen"]
            people = self.people(spoken + subjects + named, fits)
            if people:
                return people[0]
        return None

    def people(self, entities: list, fits) -> list[Entity]:
        return [e for e in entities if e and coarse_type(e.type) == "PER" and not e.anonymous and e.id not in self.groups and fits(e)]

    def subject_entity(self, head: int) -> Entity | None:
        """The entity a subject names: its own mention or a name in apposition, which shares its case
        (`Сенатор Линдси Грэм`)."""
        case = self.index.tokens[head].feat("Case")
        return self.index.entity_at(head) or next((
            self.index.entity_at(i) for i in sorted(phrase(self.index, head))
            if self.index.entity_at(i) and self.index.tokens[i].feat("Case") in (case, None)  # not `Предложение [Ципраса]`
        ), None)

    def recent_mention(self, cue: int, fits) -> Entity | None:
        """The entity named last before `cue` that `fits`, outside quotation marks (`«…ООН…», — говорится в
        заявлении` is no statement of the ООН)."""
        for i in range(cue - 1, -1, -1):
            if i in self.said:
                continue
            entity = self.index.entity_at(i)
            if entity is not None and fits(entity):
                return entity
        return None

    def recent_speaker(self, fits, cue: int) -> Entity | None:
        for token, entity_id in reversed(self.spoken):
            entity = self.entity(entity_id)
            if token < cue and entity and fits(entity):
                return entity
        return None

    def organisation_as(self, cue: int, gender: str | None) -> Entity | None:
        """`Еврокомиссия выступала против сделки … она заявила`: with no person of the pronoun's gender, the
        organisation named in the sentence before whose name is of that gender."""
        here = self.index.tokens[cue].sentence
        for i in range(cue - 1, self.index.sentence_ranges[max(0, here - 1)].start - 1, -1):
            entity = self.index.entity_at(i)
            if gender is None or entity is None or not is_organisation(entity) or i in self.said:
                continue
            first = i
            while first > 0 and self.index.entity_at(first - 1) is entity:
                first -= 1
            head = next((k for k in range(first, i + 1) if self.index.tokens[k].pos in {"NOUN", "PROPN"}), i)
            if self.index.tokens[head].feat("Gender") == gender and self.index.tokens[head].feat("Number") != "Plur":
                return entity
        return None
