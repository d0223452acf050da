"""Acts only owed or intended are no events: a duty (`необходимо`, `должны`, `придётся`) and a purpose (`призван`),
on Russian sentences we wrote, through the full pipeline."""

from __future__ import annotations


def typed(doc, event_type: str) -> list[str]:
    return [doc.span_text(e.trigger) for e in doc.events if e.type == event_type]


def test_an_act_someone_must_do_is_no_event(analyze):
    assert typed(analyze("Этот курс правительству необходимо поддержать."), "SUPPORT") == []
    assert typed(analyze("Нас должны были предупредить о митинге."), "THREATEN") == []
    assert typed(analyze("Министру придётся извиниться перед послом."), "CONCEDE") == []


def test_a_duty_done_or_a_meeting_due_stays_an_event(analyze):
    assert typed(analyze("Министру пришлось извиниться перед послом."), "CONCEDE") == ["извиниться"]
    assert typed(analyze("Министр должен был встретиться с послом."), "AGREE") == ["встретиться"]


def test_a_thing_called_to_do_something_urges_no_one(analyze):
    assert typed(analyze("Новый закон призван защитить права арендаторов."), "REQUEST") == []
    assert typed(analyze("Жители были призваны сохранять спокойствие."), "REQUEST") == ["призваны"]
    assert typed(analyze("Мэр призвал жителей сохранять спокойствие."), "REQUEST") == ["призвал"]


def test_agreeing_with_a_version_of_events_is_a_view_not_an_agreement(analyze):
    assert typed(analyze("С версией полиции не согласился адвокат задержанного."), "AGREE") == []
    assert typed(analyze("Посол призвал оппозицию согласиться с заключением экспертов."), "AGREE") == []
    assert typed(analyze("Профсоюз согласился с условиями работодателя."), "AGREE") == ["согласился"]
