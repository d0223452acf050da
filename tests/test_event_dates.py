"""Which date expression dates which event, on sentences written for these tests: adjectival dates,
weekends, appositions, dates that point back, dates carried into the next sentence, and the
modality cues read with them."""

from __future__ import annotations

from newsgraph.doc import Article, Event


def only(doc: Article, event_type: str) -> Event:
    [event] = [e for e in doc.events if e.type == event_type]
    return event


def dated(event: Event) -> tuple[str | None, str | None]:
    return event.date, event.date_text


def test_adjectival_date_dates_the_event_noun_it_modifies(analyze):
    doc = analyze("Перед вчерашней встречей с канцлером Германии президент Франции заявил, что ждёт перемен.",
                  published="2025-07-04")
    assert dated(only(doc, "CONSULT")) == ("2025-07-03", "вчерашней")


def test_adjectival_date_on_a_thing_does_not_date_the_verb_above(analyze):
    doc = analyze("Оппозиция раскритиковала майские указы президента.", published="2025-07-04")
    assert dated(only(doc, "ACCUSE")) == (None, None)


def test_last_weekend_is_its_saturday(analyze):
    doc = analyze("В минувшие выходные Иванов и Петров обменялись взаимными обвинениями.", published="2025-07-07")
    assert dated(only(doc, "ACCUSE")) == ("2025-07-05", "В минувшие выходные")


def test_this_sunday_with_a_past_verb_is_the_last_sunday(analyze):
    # the tagger reads the rare `пикетировал` as future; a verb in -л is past all the same
    doc = analyze("Например, в это воскресенье активист пикетировал посольство России.", published="2025-07-07")
    event = only(doc, "PROTEST")
    assert (event.date, event.modality) == ("2025-07-06", "asserted")


def test_weekday_in_apposition_to_a_full_date_is_one_expression(analyze):
    doc = analyze("Политсовет партии на заседании в понедельник, 16 мая 2011 года, единогласно поддержал "
                  "кандидатуру своего председателя.")
    assert dated(only(doc, "SUPPORT")) == ("2011-05-16", "в понедельник, 16 мая 2011 года")


def test_same_day_points_back_to_the_date_before_it(analyze):
    doc = analyze("Во Францию президент Чехии прибыл во вторник и в тот же день встретился со своим французским коллегой.",
                  published="2025-07-04")
    meeting = next(e for e in doc.events if doc.span_text(e.trigger) == "встретился")
    assert dated(meeting) == ("2025-07-01", "в тот же день")


def test_then_opening_a_sentence_takes_the_date_of_the_sentence_before(analyze):
    doc = analyze("В апреле 2015 года бывший президент был приговорён к 20 годам тюрьмы. "
                  "Тогда же его обвинили в связях с ХАМАС.")
    event = only(doc, "ACCUSE")
    assert (event.date, event.date_precision, event.date_text) == ("2015-04-01", "month", "Тогда же")


def test_conditional_then_is_no_date(analyze):
    doc = analyze("Вчера министр выступил в парламенте. Если Киев продолжит обстрелы, тогда Москва нанесёт ответный удар.",
                  published="2025-07-04")
    assert all(e.date is None for e in doc.events if e.type == "ASSAULT")


def test_agentless_passive_continues_the_date_of_the_sentence_before(analyze):
    doc = analyze("Напротив, в минувшую пятницу в Баку полиция провела масштабную операцию. "
                  "Было задержано около полусотни человек. У них были конфискованы все газеты.", published="2004-08-03")
    assert [dated(e) for e in doc.events if e.type == "COERCE"] == [("2004-07-30", "в минувшую пятницу")] * 2


def test_elaborating_sentence_takes_the_date_but_a_new_actor_alone_does_not(analyze):
    text = "Вчера глава министерства встретился с коллегой из США. {}американский министр пообещал России поддержку."
    elaborated = analyze(text.format("В ответ "), published="2007-04-05")
    assert dated(only(elaborated, "AGREE")) == ("2007-04-04", "Вчера")
    plain = analyze(text.format("").replace(" американский", " Американский"), published="2007-04-05")
    assert dated(only(plain, "AGREE")) == (None, None)


def test_a_new_paragraph_carries_no_date(analyze):
    doc = analyze("В апреле полиция задержала активиста в Москве.\n\nБыл задержан и ещё один участник акции.",
                  published="2025-07-04")
    assert [e.date for e in doc.events if e.type == "COERCE"] == ["2025-04-01", None]


def test_not_only_is_no_negation(analyze):
    doc = analyze("Оппозиция не только осудила решение властей, но и провела митинг в центре Москвы.")
    assert only(doc, "ACCUSE").modality == "asserted"


def test_past_could_states_the_act_but_could_not_denies_it(analyze):
    done = analyze("На днях активист смог добраться до Финляндии и запросить там политическое убежище.")
    assert only(done, "REQUEST").modality == "asserted"
    failed = analyze("Активист не смог приехать в Москву на переговоры.")
    assert all(e.modality == "negated" for e in failed.events)


def test_passive_with_future_auxiliary_is_future(analyze):
    """`будет запрещён` lies ahead: a ban announced so is a threat made now (PLOVER), not a ban done."""
    doc = analyze("Въезд в страну российским журналистам будет запрещён правительством Латвии.", published="2018-03-12")
    assert only(doc, "THREATEN").modality == "asserted"


def test_a_range_of_days_dates_its_first_day(analyze):
    doc = analyze("Министры иностранных дел России и Китая провели переговоры 3-4 декабря 2024 года в Пекине.")
    assert dated(only(doc, "CONSULT")) == ("2024-12-03", "3-4 декабря 2024 года")


def test_what_a_doubt_only_allows_is_hypothetical_but_a_statement_plans_it(analyze):
    doubted = analyze("Не исключено, что Москва проведёт переговоры с Латвией.", published="2025-07-04")
    assert only(doubted, "CONSULT").modality == "hypothetical"
    stated = analyze("Министр заявил, что Москва проведёт переговоры с Латвией.", published="2025-07-04")
    assert only(stated, "AGREE").modality == "planned"  # talks ahead are an AGREE (PLOVER)


def test_a_sentence_with_a_vague_time_of_its_own_carries_no_date(analyze):
    doc = analyze("Вчера полиция провела обыски в офисе фонда. Позднее был задержан его директор.", published="2025-07-04")
    arrest = next(e for e in doc.events if doc.span_text(e.trigger) == "задержан")
    assert dated(arrest) == (None, None)


def test_a_future_form_the_tagger_takes_for_an_infinitive_is_planned(analyze):
    doc = analyze("Я ещё попрошу не местную, а именно Генеральную прокуратуру проверить завод.", published="2025-07-04")
    assert only(doc, "REQUEST").modality == "planned"
