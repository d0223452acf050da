"""PLOVER events, one module a step: lexicon (the TSV files here) → triggers → slots and
participants → modality → dates → PLOVER's rules in stage."""

from .stage import Events

__all__ = ["Events"]
