"""PLOVER events from Russian predicates and nominalizations, with participants from the parse.

For each sentence: find triggers (a verb, a noun carried by a light verb such as
`провести переговоры`, or a verb–object pair such as `отвести войска`), fold events that
only fill another's complement into it (`договорились о прекращении огня` is one AGREE;
`призвал провести переговоры` keeps the talks as a hypothetical event), then read
actor and recipient off the parse (event_roles), the modality off negation, tense and
governing verbs, the date off the sentence's date expressions (event_dates) and the
place off `в + LOC`. PLOVER's rules then apply: future cooperation is AGREE, a future
retreat CONCEDE. Each event records the rule that found it in `source`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..doc import Article, Event, Token, Trigger
from .base import BatchStage
from .dates import DateMention, find_dates
from .event_args import ArticleEntities, children, marker
from .event_dates import is_future, pick_dates, resolved
from .event_roles import bare_genitives, is_agent, is_passive, place_of, resolve_all, slot_tokens, subject_tokens
from .plover_lexicon import (
    FUTURE_TYPES, LIGHT_VERBS, MODE_MODIFIERS, NOUNS, OCCURRENCE_VERBS, OWN_ACTS, PAIRS, PLANNED_MODIFIERS,
    PLANNING, POSSIBLE, REQUEST_MODES, VERBAL_TYPES, VERBS, Cue,
)
from .segment import sentence_tokens

PAIR_RELS = {"obj", "nmod", "obl", "nsubj:pass", "iobj", "xcomp"}
CLIMB_RELS = {"xcomp", "csubj", "csubj:pass"}
EMBED_RELS = {"xcomp", "obj", "obl", "nmod", "ccomp", "iobj", "csubj"}
CARRIED_RELS = {"obj", "nsubj:pass", "nsubj", "iobj"}
PREDICATE_RELS = {"root", "conj", "ccomp", "xcomp", "advcl", "parataxis", "csubj"}  # a participle here is a predicate
LIGHT_NOUNS = {"проведение", "введение", "нанесение", "организация", "подготовка", "возобновление", "раунд", "пакет"} | OWN_ACTS
FRAME_NOUNS = {"ход", "итог", "рамка", "время", "результат", "канун"}
HEDGES = {"возможно", "вероятно", "якобы"}


@dataclass
class Candidate:
    trigger: int
    cue: Cue
    rule: str
    carrier: int  # the verb whose subject acts: the trigger itself, or the noun's light verb
    partner: int | None = None
    modality: str | None = None  # forced by an embedding head (`призвал …` → hypothetical)
    mode: str | None = None
    absorbed: list[Candidate] = field(default_factory=list)


class Events(BatchStage):
    name = "events"
    requires = frozenset({"entities", "syntax"})
    provides = frozenset({"events"})

    def annotate(self, doc: Article) -> Article:
        kids = children(doc.tokens)
        people = ArticleEntities(doc, kids)
        events: list[Event] = []
        for ids in sentence_tokens(doc):
            if ids:
                events += sentence_events(doc, kids, people, ids, events)
        return people.updated(doc).with_layer("events", events)


def sentence_events(
    doc: Article, kids: list[list[int]], people: ArticleEntities, ids: list[int], earlier: list[Event]
) -> list[Event]:
    found = [c for i in ids if (c := candidate(doc, kids, i))]
    if not found:
        return []
    pairs = {c.partner for c in found if c.partner is not None}
    carried = {c.carrier for c in found if c.carrier != c.trigger}
    found = [c for c in found if c.trigger not in pairs and (c.trigger not in carried or c.partner is not None)]
    found = [c for c in found if not repeats_earlier(doc, c, earlier)]
    found = fold_embedded(doc, found)
    sentence = doc.sentences[doc.tokens[ids[0]].sentence]
    paths = {c.trigger: clause_path(doc, c) for c in found}
    dates = pick_dates(doc, find_dates(doc.span_text(sentence), sentence.start), paths, ids)
    events: list[Event] = []
    for c in found:
        event = build_event(doc, kids, people, c, paths[c.trigger], dates.get(c.trigger), earlier + events)
        if event:
            events.append(event)
    return events


def repeats_earlier(doc: Article, c: Candidate, earlier: list[Event]) -> bool:
    """`По итогам встречи`, `раскритиковали визит`: a noun naming an event already reported is no new event."""
    if not c.rule.endswith(("_frame", "_embedded")):
        return False
    stem = doc.tokens[c.trigger].lemma[:5]  # `встреча` repeats `встретились`
    return any(event.type == c.cue.type and lemma_at(doc, event.trigger.start)[:5] == stem for event in earlier)


def lemma_at(doc: Article, start: int) -> str:
    return next((t.lemma for t in doc.tokens if t.start == start), "")


def cue_of(doc: Article, kids: list[list[int]], i: int) -> tuple[Cue, str, int | None] | None:
    """The lexicon entry a token triggers: a pair with one of its dependents first, then the word alone."""
    token = doc.tokens[i]
    if token.pos == "VERB" and any(doc.tokens[k].lemma in OWN_ACTS and doc.tokens[k].rel == "obj" for k in kids[i]):
        return None  # `подписал указ`: the decree's content is the event
    for k in kids[i]:
        pair = PAIRS.get((token.lemma, doc.tokens[k].lemma)) or PAIRS.get((token.lemma, "+" + marker(doc, kids, k)))
        if pair and doc.tokens[k].rel in PAIR_RELS:
            return pair, "event.pair", k
    if token.pos in {"VERB", "ADJ"} and token.lemma in VERBS:
        return VERBS[token.lemma], "event.verb", None
    if token.pos in {"NOUN", "PROPN"} and token.lemma in NOUNS:
        return NOUNS[token.lemma], "event.noun", None
    return None


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
        return Candidate(i, cue, rule, i, partner)
    carrier = noun_carrier(doc, kids, i, cue)
    if carrier is None:
        return None
    where, role = carrier
    return Candidate(i, cue, f"{rule}_{role}", where, partner)


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
    if (governor.lemma in LIGHT_VERBS and (token.rel in CARRIED_RELS or about)) or (
        governor.lemma in cue.light and (token.rel in CARRIED_RELS or token.rel.startswith("obl"))
    ):
        return head, "light"
    if token.rel == "nsubj" and governor.lemma in OCCURRENCE_VERBS:
        return head, "occurrence"
    ruling = VERBS.get(governor.lemma) or NOUNS.get(governor.lemma)
    if ruling and (ruling.embeds or ruling.type == "ACCUSE"):
        return i, "embedded"
    if governor.pos == "VERB" and token.rel.startswith("obl") and (framed or is_frame(doc, kids, node)):
        return head, "frame"
    return None


def is_frame(doc: Article, kids: list[list[int]], node: int) -> bool:
    """`на переговорах`, `после встречи`: the noun sets the scene for its verb's subject."""
    where, case = marker(doc, kids, node), doc.tokens[node].feat("Case")
    return (where in {"на", "в"} and case == "Loc") or where in {"после", "перед", "во_время"}


def fold_embedded(doc: Article, found: list[Candidate]) -> list[Candidate]:
    """Events in the complement of an AGREE/REJECT/THREATEN head are absorbed into it; under REQUEST they stay, hypothetical."""
    by_token = {c.trigger: c for c in found}
    kept = []
    for c in found:
        head = governing_candidate(doc, c, by_token)
        if head is None:
            kept.append(c)
            continue
        if head.cue.type in {"REQUEST", "REJECT"} and head.mode is None:
            head.mode = REQUEST_MODES.get(c.cue.type)
        if head.cue.embeds == "hypothetical":
            c.modality = "hypothetical"
            kept.append(c)
        else:
            head.absorbed.append(c)
    return kept


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


def participants(
    doc: Article, kids: list[list[int]], people: ArticleEntities, c: Candidate, previous: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(actor, recipient) entity ids of a candidate, before the host rule."""
    tokens = doc.tokens
    heads = [c.trigger] if c.carrier == c.trigger else [c.trigger, c.carrier]
    if c.partner is not None:
        heads.append(c.partner)
    acts = tokens[c.trigger].pos != "NOUN" or c.rule.endswith(("_light", "_frame"))
    actor_tokens = subject_tokens(doc, kids, c.carrier) if acts else []
    passive = is_passive(doc, kids, c.carrier)
    if passive:
        actor_tokens += [k for h in heads for k in kids[h] if is_agent(doc, kids, k) and k not in actor_tokens]
    recipient_tokens = [k for h in heads for k in slot_tokens(doc, kids, h, c.cue.recipient) if k != c.trigger]
    if passive:
        recipient_tokens += [k for k in kids[c.carrier] if tokens[k].rel == "nsubj:pass" and k != c.trigger]
    if c.cue.genitive == "actor" and not actor_tokens and tokens[c.trigger].pos == "NOUN":
        actor_tokens = bare_genitives(doc, kids, c.trigger)
    elif c.cue.genitive == "recipient":
        recipient_tokens += [k for h in heads if tokens[h].pos == "NOUN" for k in bare_genitives(doc, kids, h)]
    if c.cue.mutual:
        actor_tokens += [k for h in heads for k in kids[h] if marker(doc, kids, k) in {"с", "между"}]
    actor = resolve_all(people, kids, doc, actor_tokens, previous)
    if not actor and tokens[c.trigger].pos == "NOUN":  # `российско-американские переговоры`, `российский удар`
        actor = tuple(e for k in kids[c.trigger] if tokens[k].rel == "amod" for e in people.adjective_states(k))
    recipient = resolve_all(people, kids, doc, recipient_tokens, previous)
    for inner in c.absorbed if not recipient else ():
        inner_actor, inner_recipient = participants(doc, kids, people, inner, previous)
        recipient = inner_recipient or (inner_actor if inner.cue.mutual else ())
    return actor, tuple(e for e in recipient if e not in actor)


GUEST_BODIES = {"делегация", "миссия", "группа", "команда"}  # grammatically things, but received as guests


def received_a_thing(doc: Article, kids: list[list[int]], verb: int) -> bool:
    """`принять резолюцию по сектору Газа`: the object is a thing, whoever its phrase names."""
    return any(
        doc.tokens[k].rel == "obj" and doc.tokens[k].pos == "NOUN" and doc.tokens[k].feat("Animacy") == "Inan"
        and doc.tokens[k].lemma not in GUEST_BODIES
        for k in kids[verb]
    )


def has_owner(doc: Article, kids: list[list[int]], trigger: int) -> bool:
    """A meeting noun with a genitive of its own (`саммит «двадцатки»`, `встреча министров`) is someone's:
    not the parties of the event before."""
    return any(doc.tokens[k].rel == "nmod" and doc.tokens[k].feat("Case") == "Gen" for k in kids[trigger])


def parties_before(earlier: list[Event]) -> tuple[str, ...]:
    """Who `стороны`/`лидеры` refers to: the last event with several actors, else the last event's
    parties if there are several."""
    several = [e for e in earlier if len(e.actor) > 1]
    if several:
        return several[-1].actor
    parties = (earlier[-1].actor + earlier[-1].recipient) if earlier else ()
    return parties if len(set(parties)) > 1 else ()  # `стороны` are never one party


def build_event(
    doc: Article, kids: list[list[int]], people: ArticleEntities, c: Candidate, path: list[int],
    date: tuple[DateMention, str | None] | None, earlier: list[Event],
) -> Event | None:
    """The event of one trigger with its participants, modality, date and place."""
    previous = parties_before(earlier)
    actor, recipient = participants(doc, kids, people, c, previous)
    if c.cue.mutual and not actor and len(previous) > 1 and not has_owner(doc, kids, c.trigger):
        actor = previous  # `Следующую встречу планируется провести в июле`; not `Следующий саммит «двадцатки»`
    if c.cue.host:  # `Путин принял Лукашенко`: only a received guest makes a visit (not `принял закон`)
        if not recipient or is_passive(doc, kids, c.carrier) or received_a_thing(doc, kids, c.carrier):
            return None
        actor, recipient = recipient, actor
    modality, tense = modality_of(doc, kids, c, path)
    heads = [c.trigger, c.carrier] + [a.trigger for a in c.absorbed]
    event = Event(
        type=c.cue.type, trigger=Trigger(doc.tokens[c.trigger].start, doc.tokens[c.trigger].end), actor=actor,
        recipient=recipient, mode=c.mode or c.cue.mode, modality=modality, source=c.rule,
        place=place_of(doc, kids, people, heads, c.cue),
    )
    if date is not None:
        expression, date_tense = date
        when = resolved(doc, expression, date_tense, tense)
        event = replace(
            event, date=when.date, date_precision=when.precision, date_text=doc.text[expression.start : expression.end]
        )
        if modality == "asserted" and event.type not in VERBAL_TYPES and is_future(doc, when):
            event = replace(event, modality="planned")
    return plover_rules(doc, kids, c, event)


def plover_rules(doc: Article, kids: list[list[int]], c: Candidate, event: Event) -> Event:
    """Mode cues from modifiers (`телефонный разговор` → phone), joint exercises, future cooperation → AGREE."""
    modifiers = {doc.tokens[k].lemma for h in (c.trigger, c.carrier) for k in kids[h]}
    modifiers |= {doc.tokens[g].lemma for k in kids[c.trigger] for g in kids[k] if doc.tokens[k].lemma == "телефон"}
    for lemma, mode in MODE_MODIFIERS.get(event.type, {}).items():
        if lemma in modifiers:
            event = replace(event, mode=mode)
            break
    if event.type == "MOBILIZE" and "совместный" in modifiers:
        event = replace(event, type="COOPERATE", mode=None, source=event.source + "+plover.joint")
    if event.modality == "planned" and event.type in FUTURE_TYPES:
        event = replace(event, type=FUTURE_TYPES[event.type], mode=None, source=event.source + "+plover.future")
    return event
