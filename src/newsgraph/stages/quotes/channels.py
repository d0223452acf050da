"""Interviews and posts as channels (`рассказал телеканалу NBC`, `в интервью газете X`, `написал в Twitter`):
the medium a speaker spoke to, and the later quotes of that speaker that came through it."""

from __future__ import annotations

from dataclasses import replace

from ...doc import coarse_type
from .outlets import known_medium
from .attribution import Attribution
from .speaker_words import CHANNEL_NOUNS, MEDIUM_NOUNS, NETWORKS, OWN_REPORTERS, is_organisation
from .speaker_entities import SpeakerEntities


class Channels(SpeakerEntities):
    """The medium a speaker spoke to, and the quotes it carries."""

    def addressed_medium(self, verb: int) -> int | None:
        """`сказал газете`, `рассказал телеканалу NBC`, `в интервью агентству Reuters`: a medium in the dative;
        `рассказал DW`: an indeclinable organisation's name as the verb's indirect object; `в колонке для издания X`."""
        for child in self.index.dependents(verb, "iobj") + self.index.dependents(verb, "obl"):
            token = self.index.tokens[child]
            written_for = [n for n in self.index.dependents(child, "nmod") if self.names_medium(n) and any(
                self.index.lemma(c) == "для" for c in self.index.dependents(n, "case"))]
            if written_for:  # `пишет в своей колонке для издания The Hill`
                return written_for[0]
            if self.index.dependents(child, "case"):
                continue
            if token.feat("Case") == "Dat" and self.index.lemma(child) in MEDIUM_NOUNS:
                return child
            named = self.index.entity_at(child)
            if token.rel == "iobj" and token.pos == "PROPN" and token.feat("Case") in {None, "Dat"} and named is not None and is_organisation(named):
                return child
        return next(iter(self.interviews(verb)), None)

    def interviews(self, verb: int) -> list[int]:
        """The media of `в интервью газете X`, `в эфире радио Sputnik`, `в беседе с изданием X` (or `в интервью,
        которое он дал газете X`) in the verb's sentence, and the network of `написал в Twitter`."""
        sentence = self.index.sentence_of(verb)
        addressees = {self.channel_addressee(j) for j in sentence if self.index.lemma(j) in CHANNEL_NOUNS}
        return [
            i for i in sentence
            if i not in self.quoted and (i in addressees or self.posted_on(i, verb) or self.names_medium(i) and any(
                self.index.lemma(j) in CHANNEL_NOUNS for j in range(max(sentence.start, i - 8), i)))
        ]

    def channel_addressee(self, channel: int) -> int | None:
        """The outlet an interview was given to, named or not: `в интервью местным журналистам`, `в интервью
        Русской службе «Голоса Америки»`; not a person talked with (`в беседе с Кисляком`), nor a bare
        `корреспонденту`, who is the article's own."""
        for i in range(channel + 1, min(self.index.sentence_of(channel).stop, channel + 4)):
            token = self.index.tokens[i]
            if token.pos in {"NOUN", "PROPN"}:
                entity = self.index.outer_entity_at(i)
                person = entity is not None and coarse_type(entity.type) == "PER"
                own = self.index.lemma(i) in OWN_REPORTERS
                return i if token.feat("Case") == "Dat" and not person and not own else None
            if token.pos not in {"ADJ", "DET"}:
                return None
        return None

    def posted_on(self, i: int, verb: int) -> bool:
        """`написал в Twitter`, `заявил на своей странице в Facebook`: a network the verb's words went out on."""
        if self.index.text(i).lower() not in NETWORKS or not {"в", "на"} & {self.index.lemma(j) for j in range(max(0, i - 3), i)}:
            return False
        head = i
        for _ in range(3):  # the network, the page it is on, the verb
            head = self.index.tokens[head].head
            if head is None or head < 0:
                return False
            if head == verb:
                return True
        return False

    def note_interviews(self) -> None:
        """`Макрон в интервью, которое он дал газете Le Journal du Dimanche, …`: the person's words in the
        article reach us through that medium."""
        for i, token in enumerate(self.index.tokens):
            if self.index.lemma(i) != "интервью":
                continue
            sentence = self.index.sentence_of(i)
            medium = next((j for j in range(i + 1, min(sentence.stop, i + 10)) if self.names_medium(j)), None)
            if medium is None:  # `Брага соглашается в интервью` after `канал NBC рассказал`: the medium just named
                since = self.index.sentence_ranges[max(0, token.sentence - 1)].start
                medium = next((j for j in range(i - 1, since - 1, -1) if j not in self.said and self.names_medium(j)), None)
            person = next((
                e for e in (self.index.entity_at(j) for j in range(i - 1, sentence.start - 1, -1))
                if e is not None and coarse_type(e.type) == "PER"
            ), None)
            found = self.relay(medium) if medium is not None else None
            if person is not None and found is not None and not self.own_outlet(found.name):
                self.channels.append((self.sentence_offset(i), person.id, found))

    def with_channels(self, quotes: list) -> list:
        """Quotes of a speaker who spoke to a medium (an interview) came through it, unless credited otherwise:
        from the sentence that names the interview until someone else is quoted, where the article has
        moved on (`Гость сказал …`, then the speaker at a press conference)."""
        openings = sorted(self.channels, key=lambda c: c[0])
        active: dict[str, Attribution] = {}
        result = []
        for quote in sorted(quotes, key=lambda q: q.start):
            while openings and openings[0][0] <= quote.start:
                _, speaker, medium = openings.pop(0)
                active[speaker] = medium
            speaker = self.entity(quote.speaker)
            if speaker is not None and not self.is_medium(speaker):  # someone else quoted, not through the speaker: another occasion
                active = {s: m for s, m in active.items() if quote.speaker in (s, m.speaker) or quote.via == s}
            medium = active.get(quote.speaker)
            if medium is not None and quote.via is None:
                quote = replace(quote, via=medium.speaker, via_name=known_medium([medium.name]) or medium.name)
            result.append(quote)
        return result

    def sentence_offset(self, i: int) -> int:
        return self.index.tokens[self.index.sentence_of(i).start].start
