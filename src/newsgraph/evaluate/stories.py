"""Scoring near-duplicate detection: pairwise precision and recall of story links.

Every pair of articles in the devset is either one story (a copy or re-post) or two; a
system is scored on the pairs it puts together. Arrival order matters to a streaming
index (a re-post may arrive before its original), so scores can be averaged over shuffles.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from ..ingest.stories import THRESHOLD, StoryIndex

DEVSET = Path(__file__).resolve().parents[3] / "devsets" / "stories.jsonl"


@dataclass(frozen=True)
class StoryScores:
    articles: int
    gold_pairs: int
    found_pairs: int
    correct_pairs: int
    orders: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else 1.0

    def to_json(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


def read_devset(path: Path = DEVSET) -> list[dict]:
    """Rows `{"id", "story", "how", "text"}`: `story` is the gold story key."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def same_story_pairs(story_of: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in itertools.combinations(story_of, 2) if story_of[pair[0]] == story_of[pair[1]]}


def score_stories(rows: list[dict], threshold: float = THRESHOLD, shuffles: int = 0) -> StoryScores:
    """Pair counts summed over the devset order and `shuffles` seeded random orders."""
    gold = same_story_pairs({r["id"]: r["story"] for r in rows})
    orders = [rows] + [random.Random(seed).sample(rows, len(rows)) for seed in range(shuffles)]
    found = correct = 0
    for order in orders:
        index = StoryIndex.of_texts(((r["id"], r["text"]) for r in order), threshold)
        predicted = same_story_pairs(index.story_of)
        found += len(predicted)
        correct += len(predicted & gold)
    return StoryScores(len(rows), len(gold) * len(orders), found, correct, len(orders))
