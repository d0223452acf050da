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
from .person_names import PARTICLE

FUNCTION_WORDS = {"и", "по", "в", "во", "при", "для", "на", "о", "об", "за", "с", "со", "от", "к"}


def person_parts(mention: Mention) -> tuple[str, ...]:
    """Capitalised words of the normalized name, without dots and joined particles:
    `В. Путин` → (`в`, `путин`), `Башар аль-Асад` → (`башар`, `асад`)."""
    words = [PARTICLE.sub(r"\2", w) for w in mention.normal.replace(".", ". ").split()]
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
    # a cluster is represented by its first mention, whose name has the most parts (the sort below);
    # two names that fit share their first or their last part, so only clusters keyed so are tried
    by_part: dict[str, list[int]] = {}
    parts_of = {id(m): person_parts(m) for m in mentions}
    for mention in sorted(mentions, key=lambda m: (-len(parts_of[id(m)]), m.start)):
        parts = parts_of[id(mention)]
        tried = sorted({n for part in {parts[0], parts[-1]} for n in by_part.get(part, ())}) if parts else []
        fits = [clusters[n] for n in tried if same_person(parts, parts_of[id(clusters[n][0])])]
        if fits:
            nearest_before(fits, mention).append(mention)
        else:
            clusters.append([mention])
            for part in {parts[0], parts[-1]} if parts else ():
                by_part.setdefault(part, []).append(len(clusters) - 1)
    return clusters


class NameClusters:
    """Organisations and places clustered by `same_name`, with each cluster's names, abbreviations
    and nested starts indexed, so a mention is compared only with the clusters it can join."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.clusters: list[list[Mention]] = []
        self.by_key: dict[str, set[int]] = {}  # name_key of a name
        self.by_abbreviation: dict[str, set[int]] = {}  # an abbreviation written in the cluster
        self.by_initials: dict[str, set[int]] = {}  # every prefix of a many-word name's initials
        self.by_start: dict[tuple[str, int], dict[int, int]] = {}  # (coarse type, start) → cluster → longest end

    def name(self, m: Mention) -> str:
        return m.normal or self.doc.span_text(m)

    def candidates(self, mention: Mention) -> list[int]:
        name = self.name(mention)
        found = set(self.by_key.get(name_key(name), ()))
        if is_abbreviation(name):
            found |= self.by_initials.get(name, set())
        if len(name.split()) > 1:
            letters = initials(name)
            for k in range(1, len(letters) + 1):
                found |= self.by_abbreviation.get(letters[:k], set())
        ends = self.by_start.get((coarse_type(mention.type), mention.start), {})
        found |= {n for n, end in ends.items() if end > mention.end}
        return sorted(found)

    def add(self, n: int, mention: Mention) -> None:
        name = self.name(mention)
        self.by_key.setdefault(name_key(name), set()).add(n)
        if is_abbreviation(name):
            self.by_abbreviation.setdefault(name, set()).add(n)
        if len(name.split()) > 1:
            letters = initials(name)
            for k in range(1, len(letters) + 1):
                self.by_initials.setdefault(letters[:k], set()).add(n)
        ends = self.by_start.setdefault((coarse_type(mention.type), mention.start), {})
        ends[n] = max(ends.get(n, mention.end), mention.end)


def cluster_names(doc: Article, mentions: list[Mention]) -> list[list[Mention]]:
    index = NameClusters(doc)
    clusters = index.clusters
    number: dict[int, int] = {}
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        fits = [clusters[n] for n in index.candidates(mention) if any(same_name(doc, mention, m) for m in clusters[n])]
        # a nested name (`МИД` in `МИД России`) belongs to the name around it, whatever came earlier
        around = [c for c in fits if any(m.start <= mention.start and mention.end <= m.end for m in c)]
        if fits:
            chosen = nearest_before(around or fits, mention)
        else:
            chosen = []
            clusters.append(chosen)
            number[id(chosen)] = len(clusters) - 1
        chosen.append(mention)
        index.add(number[id(chosen)], mention)
    return clusters


def bracket_aliases(doc: Article) -> list[tuple[str, str]]:
    """`Комитет защиты журналистов (КЗЖ)`, `Ши Тао (Shi Tao)`: a name in brackets right after a
    organisation names the same thing (the longest such mention); for people only the other
    script's spelling does, and a place in brackets is where the first one lies (`Цюрихе (Швейцария)`)."""
    pairs = []
    ending: dict[int, list[tuple[int, Mention]]] = {}
    for n, m in enumerate(doc.mentions):
        ending.setdefault(m.end, []).append((n, m))
    for inner in doc.mentions:
        if doc.text[inner.end : inner.end + 1] != ")":
            continue
        before = [
            m for _, m in sorted(pair for end in bracket_openers(doc.text, inner.start) for pair in ending.get(end, ()))
            if coarse_type(m.type) == coarse_type(inner.type)
        ]
        outer = min(before, key=lambda m: m.start) if before else None
        kind = coarse_type(inner.type)
        if outer and (kind == "ORG" or kind == "PER" and is_latin(doc.span_text(outer)) != is_latin(doc.span_text(inner))):
            pairs.append((outer.id, inner.id))
    return pairs


def bracket_openers(text: str, start: int) -> list[int]:
    """Offsets before `start` with only an opening bracket and spaces between them and `start`."""
    found = []
    for end in range(start - 1, -1, -1):
        between = text[end:start].strip()
        if between == "(":
            found.append(end)
        elif between:
            break
    return found


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
