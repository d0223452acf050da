"""Entity mentions (PER/ORG/LOC) with natasha's bundled Slovnet NER model, batched across articles."""

from __future__ import annotations

from ..doc import Article, Mention
from ..nlp import ner_tagger
from .base import BatchStage


class NER(BatchStage):
    name = "ner"
    provides = frozenset({"mentions"})

    def map(self, docs: list[Article]) -> list[Article]:
        texts = [doc.text for doc in docs if doc.text.strip()]
        markups = iter(ner_tagger().map(texts))
        out = []
        for doc in docs:
            spans = next(markups).spans if doc.text.strip() else []
            mentions = [
                Mention(id=f"m{i}", start=s.start, end=s.stop, type=s.type, source="ner.slovnet")
                for i, s in enumerate(spans, 1)
            ]
            out.append(doc.with_layer("mentions", mentions))
        return out
