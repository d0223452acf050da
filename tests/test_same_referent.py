"""A class noun after a named body refers back to it: one entity, not the class in general."""

from __future__ import annotations


def entity_with(doc, text):
    """The entity one of whose mentions reads `text`, or None."""
    return next((e for e in doc.entities if any(doc.span_text(doc.mention(m)) == text for m in e.mentions)), None)


def test_a_named_coalition_absorbs_its_later_common_noun(analyze):
    doc = analyze("Министры обсудили, когда «Коалиция желающих» соберётся в Риме. Решение коалиции ждут к маю.")
    coalition = entity_with(doc, "Коалиция желающих")
    assert entity_with(doc, "коалиции") is coalition
    assert {doc.mention(m).kind for m in coalition.mentions} == {"name", "common"}


def test_the_alliance_after_nato_and_the_agency_after_a_ministry_are_those_bodies(analyze):
    doc = analyze("Генсек НАТО прилетел в Вильнюс. Альянс усилит восточный фланг. "
                  "МИД Литвы выразил протест, в ведомстве назвали учения провокацией.")
    assert entity_with(doc, "Альянс") is entity_with(doc, "НАТО")
    assert entity_with(doc, "ведомстве") is entity_with(doc, "МИД Литвы")


def test_a_class_noun_with_no_named_body_before_it_stays_the_class(analyze):
    doc = analyze("Коалиция стран потребовала перемирия. Позже министерство обороны опровергло слухи о коалиции.")
    found = entity_with(doc, "коалиции")
    assert found is None or all(doc.mention(m).source != "bodies.same_referent" for m in found.mentions)
