"""Pairing quotation marks: « », „ “, “ ”, straight quotes, nesting, quotes over paragraphs.

Russian typography opens each paragraph of a long quote with « and closes only the
last one, so an unclosed « at a paragraph end continues when the next paragraph opens
with «. Straight quotes are ambiguous; whether one opens or closes is told by its
neighbours (a space or start before and a letter after opens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..segment import soft_wrap

OPEN_AFTER = " \t\n(«„[—–-:/"
PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}
MARKS = re.compile('[\n«»„“”"]')  # only these characters move the pairing on; the rest are skipped
SPACES = re.compile(r"\s*")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A pair of marks: `open` is the index of the opening mark, `close` that of the closing one."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPEN_AFTER and not after.isspace()


def pair_quotes(text: str) -> list[QuotedSpan]:
    """Outermost quoted spans, in order; unbalanced marks are ignored."""
    found: list[QuotedSpan] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while (mark := MARKS.search(text, i)) is not None:
        i = mark.start()
        char = text[i]
        if char == "\n" and stack and not soft_wrap(text, i):  # a wrapped line goes on
            reopened = SPACES.match(text, i).end()
            if len(stack) == 1 and stack[0][0] == "«" and text[reopened : reopened + 1] == "«":
                i = reopened + 1  # a long quote goes on: the reopening « is not a new quote
                continue
            if len(stack) == 1 and stack[0][0] == "«" and closes_first(text, reopened):
                i += 1  # the next paragraph closes the quote without reopening it
                continue
            close_at_last_inner(stack, found)
            stack = []
        elif stack and char == PAIRS[stack[-1][0]] and not (char == '"' and opens(text, i)):
            found.append(QuotedSpan(stack.pop()[1], i))
        elif char == "»" and any(m == "«" for m, _ in stack):
            while stack[-1][0] != "«":
                stack.pop()
            found.append(QuotedSpan(stack.pop()[1], i))
        elif char in "«„" or (char in '"“' and opens(text, i)):
            stack.append((char, i))
        i += 1
    close_at_last_inner(stack, found)
    return outermost(found)


SHORT_LINE = 40  # a line this short inside a quotation is an insert (`— RT`, a link's text), not a paragraph
LOOKAHEAD_LINES = 4


def closes_first(text: str, start: int) -> bool:
    """True when the paragraph from `start` has a » before any « (it ends a quote opened earlier),
    also past short lines an editor or a stripped link left inside the quotation (`(спецслужб.\\n— RT\\n) …»`)."""
    for _ in range(LOOKAHEAD_LINES):
        end = text.find("\n", start)
        paragraph = text[start : end if end >= 0 else len(text)]
        closing, opening = paragraph.find("»"), paragraph.find("«")
        if closing >= 0:
            return opening < 0 or closing < opening
        if opening >= 0 or end < 0 or len(paragraph.strip()) > SHORT_LINE:
            return False
        start = end + 1
    return False


def close_at_last_inner(stack: list[tuple[str, int]], found: list[QuotedSpan]) -> None:
    """`«Он сказал «нет».` (one » for two «): the outer quote ends where the last inner one does."""
    if stack and stack[0][0] == "«":
        inner = [q for q in found if q.open > stack[0][1]]
        if inner:
            found.append(QuotedSpan(stack[0][1], inner[-1].close))


def outermost(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    spans = sorted(spans, key=lambda q: (q.open, -q.close))
    result: list[QuotedSpan] = []
    for span in spans:
        if result and span.open < result[-1].close:
            continue
        result.append(span)
    return result


WORD = re.compile(r"\w+(?:-\w+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)
