"""Events stated by general constructions rather than one listed word, on Russian sentences we wrote."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def typed(doc: Article, event_type: str) -> list[str]:
    return [doc.span_text(e.trigger) for e in doc.events if e.type == event_type]


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Министр назвал решение парламента грубой ошибкой.", "ACCUSE", "назвал"),
    ("Посол назвал заявления премьера «дешёвым фарсом».", "ACCUSE", "назвал"),
    ("Пресс-секретарь назвала слова министра «водевилем».", "ACCUSE", "назвала"),
    ("В Кремле расценили учения у границы как недружественный жест.", "ACCUSE", "расценили"),
    ("Сенатор охарактеризовал визит министра как ошибку.", "ACCUSE", "охарактеризовал"),
    ("Премьер назвал переговоры с Токио конструктивными.", "SUPPORT", "назвал"),
    ("По словам посла, этот полет является грубым нарушением соглашений.", "ACCUSE", "является"),
    ("Сенатор назвал новый налог «убийцей малого бизнеса».", "ACCUSE", "назвал"),
    ("Депутат назвал решение губернатора безрассудным.", "ACCUSE", "назвал"),
    ("Оппозиция назвала итоги голосования сфальсифицированными.", "ACCUSE", "назвала"),
])
def test_naming_or_assessing_with_a_word_of_evaluation_accuses_or_praises(analyze, text, event_type, trigger):
    assert typed(analyze(text), event_type) == [trigger]


@pytest.mark.parametrize("text", [
    "Губернатор назвал причины отставки.",
    "Министр назвал сроки строительства моста.",
    "Эксперты считают ошибки в отчете мелкими.",
    "Министр назвал «Северный поток» важным проектом.",
    "Его отец является председателем комитета по обороне.",
])
def test_naming_without_evaluation_is_no_event(analyze, text):
    assert not analyze(text).events


@pytest.mark.parametrize(("text", "trigger"), [
    ("Президент подписал закон о защите лесов.", "подписал"),
    ("Сенат одобрил закон о бюджете на следующий год.", "одобрил"),
])
def test_signing_or_approving_a_law_is_support(analyze, text, trigger):
    assert typed(analyze(text), "SUPPORT") == [trigger]


def test_a_decree_that_states_an_event_is_that_event_not_support(analyze):
    doc = analyze("Премьер подписал постановление о введении санкций против соседней страны.")
    assert [e.type for e in doc.events] == ["SANCTION"]


def test_an_attack_framing_its_clause_with_vo_vremya_is_an_event(analyze):
    # the parse joins the preposition's lemmas: `во время` is `в_время`
    assert typed(analyze("Трое военных погибли во время атаки на колонну."), "ASSAULT") == ["атаки"]


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Министр выступил с резкой критикой правительства.", "ACCUSE", "критикой"),
    ("Рабочие обратились к губернатору с жалобой на директора завода.", "ACCUSE", "жалобой"),
    ("Оппозиция выступает с призывом к бойкоту выборов.", "REQUEST", "призывом"),
])
def test_a_nominal_act_in_the_s_phrase_of_vystupit_or_obratitsya_is_the_event(analyze, text, event_type, trigger):
    assert trigger in typed(analyze(text), event_type)


@pytest.mark.parametrize("text", [
    "Министр выступил с докладом на конференции.",
    "Правозащитники пожаловались на обращение с заключенными.",
])
def test_a_speech_or_the_treatment_of_someone_is_no_request(analyze, text):
    assert typed(analyze(text), "REQUEST") == []


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Компания обратилась за помощью к правительству.", "REQUEST", "обратилась"),
    ("Ополченцы сражались с правительственными войсками у моста.", "ASSAULT", "сражались"),
    ("Армия вытеснила боевиков из пригородов.", "ASSAULT", "вытеснила"),
    ("Студенты провели флэшмоб против закрытия общежития.", "PROTEST", "флэшмоб"),
    ("Оппозиция ополчилась на премьера после провала реформы.", "ACCUSE", "ополчилась"),
    ("Киев возлагает ответственность за обстрел на ополченцев.", "ACCUSE", "возлагает"),
    ("Министр дал указание проверить все больницы области.", "REQUEST", "указание"),
    ("Ведомство направило обращение в прокуратуру.", "REQUEST", "обращение"),
    ("Турция увеличивает военное присутствие в Сирии.", "MOBILIZE", "увеличивает"),
    ("Охрана аэропорта была усилена после взрыва.", "MOBILIZE", "усилена"),
    ("Суд назначил бывшему мэру наказание в виде трех лет колонии.", "SANCTION", "назначил"),
    ("Пограничники отразили нападение боевиков на заставу.", "ASSAULT", "отразили"),
    ("Депутат считает, что правительство совершило ошибку, повысив налоги.", "ACCUSE", "совершило"),
    ("Телефонные переговоры президентов были посвящены ситуации в Ливии.", "CONSULT", "переговоры"),
])
def test_added_lexicon_entries(analyze, text, event_type, trigger):
    assert trigger in typed(analyze(text), event_type)


@pytest.mark.parametrize("text", [
    "Если Киев не прекратит обстрелы, Москва нанесет удар по мостам.",
    "Министр заявил, что в том случае, если Минск закроет границу, то против него будут введены санкции.",
])
def test_a_hostile_act_announced_on_a_condition_is_a_threat(analyze, text):
    doc = analyze(text)
    [threat] = [e for e in doc.events if e.type == "THREATEN"]
    assert threat.modality == "asserted"
    assert not [e for e in doc.events if e.type in {"ASSAULT", "SANCTION"} and e.trigger == threat.trigger]


def test_an_unreal_condition_with_by_is_no_threat(analyze):
    assert typed(analyze("Москва нанесла бы удар по мостам, если бы могла."), "THREATEN") == []


def test_a_verb_that_a_noun_only_frames_keeps_its_own_event(analyze):
    doc = analyze("Полицейские избили журналиста после задержания.")
    assert typed(doc, "ASSAULT") == ["избили"]
    assert typed(doc, "COERCE") == ["задержания"]


def test_adopting_an_appeal_to_someone_asks_them(analyze):
    assert typed(analyze("Депутаты городской думы приняли обращение к губернатору."), "REQUEST") == ["приняли"]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Американцы не намерены обсуждать этот вопрос с Москвой.", "намерены"),
    ("Минск не собирается согласовывать цены с Газпромом.", "собирается"),
])
def test_a_denied_intention_to_meet_or_agree_is_a_refusal(analyze, text, trigger):
    doc = analyze(text)
    assert typed(doc, "REJECT") == [trigger]
    assert [e.modality for e in doc.events] == ["asserted"]


@pytest.mark.parametrize(("text", "event_type", "modality"), [
    ("Минск намерен согласовать цены с Газпромом.", "AGREE", "planned"),
    ("Министр так и не встретился с послом.", "CONSULT", "negated"),
])
def test_an_intention_not_denied_or_a_plain_negation_is_no_refusal(analyze, text, event_type, modality):
    doc = analyze(text)
    assert [(e.type, e.modality) for e in doc.events] == [(event_type, modality)]
