"""Speakers resolved as a reader resolves them, on sentences in the layouts of real news."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def speakers(doc: Article) -> list[tuple[str, str | None]]:
    return [(doc.span_text(q), q.speaker_name) for q in doc.quotes]


def speaker_of(doc: Article, words: str) -> str | None:
    return next(q.speaker_name for q in doc.quotes if words in doc.span_text(q))


GERUND = (
    "2 марта 2015 года Марио Бьянки, известный режиссёр, актёр и общественный деятель, написал письмо в газету "
    "Corriere Sera, в котором достаточно резко раскритиковал мэра Рима Паоло Верди и обвинил его в обмане, "
    "заявив, что Верди не способен управлять городом."
)

# (article, words of the quote, what the speaker's name holds: None for no speaker)
CASES = {
    "bare role is the last speaker, not an official listed after him": (
        "«Сроки должны соблюдаться», – сказал Владимир Путин. На совещание приехали министр финансов Алексей Кудрин, "
        "губернатор края Александр Ткачев и глава оргкомитета по подготовке и проведению Игр Дмитрий Чернышенко. "
        "«Нельзя забывать о планировании», – отметил президент.", "Нельзя забывать", "Путин"),
    "role with one place is no title naming another place too": (
        "Бюро ПАСЕ вынесло вотум недоверия главе ассамблеи Педро Аграмунту. Ранее председатель украинской делегации "
        "в ПАСЕ Владимир Арьев заявил, что делегации шокированы. Аграмунт заявил, что поездка была ошибкой. "
        "«Я признаю эти выступления обоснованными», — заявил глава ПАСЕ.", "Я признаю", "Аграмунт"),
    "gerund without a parsed subject is the person the sentence is about": (GERUND, "не способен управлять", "Бьянки"),
    "they after a group that spoke is that group": (
        "Врачи говорят, что настроены оптимистично. Вместе с тем, они предупреждают, что опасность не миновала.",
        "опасность не миновала", "врачи"),
    "a body described without a name": (
        "Съезд также выразил готовность укреплять связи с соседями.", "укреплять связи", "съезд"),
    "an authority described without a name": (
        "Сделал он это, по версии следственных органов, с умыслом.", "с умыслом", "следственные органы"),
    "a service described with its name": (
        "По данным сервиса flightradar24, самолет резко пошел к земле.", "пошел к земле", "сервис flightradar24"),
    "figures that speak in a figure of speech are no speaker": (
        "Но все эти цифры говорят о том, что мы участвуем во всех выборах.", "участвуем во всех выборах", None),
    "common noun stands for the organisation whose name it opened": (
        "Вчера умер президент Института Пушкина Виталий Костомаров. "
        "В институте рассказали, что причиной смерти стал сердечный приступ.", "сердечный приступ", "Институт Пушкина"),
    "body named in apposition speaks itself, not the body heard last": (
        "Согласие с ним выразил и Роспотребнадзор. «Мы изучили тарифы», — заявляли ранее в компании Tele2.",
        "Мы изучили тарифы", "Tele2"),
    "name set off by commas in the head's case": (
        "По словам профессора НИУ ВШЭ, американиста Александра Домрина, карьера бывшего президента далека от завершения.",
        "далека от завершения", "Александр Домрин"),
    "name set off after one of a group": (
        "Как пишет в своей колонке для издания The Hill один из приглашенных участников празднования, отставной "
        "бригадный генерал США Питер Цвак, мероприятия были последней возможностью встретиться.",
        "последней возможностью", "Питер Цвак"),
    "name right after a title with a site's address": (
        "Однако, по мнению руководителя проекта gulagu.net Владимира Осечкина, чиновники всегда забывают главное.",
        "забывают главное", "Владимир Осечкин"),
    "owner of a plural head is no apposition": (
        "По словам сторонников Алексея Навального, митинг пройдет в субботу.", "митинг пройдет",
        "сторонники Алексея Навального"),
    "a name that opens the next clause is no apposition": (
        "Так что, прогнозирует эксперт, Алексис Ципрас неизбежно потеряет популярность.", "потеряет популярность", "эксперт"),
    "site named with a country is the medium, not the country": (
        "Военно-морское министерство США объявило тендер. Об этом сообщается на правительственном сайте госзакупок США.",
        "объявило тендер", "правительственный сайт госзакупок США"),
    "organisation inside the quote is not who speaks in the statement": (
        "Полиция задержала пятерых подозреваемых. «По случаю инцидента в Следственном управлении Следственного "
        "комитета Армении по Котайкской области возбуждено уголовное дело», - говорится в заявлении полиции.",
        "возбуждено уголовное дело", "полиция"),
    "person named after a postposed cue the parse missed": (
        "«Мы повысили наш уровень взаимодействия ещё на этапе планирования учений. Сейчас команда эсминца с "
        "нетерпением ждёт морской фазы», — заявила в среду, 8 февраля, командующая боевым кораблём Андриа Слау.",
        "Мы повысили", "Андриа Слау"),
    "she with no woman named is the organisation of that gender": (
        "Еврокомиссия изначально выступала против сделки компаний. В конце декабря, однако, она закончила своё "
        "расследование и заявила, что не видит в нём никаких противоречий.", "не видит в нём", "Европейская комиссия"),
    "relative pronoun before the cue stands for the person it follows": (
        "Президент России Владимир Путин встретился с рабочими. Путин также отметил особый цинизм в поведении "
        "директора завода, который, по словам работников, заявил, что долги будут выплачены лишь после обращения "
        "президента.", "долги будут выплачены", "директор завода"),
    "quote standing alone is the words the next sentence points back to": (
        "Ветераны собрались в Черкесске. «В случае попыток силой установить контроль над Абхазией, добровольцы вновь "
        "придут на помощь братскому народу». Об этом говорится в итоговой резолюции экстренного съезда "
        "ветеранов-добровольцев абхазской войны, который прошел в минувшую субботу.", "добровольцы вновь придут",
        "съезд ветеранов-добровольцев абхазской войны"),
    "a side is the state its place adjective names": (
        "Украинская сторона заявила, что не согласна с этим.", "не согласна с этим", "Украина"),
    "a comment of the ministry speaks for the ministry": (
        "Министерство иностранных дел России ответило на заявление Совета ЕС. «Совет умолчал о главном», — "
        "говорится в комментарии министерства.", "Совет умолчал", "Министерство иностранных дел"),
    "a bare organisation is the one named before": (
        "Россия стала наблюдателем в ЦЕРН. В организации подчеркнули, что вопрос о членстве ещё будет обсуждаться.",
        "вопрос о членстве", "ЦЕРН"),
    "in it points back to the report and speaks for its author": (
        "В понедельник Совбез заслушал доклад генерального секретаря ООН Пан Ги Муна. В нем говорится, что "
        "ситуация в регионе улучшилась.", "ситуация в регионе", "Пан Ги Мун"),
    "in it points back to a letter whose author is a person": (
        "Совет Федерации одобрил поправки. Накануне спикер палаты Ирина Смирнова прочитала письмо губернатора "
        "Петра Иванова. В нем говорится, что область готова к переменам.", "область готова", "Иванов"),
    "a medium that passes on a lawyer's words is no speaker": (
        "По словам её адвоката Ким Ён Су, у президента плотный график. «У президента тяжёлый рабочий график», — "
        "передаёт РИА Новости слова адвоката.", "тяжёлый рабочий график", "Ким Ён Су"),
    "an unknown medium quoting a person is not the one quoted": (
        "Бывший президент Бразилии поддержал забастовку. «Я хотел бы поздравить вас», — цитирует CTV News да Силву.",
        "поздравить вас", "Силв"),
    "a name set off by dashes after one of a group speaks, not the group's owner": (
        "Один из главных противников Терезы Мэй — первый министр Шотландии Николай Старков — назвал решение "
        "провести выборы странным.", "провести выборы", "Николай Старков"),
    "he is the person named just before in any case, not one further back": (
        "Депутат Михаэль Кунц считает, что партия проиграет. Мы побеседовали с политологом из Берлина Маркусом "
        "Бергом. Он заявил, что видит в этом продолжение информационной войны.", "продолжение информационной", "Маркус Берг"),
    "a person hung on an unknown medium's name is the one quoted": (
        "«Мы гордимся тем, что основатель компании выдвинут на пост министра», — цитирует Nasdaq главного "
        "исполнительного директора компании Дугласа Чифу.", "Мы гордимся", "Дуглас Чифу"),
}


@pytest.mark.parametrize("text, words, expected", CASES.values(), ids=CASES.keys())
def test_speaker(analyze, text, words, expected):
    doc = analyze(text)
    name = speaker_of(doc, words)
    assert (name is None if expected is None else name is not None and expected in name), speakers(doc)


def test_name_after_a_cue_that_opens_the_sentence_is_what_was_said_about(analyze):
    doc = analyze(GERUND)
    assert all("Верди" not in (name or "") for _, name in speakers(doc)), speakers(doc)


def test_medium_hung_on_the_speaker_is_the_channel_not_part_of_the_name(analyze):
    doc = analyze(
        "«Мы не смягчаем санкции», — цитирует представителя администрации президента США РИА Новости. "
        "Со ссылкой на американских чиновников Fox News сообщил, что корабль находился у границы."
    )
    first, second = doc.quotes
    assert (first.speaker_name, first.via_name) == ("представитель администрации президента США", "РИА Новости")
    assert (second.speaker_name, second.via_name) == ("американские чиновники", "Fox News")


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


def test_the_own_paper_told_is_no_subject_the_person_before_it_speaks(analyze):
    doc = analyze(
        "Например, бывший помощник депутата Госдумы Олег Смирнов, которому в ходе акции сломали руку, рассказал "
        "«НГ», что на днях получил уже пятый отказ.",
        url="https://www.ng.ru/politics/2018-02-27/3_opposition.html",
    )
    assert "Олег Смирнов" in (speaker_of(doc, "пятый отказ") or ""), speakers(doc)


# (article, words of the quote, the via the channel named with the cue gives)
CHANNELS = {
    "a network the words were posted on": (
        "Сенатор Джон Смит прокомментировал итоги голосования. «Мы победим на следующих выборах», — написал Смит в Twitter.",
        "Мы победим", "Twitter"),
    "a station whose air the words went out on": (
        "Депутат Иван Козлов в эфире радио Sputnik отметил, что цены на газ вырастут к зиме.", "цены на газ", "Sputnik"),
    "a network named through the page the words went out on": (
        "Президент Барак Обама написал на своей странице в социальной сети Twitter, что республиканцы мешают реформам.",
        "республиканцы мешают", "Twitter"),
    "journalists an interview was given to, with no outlet named": (
        "Министр Иван Петров в интервью местным журналистам заявил, что мост достроят к осени.", "мост достроят",
        "местные журналисты"),
    "a person talked with is no channel": (
        "Советник Майкл Флинн в беседе с Сергеем Кисляком сказал, что санкции скоро отменят.", "санкции скоро", None),
    "the reporter of an interview is the article's own outlet": (
        "Министр Иван Петров в интервью корреспонденту заявил, что мост достроят к осени.", "мост достроят", None),
}


def test_a_medium_named_with_materials_is_no_network_channel(analyze):
    doc = analyze("В материалах NBC подчёркивается, что американцы не хотели обострять конфликт. "
                  "NBC отмечает, что это было первое столкновение за полвека.")
    assert all(q.via_name is None for q in doc.quotes), [(doc.span_text(q), q.speaker_name, q.via_name) for q in doc.quotes]


@pytest.mark.parametrize("text, words, via", CHANNELS.values(), ids=CHANNELS.keys())
def test_channel_named_with_the_cue_is_the_via(analyze, text, words, via):
    doc = analyze(text)
    quote = next(q for q in doc.quotes if words in doc.span_text(q))
    assert quote.via_name == via, [(doc.span_text(q), q.speaker_name, q.via_name) for q in doc.quotes]


@pytest.mark.parametrize("text, via", [
    ("По словам адвоката Ивана Петрова, его клиент невиновен. «Мой клиент никогда не подписывал эти бумаги», "
     "— передаёт РИА Новости слова адвоката.", "РИА Новости"),
    ("Адвокат Иван Петров заявил, что обжалует приговор. «Мой клиент никогда не подписывал эти бумаги», "
     "— приводит его слова телеканал «Волга».", "Волга"),
])
def test_medium_that_passes_on_someones_words_is_the_via_not_the_speaker(analyze, text, via):
    doc = analyze(text)
    quote = next(q for q in doc.quotes if "Мой клиент" in doc.span_text(q))
    assert ("Петров" in (quote.speaker_name or ""), quote.via_name) == (True, via), (quote.speaker_name, quote.via_name)


@pytest.mark.parametrize("text, speaker, via", [
    ("По словам сенатора Джона Смита, цитируемого газетой «Вашингтон пост», администрация признаёт свой провал.",
     "Джон Смит", "газета «Вашингтон пост»"),
    ("По данным американского командования, которые приводит Ассошиэйтед Пресс, за три недели убиты 80 боевиков.",
     "американское командование", "Ассошиэйтед Пресс"),
])
def test_medium_that_quotes_an_according_source_is_its_via(analyze, text, speaker, via):
    (quote,) = analyze(text).quotes
    assert (quote.speaker_name, quote.via_name) == (speaker, via)
