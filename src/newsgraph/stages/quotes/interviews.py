"""Interviews laid out as questions and answers: each answer is the interviewee's own words.

An interview printed as dash paragraphs (`– Давайте начнем со структуры. …`) carries no
attribution in its answers: the lead says who answers (`… вопросами редактор «НГ» Роза Цветкова
удлинила рабочий день зампреда Госдумы Сергея Неверова`). A reader takes every answer paragraph
as a direct quote of the person the lead names last, and a paragraph ending in a question mark
as the interviewer's question, which is no quote. Only an article with several such paragraphs
of some length is read as an interview; a single cue-less dash paragraph is as often a list item,
and a short one signs an embedded post.
"""

from __future__ import annotations

from ...doc import coarse_type
from .cues import INTERVIEW_WORDS
from .direct import Candidate
from .marks import words
from ..segment import paragraph_break
from ..token_index import DASHES, TokenIndex

MIN_ANSWERS = 3
INTERVIEWERS = frozenset({"корреспондент", "редактор", "журналист", "обозреватель", "колумнист", "интервьюер"})  # who asks
OUTLET_TITLE_WORDS = 5  # `ответственный редактор «НГ-политики» [Роза Цветкова]`
MIN_WORDS = 8  # an answer says something; `— Andrew Adonis (@Andrew_Adonis)` under a tweet does not


def interview_answers(index: TokenIndex, found: list[Candidate]) -> list[Candidate]:
    """Answer paragraphs with the token of the interviewee's last mention before them as the speaker `head`;
    none unless the article holds at least MIN_ANSWERS dash answers and the lead names a person. From the
    first answer on, a paragraph without a dash goes on with the answer before it."""
    text = index.doc.text
    paragraphs = [(start, end, dashed) for start, end, dashed in paragraphs_of(text) if len(words(text[start:end])) >= MIN_WORDS]
    answers = [(start, end, dashed) for start, end, dashed in paragraphs if not text[start:end].endswith("?")]
    opening = next((start for start, _, dashed in paragraphs if dashed), None)  # the first question or answer
    if opening is None or sum(dashed for _, _, dashed in answers) < MIN_ANSWERS:
        return []
    interviewee = interviewee_in_lead(index, opening)
    if interviewee is None:
        return []
    return [
        Candidate(start, end, "direct", "quote.interview_answer", head=interviewee)
        for start, end, _ in answers if start >= opening and not any(c.start < end and start < c.end for c in found)
    ]


def paragraphs_of(text: str) -> list[tuple[int, int, bool]]:
    """Each paragraph's content across soft line wraps, without an opening dash, and whether it had one."""
    found = []
    position = 0
    while position < len(text):
        end = position
        while True:
            end = text.find("\n", end + 1)
            if end < 0 or paragraph_break(text, end, end + 1):
                end = len(text) if end < 0 else end
                break
        start = position + len(text[position:end]) - len(text[position:end].lstrip())
        dashed = text[start : start + 1] in DASHES and text[start + 1 : start + 2] in {" ", "\u00a0"}
        content = text[start + 2 * dashed : end]
        first = start + 2 * dashed + len(content) - len(content.lstrip())
        last = start + 2 * dashed + len(content.rstrip())
        if last > first:
            found.append((first, last, dashed))
        position = end + 1
    return found


def interviewee_in_lead(index: TokenIndex, offset: int) -> int | None:
    """The token of the last person named in the paragraph before the first answer at `offset`, when that lead
    speaks of a conversation (`ответил на вопросы`, `поговорила с`): it names the interviewee after the
    interviewer. A list after a speech (`– Построены 22 сосудистых центра`) has no such lead."""
    line = index.doc.text.rfind("\n", 0, offset)
    lead = [i for i in range(len(index.tokens)) if index.tokens[i].end <= line
            and not paragraph_break(index.doc.text, index.tokens[i].end, line)]
    if not any(index.lemma(i) in INTERVIEW_WORDS for i in lead):
        return None
    people = [
        i for i in lead if (e := index.entity_at(i)) is not None and coarse_type(e.type) == "PER" and not e.anonymous
        and index.entity_at(i - 1) is not e and not of_the_outlet(index, i)
    ]
    return people[-1] if people else None


def of_the_outlet(index: TokenIndex, name: int) -> bool:
    """`корреспондент «НГ» Дарья Гармоненко`: a journalist of a named outlet asks; `журналист Борис Резник`
    interviewed as himself does not."""
    before = range(max(0, name - OUTLET_TITLE_WORDS), name)
    return any(index.lemma(k) in INTERVIEWERS for k in before) and any(index.text(k) in {"«", '"'} for k in before)
