"""Lookups over an article's tokens that rule stages share: offsets to tokens, syntax children, mentions.

Built once per article; the article stays immutable, the index is thrown away after the stage.
Every lookup is built on first use and kept, so a rule asking once per mention, quote or event
costs a dictionary look-up, not a scan of the article (an article's cost stays linear in its length).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from ..doc import Article, Entity, Mention

DASHES = frozenset("—–-")
CLAUSE_PUNCT = frozenset(",;:()—–«»\"„“")


class TokenIndex:
    def __init__(self, doc: Article):
        self.doc = doc
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        # each token's text and lemma read once: the quote rules ask for them about a million times per 80 articles
        self.texts = [doc.text[t.start : t.end] for t in doc.tokens]
        self.lemmas = [t.lemma or text.lower() for t, text in zip(doc.tokens, self.texts)]
        # per-article results of helpers built on this index (`speaker_roles.titles`), by helper name
        self.memo: dict[str, object] = {}

    def text(self, i: int) -> str:
        return self.texts[i]

    def lemma(self, i: int) -> str:
        return self.lemmas[i]

    def token_at(self, offset: int) -> int | None:
        """The token covering `offset`, or the next one when it falls in whitespace."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1 if i + 1 < len(self.tokens) else None

    def tokens_in(self, start: int, end: int) -> range:
        first = bisect_right(self.starts, start - 1)
        last = bisect_right(self.starts, end - 1)
        while last > first and self.tokens[last - 1].end > end:
            last -= 1
        return range(first, last)

    @cached_property
    def sentence_ranges(self) -> list[range]:
        ranges: dict[int, list[int]] = {}
        for i, token in enumerate(self.tokens):
            ranges.setdefault(token.sentence, []).append(i)
        return [range(ranges[s][0], ranges[s][-1] + 1) if s in ranges else range(0) for s in range(len(self.doc.sentences))]

    def sentence_of(self, i: int) -> range:
        return self.sentence_ranges[self.tokens[i].sentence]

    @cached_property
    def children(self) -> dict[int, list[int]]:
        kids: dict[int, list[int]] = {}
        for i, token in enumerate(self.tokens):
            if token.head is not None and token.head >= 0:
                kids.setdefault(token.head, []).append(i)
        return kids

    def dependents(self, i: int, *rels: str) -> list[int]:
        return [c for c in self.children.get(i, []) if not rels or self.tokens[c].rel.split(":")[0] in rels or self.tokens[c].rel in rels]

    def subtree(self, i: int) -> set[int]:
        seen, todo = {i}, [i]
        while todo:
            for child in self.children.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    @cached_property
    def mention_of_token(self) -> dict[int, Mention]:
        """Each token's innermost mention (the shortest that covers it)."""
        found: dict[int, Mention] = {}
        for mention in sorted(self.doc.mentions, key=lambda m: m.end - m.start, reverse=True):
            for i in self.tokens_in(mention.start, mention.end):
                found[i] = mention
        return found

    @cached_property
    def entity_of_mention(self) -> dict[str, Entity]:
        return {m: e for e in self.doc.entities for m in e.mentions}

    def entity_at(self, i: int) -> Entity | None:
        mention = self.mention_of_token.get(i)
        return self.entity_of_mention.get(mention.id) if mention else None

    @cached_property
    def covering_mentions(self) -> dict[int, list[Mention]]:
        """Every mention covering each token, in the article's order of mentions."""
        found: dict[int, list[Mention]] = {}
        for mention in self.doc.mentions:
            for i in self.tokens_in(mention.start, mention.end):
                found.setdefault(i, []).append(mention)
        return found

    @cached_property
    def mentions_by_start(self) -> tuple[list[int], list[Mention]]:
        """The article's mentions sorted by start (stable), with their starts, for bisection."""
        ordered = sorted(self.doc.mentions, key=lambda m: m.start)
        return [m.start for m in ordered], ordered

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), by start."""
        starts, ordered = self.mentions_by_start
        return [m for m in ordered[bisect_left(starts, start) : bisect_left(starts, end)] if m.end <= end]

    def outer_entity_at(self, i: int) -> Entity | None:
        """The entity of the longest mention covering the token (`МИД России` over `МИД`)."""
        token = self.tokens[i]
        covering = [m for m in self.covering_mentions.get(i, ()) if m.start <= token.start and token.end <= m.end]
        for mention in sorted(covering, key=lambda m: m.start - m.end):
            if mention.id in self.entity_of_mention:
                return self.entity_of_mention[mention.id]
        return None

    def is_punct(self, i: int, chars: frozenset[str] = CLAUSE_PUNCT) -> bool:
        return self.text(i) in chars


def person_gender(index: TokenIndex, entity: Entity) -> str | None:
    """Masc or Fem by vote: the name tokens, and twice as much a past-tense verb the name is subject of (`Мао Нин заявила`)."""
    votes: dict[str, int] = {}
    for mention_id in entity.mentions:
        mention = index.doc.mention(mention_id)
        if mention is None:
            continue
        # the place inside a role (`президента России`) is not the person: its gender is the place's
        places = {i for m in index.mentions_within(mention.start, mention.end) if m.type != mention.type
                  for i in index.tokens_in(m.start, m.end)}
        for i in index.tokens_in(mention.start, mention.end):
            if i in places:
                continue
            token = index.tokens[i]
            if token.pos == "PROPN" and token.feat("Gender") in ("Masc", "Fem"):
                votes[token.feat("Gender")] = votes.get(token.feat("Gender"), 0) + 1
            verb = predicate_of(index, i)
            if verb is not None and index.tokens[verb].feat("Gender") in ("Masc", "Fem"):
                gender = index.tokens[verb].feat("Gender")
                votes[gender] = votes.get(gender, 0) + 2
    return max(votes, key=votes.get) if votes else None


def predicate_of(index: TokenIndex, i: int) -> int | None:
    """The verb a name is the subject of, also through apposition (`представитель … Мао Нин заявила`)."""
    for _ in range(3):
        token = index.tokens[i]
        if token.head is None or token.head < 0:
            return None
        if token.rel in ("nsubj", "nsubj:pass"):
            return token.head
        if token.rel not in ("appos", "flat:name", "flat"):
            return None
        i = token.head
    return None
