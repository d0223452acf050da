"""In-document entity resolution: mentions of one real thing become one entity.

Persons: a full name absorbs later (and earlier) mentions of its surname or of a
first name it alone carries; two full names merge only when first names agree,
so `Владимир Путин` and `Владимир Зеленский` stay apart. Organisations and places
merge by normalized name.
"""

from __future__ import annotations

from ..doc import Article, Entity, Mention, coarse_type
from .base import BatchStage


def name_key(text: str) -> str:
    return text.lower().replace("ё", "е")


def person_parts(mention: Mention) -> list[str]:
    return [name_key(p) for p in mention.normal.replace("-", " ").split() if p[:1].isupper()]


def same_person(a: list[str], b: list[str]) -> bool:
    """Name parts compatible: one is a prefix-free subset ending in the same surname, or first names agree."""
    if not a or not b:
        return False
    if len(a) > 1 and len(b) > 1:
        return a[-1] == b[-1] and a[0][:1] == b[0][:1]
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short[0] == long[-1] or (len(long) == 1 and short[0] == long[0])


class Resolve(BatchStage):
    name = "entities"
    requires = frozenset({"normal"})
    provides = frozenset({"entities"})

    def annotate(self, doc: Article) -> Article:
        clusters: list[list[Mention]] = []
        persons = sorted(
            (m for m in doc.mentions if coarse_type(m.type) == "PER"),
            key=lambda m: (-len(person_parts(m)), m.start),
        )
        for mention in persons:
            parts = person_parts(mention)
            matches = [c for c in clusters if coarse_type(c[0].type) == "PER" and same_person(parts, person_parts(c[0]))]
            if len(matches) == 1:
                matches[0].append(mention)
            else:
                clusters.append([mention])
        by_name: dict[tuple[str, str], list[Mention]] = {}
        for mention in doc.mentions:
            if coarse_type(mention.type) != "PER":
                key = (coarse_type(mention.type), name_key(mention.normal or doc.span_text(mention)))
                if key not in by_name:
                    by_name[key] = []
                    clusters.append(by_name[key])
                by_name[key].append(mention)
        clusters.sort(key=lambda c: min(m.start for m in c))
        entities = [self.entity(doc, f"e{i}", cluster) for i, cluster in enumerate(clusters, 1)]
        return doc.with_layer("entities", entities)

    @staticmethod
    def entity(doc: Article, entity_id: str, cluster: list[Mention]) -> Entity:
        cluster.sort(key=lambda m: m.start)
        best = max(cluster, key=lambda m: (len(m.normal.split()), -m.start))
        return Entity(
            id=entity_id,
            type=best.type,
            name=best.normal or doc.span_text(best),
            mentions=tuple(m.id for m in cluster),
        )
