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

A date written as an adjective (`вчерашняя встреча`, `апрельский митинг`) dates only the noun it
modifies, never the verb above (`выполнить майские указы` is not done in May). A weekday with
its date in apposition (`в понедельник, 16 мая 2011 года`) is one expression, and a range is its first day. A date that points
back (`тогда же`, `в тот же день`, a sentence opening with `Тогда`) is the date last written
before it, within the paragraph or the one before.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace

from ...doc import Article, Event
from ..dates import DateMention, ResolvedDate, Tense, find_dates, resolve
from ..segment import paragraph_break
from .modality import tense_feat

SHARE_RELS = {"conj", "acl:relcl", "advcl", "acl"}
SPEECH_RELS = {"ccomp", "parataxis"}
TENSES = {"Past": "past", "Pres": "present", "Fut": "future"}
BACK_POINTERS = frozenset({"свой", "этот", "тот", "данный"})  # `в своём письме`, `на этой встрече`
ADJECTIVE_RULES = frozenset({"date.day_adjective", "date.weekday_adjective", "date.month_adjective"})
VAGUE_TIME = re.compile(
    r"(?<!\w)(?:на\s+днях|недавно|ранее|позднее|позже|впоследствии|затем|потом|в\s+ближайшее\s+время|в\s+последнее\s+время"
    r"|сейчас|теперь|спустя)(?!\w)",
    re.IGNORECASE,
)
ELABORATION = re.compile(r"\W*(?:так\s*,|в\s+ответ\b|в\s+частности\b)", re.IGNORECASE)
RANGE_START = re.compile(r"(?<![\w.-])(?:с\s+)?(?P<day>[12]?\d|3[01])\s*(?:-|–|—|и|по)\s*$", re.IGNORECASE)
APPOSITION = re.compile(r"\s*,\s*")
ANAPHORS = re.compile(  # `тогда` points back only opening a sentence: `если …, тогда` and `тогда как` do not
    r"(?<![\w-])(?P<same>тогда\s+же|(?:в|на)\s+(?:тот|этот)\s+(?:же\s+)?день)(?!\w)"
    r"|^[«\"„(]?\s*(?:и\s+)?(?P<then>тогда)(?!\w)(?!\s+как\b)",
    re.IGNORECASE,
)


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


def sentence_dates(doc: Article, start: int, end: int) -> list[DateMention]:
    """The date expressions of the sentence `doc.text[start:end]`, appositions joined and back-pointers
    replaced by the date they point to."""
    dates = joined_appositions(doc.text, [range_start(doc.text, d) for d in find_dates(doc.text[start:end], start)])
    return sorted(dates + anaphoric_dates(doc, start, end, dates), key=lambda d: d.start)


def range_start(text: str, date: DateMention) -> DateMention:
    """`3-4 декабря`, `20 и 21 января`, `с 13 по 14 апреля`: the first day (ANNOTATION.md), the whole range as its text."""
    before = RANGE_START.search(text, max(0, date.start - 12), date.start) if date.day and not date.unit else None
    return replace(date, start=before.start(), day=int(before["day"])) if before else date


def joined_appositions(text: str, dates: list[DateMention]) -> list[DateMention]:
    """`в понедельник, 16 мая 2011 года` is the one date the second part fixes."""
    joined: list[DateMention] = []
    for d in dates:
        before = joined[-1] if joined else None
        if (before is not None and before.weekday is not None and d.day and not d.unit
                and APPOSITION.fullmatch(text[before.end : d.start])):
            joined[-1] = replace(d, start=before.start, rule="date.apposition")
        else:
            joined.append(d)
    return joined


def anaphoric_dates(doc: Article, start: int, end: int, own: list[DateMention]) -> list[DateMention]:
    """`тогда же`, `в тот же день`: the date written last before it, in this paragraph or the one before."""
    found = []
    for m in ANAPHORS.finditer(doc.text[start:end]):
        at, until = (start + k for k in m.span("same" if m["same"] else "then"))
        if any(d.start <= at < d.end for d in own):
            continue
        earlier = [d for d in own if d.end <= at] or written_before(doc, start)
        if earlier:
            found.append(replace(earlier[-1], start=at, end=until, rule="date.anaphor"))
    return found


def written_before(doc: Article, start: int) -> list[DateMention]:
    """The date expressions of the paragraph before `start` and of the one before that."""
    here = sentence_of(doc, start)
    breaks = 0
    first = here
    while first > 0 and breaks < 2:
        if paragraph_break(doc.text, doc.sentences[first - 1].end, doc.sentences[first].start):
            breaks += 1
            if breaks == 2:
                break
        first -= 1
    begin = doc.sentences[first].start
    return joined_appositions(doc.text, find_dates(doc.text[begin:start], begin))


def adjective_dates_off_events(doc: Article, dates: list[DateMention], paths: dict[int, list[int]], ids: list[int]) -> list[DateMention]:
    """An adjectival date (`вчерашней встречей`) stays only where the noun it modifies is an event trigger."""
    kept = []
    for d in dates:
        head = date_head(doc, d, ids) if d.rule in ADJECTIVE_RULES else None
        if head is None or doc.tokens[head].head in paths:
            kept.append(d)
    return kept


def pick_dates(
    doc: Article, dates: list[DateMention], paths: dict[int, list[int]], ids: list[int]
) -> dict[int, tuple[DateMention, Tense]]:
    """For each event trigger, its date expression and the tense to read it in."""
    dates = adjective_dates_off_events(doc, dates, paths, ids)
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
        if depth == 0 and tense_feat(doc, token):
            return TENSES.get(tense_feat(doc, token))
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
    """An undated event takes the date of the sentence just before, in its paragraph, when it continues
    that sentence: its actor acted there and its sentence points back, or it is a passive that names no
    agent (`в минувшую пятницу провели операцию. Было задержано около полусотни человек`), or its sentence opens by
    elaborating the one before (`Так, …`, `В ответ …`); never when its sentence sets a time of its own,
    however vague (`На днях был задержан …`, `Позднее …`)."""
    if event.date_text:
        return event
    here = sentence_of(doc, event.trigger.start)
    if VAGUE_TIME.search(doc.span_text(doc.sentences[here])):
        return event
    if here == 0 or paragraph_break(doc.text, doc.sentences[here - 1].end, event.trigger.start):
        return event
    before = [e for e in earlier if sentence_of(doc, e.trigger.start) == here - 1 and e.date_text]
    same_actor = [e for e in before if e.date and set(e.actor) & set(event.actor)]
    if same_actor and points_back(doc, here, here - 1):
        return dated_like(event, same_actor[-1])
    if not (agentless_passive(doc, event) or ELABORATION.match(doc.span_text(doc.sentences[here]))):
        return event
    if before:
        return dated_like(event, before[-1])
    previous = doc.sentences[here - 1]
    dates = sentence_dates(doc, previous.start, previous.end)
    if len(dates) != 1:
        return event
    when = resolve(dates[0], doc.published, "past" if event.modality in {"asserted", "negated"} else None)
    return replace(event, date=when.date, date_precision=when.precision, date_text=doc.text[dates[0].start : dates[0].end])


def agentless_passive(doc: Article, event: Event) -> bool:
    """A passive verb trigger with no `кем` (`было задержано`, `был задержан на границе`)."""
    trigger = next((i for i, t in enumerate(doc.tokens) if t.start == event.trigger.start), None)
    if trigger is None or doc.tokens[trigger].pos not in {"VERB", "AUX"}:
        return False
    rels = {doc.tokens[k].rel for k in dependents(doc, trigger)}
    passive = doc.tokens[trigger].feat("Voice") == "Pass" or "nsubj:pass" in rels or "aux:pass" in rels
    return passive and not rels & {"nsubj", "obl:agent"}


def dated_like(event: Event, before: Event) -> Event:
    return replace(event, date=before.date, date_text=before.date_text, date_precision=before.date_precision)
