"""Highlighting: spans from different layers nest, cross without breaking the markup, and text is escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from newsgraph.web.highlight import Mark, article_marks, highlight


class Balance(HTMLParser):
    """Checks every <mark> closes in order and collects the text each one wraps."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.text = ""
        self.wrapped: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        assert tag == "mark"
        self.open.append(dict(attrs)["data-ref"])

    def handle_endtag(self, tag):
        assert tag == "mark" and self.open
        self.open.pop()

    def handle_data(self, data):
        self.text += data
        for ref in self.open:
            self.wrapped[ref] = self.wrapped.get(ref, "") + data


def parse(html: str) -> Balance:
    parser = Balance()
    parser.feed(str(html))
    parser.close()
    assert parser.open == []
    return parser


def test_a_mention_inside_a_quote_nests():
    text = "«Москва ответит», — сказал Песков."
    html = highlight(text, [Mark(1, 15, "quote", "q1-15"), Mark(1, 7, "entity", "entity-e1", "t-LOC")])
    assert html.startswith('«<mark class="hl hl-quote')
    parsed = parse(html)
    assert parsed.text == text
    assert parsed.wrapped == {"q1-15": "Москва ответит", "entity-e1": "Москва"}


def test_crossing_spans_are_closed_and_reopened():
    text = "Путин провёл переговоры"
    parsed = parse(highlight(text, [Mark(0, 12, "quote", "a"), Mark(6, 23, "event", "b")]))
    assert parsed.text == text
    assert parsed.wrapped == {"a": "Путин провёл", "b": "провёл переговоры"}


def test_text_and_attributes_are_escaped():
    text = "<script>alert(1)</script> & «Лавров»"
    html = highlight(text, [Mark(29, 35, "entity", 'x" onclick="evil', "t-PER", title="<b>")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'onclick="evil' not in html
    assert parse(html).text == text


def test_article_marks_cover_quotes_cues_mentions_and_triggers(analyze):
    doc = analyze("«Мы продолжим диалог», — заявил Эммануэль Макрон после разговора с Владимиром Путиным.",
                  published="2025-03-04")
    kinds = {m.kind for m in article_marks(doc)}
    assert kinds >= {"quote", "entity", "event"}
    parsed = parse(highlight(doc.text, article_marks(doc)))
    assert parsed.text == doc.text
    assert "Эммануэль Макрон" in parsed.wrapped.values()
