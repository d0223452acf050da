"""Quotes, one module a step: quote marks paired (marks) → direct speech around them (direct) →
indirect and mixed speech from cue words (indirect, with the lists in cues.tsv) → speakers and
the medium that relayed them (speakers and the rule modules it draws on, names) → assembled in stage."""

from .stage import Quotes

__all__ = ["Quotes"]
