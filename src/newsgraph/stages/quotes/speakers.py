"""Who said it: from a speech verb (or a `по словам X` phrase) to the entity that spoke.

The subject phrase (`speaker_phrases`) goes through rules in order (`for_phrase`): a named mention,
a pronoun (to its antecedent), an anonymous source, a medium, a document
(`в заявлении МИД`), a collective (`пресс-служба Макрона`), a name in apposition, a
role (`французский лидер`), a name NER missed, any other mention. Speakers the article does not
name as entities (press services, anonymous sources, unnamed officials) become new
entities, with a mention over the phrase, so the entities layer stays consistent.

This module finds the phrase for a verb; the rules live one job a module, as parts of the one
`SpeakerResolver` they all work on, since they call back into each other (a document's owner or a
collective's principal goes through `for_phrase` again) and share what the article has shown so far:
`phrase_rules` (mention, pronoun, anonymous, medium, collective, body, side, name NER missed),
`appositions`, `role_speakers`, `documents` (`в Кремле заявили`, `в заявлении МИД`), `salience` (who the text
is about: a pronoun's or a subjectless verb's person), `relays` (`via`: who passed the words on, which
organisations are media), `channels` (interviews and posts) and `speaker_entities` (the state, and the
entities made for speakers NER did not name); the word lists are in `speaker_words` (speakers.tsv).
"""

from __future__ import annotations

from ...doc import coarse_type
from ..speaker_phrases import SUBJECT_RELS, common_noun_case, impersonal, phrase, subject_of
from .cues import MEDIUM_VERBS
from ..speaker_roles import ROLE_NOUNS
from .attribution import NOBODY, UNNAMED_RULES, Attribution
from .speaker_words import ANONYMOUS_NOUNS, FIGURATIVE, QUOTING
from .salience import Salience
from .relays import Relays
from .channels import Channels
from .documents import Documents
from .appositions import Appositions
from .role_speakers import RoleSpeakers
from .phrase_rules import PhraseRules


class SpeakerResolver(Salience, Relays, Channels, Documents, Appositions, RoleSpeakers, PhraseRules):
    """Resolves speakers in one article and collects the entities it had to create."""

    def for_verb(self, verb: int) -> Attribution:
        """The speaker of a speech verb: its subject, or `в пресс-службе X` for `заявили`."""
        cited = self.cited_source(verb)
        subject = subject_of(self.index, verb)
        if cited is None and (self.index.lemma(verb) in QUOTING or self.carries_words(verb)):
            cited, subject = self.quoting_arguments(verb)
        if cited is not None and subject is not None and self.index.lemma(verb) not in MEDIUM_VERBS | QUOTING and not self.names_medium(subject):
            # `как сообщает X со ссылкой на газету «Время», Челах заявил …`: Челах spoke, the paper relayed it
            return self.relayed(self.for_phrase(subject, verb), self.relay(cited))
        if cited is not None:
            found = self.for_phrase(cited, verb)
            if found.rule in UNNAMED_RULES and self.index.tokens[cited].feat("Number") == "Plur":
                self.make_anonymous(found.speaker)  # `со ссылкой на индийских дипломатов`: unnamed sources
            relaying = subject if subject is not None else self.addressed_medium(verb)  # `приводит DW слова X`
            medium = self.relay(relaying) if relaying is not None else None
            return self.relayed(found, medium)
        if subject is not None:
            subject = self.past_addressee(verb, subject)
        if subject is not None:
            found = self.for_source(subject, verb)
            if found.speaker is not None or not impersonal(self.index.tokens[verb]):
                return self.with_via(found, verb)
        place = self.speaking_body(verb) if impersonal(self.index.tokens[verb]) else None
        antecedent = self.relative_antecedent(verb) if subject is None else None
        if antecedent is not None:
            return self.with_via(self.for_source(antecedent, verb), verb)
        if place is None and subject is None:
            return self.zero_subject(verb)
        if place is None:
            return NOBODY
        found = self.for_phrase(place, verb)
        if found.speaker is None and self.nominative_phrase(place)[:1].isupper():
            found = self.created(place, "ORG", self.nominative_phrase(place), "speaker.institution")  # `в Елисейском дворце`
        return self.with_via(found, verb)

    def past_addressee(self, verb: int, subject: int) -> int | None:
        """`сообщил «НГ» Козак`, `заявила обозревателю «НГ» советник …`: when the parse takes the addressee in the
        dative for a second subject, the subject in the nominative speaks.
        `сказал Би-би-си официальный представитель НАТО`: a name right after the verb, before a person noun
        in the nominative, is the addressee (indeclinable, so the parse may take it for the subject)."""
        token = self.index.tokens[subject]
        addressed = token.head in self.index.dependents(verb, "iobj")  # `агентству [Интерфакс]`
        if token.feat("Case") not in ("Nom", None) or addressed:
            nominative = [c for c in self.index.dependents(verb, *SUBJECT_RELS) if self.index.tokens[c].feat("Case") == "Nom"]
            if nominative:
                return nominative[0]
            if (addressed or token.feat("Case") == "Dat") and impersonal(self.index.tokens[verb]):
                return None  # `В МТС агентству Интерфакс заявили`: said to the agency, by whoever is `в МТС`
            if token.feat("Case") == "Dat" and (self.names_medium(subject) or self.own_outlet(self.index.text(subject))):
                return None  # `…, рассказал «НГ», что`: the paper was told; the speaker is found as for no subject
        named = self.index.entity_at(subject)
        person = named is not None and coarse_type(named.type) == "PER" and token.feat("Case") == "Nom"
        if subject != verb + 1 or token.pos != "PROPN" or person:
            return subject
        sentence = self.index.sentence_of(verb)
        for k in range(subject + 1, min(subject + 5, sentence.stop)):
            token = self.index.tokens[k]
            if token.pos == "PUNCT" and self.index.text(k) not in {"«", "»", '"'}:
                return subject
            if token.pos == "NOUN" and token.feat("Case") == "Nom" and (
                token.feat("Animacy") == "Anim" or self.index.lemma(k) in ROLE_NOUNS | ANONYMOUS_NOUNS
            ):
                return k
        return subject

    def relative_antecedent(self, verb: int) -> int | None:
        """`директора завода, который, по словам работников, заявил`: the person a `который` before the verb stands
        for (the parse may hang it elsewhere), the agreeing noun before its comma, a person's first."""
        sentence = self.index.sentence_of(verb)
        for i in range(verb - 1, sentence.start, -1):
            token = self.index.tokens[i]
            if token.pos == "VERB":
                return None
            if self.index.lemma(i) != "который" or token.feat("Case") != "Nom" or self.index.text(i - 1) != ",":
                continue
            agreeing = [
                k for k in range(i - 2, max(sentence.start, i - 6) - 1, -1)
                if self.index.tokens[k].pos in {"NOUN", "PROPN"}
                and self.index.tokens[k].feat("Number") == token.feat("Number")
                and token.feat("Gender") in (None, self.index.tokens[k].feat("Gender"))
            ]
            return next((k for k in agreeing if self.index.tokens[k].feat("Animacy") == "Anim"), agreeing[0] if agreeing else None)
        return None

    def for_phrase(self, head: int, cue: int) -> Attribution:
        rules = (
            self.named, self.pronoun, self.anonymous, self.medium, self.document, self.named_before, self.collective,
            self.name_inside, self.role, self.unlinked_name, self.body, self.side, self.any_mention,
        )
        for rule in rules:
            found = rule(head, cue)
            if found is not None:
                if found.speaker:
                    self.spoken.append((cue, found.speaker))
                return self.source_of_medium(found, head)
        return NOBODY

    def for_source(self, head: int, cue: int) -> Attribution:
        """The speaker a subject or a `по словам X` phrase names; when it names no one the rules know, the
        speaker as the text describes it (`Газеты сообщают`, `Съезд выразил`, `по версии следственных органов`)."""
        found = self.for_phrase(head, cue)
        token = self.index.tokens[head]
        if found.speaker is not None or token.pos not in {"NOUN", "PROPN"} or head in self.quoted or self.index.lemma(head) in FIGURATIVE:
            return found
        if any(self.index.entity_at(i) for i in phrase(self.index, head)):
            return found  # `Французская сторона призвала`: the side is France, which later stages read from the name
        kind = "PER" if token.feat("Animacy") == "Anim" else "ORG"
        return self.created(head, kind, common_noun_case(self.nominative_phrase(head)), "speaker.described")
