"""A role description (`французский лидер`, `глава МИД`) to the person it names in this article.

The article itself says who holds which role: `президент Франции Эммануэль Макрон`
gives Macron the title (president, France). A later `французский лидер` matches a
title whose function is compatible (a leader is a president, prime minister or
chancellor) and whose place agrees. Places compare by stem, with aliases where the
adjective and the country differ (`немецкий` / `Германия`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..doc import Entity, coarse_type
from .token_index import TokenIndex
from .word_lists import read_table, word_sets

_WORDS = word_sets(Path(__file__).with_name("speaker_roles.tsv"), (
    "role_noun", "leader", "minister", "spokesperson", "generic", "chief", "body_head", "direction", "skip_modifier",
))
ROLE_NOUNS = _WORDS["role_noun"]
LEADERS = _WORDS["leader"]
MINISTERS = _WORDS["minister"]
SPOKESPEOPLE = _WORDS["spokesperson"]
# Descriptors a journalist uses for anyone of the right place (`российский дипломат`, `французский
# политик`) or for the person just quoted (`— сказал подсудимый`, `добавил ученый`).
GENERIC = _WORDS["generic"]
CHIEFS = _WORDS["chief"]
# Heads of a body, whatever its title: `глава регулятора` after `председатель ЦБ Эльвира Набиуллина`.
BODY_HEADS = _WORDS["body_head"]
DIRECTIONS = _WORDS["direction"]
SKIP_MODIFIERS = _WORDS["skip_modifier"]
PLACE_ALIASES = {
    row["prefix"]: row["place"]
    for row in read_table(Path(__file__).with_name("place_aliases.tsv"), ("prefix", "place"), key=("prefix",))
}
_PREFIXES_LONGEST_FIRST = sorted(PLACE_ALIASES, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Role:
    function: str
    places: frozenset[str]


def place_key(word: str) -> str:
    word = word.lower().replace("ё", "е")
    for prefix in _PREFIXES_LONGEST_FIRST:
        if word.startswith(prefix):
            return PLACE_ALIASES[prefix]
    return word


def same_place(a: str, b: str) -> bool:
    """`венгерский` and `Венгрии` share a stem of four letters; aliases cover the rest."""
    return a == b or (len(a) > 4 and len(b) > 4 and a[:4] == b[:4])


def role_of(index: TokenIndex, ids: list[int]) -> Role | None:
    """The function and places a run of tokens names, or None when it names no role."""
    lemmas = [index.lemma(i) for i in ids]
    heads = [lemma for lemma in lemmas if lemma in ROLE_NOUNS]
    if not heads:
        return None
    words = set(lemmas)
    function = heads[0]
    chief = function in CHIEFS
    if chief and (words & {"мид", "внешнеполитический"} or {"иностранный", "дело"} <= words):
        function = "foreign_minister"
    elif chief and words & {"оборона", "минобороны", "пентагон"}:
        function = "defense_minister"
    elif function == "президент" or {"глава", "государство"} <= words:
        function = "president"
    elif function in {"премьер", "премьер-министр"} or words & {"глава", "председатель"} and "правительство" in words:
        function = "prime_minister"
    elif function in {"глава", "руководитель"} and words & {"регион", "область", "край", "республика", "субъект"}:
        function = "губернатор"
    elif function == "канцлер":
        function = "chancellor"
    elif function == "пресс-секретарь":
        function = "press_secretary"
    elif function == "лидер":
        function = "leader"
    places = frozenset(
        place_key(index.text(i))
        for i, lemma in zip(ids, lemmas)
        if lemma not in ROLE_NOUNS
        and lemma not in SKIP_MODIFIERS
        and lemma not in DIRECTIONS
        and (index.tokens[i].pos == "ADJ" and place_like(lemma) or index.tokens[i].pos == "PROPN")
        and lemma not in {"мид", "минобороны"}
    )
    return Role(function, places)


def place_like(lemma: str) -> bool:
    """Adjectives of place end in -ский/-цкий (`французский`, `немецкий`), unlike `новый`."""
    return lemma.endswith(("ский", "цкий", "ской"))


def same_function(wanted: str, title: str) -> bool:
    return (
        wanted == title
        or wanted in GENERIC
        or (wanted == "leader" and title in LEADERS | {"leader"})
        or (wanted == "министр" and title in MINISTERS)
        or (wanted in SPOKESPEOPLE and title in SPOKESPEOPLE)
        or (wanted in BODY_HEADS and title in BODY_HEADS)
    )


def compatible(wanted: Role, title: Role) -> bool:
    return same_function(wanted.function, title.function) and places_agree(wanted.places, title)


def places_agree(places: Iterable[str], title: Role) -> bool:
    """Every place wanted is one of the title's (`французский` and `Франции`)."""
    return all(any(same_place(w, t) for t in title.places) for w in places)


def title_before(index: TokenIndex, mention_start: int) -> list[int]:
    """Tokens of the title written just before a name: `президент Франции [Эммануэль Макрон]`."""
    first = index.token_at(mention_start)
    if first is None:
        return []
    sentence = index.sentence_of(first)
    ids: list[int] = []
    for i in range(first - 1, max(sentence.start, first - 6) - 1, -1):
        gap = index.doc.text[index.tokens[i].end : index.tokens[i + 1].start]
        if index.is_punct(i) or index.text(i) in {".", "и"} or "\n" in gap or index.tokens[i].pos == "VERB":
            break
        entity = index.entity_at(i)
        if entity and coarse_type(entity.type) == "PER":
            break
        ids.insert(0, i)
    return ids


def titles(index: TokenIndex) -> dict[str, list[Role]]:
    """Each person entity's roles as the article writes them (worked out once per article and index)."""
    if "titles" not in index.memo:
        index.memo["titles"] = find_titles(index)
    return index.memo["titles"]


def find_titles(index: TokenIndex) -> dict[str, list[Role]]:
    found: dict[str, list[Role]] = {}
    for entity in index.doc.entities:
        if coarse_type(entity.type) != "PER":
            continue
        for mention_id in entity.mentions:
            mention = index.doc.mention(mention_id)
            if mention is None:
                continue
            ids = title_before(index, mention.start)
            role = role_of(index, ids) if ids and agrees(index, ids, mention) else None
            itself = role_of(index, list(index.tokens_in(mention.start, mention.end)))  # a linked role phrase
            found.setdefault(entity.id, []).extend(r for r in (role, itself) if r)
    # each role once: callers ask whether any role fits, and a name repeated a hundred times
    # would otherwise make every question a hundred times dearer
    return {entity_id: list(dict.fromkeys(roles)) for entity_id, roles in found.items()}


def agrees(index: TokenIndex, ids: list[int], mention) -> bool:
    """`помощник [Путина]` gives Putin no title: the role noun and the name must share their case."""
    role = next((i for i in ids if index.lemma(i) in ROLE_NOUNS), None)
    name = index.token_at(mention.start)
    cases = {index.tokens[i].feat("Case") for i in (role, name) if i is not None}
    return len(cases - {None}) <= 1


def resolve_role(index: TokenIndex, wanted: Role, before: int, quoted: Container[int] = (), exact_first: bool = False) -> Entity | None:
    """The person named before `before` whose title matches, preferring the most recent. Mentions at
    offsets in `quoted` (inside the quote being attributed) do not count; with `exact_first`, a title
    naming just the places wanted (`председатель ПАСЕ` for `глава ПАСЕ`) beats a wider one
    (`председатель украинской делегации в ПАСЕ`)."""
    def last_seen(entity: Entity) -> int:
        if not quoted:
            return last_mention_before(index, entity, before)
        return max((s for s in mention_starts(index).get(entity.id, []) if s < before and s not in quoted), default=-1)

    people = {e.id: e for e in index.doc.entities if coarse_type(e.type) == "PER" and not e.anonymous and last_seen(e) >= 0}
    fitting = {e: [r for r in roles if compatible(wanted, r)] for e, roles in titles(index).items() if e in people}
    candidates = [people[e] for e, roles in fitting.items() if roles]
    if not candidates:
        return None

    def rank(entity: Entity) -> tuple[bool, int]:
        exact = exact_first and bool(wanted.places) and any(len(r.places) == len(wanted.places) for r in fitting[entity.id])
        return exact, last_seen(entity)

    return max(candidates, key=rank)


def clashes(index: TokenIndex, wanted: Role, entity: Entity) -> bool:
    """True when the article gives the person only other titles (`президент России` is no `французский лидер`)."""
    roles = titles(index).get(entity.id, [])
    return bool(roles) and not any(compatible(wanted, r) or compatible(Role(wanted.function, frozenset()), r) and not r.places for r in roles)


def last_mention_before(index: TokenIndex, entity: Entity, offset: int) -> int:
    starts = mention_starts(index).get(entity.id)
    if starts is None or index.doc.entity(entity.id) is not entity:  # an entity the article does not hold
        starts = sorted(m.start for m in map(index.doc.mention, entity.mentions) if m)
    k = bisect_left(starts, offset)
    return starts[k - 1] if k else -1


def mention_starts(index: TokenIndex) -> dict[str, list[int]]:
    """The sorted starts of each entity's mentions, once per article."""
    if "mention_starts" not in index.memo:
        index.memo["mention_starts"] = {
            e.id: sorted(m.start for m in map(index.doc.mention, e.mentions) if m) for e in index.doc.entities
        }
    return index.memo["mention_starts"]
