"""Which date expression of a sentence dates which event.

A date belongs to the event whose clause it hangs on in the parse (`в четверг провели
переговоры`), including the speech verb above a reported act (`30 декабря заявил, что
не поддержит`). A verb sharing a clause with a dated one (`во вторник прибыл в Москву и
встретился`) shares its date. A date no clause claims goes to the nearest event. A date
is read in the tense of the verb it hangs on, so `30 декабря заявил` is the last 30
December even when the reported act is in the future. A date on a verb that is no event
passes down to the events of the clauses under it (`написал письмо, в котором раскритиковал`).
Events with no date expression in their sentence stay undated: we never fall back to the publication date.
"""

from __future__ import annotations

import datetime as dt

from ...doc import Article
from ..dates import DateMention, ResolvedDate, Tense, resolve

SHARE_RELS = {"conj", "acl:relcl", "advcl", "acl"}
SPEECH_RELS = {"ccomp", "parataxis"}
TENSES = {"Past": "past", "Pres": "present", "Fut": "future"}


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
    if top.rel not in SHARE_RELS or top.head is None or top.head < 0:
        return None
    above = {top.head, doc.tokens[top.head].head}  # a relative clause hangs on a noun of the dated clause
    for other, other_path in paths.items():
        if other in picked and above & set(other_path):
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


def verb_tense(doc: Article, verb: int | None) -> Tense:
    return TENSES.get(doc.tokens[verb].feat("Tense") or "") if verb is not None else None


def resolved(doc: Article, date: DateMention, date_tense: Tense, event_tense: Tense) -> ResolvedDate:
    return resolve(date, doc.published, date_tense or event_tense)


def is_future(doc: Article, when: ResolvedDate) -> bool:
    """A resolved date after publication (`объявили забастовку на следующей неделе`)."""
    if doc.published is None or when.date is None:
        return False
    return dt.date.fromisoformat(when.date) > doc.published
