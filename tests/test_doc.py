"""The document model's invariants: offsets stay in the text, JSON round-trips losslessly."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.doc import Article, Entity, Event, Mention, Quote, Trigger, article_id, parse_date

TEXT = "Президент Франции Эммануэль Макрон позвонил Владимиру Путину. «Прогресса нет», - заявил Макрон."


def annotated() -> Article:
    doc = Article.create(TEXT, published="2025-07-04", url="https://example.org/a")
    mentions = [
        Mention("m1", 10, 17, "LOC", normal="Франция"),
        Mention("m2", 18, 34, "PER", normal="Эммануэль Макрон"),
        Mention("m3", 44, 60, "PER", normal="Владимир Путин"),
        Mention("m4", 88, 94, "PER", normal="Макрон"),
    ]
    entities = [
        Entity("e1", "COUNTRY", "Франция", ("m1",), kb_id="Q142"),
        Entity("e2", "PER", "Эммануэль Макрон", ("m2", "m4")),
    ]
    quote = Quote(63, 76, "direct", "e2", "Эммануэль Макрон", "заявил", cue_start=81, cue_end=87)
    event = Event("CONSULT", Trigger(35, 43), ("e2",), mode="phone", date="2025-07-04")
    return (
        doc.with_layer("mentions", mentions)
        .with_layer("entities", entities)
        .with_layer("quotes", [quote])
        .with_layer("events", [event])
    )


def test_json_round_trip_keeps_every_layer():
    doc = annotated()
    assert Article.from_json(json.loads(doc.dumps())) == doc


def test_json_follows_the_contract():
    data = annotated().to_json()
    assert data["published"] == "2025-07-04"
    entity = data["entities"][1]
    assert entity["name"] == "Эммануэль Макрон"
    assert [m["text"] for m in entity["mentions"]] == ["Эммануэль Макрон", "Макрон"]
    assert data["quotes"][0]["text"] == "Прогресса нет"
    assert data["events"][0]["trigger"]["text"] == "позвонил"
    # a mention that belongs to no entity is kept at top level, not lost
    assert [m["text"] for m in data["mentions"]] == ["Владимиру Путину"]


def test_the_same_url_gives_the_same_id_whatever_the_text():
    assert article_id("a", "https://x.org/1") == article_id("b", "https://x.org/1")
    assert article_id("a") != article_id("b")


def test_bad_dates_are_rejected_with_the_value_named():
    with pytest.raises(ValueError, match="04.07.2025"):
        parse_date("04.07.2025")
    assert parse_date(dt.datetime(2025, 7, 4, 12)) == dt.date(2025, 7, 4)


def test_unknown_layer_is_an_error():
    with pytest.raises(ValueError, match="unknown layer"):
        Article.create("текст").with_layer("quotez", [])


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_segmentation_covers_text_in_order(text):
    from newsgraph.stages.segment import Segment

    doc = Segment()(Article.create(text))
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(text)
    starts = [t.start for t in doc.tokens]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(doc.tokens, doc.tokens[1:]))
    covered = {i for t in doc.tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert Article.from_json(doc.to_json()) == doc


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    from newsgraph.stages.segment import Segment

    text = "Макрон позвонил Путину\nПрезидент Франции провёл разговор. Он длился час."
    doc = Segment()(Article.create(text))
    assert [doc.span_text(s) for s in doc.sentences] == [
        "Макрон позвонил Путину",
        "Президент Франции провёл разговор.",
        "Он длился час.",
    ]


def test_an_event_dated_by_month_or_year_is_written_as_far_as_the_text_fixed_it():
    doc = annotated()
    month = Event("COERCE", Trigger(35, 43), ("e2",), date="2016-11-01", date_text="в ноябре 2016 года", date_precision="month")
    year = Event("COERCE", Trigger(35, 43), ("e2",), date="2017-01-01", date_text="в 2017 году", date_precision="year")
    doc = doc.with_layer("events", [month, year])
    data = json.loads(doc.dumps())
    assert [e["date"] for e in data["events"]] == ["2016-11", "2017"]
    assert Article.from_json(data) == doc


def test_make_token_builds_the_same_frozen_token():
    import dataclasses

    from newsgraph.doc import Token, make_token

    built = make_token(4, 11, 0, "заявить", "VERB", "Aspect=Perf|Tense=Past", 2, "root")
    assert built == Token(4, 11, 0, "заявить", "VERB", "Aspect=Perf|Tense=Past", 2, "root")
    assert make_token(0, 3, 1) == Token(0, 3, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.lemma = "сказать"
