"""Another article's title and lead under `Также по теме` yield no quotes or events (stages/teasers.py)."""

from __future__ import annotations

from newsgraph.stages.teasers import teasers

REPORT = (
    "Министр обороны Германии Борис Писториус прибыл в Вильнюс.\n"
    "«Мы усилим бригаду в Литве уже в этом году», — заявил Писториус журналистам.\n"
    " Также по теме \n"
    " Польша обвинила Белоруссию в провокациях на границе \n"
    " Варшава потребовала от Минска прекратить переброску мигрантов, заявил премьер Польши Дональд Туск... \n"
    "Писториус также встретился с президентом Литвы Гитанасом Науседой."
)


def test_the_block_is_the_heading_title_and_teaser():
    (start, end), = teasers(REPORT)
    block = REPORT[start:end]
    assert block.strip().startswith("Также по теме")
    assert block.rstrip().endswith("Туск...")
    assert "Науседой" not in block


def test_a_heading_word_inside_a_sentence_starts_no_block():
    assert teasers("Также по теме миграции высказался министр.\nДругих заявлений не было.") == []


def test_no_quote_or_event_comes_from_the_teaser(analyze):
    doc = analyze(REPORT, published="2025-03-04")
    (start, end), = teasers(REPORT)
    assert [q for q in doc.quotes if start <= q.start < end] == []
    assert [e for e in doc.events if start <= e.trigger.start < end] == []
    assert any(doc.span_text(q).startswith("Мы усилим") for q in doc.quotes)
    assert any(e.type == "CONSULT" for e in doc.events)
    assert any(m.start >= start and doc.span_text(m).startswith("Польш") for m in doc.mentions)
