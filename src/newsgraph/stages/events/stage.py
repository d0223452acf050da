"""PLOVER events from Russian predicates and nominalizations, with participants from the parse.

The parse is read as a tree (head loops cut, tree.py). For each sentence: find triggers (a verb, a noun carried by a light verb such as
`провести переговоры`, or a verb–object pair such as `отвести войска`), fold events that
only fill another's complement into it (`договорились о прекращении огня` is one AGREE;
`призвал провести переговоры` keeps the talks as a hypothetical event), then read
actor and recipient off the parse (slots, participants), the modality off negation, tense and
governing verbs, the date off the sentence's date expressions (event_dates) and the
place off `в + LOC`. PLOVER's rules then apply: future cooperation is AGREE, a future
retreat CONCEDE. Restatements of an event in later sentences fold into its record
(restatements.py). Each event records the rule that found it in `source`.
"""

from __future__ import annotations

from dataclasses import replace

from ...doc import Article, Event, Trigger
from ..base import BatchStage
from ..dates import DateMention
from ..segment import paragraph_break, sentence_tokens
from ..teasers import in_teaser, teasers
from .dates import carried_date, is_future, pick_dates, resolved, sentence_dates
from .lexicon import (
    COOPERATIVE_TYPES, FUTURE_TYPES, HOSTILE_TYPES, LIGHT_VERBS, MODE_MODIFIERS, NOUNS, TARGETED_TYPES, THREATENED_TYPES, VERBAL_TYPES,
)
from .modality import NECESSITY, OBLIGATION, clause_path, modality_of, reported, tense_feat, tense_of, under_condition
from .implied import IMPLIED_ACTORS, implied_actor, implied_enforcer
from .participant_words import COURT_ACTS, ENFORCEMENT_ACTS, GUEST_BODIES, POINTERS, STAND_INS, marker
from .participants import ArticleEntities, children
from .slots import (
    adjacent_dative, adjacent_partner, bare_genitives, carrying_participles, complement_partners, datives, embedded_datives, event_doers, is_agent,
    is_passive, located_bodies, place_of, requested_doers, resolve_all, shared_objects, slot_tokens, subject_tokens, undergoer_elsewhere,
)
from .restatements import merge_restatements
from .tree import as_tree
from .model import TriggerModel, trigger_model
from .triggers import Candidate, fold_embedded, lemma_at, lexicon_candidates, model_candidates, repeats_earlier


HOSTILE_SLOTS = ("против", "в_адрес")  # the target of a TARGETED_TYPES act


class Events(BatchStage):
    name = "events"
    requires = frozenset({"entities", "syntax"})
    provides = frozenset({"events"})

    def __init__(self, model: TriggerModel | None = None, lexicon_only: bool = False):
        """`model` defaults to the committed trigger classifier; `lexicon_only` reads the lexicon alone."""
        self.model = None if lexicon_only else model or trigger_model()

    def annotate(self, doc: Article) -> Article:
        tree = as_tree(doc)
        kids = children(tree.tokens)
        people = ArticleEntities(tree, kids)
        events: list[Event] = []
        other_stories = teasers(doc.text)  # `Также по теме`: another article's headline
        for ids in sentence_tokens(tree):
            if ids and not in_teaser(other_stories, tree.tokens[ids[0]].start):
                events += sentence_events(tree, kids, people, ids, events, self.model)
        return people.updated(doc).with_layer("events", merge_restatements(tree, events))


def sentence_events(
    doc: Article, kids: list[list[int]], people: ArticleEntities, ids: list[int], earlier: list[Event],
    model: TriggerModel | None = None,
) -> list[Event]:
    found = lexicon_candidates(doc, kids, ids)
    if model is not None:
        found = model_candidates(doc, kids, ids, found, model)
    if not found:
        return []
    pairs = {c.partner for c in found if c.partner is not None}
    # a verb carrying a nominal trigger states it (`ввела санкции`); one a noun only frames (`избит после задержания`) is its own
    carried = {c.carrier for c in found if c.carrier != c.trigger and not c.rule.endswith("_frame")}
    found = [c for c in found if c.trigger not in pairs and (c.trigger not in carried or c.partner is not None)]
    found = [c for c in found if not repeats_earlier(doc, c, earlier)]
    found = fold_embedded(doc, found)
    sentence = doc.sentences[doc.tokens[ids[0]].sentence]
    paths = {c.trigger: clause_path(doc, c) for c in found}
    # a demanded act keeps its date from the demand (`призвала выйти на акцию в воскресенье`: the Sunday is the rally's)
    demanded = {a.trigger: clause_path(doc, a) for c in found if c.cue.type == "REQUEST" for a in c.absorbed}
    dates = pick_dates(doc, sentence_dates(doc, sentence.start, sentence.end), paths | demanded, ids)
    events: list[Event] = []
    for c in found:
        event = build_event(doc, kids, people, c, paths[c.trigger], dates.get(c.trigger), earlier + events)
        if event:
            events.append(carried_date(doc, event, earlier))
    return events


def participants(
    doc: Article, kids: list[list[int]], people: ArticleEntities, c: Candidate, previous: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(actor, recipient) entity ids of a candidate, before the host rule."""
    tokens = doc.tokens
    heads = [c.trigger] if c.carrier == c.trigger else [c.trigger, c.carrier]
    if c.partner is not None:
        heads.append(c.partner)
    carriers = LIGHT_VERBS | set(c.cue.light)
    participles = carrying_participles(doc, kids, c.trigger, carriers) if tokens[c.trigger].pos == "NOUN" else []
    heads += participles
    # a hostile noun framing a clause is not done by its subject (`погибли в результате обстрела`)
    # nor is a noun that names its own kind of actor (`восстановление биржи после терактов` is no attack by the clause's subject)
    framed = c.rule.endswith("_frame") and c.cue.genitive != "recipient" and tokens[c.trigger].lemma not in IMPLIED_ACTORS
    acts = tokens[c.trigger].pos != "NOUN" or c.rule.endswith("_light") or framed
    actor_tokens = subject_tokens(doc, kids, c.carrier) if acts else []
    passive = is_passive(doc, kids, c.carrier)
    if passive:
        actor_tokens += [k for h in heads for k in kids[h] if is_agent(doc, kids, k) and k not in actor_tokens]
        actor_tokens = actor_tokens or located_bodies(doc, kids, people, c.carrier)
    slots = c.cue.recipient + HOSTILE_SLOTS if c.cue.type in TARGETED_TYPES else c.cue.recipient
    recipient_tokens = [k for h in heads for k in slot_tokens(doc, kids, h, slots) if k != c.trigger]
    if passive:
        recipient_tokens += [k for k in kids[c.carrier] if tokens[k].rel == "nsubj:pass" and k != c.trigger]
        recipient_tokens = recipient_tokens or undergoer_elsewhere(doc, kids, c.carrier)
    if not recipient_tokens and "obj" in c.cue.recipient:
        recipient_tokens = shared_objects(doc, kids, c.carrier)
    if not recipient_tokens and not c.cue.mutual:
        recipient_tokens = datives(doc, kids, c.carrier)
    if not recipient_tokens and "Dat" in c.cue.recipient:
        recipient_tokens = adjacent_dative(doc, kids, c.trigger)
    if not recipient_tokens and c.cue.type == "REQUEST":
        recipient_tokens = requested_doers(doc, kids, c.carrier)
    if not recipient_tokens and c.cue.embeds:  # `потребовал отправить Флинна в отставку`: whom the demanded act concerns
        recipient_tokens = [o for k in kids[c.carrier] if tokens[k].rel == "xcomp" for o in kids[k] if tokens[o].rel == "obj"]
    own = bare_genitives(doc, kids, c.trigger) if tokens[c.trigger].pos == "NOUN" else []
    agents = [k for p in participles for k in kids[p] if is_agent(doc, kids, k)]
    if agents:  # named as the event's own agent: not the subject of the clause it frames
        actor_tokens, own = agents, []
    # `провел встречу`: the light verb's subject acts; not a verb the noun only frames (`после переговоров … заявили`)
    light = c.rule.endswith("_light") and tokens[c.carrier].lemma in carriers
    if c.cue.genitive == "actor" and own and not (light and actor_tokens):  # `после переговоров Лаврова`, `отразили нападение группы`
        actor_tokens = own if resolve_all(people, kids, doc, own, previous) else actor_tokens
    elif c.cue.genitive == "recipient":
        recipient_tokens += [k for h in heads if tokens[h].pos == "NOUN" for k in bare_genitives(doc, kids, h)]
    if c.cue.mutual:
        partners = [k for h in heads for k in kids[h] if marker(doc, kids, k) == "с"] or adjacent_partner(doc, kids, c.trigger)
        actor_tokens += [k for h in heads for k in kids[h] if marker(doc, kids, k) == "между"]
        # `Путин встретился с Макроном`: annotators code the partner as recipient; with no one else acting it acts
        (recipient_tokens if actor_tokens else actor_tokens).extend(partners)
    actor = resolve_all(people, kids, doc, actor_tokens, previous)
    if not actor and tokens[c.trigger].pos == "NOUN":  # `российско-американские переговоры`, `российский удар`
        actor = tuple(e for k in kids[c.trigger] if tokens[k].rel == "amod" for e in people.adjective_states(k))
    if not actor and not actor_tokens and tokens[c.trigger].lemma in ENFORCEMENT_ACTS | COURT_ACTS:  # not for an unresolved `она`
        actor = implied_enforcer(people, c.trigger)
    if not actor:  # `теракт на Дубровке`: the terrorists
        actor = implied_actor(people, c.trigger)
    if not actor and not actor_tokens and c.cue.type in VERBAL_TYPES and not c.cue.mutual:
        actor = people.speaker_around(c.trigger)  # `«Это явная угроза», — заявил X`: X accuses (not `компромисс не найден`)
    recipient_tokens = [g for k in recipient_tokens for g in (event_doers(doc, kids, k) or [k])]
    recipient = resolve_all(people, kids, doc, recipient_tokens, previous)
    if not recipient and c.cue.embeds:
        recipient = resolve_all(people, kids, doc, embedded_datives(doc, kids, c.carrier), previous)
    for inner in c.absorbed if not recipient else ():
        inner_actor, inner_recipient = participants(doc, kids, people, inner, previous)
        recipient = inner_recipient or (inner_actor if inner.cue.mutual else ())
    if not recipient and c.cue.type in COOPERATIVE_TYPES:
        recipient = resolve_all(people, kids, doc, [k for h in heads for k in complement_partners(doc, kids, h)], previous)
    if c.cue.mutual and own and actor_tokens == own and len(actor) > 1 and not recipient:
        actor, recipient = actor[:1], actor[1:]  # `встреча Путина и Си`: the first named meets the other (a subject pair co-acts)
    return actor, tuple(e for e in recipient if e not in actor)


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


def parties_before(doc: Article, earlier: list[Event], within: int | None = None) -> tuple[str, ...]:
    """Who `стороны`/`лидеры` refers to: the parties (actors and recipients) of the last event with several;
    with `within` (an offset), only in that offset's paragraph."""
    for event in reversed(earlier):
        if within is not None and paragraph_break(doc.text, event.trigger.end, within):
            break
        parties = tuple(dict.fromkeys(event.actor + event.recipient))
        if len(parties) > 1:
            return parties
    return ()  # `стороны` are never one party


def unattributed_topic(doc: Article, c: Candidate) -> bool:
    """An act not done (planned, possible, negated) by anyone named is a topic: `решение должно быть одобрено`,
    `эти люди не согласятся`, `кто будет играть главную роль в штурме`. Not a meeting or other cooperation ahead
    (`Следующую встречу планируется провести`: PLOVER codes it, the parties come later), nor an infinitive
    (`странам необходимо сотрудничать`: its doer sits on the governor)."""
    token = doc.tokens[c.trigger]
    if token.pos == "NOUN":
        return c.cue.type not in FUTURE_TYPES
    return token.feat("VerbForm") in {"Fin", "Part"}


def only_a_duty(doc: Article, c: Candidate, path: list[int]) -> bool:
    """`этот курс необходимо поддержать`, `нас должны были предупредить`, `придётся извиниться`: an act someone needs or
    is obliged to do is a topic, not a reported event. A meeting someone is due to hold (`должны встретиться в пятницу`)
    is planned, and a past `пришлось признать` says the act was done."""
    if c.cue.mutual:
        return False
    duties = [doc.tokens[p] for p in path[1:] if doc.tokens[p].lemma in NECESSITY | OBLIGATION]
    return any(not (t.lemma == "прийтись" and tense_feat(doc, t) == "Past") for t in duties)


def states_a_purpose(doc: Article, kids: list[list[int]], c: Candidate) -> bool:
    """`закон призван защитить права`, `реформа, которая была призвана снизить расходы`: a thing `called` to do
    something is made for it, and no one is urged; `жители были призваны сохранять спокойствие` is a request."""
    token = doc.tokens[c.trigger]
    passive = token.feat("Variant") == "Short" or (token.feat("VerbForm") == "Part" and token.feat("Voice") == "Pass")
    if c.cue.type != "REQUEST" or not passive:
        return False
    deps = [doc.tokens[k] for k in kids[c.trigger]]
    return (any(d.rel == "xcomp" and d.feat("VerbForm") == "Inf" for d in deps)
            and not any(d.rel in {"nsubj", "nsubj:pass"} and d.feat("Animacy") == "Anim" for d in deps))


def unaddressed_promise(doc: Article, kids: list[list[int]], c: Candidate, recipient: tuple[str, ...]) -> bool:
    """`пообещал выпустить вторую часть расследования`: a promise made to no one named, with no clause saying what
    will hold, is an intention (PLOVER AGREE needs a party it is made to); a promised threat stays a THREATEN."""
    return (c.cue.addressed and c.cue.type == "AGREE" and not recipient
            and not any(doc.tokens[k].rel == "ccomp" for k in kids[c.trigger]))


def unowned_plural_subject(doc: Article, kids: list[list[int]], verb: int) -> bool:
    """`Министры намерены обсудить`: people in the plural, of no one body named, are several parties."""
    tokens = doc.tokens
    node = verb
    while tokens[node].rel in {"xcomp", "conj"} and tokens[node].head not in (None, -1):
        node = tokens[node].head  # the subject sits on `намерены`
    return any(tokens[s].rel == "nsubj" and tokens[s].pos == "NOUN" and tokens[s].feat("Number") == "Plur"
               and not any(tokens[n].rel == "nmod" for n in kids[s]) for s in kids[node])


def doers_pointed_back(doc: Article, kids: list[list[int]], c: Candidate, earlier: list[Event]) -> tuple[str, ...]:
    """`Израиль и США отвергают подобный шаг`, `эти требования греки отвергли`: an object that points back
    (a demonstrative on a stand-in or event noun, no owner named) concerns whoever did the event it points to,
    the last one of that noun, else the last one in the paragraph."""
    tokens = doc.tokens
    for k in kids[c.carrier] + kids[c.trigger]:
        if tokens[k].rel not in {"obj", "nsubj:pass"} or tokens[k].pos != "NOUN" or bare_genitives(doc, kids, k):
            continue
        if tokens[k].lemma not in STAND_INS and tokens[k].lemma not in NOUNS:
            continue
        if not any(tokens[d].lemma in POINTERS and tokens[d].rel in {"det", "amod"} for d in kids[k]):
            continue
        same = [e for e in earlier if lemma_at(doc, e.trigger.start) == tokens[k].lemma and e.actor]
        near = [e for e in earlier if e.actor and not paragraph_break(doc.text, e.trigger.end, tokens[k].start)]
        return (same or near)[-1].actor if same or near else ()
    return ()


def build_event(
    doc: Article, kids: list[list[int]], people: ArticleEntities, c: Candidate, path: list[int],
    date: tuple[DateMention, str | None] | None, earlier: list[Event],
) -> Event | None:
    """The event of one trigger with its participants, modality, date and place."""
    actor, recipient = participants(doc, kids, people, c, parties_before(doc, earlier))  # `стороны` ties the text
    if not recipient:
        recipient = tuple(e for e in doers_pointed_back(doc, kids, c, earlier) if e not in actor)
    nearby = parties_before(doc, earlier, within=doc.tokens[c.trigger].start)  # nothing ties it: this paragraph only
    if c.cue.mutual and not actor and len(nearby) > 1 and not has_owner(doc, kids, c.trigger):
        actor = nearby  # `Следующую встречу планируется провести в июле`; not `Следующий саммит «двадцатки»`
    if c.cue.host:  # `Путин принял Лукашенко`: only a received guest makes a visit (not `принял закон`)
        if not recipient or is_passive(doc, kids, c.carrier) or received_a_thing(doc, kids, c.carrier):
            return None
        actor, recipient = recipient, actor
    if not reported(doc, kids, c) or unaddressed_promise(doc, kids, c, recipient) or (c.cue.doer and not actor):
        return None
    if only_a_duty(doc, c, path) or states_a_purpose(doc, kids, c):
        return None
    if c.cue.partnered and len(actor) + len(recipient) < 2 and not unowned_plural_subject(doc, kids, c.carrier):
        return None  # one body debating within itself (`менеджеры НАСА обсуждают`); `министры намерены обсудить` stays
    modality, tense = modality_of(doc, kids, c, path)
    threat = c.cue.type in HOSTILE_TYPES and under_condition(doc, kids, path)
    if modality != "asserted" and not actor and not threat and unattributed_topic(doc, c):
        return None
    heads = [c.trigger, c.carrier] + [a.trigger for a in c.absorbed]
    event = Event(
        type=c.cue.type, trigger=Trigger(doc.tokens[c.trigger].start, doc.tokens[c.trigger].end), actor=actor,
        recipient=recipient, mode=c.mode or c.cue.mode, modality=modality, source=c.rule,
        place=place_of(doc, kids, people, heads, c.cue),
    )
    if threat:
        # PLOVER: a hostile act announced on a condition (`если …, будут введены санкции`) is a threat, and the threat is made
        event = replace(event, type="THREATEN", mode=None, modality="asserted", source=event.source + "+plover.conditional")
    if date is not None:
        expression, date_tense = date
        when = resolved(doc, expression, date_tense, tense)
        event = replace(
            event, date=when.date, date_precision=when.precision, date_text=doc.text[expression.start : expression.end]
        )
        if modality == "asserted" and event.type not in VERBAL_TYPES and is_future(doc, when):
            event = replace(event, modality="planned")
    return plover_rules(doc, kids, c, event)


def announced(doc: Article, kids: list[list[int]], verb: int) -> bool:
    """The act's own verb is in the future tense (`наложит вето`, `будут приняты санкции`): a declaration, where a
    plan (`планирует ввести санкции`) stays the act planned."""
    return tense_of(doc, doc.tokens[verb], [doc.tokens[k] for k in kids[verb]]) == "future"


def plover_rules(doc: Article, kids: list[list[int]], c: Candidate, event: Event) -> Event:
    """Mode cues from modifiers (`телефонный разговор` → phone), joint exercises, future cooperation → AGREE,
    a hostile act or rejection announced in the future tense → THREATEN."""
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
    elif event.type in THREATENED_TYPES and event.modality == "planned" and announced(doc, kids, c.carrier):
        # the threat is made as reported; only what it threatens lies ahead
        event = replace(event, type="THREATEN", mode=None, modality="asserted", source=event.source + "+plover.threat")
    return event
