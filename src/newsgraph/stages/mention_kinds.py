"""What kind of expression each mention is: a name, a role title, a description, a place adjective,
a pronoun or a class noun (docs/format.md).

Users filter on it (a name is what they search for; `полиция` is only the class), and the bodies
stage asks it which bodies the article named, so a class noun refers back only to a name. The kind
follows from the rule that found the mention and from the words it spans: a capitalised word that
is no sentence-initial common word makes a name.
"""

from __future__ import annotations

from dataclasses import replace

from ..doc import Article, Mention, Token, coarse_type
from ..nlp import parses
from .base import BatchStage
from .token_spans import token_ids_within

# pymorphy grammemes of the capitalised words that name something even at a sentence start.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def mention_kind(doc: Article, mention: Mention, proper: bool = False) -> str:
    """`name`, `title`, `description`, `adjective`, `pronoun` or `common` for a mention of `doc`; `proper` when the mention belongs to an entity linked under a
    capitalised name, so a sentence-initial `Европейский союз` is a name, not a description."""
    if mention.source.startswith("role."):
        return "title"  # `президент Франции`, resolved to the office-holder
    if mention.source == "bodies.same_referent":
        return "common"  # `Альянс` after НАТО, capitalised only by the sentence
    ids = token_ids_within(doc, mention.start, mention.end)
    tokens = [doc.tokens[k] for k in ids]
    if tokens and all(t.pos == "PRON" for t in tokens):
        return "pronoun"
    if mention.source == "link.place_adjective" or tokens and all(t.pos == "ADJ" for t in tokens) and doc.span_text(mention).islower():
        return "adjective"
    capitalised_start = proper and bool(tokens) and doc.span_text(tokens[0])[:1].isupper()
    if capitalised_start or any(names_something(doc, k) for k in ids) or not tokens and not doc.span_text(mention).islower():
        first = tokens[0] if tokens else None
        if first is not None and not capitalised_start and not names_something(doc, ids.start) and first.pos == "NOUN":
            return "description"  # `пресс-служба Кремля`, `правительство Москвы`: a body described by a name
        return "name"
    if len(tokens) == 1 and (coarse_type(mention.type) != "PER" or tokens[0].feat("Animacy") == "Inan"):
        return "common"  # `полиция`, `парламент`
    return "description"  # `российский диктатор`, `источник в правительстве`


def names_something(doc: Article, k: int) -> bool:
    """The token is a name's word: capitalised, with digits or Latin letters, and not merely a
    common word capitalised at the start of a sentence (`Полиция задержала…`)."""
    token: Token = doc.tokens[k]
    word = doc.span_text(token)
    if not word[:1].isupper() and not any(ch.isdigit() or "a" <= ch.lower() <= "z" for ch in word):
        return False
    sentence_start = k == 0 or doc.tokens[k - 1].sentence != token.sentence
    if not sentence_start or not word[1:].islower() or token.pos == "PROPN":
        return True
    analyses = parses(word.lower())
    return not analyses or not analyses[0].is_known or any(PROPER & a.tag.grammemes for a in analyses[:2])


class MentionKinds(BatchStage):
    name = "mention_kinds"
    requires = frozenset({"mentions", "morph"})
    provides = frozenset({"mention_kinds"})

    def annotate(self, doc: Article) -> Article:
        proper = {m for e in doc.entities if e.kb_id and e.name[:1].isupper() for m in e.mentions}
        mentions = [replace(m, kind=mention_kind(doc, m, m.id in proper)) for m in doc.mentions]
        return doc.with_layer("mentions", mentions)
