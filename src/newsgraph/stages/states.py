"""States named by their adjective or capital (`французская сторона`, `Москва заявила`).

PLOVER codes such metonyms as the state itself. This is a small fallback table for
event participants; the knowledge base (`newsgraph.kb`) is the fuller source of
names, and this table only has to cover the states news talks about most.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class State:
    name: str
    adjectives: tuple[str, ...]  # lower-case stems: `российск` covers `российская`, `российско-американский`
    capitals: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


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


def name_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def state_by_adjective(lemma: str) -> State | None:
    """The state a (possibly compound) adjective names: `российско-американский` → Россия."""
    first = name_key(lemma).split("-")[0]
    return next((s for s in STATES if any(first.startswith(stem) for stem in s.adjectives)), None)


def state_by_capital(name: str) -> State | None:
    key = name_key(name)
    return next((s for s in STATES if key in s.capitals), None)


def state_by_name(name: str) -> State | None:
    key = name_key(name)
    return next((s for s in STATES if key == name_key(s.name) or key in s.aliases), None)
