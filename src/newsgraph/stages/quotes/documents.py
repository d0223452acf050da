"""Speakers without a subject and documents that speak (`в Кремле заявили`, `говорится в заявлении МИД`,
`В нём говорится`): the body or the document's owner."""

from __future__ import annotations

from ...doc import coarse_type
from .cues import DOCUMENT_NOUNS
from .attribution import NOBODY, Attribution
from .speaker_words import ADDRESSEE_PREPOSITIONS, DOCUMENT_SENTENCES, MEDIUM_NOUNS, POSSESSIVE_GENDER, is_organisation
from .speaker_entities import SpeakerEntities


class Documents(SpeakerEntities):
    """Where the words come from when a place or a document says them."""

    def speaking_body(self, verb: int) -> int | None:
        """`в Кремле заявили`, `в пресс-службе X сообщили`, `говорится в заявлении МИД`: who, without a subject."""
        sentence = self.index.sentence_of(verb)
        nearby = [i for i in range(max(sentence.start, verb - 6), min(sentence.stop, verb + 6)) if i != verb and self.index.lemma(i - 1) in {"в", "из"}]
        candidates = self.index.dependents(verb, "obl") + sorted(nearby, key=lambda i: abs(i - verb))
        for child in (c for c in candidates if c not in self.said):  # `«… в Следственном управлении …», — говорится`
            case = [self.index.lemma(c) for c in self.index.dependents(child, "case")] or [self.index.lemma(child - 1)]
            on_medium = case[0] == "на" and self.index.lemma(child) in MEDIUM_NOUNS  # `на сайте министерства сообщается`
            if (case[0] in {"в", "из"} or on_medium) and self.index.tokens[child].pos in {"NOUN", "PROPN"}:
                return child
            if case[0] == "в" and self.index.lemma(child) in {"он", "она"}:
                return self.document_before(child)
        return None

    def document_before(self, pronoun: int) -> int | None:
        """`Совбез заслушал доклад генсека ООН. В нём говорится …`: the document a `в нём` points back to,
        the last one named in this or the sentence before whose gender the pronoun has."""
        genders = {"Fem"} if self.index.lemma(pronoun) == "она" else {"Masc", "Neut"}
        here = self.index.tokens[pronoun].sentence
        for i in range(pronoun - 1, self.index.sentence_ranges[max(0, here - 1)].start - 1, -1):
            if i not in self.said and self.index.lemma(i) in DOCUMENT_NOUNS and self.index.tokens[i].feat("Gender") in genders:
                return i
        return None

    def document(self, head: int, cue: int) -> Attribution | None:
        """`в заявлении МИД` speaks for the МИД, `в их заявлении` for whom `их` points to; a bare `в докладе`
        for whoever spoke in the last few sentences (the report's authors, quoted before), else the
        organisation named last."""
        if self.index.lemma(head) not in DOCUMENT_NOUNS:
            return None
        # `в заявлении МИД`, `в заявлении на сайте Минобороны`; `в докладе для ООН` names the addressee
        owner = next((
            c for c in self.index.dependents(head, "nmod")
            if not {self.index.lemma(k) for k in self.index.dependents(c, "case")} & ADDRESSEE_PREPOSITIONS
        ), None)
        if owner is None and not self.index.tokens[head].rel:
            owner = self.genitive_owner(head)
        if owner is not None:
            found = self.for_phrase(owner, cue)
            return found if found.speaker else self.created(owner, "ORG", self.nominative_phrase(owner), "speaker.document_owner")
        possessive = next((i for i in self.index.dependents(head, "det") if self.index.text(i).lower() in POSSESSIVE_GENDER), None)
        if possessive is not None:
            return self.pronoun(possessive, cue) or NOBODY
        here = self.index.tokens[cue].sentence
        speaker = next((
            e for t, e in reversed(self.spoken) if t < cue and here - self.index.tokens[t].sentence <= DOCUMENT_SENTENCES
        ), None)
        entity = self.entity(speaker) if speaker else self.recent_mention(cue, is_organisation)
        return Attribution(entity.id, entity.name, "speaker.document") if entity else NOBODY

    def genitive_owner(self, head: int) -> int | None:
        """`доклад генсека ООН Пан Ги Муна` in a sentence left unparsed (a `в нём говорится` points back to it):
        the genitive words after the document, a person named there first, else an organisation, else its first noun."""
        words = []
        for i in range(head + 1, self.index.sentence_of(head).stop):
            token = self.index.tokens[i]
            if token.pos not in {"NOUN", "PROPN", "ADJ"} or token.feat("Case") not in {"Gen", None}:
                break
            words.append(i)
        entities = [(i, self.index.entity_at(i)) for i in words if self.index.entity_at(i)]
        person = next((i for i, e in entities if coarse_type(e.type) == "PER"), None)
        nouns = [i for i in words if self.index.tokens[i].pos in {"NOUN", "PROPN"}]
        return person if person is not None else entities[0][0] if entities else nouns[0] if nouns else None
