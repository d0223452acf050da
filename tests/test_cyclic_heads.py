"""The parser's heads are not always a tree (greedy decoding: a word can be its own head, or two words
each other's); a rule that climbs heads must end anyway. A real-news article whose `ход` headed itself
hung the events stage for good. The stage reads the parse through `as_tree`, which cuts every loop,
so each rule that climbs heads ends on any parse it is given."""

from __future__ import annotations

import signal

from newsgraph.doc import Article, Token
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events.lexicon import NOUNS
from newsgraph.stages.events.participants import marker
from newsgraph.stages.events.tree import as_tree
from newsgraph.stages.events.triggers import noun_carrier
from newsgraph.stages.morph import Morph
from newsgraph.stages.segment import Segment
from newsgraph.stages.syntax import Syntax

TEXT = "В ходе переговоров в Женеве стороны обменялись пленными."


def with_head(token: Token, head: int) -> Token:
    return Token(token.start, token.end, token.sentence, token.lemma, token.pos, token.feats, head, token.rel)


def parsed(text: str) -> tuple[Article, list[str]]:
    doc = Pipeline([Segment(), Morph(), Syntax()])(Article.create(text))
    return doc, [doc.span_text(t) for t in doc.tokens]


def children(tokens: list[Token]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in tokens]
    for k, token in enumerate(tokens):
        if token.head is not None and token.head >= 0:
            kids[token.head].append(k)
    return kids


def test_a_frame_noun_that_heads_itself_ends_the_climb():
    doc, words = parsed(TEXT)
    talks, course = words.index("переговоров"), words.index("ходе")
    assert doc.tokens[course].lemma == "ход"  # a frame noun the climb passes through
    tokens = list(doc.tokens)
    tokens[talks], tokens[course] = with_head(tokens[talks], course), with_head(tokens[course], course)
    doc = as_tree(doc.with_layer("tokens", tokens))
    kids = children(doc.tokens)
    signal.alarm(20)  # before the fix this never returned
    try:
        carrier = noun_carrier(doc, kids, talks, NOUNS["переговоры"])
    finally:
        signal.alarm(0)
    assert carrier is None or carrier[0] in range(len(tokens))


def test_a_marker_noun_that_heads_itself_ends_the_recursion():
    doc, words = parsed("Посол направил ноту в адрес министерства.")
    ministry, address = words.index("министерства"), words.index("адрес")
    assert doc.tokens[address].lemma == "адрес"
    tokens = list(doc.tokens)
    tokens[ministry], tokens[address] = with_head(tokens[ministry], address), with_head(tokens[address], address)
    doc = as_tree(doc.with_layer("tokens", tokens))
    kids = children(doc.tokens)
    kids[address] = [ministry]  # no preposition of its own: the rule climbs on from `адрес`
    assert marker(doc, kids, ministry) == ""  # was a RecursionError
