"""One event, one record: restatements of an event in later sentences fold into one record.

News restates its lead event (`Путин и Макрон проведут встречу …` — `Встреча пройдет в
Версале`; `договорились о перемирии` — `Перемирие вступит в силу …`). ANNOTATION.md codes
such an event once, in the sentence that states it most fully. Two records of one type are
one event when their triggers share a stem (`встретились`/`встреча`) or a group of restatements.tsv
(`бой` after `столкновение`) and neither names a party the other lacks. The earlier record stays
(the body's, when the earlier is a title line), taking the date and place only the restatement gives. Force verbs of one type joined in one sentence
(`похитил и убил`, `избил и ограбил`) tell one act step by step: one record too; joined statements
(`раскритиковал его и обвинил во лжи`) stay two.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...doc import Article, Event
from ..token_spans import token_starting_at

STEM = 5  # `встреча` and `встретились`, `переговоры` and `переговорить` share their first five letters


def load_synonyms(path: Path) -> dict[str, str]:
    """Each lemma of a group line to the group's first lemma."""
    groups: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemmas = [w.strip() for w in line.split(",")]
            groups.update({lemma: lemmas[0] for lemma in lemmas})
    return groups


SYNONYMS = load_synonyms(Path(__file__).parent / "restatements.tsv")  # `бой` restates `столкновение`
STEPS_OF_ONE_ACT = {"ASSAULT", "COERCE"}  # types whose joined verbs tell the steps of one act of force


def merge_restatements(doc: Article, events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for event in events:
        same = next((i for i, earlier in enumerate(kept) if restates(doc, earlier, event)), None)
        if same is None:
            kept.append(event)
        elif is_headline(doc, kept[same]):
            kept[same] = completed(event, kept[same])
        else:
            kept[same] = completed(kept[same], event)
    return kept


def completed(event: Event, restatement: Event) -> Event:
    """The record with the date and place that only its restatement gives (`Встреча пройдет 5 мая`)."""
    if event.date is None and restatement.date is not None:
        event = replace(event, date=restatement.date, date_text=restatement.date_text,
                        date_precision=restatement.date_precision)
    if event.place is None and restatement.place is not None:
        event = replace(event, place=restatement.place)
    return event


def restates(doc: Article, earlier: Event, later: Event) -> bool:
    """`later` tells `earlier` again: same type, and either one stem with no party added, or the same parties."""
    if earlier.type != later.type:
        return False
    if sentence_at(doc, earlier) == sentence_at(doc, later):
        return (earlier.type in STEPS_OF_ONE_ACT and earlier.modality == later.modality
                and conjoined(doc, earlier, later))
    if not is_noun(doc, later) and not is_headline(doc, earlier):
        return False  # two verbs tell two acts (`задержала двух … задержала ещё трёх`), unless one is the title's
    if earlier.date and later.date and earlier.date != later.date:
        return False  # `удар 29 ноября` is not `атака 21 ноября`
    a, b = set(earlier.actor) | set(earlier.recipient), set(later.actor) | set(later.recipient)
    if is_headline(doc, earlier):  # a title names its parties loosely (`Итальянский суд` for `суд в Италии`)
        return stem(doc, earlier) == stem(doc, later)
    return stem(doc, earlier) == stem(doc, later) and (a <= b or b <= a)


def conjoined(doc: Article, earlier: Event, later: Event) -> bool:
    """The two triggers are conjuncts of one coordination (`похитил девушку, изнасиловал её`; `нанес ей ранения,
    изнасиловал её, избил`, where both hang on the first)."""
    i, j = token_starting_at(doc, earlier.trigger.start), token_starting_at(doc, later.trigger.start)
    return i is not None and j is not None and coordination_head(doc, i) == coordination_head(doc, j)


def coordination_head(doc: Article, i: int) -> int:
    """The first conjunct of the coordination `i` is in (itself when it is in none)."""
    while doc.tokens[i].rel == "conj" and doc.tokens[i].head not in (None, -1, i):
        i = doc.tokens[i].head
    return i


def is_noun(doc: Article, event: Event) -> bool:
    i = token_starting_at(doc, event.trigger.start)
    return i is not None and doc.tokens[i].pos == "NOUN"


def is_headline(doc: Article, event: Event) -> bool:
    """A title line (no final stop) restates the body's event; the body's record is the one to keep."""
    i = token_starting_at(doc, event.trigger.start)
    if i is None:
        return False
    sentence = doc.sentences[doc.tokens[i].sentence]
    return not doc.span_text(sentence).rstrip().endswith((".", "!", "?", "…", "»", '"'))


def stem(doc: Article, event: Event) -> str:
    i = token_starting_at(doc, event.trigger.start)
    if i is None:
        return doc.text[event.trigger.start : event.trigger.end][:STEM]
    lemma = doc.tokens[i].lemma
    return SYNONYMS.get(lemma, lemma)[:STEM]


def sentence_at(doc: Article, event: Event) -> int | None:
    i = token_starting_at(doc, event.trigger.start)
    return doc.tokens[i].sentence if i is not None else None
