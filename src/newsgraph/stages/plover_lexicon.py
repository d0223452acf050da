"""Russian trigger words for the 16 PLOVER event types, with how each finds its participants.

A `Cue` says which PLOVER type and mode a lemma signals and where its recipient
sits in the parse: `obj`/`iobj`, a bare `Dat`, or a preposition (`против`, `по`, `к`
…), matched on the trigger or on the light verb that carries a nominalization
(`провести переговоры`, `ввести санкции`, `нанести удар`). Pairs (`отвести войска`,
`вызвать посла`) are looked up before single lemmas. Codes follow the PLOVER manual
and CAMEO2PLOVER-2021: invitations and offers are AGREE, summoning an ambassador is
ACCUSE `disapprove`, cancelling a meeting is REJECT `meet`, expelling diplomats is
SANCTION `expel`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    mode: str | None = None
    recipient: tuple[str, ...] = ()
    mutual: bool = False  # comitative (`с Y`) and `между X и Y` partners are co-actors (PLOVER reciprocal)
    host: bool = False  # the subject hosts: the object is the visitor (actor), the subject the recipient
    embeds: str | None = None  # an event in the complement is "hypothetical" or "absorbed" into this one
    genitive: str = "actor"  # a noun's genitive dependent: `визит Макрона` (actor) vs `обстрел Донецка`
    light: tuple[str, ...] = ()  # for nouns: verbs that carry them (besides LIGHT_VERBS)
    strict: bool = False  # the noun is an event only with its own `light` verbs (`достигли соглашения`)


def cue(type: str, mode: str | None = None, *recipient: str, **flags) -> Cue:
    return Cue(type, mode, recipient, **flags)


MEET = cue("CONSULT", None, mutual=True)
VISIT = cue("CONSULT", "visit", "obj", "в", "к")

VERBS: dict[str, Cue] = {
    # AGREE
    "договориться": cue("AGREE", None, mutual=True, embeds="absorbed"),
    "условиться": cue("AGREE", None, mutual=True, embeds="absorbed"),
    "согласиться": cue("AGREE", None, embeds="absorbed"),
    "согласовать": cue("AGREE", None, mutual=True, embeds="absorbed"),
    "пообещать": cue("AGREE", None, "Dat", embeds="absorbed"),
    "обещать": cue("AGREE", None, "Dat", embeds="absorbed"),
    "обязаться": cue("AGREE", None, embeds="absorbed"),
    "предложить": cue("AGREE", None, "Dat", embeds="absorbed"),
    "пригласить": cue("AGREE", None, "obj", embeds="absorbed"),
    "готовый": cue("AGREE", None, embeds="absorbed"),
    # CONSULT
    "встретиться": MEET,
    "встречаться": MEET,
    "переговорить": MEET,
    "обсудить": MEET,
    "обсуждать": MEET,
    "беседовать": MEET,
    "побеседовать": MEET,
    "проконсультироваться": MEET,
    "созвониться": cue("CONSULT", "phone", mutual=True),
    "позвонить": cue("CONSULT", "phone", "Dat", "iobj"),
    "посетить": VISIT,
    "посещать": VISIT,
    "побывать": VISIT,
    "прибыть": VISIT,
    "приехать": VISIT,
    "принять": cue("CONSULT", "visit", "obj", host=True),
    # SUPPORT
    "поддержать": cue("SUPPORT", None, "obj"),
    "поддерживать": cue("SUPPORT", None, "obj"),
    "одобрить": cue("SUPPORT", None, "obj"),
    "приветствовать": cue("SUPPORT", None, "obj"),
    "поблагодарить": cue("SUPPORT", None, "obj"),
    "похвалить": cue("SUPPORT", None, "obj"),
    "поздравить": cue("SUPPORT", None, "obj"),
    "подписать": cue("SUPPORT", None, mutual=True),
    "ратифицировать": cue("SUPPORT"),
    # CONCEDE
    "уступить": cue("CONCEDE", None, "Dat"),
    "помиловать": cue("CONCEDE", None, "obj"),
    "извиниться": cue("CONCEDE", None, "перед"),
    # COOPERATE
    "сотрудничать": cue("COOPERATE", None, mutual=True),
    "экстрадировать": cue("COOPERATE", None, "в"),
    # AID
    "предоставить": cue("AID", None, "Dat", "iobj"),
    "выделить": cue("AID", None, "Dat", "iobj"),
    "передать": cue("AID", None, "Dat", "iobj"),
    # RETREAT
    "освободить": cue("RETREAT", "release"),
    "отступить": cue("RETREAT", "withdraw"),
    "разоружиться": cue("RETREAT", "disarm"),
    # REQUEST
    "призвать": cue("REQUEST", None, "obj", embeds="hypothetical"),
    "призывать": cue("REQUEST", None, "obj", embeds="hypothetical"),
    "потребовать": cue("REQUEST", None, "от", embeds="hypothetical"),
    "требовать": cue("REQUEST", None, "от", embeds="hypothetical"),
    "попросить": cue("REQUEST", None, "obj", "у", embeds="hypothetical"),
    "просить": cue("REQUEST", None, "obj", "у", embeds="hypothetical"),
    "настаивать": cue("REQUEST", None, embeds="hypothetical"),
    "настоять": cue("REQUEST", None, embeds="hypothetical"),
    # ACCUSE
    "обвинить": cue("ACCUSE", "allege", "obj"),
    "обвинять": cue("ACCUSE", "allege", "obj"),
    "осудить": cue("ACCUSE", "disapprove", "obj"),
    "осуждать": cue("ACCUSE", "disapprove", "obj"),
    "раскритиковать": cue("ACCUSE", "disapprove", "obj"),
    "критиковать": cue("ACCUSE", "disapprove", "obj"),
    "упрекнуть": cue("ACCUSE", "disapprove", "obj"),
    "пожаловаться": cue("ACCUSE", "disapprove", "на"),
    "расследовать": cue("ACCUSE", "investigate"),
    # REJECT
    "отказаться": cue("REJECT", None, embeds="absorbed"),
    "отказываться": cue("REJECT", None, embeds="absorbed"),
    "отвергнуть": cue("REJECT", None, "obj"),
    "отвергать": cue("REJECT", None, "obj"),
    "отклонить": cue("REJECT", None, "obj"),
    "отказать": cue("REJECT", None, "Dat", "iobj"),
    "блокировать": cue("REJECT", None, "obj"),
    "заблокировать": cue("REJECT", None, "obj"),
    # THREATEN
    "пригрозить": cue("THREATEN", None, "Dat", "iobj", embeds="absorbed"),
    "угрожать": cue("THREATEN", None, "Dat", "iobj", embeds="absorbed"),
    "предупредить": cue("THREATEN", None, "obj"),
    # PROTEST
    "протестовать": cue("PROTEST", "demo", "против"),
    "бастовать": cue("PROTEST", "strike"),
    # SANCTION
    "выслать": cue("SANCTION", "expel", "obj", "из"),
    "высылать": cue("SANCTION", "expel", "obj", "из"),
    # MOBILIZE
    "мобилизовать": cue("MOBILIZE", "troops"),
    # COERCE
    "арестовать": cue("COERCE", "arrest", "obj"),
    "задержать": cue("COERCE", "arrest", "obj"),
    "депортировать": cue("COERCE", "deport", "obj"),
    "запретить": cue("COERCE", "restrict", "obj"),
    "конфисковать": cue("COERCE", "seize", "obj"),
    "изъять": cue("COERCE", "seize", "obj"),
    "оккупировать": cue("COERCE", "seize", "obj"),
    "захватить": cue("COERCE", "seize", "obj"),
    # ASSAULT
    "атаковать": cue("ASSAULT", None, "obj"),
    "напасть": cue("ASSAULT", None, "на"),
    "обстрелять": cue("ASSAULT", "heavy-weapons", "obj"),
    "обстреливать": cue("ASSAULT", "heavy-weapons", "obj"),
    "бомбить": cue("ASSAULT", "aerial", "obj"),
    "убить": cue("ASSAULT", "targeted", "obj"),
    "похитить": cue("ASSAULT", "abduct", "obj"),
    "взорвать": cue("ASSAULT", "explosives", "obj"),
    "сбить": cue("ASSAULT", None, "obj"),
    "ликвидировать": cue("ASSAULT", "targeted", "obj"),
    "уничтожить": cue("ASSAULT", "destroy", "obj"),
    "штурмовать": cue("ASSAULT", None, "obj"),
}

NOUNS: dict[str, Cue] = {
    "договоренность": cue("AGREE", None, mutual=True, light=("достичь", "достигнуть", "прийти"), strict=True),
    "соглашение": cue("AGREE", None, mutual=True, light=("достичь", "достигнуть", "прийти"), strict=True),
    "компромисс": cue("AGREE", None, mutual=True, light=("достичь", "достигнуть", "прийти", "найти"), strict=True),
    "прогресс": cue("AGREE", None, mutual=True, light=("достичь", "достигнуть", "добиться"), strict=True),
    "приглашение": cue("AGREE", None, "Dat"),
    "готовность": cue("AGREE", None, embeds="absorbed"),
    "переговоры": MEET,
    "встреча": MEET,
    "разговор": MEET,
    "диалог": MEET,
    "видеоконференция": cue("CONSULT", "phone", mutual=True),
    "беседа": MEET,
    "консультация": MEET,
    "саммит": cue("CONSULT", "multilateral", mutual=True),
    "визит": cue("CONSULT", "visit", "в", "к", light=("находиться", "прибыть", "отправиться")),
    "поддержка": cue("SUPPORT", None, "Dat"),
    "помощь": cue("AID", None, "Dat"),
    "поставка": cue("AID", None, "Dat"),
    "кредит": cue("AID", None, "Dat"),
    "сотрудничество": cue("COOPERATE", None, mutual=True),
    "уступка": cue("CONCEDE", None, light=("пойти",)),
    "извинение": cue("CONCEDE", None, "Dat", "перед", light=("принести", "приносить"), strict=True),  # PLOVER: regret is CONCEDE
    "отставка": cue("RETREAT", "resign", light=("подать", "уйти")),
    "освобождение": cue("RETREAT", "release", genitive="recipient"),
    "перемирие": cue("RETREAT", "ceasefire", light=("соблюдать", "вступить")),
    "призыв": cue("REQUEST", None, "к", embeds="hypothetical", light=("выступить", "обратиться")),
    "требование": cue("REQUEST", None, "к", embeds="hypothetical", light=("выдвинуть",)),
    "просьба": cue("REQUEST", None, "к", embeds="hypothetical", light=("обратиться",)),
    "обвинение": cue("ACCUSE", "allege", "в_адрес", "против", light=("предъявить", "выдвинуть")),
    "критика": cue("ACCUSE", "disapprove", "в_адрес", light=("подвергнуть", "выступить")),
    "осуждение": cue("ACCUSE", "disapprove", genitive="recipient"),
    "расследование": cue("ACCUSE", "investigate", light=("возбудить",)),
    "отказ": cue("REJECT", None, embeds="absorbed"),
    "вето": cue("REJECT", None, light=("наложить", "применить")),
    "угроза": cue("THREATEN", None, "в_адрес", light=("выступить",)),
    "ультиматум": cue("THREATEN", None, "Dat", light=("предъявить", "выдвинуть")),
    "митинг": cue("PROTEST", "demo", light=("выйти",)),
    "демонстрация": cue("PROTEST", "demo", light=("выйти",)),
    "забастовка": cue("PROTEST", "strike"),
    "голодовка": cue("PROTEST", "hunger"),
    "бойкот": cue("PROTEST", "boycott", light=("объявить", "призвать")),
    "санкция": cue("SANCTION", "discontinue", "против", "в_отношение", light=("наложить", "продлить", "расширить")),
    "пошлина": cue("SANCTION", "discontinue", "на", "против", "для", light=("повысить",)),
    "эмбарго": cue("SANCTION", "discontinue", "против", "в_отношение", "на"),
    "высылка": cue("SANCTION", "expel", genitive="recipient"),
    "мобилизация": cue("MOBILIZE", "troops"),
    "учения": cue("MOBILIZE", "troops"),
    "учение": cue("MOBILIZE", "troops"),
    "арест": cue("COERCE", "arrest", genitive="recipient"),
    "задержание": cue("COERCE", "arrest", genitive="recipient"),
    "обыск": cue("COERCE", "seize", "у", "в"),
    "блокада": cue("COERCE", "restrict", genitive="recipient", light=("установить",)),
    "кибератака": cue("COERCE", "cyber", "на", "против"),
    "удар": cue("ASSAULT", None, "по", light=("нанести", "наносить")),
    "авиаудар": cue("ASSAULT", "aerial", "по", light=("нанести", "наносить")),
    "атака": cue("ASSAULT", None, "на", "по"),
    "нападение": cue("ASSAULT", None, "на"),
    "обстрел": cue("ASSAULT", "heavy-weapons", genitive="recipient"),
    "бомбардировка": cue("ASSAULT", "aerial", genitive="recipient"),
    "штурм": cue("ASSAULT", None, genitive="recipient"),
    "наступление": cue("ASSAULT", None, "на"),
    "покушение": cue("ASSAULT", "targeted", "на"),
    "убийство": cue("ASSAULT", "targeted", genitive="recipient"),
    "теракт": cue("ASSAULT", "explosives", "против", "на"),
}

# (head lemma, dependent lemma or "+preposition" of a dependent) → cue, checked before the head alone.
PAIRS: dict[tuple[str, str], Cue] = {
    ("прекращение", "огонь"): cue("RETREAT", "ceasefire", light=("соблюдать", "вступить")),
    ("объявить", "перемирие"): cue("CONCEDE"),
    ("объявить", "прекращение"): cue("CONCEDE"),
    ("снять", "санкция"): cue("CONCEDE", None, "с"),
    ("отменить", "санкция"): cue("CONCEDE", None, "против", "с"),
    ("смягчить", "санкция"): cue("CONCEDE", None, "против"),
    ("отменить", "визит"): cue("REJECT", "meet"),
    ("отменить", "встреча"): cue("REJECT", "meet", "с"),
    ("отменить", "переговоры"): cue("REJECT", "meet", "с"),
    ("отменить", "поездка"): cue("REJECT", "meet", "в"),
    ("отвести", "войска"): cue("RETREAT", "withdraw", "из", "от"),
    ("вывести", "войска"): cue("RETREAT", "withdraw", "из"),
    ("отвести", "силы"): cue("RETREAT", "withdraw", "из", "от"),
    ("обмен", "пленный"): cue("RETREAT", "release", mutual=True),
    ("обменяться", "пленный"): cue("RETREAT", "release", mutual=True),
    ("восстановить", "отношение"): cue("SUPPORT", None, mutual=True),
    ("выразить", "протест"): cue("ACCUSE", "disapprove", "Dat", "в_связь_с"),
    ("заявить", "протест"): cue("ACCUSE", "disapprove", "Dat"),
    ("направить", "нота"): cue("ACCUSE", "disapprove", "Dat"),
    ("вызвать", "посол"): cue("ACCUSE", "disapprove", "obj"),
    ("вызвать", "посланник"): cue("ACCUSE", "disapprove", "obj"),
    ("вызвать", "поверенный"): cue("ACCUSE", "disapprove", "obj"),
    ("возложить", "ответственность"): cue("ACCUSE", "allege", "на"),
    ("заблокировать", "резолюция"): cue("REJECT"),
    ("выступить", "+против"): cue("REJECT", None, "против"),
    ("возбудить", "дело"): cue("ACCUSE", "investigate", "против", "в_отношение"),
    ("выразить", "недовольство"): cue("ACCUSE", "disapprove", "Dat"),
    ("выразить", "возмущение"): cue("ACCUSE", "disapprove", "Dat"),
    ("снять", "вето"): cue("CONCEDE"),
    ("выразить", "сожаление"): cue("CONCEDE", None, "в_связь_с"),
    ("разорвать", "отношение"): cue("SANCTION", "withdraw", mutual=True),
    ("отозвать", "посол"): cue("SANCTION", "withdraw", "из"),
    ("приостановить", "участие"): cue("SANCTION", "withdraw", "в"),
    ("приостановить", "поставка"): cue("SANCTION", "discontinue", "Dat", "в"),
    ("приостановить", "сотрудничество"): cue("SANCTION", "discontinue", "с"),
    ("прекратить", "поставка"): cue("SANCTION", "discontinue", "Dat", "в"),
    ("прекратить", "сотрудничество"): cue("SANCTION", "discontinue", "с"),
    ("выйти", "договор"): cue("SANCTION", "withdraw"),
    ("выйти", "соглашение"): cue("SANCTION", "withdraw"),
    ("заморозить", "актив"): cue("SANCTION", "discontinue", genitive="recipient"),
    ("закрыть", "посольство"): cue("SANCTION", "withdraw", "в"),
    ("закрыть", "консульство"): cue("SANCTION", "withdraw", "в"),
    ("ввести", "ограничение"): cue("SANCTION", "discontinue", "против", "в_отношение", "для"),
    ("ввести", "час"): cue("COERCE", "curfew"),
    ("ввести", "положение"): cue("COERCE", "martial-law"),
    ("ввести", "войска"): cue("MOBILIZE", "troops", "в"),
    ("перебросить", "войска"): cue("MOBILIZE", "troops", "к", "в"),
    ("стянуть", "войска"): cue("MOBILIZE", "troops", "к"),
    ("разместить", "ракета"): cue("MOBILIZE", "weapons", "в"),
    ("разместить", "войска"): cue("MOBILIZE", "troops", "в"),
    ("развернуть", "комплекс"): cue("MOBILIZE", "weapons", "в"),
    ("привести", "готовность"): cue("MOBILIZE", "troops"),
    ("закрыть", "граница"): cue("SANCTION", None, "с", "для"),
    ("выразить", "обеспокоенность"): cue("ACCUSE", "disapprove", "Dat", "в_связь_с"),
    **{(verb, judgement): cue("ACCUSE", "disapprove", "obj") for verb in ("назвать", "называть") for judgement in (
        "незаконный", "необоснованный", "неприемлемый", "провокационный", "безответственный", "враждебный",
        "нелегитимный", "абсурдный", "ошибочный", "опасный", "несправедливый", "недопустимый", "агрессивный",
        "циничный", "бессмысленный", "преступный", "лживый", "позорный", "провокация", "ошибка", "преступление",
    )},
    **{(verb, "войско"): PAIR for verb, PAIR in (
        ("отвести", cue("RETREAT", "withdraw", "из", "от")), ("вывести", cue("RETREAT", "withdraw", "из")),
        ("ввести", cue("MOBILIZE", "troops", "в")), ("перебросить", cue("MOBILIZE", "troops", "к", "в")),
        ("стянуть", cue("MOBILIZE", "troops", "к")), ("разместить", cue("MOBILIZE", "troops", "в")),
    )},
    ("акция", "протест"): cue("PROTEST", "demo", "против", light=("выйти",)),
    ("выйти", "улица"): cue("PROTEST", "demo", "против"),
    ("объявить", "персона"): cue("SANCTION", "expel", "obj"),  # `объявили посла персоной нон грата`
    ("снять", "ограничение"): cue("CONCEDE", None, "на", "для"),
    ("запустить", "ракета"): cue("MOBILIZE", "weapons"),
    ("провести", "пуск"): cue("MOBILIZE", "weapons"),
}

# Verbs that carry any nominal trigger as their object or oblique (`провести переговоры`).
LIGHT_VERBS = frozenset({
    "провести", "проводить", "вести", "начать", "начинать", "продолжить", "возобновить",
    "ввести", "вводить", "нанести", "наносить", "выразить", "выражать", "совершить", "совершать",
    "объявить", "организовать", "устроить", "оказать", "оказывать", "предоставить", "выделить",
    "направить", "отправить", "принять", "участвовать", "запланировать", "иметь", "заявить",
    "завершить", "утвердить", "расширить", "усилить", "увеличить", "ускорить", "представить",
    "подписать", "подписывать", "доставить", "доставлять",
})
# A state's own acts: `подписал указ о введении пошлин` is the SANCTION in the decree, no SUPPORT.
OWN_ACTS = frozenset({"указ", "закон", "постановление", "распоряжение", "приказ"})
# Verbs of which a nominal trigger is the subject (`переговоры состоялись`).
OCCURRENCE_VERBS = frozenset({
    "состояться", "пройти", "проходить", "начаться", "завершиться", "закончиться",
    "продлиться", "продолжиться", "вступить", "стартовать", "открыться", "ожидаться", "планироваться",
})

# Heads that make an event in their complement planned or merely possible.
PLANNING = frozenset({
    "планировать", "намереваться", "собираться", "намеренный", "рассчитывать", "готовиться",
    "решить", "должный", "предстоять", "запланировать", "ожидаться", "планироваться", "намерение",
})
POSSIBLE = frozenset({"мочь", "смочь", "возможный", "возможность", "попытаться", "пытаться"})
PLANNED_MODIFIERS = frozenset({"предстоящий", "запланированный", "будущий", "следующий", "очередной"})

# Modes signalled by a modifier of the trigger, per PLOVER type.
MODE_MODIFIERS: dict[str, dict[str, str]] = {
    "CONSULT": {"телефонный": "phone", "телефон": "phone", "видеосвязь": "phone", "видеоконференция": "phone",
                "официальный": "visit", "государственный": "visit", "рабочий": "visit"},
    "ASSAULT": {"ракетный": "heavy-weapons", "ракета": "heavy-weapons", "артиллерийский": "heavy-weapons",
                "артиллерия": "heavy-weapons", "беспилотник": "drone", "дрон": "drone", "авиационный": "aerial",
                "авиация": "aerial"},
}

# The mode a REQUEST or REJECT takes from the event it is about.
REQUEST_MODES = {"CONSULT": "meet", "AGREE": "meet", "RETREAT": "yield", "CONCEDE": "yield", "AID": "assist",
                 "COOPERATE": "assist"}
# Verbal acts happen when reported even if what they are about lies ahead (`предложил встретиться на следующей неделе`).
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "CONCEDE"})
# PLOVER: cooperative actions in the future are AGREE; a future retreat is a CONCEDE.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
