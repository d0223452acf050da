"""Blocks an outlet inserts into an article's text: a heading line (`Также по теме`, `Читайте
также`) followed by another article's title and teaser.

Those lines report another story, often in its own words (RT inserts one into most reports), so
quotes and events are not read from them; their names still make mentions and entities.
"""

from __future__ import annotations

import re

# A heading alone on its line, then the linked article's title line and its teaser line.
INSERT_HEADINGS = re.compile(r"^[ \t]*(?:Также по теме|Читайте также:?)[ \t]*$", re.MULTILINE)
LINES_AFTER_HEADING = 2


def inserted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each inserted block: the heading and the next two non-empty lines."""
    spans = []
    for heading in INSERT_HEADINGS.finditer(text):
        end, lines = heading.end(), 0
        while lines < LINES_AFTER_HEADING and end < len(text):
            next_break = text.find("\n", end + 1)
            line_end = len(text) if next_break < 0 else next_break
            if text[end:line_end].strip():
                lines += 1
            end = line_end
        spans.append((heading.start(), end))
    return spans


def inside_inserts(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)
