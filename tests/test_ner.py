"""Mention boundaries: Slovnet's spans after the `mention_rules`, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.doc import Article, Mention
from newsgraph.stages.mention_rules import RULES, refine
from newsgraph.stages.segment import Segment


def spans(doc: Article, type: str | None = None) -> set[tuple[str, str]]:
    return {(doc.span_text(m), m.type) for m in doc.mentions if type in (None, m.type)}


@pytest.fixture(scope="module")
def doc(analyze):
    return analyze(
        "Министр встретился с Джоном Смитом (John Smith) в Лондоне. "
        "Вчера Принц Филипп посетил госпиталь. "
        "Акции ПАО «Газпром» выросли на бирже. "
        "Президент Б.Обама выдвинул Дж.Коми на пост директора ФБР. "
        "Верховный суд Испании вынес приговор. "
        "Главное управление МВД России по Московской области возбудило дело. "
        "Заседание Коалиции желающих прошло в Париже. "
        "Кандидат учился в Колумбийском университете. "
        "Судья Европейского суда по правам человека выступил с особым мнением."
    )


def test_a_name_with_its_original_in_brackets_is_two_mentions(doc):
    assert {("Джоном Смитом", "PER"), ("John Smith", "PER")} <= spans(doc)
    assert not any("(" in text for text, _ in spans(doc))


def test_a_title_before_a_name_is_not_part_of_it(doc):
    assert ("Филипп", "PER") in spans(doc)
    assert ("Принц Филипп", "PER") not in spans(doc)


def test_the_name_of_a_company_is_the_quoted_part_after_its_legal_form(doc):
    assert ("Газпром", "ORG") in spans(doc)
    assert not any("ПАО" in text for text, _ in spans(doc))


def test_initials_stay_with_the_surname(doc):
    assert {("Б.Обама", "PER"), ("Дж.Коми", "PER")} <= spans(doc, "PER")


def test_an_organisation_of_a_country_is_one_mention_with_the_country_nested(doc):
    assert {("Верховный суд Испании", "ORG"), ("Испании", "LOC")} <= spans(doc)
    compound = next(m for m in doc.mentions if doc.span_text(m) == "Верховный суд Испании")
    assert compound.source == "ner.compound_org"


def test_compounds_nest_through_genitives_and_po(doc):
    found = spans(doc, "ORG")
    assert ("Главное управление МВД России по Московской области", "ORG") in found
    assert ("МВД России по Московской области", "ORG") in found
    assert ("Московской области", "LOC") in spans(doc, "LOC")


def test_a_common_noun_name_keeps_its_genitive_tail(doc):
    assert ("Коалиции желающих", "ORG") in spans(doc)


def test_a_body_named_by_its_field_keeps_the_po_phrase(doc):
    mention = next(m for m in doc.mentions if doc.span_text(m) == "Европейского суда по правам человека")
    assert (mention.type, mention.source, mention.normal) == ("ORG", "ner.extend_po_phrase", "Европейский суд по правам человека")


def test_no_mention_ends_in_punctuation(doc):
    assert all(text[-1].isalnum() for text, _ in spans(doc))
    assert ("Колумбийском университете", "ORG") in spans(doc)


def test_a_surname_the_model_missed_is_found_from_the_full_name(analyze):
    doc = analyze("Путин подписал указ о выплатах. Позднее Владимир Путин объяснил решение журналистам.")
    first = next(m for m in doc.mentions if m.start == 0)
    assert (doc.span_text(first), first.type, first.source) == ("Путин", "PER", "ner.propagate_names")


def test_every_mention_records_the_model_or_rule_behind_it(doc):
    known = {"ner.slovnet"} | {f"ner.{rule.__name__}" for rule in RULES}
    ner_sources = {m.source for m in doc.mentions if m.source.startswith("ner.")}
    assert ner_sources <= known
    assert {"ner.slovnet", "ner.compound_org", "ner.unquote_org"} <= ner_sources


WORDS = ["Путин", "МИД", "России", "«Газпром»", "(", ")", ",", "—", "\n", "Принц", "Б.", "Коми", "СМИ", "по", "суд", "ООО", "ЕС"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.data())
def test_rules_keep_spans_inside_the_text_and_trimmed(words, data):
    doc = Segment()(Article.create(" ".join(words)))
    n = len(doc.tokens)
    spans = []
    for _ in range(data.draw(st.integers(0, 4)) if n else 0):
        i = data.draw(st.integers(0, n - 1))
        j = data.draw(st.integers(i, n - 1))
        kind = data.draw(st.sampled_from(["PER", "ORG", "LOC"]))
        spans.append(Mention("", doc.tokens[i].start, doc.tokens[j].end, kind, "ner.slovnet"))
    for mention in refine(doc, spans):
        text = doc.span_text(mention)
        assert 0 <= mention.start < mention.end <= len(doc.text)
        assert text == text.strip() and any(ch.isalnum() for ch in text)
