"""Who said it: from a speech verb (or a `по словам X` phrase) to the entity that spoke.

The subject phrase (`speaker_phrases`) goes through rules in order: a named mention,
a pronoun (to its antecedent), an anonymous source, a medium, a document
(`в заявлении МИД`), a collective (`пресс-служба Макрона`), a name in apposition, a
role (`французский лидер`), a name NER missed, any other mention. Speakers the article does not
name as entities (press services, anonymous sources, unnamed officials) become new
entities, with a mention over the phrase, so the entities layer stays consistent.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ...doc import Article, Entity, Mention, coarse_type
from ..normalize import nominative
from .marks import pair_quotes
from .names import genitive_name
from .outlets import fold_name, known_medium, outlet_names
from ..speaker_phrases import SUBJECT_RELS, common_noun_case, impersonal, phrase, subject_of
from .cues import DOCUMENT_NOUNS, MEDIUM_VERBS, RELAY_VERBS
from ..speaker_roles import ROLE_NOUNS, Role, clashes, compatible, place_key, place_like, places_agree, resolve_role, role_of, same_place, titles
from ..token_index import TokenIndex, person_gender
from ..word_lists import word_sets

_NOUNS = word_sets(Path(__file__).with_name("speakers.tsv"), (
    "pronoun", "quoting", "anaphoric", "anonymous", "unnamed", "collective", "medium", "body", "carrier", "demonstrative", "not_medium",
    "addressee_preposition", "figurative", "side", "channel", "network", "own_reporter",
))
PRONOUNS = _NOUNS["pronoun"]
POSSESSIVE_GENDER = {"его": "Masc", "ее": "Fem", "их": "Plur"}
QUOTING = _NOUNS["quoting"]
DOCUMENT_SENTENCES = 3  # how far back a bare `в докладе отмечается` looks for who spoke
ROLE_SENTENCES = 3  # how far back a bare role (`французский лидер`) looks for the person it names
ANAPHORIC_BODIES = _NOUNS["anaphoric"]
ANONYMOUS_NOUNS = _NOUNS["anonymous"]
UNNAMED_WORDS = _NOUNS["unnamed"]
COLLECTIVE_NOUNS = _NOUNS["collective"]
MEDIUM_NOUNS = _NOUNS["medium"]
BODY_NOUNS = _NOUNS["body"]
CARRIERS = _NOUNS["carrier"]
NOT_MEDIA = _NOUNS["not_medium"]
DEMONSTRATIVES = _NOUNS["demonstrative"]
ADDRESSEE_PREPOSITIONS = _NOUNS["addressee_preposition"]
FIGURATIVE = _NOUNS["figurative"]
SIDES = _NOUNS["side"]
CHANNEL_NOUNS = _NOUNS["channel"]
NETWORKS = _NOUNS["network"]
OWN_REPORTERS = _NOUNS["own_reporter"]
# Speakers described, not named (`российские дипломаты`): anonymous sources when a medium cites them in the plural.
APPOSITION_WORDS = 8  # words of a set-off apposition up to its name: `отставной бригадный генерал США Питер Цвак`
QUOTED_NAME_WORDS = 4  # a name in quotation marks is rarely longer (`«Газпром нефть»`, `«Новая газета»`)
UNNAMED_RULES = frozenset({"speaker.unnamed_official", "speaker.unnamed_person"})


def is_body(lemma: str) -> bool:
    """A collective noun, or a ministry's short name (`минстрой`, `минфин`, not `министр`)."""
    return lemma in COLLECTIVE_NOUNS or (lemma.startswith("мин") and not lemma.startswith(("министр", "минут", "миним")) and len(lemma) > 5)


def is_organisation(entity: Entity) -> bool:
    return coarse_type(entity.type) == "ORG"


def of_place(name: str, places: set[str]) -> bool:
    """`МИД Украины` is of the place `украинский` names."""
    return any(same_place(place, place_key(word)) for word in name.split()[1:] for place in places)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    name: str | None
    rule: str
    via: str | None = None  # the entity id of the medium or source that relayed the words
    via_name: str | None = None


NOBODY = Attribution(None, None, "speaker.none")


class SpeakerResolver:
    """Resolves speakers in one article and collects the entities it had to create."""

    def __init__(self, doc: Article, index: TokenIndex):
        self.doc = doc
        self.index = index
        self.entities = list(doc.entities)
        self.mentions = list(doc.mentions)
        self.spoken: list[tuple[int, str]] = []  # (token, entity id) of speakers found so far
        self.groups: set[str] = set()  # created speakers named in the plural (`лидеры G7`): no one's antecedent
        self.channels: list[tuple[int, str, Attribution]] = []  # (offset from which, speaker id, the medium they spoke to)
        self.quoted = {i for span in pair_quotes(doc.text) for i in index.tokens_in(span.start, span.end)}
        # words someone said, not a name in quotation marks (`«Интерфакс»`, `компания «Ромашка»`)
        self.said = {
            i for span in pair_quotes(doc.text) if len(index.tokens_in(span.start, span.end)) > QUOTED_NAME_WORDS
            for i in index.tokens_in(span.start, span.end)
        }
        self.outlet_names = outlet_names(doc.url)
        self.media: dict[str, bool] = {}  # organisation id → is a news medium (worked out once)

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

    def source_of_medium(self, found: Attribution, head: int) -> Attribution:
        """`источник РБК`, `собеседник агентства`, `чиновники Fox News`: an unnamed source is the medium's,
        and its words reach us through that medium."""
        if found.rule not in UNNAMED_RULES | {"speaker.anonymous"} or found.via is not None:
            return found
        medium = next((c for c in self.index.dependents(head, "nmod") if self.names_medium(c)), None)
        return self.relayed(found, self.relay(medium)) if medium is not None else found

    def with_entities(self, doc: Article) -> Article:
        if len(self.entities) == len(doc.entities):
            return doc
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.id))
        return doc.with_layer("mentions", mentions).with_layer("entities", self.entities)

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

    def role(self, head: int, cue: int) -> Attribution | None:
        """`французский лидер` → the person titled so; `лидеры G7` (plural) and `президент США` with nobody
        so titled become entities of their own; only an adjective-place description (`французский лидер`)
        falls back to the person the text is about."""
        if self.index.lemma(head) not in ROLE_NOUNS:
            return None
        ids = sorted(phrase(self.index, head))
        wanted = role_of(self.index, ids)
        start = self.index.tokens[ids[0]].start
        single = self.index.tokens[head].feat("Number") != "Plur"
        inside = self.quoted_offsets()
        entity = resolve_role(self.index, wanted, start, inside, exact_first=True) if wanted and single else None
        if wanted is not None and single and not self.titled_as(entity, wanted):
            entity = self.last_speaker_as(cue, wanted) or entity
        named_place = any(self.index.tokens[i].pos == "PROPN" for i in ids if i > head)
        if entity is None and wanted is not None and single:
            reach = 2 if named_place else ROLE_SENTENCES  # `президент США` may well be someone new
            entity = self.salient_person(cue, lambda e: not clashes(self.index, wanted, e) and not self.described(e), reach)
        if entity is not None:
            return Attribution(entity.id, entity.name, "speaker.role")
        return self.created(head, "PER", common_noun_case(self.nominative_phrase(head)), "speaker.unnamed_official")

    def titled_as(self, entity: Entity | None, wanted: Role) -> bool:
        """The article titles the person with just the places the cue names: `председатель украинской
        делегации в ПАСЕ` is no `глава ПАСЕ`, though both name the ПАСЕ."""
        return entity is not None and any(
            compatible(wanted, r) and (not wanted.places or places_agree(r.places, Role(r.function, wanted.places)))
            for r in titles(self.index).get(entity.id, [])
        )

    def last_speaker_as(self, cue: int, wanted: Role) -> Entity | None:
        """The person who spoke last, a few sentences back, if no title of theirs clashes with the cue's role:
        `Путин сказал … «…», – отметил президент` with the other officials of the list in between."""
        here = self.index.tokens[cue].sentence
        gender = self.index.tokens[cue].feat("Gender")
        for token, entity_id in reversed(self.spoken):
            if token >= cue:
                continue
            if here - self.index.tokens[token].sentence > ROLE_SENTENCES:
                return None
            entity = self.entity(entity_id)
            if (entity is not None and coarse_type(entity.type) == "PER" and not entity.anonymous and entity_id not in self.groups
                    and not self.described(entity) and not clashes(self.index, wanted, entity)
                    and person_gender(self.index, entity) in (gender, None)):
                return entity
        return None

    def quoted_offsets(self) -> frozenset[int]:
        """Start offsets of the tokens inside quotation marks: a name quoted is no antecedent of the cue."""
        if not hasattr(self, "_quoted_offsets"):
            self._quoted_offsets = frozenset(self.index.tokens[i].start for i in self.quoted)
        return self._quoted_offsets

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

    def cited_source(self, verb: int) -> int | None:
        """`со ссылкой на пресс-службу` in the verb's sentence: the head of what is cited."""
        sentence = self.index.sentence_of(verb)
        for i in sentence:
            if self.index.lemma(i) == "ссылка" and i + 2 < sentence.stop and self.index.lemma(i + 1) == "на":
                nmods = self.index.dependents(i, "nmod")
                return nmods[0] if nmods else i + 2
        return None

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

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

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

    def written_name(self, entity: Entity) -> str:
        """The fullest name the article writes (`Эммануэль Макрон`), rather than a KB's formal one."""
        normals = [m.normal for m in map(self.doc.mention, entity.mentions) if m and m.normal and m.source.startswith("ner")]
        return max(normals, key=lambda n: len(n.split()), default=entity.name)

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

    def nominative_phrase(self, head: int) -> str:
        """The phrase with its head (and adjectives agreeing with it) in the nominative."""
        ids = self.described_by(head)
        case = self.index.tokens[head].feat("Case")
        parts = []
        for i in ids:
            token = self.index.tokens[i]
            word = self.index.text(i)
            agrees = i == head or (token.head == head and token.pos in {"ADJ", "DET"} and token.feat("Case") == case)
            parts.append(nominative(word, token, person=False) if agrees else word)
            if i + 1 in ids:
                parts.append(self.doc.text[token.end : self.index.tokens[i + 1].start])
            elif i != ids[-1]:
                parts.append(" ")
        return "".join(parts)

    def described_by(self, head: int) -> list[int]:
        """The words that describe a speaker: its phrase, less a medium the parse hung on a person or source
        (`представителя администрации РИА Новости`, `чиновников Fox News`, `источника РБК`), which relays
        the words and is no part of who spoke."""
        ids = phrase(self.index, head)
        if self.index.lemma(head) in ANONYMOUS_NOUNS | ROLE_NOUNS or self.index.tokens[head].feat("Animacy") == "Anim":
            for child in self.index.dependents(head, "nmod", "appos"):
                if self.names_medium(child) and self.index.lemma(child) not in MEDIUM_NOUNS:
                    ids -= self.index.subtree(child)
        return sorted(ids)

    def described(self, entity: Entity) -> bool:
        """A speaker this stage made from its own description (`пресс-секретарь президента России`):
        another role phrase (`советник президента США`) is someone else."""
        return entity in self.entities[len(self.doc.entities) :]

    def make_anonymous(self, entity_id: str) -> None:
        at = next(k for k, e in enumerate(self.entities) if e.id == entity_id)
        self.entities[at] = replace(self.entities[at], anonymous=True)

    def created(self, head: int, type: str, name: str, rule: str, anonymous: bool = False, principal: str | None = None,
                known: bool = False) -> Attribution:
        """An entity for a speaker NER did not give us, reused when the same name recurs (`known`: also an
        entity of that name the article already had, such as the body `полиция`)."""
        key = name.lower()
        pool = self.entities if known else self.entities[len(self.doc.entities):]
        existing = next((e for e in pool if e.name.lower() == key), None)
        ids = self.described_by(head)
        start, end = self.index.tokens[ids[0]].start, self.index.tokens[ids[-1]].end
        mention = Mention(f"m{self.next_number(self.mentions, 'm')}", start, end, type, source=rule.replace("speaker.", "quote."), normal=name)
        self.mentions.append(mention)
        if existing:
            self.entities[self.entities.index(existing)] = replace(existing, mentions=existing.mentions + (mention.id,))
            return Attribution(existing.id, existing.name, rule)
        entity = Entity(f"e{self.next_number(self.entities, 'e')}", type, name, (mention.id,), anonymous=anonymous, principal=principal)
        self.entities.append(entity)
        if self.index.tokens[head].feat("Number") == "Plur":
            self.groups.add(entity.id)
        return Attribution(entity.id, entity.name, rule)

    @staticmethod
    def next_number(items: list, prefix: str) -> int:
        numbers = [int(x.id[1:]) for x in items if x.id.startswith(prefix) and x.id[1:].isdigit()]
        return max(numbers, default=0) + 1
