"""What the speaker rules share: the article, the speakers found so far, and the entities and mentions
they create for speakers NER did not name (`пресс-служба Макрона`, `источник в правительстве`)."""

from __future__ import annotations

from dataclasses import replace

from ...doc import Article, Entity, Mention
from ..normalize import nominative
from .marks import pair_quotes
from .outlets import outlet_names
from ..speaker_phrases import phrase
from ..speaker_roles import ROLE_NOUNS
from ..token_index import TokenIndex
from .attribution import Attribution
from .speaker_words import ANONYMOUS_NOUNS, MEDIUM_NOUNS, QUOTED_NAME_WORDS


class SpeakerEntities:
    """The state of one article's speaker resolution, and the entities it had to create."""

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

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def written_name(self, entity: Entity) -> str:
        """The fullest name the article writes (`Эммануэль Макрон`), rather than a KB's formal one."""
        normals = [m.normal for m in map(self.doc.mention, entity.mentions) if m and m.normal and m.source.startswith("ner")]
        return max(normals, key=lambda n: len(n.split()), default=entity.name)

    def with_entities(self, doc: Article) -> Article:
        if len(self.entities) == len(doc.entities):
            return doc
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.id))
        return doc.with_layer("mentions", mentions).with_layer("entities", self.entities)

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

    def make_anonymous(self, entity_id: str) -> None:
        at = next(k for k, e in enumerate(self.entities) if e.id == entity_id)
        self.entities[at] = replace(self.entities[at], anonymous=True)

    def described(self, entity: Entity) -> bool:
        """A speaker this stage made from its own description (`пресс-секретарь президента России`):
        another role phrase (`советник президента США`) is someone else."""
        return entity in self.entities[len(self.doc.entities) :]

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

    @staticmethod
    def next_number(items: list, prefix: str) -> int:
        numbers = [int(x.id[1:]) for x in items if x.id.startswith(prefix) and x.id[1:].isdigit()]
        return max(numbers, default=0) + 1
