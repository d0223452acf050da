"""Role phrases as mentions of the person holding the office on the article's date.

`президент Франции`, `французский лидер`, `глава МИД России`, `канцлер Германии`,
`британский премьер`, `генсек НАТО`: a role word, an office it names, and a state or
organisation (a genitive name after it, or a state adjective before it). The holder comes
from the KB's dated positions at `doc.published`; without a date, or when the phrase is
about someone else (`бывший президент`, `пресс-секретарь президента`, `кандидат в президенты`)
or a different named person stands next to it, no mention is made.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Article, Entity, Token
from ..kb import KB, KBEntity

# role word lemma → what it names: ("title", word) matches the office's Russian title,
# ("office", code) an office (hos, hog, fm, dm, sg), ("leader", "") the office that leads the state.
HEADS = {
    "президент": ("title", "президент"),
    "канцлер": ("title", "канцлер"),
    "король": ("title", "король"),
    "королева": ("title", "королева"),
    "эмир": ("title", "эмир"),
    "султан": ("title", "султан"),
    "премьер": ("office", "hog"),
    "премьер-министр": ("office", "hog"),
    "госсекретарь": ("office", "fm"),
    "лидер": ("leader", ""),
    "руководитель": ("leader", ""),
    "генсек": ("office", "sg"),
}
# "глава …" / "министр …" / "председатель …" + these words (lemmas) name an office.
BODIES = {
    ("мид",): ("office", "fm"),
    ("министерство", "иностранный", "дело"): ("office", "fm"),
    ("внешнеполитический", "ведомство"): ("office", "fm"),
    ("дипломатия",): ("office", "fm"),
    ("госдеп",): ("office", "fm"),
    ("госдепартамент",): ("office", "fm"),
    ("форин-офис",): ("office", "fm"),
    ("минобороны",): ("office", "dm"),
    ("министерство", "оборона"): ("office", "dm"),
    ("военный", "ведомство"): ("office", "dm"),
    ("оборонный", "ведомство"): ("office", "dm"),
    ("пентагон",): ("office", "dm"),
    ("правительство",): ("office", "hog"),
    ("кабмин",): ("office", "hog"),
    ("государство",): ("office", "hos"),
    ("белый", "дом"): ("office", "hos"),
    ("кремль",): ("office", "hos"),
    ("елисейский", "дворец"): ("office", "hos"),
    ("даунинг-стрит",): ("office", "hog"),
}
ROLE_NOUNS = ("глава", "министр", "председатель", "шеф")  # role words that need an office word after them
MINISTER_BODIES = {("иностранный", "дело"): ("office", "fm"), ("оборона",): ("office", "dm")}
DEFAULT_PLACE = {("госсекретарь",): "США", ("пентагон",): "США", ("госдеп",): "США", ("госдепартамент",): "США", ("форин-офис",): "Великобритания",
                 ("белый", "дом"): "США", ("кремль",): "Россия", ("елисейский", "дворец"): "Франция",
                 ("даунинг-стрит",): "Великобритания"}
NOT_CURRENT = {"бывший", "экс", "прежний", "будущий", "избранный", "новоизбранный", "покойный", "предыдущий",
               "первый", "последний", "временный", "вице", "исполняющий", "и.о", "врио"}
# (Not `пресс-служба`: a press service is a collective speaker whose principal is the holder,
# `пресс-служба британского премьера` → Starmer; the quote stage keeps the service as the speaker.)
NOT_THE_PERSON = {"пресс-секретарь", "администрация", "аппарат", "офис", "канцелярия", "советник",
                  "помощник", "представитель", "заместитель", "замглавы", "супруга", "жена", "муж", "сын", "дочь",
                  "кандидат", "пост", "должность", "выборы", "резиденция", "полномочие", "кресло", "спецпредставитель",
                  "при"}  # `уполномоченный при президенте`: an office attached to the president's, not him


@dataclass(frozen=True, slots=True)
class Role:
    start: int
    end: int
    what: tuple[str, str]
    place: KBEntity
    rule: str


def lemmas(tokens: list[Token], start: int, count: int) -> tuple[str, ...]:
    return tuple(t.lemma.lower() for t in tokens[start : start + count])


def place_after(doc: Article, kb: KB, tokens: list[Token], j: int) -> tuple[KBEntity, int] | None:
    """A state or organisation named right after the role words: `Франции`, `Южной Кореи`, `НАТО`."""
    for width in (3, 2, 1):
        span = tokens[j : j + width]
        if len(span) < width or any(t.sentence != tokens[j].sentence for t in span):
            continue
        if not doc.span_text(span[-1])[:1].isupper():
            continue
        found = kb.state(doc.text[span[0].start : span[-1].end])
        if found:
            return found, j + width
    return None


def adjective_at(doc: Article, kb: KB, tokens: list[Token], k: int, sentence: int) -> KBEntity | None:
    """The state named by a state adjective at token `k` (`британский`, `российского`), if it is one."""
    if 0 <= k < len(tokens) and tokens[k].pos == "ADJ" and tokens[k].sentence == sentence:
        return kb.state_for_adjective(doc.span_text(tokens[k]))
    return None


def body_after(tokens: list[Token], j: int, table: dict) -> tuple[tuple[str, str], int, tuple[str, ...]] | None:
    for words, what in table.items():
        if lemmas(tokens, j, len(words)) == words:
            return what, j + len(words), words
    return None


def role_at(doc: Article, kb: KB, tokens: list[Token], i: int) -> Role | None:
    """The role phrase whose role word is token `i`, or None."""
    head = tokens[i].lemma.lower()
    if (head not in HEADS and head not in ROLE_NOUNS) or tokens[i].feat("Number") == "Plur" or blocked(tokens, i):
        return None
    j, words, rule = i + 1, (head,), "role.title"
    if head in HEADS:
        what = HEADS[head]
        if what == ("office", "hog") and lemmas(tokens, j, 1) == ("госсовет",):
            j += 1  # `премьер Госсовета КНР`
    else:
        table = MINISTER_BODIES if head == "министр" else BODIES
        adjective = adjective_at(doc, kb, tokens, i + 1, tokens[i].sentence) if head == "глава" else None
        body = body_after(tokens, j + (adjective is not None), table)
        if body is None and head in ("глава", "председатель"):
            body = (("leader", ""), j, ())
        if body is None:
            return None
        what, j, words = body
        rule = f"role.{head}"
        if adjective is not None and words:
            return Role(tokens[i].start, tokens[j - 1].end, what, adjective, f"{rule}_adjective")
    after = place_after(doc, kb, tokens, j)
    if after:
        return Role(tokens[i].start, tokens[after[1] - 1].end, what, after[0], rule)
    adjective = adjective_at(doc, kb, tokens, i - 1, tokens[i].sentence)
    if adjective is not None:
        return Role(tokens[i - 1].start, tokens[j - 1].end, what, adjective, "role.adjective")
    default = DEFAULT_PLACE.get(words)
    if default and words:
        return Role(tokens[i].start, tokens[j - 1].end, what, kb.state(default), "role.default_place")
    return None


def blocked(tokens: list[Token], i: int) -> bool:
    """`бывший президент`, `пресс-секретарь президента`: the phrase is not about the holder now."""
    before = [t.lemma.lower() for t in tokens[max(0, i - 2) : i] if t.sentence == tokens[i].sentence]
    return bool(before) and (before[-1] in NOT_CURRENT or before[-1] in NOT_THE_PERSON
                             or (len(before) == 2 and before[0] in NOT_THE_PERSON and tokens[i - 1].pos == "ADJ"))


def holder(kb: KB, role: Role, doc: Article) -> KBEntity | None:
    kind, value = role.what
    if kind == "leader":
        kind, value = "office", role.place.leader_office or "sg"
    found = {}
    for office in ("hos", "hog", "fm", "dm", "sg") if kind == "title" else (value,):
        for person, position in kb.holders(office, role.place.id, doc.published):
            if kind == "office" or value in position.title.split("|"):
                found[person.id] = person
    return next(iter(found.values())) if len(found) == 1 else None


def named_next_to(doc: Article, role: Role) -> Entity | None:
    """The named person in apposition (`президент Франции Эмманюэль Макрон`), if any."""
    for entity in doc.entities:
        for mention in (doc.mention(m) for m in entity.mentions):
            if mention and mention.type == "PER" and mention.start >= role.end and doc.text[role.end : mention.start].strip(" ,") == "":
                return entity
    return None


def find_roles(doc: Article, kb: KB) -> list[tuple[Role, KBEntity]]:
    """Resolved role phrases with their holders, left to right, none overlapping."""
    if doc.published is None:
        return []
    tokens = list(doc.tokens)
    found, taken = [], -1
    for i in range(len(tokens)):
        if tokens[i].start < taken:
            continue
        role = role_at(doc, kb, tokens, i)
        person = role and holder(kb, role, doc)
        if role is None or person is None:
            continue
        named = named_next_to(doc, role)
        if named is not None and named.kb_id != person.id:
            continue
        found.append((role, person))
        taken = role.end
    return found
