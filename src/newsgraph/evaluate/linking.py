"""Score entity linking against corpora whose mentions are linked to Wikidata (NEREL `N` lines).

A gold mention of a scored type is matched to the pipeline mention of the same coarse type
(or, on exactly the same span, an ORG for a LOC or back: NER type confusions are scored by
`evaluate ner`, not here) that covers at least half of it and overlaps it most. Precision is over the Wikidata links the pipeline makes on matched
mentions (a gold `Wikidata:NULL` counts against a link); recall is over gold mentions with a
QID, both for those whose QID the KB holds and for all of them; both are also given per coarse
type (PER, ORG, LOC).

`read_realnews_links` reads the real-news linking dev set (devsets/linking-real/README.md):
PER/ORG/LOC name mentions with a QID, `NIL` (scored like NEREL's `Wikidata:NULL`) or `QID?`
(a known entity whose id no source confirmed: not scored at all).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..doc import Article, Mention, coarse_type
from ..kb import KB
from .formats import GoldDoc, GoldLink, GoldSpan

SCORED_TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "PER", "ORG", "LOC"}
TYPE_COUNTS = ("links_made", "links_correct", "gold", "gold_found")
UNCONFIRMED = "QID?"


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
    unconfirmed: int = 0  # realnews `QID?` mentions: not scored, but how many got a Wikidata link is worth reading
    unconfirmed_linked: int = 0
    unconfirmed_links: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)

    def type_scores(self) -> dict[str, dict]:
        """Per coarse type: the counts, precision of links made and recall over gold QIDs."""
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0
        return {t: {**c, "precision": ratio(c["links_correct"], c["links_made"]), "recall": ratio(c["gold_found"], c["gold"])}
                for t, c in sorted(self.by_type.items())}

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

    def to_json(self) -> dict:
        counts = {k: v for k, v in asdict(self).items() if k not in ("errors", "by_type", "unconfirmed_links")}
        return {**counts, "precision": round(self.precision, 4), "recall_in_kb": round(self.recall_in_kb, 4),
                "recall_in_kb_mentioned": round(self.recall_in_kb_mentioned, 4),
                "recall": round(self.recall, 4), "by_type": self.type_scores()}


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
        if qid == UNCONFIRMED:
            scores.unconfirmed += 1
            if found and found.startswith("Q"):
                scores.unconfirmed_linked += 1
                scores.unconfirmed_links.append({"doc": gold.id, "text": gold.text[span.start : span.end], "found": found})
            continue
        per_type = scores.by_type.setdefault(coarse_type(span.type), dict.fromkeys(TYPE_COUNTS, 0))
        error = {"doc": gold.id, "text": gold.text[span.start : span.end], "type": span.type,
                 "gold": qid, "found": found, "mention": doc.span_text(match) if match else None}
        if found and found.startswith("Q"):
            scores.links_made += 1
            scores.links_correct += found == qid
            per_type["links_made"] += 1
            per_type["links_correct"] += found == qid
        if not qid.startswith("Q"):
            if found and found.startswith("Q"):
                scores.errors.append(error)
            continue
        scores.gold += 1
        scores.gold_found += found == qid
        per_type["gold"] += 1
        per_type["gold_found"] += found == qid
        in_kb = kb.get(qid) is not None
        scores.gold_in_kb += in_kb
        scores.gold_in_kb_found += in_kb and found == qid
        scores.gold_in_kb_mentioned += in_kb and match is not None
        if found != qid and (in_kb or (found or "").startswith("Q")):
            scores.errors.append(error)


def evaluate_linking(golds: Iterable[GoldDoc], pipeline, kb: KB | None = None) -> LinkingScores:
    """Run the pipeline over the gold texts (with the publication date where the corpus has one) and score its links."""
    kb = kb or KB.open()
    golds = list(golds)
    scores = LinkingScores()
    results = pipeline.map(Article.create(g.text, id=g.id, published=g.published) for g in golds)
    for gold, doc in zip(golds, results):
        if isinstance(doc, Article):
            score_document(gold, doc, kb, scores)
    return scores


def read_realnews_links(path: Path, data: Path) -> list[GoldDoc]:
    """The linking dev set (one article a line: id, mentions with start/end/type/qid), texts from `data`."""
    from .annotated import corpus_texts

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = corpus_texts(Path(data), [row["id"] for row in rows])
    golds = []
    for row in rows:
        text = texts[row["id"]]["text"]
        spans, links = [], []
        for n, m in enumerate(row["mentions"], 1):
            if text[m["start"] : m["end"]] != m["text"]:
                raise ValueError(f"{row['id']}: {m['text']!r} is not at {m['start']}-{m['end']}")
            spans.append(GoldSpan(f"T{n}", m["type"], m["start"], m["end"]))
            links.append(GoldLink(f"T{n}", "Wikidata:" + ("NULL" if m["qid"] == "NIL" else m["qid"]), m["text"]))
        golds.append(GoldDoc(row["id"], text, tuple(spans), links=tuple(links), published=texts[row["id"]].get("published")))
    return golds


def report(command: str, scores: LinkingScores) -> str:
    by_type = "".join(f"\n  {t:<13} precision {c['precision']:.3f} ({c['links_correct']}/{c['links_made']})"
                      f"  recall {c['recall']:.3f} ({c['gold_found']}/{c['gold']})"
                      for t, c in scores.type_scores().items())
    return (
        f"$ {command}\n"
        f"documents {scores.documents}\n"
        f"precision of links made   {scores.precision:.3f}  ({scores.links_correct}/{scores.links_made})\n"
        f"recall, QID in bundled KB {scores.recall_in_kb:.3f}  ({scores.gold_in_kb_found}/{scores.gold_in_kb})\n"
        f"  of those with a pipeline mention {scores.recall_in_kb_mentioned:.3f}  ({scores.gold_in_kb_found}/{scores.gold_in_kb_mentioned})\n"
        f"recall, all gold QIDs     {scores.recall:.3f}  ({scores.gold_found}/{scores.gold})\n"
        f"by type:{by_type}"
        + (f"\nunscored (gold id unconfirmed): {scores.unconfirmed}, of which linked {scores.unconfirmed_linked}"
           if scores.unconfirmed else "")
    )
