"""razdel's tokenizer, its rules asked only where two atoms touch.

razdel cuts a text into atoms (a run of Cyrillic or Latin letters, of digits, one punctuation mark or
other character), then asks its rules whether to join each pair of neighbours; but a space between
two atoms always splits them, and razdel still builds a split record and walks a generator for every
such pair, most of a text's. Here only touching atoms make a split record, with the same three atoms
either side and the same token-so-far, and razdel's own rules decide, so the tokens are razdel's.
"""

from __future__ import annotations

from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as razdel_segmenter

WINDOW = 3  # atoms either side a rule may read (razdel's `TokenSplitter.window`)


def razdel_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, text) of each of razdel's tokens of `text`."""
    found = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    atoms: dict[int, Atom] = {}

    def atom(k: int) -> Atom:
        if k not in atoms:
            atoms[k] = Atom(*found[k])
        return atoms[k]

    tokens: list[tuple[int, int, str]] = []
    start = stop = -1
    buffer = ""
    for k, (begin, end, _, word) in enumerate(found):
        if begin == stop:  # touching the atom before: razdel's rules decide
            split = TokenSplit([atom(j) for j in range(max(0, k - WINDOW), k)], "",
                               [atom(j) for j in range(k, min(len(found), k + WINDOW))])
            split.buffer = buffer
            if razdel_segmenter.join(split):
                stop = end
                buffer += word
                continue
        if buffer:
            tokens.append((start, stop, buffer))
        start, stop, buffer = begin, end, word
    if buffer:
        tokens.append((start, stop, buffer))
    return tokens
