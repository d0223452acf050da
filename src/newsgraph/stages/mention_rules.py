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
* `drop_generic_abbreviations` — `СМИ`, `ЖЖ`: abbreviations the dictionary knows
  only as common nouns are not organisations.
* `retype_by_dictionary` — a one-word "person" the dictionary knows only as a
  declinable place is a place (`Калуги`); an abbreviation known only as an
  organisation is one (`ЕС`, which the model calls a place).
* `unquote_org` — the name of an organisation is what stands in quotes after its
  legal form (`ЗАО «Медиа-Мост»` → `Медиа-Мост`).
* `join_initials` — `Дж.Коми`, split by the tokenizer at the dot, is one name.
* `extend_genitive_tail` — a name ending in a capitalised common noun keeps the
  lowercase genitive words after it (`Коалиции желающих`).
* `extend_po_phrase` — a body named by its field keeps the `по …` phrase after it
  (`Европейского суда по правам человека`).
* `propagate_names` — a word the model missed that is a form of a person's name
  found elsewhere in the article is that person (`Путин` at the start of a headline).
* `attach_initials` — initials before a surname are part of the name (`Б.Обама`).
* `compound_org` — an organisation followed by the place or organisation it belongs
  to (genitive, or `по` + dative) is one organisation (`Верховный суд Испании`,
  `ГУ МВД России по Москве`); the inner mentions stay, nested, as NEREL annotates them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import islice

from ..doc import Article, Mention
from ..nlp import parses
from .token_spans import token_ids_within, tokens_within

Rule = Callable[[Article, list[Mention]], list[Mention]]

SEPARATOR = re.compile(r"\n|[()\[\],;•·|]|\s[—–-]\s|\s[—–]|[—–]\s")
INSERTED_BRACKETS = re.compile(r"\([^()\n]*\)\s*\w")
EDGE_PUNCTUATION = " \t\n.,;:!?-—–«»\"'“”„()[]/•·|"
QUOTED = re.compile(r"[«“„]([^«»“”\"„]+)[»”“]?\s*$")
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


def is_common_noun(word: str, *grammemes: str) -> bool:
    """A dictionary noun that is never a name (`Принц`, `концерн`), judged by pymorphy."""
    known = [p for p in parses(word.lower()) if p.is_known]
    return bool(known) and all(
        "NOUN" in p.tag and not NAME_GRAMMEMES & set(p.tag.grammemes) and set(grammemes) <= set(p.tag.grammemes)
        for p in known
    )


def is_title(word: str) -> bool:
    """A word for one person that is never a name: `Император`, `Поп-звезда` (not `Ар`, a unit, nor `Братьев`)."""
    return is_common_noun(word, "anim", "sing")


def drop_title_word(doc: Article, mentions: list[Mention]) -> list[Mention]:
    out = []
    for mention in mentions:
        tokens = tokens_within(doc, mention.start, mention.end)
        if mention.type == "PER" and len(tokens) > 1 and is_title(doc.span_text(tokens[0])):
            mention = piece(mention, tokens[1].start, mention.end, "ner.drop_title_word")
        out.append(mention)
    return out


def is_generic_abbreviation(word: str) -> bool:
    """An abbreviation the dictionary knows only as a common noun (`СМИ`, `ЖЖ`), not an organisation or place."""
    known = [p for p in parses(word.lower()) if p.is_known]
    return (
        word.isupper()
        and word.isalpha()
        and bool(known)
        and all("Abbr" in p.tag.grammemes and not {"Orgn", "Geox"} & set(p.tag.grammemes) for p in known)
    )


def drop_generic_abbreviations(doc: Article, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not (m.type == "ORG" and is_generic_abbreviation(doc.span_text(m)))]


def dictionary_type(word: str) -> str | None:
    """LOC when every dictionary reading is a declinable place name (`Калуги`; an indeclinable `Толедо` may
    be a person); ORG when every reading is an abbreviated organisation (`ЕС`)."""
    tags = [set(p.tag.grammemes) for p in parses(word.lower()) if p.is_known]
    if not tags or any(t & {"Name", "Surn", "Patr"} for t in tags):
        return None
    if all("Geox" in t and not t & {"Orgn", "Fixd"} for t in tags):
        return "LOC"
    if word.isupper() and all("Orgn" in t and "Geox" not in t for t in tags):
        return "ORG"
    return None


def retype_by_dictionary(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A one-word person that the dictionary knows only as a place or organisation, or a place known only as an organisation."""
    out = []
    for mention in mentions:
        word = doc.span_text(mention)
        known = dictionary_type(word) if word.isalpha() and mention.type in {"PER", "LOC"} else None
        if known and known != mention.type and not (mention.type == "LOC" and known == "LOC"):
            mention = replace(mention, type=known, source="ner.retype_by_dictionary")
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


def extend_genitive_tail(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """`Коалиции` + `желающих`: a name ending in a capitalised common noun takes the lowercase genitive words after it."""
    out = []
    for mention in mentions:
        tokens = tokens_within(doc, mention.start, mention.end)
        last = doc.span_text(tokens[-1]) if tokens else ""
        if mention.type == "ORG" and last[:1].isupper() and is_common_noun(last):
            after = token_ids_within(doc, mention.start, mention.end).stop
            tail = []
            for token in islice(doc.tokens, after, None):
                word = doc.span_text(token)
                genitive_word = word.islower() and word.isalpha() and token.feat("Case") == "Gen"
                if token.sentence != tokens[-1].sentence or not (genitive_word and token.pos in {"NOUN", "ADJ", "VERB"}):
                    break
                tail.append(token)
            if tail and doc.text[mention.end : tail[0].start].isspace():
                mention = replace(mention, end=tail[-1].end, source="ner.extend_genitive_tail")
        out.append(mention)
    return out


def po_phrase_end(doc: Article, after: int) -> int | None:
    """End of `по правам человека` starting at token `after` (lowercase dative phrase, then genitives), or None."""
    tokens = doc.tokens
    if after >= len(tokens) or doc.span_text(tokens[after]) != "по":
        return None
    end, case = None, "Dat"
    for token in islice(tokens, after + 1, None):
        word = doc.span_text(token)
        if not (word.islower() and word.isalpha() and token.sentence == tokens[after].sentence):
            break
        if token.pos == "NOUN" and token.feat("Case") == case:
            end, case = token.end, "Gen"
        elif not (token.pos == "ADJ" and token.feat("Case") == case):
            break
    return end


def extend_po_phrase(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """`Европейского суда` + `по правам человека`: a body named by its field takes the `по …` phrase after it."""
    out = []
    for mention in mentions:
        tokens = tokens_within(doc, mention.start, mention.end)
        if mention.type == "ORG" and tokens and is_common_noun(doc.span_text(tokens[-1])):
            end = po_phrase_end(doc, token_ids_within(doc, mention.start, mention.end).stop)
            if end:
                mention = replace(mention, end=end, source="ner.extend_po_phrase")
        out.append(mention)
    return out


INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[А-ЯЁA-Z]\.\s?){1,2}$")


def attach_initials(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """`Б.Обама`, `А. Кудрин`: initials the model left out belong to the name after them."""
    out = []
    for mention in mentions:
        match = INITIALS_BEFORE.search(doc.text[max(0, mention.start - 6) : mention.start]) if mention.type == "PER" else None
        if match:
            mention = replace(mention, start=mention.start - len(match.group()), source="ner.attach_initials")
        out.append(mention)
    return out


def first_case(doc: Article, mention: Mention) -> str | None:
    tokens = tokens_within(doc, mention.start, mention.end)
    return tokens[0].feat("Case") if tokens else None


def belongs_to(doc: Article, head: Mention, tail: Mention) -> bool:
    """`суд` + `Испании` (genitive, adjacent) or `управление` + `по` + `Москве` (dative): one organisation."""
    gap = doc.text[head.end : tail.start]
    if "\n" in gap or tail.type not in {"ORG", "LOC"} or tail.start < head.end:
        return False
    if gap.isspace():
        return first_case(doc, tail) == "Gen"
    return gap.split() == ["по"] and first_case(doc, tail) == "Dat"


def compound_org(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Right to left, so `управление` + (`МВД` + `России` + `по Московской области`) nests twice."""
    ordered = sorted(mentions, key=lambda m: m.start)
    compounds: dict[int, Mention] = {}
    for i in range(len(ordered) - 1, -1, -1):
        if ordered[i].type != "ORG":
            continue
        compound, j = ordered[i], i + 1
        while j < len(ordered) and belongs_to(doc, compound, ordered[j]):
            compound = replace(compound, end=compounds.get(j, ordered[j]).end, source="ner.compound_org")
            j = next((k for k in range(j, len(ordered)) if ordered[k].start >= compound.end), len(ordered))
        if compound.end != ordered[i].end:
            compounds[i] = compound
    return ordered + list(compounds.values())


CASE_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "ой", "ей", "ы", "и", "ою")


def is_dictionary_word(word: str) -> bool:
    """Known to pymorphy, and never as a name: `Адвокат`, `Свергнутый`."""
    known = [p for p in parses(word.lower()) if p.is_known]
    return bool(known) and not any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in known)


def name_forms(doc: Article, mentions: list[Mention]) -> set[str]:
    """Lower-cased words of person mentions that can only be names (four letters or more)."""
    words = {doc.span_text(t) for m in mentions if m.type == "PER" for t in tokens_within(doc, m.start, m.end)}
    return {w.lower() for w in words if w[:1].isupper() and len(w) >= 4 and w.isalpha() and not is_dictionary_word(w)}


def is_form_of(word: str, forms: set[str]) -> bool:
    """`путина` is a form of `путин`; `путин` of `путиным`."""
    if word in forms:
        return True
    # the form plus an ending is the word, or the word plus an ending the form: look each up, not every form
    return any(word.endswith(ending) and word[: -len(ending)] in forms or word + ending in forms for ending in CASE_ENDINGS)


def propagate_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A capitalised word the model missed that is a form of a person's name found elsewhere in the article."""
    forms = name_forms(doc, mentions)
    covered = {i for m in mentions for i in token_ids_within(doc, m.start, m.end)}
    out = list(mentions)
    for i, token in enumerate(doc.tokens):
        word = doc.span_text(token)
        if word[:1].isupper() and word.isalpha() and i not in covered and is_form_of(word.lower(), forms):
            previous = out[-1]
            if previous.source == "ner.propagate_names" and doc.text[previous.end : token.start].isspace():
                out[-1] = replace(previous, end=token.end)
            else:
                out.append(Mention(id="", start=token.start, end=token.end, type="PER", source="ner.propagate_names"))
    return out


RULES: tuple[Rule, ...] = (
    split_at_separators,
    trim_edges,
    drop_title_word,
    drop_generic_abbreviations,
    retype_by_dictionary,
    unquote_org,
    join_initials,
    extend_genitive_tail,
    extend_po_phrase,
    propagate_names,
    attach_initials,
    compound_org,
)


def refine(doc: Article, mentions: list[Mention], rules: tuple[Rule, ...] = RULES) -> list[Mention]:
    for rule in rules:
        mentions = rule(doc, mentions)
    unique = {(m.start, m.end, m.type): m for m in mentions}
    return sorted(unique.values(), key=lambda m: (m.start, -m.end))
