"""Scoring the quotes layer against a gold JSONL (format in docs/quotes.md).

A predicted quote matches a gold quote when their character spans overlap by at
least half of their union (IoU ≥ 0.5); matching is one-to-one, best overlap first.
Precision and recall count matched spans; speaker accuracy is over matched quotes.
Speakers compare by name, forgiving case endings and dropped first names
(`Макрон` = `Эммануэль Макрон`), never a person for the press service named after
them; an anonymous gold speaker matches any anonymous entity.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from ..doc import Article, Quote

MIN_OVERLAP = 0.5
KINDS = ("direct", "indirect", "mixed")


@dataclass
class QuoteScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    kind_correct: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    matched_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.matched if self.matched else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.matched if self.matched else 0.0

    def to_json(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "recall_by_kind": {k: round(self.matched_by_kind[k] / n, 4) for k, n in self.gold_by_kind.items() if n},
        }


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def overlap(a, b) -> float:
    """Intersection over union of two character spans (dicts or objects with start/end)."""
    a0, a1 = span(a)
    b0, b1 = span(b)
    inter = min(a1, b1) - max(a0, b0)
    return inter / (max(a1, b1) - min(a0, b0)) if inter > 0 else 0.0


def span(x) -> tuple[int, int]:
    return (x["start"], x["end"]) if isinstance(x, dict) else (x.start, x.end)


def match(gold: list[dict], predicted: list[Quote]) -> list[tuple[dict, Quote]]:
    pairs = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True,
    )
    used_gold, used_pred, matched = set(), set(), []
    for score, gi, pi in pairs:
        if score < MIN_OVERLAP:
            break
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched.append((gold[gi], predicted[pi]))
    return matched


def name_words(name: str) -> list[str]:
    return [w[:5] for w in re.findall(r"\w+", name.lower().replace("ё", "е"))]


def same_name(a: str, b: str) -> bool:
    """Equal up to case endings, or one drops the other's capitalised first names, or inner words."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    (short, short_name), (long, long_name) = sorted(((wa, a), (wb, b)), key=lambda x: len(x[0]))
    dropped = re.findall(r"\w+", long_name)[: len(long) - len(short)]
    if long[len(long) - len(short) :] == short and all(w[:1].isupper() for w in dropped):
        return True
    rest = iter(long)
    return short[0] == long[0] and short[-1] == long[-1] and all(w in rest for w in short)


def same_speaker(gold: dict, quote: Quote, doc: Article) -> bool:
    entity = doc.entity(quote.speaker)
    if gold.get("speaker") is None:
        return entity is None
    if entity is None:
        return False
    if gold.get("anonymous"):
        return entity.anonymous
    names = {entity.name} | {m.normal for m in map(doc.mention, entity.mentions) if m and m.normal}
    return any(same_name(gold["speaker"], name) for name in names)


def score_quotes(gold_docs: Iterable[dict], predicted: Iterable[Article]) -> QuoteScores:
    scores = QuoteScores()
    for gold_doc, doc in zip(gold_docs, predicted):
        gold = gold_doc["quotes"]
        scores.gold += len(gold)
        scores.predicted += len(doc.quotes)
        pairs = match(gold, list(doc.quotes))
        scores.matched += len(pairs)
        for g in gold:
            scores.gold_by_kind[g["kind"]] = scores.gold_by_kind.get(g["kind"], 0) + 1
        for g, q in pairs:
            scores.matched_by_kind[g["kind"]] = scores.matched_by_kind.get(g["kind"], 0) + 1
            scores.kind_correct += g["kind"] == q.kind
            if same_speaker(g, q, doc):
                scores.speaker_correct += 1
            else:
                scores.errors.append(error(doc, "speaker", g, q))
        matched_gold = [id(g) for g, _ in pairs]
        matched_pred = [id(q) for _, q in pairs]
        scores.errors += [error(doc, "missed", g, None) for g in gold if id(g) not in matched_gold]
        scores.errors += [error(doc, "spurious", None, q) for q in doc.quotes if id(q) not in matched_pred]
    return scores


def error(doc: Article, what: str, gold: dict | None, quote: Quote | None) -> dict:
    return {
        "article": doc.id,
        "error": what,
        "gold": {"text": gold["text"], "speaker": gold.get("speaker")} if gold else None,
        "predicted": {"text": doc.span_text(quote), "speaker": quote.speaker_name, "source": quote.source} if quote else None,
    }


def evaluate_quotes(gold_docs: list[dict], pipeline=None) -> QuoteScores:
    """Run the pipeline over the gold articles' texts and score their quotes."""
    from ..pipeline import default_pipeline

    pipeline = pipeline or default_pipeline()
    articles = [Article.create(d["text"], id=d.get("id"), published=d.get("published"), title=d.get("title")) for d in gold_docs]
    return score_quotes(gold_docs, (pipeline(a) for a in articles))


def quotes_table(title: str, scores: QuoteScores) -> Table:
    table = Table(caption=title, caption_justify="left")
    for column in ("gold", "predicted", "matched", "P", "R", "F1", "speaker acc", "kind acc"):
        table.add_column(column, justify="right")
    table.add_row(
        str(scores.gold), str(scores.predicted), str(scores.matched),
        *(f"{100 * v:.1f}" for v in (scores.precision, scores.recall, scores.f1, scores.speaker_accuracy, scores.kind_accuracy)),
    )
    return table
