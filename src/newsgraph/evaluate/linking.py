"""Score entity linking against corpora whose mentions are linked to Wikidata (NEREL `N` lines).

A gold mention of a scored type is matched to the pipeline mention of the same coarse type
(or, on exactly the same span, an ORG for a LOC or back: NER type confusions are scored by
`evaluate ner`, not here) that covers at least half of it and overlaps it most. Precision is over the Wikidata links the pipeline makes on matched
mentions (a gold `Wikidata:NULL` counts against a link); recall is over gold mentions with a
QID, both for those whose QID the KB holds and for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ..doc import Article, Mention, coarse_type
from ..kb import KB
from .formats import GoldDoc, GoldSpan

SCORED_TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "CITY"}


@dataclass
class LinkingScores:
    documents: int = 0
    links_made: int = 0
    links_correct: int = 0
    gold: int = 0
    gold_found: int = 0
    gold_in_kb: int = 0
    gold_in_kb_found: int = 0
    gold_in_kb_mentioned: int = 0  # of those, how many the pipeline has a mention for at all
    made_by_type: dict[str, int] = field(default_factory=dict)  # links made, by gold type
    correct_by_type: dict[str, int] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.links_correct / self.links_made if self.links_made else 0.0

    @property
    def recall_in_kb(self) -> float:
        return self.gold_in_kb_found / self.gold_in_kb if self.gold_in_kb else 0.0

    @property
    def recall_in_kb_mentioned(self) -> float:
        return self.gold_in_kb_found / self.gold_in_kb_mentioned if self.gold_in_kb_mentioned else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    def precision_of(self, type: str) -> float:
        made = self.made_by_type.get(type, 0)
        return self.correct_by_type.get(type, 0) / made if made else 0.0

    def to_json(self) -> dict:
        counts = {k: v for k, v in asdict(self).items() if k != "errors"}
        by_type = {t: round(self.precision_of(t), 4) for t in sorted(self.made_by_type)}
        return {**counts, "precision_by_type": by_type, "precision": round(self.precision, 4), "recall_in_kb": round(self.recall_in_kb, 4),
                "recall_in_kb_mentioned": round(self.recall_in_kb_mentioned, 4),
                "recall": round(self.recall, 4)}


def fits(gold: GoldSpan, mention: Mention) -> bool:
    """Same coarse type; or, on exactly the same span, an organisation for a place or back (NER often calls `Россия` ORG)."""
    if coarse_type(gold.type) == coarse_type(mention.type):
        return True
    same_span = (gold.start, gold.end) == (mention.start, mention.end)
    return same_span and "PER" not in (coarse_type(gold.type), coarse_type(mention.type))


def best_match(gold: GoldSpan, mentions: list[Mention]) -> Mention | None:
    """The fitting pipeline mention covering at least half the gold span, overlapping it most."""
    def overlap(m: Mention) -> int:
        return min(m.end, gold.end) - max(m.start, gold.start)

    half = (gold.end - gold.start) / 2
    fitting = [m for m in mentions if fits(gold, m) and overlap(m) >= half]
    return max(fitting, key=lambda m: (overlap(m), -abs(m.end - m.start - (gold.end - gold.start))), default=None)


def score_document(gold: GoldDoc, doc: Article, kb: KB, scores: LinkingScores) -> None:
    kb_of = {m: e.kb_id for e in doc.entities for m in e.mentions}
    links = {link.span: link.kb_id.removeprefix("Wikidata:") for link in gold.links}
    scores.documents += 1
    for span in gold.spans:
        qid = links.get(span.id)
        if span.type not in SCORED_TYPES or qid is None:
            continue
        match = best_match(span, list(doc.mentions))
        found = kb_of.get(match.id) if match else None
        if found and found.startswith("Q"):
            scores.links_made += 1
            scores.links_correct += found == qid
            scores.made_by_type[span.type] = scores.made_by_type.get(span.type, 0) + 1
            scores.correct_by_type[span.type] = scores.correct_by_type.get(span.type, 0) + (found == qid)
        if not qid.startswith("Q"):
            continue
        scores.gold += 1
        scores.gold_found += found == qid
        in_kb = kb.get(qid) is not None
        scores.gold_in_kb += in_kb
        scores.gold_in_kb_found += in_kb and found == qid
        scores.gold_in_kb_mentioned += in_kb and match is not None
        if found != qid and (in_kb or (found or "").startswith("Q")):
            scores.errors.append({"doc": gold.id, "text": gold.text[span.start : span.end], "type": span.type,
                                  "gold": qid, "found": found, "mention": doc.span_text(match) if match else None})


def evaluate_linking(golds: Iterable[GoldDoc], pipeline, kb: KB | None = None) -> LinkingScores:
    """Run the pipeline over the gold texts (no publication date: NEREL has none) and score its links."""
    kb = kb or KB.open()
    golds = list(golds)
    scores = LinkingScores()
    results = pipeline.map(Article.create(g.text, id=g.id) for g in golds)
    for gold, doc in zip(golds, results):
        if isinstance(doc, Article):
            score_document(gold, doc, kb, scores)
    return scores


def report(command: str, scores: LinkingScores) -> str:
    by_type = "".join(
        f"  {t:<12} {scores.precision_of(t):.3f}  ({scores.correct_by_type.get(t, 0)}/{n})\n"
        for t, n in sorted(scores.made_by_type.items())
    )
    return (
        f"$ {command}\n"
        f"documents {scores.documents}\n"
        f"precision of links made   {scores.precision:.3f}  ({scores.links_correct}/{scores.links_made})\n"
        f"{by_type}"
        f"recall, QID in bundled KB {scores.recall_in_kb:.3f}  ({scores.gold_in_kb_found}/{scores.gold_in_kb})\n"
        f"  of those with a pipeline mention {scores.recall_in_kb_mentioned:.3f}  ({scores.gold_in_kb_found}/{scores.gold_in_kb_mentioned})\n"
        f"recall, all gold QIDs     {scores.recall:.3f}  ({scores.gold_found}/{scores.gold})"
    )
