"""A ministry named with its country is one organisation: its nested parts neither link alone nor stray."""


def entity_of(doc, text):
    mention = next(m for m in doc.mentions if doc.span_text(m) == text)
    return next(e for e in doc.entities if mention.id in e.mentions)


def test_a_country_ministry_does_not_link_through_the_generic_ministry(analyze):
    doc = analyze("Министерство обороны Великобритании заявило о готовности направить инструкторов.",
                  published="2025-08-29")
    ministry = entity_of(doc, "Министерство обороны Великобритании")
    assert ministry.name == "Министерство обороны Великобритании"
    assert ministry.kb_id is None  # the bundled KB has no entry for it; the generic item would be wrong
    assert entity_of(doc, "Министерство обороны") is ministry
    assert entity_of(doc, "Великобритании").kb_id == "Q145"


def test_a_nested_abbreviation_joins_the_name_around_it(analyze):
    doc = analyze("Министерство иностранных дел Франции осудило удар. МИД России выступил с заявлением.",
                  published="2025-08-29")
    russian = entity_of(doc, "МИД России")
    assert entity_of(doc, "МИД") is russian
    assert entity_of(doc, "Министерство иностранных дел Франции") is not russian
