"""Teasers of other articles inside a news page (`Также по теме` + a title + a lead cut off with `...`).

Their headlines report other stories: `упрекали Россию`, `предложил снятие санкций` are not events of this
article. A teaser is a header line from teasers.tsv, the next line (the title) and, within the two after it,
a line cut off with `...` or `…` (the lead), which ends it.
"""

from __future__ import annotations

from pathlib import Path

from .segment import lines

HEADERS = tuple(
    line.strip().lower()
    for line in Path(__file__).with_name("teasers.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
LEAD_LINES = 3  # the title, then at most two lines to the cut-off lead


def teasers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each teaser block."""
    found = []
    rows = [(start, end) for start, end in lines(text) if text[start:end].strip()]
    for k, (start, end) in enumerate(rows):
        if text[start:end].strip().lower() not in HEADERS or k + 1 == len(rows):
            continue
        block = rows[k + 1 : k + 1 + LEAD_LINES]
        cut = next((row for row in block if text[row[0] : row[1]].rstrip().endswith(("...", "…"))), block[0])
        found.append((start, cut[1]))
    return found


def in_teaser(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)
