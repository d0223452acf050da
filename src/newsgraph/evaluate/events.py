"""Score PLOVER events against a gold JSONL (format in docs/events.md).

A system event matches a gold event when both have the same type and their triggers
overlap; failing that, when they have the same type and sit in the same sentence.
Each event is matched at most once (gold events in text order, overlap first).
Detection is scored with P/R/F1 (also ignoring type); of the matched pairs we report
how often actor, recipient, modality, date, mode and place agree. Participants are
compared by name: a gold name matches a system entity whose name, mention text or
normal form it equals, whose surname it is, or which names the same state.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..doc import Article, Event
from ..stages.states import same_state, state_by_name

ATTRIBUTES = ("actor", "recipient", "modality", "date", "mode", "place")


@dataclass
class Match:
    article: str
    gold: dict
    system: Event | None
    doc: Article


@dataclass
class EventScores:
    gold: int = 0
    system: int = 0
    matched: int = 0
    matched_any_type: int = 0
    agree: Counter = field(default_factory=Counter)
    by_type: dict[str, Counter] = field(default_factory=dict)
    misses: list[Match] = field(default_factory=list)
    spurious: list[Match] = field(default_factory=list)
    disagreements: list[tuple[str, Match]] = field(default_factory=list)

    @staticmethod
    def f1(matched: int, gold: int, system: int) -> tuple[float, float, float]:
        p = matched / system if system else 0.0
        r = matched / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def typed(self) -> tuple[float, float, float]:
        return self.f1(self.matched, self.gold, self.system)

    def untyped(self) -> tuple[float, float, float]:
        return self.f1(self.matched_any_type, self.gold, self.system)

    def accuracy(self, attribute: str) -> float:
        return self.agree[attribute] / self.matched if self.matched else 0.0


def read_gold(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                record = json.loads(line)
                if "text" not in record or "events" not in record:
                    raise ValueError(f"{path}:{n}: a gold line needs 'text' and 'events'")
                yield record


def key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def entity_keys(doc: Article, entity_id: str) -> set[str]:
    entity = doc.entity(entity_id)
    if entity is None:
        return set()
    keys = {key(entity.name)}
    for mention_id in entity.mentions:
        mention = doc.mention(mention_id)
        if mention:
            keys |= {key(doc.span_text(mention)), key(mention.normal)}
    return keys


def names_entity(doc: Article, name: str, entity_id: str) -> bool:
    wanted = key(name)
    keys = entity_keys(doc, entity_id)
    if wanted in keys:
        return True
    if any(k.endswith(" " + wanted) or wanted.endswith(" " + k) for k in keys if k):
        return True
    if " " not in wanted and wanted in {w for k in keys for w in k.split()}:
        return True
    entity = doc.entity(entity_id)
    return bool(entity and same_state(state_by_name(name), state_by_name(entity.name)))


def same_participants(doc: Article, names: list[str], ids: tuple[str, ...]) -> bool:
    """Every gold name matches a distinct system entity, and nothing is left over."""
    if len(names) != len(ids):
        return False
    free = list(ids)
    for name in names:
        hit = next((i for i in free if names_entity(doc, name, i)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def agreement(doc: Article, gold: dict, event: Event) -> dict[str, bool]:
    place = gold.get("place")
    return {
        "actor": same_participants(doc, gold.get("actor", []), event.actor),
        "recipient": same_participants(doc, gold.get("recipient", []), event.recipient),
        "modality": gold.get("modality", "asserted") == event.modality,
        "date": gold.get("date") == event.date,
        "mode": gold.get("mode") == event.mode,
        "place": (event.place is None) if place is None else bool(event.place and names_entity(doc, place, event.place)),
    }


def sentence_of(doc: Article, offset: int) -> int | None:
    return next((i for i, s in enumerate(doc.sentences) if s.start <= offset < s.end), None)


def match_events(doc: Article, gold: list[dict], events: tuple[Event, ...], typed: bool) -> list[tuple[dict, Event | None]]:
    """Pair gold with system events: trigger overlap first, then the same sentence."""
    free = list(events)
    pairs: dict[int, Event] = {}
    for same_place in (overlaps, same_sentence):
        for n, g in enumerate(gold):
            if n in pairs:
                continue
            hit = next(
                (e for e in free if (not typed or e.type == g["type"]) and same_place(doc, g["trigger"], e)), None
            )
            if hit is not None:
                pairs[n] = hit
                free.remove(hit)
    return [(g, pairs.get(n)) for n, g in enumerate(gold)]


def overlaps(doc: Article, trigger: dict, event: Event) -> bool:
    return trigger["start"] < event.trigger.end and event.trigger.start < trigger["end"]


def same_sentence(doc: Article, trigger: dict, event: Event) -> bool:
    return sentence_of(doc, trigger["start"]) == sentence_of(doc, event.trigger.start)


def score(pairs: Iterable[tuple[dict, Article]]) -> EventScores:
    """Scores for (gold record, analysed article) pairs."""
    scores = EventScores()
    for record, doc in pairs:
        gold = sorted(record["events"], key=lambda g: g["trigger"]["start"])
        scores.gold += len(gold)
        scores.system += len(doc.events)
        scores.matched_any_type += sum(1 for _, e in match_events(doc, gold, doc.events, typed=False) if e)
        matched = match_events(doc, gold, doc.events, typed=True)
        used = {id(e) for _, e in matched if e}
        for g, event in matched:
            counts = scores.by_type.setdefault(g["type"], Counter())
            counts["gold"] += 1
            if event is None:
                scores.misses.append(Match(record["id"], g, None, doc))
                continue
            scores.matched += 1
            counts["matched"] += 1
            for attribute, ok in agreement(doc, g, event).items():
                scores.agree[attribute] += ok
                if not ok:
                    scores.disagreements.append((attribute, Match(record["id"], g, event, doc)))
        for event in doc.events:
            scores.by_type.setdefault(event.type, Counter())["system"] += 1
            if id(event) not in used:
                scores.spurious.append(Match(record["id"], {}, event, doc))
    return scores


def evaluate_events(path: Path, pipeline) -> EventScores:
    """Run `pipeline` over the gold articles and score its events; a failed article counts as finding nothing."""
    records = list(read_gold(path))
    docs = [Article.create(r["text"], id=r.get("id"), published=r.get("published"), title=r.get("title")) for r in records]
    analysed = [out if isinstance(out, Article) else doc for doc, out in zip(docs, pipeline.map(docs))]
    return score(zip(records, analysed))


def report(scores: EventScores) -> str:
    """The figures as a Markdown table, then per-type counts."""
    p, r, f = scores.typed()
    up, ur, uf = scores.untyped()
    lines = [
        f"gold events {scores.gold}, system events {scores.system}, matched with type {scores.matched}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| detection with correct type P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} |",
        f"| detection, any type P / R / F1 | {up:.3f} / {ur:.3f} / {uf:.3f} |",
        *(f"| {a} accuracy (of matched) | {scores.accuracy(a):.3f} |" for a in ATTRIBUTES),
        "",
        "| type | gold | system | matched |",
        "|---|---|---|---|",
        *(
            f"| {t} | {c['gold']} | {c['system']} | {c['matched']} |"
            for t, c in sorted(scores.by_type.items())
        ),
    ]
    return "\n".join(lines)


def describe(match: Match) -> str:
    doc, event = match.doc, match.system
    if event is None:
        g = match.gold
        return f"{match.article} MISSED {g['type']} «{g['trigger']['text']}» {g.get('actor')}→{g.get('recipient')}"
    names = {e.id: e.name for e in doc.entities}
    who = [names.get(a, a) for a in event.actor], [names.get(r, r) for r in event.recipient]
    gold = f"  gold: {match.gold.get('actor')}→{match.gold.get('recipient')} {match.gold.get('modality')} {match.gold.get('date')}" if match.gold else ""
    return (
        f"{match.article} {event.type} «{doc.span_text(event.trigger)}» {who[0]}→{who[1]} "
        f"{event.modality} {event.date} ({event.source}){gold}"
    )


def errors(scores: EventScores) -> str:
    """Missed, spurious and disagreeing events, one per line, for error analysis."""
    lines = [describe(m) for m in scores.misses]
    lines += ["SPURIOUS " + describe(m) for m in scores.spurious]
    lines += [f"WRONG {attribute}: " + describe(m) for attribute, m in scores.disagreements if attribute in {"actor", "recipient", "modality", "date"}]
    return "\n".join(lines)
