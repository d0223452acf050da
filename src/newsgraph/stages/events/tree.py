"""The parse as a tree: the syntax model scores each word's head on its own, so a sentence's heads
can loop (`A → B → C → A`); every walk up or down the parse in this package assumes they do not.

`as_tree` cuts each loop at the word that closes it, which becomes a root of its own sentence part.
"""

from __future__ import annotations

from dataclasses import replace

from ...doc import Article


def as_tree(doc: Article) -> Article:
    """The article with every head loop cut; the same article when the parse has none."""
    tokens = doc.tokens
    heads = [-1 if t.head is None or not 0 <= t.head < len(tokens) else t.head for t in tokens]
    state = [0] * len(tokens)  # 0 unseen, 1 on the current walk, 2 known to reach a root
    cut: set[int] = set()
    for start in range(len(tokens)):
        walk, node = [], start
        while node >= 0 and state[node] == 0:
            state[node] = 1
            walk.append(node)
            node = heads[node]
        if node >= 0 and state[node] == 1:
            cut.add(walk[-1])  # its head lies on this walk: a loop
        for i in walk:
            state[i] = 2
    if not cut:
        return doc
    return replace(doc, tokens=tuple(replace(t, head=-1) if i in cut else t for i, t in enumerate(tokens)))
