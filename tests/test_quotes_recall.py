"""Quotes a reader finds in real news layouts: nested speech, phrasal and nominal cues, clause boundaries."""

from __future__ import annotations

from newsgraph.doc import Article


def spans(doc: Article) -> list[tuple[str, str]]:
    return [(q.kind, doc.span_text(q)) for q in doc.quotes]


def test_speech_reported_inside_a_quotation_is_a_quote_of_its_own(analyze):
    doc = analyze("«Сначала министерство сказало, что никаких учений не планируется. Потом всё изменилось», — рассказал "
                  "журналистам депутат Олег Сурков.")
    inner = [q for q in doc.quotes if doc.span_text(q) == "никаких учений не планируется"]
    outer = [q for q in doc.quotes if q.kind == "direct" and doc.span_text(q).startswith("Сначала министерство")]
    assert inner and outer, spans(doc)
    assert inner[0].via == outer[0].speaker and outer[0].speaker is not None


def test_the_quoted_speakers_own_opinion_is_no_nested_quote(analyze):
    doc = analyze("«Я уверена, что переговоры продолжатся, и я бы не сказала, что они провалились», — заявила Анна Котова.")
    assert spans(doc) == [("direct", "Я уверена, что переговоры продолжатся, и я бы не сказала, что они провалились")]


def test_reported_clause_ends_where_the_main_clause_resumes(analyze):
    doc = analyze("Поскольку городская прокуратура уже заявила, что не нашла в договоре нарушений, жители обращаются в суд.")
    assert ("indirect", "не нашла в договоре нарушений") in spans(doc)


def test_reported_clause_ends_before_a_converb_of_the_cue(analyze):
    doc = analyze("Депутат Игорь Лесков заявил, что готов выступить на слушаниях, объяснив это интересами избирателей.")
    assert ("indirect", "готов выступить на слушаниях") in spans(doc)


def test_according_to_published_data_and_to_a_document(analyze):
    doc = analyze("Согласно опубликованным данным, завод получил от области больше ста миллионов рублей. Согласно документу, "
                  "все работы должны завершиться к осени.")
    assert spans(doc) == [("indirect", "завод получил от области больше ста миллионов рублей"),
                          ("indirect", "все работы должны завершиться к осени")]


def test_according_aside_reports_only_its_own_clause(analyze):
    doc = analyze("Спасатели прибыли на место быстро, но при этом, по расчетам экспертов фонда, около двухсот домов остались "
                  "без света. Жители ждать не будут: по данным мэрии, ремонт сетей начался утром.")
    assert ("indirect", "около двухсот домов остались без света") in spans(doc)
    assert ("indirect", "ремонт сетей начался утром") in spans(doc)


def test_phrasal_cues_report_a_clause(analyze):
    doc = analyze("Министерство дало понять, что новые правила вступят в силу летом. Эксперты комиссии пришли к выводу, что "
                  "мост нуждается в ремонте. Организаторы исходят из того, что участники оплатят дорогу сами.")
    assert [s for _, s in spans(doc)] == ["новые правила вступят в силу летом", "мост нуждается в ремонте",
                                          "участники оплатят дорогу сами"]


def test_impersonal_cues_of_a_document(analyze):
    doc = analyze("В тексте соглашения сказано, что пошлины отменят через год. Уточняется, что первой их отменит Армения.")
    assert [s for _, s in spans(doc)] == ["пошлины отменят через год", "первой их отменит Армения"]


def test_a_verb_without_its_phrase_reports_nothing(analyze):
    doc = analyze("Комиссия пришла к зданию суда, чтобы передать документы. Власти дали деньги, что позволило открыть школу.")
    assert spans(doc) == []


def test_a_verbless_statement_closed_by_its_cue(analyze):
    doc = analyze("Новые тарифы — это удар по малому бизнесу, считает экономист Павел Гурин.")
    assert spans(doc) == [("indirect", "Новые тарифы — это удар по малому бизнесу")]


def test_named_with_a_long_object_before_the_quoted_words(analyze):
    doc = analyze("Премьер назвал решение соседей о строительстве новой плотины на общей реке «грубой ошибкой».")
    assert spans(doc) == [("mixed", "решение соседей о строительстве новой плотины на общей реке «грубой ошибкой»")]


def test_infinitive_cues_and_a_clause_of_the_infinitive(analyze):
    doc = analyze("Врач рекомендовал пациентам отказаться от поездок. Министр предлагает оценивать школы по тем же "
                  "правилам, что и больницы. Компания проявила готовность вложить в проект миллиард рублей.")
    assert [s for _, s in spans(doc)] == ["пациентам отказаться от поездок",
                                          "оценивать школы по тем же правилам, что и больницы",
                                          "готовность вложить в проект миллиард рублей"]


def test_the_object_of_a_speech_verb_is_what_was_said(analyze):
    doc = analyze("Губернатор подчеркнул важность ремонта сельских дорог. Аналитик Олег Дымов связывает рост цен с "
                  "новыми пошлинами. Директор указал на серьезные нарушения в работе склада.")
    assert [s for _, s in spans(doc)] == ["важность ремонта сельских дорог", "рост цен с новыми пошлинами",
                                          "серьезные нарушения в работе склада"]


def test_a_pronoun_or_a_linked_thing_without_its_link_is_no_object_quote(analyze):
    doc = analyze("Министр подтвердил эти данные на встрече. Новый мост связывает два района города.")
    assert spans(doc) == []


def test_after_an_aside_the_clause_keeps_its_own_speech_verb(analyze):
    doc = analyze("По данным полиции, жители района, уставшие от шума, жалуются на соседний клуб.")
    assert spans(doc) == [("indirect", "жители района, уставшие от шума, жалуются на соседний клуб")]


def test_a_request_ends_before_a_reason_or_a_contrast(analyze):
    doc = analyze("Мэр призвал жителей сократить расход воды, так как летом уровень реки упал. Совет потребовал вывести "
                  "войска, вернуть пленных и начать переговоры.")
    assert [s for _, s in spans(doc)] == ["жителей сократить расход воды", "вывести войска, вернуть пленных и начать переговоры"]


def test_a_stance_noun_is_a_quote_only_with_something_said(analyze):
    doc = analyze("Посол выразил надежду, что переговоры возобновятся. Жители выразили протест против строительства завода.")
    assert spans(doc) == [("indirect", "надежду, что переговоры возобновятся")]


def test_one_word_after_about_is_a_topic(analyze):
    doc = analyze("Этот выбор говорит о многом. Министр сообщил о закрытии двух заводов.")
    assert spans(doc) == [("indirect", "закрытии двух заводов")]


def test_a_request_noun_with_its_infinitive(analyze):
    doc = analyze("Омбудсмен обратился к губернатору с просьбой открыть в области приют для бездомных.")
    assert spans(doc) == [("indirect", "открыть в области приют для бездомных")]


def test_about_clause_in_quotation_marks(analyze):
    doc = analyze("Следователи сообщили журналистам «об отсутствии следов взрывчатки на обломках».")
    assert [s for _, s in spans(doc)] == ["об отсутствии следов взрывчатки на обломках"]


def test_about_this_reaches_its_verb_over_a_long_adverbial(analyze):
    doc = analyze("Завод остановит выпуск грузовиков в марте. Об этом на открытии выставки в Казани рассказал директор "
                  "предприятия Антон Белов.")
    assert spans(doc) == [("indirect", "Завод остановит выпуск грузовиков в марте")]


def test_after_a_closing_cue_the_speakers_argument_goes_on(analyze):
    doc = analyze("Школы должны перейти на новые учебники, отметил министр Павел Рудин. Кроме того, учителям нужны курсы.")
    assert spans(doc) == [("indirect", "Школы должны перейти на новые учебники"),
                          ("indirect", "Кроме того, учителям нужны курсы")]
    assert doc.quotes[1].speaker == doc.quotes[0].speaker is not None


def test_a_sentence_opening_with_a_goes_on_in_the_speakers_voice(analyze):
    doc = analyze("Эколог Анна Белова заявила, что уровень реки упал на метр. А это, по сути, угрожает всем рыбным "
                  "хозяйствам области.\nА.Петров уехал в Москву.")
    assert [s for _, s in spans(doc)] == ["уровень реки упал на метр",
                                          "А это, по сути, угрожает всем рыбным хозяйствам области"]


def test_naming_something_something_else_is_what_was_said(analyze):
    doc = analyze("Правозащитники назвали новый закон о митингах слишком жестким. Комиссия назвала причину аварии.")
    assert spans(doc) == [("indirect", "новый закон о митингах слишком жестким")]


def test_a_medium_closing_its_paragraph_relays_the_whole_paragraph(analyze):
    doc = analyze("Выборы в Бельгии завершились.\n\nЯвка составила 88 процентов. Лидирует Новый фламандский альянс, "
                  "набравший 17 процентов, передает агентство Belga.")
    assert [s for _, s in spans(doc)] == ["Явка составила 88 процентов. Лидирует Новый фламандский альянс, набравший "
                                          "17 процентов"]


def test_a_nominal_sentence_in_quotation_marks_goes_on_in_the_speakers_words(analyze):
    doc = analyze("По словам мэра Ильи Зорина, парк откроют в мае. «Это подарок всем жителям района».")
    assert [s for _, s in spans(doc)] == ["парк откроют в мае", "Это подарок всем жителям района"]
    assert doc.quotes[1].speaker == doc.quotes[0].speaker is not None


def test_impersonal_cues_of_a_report(analyze):
    doc = analyze("Доклад опубликован в среду. В нем говорится о нехватке врачей в сельских больницах. Предлагается "
                  "повысить зарплаты молодым специалистам.")
    assert [s for _, s in spans(doc)] == ["нехватке врачей в сельских больницах", "повысить зарплаты молодым специалистам"]


def test_a_common_opinion_with_nobody_holding_it_is_no_quote(analyze):
    doc = analyze("Новый министр, как полагают, близок к губернатору. Проект, как считает директор Олег Ким, окупится "
                  "за пять лет.")
    assert spans(doc) == [("indirect", "Проект, как считает директор Олег Ким, окупится за пять лет")]


def test_about_this_points_back_over_a_sentence_that_goes_on(analyze):
    doc = analyze("Детские сады получат новые площадки. При этом плата за них не вырастет. Об этом сообщил мэр Олег Шумов.")
    assert spans(doc) == [("indirect", "Детские сады получат новые площадки. При этом плата за них не вырастет")]


def test_a_reported_clause_ends_where_another_speaker_starts(analyze):
    doc = analyze("Адвокаты не отрицают, что их клиент подписал договор, но прокурор заявил о давлении на свидетелей.")
    assert [s for _, s in spans(doc)] == ["их клиент подписал договор", "давлении на свидетелей"]


def test_an_aside_opening_a_quotation_reports_someone_else_inside_it(analyze):
    doc = analyze("«Как ясно сказал министр Олег Петров, пошлины сохранятся до конца года», — заявил депутат Иван Лосев.")
    inner = [q for q in doc.quotes if doc.span_text(q) == "пошлины сохранятся до конца года"]
    assert inner and inner[0].source.startswith("nested."), spans(doc)


def test_an_accusation_reports_its_clause(analyze):
    doc = analyze("Депутат Олег Минин обвинил мэра в том, что тот скрывает реальные расходы на ремонт дорог.")
    assert spans(doc) == [("indirect", "тот скрывает реальные расходы на ремонт дорог")]


def test_a_question_or_a_rumour_is_no_reported_clause(analyze):
    doc = analyze("Эксперты рассказали, чем вызвано это решение. Говорят, что министр скоро уйдет в отставку.")
    assert spans(doc) == []


def test_a_stance_adjective_set_off_by_commas(analyze):
    doc = analyze("Впрочем, школам, уверены депутаты, помогут и новые правила приема учеников.")
    assert [s for _, s in spans(doc)] == ["Впрочем, школам, уверены депутаты, помогут и новые правила приема учеников"]


def test_not_hiding_something_is_saying_it(analyze):
    doc = analyze("Директор не скрыл от журналистов, что завод закроют осенью. Компания скрыла, что завод закроют.")
    assert spans(doc) == [("indirect", "завод закроют осенью")]


def test_a_colon_far_after_its_cue(analyze):
    doc = analyze("Министр обозначил главные задачи ведомства на ближайшие три года в области связи: новые вышки, "
                  "дешевый интернет и защита данных. Мэр поднял тему пробок: нужно строить новые мосты.")
    assert [s for _, s in spans(doc)] == ["новые вышки, дешевый интернет и защита данных", "нужно строить новые мосты"]


def test_about_past_a_long_addressee(analyze):
    doc = analyze("Концерн официально предупредил ООО «Северный порт» и администрацию области о скором повышении тарифов.")
    assert [s for _, s in spans(doc)] == ["скором повышении тарифов"]


def test_a_first_line_of_sentences_is_no_headline(analyze):
    doc = analyze("Цены на хлеб вырастут к осени. Об этом заявил глава союза пекарей Игорь Донской. Как сообщает\n"
                  "агентство, рост составит десять процентов.")
    assert ("indirect", "Цены на хлеб вырастут к осени") in spans(doc)


def test_the_subject_of_a_documents_passive_cue_is_what_was_said(analyze):
    doc = analyze("В отчете комиссии подчеркивается необходимость срочного ремонта моста.")
    assert [s for _, s in spans(doc)] == ["необходимость срочного ремонта моста"]


def test_content_after_na(analyze):
    doc = analyze("Жители настаивают на переносе свалки за город. Инженер указал на трещины в опорах моста.")
    assert [s for _, s in spans(doc)] == ["переносе свалки за город", "трещины в опорах моста"]
