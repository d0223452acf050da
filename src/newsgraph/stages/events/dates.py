"""Which date expression of a sentence dates which event.

A date belongs to the event whose clause it hangs on in the parse (`в четверг провели
переговоры`), including the speech verb above a reported act (`30 декабря заявил, что
не поддержит`). A verb sharing a clause with a dated one (`во вторник прибыл в Москву и
встретился`) shares its date. A date no clause claims goes to the nearest event. A date
is read in the tense of the verb it hangs on, so `30 декабря заявил` is the last 30
December even when the reported act is in the future. A date on a verb that is no event
passes down to the events of the clauses under it (`написал письмо, в котором раскритиковал`).
An event whose sentence has no date takes the date of an event its actor did in the sentence
just before, in the same paragraph, when its sentence points back to that one (`29 апреля написал
письмо, в котором обвинил … В своём письме он также призвал …`); otherwise it stays undated: we
never fall back to the publication date.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import replace

from ...doc import Article, Event
from ..dates import DateMention, ResolvedDate, Tense, resolve
from ..segment import paragraph_break

SHARE_RELS = {"conj", "acl:relcl", "advcl", "acl"}
SPEECH_RELS = {"ccomp", "parataxis"}
TENSES = {"Past": "past", "Pres": "present", "Fut": "future"}
BACK_POINTERS = frozenset({"свой", "этот", "тот", "данный"})  # `в своём письме`, `на этой встрече`


def date_head(doc: Article, date: DateMention, ids: list[int]) -> int | None:
    inside = [i for i in ids if doc.tokens[i].start >= date.start and doc.tokens[i].end <= date.end]
    heads = [i for i in inside if doc.tokens[i].head not in inside]
    return heads[0] if heads else None


def owner(doc: Article, date: DateMention, paths: dict[int, list[int]], ids: list[int]) -> tuple[int | None, int | None]:
    """(the event trigger the date hangs on or None, the verb it hangs on or None)."""
    node, verb = date_head(doc, date, ids), None
    for _ in range(4):
        if node is None or node < 0:
            break
        if verb is None and doc.tokens[node].pos in {"VERB", "AUX"} and node != date_head(doc, date, ids):
            verb = node
        for trigger, path in paths.items():
            if node in path:
                return trigger, verb
        node = doc.tokens[node].head
    return None, verb


def date_paths(doc: Article, paths: dict[int, list[int]]) -> dict[int, list[int]]:
    """Each event's clause plus the speech verb that reports it."""
    extended = {}
    for trigger, path in paths.items():
        top = doc.tokens[path[-1]]
        speech = [top.head] if top.rel in SPEECH_RELS and top.head is not None and top.head >= 0 else []
        extended[trigger] = path + speech
    return extended


def pick_dates(
    doc: Article, dates: list[DateMention], paths: dict[int, list[int]], ids: list[int]
) -> dict[int, tuple[DateMention, Tense]]:
    """For each event trigger, its date expression and the tense to read it in."""
    extended = date_paths(doc, paths)
    owners = {d: owner(doc, d, extended, ids) for d in dates}
    picked: dict[int, tuple[DateMention, Tense]] = {}
    for d, (trigger, verb) in owners.items():
        if trigger is not None and trigger not in picked:
            picked[trigger] = (d, verb_tense(doc, verb))
    for trigger, path in paths.items():
        if trigger in picked:
            continue
        shared = sharing(doc, trigger, path, paths, picked) or from_verb_above(doc, path, owners)
        if shared:
            picked[trigger] = shared
            continue
        free = [d for d, (t, verb) in owners.items() if t is None and verb is None]
        where = doc.tokens[trigger].start
        nearest = min(free, key=lambda d: abs(d.start - where), default=None)
        if nearest:
            picked[trigger] = (nearest, None)
    return picked


def sharing(
    doc: Article, trigger: int, path: list[int], paths: dict[int, list[int]], picked: dict
) -> tuple[DateMention, Tense] | None:
    """The date of the clause this one is coordinated with or attached to."""
    top = doc.tokens[path[-1]]
    conjuncts = {k for k in dependents(doc, path[-1]) if doc.tokens[k].rel == "conj"}
    above = set()
    if top.rel in SHARE_RELS and top.head is not None and top.head >= 0:
        above = {top.head, doc.tokens[top.head].head}  # a relative clause hangs on a noun of the dated clause
    for other, other_path in paths.items():
        if other in picked and (above | conjuncts) & set(other_path):  # `похитил и убил её в июне`: both in June
            return picked[other]
    return None


def from_verb_above(
    doc: Article, path: list[int], owners: dict[DateMention, tuple[int | None, int | None]]
) -> tuple[DateMention, Tense] | None:
    """The date of a verb that is no event but whose clause holds this one (`29 апреля написал
    письмо, в котором раскритиковал …` dates the criticism); a date on the main verb frames
    the whole sentence even where the parse loses the path to it."""
    dated_verbs = {verb: d for d, (trigger, verb) in owners.items() if trigger is None and verb is not None}
    node = path[-1]
    for _ in range(4):
        token = doc.tokens[node]
        if token.head is None or token.head < 0:
            break
        node = token.head
        if node in dated_verbs:
            return dated_verbs[node], verb_tense(doc, node)
    main = [verb for verb in dated_verbs if doc.tokens[verb].rel == "root"]
    return (dated_verbs[main[0]], verb_tense(doc, main[0])) if len(main) == 1 else None


def dependents(doc: Article, head: int) -> list[int]:
    """The tokens whose head is `head`, looked up within its sentence only."""
    tokens, sentence = doc.tokens, doc.tokens[head].sentence
    found = []
    for step in (-1, 1):
        k = head + step
        while 0 <= k < len(tokens) and tokens[k].sentence == sentence:
            if tokens[k].head == head:
                found.append(k)
            k += step
    return found


def verb_tense(doc: Article, verb: int | None) -> Tense:
    """The tense of the verb a date hangs on; an infinitive takes the past of a modal's auxiliary above
    it (`в понедельник должен был обсуждаться` is the Monday past), never the tense of a full verb
    above it (`планирует ввести в марте`, `призвал выйти в воскресенье` look ahead)."""
    for depth in range(3):
        if verb is None or verb < 0:
            return None
        token = doc.tokens[verb]
        aux = [doc.tokens[k] for k in dependents(doc, verb) if doc.tokens[k].rel in {"aux", "aux:pass", "cop"} and doc.tokens[k].feat("Tense")]
        if depth == 0 and token.feat("Tense"):
            return TENSES.get(token.feat("Tense"))
        if aux:
            tense = TENSES.get(aux[0].feat("Tense") or "")
            return tense if depth == 0 or tense == "past" else None
        if token.feat("Tense"):
            return None
        verb = token.head if token.rel in {"xcomp", "csubj", "csubj:pass"} else None
    return None


def resolved(doc: Article, date: DateMention, date_tense: Tense, event_tense: Tense) -> ResolvedDate:
    return resolve(date, doc.published, date_tense or event_tense)


def is_future(doc: Article, when: ResolvedDate) -> bool:
    """A resolved date after publication (`объявили забастовку на следующей неделе`)."""
    if doc.published is None or when.date is None:
        return False
    return dt.date.fromisoformat(when.date) > doc.published


def sentence_of(doc: Article, offset: int) -> int:
    return bisect_right([s.start for s in doc.sentences], offset) - 1


def points_back(doc: Article, here: int, there: int) -> bool:
    """The sentence `here` refers to the one `there` by a possessive or demonstrative on a noun it
    repeats (`в своём письме` after `написал письмо`), or by `тогда`."""
    tokens = [t for t in doc.tokens if t.sentence == here]
    before = {t.lemma for t in doc.tokens if t.sentence == there and t.pos == "NOUN"}
    for t in tokens:
        if t.lemma == "тогда":
            return True
        head = doc.tokens[t.head] if t.head is not None and t.head >= 0 else None
        if t.lemma in BACK_POINTERS and head is not None and head.pos == "NOUN" and head.lemma in before:
            return True
    return False


def carried_date(doc: Article, event: Event, earlier: list[Event]) -> Event:
    """An undated event takes the date of its actor's dated event in the sentence just before, in its
    paragraph, when its sentence points back to that one."""
    if event.date_text or not event.actor:
        return event
    here = sentence_of(doc, event.trigger.start)
    for before in reversed(earlier):
        there = sentence_of(doc, before.trigger.start)
        if there < here - 1:
            break
        if (there == here - 1 and before.date and set(before.actor) & set(event.actor)
                and not paragraph_break(doc.text, before.trigger.end, event.trigger.start)
                and points_back(doc, here, there)):
            return replace(event, date=before.date, date_text=before.date_text, date_precision=before.date_precision)
    return event

