"""Triggers: which tokens state a PLOVER event, and which events only fill another's complement.

A token triggers through the lexicon (a verb–dependent pair first, then the lemma alone); a
noun counts only where a verb carries it (`провести переговоры`, `переговоры состоялись`),
frames its clause (`на переговорах`) or stands alone. An event in the complement of an
AGREE/REJECT/THREATEN/REQUEST head is absorbed into it: a demanded act is no event of its own
(ANNOTATION.md: `потребовал арестовать` is no arrest).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...doc import Article, Event
from ..quotes.cues import is_speech_lemma
from .lexicon import (
    ASSESSING, DEFAULT_CUES, EVALUATIONS, HOSTILE_TYPES, LIGHT_VERBS, LIGHT_WITH, NOUNS, OCCURRENCE_VERBS, OTHER_SENSES,
    OWN_ACTS, PAIRS, PLANNING, REQUEST_MODES, TALLIES, TIME_UNITS, VERBAL_TYPES, VERBS, YIELDING_TYPES, Cue, OtherSense,
)
from .model import LABELS, TriggerModel
from .participants import marker
from ..token_spans import token_starting_at

PAIR_RELS = {"obj", "nmod", "obl", "nsubj:pass", "iobj", "xcomp", "advmod", "amod"}  # `высоко оценил`, `хакерская атака`
EMBED_RELS = {"xcomp", "obj", "obl", "nmod", "ccomp", "iobj", "csubj"}
CARRIED_RELS = {"obj", "nsubj:pass", "nsubj", "iobj"}
PREDICATE_RELS = {"root", "conj", "ccomp", "xcomp", "advcl", "parataxis", "csubj"}  # a participle here is a predicate
LIGHT_NOUNS = {
    "проведение", "введение", "нанесение", "организация", "подготовка", "возобновление", "раунд", "пакет", "процедура", "запуск",
} | OWN_ACTS
DEMANDS = {"REQUEST", "THREATEN"}  # heads whose complement is an act not done: demanded or threatened
FRAME_NOUNS = {"ход", "итог", "рамка", "время", "результат", "канун"}
DASHES = {"—", "–", "-"}
COOPERATIVE_ACTS = {"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"}
REFUSAL = "event.refusal"  # the rule of a denied intention; its own `не` makes it a refusal, not a negated one
# Types whose doers act with force or bodies, counted or not (`тысячи человек протестовали`).
MATERIAL_TYPES = {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"}


@dataclass
class Candidate:
    trigger: int
    cue: Cue
    rule: str
    carrier: int  # the verb whose subject acts: the trigger itself, or the noun's light verb
    partner: int | None = None
    mode: str | None = None
    absorbed: list[Candidate] = field(default_factory=list)


def repeats_earlier(doc: Article, c: Candidate, earlier: list[Event]) -> bool:
    """`По итогам встречи`, `раскритиковали визит`: a noun naming an event already reported is no new event."""
    if not c.rule.endswith(("_frame", "_embedded")):
        return False
    stem = doc.tokens[c.trigger].lemma[:5]  # `встреча` repeats `встретились`
    return any(event.type == c.cue.type and lemma_at(doc, event.trigger.start)[:5] == stem for event in earlier)


def lemma_at(doc: Article, start: int) -> str:
    i = token_starting_at(doc, start)
    return doc.tokens[i].lemma if i is not None else ""


def cue_of(doc: Article, kids: list[list[int]], i: int) -> tuple[Cue, str, int | None] | None:
    """The lexicon entry a token triggers: a pair with one of its dependents first, then the word alone."""
    token = doc.tokens[i]
    if token.pos == "VERB" and any(
        doc.tokens[k].lemma in OWN_ACTS and doc.tokens[k].rel == "obj" and states_an_event(doc, kids, k) for k in kids[i]
    ):
        return None  # `подписал указ о введении пошлин`: the decree's content is the event (`подписал закон` is a SUPPORT)
    for k in kids[i]:
        by_preposition = doc.tokens[k].lemma not in TIME_UNITS  # `за день до`, `за 9 месяцев` date, they take no side
        pair = PAIRS.get((token.lemma, doc.tokens[k].lemma)) or (
            by_preposition and PAIRS.get((token.lemma, "+" + marker(doc, kids, k))))
        if pair and doc.tokens[k].rel in PAIR_RELS:
            return pair, "event.pair", k
    if token.lemma in ASSESSING and (assessed := evaluation(doc, kids, i)):
        return assessed
    if token.pos in {"VERB", "ADJ"} and token.lemma in VERBS:
        return VERBS[token.lemma], "event.verb", None
    if token.pos in {"NOUN", "PROPN"} and token.lemma in NOUNS:
        return NOUNS[token.lemma], "event.noun", None
    return None


def states_an_event(doc: Article, kids: list[list[int]], k: int) -> bool:
    """`указ о введении пошлин`: an act's content names a listed event, through light nouns (`введение`, `пакет`)."""
    return any(
        doc.tokens[c].rel == "nmod" and (doc.tokens[c].lemma in NOUNS or (
            doc.tokens[c].lemma in LIGHT_NOUNS and states_an_event(doc, kids, c)))
        for c in kids[k]
    )


CLAUSE_RELS = {"ccomp", "advcl", "acl", "acl:relcl", "conj", "parataxis", "csubj"}
EVALUATED_RELS = {"amod", "nmod", "conj", "obl"}  # `грубой ошибкой`, `жестоким и несправедливым`, `достойным сожаления`


def evaluation(doc: Article, kids: list[list[int]], i: int) -> tuple[Cue, str, int] | None:
    """`назвал решение ошибкой`, `расценил учения как провокацию`: the complement of a verb of naming or assessing
    (an instrumental or `как` phrase, on the verb or on its object) carries a word of evaluation (evaluations.tsv)."""
    tokens = doc.tokens
    complements = [k for k in kids[i] if tokens[k].rel == "xcomp" or (
        tokens[k].rel == "obl" and (tokens[k].feat("Case") == "Ins" or marker(doc, kids, k) == "как"))]
    complements += [c for k in kids[i] if tokens[k].rel == "obj" for c in kids[k] if marker(doc, kids, c) == "как"]
    for k in complements:
        for w in [k, *(w for w in kids[k] if tokens[w].rel in EVALUATED_RELS)]:
            if tokens[w].lemma in EVALUATIONS:
                return EVALUATIONS[tokens[w].lemma], "event.evaluation", k
    # a quoted complement is often misparsed (`назвала заявления «водевилем»`): a word of evaluation in quote marks opened
    # after the verb, within the verb's clause, still names the object,
    # and so does an instrumental adjective or participle the parse hangs on the object (`назвал итоги выборов подтасованными`)
    for w in clause_words(doc, kids, i):
        if w > i and tokens[w].lemma in EVALUATIONS and (quoted_after(doc.text, tokens[i].end, tokens[w].start) or (
                tokens[w].feat("Case") == "Ins" and tokens[w].pos in {"ADJ", "VERB"})):
            return EVALUATIONS[tokens[w].lemma], "event.evaluation", w
    return None


def clause_words(doc: Article, kids: list[list[int]], i: int) -> list[int]:
    """The words of a verb's own clause: its subtree less its subject and the clauses it embeds."""
    out, stack = [], [k for k in kids[i] if doc.tokens[k].rel not in CLAUSE_RELS | {"nsubj", "nsubj:pass"}]
    while stack:
        k = stack.pop()
        out.append(k)
        stack += [c for c in kids[k] if doc.tokens[c].rel not in CLAUSE_RELS]
    return out


def quoted_after(text: str, start: int, end: int) -> bool:
    """A quote mark opens between `start` and `end` and does not close before `end`."""
    between = text[start:end]
    opened = between.rfind("«")
    return opened >= 0 and "»" not in between[opened:]


def candidate(doc: Article, kids: list[list[int]], i: int) -> Candidate | None:
    found = cue_of(doc, kids, i)
    if not found:
        return None
    cue, rule, partner = found
    token = doc.tokens[i]
    if token.feat("VerbForm") == "Part" and token.feat("Variant") != "Short" and token.rel not in PREDICATE_RELS:
        # `приглашенные гости`, `подписанное соглашение`, `Приглашенный на встречу министр призвал`:
        # a long participle is an attribute, not a reported event (`были освобождены` is one)
        return None
    if token.pos in {"VERB", "ADJ"}:
        if cue.infinitive and any(doc.tokens[k].rel == "xcomp" and doc.tokens[k].feat("VerbForm") == "Inf" for k in kids[i]):
            cue = replace(cue, type=cue.infinitive)
        if other_sense(doc, kids, i, i) or tallied(doc, kids, i, cue.type) or attributes_a_quote(doc, kids, i):
            return None
        return Candidate(i, cue, rule, i, partner)
    carrier = noun_carrier(doc, kids, i, cue)
    if carrier is None or other_sense(doc, kids, i, carrier[0]) or tallied(doc, kids, carrier[0], cue.type):
        return None
    where, role = carrier
    return Candidate(i, cue, f"{rule}_{role}", where, partner)


def other_sense(doc: Article, kids: list[list[int]], i: int, carrier: int) -> bool:
    """The trigger is read in a sense that states no event (senses.tsv): `наступление Нового года`,
    `отказались комментировать`, `(запрещена в РФ)`, `осужден к 5 годам`, `приветствовал гостей`,
    `в беседе с «НГ»`, `подписала контракт с агентством`, `Все готово`, `настаивал, что миномётов не было`."""
    return any(sense_applies(doc, kids, i, carrier, sense) for sense in OTHER_SENSES.get(doc.tokens[i].lemma, ()))


def sense_applies(doc: Article, kids: list[list[int]], i: int, carrier: int, sense: OtherSense) -> bool:
    tokens = doc.tokens
    if sense.test == "dependent":
        deps = {k for h in {i, carrier} for k in kids[h]}
        return any(tokens[k].lemma in sense.words or f"{marker(doc, kids, k)}:{tokens[k].lemma}" in sense.words
                   for k in deps)
    if sense.test == "bare":  # the infinitive may hang on the trigger or, misparsed, carry it; `быть готовыми` is no act
        head = tokens[i].head
        return not any(tokens[k].rel in {"xcomp", "ccomp"} or (tokens[k].feat("VerbForm") == "Inf" and tokens[k].rel != "cop")
                       for k in kids[i]) and not (
            head is not None and head >= 0 and tokens[head].feat("VerbForm") == "Inf")
    if sense.test == "claim":  # a clause that is no `чтобы` demand, its own or on `на том, что`
        clauses = [k for k in kids[i] if tokens[k].rel == "ccomp"]
        clauses += [c for k in kids[i] if tokens[k].lemma == "тот" for c in kids[k] if tokens[c].rel in {"acl", "ccomp"}]
        return any(not any(tokens[m].lemma == "чтобы" for m in kids[k]) for k in clauses)
    if sense.test == "person_object":
        return any(tokens[k].rel == "obj" and tokens[k].feat("Animacy") == "Anim" for k in kids[i])
    # interview: `в беседе` with a medium (`с «НГ»`, `с изданием`), or framing a speech verb with no person named as
    # the partner (`с корреспондентом`)
    partners = [k for k in kids[i] if marker(doc, kids, k) == "с"]
    if marker(doc, kids, i) != "в":
        return False
    if any(tokens[k].pos == "NOUN" and tokens[k].feat("Animacy") == "Inan" for k in partners):
        return True
    return (carrier != i and is_speech_lemma(tokens[carrier].lemma)
            and not any(tokens[k].pos == "PROPN" and tokens[k].feat("Animacy") == "Anim" for k in partners))


def attributes_a_quote(doc: Article, kids: list[list[int]], i: int) -> bool:
    """`«Оценщик выйдет на объект», — пообещал глава «Олимпстроя»`: a verb that only attributes the quote before it
    is its cue; what was promised or proposed is in the quote, coded there if at all."""
    words = [doc.text[t.start : t.end] for t in doc.tokens[max(0, i - 3) : i]]
    after_quote = words[-2:-1] in (["»"], ['"']) or (words[-1:] != [] and words[-3:-2] in (["»"], ['"']) and words[-2] == ",")
    return (after_quote and words[-1] in DASHES
            and not any(doc.tokens[k].rel in {"obj", "iobj", "xcomp", "ccomp"} for k in kids[i]))


def tallied(doc: Article, kids: list[list[int]], verb: int, type: str) -> bool:
    """A stance counted over people (`63% датчан одобряют`, `большинство россиян не поддерживает`, `законопроект
    поддержали 99 сенаторов`) is a poll or a vote tally, no act of a political actor; crowds that act (`тысячи
    человек протестовали`), armed men (`200 боевиков атаковали`) and one member named (`поддержал только один
    член Совбеза`) stay events."""
    if type in MATERIAL_TYPES:
        return False
    tokens = doc.tokens
    for s in kids[verb]:
        if tokens[s].rel != "nsubj":
            continue
        if tokens[s].lemma in TALLIES:
            return True
        counted = any(tokens[n].rel == "nummod" and tokens[n].pos == "NUM" and tokens[n].lemma != "один" for n in kids[s])
        if counted and tokens[s].pos == "NOUN" and tokens[s].feat("Animacy") == "Anim":
            return True
    return False


def noun_carrier(doc: Article, kids: list[list[int]], i: int, cue: Cue) -> tuple[int, str] | None:
    """The verb a nominalization's participants hang on, or None when the noun is no event here."""
    node, framed = i, False
    while (head := doc.tokens[node].head) is not None and head >= 0 and doc.tokens[head].lemma in LIGHT_NOUNS | FRAME_NOUNS:
        framed = framed or doc.tokens[head].lemma in FRAME_NOUNS
        node = head
    token, head = doc.tokens[node], doc.tokens[node].head
    if cue.strict:
        return (head, "light") if head is not None and head >= 0 and doc.tokens[head].lemma in cue.light else None
    if head is None or head < 0:
        return i, "standalone"
    governor = doc.tokens[head]
    about = token.rel.startswith("obl") and marker(doc, kids, node) == "о"  # `объявил о высылке`
    with_act = governor.lemma in LIGHT_WITH and token.rel.startswith("obl") and marker(doc, kids, node) == "с"
    if (governor.lemma in LIGHT_VERBS and (token.rel in CARRIED_RELS or about)) or with_act or (
        governor.lemma in cue.light and (token.rel in CARRIED_RELS or token.rel.startswith("obl"))
    ):
        return head, "light"
    if token.rel in {"nsubj", "nsubj:pass"} and governor.lemma in OCCURRENCE_VERBS:  # `переговоры были посвящены`
        return head, "occurrence"
    ruling = VERBS.get(governor.lemma) or NOUNS.get(governor.lemma)
    if ruling and ruling.embeds and ruling.type in DEMANDS and cue.type not in VERBAL_TYPES:
        return None  # `с требованием отставки`: the demanded act is no event (ANNOTATION.md), whoever demands it
    if ruling and (ruling.embeds or ruling.type == "ACCUSE"):
        return i, "embedded"
    if governor.pos == "VERB" and token.rel.startswith("obl") and (framed or is_frame(doc, kids, node)):
        return head, "frame"
    return None


def is_frame(doc: Article, kids: list[list[int]], node: int) -> bool:
    """`на переговорах`, `после встречи`: the noun sets the scene for its verb's subject."""
    where, case = marker(doc, kids, node), doc.tokens[node].feat("Case")
    return (where in {"на", "в"} and case == "Loc") or where in {"после", "перед", "в_время"}  # `во время`: lemmas joined


def lexicon_candidates(doc: Article, kids: list[list[int]], ids: list[int]) -> list[Candidate]:
    return [c for i in ids if (c := candidate(doc, kids, i))]


def model_candidates(
    doc: Article, kids: list[list[int]], ids: list[int], found: list[Candidate], model: TriggerModel
) -> list[Candidate]:
    """The lexicon's candidates less those the classifier is sure are no event (`запрещена в РФ`, other senses),
    plus the words it reads as events the lexicon lacks. One classifier call per sentence."""
    words, scores = model.sentence_probabilities(doc, ids, {c.trigger: c.cue.type for c in found})
    if not words:
        return found
    probabilities = dict(zip(words, scores))
    kept = found if model.veto >= 1 else [c for c in found if probabilities.get(c.trigger, (0.0,))[0] < model.veto]
    taken = {i for c in found for i in (c.trigger, c.carrier, c.partner) if i is not None}
    for i in words:
        p = probabilities[i]
        best = int(p[1:].argmax()) + 1
        if (p[best] < model.add or i in taken or near(doc, kids, i, taken) or other_sense(doc, kids, i, i)
                or tallied(doc, kids, i, LABELS[best]) or attributes_a_quote(doc, kids, i)):
            continue
        kept.append(classified(doc, kids, i, LABELS[best]))
        taken.add(i)
    return sorted(kept, key=lambda c: c.trigger)


def near(doc: Article, kids: list[list[int]], i: int, taken: set[int]) -> bool:
    """A word hanging on a trigger or carrying one (`ввела санкции`, `выразил протест`) states the same event."""
    return doc.tokens[i].head in taken or any(k in taken for k in kids[i])


def classified(doc: Article, kids: list[list[int]], i: int, type: str) -> Candidate:
    """A classifier trigger: the lexicon's cue when it agrees on the type, else the type's default cue;
    a noun takes its verb's subject when a verb governs it, else its genitive or state adjective."""
    token = doc.tokens[i]
    own = VERBS.get(token.lemma) if token.pos != "NOUN" else NOUNS.get(token.lemma)
    cue = own if own and own.type == type else DEFAULT_CUES[type]
    if token.pos != "NOUN":
        return Candidate(i, cue, "event.model", i)
    head = token.head
    if head is not None and head >= 0 and doc.tokens[head].pos == "VERB" and (
        token.rel in CARRIED_RELS or token.rel.startswith("obl")
    ):
        return Candidate(i, cue, "event.model_light", head)
    return Candidate(i, cue, "event.model_standalone", i)


def fold_embedded(doc: Article, found: list[Candidate]) -> list[Candidate]:
    """Events in the complement of an AGREE/REJECT/THREATEN/REQUEST head are absorbed into it (a REQUEST takes its
    mode from the demanded act). A promise of a hostile act is a threat (`пообещал ввести санкции`), an agreement
    to yield a concession (`согласилась покинуть пост`). An intention denied to a cooperative act is a refusal."""
    found = [refusal(doc, c) or c for c in found]
    by_token = {c.trigger: c for c in found}
    kept = []
    for c in found:
        head = governing_candidate(doc, c, by_token)
        if head is None:
            kept.append(c)
            continue
        if head.cue.type in {"REQUEST", "REJECT"} and head.mode is None:
            head.mode = REQUEST_MODES.get(c.cue.type)
        head.absorbed.append(c)
        if head.cue.threat and c.cue.type in HOSTILE_TYPES:
            head.cue = replace(head.cue, type="THREATEN")
        elif head.cue.type == "AGREE" and c.cue.type in YIELDING_TYPES:
            head.cue = replace(head.cue, type="CONCEDE")
    return kept


def refusal(doc: Article, c: Candidate) -> Candidate | None:
    """`не намерены обсуждать`, `принимать не собираются`: denying the intention to meet, agree or help is a
    refusal (PLOVER REJECT) stated by the word of intention, with the act it refuses absorbed."""
    act = doc.tokens[c.carrier]
    intention = act.head
    if (c.cue.type not in COOPERATIVE_ACTS or act.rel != "xcomp" or intention is None or intention < 1
            or doc.tokens[intention].lemma not in PLANNING):
        return None
    denial = doc.tokens[intention - 1]
    if denial.lemma != "не" or denial.head != intention:
        return None
    cue = Cue("REJECT", REQUEST_MODES.get(c.cue.type), c.cue.recipient)
    return Candidate(intention, cue, REFUSAL, intention, mode=cue.mode, absorbed=[c])


def governing_candidate(doc: Article, c: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    node = c.trigger
    for _ in range(4):
        token = doc.tokens[node]
        if token.head is None or token.head < 0 or token.rel not in EMBED_RELS:
            return None
        node = token.head
        head = by_token.get(node)
        if head is not None:
            return head if head.cue.embeds else None
    return None
