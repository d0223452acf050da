"""Who an event's participants are: from a parse token to entity ids.

A participant token is resolved to the entity whose mention covers it, else to the
person, organisation or place in its modifiers (`глава МИД России Сергей Лавров` →
Лавров), else to the person the article gave the title described (`азербайджанский президент`
after `президентом Азербайджана Ильхамом Алиевым`), else to the state its adjective names
(`французская сторона` → Франция).
Capitals used as participants stand for their state (`Москва заявила` → Россия). A
proper name the NER missed is matched to the article's entity of that name, or to a
state. A state the article has no entity for gets one (a fresh `e…` id), with a new
mention over the adjective or name that refers to it. Pronouns are read in pronouns.py, implied actors in implied.py,
described participants in descriptions.py; the word lists in participant_words.py.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ...doc import Article, Entity, Mention, Token, coarse_type
from ..speaker_phrases import phrase
from ..speaker_roles import GENERIC, ROLE_NOUNS, place_key, place_like, places_agree, resolve_role, role_of, titles
from ..states import State, name_key, same_state, state_by_adjective, state_by_capital, state_by_name
from ..token_index import TokenIndex, person_gender
from ..token_spans import token_ids_within
from .descriptions import Descriptions
from .participant_words import (
    ACTING_BODIES, ENVOYS, FIRST_PERSON, FORCES, GENERIC_BODIES, GROUP_WORDS, LATTER, PLACE_WORDS, PRONOUNS, QUANTIFIERS,
    STAND_INS, SUBTREE_RELS, marker,
)
from .pronouns import antecedent, last_person, last_place, latter, listed_after, previous_subject


def children(tokens: tuple[Token, ...]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in tokens]
    for i, token in enumerate(tokens):
        if token.head is not None and token.head >= 0:
            kids[token.head].append(i)
    return kids


class ArticleEntities(Descriptions):
    """Entity lookup by token for one article; adds the state entities events need."""

    def __init__(self, doc: Article, kids: list[list[int]]):
        self.doc = doc
        self.kids = kids
        self.entities = list(doc.entities)
        self.mentions = list(doc.mentions)
        owner = {m: e.id for e in doc.entities for m in e.mentions}
        self.by_token: dict[int, str] = {}
        self.person_tokens: list[tuple[int, str]] = []
        for mention in doc.mentions:
            for i in token_ids_within(doc, mention.start, mention.end):
                if mention.id in owner:
                    self.by_token[i] = owner[mention.id]
                    if coarse_type(mention.type) == "PER":
                        self.person_tokens.append((i, owner[mention.id]))
        self.person_tokens.sort()
        self.genders: dict[str, str | None] = {}

    def name_of(self, entity_id: str) -> str:
        return next(e.name for e in self.entities if e.id == entity_id)

    def type_of(self, entity_id: str) -> str:
        entity = next(e for e in self.entities if e.id == entity_id)
        return coarse_type(entity.type)

    def participant(self, i: int, previous: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Entities a participant token stands for (a pronoun's antecedent, `стороны` the previous event's parties)."""
        token = self.doc.tokens[i]
        covering = self.covering(i)
        description = covering if covering and self.name_of(covering)[:1].islower() else None  # `лидеры`
        if covering and name_key(self.name_of(covering)) in GENERIC_BODIES:
            covering = next(iter(self.in_modifiers(i)), covering)  # `индийский МИД` → Индия
        elif covering and token.lemma in FORCES:
            covering = self.state_of_force(i) or covering  # `Армия обороны Израиля` → Израиль
        elif description:
            covering = None
        covering = covering or self.named_elsewhere(i)
        if covering:
            return (self.as_state(covering),)
        listed = listed_after(self, i) if token.pos == "NOUN" else ()
        if listed:
            return listed
        person = self.described_person(i)
        if person:
            return (person,)
        counted = self.counted(i)
        if counted is not None:
            return self.participant(counted, previous)
        found = self.in_modifiers(i)
        if len(found) == 1 and self.type_of(found[0]) == "LOC" and self.acts_itself(i):
            # `власти Мали`, `руководитель оператора Японии`: named as the article names them, for their state
            described = self.described_group(i, principal=self.as_state(found[0]))
            return (described,) if described else found
        if len(found) == 1 and self.type_of(found[0]) == "ORG" and self.one_member(i):
            described = self.described_group(i)  # `член Конгресса США`, `сотрудник Газпрома`: a person, not the body
            return (described,) if described else found
        if found:
            return tuple(dict.fromkeys(self.as_state(e) for e in found))
        if token.lemma in FIRST_PERSON:
            return self.speaker_around(i)
        if token.lemma in PRONOUNS:
            person = previous_subject(self, i) or antecedent(self, i)
            return (person,) if person else ()
        if token.lemma in LATTER and token.rel != "amod":
            named = latter(self, i)
            return (named,) if named else ()
        bare = all(self.doc.tokens[k].rel in {"case", "det", "punct"} for k in self.kids[i])
        if token.lemma in PLACE_WORDS and token.feat("Number") == "Sing" and bare:
            named = last_place(self, i)  # `визит в Чечню … В республике он уже побывал`
            if named:
                return (named,)
        if token.lemma in GENERIC and token.feat("Number") == "Sing" and not self.kids[i]:
            named = last_person(self, i)  # `— подчеркнул Курц. … политик предложил`: the person just named
            if named:
                return (named,)
        modified_noun = self.relative_antecedent(i)
        if modified_noun is not None:
            return self.participant(modified_noun, previous)
        modified = any(self.doc.tokens[k].rel == "amod" for k in self.kids[i])
        if token.lemma in GROUP_WORDS and token.feat("Number") == "Plur" and not modified and previous:
            return previous
        if description:
            return (description,)
        described = self.described_group(i)
        return (described,) if described else ()

    def state_of_force(self, i: int) -> str | None:
        """The state whose forces an armed-forces name names (`Армия обороны Израиля`, `Вооружённые силы
        Украины`, `российская армия`): ANNOTATION.md has a state's forces act for the state."""
        tokens = self.doc.tokens
        frontier = [i]
        while frontier:
            for k in self.kids[frontier.pop()]:
                if tokens[k].rel == "amod" and tokens[k].pos == "ADJ" and (state := state_by_adjective(tokens[k].lemma)):
                    return self.state_entity(state)
                if tokens[k].rel == "nmod" and tokens[k].feat("Case") == "Gen" and not marker(self.doc, self.kids, k):
                    state = state_by_name(tokens[k].lemma) or state_by_name(self.doc.span_text(tokens[k]))
                    if state:
                        return self.state_entity(state)
                    frontier.append(k)  # `Армия обороны Израиля`
        return None

    @cached_property
    def token_index(self) -> TokenIndex:
        return TokenIndex(self.doc)

    def described_person(self, i: int) -> str | None:
        """`Азербайджанский президент`, `российского коллегу`: the person this article titled so
        (`президентом Азербайджана Ильхамом Алиевым`) — the latest one for a role, the only one of
        that place for a colleague. A description with no place names nobody."""
        token = self.doc.tokens[i]
        lemma = token.lemma.lower()
        if token.feat("Number") == "Plur" or (lemma not in ROLE_NOUNS and lemma != "коллега"):
            return None
        index = self.token_index
        ids = sorted(phrase(index, i))
        if lemma != "коллега":
            wanted = role_of(index, ids)
            found = resolve_role(index, wanted, token.start) if wanted and wanted.places else None
            return found.id if found else None
        places = {place_key(index.text(k)) for k in ids if k != i and self.doc.tokens[k].pos == "ADJ" and place_like(index.lemma(k))}
        colleagues = {
            person for person, roles in titles(index).items()
            if places and any(places_agree(places, r) for r in roles)
        }
        return colleagues.pop() if len(colleagues) == 1 else None

    def acts_itself(self, i: int) -> bool:
        """A body (`власти Мали`), a person (`новый президент США`, `житель Аризоны`) or people (`французские
        заложники`, `российские коллеги`) act in their own name; a state's forces, its envoys (`посол
        Великобритании`, `российские дипломаты`) and several parties (`главы ведомств Турции и США`) stand
        for the states."""
        token = self.doc.tokens[i]
        if token.lemma in ACTING_BODIES:
            return True
        return token.feat("Animacy") == "Anim" and token.lemma not in FORCES | GROUP_WORDS | ENVOYS

    def one_member(self, i: int) -> bool:
        """One person named by his place in a body, not by an office that speaks for it (`глава Газпрома`)."""
        token = self.doc.tokens[i]
        return (token.feat("Animacy") == "Anim" and token.feat("Number") == "Sing" and token.pos == "NOUN"
                and token.lemma not in ROLE_NOUNS | FORCES | GROUP_WORDS | ENVOYS)

    def counted(self, i: int) -> int | None:
        """`ряд западных СМИ`, `кандидатуру Байдена`: the owner in the genitive of a quantifier or a stand-in."""
        if self.doc.tokens[i].lemma not in QUANTIFIERS | STAND_INS:
            return None
        return next((k for k in self.kids[i] if self.doc.tokens[k].rel == "nmod" and self.doc.tokens[k].feat("Case") == "Gen"), None)

    def covering(self, i: int) -> str | None:
        return self.by_token.get(i)

    def in_modifiers(self, i: int) -> tuple[str, ...]:
        """The best entity among a noun's modifiers (a person, else an organisation, else a place or
        state adjective), with the entities coordinated with it (`делегации России и Украины`); a
        generic body only when nothing names its owner (`главы МИД стран G7` → G7)."""
        found: list[tuple[int, int, int]] = []
        generic: list[tuple[int, int, int]] = []
        frontier, seen = [(i, 0)], {i}
        while frontier:
            node, depth = frontier.pop(0)
            for k in self.kids[node]:
                token = self.doc.tokens[k]
                if k in seen or token.rel not in SUBTREE_RELS or depth >= 3:
                    continue
                seen.add(k)
                entity = self.entity_at(k)
                if entity:
                    rank = ({"PER": 0, "ORG": 1}.get(self.type_of(entity), 2), depth, k)
                    (generic if name_key(self.name_of(entity)) in GENERIC_BODIES else found).append(rank)
                frontier.append((k, depth + 1))
        found = found or generic
        if not found:
            return ()
        best = min(found)[2]
        group = [best] + [k for k in self.kids[best] if self.doc.tokens[k].rel == "conj"]
        return tuple(e for k in group if (e := self.entity_at(k)))

    def named_elsewhere(self, i: int) -> str | None:
        """A proper name the NER missed here: the article's entity it names (`Зеленский` → Владимир Зеленский), or a state."""
        token = self.doc.tokens[i]
        if token.pos != "PROPN":
            return None
        for entity in self.entities:
            words = name_key(entity.name).split()
            if words and (words == [token.lemma] or (coarse_type(entity.type) == "PER" and words[-1] == token.lemma)):
                return entity.id
        state = state_by_name(token.lemma) or state_by_capital(token.lemma)
        return self.state_entity(state, token=i) if state else None

    def entity_at(self, k: int) -> str | None:
        return self.covering(k) or (self.adjective_state(k) if self.doc.tokens[k].pos == "ADJ" else None)

    def speaker_around(self, i: int) -> tuple[str, ...]:
        """`«Я попрошу прокуратуру разобраться», — сказал Путин`: the speaker of the quote holding the word."""
        start = self.doc.tokens[i].start
        return next(((q.speaker,) for q in self.doc.quotes if q.start <= start < q.end and q.speaker), ())

    def gender_of(self, entity_id: str) -> str | None:
        if entity_id not in self.genders:
            entity = next(e for e in self.entities if e.id == entity_id)
            self.genders[entity_id] = person_gender(self.token_index, entity)
        return self.genders[entity_id]

    def relative_antecedent(self, i: int) -> int | None:
        """`Венгрия, которая блокировала …`: the noun a `который` clause hangs on; where that noun does not agree
        with `который` in gender and number (`отношения президента … и её подруги Цой Сун Силь, которая была
        арестована`), the nearest noun before it that does."""
        tokens = self.doc.tokens
        if tokens[i].lemma != "который" or tokens[i].head is None or tokens[i].head < 0:
            return None
        clause = tokens[tokens[i].head]
        if clause.rel != "acl:relcl" or clause.head is None or clause.head < 0:
            return None
        if self.agrees(clause.head, i):
            return clause.head
        return next((k for k in range(i - 1, -1, -1) if tokens[k].sentence == tokens[i].sentence
                     and tokens[k].pos in {"NOUN", "PROPN"} and self.agrees(k, i)), clause.head)

    def agrees(self, noun: int, relative: int) -> bool:
        """Same number, and same gender in the singular, where both are marked."""
        a, b = self.doc.tokens[noun], self.doc.tokens[relative]
        features = ("Number", "Gender") if b.feat("Number") == "Sing" else ("Number",)
        return all(a.feat(f) is None or b.feat(f) is None or a.feat(f) == b.feat(f) for f in features)

    def as_state(self, entity_id: str) -> str:
        """A capital standing for its state; everything else unchanged."""
        entity = next(e for e in self.entities if e.id == entity_id)
        if coarse_type(entity.type) != "LOC":
            return entity_id
        state = state_by_capital(entity.name)
        return self.state_entity(state) if state else entity_id

    def adjective_states(self, i: int) -> tuple[str, ...]:
        """States a (compound) adjective names: `российско-американские` → Россия, США."""
        lemma = self.doc.tokens[i].lemma
        if "-" not in lemma:
            state = self.adjective_state(i)
            return (state,) if state else ()
        parts = [state_by_adjective(part) for part in lemma.split("-")]
        if not all(parts):
            return ()
        return tuple(dict.fromkeys(self.state_entity(state) for state in parts))

    def adjective_state(self, i: int) -> str | None:
        state = state_by_adjective(self.doc.tokens[i].lemma)
        return self.state_entity(state, token=i) if state else None

    def state_entity(self, state: State, token: int | None = None) -> str:
        """The article's entity for a state, created (with the naming token as its mention) when missing."""
        for index, entity in enumerate(self.entities):
            known = State(entity.name, kb_id=entity.kb_id) if entity.kb_id else state_by_name(entity.name)
            if coarse_type(entity.type) == "LOC" and same_state(known, state):
                if token is not None and token not in self.by_token:
                    mention = self.add_mention(token, state.name)
                    self.entities[index] = replace(entity, mentions=(*entity.mentions, mention))
                    self.by_token[token] = entity.id
                return entity.id
        entity_id = self.next_entity_id()
        mentions = (self.add_mention(token, state.name),) if token is not None else ()
        self.entities.append(Entity(id=entity_id, type="LOC", name=state.name, mentions=mentions, kb_id=state.kb_id))
        if token is not None:
            self.by_token[token] = entity_id
        return entity_id

    def next_entity_id(self) -> str:
        entity_id = f"e{len(self.entities) + 1}"
        while any(e.id == entity_id for e in self.entities):
            entity_id += "_"
        return entity_id

    def add_mention(self, i: int, normal: str, end: int | None = None, type: str = "LOC") -> str:
        """A mention over tokens `i`..`end` (a state's name by default, else a described participant)."""
        last = self.doc.tokens[i if end is None else end]
        mention_id = f"m{len(self.mentions) + 1}"
        while any(m.id == mention_id for m in self.mentions):
            mention_id += "_"
        source = "events.state_name" if type == "LOC" else "events.described"
        self.mentions.append(Mention(mention_id, self.doc.tokens[i].start, last.end, type, source, normal))
        return mention_id

    def updated(self, doc: Article) -> Article:
        """The article with any entities and mentions added while resolving participants."""
        if len(self.entities) == len(self.doc.entities) and len(self.mentions) == len(self.doc.mentions):
            return doc
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.id))
        return doc.with_layer("mentions", mentions).with_layer("entities", self.entities)
