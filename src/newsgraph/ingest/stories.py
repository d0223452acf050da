"""Near-duplicate detection: syndicated copies and lightly edited re-posts become one story.

Each article is reduced to a MinHash signature of its word shingles (runs of `SHINGLE`
words); MinHash LSH proposes candidates in constant time and the estimated Jaccard
similarity decides. Shingles of three words survive re-punctuation and a changed headline
or boilerplate line, while two independent reports of the same event share few three-word
runs beyond set phrases, so they stay apart (docs/benchmarks-ingest.md has the figures).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

SHINGLE = 3
NUM_PERM = 128
THRESHOLD = 0.2
WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(NUM_PERM, seed=1)


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def shingles(text: str) -> set[bytes]:
    """Overlapping word triples of the lower-cased text, ё folded to е as editors often do."""
    words = WORD.findall(text.lower().replace("ё", "е"))
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    """The text's MinHash; the permutations are the template's, drawn once rather than per article."""
    minhash = MinHash(NUM_PERM, hashfunc=_crc32, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    minhash.update_batch(list(shingles(text)))
    return minhash


@dataclass
class StoryIndex:
    """Article id → story id; earlier runs' articles are added with the story they were given then."""

    threshold: float = THRESHOLD
    story_of: dict[str, str] = field(default_factory=dict)
    _signatures: dict[str, MinHash] = field(default_factory=dict)
    _indexed: dict[str, int] = field(default_factory=dict)  # article id → when it was indexed
    _lsh: MinHashLSH = field(init=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def add(self, article_id: str, minhash: MinHash, story_id: str | None = None) -> str:
        """Index an article and return its story: the closest earlier near-duplicate's, else its own id."""
        if article_id in self.story_of:
            return self.story_of[article_id]
        story = story_id or self.match(minhash) or article_id
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash
        self._indexed[article_id] = len(self._indexed)
        self.story_of[article_id] = story
        return story

    def match(self, minhash: MinHash) -> str | None:
        """The story of the most similar indexed article above the threshold, or None."""
        best, best_score = None, self.threshold
        # in indexing order, so a tie goes to the earliest article whatever the hash seed
        for candidate in sorted(self._lsh.query(minhash), key=self._indexed.__getitem__):
            score = minhash.jaccard(self._signatures[candidate])
            if score > best_score or best is None and score >= best_score:
                best, best_score = candidate, score
        return self.story_of[best] if best is not None else None

    def add_text(self, article_id: str, text: str) -> str:
        return self.add(article_id, signature(text))

    @classmethod
    def of_texts(cls, items: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> StoryIndex:
        index = cls(threshold)
        for article_id, text in items:
            index.add_text(article_id, text)
        return index
