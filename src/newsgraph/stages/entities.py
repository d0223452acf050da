"""In-document entity resolution: mentions of one real thing become one entity.

Persons (`same_person`): the capitalised parts of the normalized names must fit —
equal, one the tail of the other (`Макрон` ⊂ `Эммануэль Макрон`, `Ле Пен` ⊂
`Жан-Мари Ле Пен`), the same surname with the same first initial (`В. Путин`,
`Владимир Владимирович Путин`), or a lone first name. Full names are placed first,
so a surname joins the full name wherever it appears; `Владимир Путин` and
`Владимир Зеленский` have different surnames and stay apart. A mention that fits
several people goes to the one mentioned nearest before it.

Organisations and places (`same_name`): the same normalized name, an abbreviation
of it (`МИД` ↔ `Министерство иностранных дел`, `ЕСПЧ` ↔ `Европейский суд по правам
человека`), or a name nested at the start of a longer one (`Верховный суд` inside
`Верховный суд Испании`). A name in brackets after an organisation
(`Комитет защиты журналистов (КЗЖ)`), or the other script's spelling after a person
(`Ши Тао (Shi Tao)`), names the same thing.
The entity's name is its fullest nominative name.
"""

from __future__ import annotations

from collections import Counter

from ..doc import Article, Entity, Mention, coarse_type
from .base import BatchStage
from .normalize import name_key

FUNCTION_WORDS = {"и", "по", "в", "во", "при", "для", "на", "о", "об", "за", "с", "со", "от", "к"}


def person_parts(mention: Mention) -> tuple[str, ...]:
    """Capitalised words of the normalized name, without dots: `В. Путин` → (`в`, `путин`)."""
    words = mention.normal.replace(".", ". ").split()
    return tuple(name_key(w).strip(".") for w in words if w[:1].isupper())


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if long[len(long) - len(short) :] == short or len(short) > 1 and long[: len(short)] == short:
        return True
    if len(short) == 1:
        return short[0] == long[0]
    return short[-1] == long[-1] and short[0][:1] == long[0][:1]


def initials(name: str) -> str:
    """`Министерство иностранных дел` → `МИД`: first letters of the words that are not function words."""
    return "".join(w[0] for w in name.split() if w.lower() not in FUNCTION_WORDS and w[:1].isalpha()).upper()


def is_abbreviation(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()


def same_name(doc: Article, a: Mention, b: Mention) -> bool:
    na, nb = a.normal or doc.span_text(a), b.normal or doc.span_text(b)
    if name_key(na) == name_key(nb):
        return True
    for short, long in ((na, nb), (nb, na)):
        if is_abbreviation(short) and len(long.split()) > 1 and initials(long).startswith(short):
            return True
    outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
    return coarse_type(a.type) == coarse_type(b.type) and outer.start == inner.start and inner.end < outer.end


def nearest_before(clusters: list[list[Mention]], mention: Mention) -> list[Mention]:
    def distance(cluster: list[Mention]) -> tuple[int, int]:
        before = [mention.start - m.start for m in cluster if m.start < mention.start]
        return (0, min(before)) if before else (1, min(abs(m.start - mention.start) for m in cluster))

    return min(clusters, key=distance)


def cluster_persons(mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    for mention in sorted(mentions, key=lambda m: (-len(person_parts(m)), m.start)):
        parts = person_parts(mention)
        fits = [c for c in clusters if same_person(parts, max((person_parts(m) for m in c), key=len))]
        if fits:
            nearest_before(fits, mention).append(mention)
        else:
            clusters.append([mention])
    return clusters


def cluster_names(doc: Article, mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        fits = [c for c in clusters if any(same_name(doc, mention, m) for m in c)]
        # a nested name (`МИД` in `МИД России`) belongs to the name around it, whatever came earlier
        around = [c for c in fits if any(m.start <= mention.start and mention.end <= m.end for m in c)]
        if fits:
            nearest_before(around or fits, mention).append(mention)
        else:
            clusters.append([mention])
    return clusters


def bracket_aliases(doc: Article) -> list[tuple[str, str]]:
    """`Комитет защиты журналистов (КЗЖ)`, `Ши Тао (Shi Tao)`: a name in brackets right after a
    organisation names the same thing (the longest such mention); for people only the other
    script's spelling does, and a place in brackets is where the first one lies (`Цюрихе (Швейцария)`)."""
    pairs = []
    for inner in doc.mentions:
        if doc.text[inner.end : inner.end + 1] != ")":
            continue
        before = [
            m for m in doc.mentions
            if m.end < inner.start and doc.text[m.end : inner.start].strip() == "(" and coarse_type(m.type) == coarse_type(inner.type)
        ]
        outer = min(before, key=lambda m: m.start) if before else None
        kind = coarse_type(inner.type)
        if outer and (kind == "ORG" or kind == "PER" and is_latin(doc.span_text(outer)) != is_latin(doc.span_text(inner))):
            pairs.append((outer.id, inner.id))
    return pairs


def is_latin(text: str) -> bool:
    """People in brackets are often other people (`Сёмин (Овечкин)`); a transliteration is an alias."""
    return any("a" <= ch.lower() <= "z" for ch in text)


def merge_aliases(clusters: list[list[Mention]], pairs: list[tuple[str, str]]) -> list[list[Mention]]:
    for a, b in pairs:
        first = next(c for c in clusters if any(m.id == a for m in c))
        second = next(c for c in clusters if any(m.id == b for m in c))
        if first is not second:
            first.extend(second)
            clusters.remove(second)
    return clusters


def best_name(doc: Article, cluster: list[Mention]) -> Mention:
    """The fullest name, preferring one written in the nominative in the text, then the most frequent."""
    counts = Counter(name_key(m.normal) for m in cluster)

    def quality(m: Mention) -> tuple:
        words = len(person_parts(m)) if coarse_type(m.type) == "PER" else len(m.normal.split())
        as_written = name_key(m.normal) == name_key(doc.span_text(m))
        return (words, as_written, counts[name_key(m.normal)], -m.start)

    return max(cluster, key=quality)


class Resolve(BatchStage):
    name = "entities"
    requires = frozenset({"normal"})
    provides = frozenset({"entities"})

    def annotate(self, doc: Article) -> Article:
        persons = [m for m in doc.mentions if coarse_type(m.type) == "PER"]
        others = [m for m in doc.mentions if coarse_type(m.type) != "PER"]
        clusters = merge_aliases(cluster_persons(persons) + cluster_names(doc, others), bracket_aliases(doc))
        clusters.sort(key=lambda c: min(m.start for m in c))
        entities = [self.entity(doc, f"e{i}", cluster) for i, cluster in enumerate(clusters, 1)]
        return doc.with_layer("entities", entities)

    @staticmethod
    def entity(doc: Article, entity_id: str, cluster: list[Mention]) -> Entity:
        cluster.sort(key=lambda m: m.start)
        best = best_name(doc, cluster)
        type = Counter(m.type for m in cluster).most_common(1)[0][0]
        return Entity(
            id=entity_id,
            type=type,
            name=best.normal or doc.span_text(best),
            mentions=tuple(m.id for m in cluster),
        )
