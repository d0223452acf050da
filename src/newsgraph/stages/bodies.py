"""Bodies named by common nouns (`полиция`, `правительство`, `парламент Японии`) or inside a
longer organisation's name (`Совета Федерации` in `комитет Совета Федерации по обороне`).

NEREL marks these as organisations and links the common nouns to Wikidata's items for the body in
general (lower-case labels: Q35535 `полиция`). They are added after quotes and events, whose
participants are named entities (docs/events.md), so they enrich the entity layer, the graph
and search without changing who said or did what.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..doc import Article, Entity, Mention, coarse_type
from ..kb import KB, KBEntity
from ..kb.keys import lemma_key
from .link import KBStage, add_mentions, head_word
from .mention_kinds import mention_kind
from .token_spans import token_ids_within
from .word_lists import read_table

# KB types a common noun may name as a body in general.
BODY_TYPES = ("ORG",)
# Mentions the quotes and events stages made for bodies the NER did not name.
DESCRIBED_SOURCES = frozenset({"quote.body", "events.described"})
STANDS_FOR = {
    row["noun"]: frozenset({row["noun"], *row["stands_for"].split("|")})
    for row in read_table(Path(__file__).with_name("referent_nouns.tsv"), ("noun", "stands_for"), key=("noun",))
}


def named_heads(doc: Article) -> list[tuple[int, str, Entity]]:
    """(start, head, entity) for each organisation the article names: the head is the lemma of the
    name's first noun (`коалиция` of «Коалиция желающих») or an abbreviation in lower case (`нато`)."""
    found = []
    for entity in doc.entities:
        if coarse_type(entity.type) != "ORG":
            continue
        for mention in (doc.mention(m) for m in entity.mentions):
            if mention is None or mention_kind(doc, mention) != "name":
                continue
            written = doc.span_text(mention)
            head = written.split()[0].lower() if written.split()[0].isupper() else head_word(mention.normal or written)
            found.append((mention.start, head.replace("ё", "е"), entity))
    return sorted(found, key=lambda item: item[0])


def same_referent_nouns(doc: Article) -> list[tuple[Mention, Entity]]:
    """A class noun that refers back to a body the article named before it (`коалиция` after «Коалиция
    желающих», `альянс` after НАТО, `ведомство` after МИД): the nearest such body before it. A noun
    that names a particular other body (`министерство обороны`) or stands in the plural refers to none."""
    named = named_heads(doc)
    if not named:
        return []
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    found = []
    for k, token in enumerate(doc.tokens):
        # the class-noun look-up first: it turns away nearly every word of the article at the cost of one dict read
        heads = STANDS_FOR.get(token.lemma.lower().replace("ё", "е")) if token.pos == "NOUN" else None
        if heads is None or token.start in covered or token.feat("Number") == "Plur":
            continue
        word = doc.span_text(token)
        sentence_start = k == 0 or doc.tokens[k - 1].sentence != token.sentence
        if not (word.islower() or sentence_start and word[1:].islower()):
            continue
        before = [entity for start, head, entity in named if start < token.start and head in heads]
        if before and not particular_by_words(doc, k):
            found.append((Mention("c", token.start, token.end, "ORG", "bodies.same_referent", before[-1].name), before[-1]))
    return found


def add_to_entities(doc: Article, found: list[tuple[Mention, Entity]]) -> Article:
    """Each mention joins the given entity of the article."""
    if not found:
        return doc
    ids = {m.id for m in doc.mentions}
    joined: dict[str, list[str]] = {}
    added = []
    for mention, entity in found:
        mention = replace(mention, id=next(f"c{k}" for k in range(1, 10**6) if f"c{k}" not in ids), kind="common")
        ids.add(mention.id)
        added.append(mention)
        joined.setdefault(entity.id, []).append(mention.id)
    entities = [replace(e, mentions=e.mentions + tuple(joined.get(e.id, ()))) for e in doc.entities]
    mentions = sorted([*doc.mentions, *added], key=lambda m: (m.start, m.end, m.id))
    return doc.with_layer("mentions", mentions).with_layer("entities", entities)


def particular_by_words(doc: Article, k: int) -> bool:
    """`министерство обороны`, `коалиция стран`: a noun with a genitive after it names a body of its own."""
    tokens = doc.tokens
    after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sentence == tokens[k].sentence else None
    return after is not None and after.pos in {"NOUN", "ADJ", "PROPN"} and after.feat("Case") == "Gen"


def common_bodies(doc: Article, kb: KB) -> list[tuple[Mention, KBEntity | None]]:
    """Common nouns the corpora link to a body in general (`полиция`, `правительство`, `парламент`:
    Wikidata items with a lower-case label), as NEREL marks them; with a name in the genitive after
    (`правительство Москвы`, `полицию Калифорнии`), also the whole phrase, linked only if the KB knows
    it. A place adjective before (`японский парламент`) or a common noun after (`министерство обороны`)
    makes a particular body the linker cannot tell: no mention."""
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    starts = {m.start: m for m in sorted(doc.mentions, key=lambda m: m.end)}
    tokens = doc.tokens
    found: list[tuple[Mention, KBEntity | None]] = []
    for k, token in enumerate(tokens):
        if token.pos != "NOUN" or token.start in covered:
            continue
        word = doc.span_text(token)
        sentence_start = k == 0 or tokens[k - 1].sentence != token.sentence
        if not (word.islower() or sentence_start and word[1:].islower()):
            continue
        body = kb.corpus_referent(lemma_key(word), BODY_TYPES)
        if body is None or not body.label_ru[:1].islower() or particular(doc, kb, k):
            continue
        found.append((Mention("b", token.start, token.end, "ORG", "bodies.common_noun", body.label_ru), body))
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        owner = starts.get(after.start) if after is not None and after.feat("Case") == "Gen" else None
        if owner is not None and doc.text[token.end : owner.start].isspace():
            head = token.lemma if word.islower() else token.lemma.capitalize()
            phrase = Mention("b", token.start, owner.end, "ORG", "bodies.common_noun", head + doc.text[token.end : owner.end])
            found.append((phrase, known_body(kb, phrase.normal)))
    return found


def bodies_in_names(doc: Article, kb: KB) -> list[tuple[Mention, KBEntity]]:
    """The innermost body the KB knows, named by two words or more inside an organisation's name
    just before `по` or `при` (`МВД России` in `ГУ МВД России по Нижегородской области`), as NEREL
    nests them."""
    tokens = doc.tokens
    found = {}
    for mention in doc.mentions:
        if mention.type != "ORG":
            continue
        inside = token_ids_within(doc, mention.start, mention.end)
        cut = next((k for k in inside if doc.span_text(tokens[k]) in ("по", "при")), None)
        starts = [k for k in inside if cut is not None and k < cut - 1 and doc.span_text(tokens[k])[:1].isupper()]
        for k in reversed(starts):
            start, end = tokens[k].start, tokens[cut - 1].end
            body = known_body(kb, doc.text[start:end])
            if body is not None:
                found[start, end] = (Mention("n", start, end, "ORG", "bodies.in_name", body.label_ru), body)
                break
    return list(found.values())


def known_body(kb: KB, name: str) -> KBEntity | None:
    """The one organisation the KB knows by this name (`Правительство Москвы`), or None."""
    key = lemma_key(name)
    return kb.corpus_referent(key, BODY_TYPES) or kb.labelled(key, BODY_TYPES)


def particular(doc: Article, kb: KB, k: int) -> bool:
    """`японский парламент`, `министерство обороны`: the noun at `k` names one body we cannot link."""
    tokens = doc.tokens
    before = tokens[k - 1] if k > 0 and tokens[k - 1].sentence == tokens[k].sentence else None
    after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sentence == tokens[k].sentence else None
    if before is not None and before.pos == "ADJ" and kb.place_for_adjective(doc.span_text(before)):
        return True
    return after is not None and after.pos in {"NOUN", "ADJ"} and after.feat("Case") == "Gen"


class Bodies(KBStage):
    name = "bodies"
    requires = frozenset({"links", "morph"})
    provides = frozenset({"bodies"})

    def annotate(self, doc: Article) -> Article:
        doc = add_to_entities(doc, same_referent_nouns(doc))
        return speaking_bodies(add_mentions(doc, common_bodies(doc, self.kb) + bodies_in_names(doc, self.kb)), self.kb)


def speaking_bodies(doc: Article, kb: KB) -> Article:
    """A body the quotes stage made a speaker of (`сообщили в полиции`), or the events stage a participant
    (`полиция задержала`), is the body in general when the bare noun is one: it joins the linked entity
    of that body (its quotes and events follow), or is linked itself."""
    entities = list(doc.entities)
    renamed: dict[str, Entity] = {}
    for entity in doc.entities:
        mentions = [doc.mention(m) for m in entity.mentions]
        if entity.kb_id or not mentions or any(m is None or m.source not in DESCRIBED_SOURCES for m in mentions):
            continue
        body = kb.corpus_referent(lemma_key(entity.name), BODY_TYPES) if " " not in entity.name else None
        if body is None or not body.label_ru[:1].islower():
            continue
        linked = next((k for k, e in enumerate(entities) if e.kb_id == body.id), None)
        if linked is None:
            renamed[entity.id] = replace(entity, kb_id=body.id, name=body.label_ru, confidence=0.9)
            entities[entities.index(entity)] = renamed[entity.id]
        else:
            entities[linked] = replace(entities[linked], mentions=entities[linked].mentions + entity.mentions)
            renamed[entity.id] = entities[linked]
            entities.remove(entity)
    if not renamed:
        return doc
    def new_id(old: str | None) -> str | None:
        return renamed[old].id if old in renamed else old

    quotes = [replace(q, speaker=new_id(q.speaker), speaker_name=renamed[q.speaker].name if q.speaker in renamed else q.speaker_name,
                      via=new_id(q.via)) for q in doc.quotes]
    events = [replace(e, actor=tuple(map(new_id, e.actor)), recipient=tuple(map(new_id, e.recipient))) for e in doc.events]
    return doc.with_layer("entities", entities).with_layer("quotes", quotes).with_layer("events", events)
