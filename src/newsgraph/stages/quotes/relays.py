"""Who passed the words on (`via`): the medium or source cited (`со ссылкой на`, `передает ТАСС`,
`цитирует РБК`, `цитата по «Интерфаксу»`), and which organisations are news media."""

from __future__ import annotations

from dataclasses import replace

from ...doc import Entity, coarse_type
from .outlets import fold_name, known_medium
from ..speaker_phrases import common_noun_case, subject_of
from .cues import MEDIUM_VERBS, RELAY_VERBS
from ..speaker_roles import ROLE_NOUNS
from .attribution import UNNAMED_RULES, Attribution
from .speaker_words import CARRIERS, MEDIUM_NOUNS, QUOTING
from .speaker_entities import SpeakerEntities


class Relays(SpeakerEntities):
    """The medium or source between a speaker and the article."""

    def cited_source(self, verb: int) -> int | None:
        """`со ссылкой на пресс-службу` in the verb's sentence: the head of what is cited."""
        sentence = self.index.sentence_of(verb)
        for i in sentence:
            if self.index.lemma(i) == "ссылка" and i + 2 < sentence.stop and self.index.lemma(i + 1) == "на":
                nmods = self.index.dependents(i, "nmod")
                return nmods[0] if nmods else i + 2
        return None

    def source_of_medium(self, found: Attribution, head: int) -> Attribution:
        """`источник РБК`, `собеседник агентства`, `чиновники Fox News`: an unnamed source is the medium's,
        and its words reach us through that medium."""
        if found.rule not in UNNAMED_RULES | {"speaker.anonymous"} or found.via is not None:
            return found
        medium = next((c for c in self.index.dependents(head, "nmod") if self.names_medium(c)), None)
        return self.relayed(found, self.relay(medium)) if medium is not None else found

    def with_via(self, found: Attribution, verb: int) -> Attribution:
        """`«…», — сказал Песков, передает ТАСС`: a medium verb after the cue credits the medium;
        `рассказал телеканалу NBC`: so does a medium addressed (and the speaker's other words reach us through it)."""
        sentence = self.index.sentence_of(verb)
        for i in range(verb + 1, sentence.stop):
            if self.index.lemma(i) in RELAY_VERBS:
                subject = subject_of(self.index, i)
            elif self.index.lemma(i) in QUOTING:  # `— намекнул Товпинец, которого цитирует РБК`
                subject = self.quoting_arguments(i)[1]
            elif self.index.lemma(i) == "цитата" and self.index.lemma(i + 1) == "по":  # `(цитата по «Интерфаксу»)`
                return self.relayed(found, self.quoted_from(i + 2, sentence.stop))
            else:
                continue
            if subject is not None and subject != verb and self.can_relay(subject):
                return self.relayed(found, self.relay(subject))
        addressed = self.addressed_medium(verb)
        if addressed is not None and found.speaker:
            medium = self.relay(addressed)
            if medium is not None and not self.own_outlet(medium.name):
                self.channels.append((self.sentence_offset(verb), found.speaker, medium))
                return self.relayed(found, medium)
        return found

    def quoted_by_medium(self, found: Attribution, head: int) -> Attribution:
        """`по словам сенатора, цитируемого газетой X`, `по данным командования, которые приводит AP`: the clause
        on the source names who relayed it."""
        for source in [head] + self.index.dependents(head, "nmod"):
            for clause in self.index.dependents(source, "acl", "acl:relcl"):
                if self.index.lemma(clause) not in QUOTING | MEDIUM_VERBS:
                    continue
                medium = next((c for c in self.index.dependents(clause, "obl", "nsubj") if self.can_relay(c)), None)
                if medium is not None:
                    return self.relayed(found, self.relay(medium))
        return found

    def can_relay(self, head: int) -> bool:
        """A medium, a named source or a person can pass words on; `действия` or `данные` cannot."""
        token = self.index.tokens[head]
        return self.names_medium(head) or self.index.outer_entity_at(head) is not None or token.feat("Animacy") == "Anim"

    def quoted_from(self, start: int, stop: int) -> Attribution | None:
        """The source of `цитата по X`: the entity named, else X as written (a site's address the parse splits)."""
        words = [i for i in range(start, stop) if self.index.text(i) not in {"«", "»", '"'}]
        if not words:
            return None
        end = next((i for i in words if self.index.text(i) in {")", ",", ";"}), stop)
        last = max((i for i in words if i < end), default=None)
        if last is None:
            return None
        entity = self.index.outer_entity_at(words[0])
        if entity is not None and all(self.index.outer_entity_at(i) is entity for i in range(words[0], last + 1) if i in words):
            return Attribution(entity.id, entity.name, "speaker.via")
        name = self.doc.text[self.index.tokens[words[0]].start : self.index.tokens[last].end].rstrip(".")
        return self.created(words[0], "ORG", name, "speaker.via")

    def relayed(self, found: Attribution, medium: Attribution | None) -> Attribution:
        """`found` as it reached us through `medium`, named as readers know it (`DW` as Deutsche Welle); the
        article's own outlet (`сказал RT` in an RT article) is where the words were said, not a channel, so it is no `via`."""
        if medium is None or medium.speaker == found.speaker or self.own_outlet(medium.name):
            return found
        return replace(found, via=medium.speaker, via_name=known_medium([medium.name]) or medium.name)

    def own_outlet(self, name: str | None) -> bool:
        return name is not None and fold_name(name) in self.outlet_names

    def relay(self, head: int) -> Attribution | None:
        """The medium or source a statement came through, as an entity: named (`ТАСС`, `газета «Время»`),
        the medium named last for a bare `агентство`, or a new entity for a described one (`работники`)."""
        entity = self.index.outer_entity_at(head)
        if entity is None and self.index.lemma(head) in MEDIUM_NOUNS:
            found = self.medium(head, head)
            return found if found is not None and found.speaker else None
        if entity is not None:
            return Attribution(entity.id, entity.name, "speaker.via")
        token = self.index.tokens[head]
        if token.pos not in {"NOUN", "PROPN"}:
            return None
        kind = "PER" if token.feat("Animacy") == "Anim" else "ORG"
        return self.created(head, kind, common_noun_case(self.nominative_phrase(head)), "speaker.via")

    def quoting_arguments(self, verb: int) -> tuple[int | None, int | None]:
        """Who is quoted and who quotes with `цитирует`/`приводит слова`: the parse often swaps the two
        (`цитирует ТАСС пресс-службу`, `приводит слова Трампа The New York Times`), so the medium is the
        argument that names one, the quoted the other; with no medium named, the object is quoted."""
        arguments = [c for c in self.index.dependents(verb, "nsubj", "obj", "iobj", "obl") if not self.index.dependents(c, "case")]
        arguments += [a for c in list(arguments) for a in self.index.dependents(c, "appos")]
        medium = next((a for a in sorted(arguments) if self.names_medium(a)), None)
        person = next((a for a in sorted(arguments) if self.names_person(a)), None)
        if medium is None and person is not None and len(arguments) > 1:
            # `цитирует CTV News да Силву`: a medium the article names nowhere else quotes the person
            return person, next(a for a in sorted(arguments) if a != person)
        if medium is None:
            quoted = next(iter(self.index.dependents(verb, "obj")), None)
            medium = subject_of(self.index, verb)
            if quoted is None and medium is not None:
                quoted = self.object_hung_on_name(medium)
        else:
            quoted = next((a for a in sorted(arguments) if a != medium and not self.names_medium(a)), None)
        if quoted is not None and self.index.lemma(quoted) in CARRIERS:  # `приводит слова Макрона ТАСС`, `приводит его слова`
            quoted = next(iter(self.index.dependents(quoted, "nmod") + self.index.dependents(quoted, "det", "nmod:poss")), None)
        return quoted, medium

    def object_hung_on_name(self, subject: int) -> int | None:
        """`цитирует Nasdaq главного директора компании`: the parse hangs the person quoted on an indeclinable
        name of an organisation, taking them for its owner; a person noun right after that name is the object."""
        token = self.index.tokens[subject]
        named = self.index.outer_entity_at(subject)
        if token.pos != "PROPN" or token.feat("Case") is not None or (named is not None and coarse_type(named.type) == "PER"):
            return None
        return next((
            c for c in self.index.dependents(subject, "nmod")
            if self.index.tokens[c].feat("Animacy") == "Anim" or self.index.lemma(c) in ROLE_NOUNS
        ), None)

    def carries_words(self, verb: int) -> bool:
        """`передаёт РИА Новости слова адвоката`: a relaying verb whose object is someone's words quotes them."""
        return self.index.lemma(verb) in RELAY_VERBS and any(
            self.index.lemma(c) in CARRIERS for c in self.index.dependents(verb, "obj", "nsubj", "iobj", "obl"))

    def names_person(self, i: int) -> bool:
        entity = self.index.outer_entity_at(i)
        return entity is not None and coarse_type(entity.type) == "PER" and not entity.anonymous

    def is_medium(self, entity: Entity) -> bool:
        """A news medium: known by name (media.tsv) or written after a medium noun somewhere (`газета «Время»`),
        unlike `Белый дом`, which an earlier `сказал газете` must not take for the paper."""
        if coarse_type(entity.type) != "ORG":
            return False
        if entity.id not in self.media:
            mentions = [m for m in map(self.doc.mention, entity.mentions) if m is not None]
            self.media[entity.id] = bool(known_medium([entity.name] + [self.doc.text[m.start : m.end] for m in mentions])) or any(
                self.after_medium_noun(m.start) for m in mentions
            )
        return self.media[entity.id]

    def after_medium_noun(self, offset: int) -> bool:
        first = self.index.token_at(offset)
        if first is None:
            return False
        before = [i for i in range(max(0, first - 3), first) if self.index.text(i) not in {"«", '"', "„"}]
        return bool(before) and self.index.lemma(before[-1]) in MEDIUM_NOUNS

    def names_medium(self, i: int) -> bool:
        """Token `i` heads a medium: a medium noun (`издание`) or a medium's name (`ТАСС`)."""
        entity = self.index.outer_entity_at(i)
        return self.index.lemma(i) in MEDIUM_NOUNS or (entity is not None and self.is_medium(entity))
