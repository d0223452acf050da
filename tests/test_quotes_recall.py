"""Quotes a reader finds in real news layouts: nested speech, phrasal and nominal cues, clause boundaries.

Each case is Russian text we wrote and every quote a reader takes from it, as (kind, span text).
"""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def spans(doc: Article) -> list[tuple[str, str]]:
    return [(q.kind, doc.span_text(q)) for q in doc.quotes]


READER_CASES = [
    pytest.param(
        "«Я уверена, что переговоры продолжатся, и я бы не сказала, что они провалились», — заявила Анна Котова.",
        [("direct", "Я уверена, что переговоры продолжатся, и я бы не сказала, что они провалились")],
        id="the-quoted-speakers-own-opinion-is-no-nested-quote",
    ),
    pytest.param(
        "Поскольку городская прокуратура уже заявила, что не нашла в договоре нарушений, жители обращаются в суд.",
        [("indirect", "не нашла в договоре нарушений")],
        id="reported-clause-ends-where-the-main-clause-resumes",
    ),
    pytest.param(
        "Депутат Игорь Лесков заявил, что готов выступить на слушаниях, объяснив это интересами избирателей.",
        [("indirect", "готов выступить на слушаниях")],
        id="reported-clause-ends-before-a-converb-of-the-cue",
    ),
    pytest.param(
        "Согласно опубликованным данным, завод получил от области больше ста миллионов рублей. Согласно документу, "
        "все работы должны завершиться к осени.",
        [
            ("indirect", "завод получил от области больше ста миллионов рублей"),
            ("indirect", "все работы должны завершиться к осени"),
        ],
        id="according-to-published-data-and-to-a-document",
    ),
    pytest.param(
        "Спасатели прибыли на место быстро, но при этом, по расчетам экспертов фонда, около двухсот домов остались "
        "без света. Жители ждать не будут: по данным мэрии, ремонт сетей начался утром.",
        [("indirect", "около двухсот домов остались без света"), ("indirect", "ремонт сетей начался утром")],
        id="according-aside-reports-only-its-own-clause",
    ),
    pytest.param(
        "Министерство дало понять, что новые правила вступят в силу летом. Эксперты комиссии пришли к выводу, что "
        "мост нуждается в ремонте. Организаторы исходят из того, что участники оплатят дорогу сами.",
        [
            ("indirect", "новые правила вступят в силу летом"),
            ("indirect", "мост нуждается в ремонте"),
            ("indirect", "участники оплатят дорогу сами"),
        ],
        id="phrasal-cues-report-a-clause",
    ),
    pytest.param(
        "В тексте соглашения сказано, что пошлины отменят через год. Уточняется, что первой их отменит Армения.",
        [("indirect", "пошлины отменят через год"), ("indirect", "первой их отменит Армения")],
        id="impersonal-cues-of-a-document",
    ),
    pytest.param(
        "Комиссия пришла к зданию суда, чтобы передать документы. Власти дали деньги, что позволило открыть школу.",
        [],
        id="a-verb-without-its-phrase-reports-nothing",
    ),
    pytest.param(
        "Новые тарифы — это удар по малому бизнесу, считает экономист Павел Гурин.",
        [("indirect", "Новые тарифы — это удар по малому бизнесу")],
        id="a-verbless-statement-closed-by-its-cue",
    ),
    pytest.param(
        "Премьер назвал решение соседей о строительстве новой плотины на общей реке «грубой ошибкой».",
        [("mixed", "решение соседей о строительстве новой плотины на общей реке «грубой ошибкой»")],
        id="named-with-a-long-object-before-the-quoted-words",
    ),
    pytest.param(
        "Врач рекомендовал пациентам отказаться от поездок. Министр предлагает оценивать школы по тем же "
        "правилам, что и больницы. Компания проявила готовность вложить в проект миллиард рублей.",
        [
            ("indirect", "пациентам отказаться от поездок"),
            ("indirect", "оценивать школы по тем же правилам, что и больницы"),
            ("indirect", "вложить в проект миллиард рублей"),
        ],
        id="infinitive-cues-and-a-clause-of-the-infinitive",
    ),
    pytest.param(
        "Губернатор подчеркнул важность ремонта сельских дорог. Аналитик Олег Дымов связывает рост цен с "
        "новыми пошлинами. Директор указал на серьезные нарушения в работе склада.",
        [
            ("indirect", "важность ремонта сельских дорог"),
            ("indirect", "рост цен с новыми пошлинами"),
            ("indirect", "серьезные нарушения в работе склада"),
        ],
        id="the-object-of-a-speech-verb-is-what-was-said",
    ),
    pytest.param(
        "Министр подтвердил эти данные на встрече. Новый мост связывает два района города.",
        [],
        id="a-pronoun-or-a-linked-thing-without-its-link-is-no-object-quote",
    ),
    pytest.param(
        "По данным полиции, жители района, уставшие от шума, жалуются на соседний клуб.",
        [("indirect", "жители района, уставшие от шума, жалуются на соседний клуб")],
        id="after-an-aside-the-clause-keeps-its-own-speech-verb",
    ),
    pytest.param(
        "Мэр призвал жителей сократить расход воды, так как летом уровень реки упал. Совет потребовал вывести "
        "войска, вернуть пленных и начать переговоры.",
        [
            ("indirect", "жителей сократить расход воды"),
            ("indirect", "вывести войска, вернуть пленных и начать переговоры"),
        ],
        id="a-request-ends-before-a-reason-or-a-contrast",
    ),
    pytest.param(
        "Посол выразил надежду, что переговоры возобновятся. Жители выразили протест против строительства завода.",
        [("indirect", "переговоры возобновятся")],
        id="a-stance-noun-is-a-quote-only-with-something-said",
    ),
    pytest.param(
        "Этот выбор говорит о многом. Министр сообщил о закрытии двух заводов.",
        [("indirect", "закрытии двух заводов")],
        id="one-word-after-about-is-a-topic",
    ),
    pytest.param(
        "Омбудсмен обратился к губернатору с просьбой открыть в области приют для бездомных.",
        [("indirect", "открыть в области приют для бездомных")],
        id="a-request-noun-with-its-infinitive",
    ),
    pytest.param(
        "Следователи сообщили журналистам «об отсутствии следов взрывчатки на обломках».",
        [("mixed", "об отсутствии следов взрывчатки на обломках")],
        id="about-clause-in-quotation-marks",
    ),
    pytest.param(
        "Завод остановит выпуск грузовиков в марте. Об этом на открытии выставки в Казани рассказал директор "
        "предприятия Антон Белов.",
        [("indirect", "Завод остановит выпуск грузовиков в марте")],
        id="about-this-reaches-its-verb-over-a-long-adverbial",
    ),
    pytest.param(
        "Эколог Анна Белова заявила, что уровень реки упал на метр. А это, по сути, угрожает всем рыбным "
        "хозяйствам области.\nА.Петров уехал в Москву.",
        [
            ("indirect", "уровень реки упал на метр"),
            ("indirect", "А это, по сути, угрожает всем рыбным хозяйствам области"),
        ],
        id="a-sentence-opening-with-a-goes-on-in-the-speakers-voice",
    ),
    pytest.param(
        "Правозащитники назвали новый закон о митингах слишком жестким. Комиссия назвала причину аварии.",
        [("indirect", "новый закон о митингах слишком жестким")],
        id="naming-something-something-else-is-what-was-said",
    ),
    pytest.param(
        "Выборы в Бельгии завершились.\n\nЯвка составила 88 процентов. Лидирует Новый фламандский альянс, "
        "набравший 17 процентов, передает агентство Belga.",
        [
            ("indirect", "Явка составила 88 процентов. Лидирует Новый фламандский альянс, набравший 17 процентов"),
        ],
        id="a-medium-closing-its-paragraph-relays-the-whole-paragraph",
    ),
    pytest.param(
        "Доклад опубликован в среду. В нем говорится о нехватке врачей в сельских больницах. Предлагается "
        "повысить зарплаты молодым специалистам.",
        [
            ("indirect", "нехватке врачей в сельских больницах"),
            ("indirect", "повысить зарплаты молодым специалистам"),
        ],
        id="impersonal-cues-of-a-report",
    ),
    pytest.param(
        "Новый министр, как полагают, близок к губернатору. Проект, как считает директор Олег Ким, окупится "
        "за пять лет.",
        [("indirect", "Проект, как считает директор Олег Ким, окупится за пять лет")],
        id="a-common-opinion-with-nobody-holding-it-is-no-quote",
    ),
    pytest.param(
        "Детские сады получат новые площадки. При этом плата за них не вырастет. Об этом сообщил мэр Олег Шумов.",
        [("indirect", "Детские сады получат новые площадки. При этом плата за них не вырастет")],
        id="about-this-points-back-over-a-sentence-that-goes-on",
    ),
    pytest.param(
        "Адвокаты не отрицают, что их клиент подписал договор, но прокурор заявил о давлении на свидетелей.",
        [("indirect", "их клиент подписал договор"), ("indirect", "давлении на свидетелей")],
        id="a-reported-clause-ends-where-another-speaker-starts",
    ),
    pytest.param(
        "Депутат Олег Минин обвинил мэра в том, что тот скрывает реальные расходы на ремонт дорог.",
        [("indirect", "тот скрывает реальные расходы на ремонт дорог")],
        id="an-accusation-reports-its-clause",
    ),
    pytest.param(
        "Эксперты рассказали, чем вызвано это решение. Говорят, что министр скоро уйдет в отставку.",
        [],
        id="a-question-or-a-rumour-is-no-reported-clause",
    ),
    pytest.param(
        "Впрочем, школам, уверены депутаты, помогут и новые правила приема учеников.",
        [("indirect", "Впрочем, школам, уверены депутаты, помогут и новые правила приема учеников")],
        id="a-stance-adjective-set-off-by-commas",
    ),
    pytest.param(
        "Директор не скрыл от журналистов, что завод закроют осенью. Компания скрыла, что завод закроют.",
        [("indirect", "завод закроют осенью")],
        id="not-hiding-something-is-saying-it",
    ),
    pytest.param(
        "Министр обозначил главные задачи ведомства на ближайшие три года в области связи: новые вышки, "
        "дешевый интернет и защита данных. Мэр поднял тему пробок: нужно строить новые мосты.",
        [
            ("indirect", "новые вышки, дешевый интернет и защита данных"),
            ("indirect", "нужно строить новые мосты"),
        ],
        id="a-colon-far-after-its-cue",
    ),
    pytest.param(
        "Концерн официально предупредил ООО «Северный порт» и администрацию области о скором повышении тарифов.",
        [("indirect", "скором повышении тарифов")],
        id="about-past-a-long-addressee",
    ),
    pytest.param(
        "Цены на хлеб вырастут к осени. Об этом заявил глава союза пекарей Игорь Донской. Как сообщает\n"
        "агентство, рост составит десять процентов.",
        [("indirect", "Цены на хлеб вырастут к осени"), ("indirect", "рост составит десять процентов")],
        id="a-first-line-of-sentences-is-no-headline",
    ),
    pytest.param(
        "В отчете комиссии подчеркивается необходимость срочного ремонта моста.",
        [("indirect", "необходимость срочного ремонта моста")],
        id="the-subject-of-a-documents-passive-cue-is-what-was-said",
    ),
    pytest.param(
        "Жители настаивают на переносе свалки за город. Инженер указал на трещины в опорах моста.",
        [("indirect", "переносе свалки за город"), ("indirect", "трещины в опорах моста")],
        id="content-after-na",
    ),
    pytest.param(
        "Губернатор выразил уверенность, что мост откроют к зиме. Мэр выразил надежду на то, что пробки исчезнут.",
        [("indirect", "мост откроют к зиме"), ("indirect", "пробки исчезнут")],
        id="a-stance-noun-and-its-that-stay-outside-what-was-said",
    ),
    pytest.param(
        "Аналитики банка подсчитали, что доходы упадут на треть. Однако газета посчитала, что решение было ошибкой.",
        [("indirect", "доходы упадут на треть"), ("indirect", "решение было ошибкой")],
        id="counted-and-judged-that",
    ),
    pytest.param(
        "Поставщик обвиняет сеть магазинов в задержке платежей. Профсоюз расценивает увольнения как нарушение закона. "
        "Директор обвинил сторожа. Совет расценивает эту тему.",
        [("indirect", "сеть магазинов в задержке платежей"), ("indirect", "увольнения как нарушение закона")],
        id="an-accusation-and-a-judgement-with-their-frame",
    ),
    pytest.param(
        "Причиной аварии инженеры назвали износ труб. Рабочие назвали бригадира.",
        [("indirect", "износ труб")],
        id="a-name-that-opens-the-sentence-before-its-naming-verb",
    ),
    pytest.param(
        "Соседи убеждены, что пожар устроили намеренно, и даже говорят, что знают поджигателя.",
        [("indirect", "пожар устроили намеренно"), ("indirect", "знают поджигателя")],
        id="convinced-that-and-a-second-cue-after-and-even",
    ),
]


@pytest.mark.parametrize("text, expected", READER_CASES)
def test_what_a_reader_takes_for_quotes(analyze, text, expected):
    assert spans(analyze(text)) == expected


def test_speech_reported_inside_a_quotation_is_a_quote_of_its_own(analyze):
    doc = analyze("«Сначала министерство сказало, что никаких учений не планируется. Потом всё изменилось», — рассказал "
                  "журналистам депутат Олег Сурков.")
    inner = [q for q in doc.quotes if doc.span_text(q) == "никаких учений не планируется"]
    outer = [q for q in doc.quotes if q.kind == "direct" and doc.span_text(q).startswith("Сначала министерство")]
    assert inner and outer, spans(doc)
    assert inner[0].via == outer[0].speaker and outer[0].speaker is not None


def test_after_a_closing_cue_the_speakers_argument_goes_on(analyze):
    doc = analyze("Школы должны перейти на новые учебники, отметил министр Павел Рудин. Кроме того, учителям нужны курсы.")
    assert spans(doc) == [("indirect", "Школы должны перейти на новые учебники"),
                          ("indirect", "Кроме того, учителям нужны курсы")]
    assert doc.quotes[1].speaker == doc.quotes[0].speaker is not None


def test_a_nominal_sentence_in_quotation_marks_goes_on_in_the_speakers_words(analyze):
    doc = analyze("По словам мэра Ильи Зорина, парк откроют в мае. «Это подарок всем жителям района».")
    assert [s for _, s in spans(doc)] == ["парк откроют в мае", "Это подарок всем жителям района"]
    assert doc.quotes[1].speaker == doc.quotes[0].speaker is not None


def test_an_aside_opening_a_quotation_reports_someone_else_inside_it(analyze):
    doc = analyze("«Как ясно сказал министр Олег Петров, пошлины сохранятся до конца года», — заявил депутат Иван Лосев.")
    inner = [q for q in doc.quotes if doc.span_text(q) == "пошлины сохранятся до конца года"]
    assert inner and inner[0].source.startswith("nested."), spans(doc)
