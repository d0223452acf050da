"""Normalized (nominative) mention names scored against factRuEval-2016's `.coref` names.

factRuEval gives each entity its normalized attributes (`firstname Юрий`,
`lastname Лужков`; `name мэрия Москвы`). A person mention's expected name is the
attributes of the parts it contains, in text order (`Лужкова` → `Лужков`,
`Юрия Лужкова` → `Юрий Лужков`). An organisation or place mention is scored only
when its words pair with the entity's `name` word for word (the same first two
letters), so `РФ` is not expected to normalize to `Россия`.

A mention is scored when the system found exactly its span (with any type);
accuracy is over those, for each system, and over the spans both systems found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Article
from .formats import GoldDoc, GoldSpan

PERSON_PARTS = {"name": "firstname", "surname": "lastname", "patronymic": "patronymic"}


def name_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def expected_person(doc: GoldDoc, span: GoldSpan, attributes: dict[str, str]) -> str | None:
    parts = []
    for fragment in span.fragments:
        key = PERSON_PARTS.get(fragment.label)
        if key is None or key not in attributes:
            return None
        parts.append(attributes[key])
    return " ".join(parts) if parts else None


def expected_name(doc: GoldDoc, span: GoldSpan, attributes: dict[str, str]) -> str | None:
    name = attributes.get("name")
    if not name:
        return None
    words, gold = doc.text[span.start : span.end].split(), name.split()
    if len(words) != len(gold) or any(w[:2].lower() != g[:2].lower() for w, g in zip(words, gold)):
        return None
    return name


def expected_normals(doc: GoldDoc) -> dict[tuple[int, int], str]:
    """(start, end) of each gold mention with a checkable normalized name → that name."""
    spans = {s.id: s for s in doc.spans}
    out = {}
    for chain in doc.chains:
        attributes = dict(chain.attributes)
        for member in chain.members:
            span = spans.get(member)
            if span is None:
                continue
            reader = expected_person if span.type == "Person" else expected_name
            expected = reader(doc, span, attributes)
            if expected:
                out[(span.start, span.end)] = expected
    return out


@dataclass(slots=True)
class NormalizationScore:
    correct: int = 0
    total: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_json(self, examples: int = 0) -> dict:
        data = {"accuracy": round(self.accuracy, 4), "correct": self.correct, "total": self.total}
        if examples:
            data["errors"] = [{"text": t, "expected": e, "got": g} for t, e, g in self.errors[:examples]]
        return data


# Normals per document: (start, end) → normalized text.
Normals = dict[tuple[int, int], str]


def score_normalization(docs: list[GoldDoc], systems: dict[str, list[Normals]]) -> dict[str, NormalizationScore]:
    """Accuracy per system over its own found spans, and per system over the spans all systems found."""
    scores = {name: NormalizationScore() for name in systems}
    scores |= {f"{name} (common spans)": NormalizationScore() for name in systems}
    for i, doc in enumerate(docs):
        expected = expected_normals(doc)
        common = set(expected).intersection(*(set(normals[i]) for normals in systems.values()))
        for name, normals in systems.items():
            for key, normal in normals[i].items():
                if key not in expected:
                    continue
                ok = name_key(normal) == name_key(expected[key])
                targets = [scores[name]] + ([scores[f"{name} (common spans)"]] if key in common else [])
                for score in targets:
                    score.total += 1
                    score.correct += ok
                    if not ok:
                        score.errors.append((doc.text[key[0] : key[1]], expected[key], normal))
    return scores


def newsgraph_normals(articles: list[Article]) -> list[Normals]:
    return [{(m.start, m.end): m.normal for m in article.mentions} for article in articles]


def natasha_mentions(docs: list[GoldDoc]) -> list[dict[tuple[int, int], tuple[str, str]]]:
    """Plain natasha: segment, morphology, NER, then `span.normalize(morph_vocab)`; span → (type, normal)."""
    from natasha import Doc

    from ..nlp import morph_tagger, morph_vocab, ner_tagger, segmenter

    out = []
    for gold in docs:
        doc = Doc(gold.text)
        doc.segment(segmenter())
        doc.tag_morph(morph_tagger())
        doc.tag_ner(ner_tagger())
        for span in doc.spans:
            span.normalize(morph_vocab())
        out.append({(s.start, s.stop): (s.type, s.normal) for s in doc.spans})
    return out


def natasha_normals(mentions: list[dict[tuple[int, int], tuple[str, str]]]) -> list[Normals]:
    return [{key: normal for key, (_, normal) in doc.items()} for doc in mentions]
