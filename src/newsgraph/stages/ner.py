"""Entity mentions (PER/ORG/LOC): natasha's bundled Slovnet NER model, batched across
articles, then boundary rules (`mention_rules`) where the model's spans are known to be wrong."""

from __future__ import annotations

from dataclasses import replace

from ..doc import Article, Mention
from ..nlp import ner_tagger
from .base import BatchStage
from .mention_rules import RULES, Rule, refine


def tag_mentions(texts: list[str]) -> list[list[Mention]]:
    """Slovnet's spans for each text, before any rule (an empty text has none)."""
    markups = iter(ner_tagger().map([text for text in texts if text.strip()]))
    return [
        [Mention(id="", start=s.start, end=s.stop, type=s.type, source="ner.slovnet") for s in next(markups).spans]
        if text.strip()
        else []
        for text in texts
    ]


class NER(BatchStage):
    name = "ner"
    requires = frozenset({"morph"})
    provides = frozenset({"mentions"})

    def __init__(self, rules: tuple[Rule, ...] = RULES):
        self.rules = rules

    def map(self, docs: list[Article]) -> list[Article]:
        out = []
        for doc, spans in zip(docs, tag_mentions([doc.text for doc in docs])):
            mentions = refine(doc, spans, self.rules)
            numbered = [replace(m, id=f"m{i}") for i, m in enumerate(mentions, 1)]
            out.append(doc.with_layer("mentions", numbered))
        return out
