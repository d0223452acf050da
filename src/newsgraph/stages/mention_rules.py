"""Rules that repair the boundaries of Slovnet's PER/ORG/LOC spans.

Each rule takes the article and the current spans and returns the new spans; a
span a rule changed or added records that rule in `source`. The rules were kept
only where they raised (and lowered nowhere) F1 on NEREL dev and factRuEval-2016
dev against plain natasha (docs/benchmarks-ner.md):

* `split_at_separators` — one span never crosses a bracket, comma, bullet, spaced
  dash or line break: `Джоэл Саймон (Joel Simon)` is two names, `Мишель —` one.
* `trim_edges` — punctuation at the edges is not part of a name (`университете.`).
* `drop_title_word` — a leading capitalised common noun is a title, not a name
  (`Принц Филипп`, `Папа Франциск` → `Филипп`, `Франциск`).
* `unquote_org` — the name of an organisation is what stands in quotes after its
  legal form (`ЗАО «Медиа-Мост»` → `Медиа-Мост`).
* `join_initials` — `Дж.Коми`, split by the tokenizer at the dot, is one name.
* `compound_org` — an organisation followed by the place or organisation it belongs
  to is one organisation (`Верховный суд Испании`, `МИД России`); the inner
  mention stays, nested, as NEREL annotates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..doc import Article, Mention, Token
from ..nlp import parses

Rule = Callable[[Article, list[Mention]], list[Mention]]

SEPARATOR = re.compile(r"\n|[()\[\],;•·|]|\s[—–-]\s|\s[—–]|[—–]\s")
INSERTED_BRACKETS = re.compile(r"\([^()\n]*\)\s*\w")
EDGE_PUNCTUATION = " \t\n.,;:!?-—–«»\"'“”„()[]/•·|"
QUOTED = re.compile(r"[«“\"„]([^«»“”\"„]+)[»”\"“]?\s*$")
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


def piece(mention: Mention, start: int, end: int, rule: str) -> Mention:
    if (start, end) == (mention.start, mention.end):
        return mention
    return replace(mention, start=start, end=end, source=rule)


def split_at_separators(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Pieces that could be names (with a capital or digit); an inserted `(…)` followed by more words stays."""
    out = []
    for mention in mentions:
        text = doc.span_text(mention)
        if INSERTED_BRACKETS.search(text):
            out.append(mention)
            continue
        cuts = [0, *(x for m in SEPARATOR.finditer(text) for x in (m.start(), m.end())), len(text)]
        for start, end in zip(cuts[::2], cuts[1::2]):
            if any(ch.isupper() or ch.isdigit() for ch in text[start:end]):
                out.append(piece(mention, mention.start + start, mention.start + end, "ner.split_at_separators"))
    return out


def trim_edges(doc: Article, mentions: list[Mention]) -> list[Mention]:
    out = []
    for mention in mentions:
        text = doc.span_text(mention)
        core = text.strip(EDGE_PUNCTUATION)
        if core:
            start = mention.start + text.index(core)
            out.append(piece(mention, start, start + len(core), "ner.trim_edges"))
    return out


def tokens_in(doc: Article, start: int, end: int) -> list[Token]:
    return [t for t in doc.tokens if start <= t.start and t.end <= end]


def is_common_noun(word: str) -> bool:
    """A dictionary noun that is never a name (`Принц`, `Поп-звезда`), judged by pymorphy."""
    analyses = parses(word.lower())
    known = [p for p in analyses if p.is_known]
    return bool(known) and all(
        "NOUN" in p.tag and not NAME_GRAMMEMES & set(p.tag.grammemes) for p in known
    )


def drop_title_word(doc: Article, mentions: list[Mention]) -> list[Mention]:
    out = []
    for mention in mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        if mention.type == "PER" and len(tokens) > 1 and is_common_noun(doc.span_text(tokens[0])):
            mention = piece(mention, tokens[1].start, mention.end, "ner.drop_title_word")
        out.append(mention)
    return out


def is_descriptor(word: str) -> bool:
    """A legal form or generic word before a quoted name: `ООО`, `УК`, `концерн`, `Концерн`."""
    return word.isupper() and len(word) <= 4 or word.islower() or is_common_noun(word)


def unquote_org(doc: Article, mentions: list[Mention]) -> list[Mention]:
    out = []
    for mention in mentions:
        text = doc.span_text(mention)
        match = QUOTED.search(text) if mention.type == "ORG" else None
        if match and match.start() > 0:
            name = piece(mention, mention.start + match.start(1), mention.start + match.end(1), "ner.unquote_org")
            prefix = text[: match.start()].rstrip()
            if not all(is_descriptor(word) for word in prefix.split()):
                out.append(piece(mention, mention.start, mention.start + len(prefix), "ner.unquote_org"))
            mention = name
        out.append(mention)
    return out


def join_initials(doc: Article, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.type == mention.type == "PER"
            and doc.text[previous.end : mention.start] == "."
            and len(doc.span_text(previous).replace(".", "")) <= 3
        ):
            out[-1] = replace(previous, end=mention.end, source="ner.join_initials")
            continue
        out.append(mention)
    return out


def genitive(doc: Article, mention: Mention) -> bool:
    tokens = tokens_in(doc, mention.start, mention.end)
    return bool(tokens) and tokens[0].feat("Case") == "Gen"


def compound_org(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Right to left, so `управление` + (`Следственного комитета` + `Армении`) nests twice."""
    ordered = sorted(mentions, key=lambda m: m.start)
    compounds: dict[int, Mention] = {}
    for i in range(len(ordered) - 2, -1, -1):
        head, tail = ordered[i], compounds.get(i + 1, ordered[i + 1])
        gap = doc.text[head.end : ordered[i + 1].start]
        if (
            head.type == "ORG"
            and tail.type in {"ORG", "LOC"}
            and gap.isspace()
            and "\n" not in gap
            and genitive(doc, ordered[i + 1])
        ):
            compounds[i] = replace(head, end=tail.end, source="ner.compound_org")
    return [compounds.get(i, m) for i, m in enumerate(ordered)]


RULES: tuple[Rule, ...] = (
    split_at_separators,
    trim_edges,
    drop_title_word,
    unquote_org,
    join_initials,
    compound_org,
)


def refine(doc: Article, mentions: list[Mention], rules: tuple[Rule, ...] = RULES) -> list[Mention]:
    for rule in rules:
        mentions = rule(doc, mentions)
    unique = {(m.start, m.end, m.type): m for m in mentions}
    return sorted(unique.values(), key=lambda m: (m.start, -m.end))
