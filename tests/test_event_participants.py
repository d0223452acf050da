"""Who acts and on whom, and in what modality, for events in sentences of the kinds real news writes.

Each test is one mechanism of stages/events (participants.py, slots.py, modality.py) on a
Russian sentence written for it.
"""

from __future__ import annotations

from newsgraph.doc import Article, Event


def names(doc: Article, ids: tuple[str, ...]) -> set[str]:
    return {doc.entity(i).name for i in ids}


def event(doc: Article, event_type: str, trigger: str) -> Event:
    [found] = [e for e in doc.events if e.type == event_type and doc.text[e.trigger.start : e.trigger.end] == trigger]
    return found


def test_an_unnamed_group_acts_under_its_own_description(analyze):
    doc = analyze("Силовики задержали бывшего вице-губернатора Ивана Петрова.")
    arrest = event(doc, "COERCE", "задержали")
    assert names(doc, arrest.actor) == {"силовики"} and names(doc, arrest.recipient) == {"Иван Петров"}


def test_the_agent_of_a_passive_acts_and_its_subject_undergoes(analyze):
    doc = analyze("Бывший мэр Самары Олег Фурсов был задержан силовиками.")
    arrest = event(doc, "COERCE", "задержан")
    assert names(doc, arrest.actor) == {"силовики"} and names(doc, arrest.recipient) == {"Олег Фурсов"}


def test_a_quantifier_passes_to_what_it_counts(analyze):
    doc = analyze("Ряд западных СМИ обвинил Москву в кибератаках.")
    accusation = event(doc, "ACCUSE", "обвинил")
    assert names(doc, accusation.actor) == {"западные СМИ"} and names(doc, accusation.recipient) == {"Россия"}


def test_a_talks_noun_takes_its_own_genitives_not_the_subject_of_the_clause_it_frames(analyze):
    doc = analyze(
        "После переговоров министра иностранных дел Сергея Лаврова и госсекретаря Рекса Тиллерсона "
        "в Госдепе заявили о прогрессе."
    )
    talks = event(doc, "CONSULT", "переговоров")
    assert names(doc, talks.actor) == {"Сергей Лавров"} and names(doc, talks.recipient) == {"Рекс Тиллерсон"}


def test_an_agentless_passive_is_done_by_the_body_it_happens_in(analyze):
    doc = analyze("В Следственном комитете Армении возбуждено уголовное дело против бывшего министра.")
    case = event(doc, "ACCUSE", "возбуждено")
    assert names(doc, case.actor) == {"Следственный комитет Армении"}


def test_coordinated_verbs_share_their_object(analyze):
    doc = analyze("Неизвестный похитил и убил журналистку Анну Смирнову.")
    assert names(doc, event(doc, "ASSAULT", "похитил").recipient) == {"Анна Смирнова"}


def test_a_bare_dative_names_whom_a_ban_concerns(analyze):
    doc = analyze("Сенат США запретил иностранным государствам создавать картели.")
    ban = event(doc, "COERCE", "запретил")
    assert names(doc, ban.actor) == {"Сенат США"} and names(doc, ban.recipient) == {"иностранные государства"}


def test_an_object_pronoun_after_a_year_and_a_place_still_finds_its_person(analyze):
    doc = analyze("Министр Игорь Волков приехал в Италию. В 2019 году он прилетел в Рим, но в аэропорту его задержала полиция.")
    arrest = event(doc, "COERCE", "задержала")
    assert names(doc, arrest.actor) == {"полиция"} and names(doc, arrest.recipient) == {"Игорь Волков"}


def test_a_person_described_beyond_a_place_is_not_the_state(analyze):
    doc = analyze("Губернатор Андрей Тарасенко встретился с руководителем крупного гостиничного оператора Японии.")
    meeting = event(doc, "CONSULT", "встретился")
    assert names(doc, meeting.recipient) == {"руководитель крупного гостиничного оператора Японии"}


def test_a_negated_clause_beside_the_event_does_not_negate_it(analyze):
    doc = analyze("Путин и Макрон обсудили по телефону ситуацию на Украине, но прогресса не достигли.")
    assert event(doc, "CONSULT", "обсудили").modality == "asserted"


def test_an_if_clause_makes_the_main_clause_hypothetical(analyze):
    # a hostile act on a condition is a threat instead (test_event_recall.py), as the real-news annotators code it
    doc = analyze("Если Киев прекратит обстрелы, Россия окажет помощь жителям Донбасса.")
    assert event(doc, "AID", "помощь").modality == "hypothetical"


def test_need_makes_an_act_hypothetical(analyze):
    doc = analyze("По словам министра, странам необходимо сотрудничать в борьбе с терроризмом.")
    assert event(doc, "COOPERATE", "сотрудничать").modality == "hypothetical"


def test_a_demanded_arrest_is_not_asserted(analyze):
    doc = analyze("Генпрокурор потребовал арестовать бывшего министра обороны.")
    assert event(doc, "REQUEST", "потребовал").modality == "asserted"
    assert [e.type for e in doc.events] == ["REQUEST"]  # ANNOTATION.md: `потребовал арестовать` is no arrest


def test_a_date_on_the_last_of_coordinated_verbs_dates_the_first(analyze):
    doc = analyze("Бывший студент Иван Орлов похитил и убил аспирантку Марию Белову в июне 2017 года.", published="2019-07-18")
    kidnapping = event(doc, "ASSAULT", "похитил")
    assert (kidnapping.date, kidnapping.date_precision) == ("2017-06-01", "month")


def test_an_actor_s_next_sentence_pointing_back_keeps_the_date_of_his_letter(analyze):
    doc = analyze(
        "29 апреля певец Адриано Челентано написал письмо, в котором обвинил премьер-министра во лжи. "
        "В своём письме Челентано также призвал итальянцев прийти на референдум.",
        published="2011-05-02",
    )
    assert event(doc, "REQUEST", "призвал").date == "2011-04-29"


def test_a_date_is_carried_neither_past_a_paragraph_nor_without_a_pointer_back(analyze):
    doc = analyze(
        "29 апреля певец Адриано Челентано написал письмо, в котором обвинил премьер-министра во лжи.\n\n"
        "В своём письме Челентано также призвал итальянцев прийти на референдум.",
        published="2011-05-02",
    )
    assert event(doc, "REQUEST", "призвал").date is None
    untied = analyze(
        "29 апреля певец Адриано Челентано написал письмо, в котором обвинил премьер-министра во лжи. "
        "Челентано также призвал итальянцев прийти на референдум.",
        published="2011-05-02",
    )
    assert event(untied, "REQUEST", "призвал").date is None


def test_a_weekday_under_a_past_auxiliary_is_the_one_past(analyze):
    doc = analyze("Этот вопрос должен был обсуждаться в понедельник на встрече министров финансов.", published="2015-07-15")
    assert event(doc, "AGREE", "встрече").date == "2015-07-13"  # a meeting that was to come: AGREE by PLOVER


def test_untied_parties_are_carried_within_a_paragraph_but_not_past_it(analyze):
    talks = "Владимир Путин и Эммануэль Макрон провели переговоры в Париже."
    follow_up = "Следующую встречу планируется провести в июле."
    same = analyze(f"{talks} {follow_up}")
    assert names(same, event(same, "AGREE", "встречу").actor) == {"Владимир Путин", "Эммануэль Макрон"}
    apart = analyze(f"{talks}\n\n{follow_up}")
    assert event(apart, "AGREE", "встречу").actor == ()


def test_a_feminine_pronoun_skips_the_man_named_last(analyze):
    doc = analyze("Министр Анна Кравец встретилась с послом Игорем Седовым. Она обвинила Литву в давлении на бизнес.")
    assert names(doc, event(doc, "ACCUSE", "обвинила").actor) == {"Анна Кравец"}


def test_the_victims_of_a_shelling_do_not_shell(analyze):
    doc = analyze("Итальянский фотограф Марко Бруни и его коллега Олег Седов погибли в результате миномётного обстрела вблизи Горловки.")
    assert event(doc, "ASSAULT", "обстрела").actor == ()


def test_a_demand_concerns_the_object_of_the_demanded_act(analyze):
    doc = analyze("Губернатор Иван Ларин потребовал отправить в отставку вице-мэра Олега Белова.")
    assert names(doc, event(doc, "REQUEST", "потребовал").recipient) == {"Олег Белов"}


def test_an_infinitive_on_a_noun_is_done_by_the_subject_of_that_noun_s_verb(analyze):
    doc = analyze("В субботу Лига арабских государств приняла решение просить ООН признать палестинское государство.")
    assert names(doc, event(doc, "REQUEST", "просить").actor) == {"Лига арабских государств"}


def test_the_parties_word_ties_a_new_paragraph_to_the_talks(analyze):
    doc = analyze("Владимир Путин и Эммануэль Макрон провели переговоры в Париже.\nЛидеры договорились продолжить контакты.")
    assert names(doc, event(doc, "AGREE", "договорились").actor) == {"Владимир Путин", "Эммануэль Макрон"}


def test_a_conditional_threat_is_still_made(analyze):
    doc = analyze("Канцлер Ханс Вебер пригрозил России новыми санкциями, если она не прекратит обстрелы.")
    assert event(doc, "THREATEN", "пригрозил").modality == "asserted"


def test_the_day_of_a_called_for_rally_is_not_the_day_of_the_call(analyze):
    doc = analyze("Оппозиция призвала сторонников выйти на акцию протеста в воскресенье.", published="2025-10-01")
    assert [(e.type, e.date) for e in doc.events] == [("REQUEST", None)]
    doc = analyze("В понедельник оппозиция призвала сторонников выйти на акцию протеста в воскресенье.", published="2025-10-01")
    assert event(doc, "REQUEST", "призвала").date == "2025-09-29"


def test_a_bare_instrumental_names_what_outrage_is_at(analyze):
    doc = analyze("Председатель Сената Иван Кузнецов выразил возмущение заявлениями турецкой стороны.")
    assert names(doc, event(doc, "ACCUSE", "выразил").recipient) == {"Турция"}


def test_a_request_nouns_addressee_may_hang_on_the_noun_it_governs(analyze):
    doc = analyze("Правительство Ливии обратилось с просьбой о помощи к Египту и Алжиру.")
    assert names(doc, event(doc, "REQUEST", "просьбой").recipient) == {"Египет", "Алжир"}


def test_a_promise_concerns_the_dative_inside_the_promised_act(analyze):
    doc = analyze("Губернатор Олег Смирнов пообещал решить вопрос с выплатой компенсаций семьям пострадавших шахтёров.")
    promise = event(doc, "AGREE", "пообещал")
    assert names(doc, promise.actor) == {"Олег Смирнов"} and names(doc, promise.recipient) == {"семьи"}


def test_a_pronoun_takes_the_person_named_after_an_earlier_thing(analyze):
    doc = analyze(
        "Писатель Пётр Волков опубликовал письмо, в котором раскритиковал министра Ивана Орлова и обвинил его в коррупции."
    )
    assert names(doc, event(doc, "ACCUSE", "обвинил").recipient) == {"Иван Орлов"}


def test_an_agentless_arrest_is_done_by_the_investigators_the_article_names(analyze):
    doc = analyze("Следственный комитет Казахстана расследует гибель солдат.\nВчера в Алма-Ате был задержан рядовой Павел Сомов.")
    arrest = event(doc, "COERCE", "задержан")
    assert names(doc, arrest.actor) == {"Следственный комитет Казахстана"} and names(doc, arrest.recipient) == {"Павел Сомов"}


def test_a_case_opened_without_an_agent_goes_to_the_prosecutors_named_before(analyze):
    doc = analyze("Прокуратура Молдавии проверяет работу порта.\nУголовное дело было возбуждено в пятницу.")
    assert names(doc, event(doc, "ACCUSE", "возбуждено").actor) == {"прокуратура"}


def test_an_agentless_arrest_goes_to_the_investigators_named_just_after_it(analyze):
    doc = analyze("Вчера в Самаре был арестован бизнесмен Олег Жуков. Следствие считает, что он давал взятки.")
    arrest = event(doc, "COERCE", "арестован")
    assert names(doc, arrest.actor) == {"следствие"} and names(doc, arrest.recipient) == {"Олег Жуков"}


def test_an_agentless_sentence_is_passed_by_the_court_not_by_the_police(analyze):
    doc = analyze("Полиция задержала Игоря Серова в марте. Дело рассматривал Ленинский районный суд.\n"
                  "В июне Серов был приговорён к пяти годам колонии.")
    assert names(doc, event(doc, "SANCTION", "приговорён").actor) == {"Ленинский районный суд"}


def test_unknown_attackers_named_by_an_adjective_alone_act(analyze):
    doc = analyze("Ночью неизвестными был избит фермер Пётр Лукин. Днём ранее неизвестные напали на его соседа.")
    beating = event(doc, "ASSAULT", "избит")
    assert names(doc, beating.actor) == {"неизвестные"} and names(doc, beating.recipient) == {"Пётр Лукин"}
    assert names(doc, event(doc, "ASSAULT", "напали").actor) == {"неизвестные"}


def test_an_attack_framing_a_clause_is_done_by_terrorists_not_by_the_clause_subject(analyze):
    doc = analyze("Жители района хвалят быстрое восстановление движения после теракта в метро.")
    assert names(doc, event(doc, "ASSAULT", "теракта").actor) == {"террористы"}


def test_one_official_described_by_his_state_acts_himself_an_envoy_stands_for_it(analyze):
    doc = analyze("Новый президент Аргентины неоднократно выступал против санкций. Вчера посол Великобритании был вызван в МИД России.")
    assert names(doc, event(doc, "ACCUSE", "выступал").actor) == {"новый президент Аргентины"}
    assert names(doc, event(doc, "ACCUSE", "вызван").recipient) == {"Великобритания"}


def test_a_meeting_partner_the_parser_hung_on_a_later_noun(analyze):
    doc = analyze(
        "Встреча губернатора Андрея Смирнова с руководителем крупной нефтяной компании Норвегии "
        "состоялась в рамках визита губернатора в Осло."
    )
    meeting = event(doc, "CONSULT", "Встреча")
    assert names(doc, meeting.actor) == {"Андрей Смирнов"}
    assert names(doc, meeting.recipient) == {"руководитель крупной нефтяной компании Норвегии"}


def test_a_converb_the_parser_hung_on_a_noun_is_done_by_its_clauses_subject(analyze):
    doc = analyze(
        "Газеты долго обходили эту тему стороной по отношению к сгоревшим складам, пока губернатор Лосев "
        "не дал своеобразную отмашку, публично поручив прокурору Павлу Котову изучить и такую версию."
    )
    order = event(doc, "REQUEST", "поручив")
    assert names(doc, order.actor) == {"Лосев"} and names(doc, order.recipient) == {"Павел Котов"}


def test_a_terror_attack_with_no_one_named_is_the_terrorists(analyze):
    doc = analyze("После теракта на вокзале в Самаре был уволен директор канала.")
    assert names(doc, event(doc, "ASSAULT", "теракта").actor) == {"террористы"}


def test_a_subject_pronoun_continues_the_organisation_that_was_the_subject_before(analyze):
    doc = analyze("Еврокомиссия выступила против слияния двух компаний. В декабре она начала расследование сделки.")
    assert names(doc, event(doc, "ACCUSE", "расследование").actor) == {"Европейская комиссия"}


def test_a_subject_the_parser_gave_to_the_clause_before_still_acts_for_its_verb(analyze):
    doc = analyze(
        "В момент, когда в северных водах вслед за норвежской экспедицией начали свою работу американские "
        "исследователи на ледоколе «Нордик», WWF выступил с призывом разработать международное соглашение."
    )
    assert names(doc, event(doc, "REQUEST", "призывом").actor) == {"WWF"}


def test_coordinated_verbs_share_their_dative(analyze):
    doc = analyze("Министр финансов Иван Лосев позвонил главе Еврогруппы Петеру Хансену и рекомендовал выработать компромисс.")
    assert names(doc, event(doc, "REQUEST", "рекомендовал").recipient) == {"Петер Хансен"}


def test_a_subject_pronoun_skips_a_man_named_sentences_ago_only_as_a_posts_owner(analyze):
    doc = analyze(
        "Губернатор Иван Седов уволил своего заместителя. Его обязанности поручили помощнику директора фонда "
        "Петра Смирнова, сообщили в ведомстве. Ведомство заявило о реорганизации. Вчера он был задержан полицией."
    )
    assert names(doc, event(doc, "COERCE", "задержан").recipient) == {"Иван Седов"}


def test_one_member_of_a_body_is_a_person_not_the_body(analyze):
    doc = analyze("Вчера безработный из Омска попытался убить члена Государственной думы.")
    assert names(doc, event(doc, "ASSAULT", "убить").recipient) == {"член Государственной думы"}


def test_the_agent_of_a_participle_carrying_an_event_noun_does_the_event(analyze):
    doc = analyze("В результате ударов, нанесённых израильской авиацией по Газе, погибли десять человек.")
    strikes = event(doc, "ASSAULT", "ударов")
    assert names(doc, strikes.actor) == {"Израиль"} and names(doc, strikes.recipient) == {"сектор Газа"}


def test_a_participle_agent_acts_rather_than_the_subject_of_the_framed_clause(analyze):
    doc = analyze("После переговоров, проведённых Лавровым и Блинкеном в Женеве, журналисты ждали заявлений.")
    assert names(doc, event(doc, "CONSULT", "переговоров").actor) == {"Лавров", "Блинкен"}


def test_a_verbal_act_stated_in_a_quote_with_no_actor_of_its_own_is_the_speakers(analyze):
    doc = analyze("«Размещение этих ракет — явная угроза нашей безопасности», — заявил министр обороны Сербии Милош Вучевич.")
    [threat] = doc.events
    assert names(doc, threat.actor) == {"Милош Вучевич"}
    doc = analyze("Помощник президента России Юрий Ушаков заявил, что компромисс по территориальному вопросу пока не найден.")
    assert not any(e.type == "AGREE" and e.actor for e in doc.events)  # the parties' agreement, not the speaker's act


def test_the_dative_of_an_impersonal_predicate_does_the_act(analyze):
    doc = analyze("России удалось договориться с Турцией о прекращении огня.")
    agreement = event(doc, "CONCEDE", "договориться")  # declaring a ceasefire is a concession (PLOVER)
    assert names(doc, agreement.actor) == {"Россия"} and names(doc, agreement.recipient) == {"Турция"}


def test_a_first_person_dative_of_need_in_a_quote_is_the_speaker(analyze):
    doc = analyze("«Нам необходимо сотрудничать с Китаем», — сказал премьер Индии Нарендра Моди.")
    cooperation = event(doc, "COOPERATE", "сотрудничать")
    assert names(doc, cooperation.actor) == {"Нарендра Моди"} and names(doc, cooperation.recipient) == {"Китай"}


def test_condemning_an_attack_accuses_the_attackers_not_the_victims(analyze):
    doc = analyze("Совет Безопасности ООН осудил нападение боевиков на миротворцев.")
    assert names(doc, event(doc, "ACCUSE", "осудил").recipient) == {"боевики"}
    doc = analyze("Генеральный секретарь ООН осудил убийство журналиста.")
    assert event(doc, "ACCUSE", "осудил").recipient == ()


def test_named_armed_forces_act_for_their_state(analyze):
    doc = analyze("Армия обороны Израиля атаковала позиции Хезболлы.")
    assert names(doc, event(doc, "ASSAULT", "атаковала").actor) == {"Израиль"}
    doc = analyze("Вооружённые силы Украины обстреляли Донецк.")
    assert names(doc, event(doc, "ASSAULT", "обстреляли").actor) == {"Украина"}


def test_a_subject_phrase_the_parser_hung_on_an_earlier_verb_still_acts(analyze):
    doc = analyze(
        "Задержание и арест журналиста вызвали общественное возмущение, и во вторник министр внутренних дел Грузии "
        "Вахтанг Гомелаури заявил, что обвинения сняты и ходатайствовал перед президентом об отставке двух генералов."
    )
    assert names(doc, event(doc, "REQUEST", "ходатайствовал").actor) == {"Вахтанг Гомелаури"}


def test_the_latter_is_the_party_named_last_of_its_gender(analyze):
    doc = analyze("Владимир Путин встретился с Реджепом Эрдоганом. Последний пригласил российского президента в Анкару.")
    assert names(doc, event(doc, "AGREE", "пригласил").actor) == {"Реджеп Эрдоган"}
    doc = analyze("Спор возник между министерством финансов и компанией «Норникель». Последняя обвиняет министерство в давлении.")
    assert names(doc, event(doc, "ACCUSE", "обвиняет").actor) == {"Норникель"}


def test_a_group_noun_stands_for_the_names_listed_between_dashes_after_it(analyze):
    doc = analyze("Три страны – Польша, Литва и Латвия – призвали Евросоюз ужесточить санкции.")
    assert names(doc, event(doc, "REQUEST", "призвали").actor) == {"Польша", "Литва", "Латвия"}
    doc = analyze("Два государства Балтии — Эстония и Литва — выслали российских дипломатов.")
    assert names(doc, event(doc, "SANCTION", "выслали").actor) == {"Эстония", "Литва"}


def test_a_promise_about_relations_is_made_to_the_partner_in_its_complement(analyze):
    doc = analyze("Премьер Венгрии выразил готовность укреплять связи с Китаем.")
    assert names(doc, event(doc, "AGREE", "готовность").recipient) == {"Китай"}


def test_a_relative_pronoun_refers_to_the_nearest_noun_of_its_gender(analyze):
    doc = analyze(
        "Близкие отношения президента Молдавии Игоря Додона и его советницы Анны Руссу, "
        "которая была арестована в марте, давно обсуждались в прессе."
    )
    assert names(doc, event(doc, "COERCE", "арестована").recipient) == {"Анна Руссу"}


def test_a_passive_participle_the_tagger_marks_active_still_carries_the_event_noun(analyze):
    from newsgraph.stages.events.lexicon import LIGHT_VERBS
    from newsgraph.stages.events.participants import children
    from newsgraph.stages.events.slots import carrying_participles, is_agent

    doc = analyze("Президент склоняется к сохранению санкций против Ирана, введённых его предшественником.")
    kids = children(doc.tokens)
    sanctions = next(i for i, t in enumerate(doc.tokens) if t.lemma == "санкция")
    participles = carrying_participles(doc, kids, sanctions, LIGHT_VERBS)
    agents = [doc.span_text(doc.tokens[k]) for p in participles for k in kids[p] if is_agent(doc, kids, k)]
    assert agents == ["предшественником"]


def test_an_object_pointing_back_concerns_whoever_did_the_event_it_points_to(analyze):
    doc = analyze("Евросоюз потребовал от Сербии признать независимость Косова. Белград отверг это требование.")
    assert names(doc, event(doc, "REJECT", "отверг").recipient) == {"Европейский союз"}
    doc = analyze("Турция предложила провести переговоры в Стамбуле. Киев поддержал эту инициативу.")
    assert names(doc, event(doc, "SUPPORT", "поддержал").recipient) == {"Турция"}


def test_a_protest_against_a_visit_targets_the_visitor(analyze):
    doc = analyze(
        "Правительство Японии выразило решительный протест против визита министра обороны России "
        "Андрея Белоусова на Курилы."
    )
    assert names(doc, event(doc, "ACCUSE", "выразило").recipient) == {"Андрей Белоусов"}
    doc = analyze("МИД Польши заявил протест против действий Белоруссии.")
    assert names(doc, event(doc, "ACCUSE", "заявил").recipient) == {"Белоруссия"}


def test_a_dative_written_after_an_order_noun_is_its_addressee_wherever_the_parser_hung_it(analyze):
    doc = analyze(
        "Совещание собралось по инициативе Минска, которая прозвучала после поручения президента Казахстана "
        "правительству оказать помощь фермерам."
    )
    assert names(doc, event(doc, "REQUEST", "поручения").recipient) == {"правительство"}


def test_a_subject_that_cannot_agree_with_an_impersonal_plural_is_its_object(analyze):
    doc = analyze("Израиль, который нанёс удар по Дамаску, обвинили в эскалации.")
    accusation = event(doc, "ACCUSE", "обвинили")
    assert accusation.actor == () and names(doc, accusation.recipient) == {"Израиль"}


def test_a_participle_standing_for_people_is_a_participant(analyze):
    doc = analyze("Протестующие, требовавшие отставки правительства, были разогнаны полицией.")
    assert names(doc, event(doc, "COERCE", "разогнаны").recipient) == {"протестующие"}
    doc = analyze("Полиция задержала протестующих у здания парламента.")
    assert names(doc, event(doc, "COERCE", "задержала").recipient) == {"протестующие"}


def test_a_bare_descriptor_is_the_person_just_named(analyze):
    doc = analyze(
        "«Мы не можем ждать вечно», — подчеркнул канцлер Австрии Карл Нехаммер. "
        "Для этого политик предложил Евросоюзу ужесточить контроль на границах."
    )
    assert names(doc, event(doc, "REQUEST", "предложил").actor) == {"Карл Нехаммер"}


def test_people_of_a_state_act_in_their_own_name_unlike_its_envoys(analyze):
    doc = analyze("Президент Франции осудил убийство двух французских заложников в Нигере.")
    assert names(doc, event(doc, "ASSAULT", "убийство").recipient) == {"французские заложники"}
    doc = analyze("Литва выслала трёх российских дипломатов.")
    assert names(doc, event(doc, "SANCTION", "выслала").recipient) == {"Россия"}
    doc = analyze("Американские солдаты обстреляли позиции боевиков.")
    assert names(doc, event(doc, "ASSAULT", "обстреляли").actor) == {"США"}


def test_a_bare_place_noun_is_the_place_named_last(analyze):
    doc = analyze("Комиссар Совета Европы начал визит в Чечню. В республике он уже побывал год назад.")
    assert names(doc, event(doc, "CONSULT", "побывал").recipient) == {"Чечня"}


def test_the_public_and_the_population_are_participants_as_described(analyze):
    doc = analyze("Министр обороны Грузии Иван Петров призвал грузинскую общественность поддержать реформу армии.")
    appeal = event(doc, "REQUEST", "призвал")
    assert names(doc, appeal.actor) == {"Иван Петров"} and names(doc, appeal.recipient) == {"грузинская общественность"}
    doc = analyze("Тбилиси призывает международное сообщество осудить действия Москвы.")
    assert names(doc, event(doc, "REQUEST", "призывает").recipient) == {"международное сообщество"}


def test_a_main_verb_left_without_subject_takes_the_nominative_before_it(analyze):
    doc = analyze("Посетивший на днях Москву замминистра торговли США Уильям Лэш в жесткой форме призвал Россию бороться с пиратством.")
    appeal = event(doc, "REQUEST", "призвал")
    assert names(doc, appeal.actor) == {"Уильям Лэш"} and names(doc, appeal.recipient) == {"Россия"}


def test_an_impersonal_charge_in_the_imperfective_is_brought_by_the_investigators_named(analyze):
    doc = analyze("Сотрудники ФСБ провели обыск в квартире блогера Ивана Сидорова. Сидорова обвиняют в экстремизме.")
    charge = event(doc, "ACCUSE", "обвиняют")
    assert names(doc, charge.actor) == names(doc, event(doc, "COERCE", "обыск").actor) != set()
    assert names(doc, charge.recipient) == {"Иван Сидоров"}


def test_a_passive_left_without_subject_undergoes_through_the_subject_it_shares(analyze):
    doc = analyze("В 2005 году полковник ГРУ Иван Квасов был задержан по подозрению в покушении на министра. "
                  "Но в 2010 году полковник был снова задержан, а в 2013 году приговорён к восьми годам колонии.")
    second_arrest = [e for e in doc.events if e.type == "COERCE" and e.trigger.start > doc.text.index("Но в 2010")]
    assert [names(doc, e.recipient) for e in second_arrest] == [{"полковник"}]


def test_a_passive_coordinated_with_an_active_verb_undergoes_through_its_subject(analyze):
    doc = analyze("Бывший депутат Олег Панов хотел пересечь границу с Китаем, но в итоге был задержан пограничниками.")
    arrest = event(doc, "COERCE", "задержан")
    assert names(doc, arrest.recipient) == {"Олег Панов"} and names(doc, arrest.actor) == {"пограничники"}


def test_the_subject_of_a_demanded_clause_is_the_one_asked(analyze):
    doc = analyze("Литва потребовала, чтобы Россия вывела войска из Калининграда.")
    demand = event(doc, "REQUEST", "потребовала")
    assert names(doc, demand.actor) == {"Литва"} and names(doc, demand.recipient) == {"Россия"}
    doc = analyze("Франция настаивает на том, чтобы Германия увеличила взносы в бюджет союза.")
    assert names(doc, event(doc, "REQUEST", "настаивает").recipient) == {"Германия"}


def test_a_second_main_verb_joined_by_and_shares_the_subject_before_it(analyze):
    doc = analyze("Во Францию президент Чехии Вацлав Гавел прибыл во вторник и в тот же день встретился со своим коллегой Жаком Шираком.")
    meeting = event(doc, "CONSULT", "встретился")
    assert names(doc, meeting.actor) == {"Вацлав Гавел"} and names(doc, meeting.recipient) == {"Жак Ширак"}


def test_a_facility_named_after_an_organisation_does_not_arrest(analyze):
    doc = analyze("Сотрудники ФСБ давно следили за активистом Виктором Филинковым. "
                  "Филинков был задержан 23 января в аэропорту «Шереметьево». Журналист Олег Лавров был задержан в офисе компании «Газпром».")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert [names(doc, e.recipient) for e in arrests] == [{"Виктор Филинков"}, {"Олег Лавров"}]
    assert all(names(doc, e.actor) and not names(doc, e.actor) & {"Шереметьево", "Газпром"} for e in arrests)
