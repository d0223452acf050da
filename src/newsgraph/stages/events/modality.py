"""Modality of an event, read in its own clause: conditionals, negation, possibility, plans, tense.

Negation counts only on the trigger, on the light verb that carries a noun (`не провели
переговоров`, `переговоры не состоялись`) and on the verbs that govern it (`не смогли
договориться`): a negated clause beside it (`обсудили …, но прогресса не достигли`) or a
verb that merely frames a noun (`на обвинение не отреагировали`) leaves it asserted.
Conditions (`если …`), need (`необходимо сотрудничать`), hedges and `бы` make it hypothetical.
An infinitive that no verb of doing, planning, ability or need governs (`возможность встретиться`,
`прибыл, чтобы обсудить`, `закон, позволяющий встречаться`) names an act the text reports no one doing: no event.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...doc import Article, Token
from ...nlp import parses
from ..word_lists import word_sets
from .lexicon import LIGHT_VERBS, OCCURRENCE_VERBS, PLANNED_MODIFIERS, PLANNING, POSSIBLE, VERBAL_TYPES
from .triggers import REFUSAL, Candidate

CLIMB_RELS = {"xcomp", "csubj", "csubj:pass"}
_WORDS = word_sets(Path(__file__).with_name("modality.tsv"), ("hedge", "necessity", "obligation", "condition", "implicative", "achieved", "doubt", "doubt_negated"))
HEDGES = _WORDS["hedge"]
NECESSITY = _WORDS["necessity"]
OBLIGATION = _WORDS["obligation"]
CONDITIONS = _WORDS["condition"]
IMPLICATIVE = _WORDS["implicative"]
ACHIEVED = _WORDS["achieved"]
DOUBT = _WORDS["doubt"]
DOUBT_NEGATED = _WORDS["doubt_negated"]
PAST_ENDING = re.compile(r"л[аои]?(?:ся|сь)?$", re.IGNORECASE)
INFINITIVE_ENDING = re.compile(r"(?:ть|ти|чь)(?:ся|сь)?$", re.IGNORECASE)
PYMORPHY_TENSES = {"past": "Past", "pres": "Pres", "futr": "Fut"}


def clause_path(doc: Article, c: Candidate) -> list[int]:
    """The trigger, its carrier, and the verbs above them that decide modality (`намерены провести`)."""
    path = [c.trigger] if c.carrier == c.trigger else [c.trigger, c.carrier]
    return path + governors(doc, c.carrier)


def governors(doc: Article, node: int) -> list[int]:
    """The verbs a predicate is the complement of (`намерены` над `провести`); a later conjunct
    shares the governors of the first (`необходимо обмениваться данными, сотрудничать`)."""
    found: list[int] = []
    for _ in range(3):
        token = doc.tokens[node]
        if token.head is None or token.head < 0:
            break
        if token.rel == "conj" and doc.tokens[token.head].pos in {"VERB", "ADJ", "AUX"}:
            node = token.head  # the first conjunct: its governors, not its own negation
            continue
        if token.rel not in CLIMB_RELS:
            break
        node = token.head
        found.append(node)
    return found


def reported(doc: Article, kids: list[list[int]], c: Candidate) -> bool:
    """Whether the text reports the act at all. Not in a condition (`если партнёры договорятся, …`): that is what
    the main clause depends on. A finite verb or noun reports it; an infinitive only under a word that says it was
    done (`удалось задержать`), is planned, possible or needed (`намерены провести`, `может ввести`), or as the main
    predicate with its future auxiliary (`будет требовать`). Under a noun other than a plan (`попытки заблокировать`), in a purpose clause
    (`прибыл, чтобы обсудить`) or a permission (`позволяющий встречаться`) it is only named."""
    carrier = doc.tokens[c.carrier]
    states = c.carrier == c.trigger or carrier.lemma in LIGHT_VERBS | set(c.cue.light)
    node = c.carrier
    while doc.tokens[node].rel == "conj" and doc.tokens[node].head not in (None, -1, node):
        node = doc.tokens[node].head  # `намерены обмениваться данными и сотрудничать`: the first conjunct's governor
    if any(doc.tokens[k].lemma in CONDITIONS and doc.tokens[k].rel == "mark" for p in {c.trigger, node} for k in kids[p]):
        return False
    head = doc.tokens[node].head
    if not states or not is_infinitive(doc, c.carrier):
        return True
    if head is None or head < 0:  # `Си будет требовать`; a bare one urges (`В частности, отказаться от планов`)
        return any(doc.tokens[k].lemma == "быть" for k in kids[node])
    if doc.tokens[head].pos == "NOUN":  # `решение просить ООН` reports a decision; `возможность встретиться` nothing
        return doc.tokens[head].lemma in PLANNING
    return doc.tokens[head].lemma in IMPLICATIVE | PLANNING | POSSIBLE | NECESSITY


INFINITIVE_ENDINGS = ("ть", "ться", "ти", "тись", "чь", "чься")


def is_infinitive(doc: Article, i: int) -> bool:
    """Tagged an infinitive and spelled like one: the tagger reads some futures as infinitives (`Я ещё попрошу`)."""
    return doc.tokens[i].feat("VerbForm") == "Inf" and doc.span_text(doc.tokens[i]).lower().endswith(INFINITIVE_ENDINGS)


def negatable(doc: Article, c: Candidate, path: list[int]) -> list[int]:
    """Where a `не` negates the event: the trigger, a carrier that states it, and its governors. A refusal's own `не`
    (`не намерены обсуждать`) is what makes it one, not a negation of it."""
    if c.rule == REFUSAL:
        path = path[1:]
    carrier = doc.tokens[c.carrier]
    states = c.carrier == c.trigger or carrier.lemma in LIGHT_VERBS | OCCURRENCE_VERBS | set(c.cue.light)
    return [p for p in path if p != c.carrier or states]


def conditional(doc: Article, kids: list[list[int]], c: Candidate, path: list[int]) -> bool:
    """`бы`, or a condition on the clause: its own `если`, or an `если` clause attached to it. A threat,
    demand or promise is made all the same: its condition belongs to what it threatens (`пригрозил
    санкциями, если …`)."""
    tokens = doc.tokens
    for p in path:
        for k in kids[p]:
            if tokens[k].lemma == "бы" or (tokens[k].lemma in CONDITIONS and tokens[k].rel == "mark"):
                return True
            condition = tokens[k].rel == "advcl" and any(tokens[m].lemma in CONDITIONS and tokens[m].rel == "mark" for m in kids[k])
            if condition and c.cue.type not in VERBAL_TYPES:
                return True
    return False


def under_condition(doc: Article, kids: list[list[int]], path: list[int]) -> bool:
    """An `если` clause on the event's clause, also as `в случае, если`, `в том случае, если` or the `то` that answers
    it (no `бы`): a real condition under which the act would follow."""
    tokens = doc.tokens

    def condition_marks(k: int) -> bool:
        marks = [m for m in kids[k] if tokens[m].rel == "mark"]
        return any(tokens[w].lemma in CONDITIONS for m in marks for w in [m, *kids[m]])

    for p in path:
        if any(tokens[k].lemma == "бы" for k in kids[p]):
            return False
        for k in kids[p]:
            if tokens[k].rel == "advcl" and condition_marks(k):
                return True
            if tokens[k].lemma == "то" and tokens[k].rel == "mark":  # `если …, то …`, wherever the parse hangs the `если`
                return True
            if tokens[k].lemma == "случай" and any(condition_marks(a) for a in kids[k]):
                return True
    return False


def modality_of(doc: Article, kids: list[list[int]], c: Candidate, path: list[int]) -> tuple[str, str | None]:
    """(modality, tense): conditionals first, then negation, possibility and need, plans or the future tense."""
    tokens = doc.tokens
    deps = [tokens[k] for p in path for k in kids[p]]
    tense = next((t for p in path if (t := tense_of(doc, tokens[p], [tokens[k] for k in kids[p]]))), None)
    if conditional(doc, kids, c, path):
        return "hypothetical", tense
    if any(negates(doc, k) for p in negatable(doc, c, path) for k in kids[p]):
        return "negated", tense
    above = [tokens[p].lemma for p in path[1:] if not achieved(doc, tokens[p])]
    if any(d.lemma in HEDGES for d in deps) or any(a in POSSIBLE | NECESSITY for a in above) or doubted(doc, kids, path):
        return "hypothetical", tense
    planned_words = any(a in PLANNING for a in above) or any(
        tokens[k].lemma in PLANNED_MODIFIERS and tokens[k].rel == "amod" for k in kids[c.trigger]
    )
    if planned_words or tense == "future":
        return "planned", "future"
    return "asserted", tense


def doubted(doc: Article, kids: list[list[int]], path: list[int]) -> bool:
    """The clause is what a predicate of doubt only allows (`не исключено, что мэрия отклонит заявку`)."""
    top = doc.tokens[path[-1]]
    if top.rel not in {"ccomp", "csubj"} or top.head is None or top.head < 0:
        return False
    head = doc.tokens[top.head]
    negated = any(doc.tokens[k].lemma == "не" for k in kids[top.head])
    return head.lemma in DOUBT or (head.lemma in DOUBT_NEGATED and negated)


def negates(doc: Article, k: int) -> bool:
    """`не`/`нет`, but not `не только …, но и`, which adds rather than denies."""
    following = doc.tokens[k + 1] if k + 1 < len(doc.tokens) else None
    return doc.tokens[k].lemma in {"не", "нет"} and not (following is not None and following.lemma == "только")


def achieved(doc: Article, token: Token) -> bool:
    """A past `смог`/`сумел`/`удалось` states the act was done (`смог добраться и запросить убежище`)."""
    return token.lemma in ACHIEVED and tense_feat(doc, token) == "Past"


def tense_feat(doc: Article, token: Token) -> str | None:
    """The tagger's tense, corrected by the word's form where the tagger is plainly wrong: a rare
    verb ending in -л (`пикетировал`) is past though tagged future, and a finite form tagged as an
    infinitive (`я ещё попрошу`) takes the tense its dictionary analyses agree on."""
    tense = token.feat("Tense")
    if token.pos != "VERB":
        return tense
    word = doc.text[token.start : token.end]
    if tense in {"Pres", "Fut"} and token.feat("Mood") == "Ind" and PAST_ENDING.search(word):
        return "Past"
    if tense is None and token.feat("VerbForm") == "Inf" and not INFINITIVE_ENDING.search(word):
        found = {p.tag.tense for p in parses(word.lower()) if p.tag.POS == "VERB"}
        return PYMORPHY_TENSES.get(found.pop()) if len(found) == 1 else None
    return tense


def tense_of(doc: Article, token: Token, deps: list[Token]) -> str | None:
    """The tense of a predicate; `будут вести`, `будут приняты` and `будет запрещён` are future even where
    the tagger calls `будут` present, since the auxiliary `быть` has no present form."""
    if any(d.lemma == "быть" and (d.feat("Tense") == "Fut" or (d.rel in {"aux", "aux:pass"} and d.feat("Tense") == "Pres"))
           for d in deps):
        return "future"
    return {"Past": "past", "Pres": "present", "Fut": "future"}.get(tense_feat(doc, token) or "")
