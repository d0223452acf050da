"""Speakers resolved as a reader resolves them, on sentences in the layouts of real news."""

from __future__ import annotations

from newsgraph.doc import Article


def speakers(doc: Article) -> list[tuple[str, str | None]]:
    return [(doc.span_text(q), q.speaker_name) for q in doc.quotes]


def speaker_of(doc: Article, words: str) -> str | None:
    return next(q.speaker_name for q in doc.quotes if words in doc.span_text(q))


def test_bare_role_is_the_last_speaker_not_an_official_listed_after_him(analyze):
    doc = analyze(
        "«Сроки должны соблюдаться», – сказал Владимир Путин. На совещание приехали министр финансов Алексей Кудрин, "
        "губернатор края Александр Ткачев и глава оргкомитета по подготовке и проведению Игр Дмитрий Чернышенко. "
        "«Нельзя забывать о планировании», – отметил президент."
    )
    assert "Путин" in speaker_of(doc, "Нельзя забывать"), speakers(doc)


def test_role_with_one_place_is_not_a_title_naming_another_place_too(analyze):
    doc = analyze(
        "Бюро ПАСЕ вынесло вотум недоверия главе ассамблеи Педро Аграмунту. Ранее председатель украинской делегации "
        "в ПАСЕ Владимир Арьев заявил, что делегации шокированы. Аграмунт заявил, что поездка была ошибкой. "
        "«Я признаю эти выступления обоснованными», — заявил глава ПАСЕ."
    )
    assert "Аграмунт" in speaker_of(doc, "Я признаю"), speakers(doc)
    assert "Арьев" in speaker_of(doc, "шокированы"), speakers(doc)


def test_medium_hung_on_the_speaker_is_the_channel_not_part_of_the_name(analyze):
    doc = analyze(
        "«Мы не смягчаем санкции», — цитирует представителя администрации президента США РИА Новости. "
        "Со ссылкой на американских чиновников Fox News сообщил, что корабль находился у границы."
    )
    first, second = doc.quotes
    assert (first.speaker_name, first.via_name) == ("представитель администрации президента США", "РИА Новости")
    assert (second.speaker_name, second.via_name) == ("американские чиновники", "Fox News")


def test_gerund_without_a_parsed_subject_is_the_person_the_sentence_is_about(analyze):
    doc = analyze(
        "2 марта 2015 года Марио Бьянки, известный режиссёр, актёр и общественный деятель, написал письмо в газету "
        "Corriere Sera, в котором достаточно резко раскритиковал мэра Рима Паоло Верди и обвинил его в обмане, "
        "заявив, что Верди не способен управлять городом."
    )
    assert "Бьянки" in speaker_of(doc, "не способен управлять"), speakers(doc)


def test_they_after_a_group_that_spoke_is_that_group(analyze):
    doc = analyze("Врачи говорят, что настроены оптимистично. Вместе с тем, они предупреждают, что опасность не миновала.")
    assert speaker_of(doc, "опасность не миновала") == "врачи", speakers(doc)


def test_speaker_described_without_a_name(analyze):
    doc = analyze(
        "Съезд также выразил готовность укреплять связи с соседями. Сделал он это, по версии следственных органов, "
        "с умыслом. По данным сервиса flightradar24, самолет резко пошел к земле."
    )
    assert speaker_of(doc, "готовность укреплять") == "съезд", speakers(doc)
    assert speaker_of(doc, "с умыслом") == "следственные органы", speakers(doc)
    assert speaker_of(doc, "пошел к земле") == "сервис flightradar24", speakers(doc)


def test_figures_that_speak_in_a_figure_of_speech_are_no_speaker(analyze):
    doc = analyze("Но все эти цифры говорят о том, что мы участвуем во всех выборах.")
    assert speaker_of(doc, "участвуем во всех выборах") is None, speakers(doc)


def test_common_noun_stands_for_the_organisation_it_opened_the_name_of(analyze):
    doc = analyze(
        "Вчера умер президент Института Пушкина Виталий Костомаров. "
        "В институте рассказали, что причиной смерти стал сердечный приступ."
    )
    assert speaker_of(doc, "сердечный приступ") == "Институт Пушкина", speakers(doc)


def test_body_named_in_apposition_speaks_itself_not_the_body_heard_last(analyze):
    doc = analyze("Согласие с ним выразил и Роспотребнадзор. «Мы изучили тарифы», — заявляли ранее в компании Tele2.")
    assert speaker_of(doc, "Мы изучили тарифы") == "Tele2", speakers(doc)


def test_name_in_apposition_whatever_the_parse_made_of_it(analyze):
    doc = analyze(
        "По словам профессора НИУ ВШЭ, американиста Александра Домрина, карьера бывшего президента далека от завершения. "
        "Как пишет в своей колонке для издания The Hill один из приглашенных участников празднования, отставной "
        "бригадный генерал США Питер Цвак, мероприятия были последней возможностью встретиться. "
        "Однако, по мнению руководителя проекта gulagu.net Владимира Осечкина, чиновники всегда забывают главное."
    )
    assert speaker_of(doc, "далека от завершения") == "Александр Домрин", speakers(doc)
    assert speaker_of(doc, "последней возможностью") == "Питер Цвак", speakers(doc)
    assert speaker_of(doc, "забывают главное") == "Владимир Осечкин", speakers(doc)


def test_owner_or_next_clause_is_no_apposition(analyze):
    doc = analyze(
        "По словам сторонников Алексея Навального, митинг пройдет в субботу. "
        "Так что, прогнозирует эксперт, Алексис Ципрас неизбежно потеряет популярность."
    )
    assert speaker_of(doc, "митинг пройдет") == "сторонники Алексея Навального", speakers(doc)
    assert speaker_of(doc, "потеряет популярность") == "эксперт", speakers(doc)


def test_site_named_with_a_country_is_a_medium_not_the_country(analyze):
    doc = analyze("Военно-морское министерство США объявило тендер. Об этом сообщается на правительственном сайте госзакупок США.")
    assert speaker_of(doc, "объявило тендер") == "правительственный сайт госзакупок США", speakers(doc)


def test_organisation_inside_the_quote_is_not_who_speaks_in_the_statement(analyze):
    doc = analyze(
        "Полиция задержала пятерых подозреваемых. «По случаю инцидента в Следственном управлении Следственного "
        "комитета Армении по Котайкской области возбуждено уголовное дело», - говорится в заявлении полиции."
    )
    assert "Следственн" not in (speaker_of(doc, "возбуждено уголовное дело") or ""), speakers(doc)


def test_person_named_after_a_postposed_cue_the_parse_missed(analyze):
    doc = analyze(
        "«Мы повысили наш уровень взаимодействия ещё на этапе планирования учений. Сейчас команда эсминца с "
        "нетерпением ждёт морской фазы», — заявила в среду, 8 февраля, командующая боевым кораблём Андриа Слау."
    )
    assert speaker_of(doc, "Мы повысили") == "Андриа Слау", speakers(doc)


def test_name_after_a_cue_that_opens_the_sentence_is_what_was_said_about(analyze):
    doc = analyze(
        "2 марта 2015 года Марио Бьянки, известный режиссёр, актёр и общественный деятель, написал письмо в газету "
        "Corriere Sera, в котором достаточно резко раскритиковал мэра Рима Паоло Верди и обвинил его в обмане, "
        "заявив, что Верди не способен управлять городом."
    )
    assert all("Верди" not in (name or "") for _, name in speakers(doc)), speakers(doc)


def test_she_with_no_woman_named_is_the_organisation_of_that_gender(analyze):
    doc = analyze(
        "Еврокомиссия изначально выступала против сделки компаний. В конце декабря, однако, она закончила своё "
        "расследование и заявила, что не видит в нём никаких противоречий."
    )
    assert speaker_of(doc, "не видит в нём") == "Европейская комиссия", speakers(doc)


def test_relative_pronoun_before_the_cue_stands_for_the_person_it_follows(analyze):
    doc = analyze(
        "Президент России Владимир Путин встретился с рабочими. Путин также отметил особый цинизм в поведении "
        "директора завода, который, по словам работников, заявил, что долги будут выплачены лишь после обращения президента."
    )
    assert speaker_of(doc, "долги будут выплачены") == "директор завода", speakers(doc)


INTERVIEW = (
    "Директор департамента транспорта Москвы Андрей Волков рассказал корреспонденту «НГ» Ольге Смирновой о том, "
    "каким видится будущее городского транспорта и что ждёт пассажиров.\n"
    "– Андрей Петрович, с чего начнётся обновление городского транспорта в этом году?\n"
    "– Начнём с метро. За пять лет мы открыли сорок новых станций, и поток пассажиров вырос почти на треть.\n"
    "Поэтому разговоры о том, что метро перегружено, мы слышим постоянно и отвечаем на них новыми линиями.\n"
    "– А как же автобусы?\n"
    "– Автобусный парк мы обновили полностью, теперь почти все машины работают на электричестве и газе.\n"
    "– Конечно, тарифы будут расти, но не быстрее инфляции, это мы обещаем пассажирам твёрдо."
)


def test_interview_answers_are_the_interviewees_words(analyze):
    doc = analyze(INTERVIEW)
    answers = [q for q in doc.quotes if q.source.startswith("quote.interview_answer")]
    assert [doc.span_text(q)[:20] for q in answers] == [
        "Начнём с метро. За п", "Поэтому разговоры о ", "Автобусный парк мы о", "Конечно, тарифы буду",
    ], speakers(doc)
    assert all(q.kind == "direct" and "Волков" in q.speaker_name for q in answers), speakers(doc)
    assert not any("автобусы?" in doc.span_text(q) for q in doc.quotes), speakers(doc)


def test_signatures_under_embedded_posts_are_no_interview(analyze):
    doc = analyze(
        "Лорд Адонис снова выступил против рекламы в метро.\n"
        "— Andrew Adonis (@Andrew_Adonis)\n18 октября 2017 г.\n"
        "— Andrew Adonis (@Andrew_Adonis)\n19 октября 2017 г.\n"
        "— Neil Sherlock (@NeilSherlock)\n20 октября 2017 г."
    )
    assert not any(q.source.startswith("quote.interview_answer") for q in doc.quotes), speakers(doc)
