"""The word lists and parse relations participants are read by (`participants.tsv`), and the preposition
a dependent carries; shared by participants.py, descriptions.py, slots.py, implied.py and stage.py."""

from __future__ import annotations

from pathlib import Path

from ...doc import Article
from ..word_lists import word_sets

SUBTREE_RELS = {"appos", "flat", "flat:name", "flat:foreign", "nmod", "amod", "compound"}
_WORDS = word_sets(Path(__file__).with_name("participants.tsv"), (
    "pronoun", "first_person", "latter", "generic_body", "group_word", "guest_body", "acting_body", "envoy", "force", "quantifier", "stand_in", "not_participant",
    "enforcer", "enforcement_act", "court", "court_act", "pointer", "place_word", "facility",
))
PRONOUNS = _WORDS["pronoun"]
FIRST_PERSON = _WORDS["first_person"]
LATTER = _WORDS["latter"]
GENERIC_BODIES = _WORDS["generic_body"]
GROUP_WORDS = _WORDS["group_word"]
GUEST_BODIES = _WORDS["guest_body"]
ACTING_BODIES = _WORDS["acting_body"]
ENVOYS = _WORDS["envoy"]
FORCES = _WORDS["force"]
QUANTIFIERS = _WORDS["quantifier"]
STAND_INS = _WORDS["stand_in"]
NOT_PARTICIPANTS = _WORDS["not_participant"]
ENFORCERS = _WORDS["enforcer"]
ENFORCEMENT_ACTS = _WORDS["enforcement_act"]
COURTS = _WORDS["court"]
COURT_ACTS = _WORDS["court_act"]
POINTERS = _WORDS["pointer"]
PLACE_WORDS = _WORDS["place_word"]
FACILITIES = _WORDS["facility"]
ARGUMENT_RELS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "conj"}
DESCRIPTION_RELS = {"amod", "nmod", "appos", "flat", "flat:name", "flat:foreign"}


def marker(doc: Article, kids: list[list[int]], i: int) -> str:
    """The preposition a dependent carries, multiword ones joined: `со стороны` → `с_сторона`, `в адрес X` → `в_адрес`."""
    parts = []
    for k in kids[i]:
        if doc.tokens[k].rel == "case":
            parts.append(doc.tokens[k].lemma)
            parts += [doc.tokens[f].lemma for f in kids[k] if doc.tokens[f].rel == "fixed"]
    head = doc.tokens[i].head
    if not parts and head is not None and head >= 0 and doc.tokens[head].lemma in {"адрес", "отношение"}:
        outer = marker(doc, kids, head)
        return f"{outer}_{doc.tokens[head].lemma}" if outer else ""
    return "_".join(parts)
