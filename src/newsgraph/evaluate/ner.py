"""PER/ORG/LOC mentions scored against NEREL (brat) or factRuEval-2016, for newsgraph and plain natasha.

Two measures, both per type (docs/evaluate.md explains the choices):

* strict: a predicted span counts only if start, end and type equal a gold span's;
* token: natasha's published measure (naeval `score.tag_f1`): razdel tokens inside a
  span of the type count as tagged, precision and recall are over tagged tokens.

Both systems go through the same adaptation of spans, so differences are the systems'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from razdel import tokenize

from ..doc import Article, coarse_type
from .formats import GoldDoc, GoldSpan

TYPES = ("PER", "ORG", "LOC")

NEREL_TYPES = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "COUNTRY": "LOC",
    "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "DISTRICT": "LOC",
    "LOCATION": "LOC",
}

# LocOrg (a place acting as an organisation: "Москва потребовала") is scored as LOC, as naeval does:
# natasha's model tags it LOC, and its name is a place name.
FACTRU_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    pieces: tuple[tuple[int, int], ...] = ()

    def parts(self) -> tuple[tuple[int, int], ...]:
        return self.pieces or ((self.start, self.end),)


@dataclass(slots=True)
class Counts:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(slots=True)
class NerScores:
    """Counts per measure ("strict", "token") and type."""

    strict: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    token: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})

    def to_json(self) -> dict[str, dict[str, dict[str, float | int]]]:
        return {
            "strict": {t: c.to_json() for t, c in self.strict.items()},
            "token": {t: c.to_json() for t, c in self.token.items()},
        }


# A system maps gold documents (for their text) to predicted spans per document.
System = Callable[[list[GoldDoc]], list[list[Span]]]


def gold_spans(doc: GoldDoc, format: str) -> list[Span]:
    """The corpus' mentions as PER/ORG/LOC spans, before the shared adaptation."""
    if format == "brat":
        return [
            Span(s.start, s.end, NEREL_TYPES[s.type], tuple((f.start, f.end) for f in s.fragments))
            for s in doc.spans
            if s.type in NEREL_TYPES
        ]
    return [span for s in doc.spans if s.type in FACTRU_TYPES for span in factru_spans(s)]


def factru_spans(span: GoldSpan) -> list[Span]:
    """naeval's reading: a Person is its whole extent; an Org its `org_name` parts, a place its `loc_name` parts."""
    coarse = FACTRU_TYPES[span.type]
    if coarse == "PER":
        return [Span(span.start, span.end, coarse)]
    wanted = "org_name" if coarse == "ORG" else "loc_name"
    return drop_nested([Span(f.start, f.end, coarse) for f in span.fragments if f.label == wanted])


def drop_nested(spans: Iterable[Span]) -> list[Span]:
    """Keep the outermost of overlapping spans (naeval `filter_overlapping`): flat corpora have no nesting."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or kept[-1].end <= span.start:
            kept.append(span)
    return kept


@lru_cache(maxsize=512)
def token_bounds(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((t.start, t.stop) for t in tokenize(text))


def aligned(span: Span, starts: set[int], ends: set[int]) -> bool:
    return all(start in starts and end in ends for start, end in span.parts())


def cut_at_nested(spans: Iterable[Span], text: str) -> list[Span]:
    """A nested prediction on a flat corpus: the outer span keeps its part before the first inner one.

    `Верховный суд Испании` (ORG) over `Испании` (LOC) reads as factRuEval annotates it:
    `Верховный суд` (org_name) and `Испании` (loc_name). Flat predictions pass unchanged.
    """
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out = []
    for span in spans:
        inner = [s for s in spans if span.start <= s.start and s.end <= span.end and (s.start, s.end) != (span.start, span.end)]
        if not inner:
            out.append(span)
            continue
        end = span.start + len(text[span.start : min(s.start for s in inner)].rstrip())
        if end > span.start:
            out.append(Span(span.start, end, span.type))
    return drop_nested(out)


def adapt(spans: Iterable[Span], text: str, format: str, predicted: bool = False) -> list[Span]:
    """Flatten on flat corpora (`drop_nested` for gold, `cut_at_nested` for predictions), drop spans cutting a token."""
    spans = list(spans)
    if format == "factru":
        spans = cut_at_nested(spans, text) if predicted else drop_nested(spans)
    bounds = token_bounds(text)
    starts, ends = {s for s, _ in bounds}, {e for _, e in bounds}
    return sorted({s for s in spans if aligned(s, starts, ends)}, key=lambda s: (s.start, s.end, s.type))


def covered_tokens(spans: list[Span], bounds: tuple[tuple[int, int], ...], type: str) -> set[int]:
    pieces = [piece for s in spans if s.type == type for piece in s.parts()]
    return {i for i, (ts, te) in enumerate(bounds) if any(s <= ts and te <= e for s, e in pieces)}


def score_document(text: str, predicted: list[Span], gold: list[Span], scores: NerScores) -> None:
    bounds = token_bounds(text)
    for type in TYPES:
        pred = {(s.start, s.end) for s in predicted if s.type == type}
        true = {(s.start, s.end) for s in gold if s.type == type}
        scores.strict[type].add(Counts(len(pred & true), len(pred), len(true)))
        pred_tokens = covered_tokens(predicted, bounds, type)
        true_tokens = covered_tokens(gold, bounds, type)
        scores.token[type].add(Counts(len(pred_tokens & true_tokens), len(pred_tokens), len(true_tokens)))


def score_ner(docs: list[GoldDoc], predictions: list[list[Span]], format: str) -> NerScores:
    scores = NerScores()
    for doc, predicted in zip(docs, predictions, strict=True):
        score_document(
            doc.text,
            adapt(predicted, doc.text, format, predicted=True),
            adapt(gold_spans(doc, format), doc.text, format),
            scores,
        )
    return scores


def natasha_system(docs: list[GoldDoc]) -> list[list[Span]]:
    """Plain natasha: NewsNERTagger over the text (what `Doc.tag_ner` runs), nothing after it."""
    from ..nlp import ner_tagger

    markups = ner_tagger().map([doc.text for doc in docs])
    return [[Span(s.start, s.stop, s.type) for s in markup.spans] for markup in markups]


def newsgraph_articles(docs: list[GoldDoc]) -> list[Article]:
    """Our pipeline up to resolved entities (the stages that decide and name mentions)."""
    from ..pipeline import Pipeline, default_pipeline

    stages = default_pipeline().stages
    last = next(i for i, stage in enumerate(stages) if stage.name == "entities")
    pipeline = Pipeline(stages[: last + 1])
    articles = []
    for doc, result in zip(docs, pipeline.map(Article.create(d.text, id=d.id) for d in docs)):
        if not isinstance(result, Article):
            raise RuntimeError(f"document {doc.id}: stage {result.stage} failed: {result.error}")
        articles.append(result)
    return articles


def article_spans(article: Article) -> list[Span]:
    return [Span(m.start, m.end, coarse_type(m.type)) for m in article.mentions if coarse_type(m.type) in TYPES]


def newsgraph_system(docs: list[GoldDoc]) -> list[list[Span]]:
    return [article_spans(article) for article in newsgraph_articles(docs)]


SYSTEMS: dict[str, System] = {"natasha": natasha_system, "newsgraph": newsgraph_system}
