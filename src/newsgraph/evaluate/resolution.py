"""In-document entity resolution scored against factRuEval-2016's `.coref` chains (B-cubed).

Each gold mention (a Person/Org/Location/LocOrg object, by its whole extent) belongs to one
chain. A system groups the mentions it found into entities. B-cubed precision of a mention
is the share of its predicted entity (restricted to scored mentions) that is in its gold
chain; recall, the share of its gold chain that is in its predicted entity; both averaged
over mentions. Only mentions that every compared system found with the exact gold span are
scored, so the systems are judged on the same mentions.

Plain natasha has no resolution; its baseline groups mentions by type and normalized name
(what `span.normalize` allows), so `Путина` and `Владимир Путин` stay apart there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..doc import Article, coarse_type
from .formats import GoldDoc
from .ner import FACTRU_TYPES

# Per document: (start, end) of a mention → the id of the entity it was put in.
Grouping = dict[tuple[int, int], str]


@dataclass(slots=True)
class BCubed:
    precision_sum: float = 0.0
    recall_sum: float = 0.0
    mentions: int = 0

    @property
    def precision(self) -> float:
        return self.precision_sum / self.mentions if self.mentions else 0.0

    @property
    def recall(self) -> float:
        return self.recall_sum / self.mentions if self.mentions else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4), "mentions": self.mentions}


def gold_grouping(doc: GoldDoc) -> Grouping:
    spans = {s.id: s for s in doc.spans if s.type in FACTRU_TYPES}
    return {
        (spans[m].start, spans[m].end): chain.id for chain in doc.chains for m in chain.members if m in spans
    }


def add_document(score: BCubed, gold: Grouping, predicted: Grouping, keys: set[tuple[int, int]]) -> None:
    gold_members, predicted_members = defaultdict(set), defaultdict(set)
    for key in keys:
        gold_members[gold[key]].add(key)
        predicted_members[predicted[key]].add(key)
    for key in keys:
        same = gold_members[gold[key]] & predicted_members[predicted[key]]
        score.precision_sum += len(same) / len(predicted_members[predicted[key]])
        score.recall_sum += len(same) / len(gold_members[gold[key]])
        score.mentions += 1


def score_resolution(docs: list[GoldDoc], systems: dict[str, list[Grouping]]) -> dict[str, BCubed]:
    scores = {name: BCubed() for name in systems}
    for i, doc in enumerate(docs):
        gold = gold_grouping(doc)
        keys = set(gold).intersection(*(set(groupings[i]) for groupings in systems.values()))
        for name, groupings in systems.items():
            add_document(scores[name], gold, groupings[i], keys)
    return scores


def newsgraph_grouping(article: Article) -> Grouping:
    by_id = {m.id: m for m in article.mentions}
    return {(by_id[m].start, by_id[m].end): e.id for e in article.entities for m in e.mentions}


def name_grouping(mentions: dict[tuple[int, int], tuple[str, str]]) -> Grouping:
    """Mentions grouped by (type, normalized name): `(start, end) → (type, normal)` in."""
    return {key: f"{coarse_type(type)}:{normal.lower()}" for key, (type, normal) in mentions.items()}
