"""The quotes stage on Russian sentences: every attribution position, kinds, and what is not a quote."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def quotes(doc: Article) -> list[tuple[str, str, str | None]]:
    return [(q.kind, doc.span_text(q), q.speaker_name) for q in doc.quotes]


def by(name: str | None, surname: str) -> bool:
    """Speaker names may come from the KB (`Дмитрий Сергеевич Песков`), so tests check the surname."""
    return name is not None and surname in name


def only(doc: Article):
    assert len(doc.quotes) == 1, quotes(doc)
    return doc.quotes[0]


def test_colon_before(analyze):
    doc = analyze("Президент Франции Эммануэль Макрон заявил журналистам: «Мы готовы к переговорам без предварительных условий».")
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("direct", "Мы готовы к переговорам без предварительных условий")
    assert by(quote.speaker_name, "Макрон") and quote.cue == "заявил"
    assert doc.text[quote.cue_start : quote.cue_end] == "заявил"
    assert doc.entity(quote.speaker).name == quote.speaker_name


@pytest.mark.parametrize("dash", ["—", "-", "–"])
def test_dash_after_with_any_dash(analyze, dash):
    doc = analyze(f"«Это решение неприемлемо для нас», {dash} заявил глава МИД России Сергей Лавров.")
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("direct", "Это решение неприемлемо для нас")
    assert by(quote.speaker_name, "Лавров") and quote.source.startswith("quote.dash_after")


def test_after_without_dash_and_with_question_mark(analyze):
    doc = analyze("«Кто будет за это платить?» — спросила Мария Захарова. «Санкции не работают», сказал Виктор Орбан.")
    assert [q[:2] for q in quotes(doc)] == [("direct", "Кто будет за это платить?"), ("direct", "Санкции не работают")]
    assert by(doc.quotes[0].speaker_name, "Захарова") and by(doc.quotes[1].speaker_name, "Орбан")


def test_attribution_around_keeps_one_quote(analyze):
    doc = analyze("«Мы не хотим эскалации, — сказал Дмитрий Песков. — Но и уступать не будем».")
    quote = only(doc)
    assert doc.span_text(quote).startswith("Мы не хотим эскалации") and doc.span_text(quote).endswith("уступать не будем")
    assert by(quote.speaker_name, "Песков") and quote.source.startswith("quote.around")


def test_dialogue_dash_paragraph(analyze):
    doc = analyze("Песков ответил на вопросы журналистов.\n— Сроки пока не определены, — сказал Песков. — Но контакты продолжатся.")
    quote = only(doc)
    assert doc.span_text(quote).startswith("Сроки пока не определены")
    assert "Но контакты продолжатся" in doc.span_text(quote)
    assert by(quote.speaker_name, "Песков") and quote.source.startswith("quote.dialogue_dash")


def test_quote_over_two_paragraphs(analyze):
    text = (
        "Мария Захарова прокомментировала заявление Лондона.\n"
        "«Никаких доказательств британская сторона не представила.\n"
        "«Мы ответим на любые провокации», — сказала Захарова."
    )
    quote = only(analyze(text))
    assert text[quote.start : quote.end] == (
        "Никаких доказательств британская сторона не представила.\n«Мы ответим на любые провокации"
    )


def test_nested_and_other_quote_marks(analyze):
    doc = analyze(
        "Захарова заявила: «Те, кто говорит о „мирном плане“, должны его показать». "
        '"Мы подготовим ответ", - добавил Сергей Лавров.'
    )
    assert [q[1] for q in quotes(doc)] == ["Те, кто говорит о „мирном плане“, должны его показать", "Мы подготовим ответ"]


def test_unattributed_quote_continues_the_last_speaker(analyze):
    doc = analyze("«Мы никогда не покидали переговоры», — сказал Аббас Арагчи. «Теперь решение за Вашингтоном. Мы подождем».")
    assert [by(q[2], "Арагчи") for q in quotes(doc)] == [True, True]
    assert doc.quotes[1].source == "quote.stands_alone+speaker.continued"


@pytest.mark.parametrize(
    "sentence",
    [
        "Министр Сергей Лавров заявил, что Москва готова к диалогу.",
        "Министр Сергей Лавров заявляет, что Москва готова к диалогу.",
        "Министр Сергей Лавров будет заявлять, что Москва готова к диалогу.",
        "Министр Сергей Лавров подчеркнул: Москва готова к диалогу.",
    ],
)
def test_indirect_that_in_any_tense(analyze, sentence):
    doc = analyze(sentence)
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("indirect", "Москва готова к диалогу")
    assert by(quote.speaker_name, "Лавров")


def test_indirect_plural_and_feminine(analyze):
    doc = analyze("Урсула фон дер Ляйен сообщила, что пакет санкций согласован. Лидеры ЕС считают, что давление должно расти.")
    assert [(q[0], q[1]) for q in quotes(doc)] == [
        ("indirect", "пакет санкций согласован"),
        ("indirect", "давление должно расти"),
    ]
    assert by(doc.quotes[0].speaker_name, "Ляйен")


def test_about_according_as_said_and_expressed(analyze):
    doc = analyze(
        "Президент Турции Реджеп Тайип Эрдоган сообщил о готовности принять новый раунд переговоров. "
        "По словам Дмитрия Пескова, состав делегации не изменится. "
        "Как отметил Марк Рютте, альянс должен тратить больше. "
        "Кир Стармер выразил готовность направить британских военных."
    )
    assert [(q.source.split("+")[0], doc.span_text(q)) for q in doc.quotes] == [
        ("indirect.about", "готовности принять новый раунд переговоров"),
        ("indirect.according", "состав делегации не изменится"),
        ("indirect.as_said", "альянс должен тратить больше"),
        ("indirect.express", "направить британских военных"),
    ]
    assert [by(q.speaker_name, name) for q, name in zip(doc.quotes, ["Эрдоган", "Песков", "Рютте", "Стармер"])] == [True] * 4


def test_trailing_attribution_and_about_this(analyze):
    doc = analyze(
        "Переговоры продолжались около двух часов, сообщил Юрий Ушаков. "
        "Стороны договорились назначить послов. Об этом заявил Марко Рубио."
    )
    assert [q[:2] for q in quotes(doc)] == [
        ("indirect", "Переговоры продолжались около двух часов"),
        ("indirect", "Стороны договорились назначить послов"),
    ]
    assert by(doc.quotes[0].speaker_name, "Ушаков") and by(doc.quotes[1].speaker_name, "Рубио")


def test_mixed_paraphrase_with_quoted_fragment_is_one_quote(analyze):
    doc = analyze("Борис Писториус заявил, что Германия поможет обеспечить «возрождение украинской армии» в ближайшие годы.")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert doc.span_text(quote) == "Германия поможет обеспечить «возрождение украинской армии» в ближайшие годы"


def test_named_as_quotes_the_words(analyze):
    doc = analyze("Кая Каллас назвала позицию Венгрии «безответственной».")
    quote = only(doc)
    # what was named and the words it was named with: the paraphrase with its quoted fragment
    assert (quote.kind, doc.span_text(quote)) == ("mixed", "позицию Венгрии «безответственной»") and by(quote.speaker_name, "Каллас")


def test_pronoun_speaker_resolves_by_gender(analyze):
    doc = analyze(
        "Мария Захарова встретилась с Сергеем Лавровым. Она заявила, что визит прошел успешно. "
        "Он добавил, что переговоры продолжатся."
    )
    assert [by(q.speaker_name, name) for q, name in zip(doc.quotes, ["Захарова", "Лавров"])] == [True, True]
    assert all(q.source.endswith("speaker.pronoun") for q in doc.quotes)


def test_role_speaker_resolves_to_the_person_named_earlier(analyze):
    doc = analyze(
        "Президент Франции Эммануэль Макрон провел переговоры с президентом России Владимиром Путиным. "
        "Французский лидер подчеркнул, что Франция поддержит Киев."
    )
    quote = only(doc)
    assert by(quote.speaker_name, "Макрон")


def test_role_foreign_minister(analyze):
    doc = analyze(
        "Министр иностранных дел Турции Хакан Фидан открыл встречу. «Это исторический шанс», - заявил турецкий министр."
    )
    assert by(only(doc).speaker_name, "Фидан")


def test_collective_speakers_get_organisation_entities(analyze):
    doc = analyze(
        "Президент Франции Эммануэль Макрон провел телефонный разговор с Владимиром Путиным. "
        "Газета Le Monde со ссылкой на пресс-службу Макрона сообщает, что инициатива исходила от Парижа. "
        "В пресс-службе французского президента заявили, что разговор был долгим."
    )
    first, second = doc.quotes
    assert first.via_name == "Le Monde" and doc.entity(first.via).name == "Le Monde"
    assert first.speaker_name == second.speaker_name == "пресс-служба Эммануэля Макрона"
    press = doc.entity(first.speaker)
    assert press.type == "ORG" and by(doc.entity(press.principal).name, "Макрон")


def test_press_service_of_a_role_speaks_for_the_holder_on_that_date(analyze):
    doc = analyze(
        "Пресс-служба президента России сообщила, что Кремль не видит оснований для паники. "
        "Как сообщила пресс-служба британского премьера, Лондон пока не получил ответа.",
        published="2025-03-10",
    )
    kremlin, london = doc.quotes
    assert kremlin.speaker_name == "пресс-служба Владимира Путина"
    assert doc.entity(doc.entity(kremlin.speaker).principal).kb_id == "Q7747"
    assert london.speaker_name == "пресс-служба Кира Стармера"
    assert doc.entity(doc.entity(london.speaker).principal).name == "Кир Стармер"


def test_an_unnamed_official_is_not_the_next_role_speaker(analyze):
    doc = analyze(
        "Пресс-секретарь президента России заявил, что Кремль не видит оснований для паники. "
        "Советник президента США сообщил журналистам, что переговоры продолжатся.",
        published="2025-03-10",
    )
    assert [q.speaker_name for q in doc.quotes] == ["пресс-секретарь президента России", "советник президента США"]


def test_second_speech_verb_after_a_that_clause_keeps_the_speaker(analyze):
    doc = analyze(
        "Лидер Партии социалистов Игорь Додон заявил, что оппозиция не признает итоги голосования, "
        "и призвал сторонников выйти на акцию протеста."
    )
    assert [(q.cue, q.speaker_name) for q in doc.quotes] == [("заявил", "Игорь Додон"), ("призвал", "Игорь Додон")]


def test_a_relative_clause_speaks_for_the_subject_above(analyze):
    quote = only(analyze(
        "Министр иностранных дел Венгрии Петер Сийярто подписал заявление, в котором призвал Брюссель отказаться от санкций."
    ))
    assert quote.cue == "призвал" and quote.speaker_name == "Петер Сийярто"


def test_a_time_clause_with_kak_is_no_attribution(analyze):
    doc = analyze("Венгрия поддержала пакет после того, как из списка исключили нескольких предпринимателей.")
    assert doc.quotes == ()


def test_an_agreement_is_no_speech_and_according_to_her_takes_the_clause(analyze):
    doc = analyze(
        "Президент Мексики Клаудия Шейнбаум провела телефонный разговор с Дональдом Трампом. "
        "По ее словам, стороны договорились о месячной отсрочке."
    )
    assert quotes(doc) == [("indirect", "стороны договорились о месячной отсрочке", "Клаудия Шейнбаум")]


def test_ministry_as_speaker(analyze):
    quote = only(analyze("Министерство обороны Британии считает, что позиции на фронте стабилизировались."))
    assert "обороны" in quote.speaker_name.lower() or quote.speaker_name.lower().startswith("минобороны")


def test_anonymous_source_gets_its_own_entity(analyze):
    doc = analyze("Как сообщает ТАСС со ссылкой на источник в правительстве, встреча состоится в Женеве.")
    quote = only(doc)
    speaker = doc.entity(quote.speaker)
    assert speaker.anonymous and speaker.name == "источник в правительстве"
    assert quote.via_name == "ТАСС" and doc.entity(quote.via).name == "ТАСС" and doc.span_text(quote) == "встреча состоится в Женеве"


def test_new_entities_keep_the_layer_consistent(analyze):
    doc = analyze("Источник в Еврокомиссии сообщил, что юристы ищут выход. В пресс-службе Кремля заявили, что ответа нет.")
    mention_ids = [m.id for m in doc.mentions]
    entity_ids = [e.id for e in doc.entities]
    assert len(set(mention_ids)) == len(mention_ids) and len(set(entity_ids)) == len(entity_ids)
    assert all(doc.mention(m) is not None for e in doc.entities for m in e.mentions)
    assert {q.speaker for q in doc.quotes} <= set(entity_ids)
    assert Article.from_json(doc.to_json()) == doc


def test_colon_after_a_persons_verb_and_unnamed_officials(analyze):
    doc = analyze(
        "Глава Минздрава Мэтт Хэнкок поздравил пару через Twitter: «Очень рад за Бориса и Кэрри». "
        "Шеф полиции Сан-Диего рассказал, что стрелок сам позвонил в службу спасения."
    )
    first, second = doc.quotes
    assert by(first.speaker_name, "Хэнкок") and first.source.startswith("quote.colon_verb")
    assert second.speaker_name.startswith("шеф полиции") and doc.entity(second.speaker).type == "PER"


def test_medium_quoting_someone_is_via(analyze):
    doc = analyze(
        "«Мы не отступим», — приводит слова Эммануэля Макрона агентство Франс Пресс. "
        "«Это провал», — цитирует Сергея Лаврова ТАСС. «Ответ будет», — сказал Дмитрий Песков, передает РИА Новости."
    )
    assert [q.via_name for q in doc.quotes] == ["Франс Пресс", "ТАСС", "РИА Новости"]
    assert [doc.entity(q.via).name for q in doc.quotes] == ["Франс Пресс", "ТАСС", "РИА Новости"]
    assert [by(q.speaker_name, name) for q, name in zip(doc.quotes, ["Макрон", "Лавров", "Песков"])] == [True] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Холдинг «Газпром-Медиа» отказался от комментариев.",
        "Лидеры обсудили перспективы «нормандской четверки» и проект «Северный поток — 2».",
        "Так называемые «миротворцы» так и не появились в регионе.",
        "Эксперты скептически оценивают «мирный план» из двенадцати пунктов.",
        "Президент России Владимир Путин провел совещание с членами правительства.",
        "Песков: «Россия готова к продолжению контактов»\n\nПрезидент провел совещание.",
    ],
)
def test_not_quotes(analyze, text):
    assert analyze(text).quotes == ()


def test_a_name_in_apposition_past_a_quoted_party_name(analyze):
    doc = analyze("Сопредседатель «Альтернативы для Германии» Алиса Вайдель заявила, что коалиция Мерца стоит «на слабом фундаменте».", published="2025-05-06")
    assert by(only(doc).speaker_name, "Вайдель")


def test_a_second_verb_shares_the_subject_of_the_first(analyze):
    doc = analyze(
        "Французский лидер одним из первых поздравил нового канцлера и написал в X, что Париж и Берлин вместе сделают Европу «сильнее и независимее».",
        published="2025-05-06",
    )
    assert by(only(doc).speaker_name, "Макрон")


def test_a_document_speaks_for_its_owner(analyze):
    doc = analyze("В заявлении МИД России говорится, что Москва готова к диалогу.", published="2025-06-06")
    assert doc.span_text(only(doc)) == "Москва готова к диалогу" and by(only(doc).speaker_name, "иностранных дел")


def test_the_regulator_is_the_bank_named_before(analyze):
    doc = analyze("Банк России снизил ключевую ставку. В пресс-релизе регулятора говорится, что инфляция замедляется.", published="2025-06-06")
    assert by(only(doc).speaker_name, "банк")


def test_a_ministry_of_the_country_an_adjective_names(analyze):
    doc = analyze(
        "Издание Politico сообщило, что поставки приостановлены. В МИД Украины вызвали американского дипломата. "
        "В украинском ведомстве подчеркнули, что промедление затягивает войну.",
        published="2025-07-02",
    )
    assert by(doc.quotes[-1].speaker_name, "Украин")  # not Politico, the organisation that spoke last


def test_diplomats_cited_by_a_paper_are_anonymous_sources(analyze):
    doc = analyze("Газета The Hindu со ссылкой на индийских дипломатов сообщает, что Нью-Дели ускорит закупки.", published="2025-12-05")
    quote = only(doc)
    assert doc.entity(quote.speaker).anonymous and quote.via_name == "The Hindu" and doc.entity(quote.via).name == "The Hindu"


def test_the_head_of_a_body_is_the_chair_named_before(analyze):
    doc = analyze(
        "Как заявила председатель ЦБ Эльвира Набиуллина, снижение ставки не будет автоматическим. "
        "«Мы не торопимся», — сказала глава регулятора.",
        published="2025-06-06",
    )
    assert [by(q.speaker_name, "Набиуллина") for q in doc.quotes] == [True, True]


def test_a_descriptor_refers_back_to_the_person_just_quoted(analyze):
    doc = analyze(
        "Бывший замминистра обороны Тимур Иванов выступил в суде. «Я не признаю себя виновным», — сказал подсудимый. "
        "«Мы рассчитываем на объективность суда», — сказал журналистам адвокат Иванова.",
        published="2025-06-25",
    )
    defendant, lawyer = doc.quotes
    assert by(defendant.speaker_name, "Иванов")
    assert lawyer.speaker_name == "адвокат Иванова"  # the owner in the genitive is not the speaker


def test_an_interview_medium_in_quotation_marks_before_the_clause(analyze):
    doc = analyze("Директор института Олег Орлов пояснил в беседе с «РИА Новостями», что ученых интересует радиация.", published="2025-08-20")
    assert by(only(doc).speaker_name, "Орлов") and doc.span_text(only(doc)) == "ученых интересует радиация"


def test_asked_and_indignant_are_speech(analyze):
    doc = analyze("Иванов попросил суд оправдать его. «Почему арбитр не назначил пенальти?» — возмутился тренер Петров.", published="2025-06-25")
    assert [q.kind for q in doc.quotes] == ["indirect", "direct"]


def test_the_bank_that_spoke_is_the_bank(analyze):
    doc = analyze("Сбербанк опубликовал отчетность. В банке заявили, что доля проблемных кредитов снизилась.", published="2025-02-27")
    assert by(only(doc).speaker_name, "Сбербанк")



def test_wrapped_lines_stay_one_sentence(analyze):
    """Archives wrap lines inside a sentence: the subject and the quote go on across the wrap."""
    doc = analyze("Заседание закончилось поздно вечером.\nА глава республики Олег Сидорович \r\nпредупредил, что переговоры "
                  "могут быть \r\nприостановлены. Министр добавил: «Мы готовы ждать \r\nсколько угодно».")
    assert [q[0] for q in quotes(doc)] == ["indirect", "direct"]
    assert doc.span_text(doc.quotes[0]).startswith("переговоры могут быть")
    assert doc.span_text(doc.quotes[1]).endswith("сколько угодно")
    assert by(doc.quotes[0].speaker_name, "Сидорович")


def test_line_break_after_a_headline_still_ends_it():
    from newsgraph.stages.segment import paragraph_break, sentenize

    text = "Сенат отложил голосование\nСенаторы разошлись по домам."
    assert len(sentenize(text)) == 2 and paragraph_break(text, 0, len(text))
    assert len(sentenize("Совет принял \nрешение.")) == 1


def test_a_link_on_a_line_of_its_own_keeps_its_sentence(analyze):
    """Pages put a link on its own line (`Олег Марков\nзаявил\n, что …`): a line that opens with a comma goes on."""
    doc = analyze("Губернатор области Олег Марков\nзаявил\n, что дорогу к поселку починят до морозов.")
    assert len(doc.sentences) == 1
    quote = only(doc)
    assert doc.span_text(quote) == "дорогу к поселку починят до морозов" and by(quote.speaker_name, "Марков")


def test_clause_wholly_in_quotes_is_direct(analyze):
    """`заявил, что «…»`: the whole reported clause is the speaker's own words, so the quote is direct."""
    doc = analyze("Министр финансов Антон Силуанов заявил, что «бюджет будет исполнен без дефицита».")
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("direct", "бюджет будет исполнен без дефицита")
    doc = analyze("Антон Силуанов заявил, что бюджет будет исполнен «без всякого дефицита».")
    assert only(doc).kind == "mixed"


@pytest.mark.parametrize("subject, name", [("Немецкая полиция", "немецкая полиция"), ("Местные власти", "местные власти")])
def test_a_body_speaks_as_described(analyze, subject, name):
    doc = analyze(f"Вечером в Мюнхене прошла демонстрация. {subject} заявила, что угрозы для жителей нет.".replace(
        "власти заявила", "власти заявили"))
    quote = only(doc)
    assert quote.speaker_name.lower() == name and quote.source.endswith("speaker.body")


def test_speaker_of_a_relative_clause_is_the_noun_it_describes(analyze):
    doc = analyze("На заседании выступил министр Олег Сидорович, который заявил, что реформа продолжится.")
    assert by(only(doc).speaker_name, "Сидорович")


def test_outlet_in_quote_marks_after_the_verb_is_no_speaker(analyze):
    doc = analyze("«Сроки строительства не изменятся», – сообщил «Вестнику» вице-премьер Олег Сидорович.")
    assert by(only(doc).speaker_name, "Сидорович")


def test_one_of_a_group_is_an_anonymous_speaker(analyze):
    doc = analyze("Совещание длилось три часа. «Мы обсуждали только сроки», – сказал один из участников совещания.")
    quote = only(doc)
    speaker = doc.entity(quote.speaker)
    assert speaker.anonymous and "участник" in speaker.name and "совещания" in speaker.name


def test_quoting_verb_without_a_subject_in_the_parse(analyze):
    doc = analyze("«Мы не отступим», — приводит слова Олега Сидоровича газета «Вестник».")
    assert by(only(doc).speaker_name, "Сидорович")


def test_an_interview_to_a_medium_relays_the_speakers_words(analyze):
    """`в интервью газете X`: the speaker's words in the article reach us through X, as an entity."""
    doc = analyze("Премьер-министр Олег Сидорович в интервью газете «Вестник» рассказал о планах правительства. "
                  "Сидорович заявил, что налоги не вырастут. «Мы сохраним все пособия», — добавил он.")
    said = [q for q in doc.quotes if doc.span_text(q) in {"налоги не вырастут", "Мы сохраним все пособия"}]
    assert len(said) == 2 and all(q.via_name == "Вестник" and doc.entity(q.via).name == "Вестник" for q in said)


def test_a_medium_addressed_relays_the_words(analyze):
    doc = analyze("«Мы сохраним все пособия», — сказал телеканалу «Восток» премьер-министр Олег Сидорович.")
    quote = only(doc)
    assert by(quote.speaker_name, "Сидорович") and quote.via_name == "Восток"



def test_reported_clause_of_a_converb_ends_before_the_main_clause(analyze):
    doc = analyze("Напомнив, что сессия парламента начнется в мае, премьер-министр Олег Сидорович призвал депутатов подготовить поправки.")
    clauses = [doc.span_text(q) for q in doc.quotes]
    assert "сессия парламента начнется в мае" in clauses


def test_reported_clause_stops_before_a_colon_and_a_quotation(analyze):
    doc = analyze("Олег Сидорович подчеркнул, что у города есть шанс получить субсидию: «Мы подали все документы вовремя».")
    assert [(q.kind, doc.span_text(q)) for q in doc.quotes] == [
        ("indirect", "у города есть шанс получить субсидию"), ("direct", "Мы подали все документы вовремя")]


def test_parenthetical_cue_attributes_its_whole_sentence(analyze):
    doc = analyze("Министр обороны Олег Сидорович провел совещание. Проект бюджета, сказал он, не учитывает расходов на армию. "
                  "Впрочем, пояснил министр, денег хватит на все программы.")
    assert [doc.span_text(q) for q in doc.quotes] == [
        "Проект бюджета, сказал он, не учитывает расходов на армию", "Впрочем, пояснил министр, денег хватит на все программы"]
    assert all(by(q.speaker_name, "Сидорович") and q.source.startswith("indirect.parenthetical") for q in doc.quotes)


def test_apposition_between_commas_is_no_parenthetical_cue(analyze):
    doc = analyze("Олег Сидорович, известный экономист, написал книгу о реформах.")
    assert doc.quotes == ()


def test_colon_quotation_after_a_long_reported_clause(analyze):
    doc = analyze("Губернатор Олег Сидорович подчеркнул, что у области есть все шансы построить новый мост через реку до конца "
                  "следующего года: «Проект готов, подрядчик выбран, деньги в бюджете есть».")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [doc.span_text(q) for q in direct] == ["Проект готов, подрядчик выбран, деньги в бюджете есть"]
    assert by(direct[0].speaker_name, "Сидорович")


def test_short_inserted_lines_do_not_end_a_quotation():
    from newsgraph.stages.quotes.marks import pair_quotes

    text = "«У них (ведомств. \n— Ред.\n) есть все нужные данные», — сказал он.\nНовый абзац «с кавычками»."
    spans = [text[q.start : q.end] for q in pair_quotes(text)]
    assert spans == ["У них (ведомств. \n— Ред.\n) есть все нужные данные", "с кавычками"]


def test_a_verb_without_subject_goes_on_about_the_person(analyze):
    doc = analyze("На брифинге выступила министр Анна Сидорова, которая сказала, что школы откроются в срок. "
                  "Однако добавила, что ремонт в части зданий затянется.")
    assert [q.speaker_name and "Сидорова" in q.speaker_name for q in doc.quotes] == [True, True]
    assert doc.quotes[1].source.endswith("speaker.zero")


def test_a_report_speaks_for_its_owner(analyze):
    doc = analyze("Федеральная таможенная служба подвела итоги года. «Объем контрабанды сократился вдвое», – говорится в отчете ведомства.")
    quote = only(doc)
    assert quote.speaker_name and "таможенн" in quote.speaker_name.lower()


def test_the_outlet_addressed_is_never_the_speaker(analyze):
    doc = analyze("«Мы не видим угрозы для членов альянса», — сказал Би-би-си официальный представитель НАТО.")
    quote = only(doc)
    assert quote.speaker_name and "представитель" in quote.speaker_name


def test_a_station_named_like_a_party_is_the_station(analyze):
    doc = analyze("Радио «Свобода» уточняет, что учения продлятся неделю.")
    quote = only(doc)
    assert quote.speaker_name == "Радио «Свобода»" and doc.entity(quote.speaker).kb_id is None


def test_nested_speech_gives_two_quotes_the_inner_via_the_relay(analyze):
    doc = analyze("Министр иностранных дел Олег Сидорович выступил в парламенте. "
                  "По словам Сидоровича, его коллега Ян Ковальский сказал, что Варшава не против встречи в мае.")
    outer, inner = doc.quotes
    assert by(outer.speaker_name, "Сидорович") and "Ковальский сказал" in doc.span_text(outer)
    assert by(inner.speaker_name, "Ковальский") and doc.span_text(inner) == "Варшава не против встречи в мае"
    assert inner.via == outer.speaker and by(inner.via_name, "Сидорович")


def test_a_conjunct_of_the_speech_verb_ends_the_reported_clause(analyze):
    doc = analyze("Министр юстиции Олег Травин заявил, что все претензии к банку сняты, "
                  "и ходатайствовал перед президентом об увольнении двух чиновников.")
    assert [q[:2] for q in quotes(doc)] == [("indirect", "все претензии к банку сняты")]


def test_a_second_opinion_joined_by_a_is_a_quote_of_its_own(analyze):
    doc = analyze("Киев считает, что Москва должна ему за поставки угля, "
                  "а Москва уверена, что Украина не заплатила за электричество.")
    assert [doc.span_text(q) for q in doc.quotes] == [
        "Москва должна ему за поставки угля", "Украина не заплатила за электричество"]


def test_the_dots_of_abbreviations_do_not_end_a_reported_clause(analyze):
    doc = analyze("Глава ведомства Игорь Петров заметил, что в том случае, если партнеры выполнят условия, "
                  "т.е. снизят цену, то ответ будет мягким.")
    assert doc.span_text(only(doc)).endswith("т.е. снизят цену, то ответ будет мягким")


def test_a_sentence_opening_as_the_next_step_continues_the_speaker(analyze):
    doc = analyze("Министр финансов Антон Силуанов заявил, что бюджет будет исполнен без дефицита. "
                  "Во-вторых, налоговая нагрузка на бизнес не вырастет. Напомним, в прошлом году дефицит составил 2%.")
    assert [q[:2] for q in quotes(doc)] == [
        ("indirect", "бюджет будет исполнен без дефицита"),
        ("indirect", "Во-вторых, налоговая нагрузка на бизнес не вырастет"),
    ]
    assert by(doc.quotes[1].speaker_name, "Силуанов") and doc.quotes[1].source.startswith("indirect.continued")


def test_a_next_sentence_without_an_opener_is_the_authors(analyze):
    doc = analyze("Министр финансов Антон Силуанов заявил, что бюджет будет исполнен без дефицита. "
                  "Налоговые сборы за квартал выросли на десять процентов.")
    assert [doc.span_text(q) for q in doc.quotes] == ["бюджет будет исполнен без дефицита"]


def test_an_initial_does_not_end_the_next_sentence(analyze):
    """`В. Небензя` is an initial and a surname: the sentence has its own cue, so it is no continuation."""
    doc = analyze("По мнению Лондона, Москва нарочно затягивает переговоры. "
                  "В то же время В. Небензя заявил, что Россия не будет извиняться за свою позицию.")
    assert [q[:2] for q in quotes(doc)] == [
        ("indirect", "Москва нарочно затягивает переговоры"),
        ("indirect", "Россия не будет извиняться за свою позицию"),
    ]


def test_an_attribution_inside_a_relative_clause_reports_the_rest_of_it(analyze):
    doc = analyze("Полиция задержала водителя, который, по версии следствия, является виновником аварии.")
    quote = only(doc)
    assert doc.span_text(quote) == "является виновником аварии" and quote.speaker_name == "следствие"


def test_an_outlet_addressed_by_name_is_the_via(analyze):
    doc = analyze("Эксперт Ирина Ким рассказала DW, что реформа затронет миллионы пенсионеров.")
    quote = only(doc)
    assert by(quote.speaker_name, "Ким") and doc.entity(quote.via).name == "DW"
    assert quote.via_name == "Deutsche Welle"  # the outlet as readers know it (media.tsv)


def test_the_articles_own_outlet_is_no_via(analyze):
    text = "Депутат Иван Сидоров рассказал RT, что законопроект внесут в Госдуму весной."
    elsewhere = only(analyze(text, url="https://example.org/news/1"))
    own = only(analyze(text, url="https://russian.rt.com/russia/article/1-zakonoproekt"))
    assert elsewhere.via_name == "RT" and own.via is None and by(own.speaker_name, "Сидоров")


def test_a_bare_report_speaks_for_who_spoke_just_before(analyze):
    doc = analyze("Сотрудники фонда «Гражданское содействие» подготовили доклад о положении мигрантов. "
                  "По словам правозащитников, число жалоб за год выросло вдвое. "
                  "В докладе отмечается, что многие мигранты не могут получить медицинскую помощь.")
    assert [q.speaker_name for q in doc.quotes] == ["правозащитники", "правозащитники"]


def test_a_forecast_is_reported_speech(analyze):
    quote = only(analyze("Аналитик Сергей Орлов прогнозирует, что курс рубля стабилизируется к осени."))
    assert by(quote.speaker_name, "Орлов") and quote.kind == "indirect"


def test_a_person_noun_with_a_name_in_apposition_is_that_person_not_the_organisation(analyze):
    quote = only(analyze("По словам профессора НИУ ВШЭ, американиста Александра Домрина, "
                         "карьера бывшего президента далека от завершения."))
    assert by(quote.speaker_name, "Домрин")


def test_a_person_noun_points_to_whom_the_article_introduced_with_it(analyze):
    doc = analyze("Комиссар Совета Европы Томас Хаммерберг посетил Грозный. "
                  "По итогам встречи комиссар СЕ заявил: «Я пообщался с заключенными и не увидел насилия».")
    assert by(only(doc).speaker_name, "Хаммерберг")


def test_the_speaker_after_a_date_set_off_by_commas(analyze):
    quote = only(analyze("«Мы повысили уровень взаимодействия с союзниками», — заявила в среду, 8 февраля, "
                         "командующая кораблём Анна Смит."))
    assert by(quote.speaker_name, "Смит")


def test_the_clause_after_a_parenthetical_cue_is_what_was_said_not_its_subject(analyze):
    quote = only(analyze("Как рассказали в прокуратуре района, мэр города подписал распоряжение о ремонте школ."))
    assert "прокуратур" in quote.speaker_name.lower()


def test_the_clause_after_the_comma_of_a_that_clause_is_never_the_subject(analyze):
    quote = only(analyze("Вчера заявили журналистам, что Россия готова к переговорам."))
    assert quote.speaker_name != "Россия"


def test_a_quoted_name_inside_an_attributed_sentence_is_no_quote(analyze):
    doc = analyze("Американцы не считали своими целями бойцов ливанской группировки «Хезболлах», пишет The New York Times.")
    assert all("Хезболлах" != doc.span_text(q) for q in doc.quotes), quotes(doc)


def test_a_medium_named_in_quotation_marks_closes_a_parenthetical_cue(analyze):
    doc = analyze("Тем временем, пишет «Коммерсантъ», телеканал имеет сложности и в расчетах с другими кредиторами.")
    quote = only(doc)
    assert doc.span_text(quote).endswith("с другими кредиторами") and quote.speaker_name == "Коммерсантъ"


def test_an_expressed_opinion_a_few_words_after_the_verb(analyze):
    doc = analyze("Президент Франции Николя Саркози выразил в этой связи надежду на то, что ему удастся провести реформы.")
    assert "ему удастся провести реформы" in doc.span_text(only(doc))


def test_the_verb_may_stand_a_few_words_after_the_closing_mark(analyze):
    quote = only(analyze("«Интересы собственников должны быть учтены», – уже в который раз повторил Владимир Путин."))
    assert quote.kind == "direct" and by(quote.speaker_name, "Путин")


def test_a_closing_attribution_after_a_short_participle_clause(analyze):
    doc = analyze("В районные организации края разосланы методические рекомендации по мобилизации избирателей, "
                  "сообщают местные СМИ.")
    quote = only(doc)
    assert doc.span_text(quote).endswith("по мобилизации избирателей") and quote.speaker_name == "местные СМИ"


def test_an_admission_in_a_report_and_a_source_after_a_particle(analyze):
    admitted = only(analyze("При этом в материале NBC признается, что Штаты готовы подыграть российским властям."))
    assert admitted.speaker_name == "NBC"
    doc = analyze("По данным же неназванного источника в МЧС, «самолет не разрушился в воздухе».")
    assert (only(doc).kind, doc.span_text(only(doc))) == ("direct", "самолет не разрушился в воздухе")


def test_a_colon_quote_after_a_cue_with_an_outlet_in_quotation_marks(analyze):
    doc = analyze("Как заявила обозревателю «НГ» советник председателя ВГТРК Виктория Арутюнова, ей ничего не известно "
                  "о таком распоряжении: «Очевидно, речь идет об официальной бумаге из Кремля?»")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [doc.span_text(q) for q in direct] == ["Очевидно, речь идет об официальной бумаге из Кремля?"]
    assert direct[0].cue == "заявила"


def test_a_quoting_medium_is_the_via_whichever_way_the_parse_reads_the_verb(analyze):
    doc = analyze("«Мы не меняем тарифы», — цитирует ТАСС пресс-службу оператора «Альфа-Связь». "
                  "«Я получил в наследство хаос», — приводит слова Дональда Трампа The New York Times.")
    first, second = doc.quotes
    assert first.via_name == "ТАСС" and "пресс-служб" in first.speaker_name
    assert second.via_name == "The New York Times" and by(second.speaker_name, "Трамп")


def test_a_medium_in_a_relative_clause_relays_the_words(analyze):
    doc = analyze("«Сроки поставок могут сдвинуться», — предупредил Олег Мартынов, которого цитирует РБК.")
    quote = only(doc)
    assert by(quote.speaker_name, "Мартынов") and quote.via_name == "РБК"


def test_a_bare_newspaper_is_the_medium_named_last_not_any_organisation(analyze):
    doc = analyze("Как отмечает Wall Street Journal, Белый дом теряет терпение. "
                  "«Переговоры зашли в тупик», — сказал газете американский чиновник.")
    quote = doc.quotes[-1]
    assert doc.span_text(quote) == "Переговоры зашли в тупик"
    assert quote.via_name == "The Wall Street Journal"


def test_a_cited_paper_relays_a_speaker_with_a_verb_of_his_own(analyze):
    doc = analyze("Как сообщает агентство со ссылкой на местную газету «Заря», Иван Петров заявил, что никого не обманывал.")
    quote = only(doc)
    assert by(quote.speaker_name, "Петров") and quote.via_name == "Заря"


def test_an_unnamed_source_of_a_medium_speaks_through_it(analyze):
    doc = analyze("По данным неназванного источника «Интерфакса» в министерстве, «решение уже подписано».")
    quote = only(doc)
    assert doc.entity(quote.speaker).anonymous and quote.via_name == "Интерфакс"


def test_a_parenthetical_quoted_from_names_the_via(analyze):
    doc = analyze("«Рынок переживёт этот спад», – считает аналитик Пётр Смирнов (цитата по finance-blog.example.com).")
    quote = only(doc)
    assert by(quote.speaker_name, "Смирнов") and quote.via_name == "finance-blog.example.com"


def test_a_role_noun_skips_names_inside_the_quote(analyze):
    doc = analyze("Ситуацию прокомментировала официальный представитель МИД Мария Захарова. "
                  "«Сенатор Джин Шахин не первый раз отличается глупостями», — отметила дипломат.")
    assert by(only(doc).speaker_name, "Захарова")


def test_a_role_noun_prefers_the_title_of_just_that_body(analyze):
    doc = analyze("Председатель ПАСЕ Педро Аграмунт приехал в Страсбург. Ранее председатель украинской делегации "
                  "в ПАСЕ Владимир Арьев выступил с критикой. «Я признаю ошибку», — заявил глава ПАСЕ.")
    assert by(only(doc).speaker_name, "Аграмунт")


def test_a_document_for_an_organisation_is_not_its_statement(analyze):
    doc = analyze("Правозащитники из «Мемориала» подготовили доклад. «Власти должны выполнить обязательства, "
                  "закреплённые в документах ООН», – говорится в докладе для ООН.")
    assert "ООН" not in (only(doc).speaker_name or "")
    assert by(only(doc).speaker_name, "Мемориал")


def test_a_bare_statement_speaks_for_an_organisation_named_outside_the_quote(analyze):
    doc = analyze("Компания «Ромашка» выпустила заявление. «Мы очень благодарны ООН за помощь», - говорится в заявлении.")
    assert by(only(doc).speaker_name, "Ромашка")


def test_he_points_to_the_person_named_in_the_nominative(analyze):
    doc = analyze("Специально на праздник в честь юбилея Бориса Николаевича в Екатеринбург прибыл президент РФ "
                  "Дмитрий Медведев. Сегодня, открывая памятник, он отметил, что страна должна быть благодарна.")
    assert by(only(doc).speaker_name, "Медведев")


def test_a_name_in_the_genitive_of_a_subject_is_no_antecedent(analyze):
    doc = analyze("Надежды на компромисс охладил министр финансов Вольфганг Шойбле. "
                  "Предложение Ципраса, сказал он, не привносит ясности.")
    assert by(only(doc).speaker_name, "Шойбле")


def test_the_addressee_in_the_dative_is_no_second_subject(analyze):
    doc = analyze("«Сроки строительства не изменятся», – сообщил «НВ» Козлов по итогам совещания. "
                  "Как заявила обозревателю «НВ» советник председателя ВГТРК Анна Белова, ей ничего не известно о приказе.")
    first, second = doc.quotes
    assert by(first.speaker_name, "Козлов") and by(second.speaker_name, "Белова")


def test_an_agency_told_is_the_via_and_the_body_in_v_the_speaker(analyze):
    doc = analyze("Ситуацию отказались комментировать в «Вымпелкоме». В МТС агентству Интерфакс заявили, что ведут диалог с регулятором.")
    quote = only(doc)
    assert quote.speaker_name == "МТС" and quote.via_name == "Интерфакс"


def test_a_statement_on_a_site_speaks_for_its_owner(analyze):
    doc = analyze("На официальном сайте Министерства обороны Эстонии сообщается, что цель учений — улучшить навыки взаимодействия.")
    assert by(only(doc).speaker_name, "Министерство обороны")


def test_one_of_a_group_named_in_apposition_is_that_person(analyze):
    doc = analyze("Как пишет в своей колонке для издания The Hill один из участников встречи, отставной генерал "
                  "США Питер Цвак, мероприятия были последней возможностью встретиться.")
    assert by(only(doc).speaker_name, "Цвак")
    assert doc.span_text(only(doc)) == "мероприятия были последней возможностью встретиться"  # not the apposition


def test_a_connective_before_an_aside_is_not_reported_and_an_interview_to_an_agency_relays(analyze):
    doc = analyze("Однако, по мнению Елены Заевой, которое она высказала в интервью РИА Новости, рост тарифов составит «доли копейки».")
    quote = only(doc)
    assert doc.span_text(quote) == "рост тарифов составит «доли копейки»"
    assert by(quote.speaker_name, "Заева") and quote.via_name == "РИА Новости"


def test_according_to_one_of_a_group_named_after_a_dash(analyze):
    doc = analyze("По словам одного из участников съезда – Анзора Глоова, необходимость объединения разрозненных организаций назрела давно.")
    quote = only(doc)
    assert doc.span_text(quote) == "необходимость объединения разрозненных организаций назрела давно"
    assert by(quote.speaker_name, "Глоов")


def test_he_is_the_person_quoted_before_not_a_name_in_the_genitive(analyze):
    doc = analyze("Закон серьёзный, говорит адвокат Андрей Некрасов. По его мнению, теперь власти смогут вводить точечные "
                  "запреты. Это не просто популистский шаг Байдена, уверен адвокат.\n"
                  "«Скажем, в Европе никто не захочет спорить с американскими регуляторами», — отметил он.")
    assert by(doc.quotes[-1].speaker_name, "Некрасов")


def test_only_a_medium_a_source_or_a_person_relays_words(analyze):
    doc = analyze("«Мы не отступим», — сказал командир Олег Сомов, и данные разведки сообщают о том же.")
    first = doc.quotes[0]
    assert by(first.speaker_name, "Сомов") and first.via is None


def test_a_column_written_for_a_medium_reaches_us_through_it(analyze):
    doc = analyze("Как пишет в своей колонке для издания The Hill генерал в отставке Питер Цвак, мероприятия были последней возможностью встретиться.")
    quote = only(doc)
    assert by(quote.speaker_name, "Цвак") and quote.via_name == "The Hill"


def test_a_closing_stance_adjective_attributes_the_sentence(analyze):
    doc = analyze("Санкции не работают, уверен адвокат Андрей Некрасов.")
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("indirect", "Санкции не работают") and by(quote.speaker_name, "Некрасов")


def vias(doc: Article) -> list[tuple[str, str | None]]:
    return [(doc.span_text(q), q.via_name) for q in doc.quotes]


def test_interview_channel_holds_until_someone_else_is_quoted(analyze):
    doc = analyze(
        "Генерал Майкл Стоун в интервью каналу NBC согласился, что погибли сотни нападавших. Стоун добавил, что армия "
        "усилила позиции. По словам эксперта Анны Белл, стороны преуменьшают потери. Позднее Стоун на пресс-конференции "
        "в Вашингтоне заявил, что армия готова к новым боям."
    )
    assert [via for _, via in vias(doc)] == ["NBC", "NBC", None, None], vias(doc)


def test_interview_channel_starts_where_the_interview_is_named(analyze):
    doc = analyze(
        "«Компании всегда укладываются в две недели», — подчеркнула глава управления Анна Сидорова. Однако, по мнению "
        "Сидоровой, которое она высказала в интервью РИА Новости, рост цен составит доли копейки."
    )
    assert [via for _, via in vias(doc)] == [None, "РИА Новости"], vias(doc)


def test_interview_with_the_medium_named_just_before(analyze):
    doc = analyze("Канал NBC подробно рассказал о бое под Дейр-эз-Зором. Генерал Майкл Стоун соглашается в интервью, "
                  "что погибли сотни нападавших.")
    assert vias(doc)[-1] == ("погибли сотни нападавших", "NBC"), vias(doc)


def test_medium_credited_at_the_close_of_a_paragraph_relayed_it(analyze):
    doc = analyze(
        "По данным облизбиркома, явка составила 54 %. Лидирует действующий мэр Олег Смирнов. "
        "Второе место занимает кандидат от КПРФ Иван Орлов, передает ТАСС.\n"
        "По словам политолога Анны Белл, исход был предсказуем."
    )
    assert vias(doc)[0] == ("явка составила 54 %", "ТАСС"), vias(doc)
    assert vias(doc)[-1] == ("исход был предсказуем", None), vias(doc)


def test_words_reported_by_their_own_speaker_are_no_relay(analyze):
    doc = analyze("Президент Франции Эммануэль Макрон дал интервью газете Le Monde. "
                  "По словам Макрона, он рассказал Путину о фактах хакерских атак.")
    quote = doc.quotes[-1]
    assert by(quote.speaker_name, "Макрон") and quote.via != quote.speaker, vias(doc)


def test_verbatim_words_of_one_speaker_in_a_paragraph_share_their_channel(analyze):
    doc = analyze(
        "«Обе стороны пытались преуменьшить потери», – сказал аналитик Ноа Бонси. «США не видят интереса к "
        "эскалации», – считает Бонси (цитата по El-murid.livejournal.com).\n"
        "«Мы готовы к переговорам», – сказал Бонси на брифинге."
    )
    assert [via for _, via in vias(doc)] == ["El-murid.livejournal.com", "El-murid.livejournal.com", None], vias(doc)


def test_a_paragraph_after_a_speakers_colon_is_direct(analyze):
    """A post set off as its own paragraph after `написал в Telegram:` is the speaker's words; a colon with no
    speech verb (a programme, a list) introduces no quote."""
    doc = analyze(
        "Мэр Казани Иван Соколов написал в Telegram:\nПоздравляю всех с победой нашей команды. Вы настоящие герои.\n\n"
        "В программе вечера:\nПесни военных лет и романсы."
    )
    quote = only(doc)
    assert (quote.kind, doc.span_text(quote)) == ("direct", "Поздравляю всех с победой нашей команды. Вы настоящие герои")
    assert by(quote.speaker_name, "Соколов") and quote.source.startswith("quote.colon_paragraph")
