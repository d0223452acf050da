"""Entity linking: give each entity the KB id (Wikidata QID) it refers to, or none.

Candidates come from the lemmatized keys of every mention's name. Each candidate is scored by
small rules (how the name is known, how often the corpora link it, type fit, offices held at
the article's date, co-occurring places); the best is kept only when it clears the threshold
and no rival comes close, so an unknown namesake stays unlinked. Role phrases
(`президент Франции`) are then resolved by `stages.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..doc import Article, Entity, Mention, coarse_type
from ..kb import KB, PLACE_TYPES, KBEntity, bundled
from ..kb.keys import PATRONYMIC, lemma_key, name_keys, surface_key, uninflected_keys, word_lemma, words
from ..nlp import parses
from .base import BatchStage
from .person_names import PARTICLE
from .quotes.cues import SAY_VERBS
from .quotes.speaker_words import COLLECTIVE_NOUNS
from .roles import find_roles
from .token_spans import token_ids_within

THRESHOLD = 0.65
MARGIN = 0.1
NAME_WEIGHT = {"label": 0.8, "alias": 0.8, "corpus": 0.6, "surname": 0.4}
# KB types a mention of each NER type may refer to, and those it may refer to at a cost.
FITS = {
    "PER": ({"PER"}, set()),
    "ORG": ({"ORG", "GROUP"}, {"COUNTRY", "FACILITY", "CITY"}),
    "LOC": ({"COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION", "FACILITY"}, {"ORG"}),
}
# Occupations that no office-holder of the KB is introduced by: `футболист Сергей Иванов` is not
# the politician of that name. (Kinship, honorifics and titles say nothing against it.)
OTHER_OCCUPATIONS = frozenset("""
    футболист хоккеист теннисист баскетболист волейболист спортсмен спортсменка боксер боксёр борец
    пловец пловчиха лыжник биатлонист фигурист фигуристка гимнаст гимнастка бегун гонщик шахматист
    гроссмейстер игрок вратарь нападающий защитник полузащитник форвард голкипер тренер чемпион чемпионка
    актер актёр актриса певец певица музыкант композитор дирижер дирижёр пианист скрипач рэпер режиссер
    режиссёр продюсер сценарист писатель писательница поэт поэтесса художник художница скульптор фотограф
    модель блогер блогерша журналист журналистка корреспондент обозреватель телеведущий ведущий
    пенсионер пенсионерка студент студентка школьник школьница учитель учительница преподаватель
    врач хирург медсестра водитель таксист повар фермер рабочий инженер программист бизнесмен
    бизнесвумен предприниматель банкир миллиардер ученый учёный профессор исследователь астронавт космонавт
""".split())
# Endings of the oblique cases: `Акихито`, whose lemma pymorphy guesses differently, is no inflected form.
OBLIQUE_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "ой", "ей", "ы", "и", "ою", "ого", "ому")


@dataclass
class Scored:
    entity: KBEntity
    kind: str
    key: str
    multiword: bool
    links: int = 0


def person_name(text: str) -> str:
    """A person's name without initials, patronymic and joined particle: `В. В. Путин`, `Владимир Владимирович Путин`
    → `Владимир Путин`; `Башар аль-Асад` → `Башар Асад`."""
    parts = [PARTICLE.sub(r"\2", w) for w in words(text) if len(w) > 1]
    if len(parts) == 3 and PATRONYMIC.search(parts[1].lower()):
        parts = [parts[0], parts[2]]
    return " ".join(parts)


def mention_keys(doc: Article, mention: Mention) -> set[str]:
    texts = {mention.normal, doc.span_text(mention)} - {""}
    if coarse_type(mention.type) == "PER":
        texts |= {person_name(t) for t in texts}
    return {key for text in texts for key in name_keys(text)}


def gather(kb: KB, keys: Iterable[str]) -> dict[str, Scored]:
    """Candidates by id, each with the strongest way one of the keys names it."""
    found: dict[str, Scored] = {}
    for key in keys:
        for cand in kb.candidates(key):
            seen = found.get(cand.entity.id)
            if seen is None or NAME_WEIGHT.get(cand.kind, 0) > NAME_WEIGHT.get(seen.kind, 0):
                found[cand.entity.id] = seen = Scored(cand.entity, cand.kind, key, " " in key, seen.links if seen else 0)
            seen.multiword |= " " in key
            seen.links = max(seen.links, cand.links)
    return found


def descriptors(doc: Article, mentions: list[Mention]) -> set[str]:
    """Lemmas of the person nouns in apposition right before the mentions (same case): `футболист`
    in `футболист Сергей Иванов`, not `журналистам` in `сказал журналистам Сергей Иванов`."""
    found = set()
    for mention in mentions:
        inside = token_ids_within(doc, mention.start, mention.end)
        if not inside or inside.start == 0:
            continue
        token, name = doc.tokens[inside.start - 1], doc.tokens[inside.start]
        if (token.pos == "NOUN" and token.feat("Animacy") == "Anim" and token.feat("Case") == name.feat("Case")
                and doc.text[token.end : mention.start].isspace()):
            found.add(token.lemma.lower())
    return found


def office_holder(kb: KB, entity: KBEntity) -> bool:
    return bool(kb.positions(entity.id))


def first_name_only(scored: Scored) -> bool:
    """A lone first name (`Филипп`, `Мишель`) says little about which person is meant."""
    return " " not in scored.key and any("Name" in p.tag.grammemes for p in parses(scored.key)[:2])


def same_first_name(names: list[str], entity: KBEntity) -> bool:
    """The written first name is the KB's, spelled alike (`Эммануэль`/`Эмманюэль`, `Джорджия`/`Джорджа`)."""
    label = words(entity.label_ru.lower())
    return bool(label) and any(n.split()[0].lower()[:3] == label[0][:3] for n in names)


def type_cost(ner_type: str, kb_type: str) -> float | None:
    exact, cross = FITS.get(ner_type, (set(), set()))
    return 0.0 if kb_type in exact else 0.35 if kb_type in cross else None


def held_then(kb: KB, entity: KBEntity, doc: Article) -> bool:
    return doc.published is not None and any(p.held_on(doc.published) for p in kb.positions(entity.id))


def placed_in_context(kb: KB, entity: KBEntity, context: set[str]) -> bool:
    return any(p.place in context for p in kb.positions(entity.id))


def score(kb: KB, scored: Scored, ner_type: str, doc: Article, context: set[str], total_links: int) -> float | None:
    """How sure we are that the entity is meant: name kind, how often the corpora link the name to it,
    type fit, a match on several words (`МИД России` over `МИД`), and for persons an office held at
    the article's date or in a place the article names."""
    cost = type_cost(ner_type, scored.entity.type)
    if cost is None:
        return None
    share = (scored.links + 1) / total_links
    name = NAME_WEIGHT["surname"] - 0.1 if scored.entity.type == "PER" and first_name_only(scored) else NAME_WEIGHT.get(scored.kind, 0)
    value = name + 0.2 * share - cost + 0.1 * scored.multiword
    if scored.entity.type == "PER":
        value += 0.15 * held_then(kb, scored.entity, doc) + 0.15 * placed_in_context(kb, scored.entity, context)
    return value


def fullest(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """An organisation's longest names only: `Министерство обороны Великобритании` must not link
    through its nested `Министерство обороны`, which names every country's ministry."""
    longest = max(len(words(doc.span_text(m))) for m in mentions)
    return [m for m in mentions if len(words(doc.span_text(m))) == longest]


def only_abbreviation_referent(kb: KB, doc: Article, entity: Entity) -> dict[str, Scored]:
    """When the KB knows no full name of an organisation, its abbreviation (`МГИМО` after `Московский
    государственный институт международных отношений`) if that names one KB entity only, of the
    same kind as the full name the article wrote (`ВС` after `Вооружённые силы` is no court);
    `МВД` names several ministries and stays unlinked, and an abbreviation with no full name
    written (`ВС России`) is too short to trust."""
    mentions = [m for m in (doc.mention(i) for i in entity.mentions) if m]
    abbreviations = {doc.span_text(m) for m in mentions if doc.span_text(m).isupper()}
    full_names = [m.normal or doc.span_text(m) for m in mentions if not doc.span_text(m).isupper() and len(words(doc.span_text(m))) > 1]
    if not full_names:
        return {}
    found = gather(kb, {k for a in abbreviations if len(a) > 1 for k in name_keys(a)})
    if len(found) != 1:
        return {}
    label = next(iter(found.values())).entity.label_ru
    if label.isupper():  # the KB knows it by the abbreviation alone
        return found
    return found if any(head_word(name) in lemma_key(label).split() for name in full_names) else {}


def head_word(name: str) -> str:
    """The dictionary form of an organisation name's head, its first noun (`силы` in `Вооружённые силы России`)."""
    for word in words(name):
        if any(p.tag.POS == "NOUN" for p in parses(word.lower())[:1]):
            return word_lemma(word.lower())
    return word_lemma(words(name)[0].lower()) if words(name) else ""


def symbols_differ(written: Iterable[str], entity: KBEntity) -> bool:
    """A name of digits and signs (`2+2`) is found only under the same signs (not the channel `2×2`)."""
    written = {"".join(w.split()) for w in written}
    if any(re.search(r"[^\W\d_]", w) for w in written):
        return False
    return "".join(entity.label_ru.split()) not in written


def uninflected_label(kb: KB, doc: Article, mentions: list[Mention]) -> dict[str, Scored]:
    """A full name the normalizer left inflected (`Ким Чен Ына`) found through its uninflected form,
    when that is exactly one KB person's label."""
    keys = {k for m in mentions for k in uninflected_keys(doc.span_text(m)) if " " in k}
    found = {i: s for i, s in gather(kb, keys).items() if s.kind == "label" and s.entity.type == "PER"}
    return found if len(found) == 1 else {}


def choose(kb: KB, doc: Article, entity: Entity, context: set[str]) -> tuple[KBEntity, float] | None:
    """The KB entity this document entity refers to, with a confidence, or None when unsure."""
    mentions = [m for m in (doc.mention(i) for i in entity.mentions) if m is not None]
    ner_type = coarse_type(entity.type)
    if ner_type == "ORG":
        mentions = fullest(doc, mentions)
    full_names = [person_name(m.normal or doc.span_text(m)) for m in mentions]
    full_names = [n for n in full_names if " " in n] if ner_type == "PER" else []
    keys = {k for m in mentions for k in mention_keys(doc, m)} | {k for n in full_names for k in name_keys(n.split()[-1])}
    found = gather(kb, keys)
    if not found and ner_type == "ORG":
        found = only_abbreviation_referent(kb, doc, entity)
    if not found and full_names:
        found = uninflected_label(kb, doc, mentions)
    if full_names:
        # A full name was written: a namesake sharing only the surname must not be taken.
        found = {i: s for i, s in found.items() if s.multiword or same_first_name(full_names, s.entity)}
    if ner_type == "PER" and descriptors(doc, mentions) & OTHER_OCCUPATIONS:
        # `футболист Сергей Иванов` is not the politician of that name
        found = {i: s for i, s in found.items() if not office_holder(kb, s.entity)}
    found = {i: s for i, s in found.items() if not symbols_differ((doc.span_text(m) for m in mentions), s.entity)}
    if ner_type == "LOC" and building_for_institution(found) and any(acts(doc, m) for m in mentions):
        ner_type = "ORG"  # `Кремль отверг`, `пресс-служба Кремля`: the institution, not the fortress
    total = sum(s.links + 1 for s in found.values()) or 1
    ranked = []
    for scored in found.values():
        value = score(kb, scored, ner_type, doc, context, total)
        if value is not None:
            ranked.append((value, scored.entity))
    ranked.sort(key=lambda pair: -pair[0])
    if not ranked or ranked[0][0] < THRESHOLD:
        return None
    in_office = [e for _, e in ranked if e.type == "PER" and not found[e.id].multiword and held_then(kb, e, doc)]
    if len(in_office) > 1:
        return None  # `Расмуссен` in 2010: two Rasmussens in office, whatever place the article names
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MARGIN:
        best = surname_referent(kb, full_names, [e for v, e in ranked if ranked[0][0] - v < MARGIN])
        return (best, round(min(ranked[0][0], 1.0), 3)) if best else None
    return ranked[0][1], round(min(ranked[0][0], 1.0), 3)


def surname_referent(kb: KB, full_names: list[str], close: list[KBEntity]) -> KBEntity | None:
    """Of namesakes the full name fits equally (`Дмитрий Песков`), the one the corpora link the bare
    surname to (`Песков` alone), as the article would be read; None if that is not exactly one."""
    surnames = {k for n in full_names for k in name_keys(n.split()[-1])}
    linked = {c.entity.id for key in surnames for c in kb.candidates(key) if c.kind == "corpus" and c.links > 0}
    fitting = [e for e in close if e.id in linked]
    return fitting[0] if len(fitting) == 1 else None


def building_for_institution(found: dict[str, Scored]) -> bool:
    """The place a name may mean is only a building, and an organisation is the alternative (`Кремль`)."""
    types = {s.entity.type for s in found.values()}
    return "FACILITY" in types and types <= {"FACILITY", "ORG", "GROUP"} and bool(types & {"ORG", "GROUP"})


def acts(doc: Article, mention: Mention) -> bool:
    """The mention names something that acts or speaks: the subject before a verb (`Кремль отверг`),
    the owner of a body or a person (`пресс-служба Кремля`, `глава Кремля`), or where something was
    said (`в Кремле заявили`)."""
    inside = token_ids_within(doc, mention.start, mention.end)
    if not inside:
        return False
    tokens, first, last = doc.tokens, inside.start, inside.stop - 1
    case = tokens[first].feat("Case")
    before = tokens[first - 1] if first > 0 and tokens[first - 1].sentence == tokens[first].sentence else None
    after = tokens[last + 1] if last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[last].sentence else None
    if case == "Nom":
        return after is not None and after.pos == "VERB"
    if case == "Gen" and before is not None and before.pos == "NOUN":
        return before.feat("Animacy") == "Anim" or before.lemma in COLLECTIVE_NOUNS
    if case == "Loc" and before is not None and before.lemma == "в" and after is not None:
        return after.pos == "VERB" and after.lemma in SAY_VERBS
    return False


def completed_person_names(doc: Article, kb: KB) -> Article:
    """`Ги Мун` → `Пан Ги Мун`: a person mention grows by the capitalised word before it when the
    two make a name the KB knows as a person's label (NER drops `Пан`, which it reads as a noun)."""
    tokens = doc.tokens
    at = {t.start: k for k, t in enumerate(tokens)}
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    mentions = list(doc.mentions)
    for n, mention in enumerate(mentions):
        k = at.get(mention.start)
        if mention.type != "PER" or not k or tokens[k - 1].sentence != tokens[k].sentence:
            continue
        before = tokens[k - 1]
        if before.start in covered or doc.text[before.end : mention.start] != " " or not doc.span_text(before)[:1].isupper():
            continue
        name = doc.text[before.start : mention.end]
        labels = {c.entity.label_ru for key in name_keys(name) for c in kb.candidates(key) if c.kind == "label" and c.entity.type == "PER"}
        if len(labels) == 1:
            mentions[n] = replace(mention, start=before.start, normal=labels.pop())
    if mentions == list(doc.mentions):
        return doc
    return doc.with_layer("mentions", sorted(mentions, key=lambda m: (m.start, m.end, m.id)))


def unmarked_surnames(doc: Article, kb: KB) -> list[tuple[Mention, None]]:
    """A capitalised proper noun NER left out that is a KB person's surname (`Трамп подписал указ`,
    where Slovnet sees no name): a person mention, unlinked for now, that the linker then judges
    like any other."""
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    found = []
    for token in doc.tokens:
        word = doc.span_text(token)
        if token.pos != "PROPN" or token.start in covered or len(word) < 3 or not word[:1].isupper() or word.isupper():
            continue
        if token.feat("Animacy") == "Inan":
            continue
        if known_without(word, "Surn"):
            continue  # `Принцу`, `Петра`: a common noun or a first name the dictionary knows
        surname = word_lemma(word)
        kinds = {(c.kind, c.entity.type == "PER") for c in kb.candidates(surname)}
        if ("surname", True) in kinds and not {("label", False), ("alias", False), ("corpus", False)} & kinds:  # not `Берлин`
            found.append((Mention("s", token.start, token.end, "PER", "link.kb_surname", surname.capitalize()), None))
    return found


def link_entities(doc: Article, kb: KB) -> list[Entity]:
    """Places and organisations first, so that persons can use them as context; entities that
    already carry a KB id keep it."""
    linked: dict[str, Entity] = {}
    context: set[str] = {e.kb_id for e in doc.entities if e.kb_id}
    for person_pass in (False, True):
        for entity in doc.entities:
            if (coarse_type(entity.type) == "PER") != person_pass:
                continue
            choice = None if entity.kb_id else choose(kb, doc, entity, context)
            if choice is None:
                linked[entity.id] = entity
                continue
            found, confidence = choice
            context.add(found.id)
            name = canonical_name(found, entity, curated=office_holder(kb, found))
            type = "ORG" if found.type in GROUP_TYPES else entity.type  # the EU, NATO: bodies, though NER saw places
            linked[entity.id] = replace(entity, kb_id=found.id, confidence=confidence, name=name, type=type)
    return merge_same_referent([linked[e.id] for e in doc.entities])


def canonical_name(found: KBEntity, entity: Entity, curated: bool = False) -> str:
    """The KB's label, unless it is a form the corpora wrote inflected (`совета`, `Линкольну`,
    `Нобелевского комитета`: labels harvested where Wikidata gave none): then the article's own nominative.
    A curated label (an office-holder's, written for the KB) is nominative even where the dictionary
    lacks the name (`Кая Каллас`, whose `Кая` pymorphy knows only as a form of `Кай`)."""
    label = found.label_ru
    if not label or surface_key(label) == surface_key(entity.name):  # `МИД` as written, not a label `Мид`
        return entity.name
    if curated:
        return label
    first = (words(label) or [""])[0]
    inflected = first.endswith(OBLIQUE_ENDINGS) and not label.isupper() and lemma_key(label) != surface_key(label)
    if first != label:  # `Кира Найтли`: a first word that may be a nominative keeps the label
        inflected = inflected and known_without(first, "nomn")  # `Нобелевского`, `Олегом`
    return entity.name if inflected else label


def known_without(word: str, grammeme: str) -> bool:
    """A dictionary word none of whose readings has `grammeme` (`Олегом`: no `nomn`; `Петра`: no `Surn`)."""
    analyses = parses(word.lower())
    return bool(analyses) and analyses[0].is_known and not any(grammeme in a.tag for a in analyses)


def merge_same_referent(entities: list[Entity]) -> list[Entity]:
    """Entities linked to one KB id are one entity (`Путин` and `В. Путин` the in-document step kept apart)."""
    merged: list[Entity] = []
    by_kb: dict[str, int] = {}
    for entity in entities:
        if entity.kb_id and entity.kb_id in by_kb:
            i = by_kb[entity.kb_id]
            merged[i] = replace(merged[i], mentions=merged[i].mentions + entity.mentions,
                                confidence=max(merged[i].confidence or 0, entity.confidence or 0))
            continue
        if entity.kb_id:
            by_kb[entity.kb_id] = len(merged)
        merged.append(entity)
    return merged


def place_adjectives(doc: Article, kb: KB) -> list[tuple[Mention, KBEntity]]:
    """Adjectives of places (`британской`, `московского`) as mentions of the place, as NEREL marks
    them, also inside an organisation's name (`Московский университет`), never inside a place or
    person; and, inside an organisation's name, the places it names (`Москвы` in «Эхо Москвы»)."""
    covered = {i for m in doc.mentions if m.type != "ORG" for i in range(m.start, m.end)}
    # words of multi-word organisation names: a club or paper named by a city alone (`Барселона`) is no place
    in_org = {i for m in doc.mentions if m.type == "ORG" and " " in doc.span_text(m) for i in range(m.start, m.end)}
    found = []
    for k, token in enumerate(doc.tokens):
        if token.start in covered:
            continue
        if token.pos == "ADJ":
            place, rule = kb.place_for_adjective(doc.span_text(token)), "link.place_adjective"
        elif token.pos == "PROPN" and token.start in in_org and not named_after(doc, k):
            place, rule = place_named(kb, doc.span_text(token)), "link.place_in_name"
        else:
            continue
        if place is not None:
            found.append((Mention(f"a{len(found) + 1}", token.start, token.end, "LOC", rule, place.label_ru), place))
    return found


INITIAL = re.compile(r"[А-ЯЁA-Z]\.?")


def named_after(doc: Article, k: int) -> bool:
    """The word at `k` is a person's name in an organisation's: after initials or `имени`
    (`институт имени Н.Е. Жуковского` is no mention of the town)."""
    before = [doc.span_text(t) for t in doc.tokens[max(0, k - 4) : k]]
    while before and before[-1] == ".":
        before.pop()
    return bool(before) and (INITIAL.fullmatch(before[-1]) is not None or before[-1].lower() in {"имени", "им"})


QUOTED = re.compile(r"«([^«»]{2,60})»")
GROUP_TYPES = ("ORG", "GROUP")


def quoted_organisations(doc: Article, kb: KB) -> list[tuple[Mention, KBEntity]]:
    """A name in «» that is a KB organisation's or group's label or alias (`«нормандской четверки»`,
    `«Большой двадцатки»`, `«коалиции желающих»`), which NER reads as common words."""
    found = []
    for match in QUOTED.finditer(doc.text):
        name = match.group(1)
        if not 1 <= len(words(name)) <= 5:
            continue
        body = kb.labelled(lemma_key(name), GROUP_TYPES)
        if body is not None and not symbols_differ([name], body):
            found.append((Mention("q", match.start(1), match.end(1), "ORG", "link.quoted_name", body.label_ru), body))
    return found


def place_named(kb: KB, word: str) -> KBEntity | None:
    """The one state or city a word names (`Москвы`, `Зимбабве`): by a KB label, or as the corpora link it."""
    key = lemma_key(word)
    return kb.labelled(key, PLACE_TYPES) or kb.corpus_referent(key, PLACE_TYPES)


def role_mentions(doc: Article, kb: KB) -> list[tuple[Mention, KBEntity]]:
    return [
        (Mention(f"r{n}", role.start, role.end, "PER", role.rule, doc.text[role.start : role.end]), person)
        for n, (role, person) in enumerate(find_roles(doc, kb), 1)
    ]


def add_mentions(doc: Article, found: list[tuple[Mention, KBEntity | None]]) -> Article:
    """Add mentions, each joining the entity linked to its KB entity (made if absent); a mention
    with no KB entity makes an unlinked entity of its own.

    A span already marked with the same type is skipped, so linking twice changes nothing."""
    spans = {(m.start, m.end, m.type) for m in doc.mentions}
    ids = {m.id for m in doc.mentions}
    found = [(m, t) for m, t in found if (m.start, m.end, m.type) not in spans]
    if not found:
        return doc
    entities = list(doc.entities)
    used = {e.id for e in entities}
    added = []
    for mention, target in found:
        prefix = mention.id.rstrip("0123456789")
        mention = replace(mention, id=next(f"{prefix}{k}" for k in range(1, 10**6) if f"{prefix}{k}" not in ids))
        ids.add(mention.id)
        added.append(mention)
        at = next((k for k, e in enumerate(entities) if e.kb_id == target.id), None) if target else None
        if at is not None:
            entities[at] = replace(entities[at], mentions=entities[at].mentions + (mention.id,))
            continue
        new_id = next(f"e{k}" for k in range(len(entities) + 1, 10**6) if f"e{k}" not in used)
        used.add(new_id)
        if target is None:
            entities.append(Entity(new_id, mention.type, mention.normal, (mention.id,)))
        else:
            entities.append(Entity(new_id, mention.type, target.label_ru, (mention.id,), kb_id=target.id, confidence=0.9))
    mentions = sorted([*doc.mentions, *added], key=lambda m: (m.start, m.end, m.id))
    return doc.with_layer("mentions", mentions).with_layer("entities", entities)


class KBStage(BatchStage):
    """A stage that reads the KB: the one given, else `KB.open()` (`$NEWSGRAPH_KB` or the bundled KB)."""

    def __init__(self, kb: KB | None = None):
        self._kb = kb

    def __getstate__(self) -> dict:
        """Picklable for worker processes: a KB file travels as its path, the bundled KB as a flag
        (a worker's `$NEWSGRAPH_KB` must not replace it), and no KB yet as nothing, so the worker
        opens its own default."""
        if self._kb is None:
            return {"path": None, "bundled": False}
        if self._kb is bundled():
            return {"path": None, "bundled": True}
        return {"path": str(self._kb.path), "bundled": False}

    def __setstate__(self, state: dict) -> None:
        self._kb = bundled() if state["bundled"] else KB.open(state["path"]) if state["path"] else None

    @property
    def kb(self) -> KB:
        if self._kb is None:
            self._kb = KB.open()
        return self._kb


class Link(KBStage):
    name = "link"
    requires = frozenset({"entities", "morph"})
    provides = frozenset({"links"})

    def annotate(self, doc: Article) -> Article:
        doc = completed_person_names(doc, self.kb)
        doc = add_mentions(doc, unmarked_surnames(doc, self.kb))
        doc = doc.with_layer("entities", link_entities(doc, self.kb), marks="links")
        doc = add_mentions(doc, place_adjectives(doc, self.kb) + quoted_organisations(doc, self.kb))
        return add_mentions(doc, role_mentions(doc, self.kb))
