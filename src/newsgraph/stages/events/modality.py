"""Modality of an event, read in its own clause: conditionals, negation, possibility, plans, tense."""

from __future__ import annotations

from ...doc import Article, Token
from .lexicon import PLANNED_MODIFIERS, PLANNING, POSSIBLE
from .triggers import Candidate

CLIMB_RELS = {"xcomp", "csubj", "csubj:pass"}
HEDGES = {"возможно", "вероятно", "якобы"}


def clause_path(doc: Article, c: Candidate) -> list[int]:
    """The trigger, its carrier, and the verbs above them that decide modality (`намерены провести`)."""
    path = [c.trigger] if c.carrier == c.trigger else [c.trigger, c.carrier]
    node = c.carrier
    for _ in range(3):
        token = doc.tokens[node]
        if token.rel not in CLIMB_RELS or token.head is None or token.head < 0:
            break
        node = token.head
        path.append(node)
    return path


def modality_of(doc: Article, kids: list[list[int]], c: Candidate, path: list[int]) -> tuple[str, str | None]:
    """(modality, tense): conditionals first, then negation, possibility, and plans or the future tense."""
    tokens = doc.tokens
    deps = [tokens[k] for p in path for k in kids[p]]
    tense = next((t for p in path if (t := tense_of(tokens[p], [tokens[k] for k in kids[p]]))), None)
    if any(d.lemma == "бы" or (d.lemma == "если" and d.rel == "mark") for d in deps):
        return "hypothetical", tense
    if any(d.lemma in {"не", "нет"} for d in deps):
        return "negated", tense
    if c.modality or any(d.lemma in HEDGES for d in deps) or any(tokens[p].lemma in POSSIBLE for p in path[1:]):
        return "hypothetical", "future" if c.modality else tense
    planned_words = any(tokens[p].lemma in PLANNING for p in path[1:]) or any(
        tokens[k].lemma in PLANNED_MODIFIERS and tokens[k].rel == "amod" for k in kids[c.trigger]
    )
    if planned_words or tense == "future":
        return "planned", "future"
    return "asserted", tense


def tense_of(token: Token, deps: list[Token]) -> str | None:
    """The tense of a predicate; `будут вести` is future even where the tagger calls `будут` present,
    since the auxiliary `быть` has no present form."""
    if any(d.lemma == "быть" and (d.feat("Tense") == "Fut" or (d.rel == "aux" and d.feat("Tense") == "Pres"))
           for d in deps):
        return "future"
    return {"Past": "past", "Pres": "present", "Fut": "future"}.get(token.feat("Tense") or "")
