"""States named by their adjective or capital (`французская сторона`, `Москва заявила`).

PLOVER codes such metonyms as the state itself. The knowledge base (`newsgraph.kb`)
answers first; the small table below covers what it cannot (compound adjectives such
as `российско-американский`) and keeps events working where no KB can be built.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from ..kb import KB_VARIABLE, bundled, shared


@dataclass(frozen=True, slots=True)
class State:
    name: str
    adjectives: tuple[str, ...] = ()  # lower-case stems: `российск` covers `российская`, `российско-американский`
    capitals: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None


STATES = (
    State("Россия", ("российск",), ("москва",), ("рф", "российская федерация")),
    State("США", ("американ",), ("вашингтон",), ("соединенные штаты", "соединенные штаты америки", "америка")),
    State("Украина", ("украинск",), ("киев",)),
    State("Китай", ("китайск",), ("пекин",), ("кнр",)),
    State("Франция", ("французск", "франко"), ("париж",)),
    State("Германия", ("германск", "немецк"), ("берлин",), ("фрг",)),
    State("Великобритания", ("британск",), ("лондон",), ("британия", "соединенное королевство")),
    State("Италия", ("итальянск",), ("рим",)),
    State("Турция", ("турецк",), ("анкара",)),
    State("Белоруссия", ("белорусск",), ("минск",), ("беларусь",)),
    State("Польша", ("польск",), ("варшава",)),
    State("Япония", ("японск",), ("токио",)),
    State("Индия", ("индийск",), ("нью-дели",)),
    State("Иран", ("иранск",), ("тегеран",)),
    State("Израиль", ("израильск",)),
    State("Тайвань", ("тайваньск",), ("тайбэй",)),
    State("Сирия", ("сирийск",), ("дамаск",)),
    State("Казахстан", ("казахстанск",), ("астана",)),
    State("Армения", ("армянск",), ("ереван",)),
    State("Азербайджан", ("азербайджанск",), ("баку",)),
    State("Грузия", ("грузинск",), ("тбилиси",)),
    State("Молдавия", ("молдавск", "молдовск"), ("кишинев",), ("молдова",)),
    State("Венгрия", ("венгерск",), ("будапешт",)),
    State("Финляндия", ("финск", "финляндск"), ("хельсинки",)),
    State("Швеция", ("шведск",), ("стокгольм",)),
    State("Норвегия", ("норвежск",), ("осло",)),
    State("Эстония", ("эстонск",), ("таллин",)),
    State("Латвия", ("латвийск",), ("рига",)),
    State("Литва", ("литовск",), ("вильнюс",)),
    State("Чехия", ("чешск",), ("прага",)),
    State("Словакия", ("словацк",), ("братислава",)),
    State("Сербия", ("сербск",), ("белград",)),
    State("Испания", ("испанск",), ("мадрид",)),
    State("Канада", ("канадск",), ("оттава",)),
    State("Бразилия", ("бразильск",), ("бразилиа",)),
    State("Египет", ("египетск",), ("каир",)),
    State("Саудовская Аравия", ("саудовск",), ("эр-рияд",)),
    State("Катар", ("катарск",), ("доха",)),
    State("КНДР", ("северокорейск",), ("пхеньян",), ("северная корея",)),
    State("Южная Корея", ("южнокорейск",), ("сеул",)),
    State("Пакистан", ("пакистанск",), ("исламабад",)),
    State("Афганистан", ("афганск",), ("кабул",)),
    State("Ливан", ("ливанск",), ("бейрут",)),
    State("Ирак", ("иракск",), ("багдад",)),
    State("Венесуэла", ("венесуэльск",), ("каракас",)),
    State("Куба", ("кубинск",), ("гавана",)),
    State("Евросоюз", ("евросоюзовск",), ("брюссель",), ("ес", "европейский союз")),
)


# Cities news names for the organisation seated there, not for their state: `Брюссель потребовал` is the EU.
SEATS = {"брюссель": "Евросоюз"}


def name_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def knowledge_base():
    """The KB the linker reads (`$NEWSGRAPH_KB`, else the bundled one), or None where it cannot be
    opened (the table then answers alone)."""
    return kb_at(os.environ.get(KB_VARIABLE, ""))


@cache
def kb_at(path: str):
    try:
        return shared(path) if path else bundled()
    except Exception:  # a missing or unbuildable KB only costs coverage, never the analysis
        return None


def from_kb(kind: str, text: str) -> State | None:
    """A KB lookup; the KB remembers its answers, as news repeats the same names."""
    kb = knowledge_base()
    if kb is None:
        return None
    lookup = {"adjective": kb.state_for_adjective, "capital": kb.state_for_capital, "name": kb.state}[kind]
    found = lookup(text)
    return State(found.label_ru, kb_id=found.id) if found and found.label_ru else None


def from_table(test) -> State | None:
    return next((s for s in STATES if test(s)), None)


def state_by_adjective(lemma: str) -> State | None:
    """The state a (possibly compound) adjective names: `российско-американский` → Россия."""
    first = name_key(lemma).split("-")[0]
    return from_kb("adjective", lemma) or from_table(lambda s: any(first.startswith(stem) for stem in s.adjectives))


def state_by_capital(name: str) -> State | None:
    seat = SEATS.get(name_key(name))
    if seat:
        return state_by_name(seat)
    return from_kb("capital", name) or from_table(lambda s: name_key(name) in s.capitals)


def state_by_name(name: str) -> State | None:
    key = name_key(name)
    return from_kb("name", name) or from_table(lambda s: key == name_key(s.name) or key in s.aliases)


def same_state(a: State | None, b: State | None) -> bool:
    if a is None or b is None:
        return False
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id
    return name_key(a.name) == name_key(b.name)
