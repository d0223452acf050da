"""Triggers, types and one record per event on Russian sentences we wrote, through the full pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.doc import Article
from newsgraph.stages.events import Events
from newsgraph.stages.events.tree import as_tree


def typed(doc: Article, event_type: str) -> list[str]:
    return [doc.span_text(e.trigger) for e in doc.events if e.type == event_type]


def reaches_a_root(doc: Article, i: int) -> bool:
    seen = set()
    while doc.tokens[i].head is not None and doc.tokens[i].head >= 0:
        if i in seen:
            return False
        seen.add(i)
        i = doc.tokens[i].head
    return True


def headed_by_itself(doc: Article, lemma: str) -> Article:
    """The article with the word its own head, as the syntax model sometimes has it (`отношения` in a real report)."""
    i = next(i for i, t in enumerate(doc.tokens) if t.lemma == lemma)
    tokens = list(doc.tokens)
    tokens[i] = replace(tokens[i], head=i)
    return replace(doc, tokens=tuple(tokens))


def test_a_head_loop_in_the_parse_is_cut_and_the_events_stage_finishes(analyze):
    doc = analyze("Посол напомнил, что у Москвы и Парижа одно время были очень тесные отношения.")
    broken = headed_by_itself(doc, "отношение")
    cut = next(i for i, t in enumerate(doc.tokens) if t.lemma == "отношение")
    assert not all(reaches_a_root(broken, i) for i in range(len(broken.tokens)))
    tree = as_tree(broken)
    assert all(reaches_a_root(tree, i) for i in range(len(tree.tokens)))
    assert tree.tokens[cut].head == -1
    annotated = Events()(broken)  # a RecursionError before the cut
    assert annotated.tokens == broken.tokens  # the cut is the stage's own reading; the article keeps its parse
    assert as_tree(tree) is tree


def test_a_meeting_restated_by_its_noun_is_one_record_with_the_restatement_date(analyze):
    doc = analyze("Владимир Путин и Эммануэль Макрон проведут встречу в Париже. Встреча пройдет 5 мая.",
                  published="2025-04-20")
    [event] = doc.events
    assert (event.type, doc.span_text(event.trigger), event.modality) == ("AGREE", "встречу", "planned")
    assert (event.date, event.date_text) == ("2025-05-05", "5 мая")


def test_talks_that_lasted_are_the_talks_held(analyze):
    doc = analyze("Путин провел переговоры с Макроном. Переговоры продлились три часа.")
    assert typed(doc, "CONSULT") == ["переговоры"]


def test_a_clash_restated_by_another_word_is_one_record(analyze):
    doc = analyze("Столкновение армии с боевиками произошло у границы. Тогда армия впервые участвовала в прямом бою с боевиками.")
    assert typed(doc, "ASSAULT") == ["Столкновение"]


def test_two_arrests_told_by_two_verbs_stay_two_events(analyze):
    doc = analyze("Полиция задержала двух активистов в Москве. Позже полиция задержала ещё трёх человек в Казани.")
    assert typed(doc, "COERCE") == ["задержала", "задержала"]


def test_force_verbs_joined_in_one_sentence_are_the_steps_of_one_assault(analyze):
    doc = analyze("Боевики похитили журналиста, избили его и убили.")
    assert typed(doc, "ASSAULT") == ["похитили"]


def test_joined_statements_and_acts_of_other_types_stay_separate_events(analyze):
    doc = analyze("Депутат раскритиковал министра и обвинил его во лжи.")
    assert typed(doc, "ACCUSE") == ["раскритиковал", "обвинил"]
    doc = analyze("Полиция задержала активистов и избила их.")
    assert (typed(doc, "COERCE"), typed(doc, "ASSAULT")) == (["задержала"], ["избила"])


def test_strikes_on_different_days_stay_two_events(analyze):
    doc = analyze("Армия нанесла удар по Харькову 3 мая. Новый удар по Харькову армия нанесла 9 мая.",
                  published="2025-05-12")
    assert typed(doc, "ASSAULT") == ["удар", "удар"]


def test_word_senses_that_state_no_event(analyze):
    assert analyze("Организация «Исламское государство» (запрещена в РФ) взяла ответственность на себя.").events == ()
    assert typed(analyze("Сразу после наступления Нового года премьер-министр выступил с речью."), "ASSAULT") == []
    assert analyze("В пресс-службе министерства отказались комментировать ситуацию.").events == ()
    assert typed(analyze("Суд осудил бывшего губернатора к девяти годам заключения."), "ACCUSE") == []
    assert typed(analyze("Президент приветствовал гостей форума."), "SUPPORT") == []
    assert typed(analyze("В беседе с «НГ» политолог Иван Петров отметил, что санкции не помогут."), "CONSULT") == []
    assert typed(analyze("Актриса подписала контракт с агентством в Милане."), "SUPPORT") == []
    assert typed(analyze("Бизнес-план гостиницы будет готов к марту."), "AGREE") == []
    assert typed(analyze("Депутаты посетили лекцию о конституции."), "CONSULT") == []
    assert typed(analyze("Переселенцы встречаются с непониманием местных властей."), "CONSULT") == []
    assert typed(analyze("Реформа потребует огромных усилий."), "REQUEST") == []
    assert typed(analyze("Ветеран попросил руки своей соседки."), "REQUEST") == []
    assert typed(analyze("Удар о воду произошел через минуту после взлета."), "ASSAULT") == []
    assert typed(analyze("Эксперт не согласился с тем, что реформа провалилась."), "AGREE") == []
    assert analyze("Чиновники отказались предоставить журналистам информацию.").events == ()
    assert typed(analyze("Оператор предоставляет клиентам возможность выбора тарифа."), "AID") == []


def test_the_same_words_in_their_event_sense_stay_events(analyze):
    assert typed(analyze("Армия начала наступление на Херсон."), "ASSAULT") == ["наступление"]
    assert typed(analyze("Киев отказался от переговоров с Москвой."), "REJECT") == ["отказался"]
    assert typed(analyze("Власти запретили митинг оппозиции."), "COERCE") == ["запретили"]
    assert typed(analyze("Генсек ООН осудил удар по больнице."), "ACCUSE") == ["осудил"]
    assert typed(analyze("Кремль приветствовал решение Вашингтона."), "SUPPORT") == ["приветствовал"]
    assert typed(analyze("Вчера Ткачев в беседе с Вайнштоком заявил о проблемах стройки."), "CONSULT") == ["беседе"]
    assert typed(analyze("Россия и Казахстан подписали соглашение о границе."), "SUPPORT") == ["подписали"]
    assert typed(analyze("Компания готова управлять гостиницей."), "AGREE") == ["готова"]
    assert typed(analyze("Президент посетил Дамаск."), "CONSULT") == ["посетил"]
    assert typed(analyze("Путин встречается с Макроном в Париже."), "CONSULT") == ["встречается"]
    assert typed(analyze("Оппозиция потребовала отставки министра."), "REQUEST") == ["потребовала"]
    assert typed(analyze("Президент попросил правительство о помощи."), "REQUEST") == ["попросил"]
    assert typed(analyze("Армия нанесла удар по городу."), "ASSAULT") == ["удар"]
    assert typed(analyze("Киев согласился с предложением Москвы."), "AGREE") == ["согласился"]
    assert typed(analyze("Германия предоставила Украине зенитные комплексы."), "AID") == ["предоставила"]


def test_a_title_line_restating_the_body_leaves_the_body_record(analyze):
    doc = analyze("Президент уволил двух генералов полиции\nПрезидент России Владимир Путин уволил в четверг двух генералов "
                  "полиции.", published="2025-06-14")
    [event] = doc.events
    assert (event.type, event.date) == ("SANCTION", "2025-06-12")
    assert event.trigger.start > doc.text.index("\n")


def test_a_title_naming_the_parties_otherwise_still_restates_the_body(analyze):
    doc = analyze("Московский суд приговорил блогера к пяти годам колонии\nЗдание суда на Тверской улице\n"
                  "Суд в Москве приговорил блогера Ивана Петрова к пяти годам колонии.")
    [event] = doc.events
    assert event.type == "SANCTION"
    assert event.trigger.start > doc.text.index("Суд в Москве")


def test_nouns_and_phrases_the_lexicon_reads_as_events(analyze):
    assert typed(analyze("Еврокомиссия выступила против сделки Oracle и Sun."), "ACCUSE") == ["выступила"]
    assert typed(analyze("Парламент начал процедуру импичмента президента."), "ACCUSE") == ["импичмента"]
    assert typed(analyze("Суд в Милане приговорил бойца к десяти годам тюрьмы."), "SANCTION") == ["приговорил"]
    assert typed(analyze("Премьер поручил министру финансов подготовить доклад."), "REQUEST") == ["поручил"]
    assert typed(analyze("Командование принесло соболезнования семьям погибших."), "CONCEDE") == ["соболезнования"]
    assert typed(analyze("Турция начала военную операцию против курдов."), "ASSAULT") == ["начала"]
    assert typed(analyze("Правительство и повстанцы заключили перемирие в июне."), "AGREE") == ["заключили"]
    assert typed(analyze("В столице продолжаются митинги оппозиции."), "PROTEST") == ["митинги"]


def test_a_promise_of_a_hostile_act_is_a_threat_and_of_help_an_agreement(analyze):
    threat = analyze("Глава «Газпрома» пообещал с понедельника ограничить поставки газа Белоруссии.")
    assert [(e.type, threat.span_text(e.trigger)) for e in threat.events] == [("THREATEN", "пообещал")]
    assert typed(analyze("Президент пообещал ввести санкции против Ирана."), "THREATEN") == ["пообещал"]
    assert typed(analyze("Министр пообещал помочь фермерам Кубани."), "AGREE") == ["пообещал"]


# Entries added type by type from the PLOVER manual (two or three per type), each in a sentence of our own.
ONTOLOGY_TRIGGERS = [
    ("AGREE", "обязательство", "Правительство взяло на себя обязательство сократить выбросы к 2030 году."),
    ("AGREE", "приглашает", "Финляндия приглашает наблюдателей ОБСЕ на выборы."),
    ("AGREE", "гарантировал", "Премьер гарантировал инвесторам защиту от изъятия собственности."),
    ("CONSULT", "прилетел", "Госсекретарь США прилетел в Анкару для переговоров с турецким лидером."),
    ("CONSULT", "посовещались", "Министры обороны двух стран посовещались в Брюсселе."),
    ("CONSULT", "турне", "Премьер Индии завершил турне по странам Африки."),
    ("SUPPORT", "признала", "Никарагуа признала независимость Абхазии."),
    ("SUPPORT", "нормализовали", "Израиль и Марокко нормализовали отношения в прошлом году."),
    ("SUPPORT", "солидарность", "Лидеры Евросоюза выразили солидарность с Грецией."),
    ("SUPPORT", "оценила", "Москва высоко оценила итоги саммита."),
    ("CONCEDE", "амнистировал", "Президент амнистировал сто политических заключенных."),
    ("CONCEDE", "отменили", "Власти отменили комендантский час в столице."),
    ("CONCEDE", "извиняется", "Министр извиняется перед жителями за задержку выплат."),
    ("COOPERATE", "взаимодействуют", "Спецслужбы двух стран тесно взаимодействуют в борьбе с терроризмом."),
    ("COOPERATE", "обменялись", "Россия и Турция обменялись разведданными о боевиках."),
    ("AID", "поставляет", "Германия поставляет Украине зенитные установки."),
    ("AID", "списала", "Россия списала Кубе долг в 30 миллиардов долларов."),
    ("AID", "транш", "Кабмин направил регионам новый транш."),
    ("RETREAT", "отпустили", "Боевики отпустили журналистов после трех недель плена."),
    ("RETREAT", "вывод", "Начался вывод войск из Приднестровья."),
    ("RETREAT", "сложил", "Мэр города сложил полномочия по собственному желанию."),
    ("REQUEST", "приказал", "Командующий приказал войскам отойти от границы."),
    ("REQUEST", "запросила", "Прокуратура запросила у Швейцарии документы по делу банкира."),
    ("REQUEST", "ходатайство", "Адвокаты направили в суд ходатайство об освобождении журналиста."),
    ("ACCUSE", "подозревают", "Власти Эстонии подозревают бывшего министра в шпионаже."),
    ("ACCUSE", "иск", "Компания подала иск против министерства финансов."),
    ("ACCUSE", "завели", "Следователи завели дело против главы района."),
    ("REJECT", "проигнорировал", "Премьер проигнорировал требования профсоюзов."),
    ("REJECT", "отклоняет", "Сенат отклоняет законопроект о бюджете."),
    ("THREATEN", "шантажирует", "Оппозиция заявила, что власть шантажирует избирателей."),
    ("THREATEN", "предупреждение", "Пекин сделал Вашингтону предупреждение о последствиях."),
    ("PROTEST", "бойкотировали", "Депутаты оппозиции бойкотировали заседание парламента."),
    ("PROTEST", "шествие", "В Париже прошло шествие против пенсионной реформы."),
    ("PROTEST", "перекрыли", "Фермеры перекрыли дорогу в знак протеста против цен."),
    ("SANCTION", "денонсировала", "Россия денонсировала соглашение о плутонии."),
    ("SANCTION", "оштрафовал", "Суд оштрафовал Google на миллиард рублей."),
    ("SANCTION", "прервали", "Палестинцы прервали переговоры с Израилем."),
    ("MOBILIZE", "развернул", "Пентагон развернул ракеты в Польше."),
    ("MOBILIZE", "Переброска", "Переброска бронетехники к границе началась в понедельник."),
    ("MOBILIZE", "патрулируют", "Военные корабли патрулируют пролив."),
    ("COERCE", "выдворили", "Власти выдворили из страны двух иностранных активистов."),
    ("COERCE", "Аннексия", "Аннексия полуострова произошла в 2014 году."),
    ("COERCE", "заблокировал", "Роскомнадзор заблокировал сайт оппозиционного издания."),
    ("COERCE", "атака", "Хакерская атака на сайт избиркома произошла ночью."),
    ("ASSAULT", "открыли", "Снайперы открыли огонь по демонстрантам."),
    ("ASSAULT", "вторглись", "Войска вторглись в соседнюю страну на рассвете."),
    ("ASSAULT", "Похищение", "Похищение журналиста в Сирии осудили в ООН."),
]


@pytest.mark.parametrize(("event_type", "trigger", "text"), ONTOLOGY_TRIGGERS)
def test_ontology_lexicon_entries_are_read_as_their_plover_type(analyze, event_type, trigger, text):
    assert trigger in typed(analyze(text), event_type)


def test_general_senses_left_out_of_the_lexicon_state_no_event(analyze):
    """`помочь` (any help), `заверить` (assure of a fact), `совещание` (an internal meeting) are not PLOVER acts."""
    assert analyze("Новая программа поможет школам региона.").events == ()
    assert typed(analyze("Советы юристов помогли жителям разобраться в законе."), "AID") == []
    assert typed(analyze("Полиция заверила, что угрозы для жителей нет."), "AGREE") == []
    assert typed(analyze("Губернатор провел совещание с главами районов."), "CONSULT") == []


def test_an_infinitive_only_named_is_no_event(analyze):
    assert typed(analyze("Министр прибыл в Берлин, чтобы обсудить с канцлером торговлю."), "CONSULT") == ["прибыл"]
    assert typed(analyze("Оппозиция предприняла новую попытку заблокировать законопроект."), "REJECT") == []
    assert typed(analyze("Новый закон позволяет дипломатам встречаться с чиновниками Тайваня."), "CONSULT") == []
    assert typed(analyze("У ветеранов осталась последняя возможность встретиться."), "CONSULT") == []


def test_an_infinitive_done_planned_or_possible_stays_an_event(analyze):
    assert typed(analyze("Полиции удалось задержать подозреваемого в Казани."), "COERCE") == ["задержать"]
    doc = analyze("Министры намерены обсудить кризис на следующей неделе.")
    assert [(e.type, e.modality) for e in doc.events] == [("AGREE", "planned")]
    doc = analyze("Президент может ввести санкции против компании.")
    assert [(e.type, e.modality) for e in doc.events] == [("SANCTION", "hypothetical")]


def test_a_condition_is_no_event_but_what_depends_on_it_is(analyze):
    assert typed(analyze("Если партнёры договорятся, канал выйдет из кризиса."), "AGREE") == []
    doc = analyze("Москва пригрозила Киеву санкциями, если он не прекратит обстрелы.")
    assert [(e.type, doc.span_text(e.trigger)) for e in doc.events] == [("THREATEN", "пригрозила")]


def test_an_act_not_done_by_no_one_named_is_a_topic_not_an_event(analyze):
    assert analyze("Новый договор должен быть ратифицирован до конца года.").events == ()
    assert analyze("Возможно, пенсионерам будет предложена компенсация.").events == ()
    doc = analyze("Киев не поддержал резолюцию ООН.")
    assert [(e.type, e.modality) for e in doc.events] == [("SUPPORT", "negated")]


def test_a_proposal_that_others_act_is_a_request_and_an_offer_an_agreement(analyze):
    doc = analyze("Министр предложил странам ЕС постепенно снимать санкции.")
    assert [e.type for e in doc.events] == ["REQUEST"]
    assert typed(analyze("Министр предложил Киеву финансовую помощь."), "AGREE") == ["предложил"]
    assert analyze("Депутат предложил законопроект о митингах.").events == ()


def test_agreeing_to_yield_is_a_concession(analyze):
    doc = analyze("Под давлением протестов премьер согласился покинуть свой пост.")
    assert [(e.type, doc.span_text(e.trigger)) for e in doc.events] == [("CONCEDE", "согласился")]


def test_claims_penalties_and_dangers_are_no_demands_or_threats(analyze):
    assert typed(analyze("Министр настаивал, что войска не пересекали границу."), "REQUEST") == []
    assert typed(analyze("Профсоюз настаивает на отставке министра."), "REQUEST") == ["настаивает"]
    assert typed(analyze("Нарушителям грозит штраф до миллиона рублей."), "THREATEN") == []
    assert typed(analyze("Такая политика угрожает безопасности страны."), "THREATEN") == []
    assert typed(analyze("Премьер угрожает соседям новыми санкциями."), "THREATEN") == ["угрожает"]
    assert typed(analyze("Певица встречается с актёром с 2019 года."), "CONSULT") == []


def test_a_warned_act_is_only_the_warning(analyze):
    doc = analyze("Лидер Абхазии предупредил, что может отказаться от переговоров с Грузией.")
    assert [e.type for e in doc.events] == ["THREATEN"]


def test_a_teaser_of_another_article_states_no_event_of_this_one(analyze):
    doc = analyze("Министр обороны России провёл переговоры с коллегой из Турции.\nТакже по теме\n"
                  "Киев обвинил Москву в срыве зерновой сделки\n"
                  "Украинский МИД обвинил Россию в срыве соглашения о вывозе зерна из...\n"
                  "Вечером Киев обвинил Анкару в затягивании проверок судов.")
    assert [(e.type, doc.span_text(e.trigger)) for e in doc.events] == [("CONSULT", "переговоры"), ("ACCUSE", "обвинил")]
    assert doc.events[-1].trigger.start > doc.text.index("Вечером")


def test_an_interview_with_a_medium_is_no_meeting_whatever_the_parse_hangs_it_on(analyze):
    doc = analyze("Политолог Анна Орлова в беседе с «НГ» напомнила, что поддержку мандата Ципрас получил в парламенте.")
    assert typed(doc, "CONSULT") == []
    assert typed(analyze("Вчера Ткачев в беседе с Вайнштоком заявил о проблемах стройки."), "CONSULT") == ["беседе"]


def test_a_bare_infinitive_urges_and_reports_nothing(analyze):
    doc = analyze("Правозащитники перечислили свои требования. В частности, отказаться от планов депортации мигрантов.")
    assert typed(doc, "REJECT") == []
    doc = analyze("«Я ещё попрошу Генеральную прокуратуру разобраться», — сказал Владимир Путин.")
    assert typed(doc, "REQUEST") == ["попрошу"]


def test_a_hostile_act_ahead_by_no_one_named_is_a_topic(analyze):
    assert typed(analyze("Неясно, кто будет играть главную роль в штурме города."), "ASSAULT") == []


def test_force_verbs_hanging_on_one_first_conjunct_are_one_assault(analyze):
    doc = analyze("Нападавший остановил машину, избил водителя и похитил его.")
    assert typed(doc, "ASSAULT") == ["избил"]


def test_a_demanded_act_named_by_a_noun_is_no_event(analyze):
    doc = analyze("С требованием отставки президента на улицы Сеула вышли тысячи человек.")
    assert typed(doc, "RETREAT") == []


def test_metaphoric_blows_and_handed_evidence_are_no_events(analyze):
    assert typed(analyze("Скандал нанёс удар по репутации министра."), "ASSAULT") == []
    assert typed(analyze("Соседка передала запись разговора в полицию."), "AID") == []
    assert typed(analyze("Германия передала Украине танки."), "AID") == ["передала"]


def test_retaking_a_town_is_an_assault_and_releasing_people_a_retreat(analyze):
    doc = analyze("Сирийская армия освободила город от боевиков.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert typed(analyze("Боевики освободили заложников."), "RETREAT") == ["освободили"]


def test_a_hostile_act_or_veto_announced_ahead_is_a_threat(analyze):
    doc = analyze("Белый дом дал понять, что президент наложит вето на законопроект.")
    assert [(e.type, doc.span_text(e.trigger)) for e in doc.events] == [("THREATEN", "вето")]
    assert typed(analyze("Президент наложил вето на законопроект."), "REJECT") == ["вето"]
    doc = analyze("Санкции против Минска будут введены Евросоюзом в понедельник.")  # `будут` tagged present, `aux:pass`
    assert [(e.type, e.modality) for e in doc.events] == [("THREATEN", "asserted")]
    doc = analyze("Евросоюз планирует ввести санкции против Ирана.")  # a plan stays the act planned
    assert [(e.type, e.modality) for e in doc.events] == [("SANCTION", "planned")]


def test_a_stance_counted_over_people_is_a_poll_not_an_event(analyze):
    assert typed(analyze("По данным опроса, 63% датчан одобряют ужесточение правил."), "SUPPORT") == []
    assert typed(analyze("Большинство жителей не поддерживает реформу."), "SUPPORT") == []
    assert typed(analyze("Законопроект поддержали 99 сенаторов из ста."), "SUPPORT") == []
    assert typed(analyze("Позицию Тбилиси поддержал только один член Совбеза."), "SUPPORT") == ["поддержал"]
    assert typed(analyze("Более двух тысяч человек протестовали у здания парламента."), "PROTEST") == ["протестовали"]


def test_being_ready_for_what_comes_is_no_commitment(analyze):
    assert typed(analyze("Если они решат рискнуть, то должны быть готовы к тому, что по ним будут стрелять."), "AGREE") == []
    assert typed(analyze("Компания будет готова выплатить компенсацию семьям."), "AGREE") == ["готова"]


def test_advocating_a_policy_is_a_request_and_a_span_of_time_takes_no_side(analyze):
    assert typed(analyze("Ассоциация выступила за ускоренное реформирование налогов."), "REQUEST") == ["выступила"]
    assert analyze("За день до болезни премьер выступал в парламенте.").events == ()
    doc = analyze("За девять месяцев президент ни разу не выступил в поддержку прессы.")
    assert [(e.type, e.modality) for e in doc.events] == [("SUPPORT", "negated")]


def test_a_verb_that_only_attributes_a_quote_is_its_cue_not_an_event(analyze):
    assert analyze("«Оценщик выйдет на объект и произведет оценку», – пообещал глава компании.").events == ()
    assert typed(analyze("Министр пообещал помочь беженцам."), "AGREE") == ["пообещал"]


def test_a_promise_to_no_one_named_is_an_intention_not_an_agreement(analyze):
    assert typed(analyze("Журналист также пообещал выпустить вторую часть расследования."), "AGREE") == []
    assert typed(analyze("Министр пообещал помочь беженцам."), "AGREE") == ["пообещал"]
    assert typed(analyze("Руководство страны пообещало, что каждая семья получит компенсацию."), "AGREE") == ["пообещало"]
    assert typed(analyze("Миллер пообещал с 21 июня ограничить поставки газа в Белоруссию."), "THREATEN") == ["пообещал"]


def test_blocking_a_road_or_building_is_a_protest_and_blocking_a_proposal_a_rejection(analyze):
    doc = analyze("Толпа из полутора тысяч человек блокировала здание Министерства финансов.")
    assert typed(doc, "PROTEST") == ["блокировала"]
    doc = analyze("Великобритания заблокировала предложение Москвы в Совете Безопасности.")
    assert typed(doc, "REJECT") == ["заблокировала"]


def test_destruction_by_no_one_named_is_damage_not_an_assault(analyze):
    assert typed(analyze("Пожар уничтожил летнюю кухню и гараж."), "ASSAULT") == []
    assert typed(analyze("Боевики уничтожили мост через реку."), "ASSAULT") == ["уничтожили"]


def test_declining_to_confirm_is_no_rejection(analyze):
    assert analyze("Подтвердить свои слова на камеру военные отказались.").events == ()
    assert typed(analyze("Иран отказался выполнять требования МАГАТЭ."), "REJECT") == ["отказался"]


def test_a_caption_is_no_signing(analyze):
    assert typed(analyze("Блогер подписал фото с сотрудниками полиции."), "SUPPORT") == []
    assert typed(analyze("Министр подписал соглашение с Китаем."), "SUPPORT") == ["подписал"]


def test_a_discussion_within_one_body_is_no_consultation(analyze):
    assert typed(analyze("Менеджеры НАСА обсуждают варианты эвакуации астронавта."), "CONSULT") == []
    assert typed(analyze("Лидеры России и Франции обсудили ситуацию в Сирии."), "CONSULT") == ["обсудили"]


def test_insisting_that_something_happened_is_a_claim_not_a_demand(analyze):
    doc = analyze("Южноосетинская сторона настаивает на том, что смерть наступила в результате сердечного приступа.")
    assert typed(doc, "REQUEST") == []
    assert typed(analyze("Кредиторы настаивают на банкротстве телеканала."), "REQUEST") == ["настаивают"]
