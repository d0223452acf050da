"""PLOVER events on Russian sentences, through the full default pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.doc import Article, Event
from newsgraph.evaluate.events import same_participants


def names(doc: Article, ids: tuple[str, ...]) -> set[str]:
    """Surnames of persons, whole names of the rest (`Евросоюз` for a linked `Европейский союз` too)."""
    return {doc.entity(i).name.split()[-1] if doc.entity(i).type == "PER" else doc.entity(i).name for i in ids}


def are(doc: Article, ids: tuple[str, ...], *expected: str) -> bool:
    return same_participants(doc, list(expected), ids)


def only(doc: Article, event_type: str) -> Event:
    [event] = [e for e in doc.events if e.type == event_type]
    return event


def test_reciprocal_talks_list_both_parties_as_actors(analyze):
    doc = analyze("Эммануэль Макрон и Кир Стармер провели переговоры в Лондоне в четверг.", published="2025-07-04")
    event = only(doc, "CONSULT")
    assert names(doc, event.actor) == {"Макрон", "Стармер"}
    assert event.recipient == ()
    assert doc.entity(event.place).name == "Лондон"
    assert (event.date, event.date_text, event.modality) == ("2025-07-03", "в четверг", "asserted")
    assert doc.span_text(event.trigger) == "переговоры"
    assert event.source == "event.noun_light"


def test_comitative_phone_call_is_consult_phone_with_the_partner_as_recipient(analyze):
    # the real-news annotators code `с X` as the recipient (it was a co-actor before)
    doc = analyze("Владимир Путин провел телефонный разговор с Дональдом Трампом.", published="2025-03-18")
    event = only(doc, "CONSULT")
    assert event.mode == "phone"
    assert (names(doc, event.actor), names(doc, event.recipient)) == ({"Путин"}, {"Трамп"})


def test_a_comitative_partner_acts_when_no_one_else_does_and_the_sides_are_both_parties(analyze):
    doc = analyze("Переговоры с Эмманюэлем Макроном прошли в Париже.")
    assert names(doc, only(doc, "CONSULT").actor) == {"Макрон"}
    doc = analyze("Владимир Путин встретился с Эммануэлем Макроном. Стороны договорились продолжить консультации.")
    assert names(doc, only(doc, "AGREE").actor) == {"Путин", "Макрон"}


def test_visitor_is_actor_and_host_recipient(analyze):
    doc = analyze("Реджеп Тайип Эрдоган в марте посетил Москву.", published="2025-07-04")
    event = only(doc, "CONSULT")
    assert (event.mode, names(doc, event.actor), names(doc, event.recipient)) == ("visit", {"Эрдоган"}, {"Россия"})
    assert doc.entity(event.place).name == "Москва"
    assert (event.date, event.date_precision) == ("2025-03-01", "month")


def test_host_receiving_a_guest_is_the_recipient(analyze):
    doc = analyze("Владимир Путин принял Александра Лукашенко в Кремле.", published="2025-07-04")
    event = only(doc, "CONSULT")
    assert names(doc, event.actor) == {"Лукашенко"}
    assert names(doc, event.recipient) == {"Путин"}


def test_future_meeting_is_agree_planned_with_the_meeting_date(analyze):
    doc = analyze("Владимир Путин и Дональд Трамп проведут встречу на следующей неделе.", published="2025-07-31")
    event = only(doc, "AGREE")
    assert event.modality == "planned"
    assert names(doc, event.actor) == {"Путин", "Трамп"}
    assert (event.date, event.date_precision) == ("2025-08-04", "week")
    assert "plover.future" in event.source
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_future_weekday_crosses_the_month(analyze):
    doc = analyze("Сергей Лавров и Марко Рубио в четверг проведут переговоры в Эр-Рияде.", published="2025-08-29")
    event = only(doc, "AGREE")
    assert (event.date, event.modality) == ("2025-09-04", "planned")


def test_invitation_is_agree_and_absorbs_the_visit(analyze):
    doc = analyze("Эммануэль Макрон пригласил Кира Стармера посетить Париж.", published="2025-07-04")
    assert [e.type for e in doc.events] == ["AGREE"]
    event = doc.events[0]
    assert names(doc, event.actor) == {"Макрон"}
    assert names(doc, event.recipient) == {"Стармер"}


def test_negated_agreement(analyze):
    doc = analyze("Турция и Греция не смогли договориться о границе.", published="2025-07-04")
    event = only(doc, "AGREE")
    assert event.modality == "negated"
    assert names(doc, event.actor) == {"Турция", "Греция"}


def test_no_progress_is_a_negated_agreement_of_the_parties_of_the_talks(analyze):
    doc = analyze(
        "Делегации России и Украины провели переговоры в Стамбуле. Никакого прогресса стороны не достигли.",
        published="2025-06-30",
    )
    talks, progress = doc.events
    assert names(doc, talks.actor) == {"Россия", "Украина"}
    assert (progress.type, progress.modality) == ("AGREE", "negated")
    assert progress.actor == talks.actor


def test_demanded_talks_are_the_request_s_mode_not_an_event_of_their_own(analyze):
    doc = analyze("Французская сторона призвала Лондон провести переговоры.", published="2025-07-04")
    [request] = doc.events
    assert (request.type, request.mode, request.modality) == ("REQUEST", "meet", "asserted")
    assert names(doc, request.actor) == {"Франция"}
    assert names(doc, request.recipient) == {"Великобритания"}


def test_a_demanded_resignation_or_aid_is_no_event_beside_the_demand(analyze):
    assert [e.type for e in analyze("Оппозиция потребовала отставки министра.").events] == ["REQUEST"]
    assert [e.type for e in analyze("Мэр обратился к правительству с просьбой о помощи.").events] == ["REQUEST"]


def test_possible_and_conditional_events_are_hypothetical(analyze):
    possible = analyze("Евросоюз может ввести санкции против Ирана.", published="2025-07-04")
    assert (only(possible, "SANCTION").modality, names(possible, only(possible, "SANCTION").recipient)) == (
        "hypothetical", {"Иран"},
    )
    conditional = analyze("Пекин ввел бы санкции против Вашингтона.", published="2025-07-04")
    assert only(conditional, "SANCTION").modality == "hypothetical"


def test_planned_sanctions_stay_sanctions(analyze):
    doc = analyze("Евросоюз планирует ввести санкции против Ирана в марте.", published="2025-07-04")
    event = only(doc, "SANCTION")
    assert (event.modality, event.mode, event.date) == ("planned", "discontinue", "2026-03-01")


def test_passive_agent_with_so_storony_is_the_actor(analyze):
    doc = analyze("Франция была подвергнута критике со стороны России.", published="2025-07-04")
    event = only(doc, "ACCUSE")
    assert names(doc, event.actor) == {"Россия"}
    assert names(doc, event.recipient) == {"Франция"}


def test_passive_instrumental_agent_is_the_actor(analyze):
    doc = analyze("Санкции против Ирана были введены Евросоюзом.", published="2025-07-04")
    event = only(doc, "SANCTION")
    assert are(doc, event.actor, "Евросоюз")
    assert are(doc, event.recipient, "Иран")


def test_capital_and_state_adjective_resolve_to_new_state_entities(analyze):
    doc = analyze("Французская сторона обвинила Москву в кибератаках.", published="2025-07-04")
    event = only(doc, "ACCUSE")
    assert (names(doc, event.actor), names(doc, event.recipient)) == ({"Франция"}, {"Россия"})
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids)) and len({m.id for m in doc.mentions}) == len(doc.mentions)
    france = doc.entity(event.actor[0])
    assert [doc.span_text(doc.mention(m)) for m in france.mentions] == ["Французская"]
    assert Article.from_json(doc.to_json()) == doc


def test_brussels_as_an_actor_is_the_eu_and_other_capitals_their_states(analyze):
    doc = analyze("Брюссель пригрозил Москве новыми санкциями. Париж и Берлин поддержали это решение.", published="2025-03-03")
    threat, support = only(doc, "THREATEN"), only(doc, "SUPPORT")
    assert are(doc, threat.actor, "Европейский союз") and are(doc, threat.recipient, "Россия")
    assert are(doc, support.actor, "Франция", "Германия")


def test_next_meeting_takes_the_parties_before_unless_it_is_someone_elses(analyze):
    before = "Эммануэль Макрон и Фридрих Мерц провели переговоры в Париже. "
    ours = analyze(before + "Следующую встречу планируется провести в июле.", published="2025-09-01")
    theirs = analyze(before + "Следующий саммит «двадцатки» пройдет в США.", published="2025-09-01")
    assert are(ours, ours.events[-1].actor, "Эмманюэль Макрон", "Фридрих Мерц")
    assert theirs.events[-1].actor == ()


def test_receiving_a_delegation_is_a_visit_and_adopting_a_resolution_is_not(analyze):
    delegation = analyze("Владимир Путин принял в Кремле делегацию Китая.", published="2025-09-01")
    visit = only(delegation, "CONSULT")
    assert visit.mode == "visit" and are(delegation, visit.actor, "Китай") and are(delegation, visit.recipient, "Владимир Путин")
    resolution = analyze("Совет Безопасности ООН не смог принять резолюцию по ситуации в секторе Газа.", published="2025-09-01")
    assert not [e for e in resolution.events if e.type == "CONSULT"]


def test_the_sides_are_never_one_earlier_party(analyze):
    doc = analyze(
        "Евросоюз поддержал резолюцию. Генеральный секретарь ООН Антониу Гутерриш призвал стороны прекратить огонь.",
        published="2025-09-01",
    )
    assert only(doc, "REQUEST").recipient == ()


def test_relative_pronoun_is_the_noun_and_an_object_pronoun_may_be_a_thing(analyze):
    doc = analyze(
        "Постпред России при ЕС Кирилл Логвинов пообещал ответные меры. Венгрия, которая ранее "
        "блокировала согласование пакета, в итоге поддержала его.",
        published="2025-09-01",
    )
    blocked, supported = only(doc, "REJECT"), only(doc, "SUPPORT")
    assert are(doc, blocked.actor, "Венгрия") and are(doc, supported.actor, "Венгрия")
    assert supported.recipient == ()  # `его` is the package, not Логвинов


def test_coordinated_states_in_a_modifier_are_all_actors(analyze):
    doc = analyze("Лидеры Франции, Германии и Польши посетили Киев в субботу.", published="2025-05-12")
    event = only(doc, "CONSULT")
    assert names(doc, event.actor) == {"Франция", "Германия", "Польша"}
    assert names(doc, event.recipient) == {"Украина"}
    assert event.date == "2025-05-10"


def test_without_publication_date_relative_dates_stay_unresolved(analyze):
    doc = analyze("Эммануэль Макрон и Кир Стармер провели переговоры в четверг.")
    event = only(doc, "CONSULT")
    assert (event.date, event.date_text, event.date_precision) == (None, "в четверг", "day")


def test_date_of_the_statement_is_read_in_its_own_tense(analyze):
    doc = analyze("30 декабря Петер Сийярто заявил, что Венгрия не поддержит новые санкции.", published="2026-01-02")
    event = only(doc, "SUPPORT")
    assert (event.modality, event.date) == ("negated", "2025-12-30")


def test_strikes_threats_and_expulsions(analyze):
    doc = analyze(
        "Израиль нанес удар по Ливану. КНДР пригрозила Сеулу. Литва выслала российских дипломатов.",
        published="2025-07-04",
    )
    assault, threat, expel = doc.events
    assert (assault.type, names(doc, assault.actor), names(doc, assault.recipient)) == ("ASSAULT", {"Израиль"}, {"Ливан"})
    assert threat.type == "THREATEN" and are(doc, threat.actor, "КНДР") and are(doc, threat.recipient, "Южная Корея")
    assert (expel.type, expel.mode, names(doc, expel.recipient)) == ("SANCTION", "expel", {"Россия"})


def test_the_parties_are_the_actors_of_the_last_joint_event_and_a_repeat_is_no_new_event(analyze):
    doc = analyze(
        "Никол Пашинян и Ильхам Алиев провели переговоры в Абу-Даби. "
        "По итогам переговоров стороны договорились продолжить работу над договором.",
        published="2025-01-09",
    )
    assert [e.type for e in doc.events] == ["CONSULT", "AGREE"]
    talks, agreement = doc.events
    assert agreement.actor == talks.actor and names(doc, talks.actor) == {"Пашинян", "Алиев"}


def test_opposing_is_disapproval(analyze):
    # CAMEO 11 (disapprove) → PLOVER ACCUSE, as the real-news annotators code `выступил против`
    doc = analyze("Россия и Китай выступили против этого решения.", published="2025-09-19")
    event = only(doc, "ACCUSE")
    assert names(doc, event.actor) == {"Россия", "Китай"}


def test_every_event_refers_to_the_article(analyze):
    path = Path(__file__).resolve().parents[1] / "devsets/events.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:4]]
    plover = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    for record in records:
        doc = analyze(record["text"], published=record["published"])
        ids = {e.id for e in doc.entities}
        assert doc.events
        for event in doc.events:
            assert event.type in plover and event.source.startswith("event.")
            assert 0 <= event.trigger.start < event.trigger.end <= len(doc.text)
            assert set(event.actor) | set(event.recipient) | ({event.place} - {None}) <= ids
            assert event.modality in {"asserted", "negated", "planned", "hypothetical"}
            assert (event.date is None) or event.date_precision in {"day", "week", "month", "year"}
        assert Article.from_json(doc.to_json()) == doc


def test_attributes_and_adopted_laws_are_no_events(analyze):
    doc = analyze("Парламент Сербии принял закон о выборах. Подписанное в Вашингтоне соглашение вступило в силу.")
    assert [e.type for e in doc.events] == []


def test_compound_state_adjective_names_both_parties(analyze):
    doc = analyze("Российско-американские переговоры прошли в Эр-Рияде.", published="2025-02-19")
    event = only(doc, "CONSULT")
    assert names(doc, event.actor) == {"Россия", "США"}


def test_a_directed_call_keeps_its_recipient(analyze):
    doc = analyze("Эммануэль Макрон позвонил Владимиру Путину.", published="2025-07-04")
    event = only(doc, "CONSULT")
    assert (event.mode, names(doc, event.actor), names(doc, event.recipient)) == ("phone", {"Макрон"}, {"Путин"})


def test_an_auxiliary_future_makes_a_meeting_planned(analyze):
    doc = analyze("Встречу лидеров будут вести из Лондона и Рима.", published="2025-08-29")
    (meeting,) = [e for e in doc.events if doc.span_text(e.trigger) == "Встречу"]
    assert meeting.modality == "planned"


def test_apology_and_regret_are_concessions(analyze):
    doc = analyze("Премьер Японии принес Южной Корее извинения за инцидент. Канцлер Германии выразил сожаление в связи с гибелью людей.", published="2024-06-10")
    apology, regret = [e for e in doc.events if e.type == "CONCEDE"]
    assert are(doc, apology.actor, "Фумио Кисида") and are(doc, apology.recipient, "Южная Корея")
    assert are(doc, regret.actor, "Олаф Шольц")


def test_a_demanded_apology_is_only_the_demand(analyze):
    doc = analyze("Вице-президент США потребовал от журналиста извинений.", published="2025-03-01")
    assert [e.type for e in doc.events] == ["REQUEST"]


def test_a_role_described_by_its_state_is_the_person_the_article_titled_so(analyze):
    doc = analyze(
        "Президент России Владимир Путин встретился с президентом Азербайджана Ильхамом Алиевым. "
        "Азербайджанский президент поблагодарил российского коллегу за помощь.",
        published="2025-10-10",
    )
    thanks = only(doc, "SUPPORT")
    assert names(doc, thanks.actor) == {"Алиев"} and names(doc, thanks.recipient) == {"Путин"}


def test_the_owner_of_a_generic_body_is_the_participant(analyze):
    doc = analyze("Главы МИД стран G7 в среду провели встречу в Канаде.", published="2025-11-13")
    meeting = only(doc, "CONSULT")
    assert are(doc, meeting.actor, "G7")


def test_a_long_participle_is_an_attribute_a_short_one_an_event(analyze):
    doc = analyze("Приглашенный на встречу глава МИД Украины призвал союзников к единству. Освобожденные военные прибыли домой.", published="2025-11-13")
    assert "AGREE" not in [e.type for e in doc.events] and "RETREAT" not in [e.type for e in doc.events]
    doc = analyze("В пятницу пленные были освобождены.", published="2025-11-13")
    assert [e.type for e in doc.events] == ["RETREAT"]


def test_a_decree_is_its_content_not_a_signing(analyze):
    doc = analyze("Президент США подписал указ о введении пошлин на китайские товары.", published="2025-08-06")
    assert [e.type for e in doc.events] == ["SANCTION"]
    assert names(doc, doc.events[0].actor) == {"Трамп"}


def test_calling_a_decision_unfair_is_disapproval(analyze):
    doc = analyze("Индийский МИД назвал решение Вашингтона несправедливым.", published="2025-08-08")
    event = only(doc, "ACCUSE")
    assert event.mode == "disapprove" and are(doc, event.actor, "Индия") and are(doc, event.recipient, "США")


def test_streets_boycotts_eased_limits_and_missile_launches(analyze):
    doc = analyze(
        "Тысячи жителей Стамбула вышли на улицы. Оппозиция объявила бойкот турецким компаниям. "
        "Пакистан снял ограничения на полеты. КНДР запустила баллистические ракеты.",
        published="2025-05-09",
    )
    assert [(e.type, e.mode) for e in doc.events] == [
        ("PROTEST", "demo"), ("PROTEST", "boycott"), ("CONCEDE", None), ("MOBILIZE", "weapons")]


def test_persona_non_grata_is_an_expulsion_and_aid_is_delivered(analyze):
    doc = analyze("Власти Нигера объявили посла Франции персоной нон грата. Франция доставила гуманитарную помощь в Чад.", published="2023-08-28")
    expel, aid = doc.events
    assert (expel.type, expel.mode) == ("SANCTION", "expel") and names(doc, expel.actor) == {"власти Нигера"}
    assert names(doc, (doc.entity(expel.actor[0]).principal,)) == {"Нигер"}  # the body acts for its state
    assert aid.type == "AID" and are(doc, aid.actor, "Франция")


def test_first_person_inside_a_quote_is_its_speaker(analyze):
    doc = analyze("«Я призываю стороны немедленно прекратить огонь», — заявил Антониу Гутерриш.")
    assert names(doc, only(doc, "REQUEST").actor) == {"Гутерриш"}
