"""Actors the text implies but does not make a word of the event's clause (ANNOTATION.md: give the implied actor).

`возбуждено уголовное дело`, `его арестовали`: an agentless act of law enforcement is done by the
investigating body the text names (`enforcer`, `enforcement_act` in participants.tsv), a sentence
by the court it names (`court`, `court_act`). `теракт`:
a noun that names its own kind of actor (implied_actors.tsv).
"""

from __future__ import annotations

from pathlib import Path

from ...doc import Entity
from ..segment import paragraph_break
from ..states import name_key
from ..word_lists import read_table
from .participant_words import COURT_ACTS, COURTS, ENFORCERS
from .participants import ArticleEntities

IMPLIED_ACTORS = {
    row["trigger"]: row["actor"]
    for row in read_table(Path(__file__).with_name("implied_actors.tsv"), ("trigger", "actor"), key=("trigger",))
}


def implied_enforcer(people: ArticleEntities, i: int) -> tuple[str, ...]:
    """The investigating body the text names: in the sentence, else nearest in the paragraph (before, then
    after: `Его задержали. Следствие считает…`), else nearest in the article, before then after (an article
    about a case names who pursues it); `органы прокуратуры` whole."""
    doc = people.doc
    tokens = doc.tokens
    here = tokens[i]
    bodies = COURTS if here.lemma in COURT_ACTS else ENFORCERS  # `приговорён`: only a court sentences
    named = [k for k, t in enumerate(tokens) if t.lemma.lower() in bodies]
    same_sentence = [k for k in named if tokens[k].sentence == here.sentence]
    before = [k for k in reversed(named) if k < i]
    after = [k for k in named if k > i]
    in_paragraph = ([k for k in before if not paragraph_break(doc.text, tokens[k].end, here.start)]
                    + [k for k in after if not paragraph_break(doc.text, here.end, tokens[k].start)])
    for k in same_sentence + in_paragraph + before + after:
        head = tokens[k].head
        if k not in people.by_token and tokens[k].rel == "nmod" and head is not None and head >= 0 and tokens[head].lemma == "орган":
            k = head
        found = people.participant(k)
        if found:
            return found[:1]
    return ()


def implied_actor(people: ArticleEntities, trigger: int) -> tuple[str, ...]:
    """`после теракта у метро`: the actor the event's noun itself implies, as a group entity of that name."""
    name = IMPLIED_ACTORS.get(people.doc.tokens[trigger].lemma.lower())
    if name is None:
        return ()
    existing = next((e for e in people.entities if name_key(e.name) == name_key(name)), None)
    if existing:
        return (existing.id,)
    entity = Entity(id=people.next_entity_id(), type="PER", name=name, mentions=())
    people.entities.append(entity)
    return (entity.id,)
