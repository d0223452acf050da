"""PLOVER events, one module a step: the parse as a tree (tree) → lexicon (the TSV files here,
word senses in senses.tsv) → triggers → slots and participants → modality → dates → PLOVER's
rules in stage → one record per event (restatements)."""

from .stage import Events

__all__ = ["Events"]
