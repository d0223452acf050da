"""Reading files: text, HTML, JSONL, CSV, WARC, compressed variants, and every kind of bad input."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ingest_server import page
from newsgraph.doc import Article, Failure
from newsgraph.ingest import needs_analysis, read_inputs
from newsgraph.ingest.language import detect_language

BRIDGE = (
    "В субботу мэр Казани открыл движение по отремонтированному мосту через реку Казанку. "
    "Ремонт занял почти два года и обошёлся городу в полтора миллиарда рублей."
)
FLOOD = (
    "В Оренбургской области из-за паводка подтоплены более двух тысяч жилых домов. "
    "Губернатор ввёл режим чрезвычайной ситуации, эвакуированы около трёх тысяч человек."
)
ENGLISH = "The city council of Kazan approved a new budget for road repairs on Tuesday evening."


def read(*paths, **options) -> list[Article | Failure]:
    return list(read_inputs([str(p) for p in paths], **options))


def failures(items) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_text_files_and_directories_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a kind we read in a directory
    items = read(tmp_path)
    assert [a.text for a in items] == [FLOOD, BRIDGE]
    assert all(a.language == "ru" and needs_analysis(a) for a in items)


def test_missing_path_is_a_failure_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(BRIDGE, encoding="utf-8")
    items = read(tmp_path / "nope.txt", tmp_path / "a.txt")
    assert "nope.txt: no such file" in items[0].error
    assert items[1].text == BRIDGE


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8-sig"])
def test_russian_legacy_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "old.txt"
    path.write_bytes(FLOOD.encode(encoding))
    [article] = read(path)
    assert article.text == FLOOD


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"  \n\t", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary")])
def test_empty_and_binary_files_are_named_failures(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [failure] = read(path)
    assert isinstance(failure, Failure) and str(path) in failure.error and message in failure.error


def test_compressed_variants(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BRIDGE.encode("cp1251")))
    record = json.dumps({"id": "f1", "text": FLOOD}, ensure_ascii=False)
    (tmp_path / "b.jsonl.bz2").write_bytes(bz2.compress(record.encode()))
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(f"text\n\"{BRIDGE} Обновлено.\"\n".encode()))
    items = read(tmp_path)
    assert [a.text for a in items] == [BRIDGE, FLOOD, BRIDGE + " Обновлено."]
    assert items[1].id == "f1"


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress)])
def test_truncated_archive_is_a_failure_naming_the_file(tmp_path, suffix, compress):
    data = compress((BRIDGE * 50).encode())
    (tmp_path / f"cut.txt{suffix}").write_bytes(data[: len(data) // 2])
    (tmp_path / "ok.txt").write_text(FLOOD, encoding="utf-8")
    items = read(tmp_path)
    assert f"cut.txt{suffix}" in items[0].error and f"damaged {suffix}" in items[0].error
    assert items[1].text == FLOOD


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": BRIDGE}, ensure_ascii=False) + "\n{oops\n" + json.dumps({"title": "без текста"}) + "\n")
    items = read(path)
    assert items[0].text == BRIDGE
    assert [f.article_id for f in failures(items)] == [f"{path}:2", f"{path}:3"]
    assert f"{path}: line 2" in items[1].error


def test_csv_with_column_mapping_and_local_dates(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Заголовок;Текст;Дата;Ссылка;Номер\n"
        f"Мост открыт;{BRIDGE};18.05.2024;https://example.ru/most;17\n"
        f"Паводок;{FLOOD};8 апреля 2024;;18\n"
        f"Пустая;;2024-04-09;;19\n",
        encoding="cp1251",
    )
    items = read(
        path, csv_delimiter=";", csv_text_column="Текст", csv_title_column="Заголовок",
        csv_date_column="Дата", csv_url_column="Ссылка", csv_id_column="Номер",
    )
    bridge, flood, empty = items
    assert (bridge.id, bridge.title, bridge.url, bridge.published) == ("17", "Мост открыт", "https://example.ru/most", dt.date(2024, 5, 18))
    assert (flood.id, flood.url, flood.published) == ("18", None, dt.date(2024, 4, 8))
    assert isinstance(empty, Failure) and f"{path}:4" in empty.error and "empty text" in empty.error


def test_csv_without_the_mapped_column(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f"title,body\nМост,{BRIDGE}\n", encoding="utf-8")
    [failure] = read(path)
    assert str(path) in failure.error and "no text column 'text'" in failure.error and "body" in failure.error
    [failure] = read(path, csv_text_column="body", csv_date_column="date")
    assert "no column 'date' for --csv-date-column" in failure.error
    [article] = read(path, csv_text_column="body")
    assert article.title == "Мост"


def test_saved_html_page_keeps_metadata(tmp_path):
    html = page(
        "Мост через Казанку открыли после ремонта",
        [BRIDGE, "«Мы закончили работы на месяц раньше срока», — сказал мэр журналистам на церемонии."],
        date="2024-05-18T10:00:00+03:00", author="Ирина Петрова", site_name="Вести Приволжья",
    )
    path = tmp_path / "most.html"
    path.write_text(html, encoding="utf-8")
    [article] = read(path)
    assert article.title == "Мост через Казанку открыли после ремонта"
    assert (article.author, article.source, article.published) == ("Ирина Петрова", "Вести Приволжья", dt.date(2024, 5, 18))
    assert article.text.startswith("В субботу мэр Казани") and "Главная" not in article.text and "права защищены" not in article.text


def test_html_in_cp1251_and_html_without_article_text(tmp_path):
    (tmp_path / "a.html").write_bytes(page("Паводок", [FLOOD], charset="windows-1251").encode("cp1251"))
    (tmp_path / "b.htm").write_text("<html><body><nav><a href='/'>Главная</a></nav></body></html>", encoding="utf-8")
    flood, empty = read(tmp_path)
    assert flood.text == FLOOD
    assert isinstance(empty, Failure) and "b.htm" in empty.error and "no article text" in empty.error


def test_feed_file_that_is_not_xml(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text("это не лента, а просто текст", encoding="utf-8")
    [failure] = read(path)
    assert str(path) in failure.error and "not an RSS or Atom feed" in failure.error


def test_feed_file_with_full_text_entries(tmp_path):
    body = " ".join([BRIDGE, FLOOD] * 3)
    path = tmp_path / "news.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Вести Приволжья</title>'
        f"<item><title>Главное за день</title><guid>day-1</guid><pubDate>Sat, 18 May 2024 10:00:00 +0300</pubDate>"
        f"<description><![CDATA[<p>{body}</p>]]></description></item>"
        "<item><title>Анонс без ссылки</title><guid>day-2</guid><description></description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    article, failure = read(path)
    assert (article.text, article.title, article.source, article.published) == (body, "Главное за день", "Вести Приволжья", dt.date(2024, 5, 18))
    assert f"{path} entry 2" in failure.error and "no text and no link" in failure.error


def test_other_languages_are_read_but_not_analysed(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(BRIDGE, encoding="utf-8")
    english, russian = read(tmp_path)
    assert (english.language, needs_analysis(english)) == ("en", False)
    assert (russian.language, needs_analysis(russian)) == ("ru", True)


def warc_record(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


@pytest.mark.parametrize("name, gzipped", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_archives_yield_their_article_pages(tmp_path, name, gzipped):
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=gzipped)
    writer.write_record(warc_record(writer, "https://example.ru/most", page("Мост открыт", [BRIDGE]).encode(), "text/html; charset=utf-8"))
    writer.write_record(warc_record(writer, "https://example.ru/logo.png", b"\x89PNG\x00\x00", "image/png"))
    writer.write_record(warc_record(writer, "https://example.ru/old", b"", "text/html", "301 Moved Permanently"))
    writer.write_record(warc_record(writer, "https://example.ru/flood", page("Паводок", [FLOOD], charset="koi8-r").encode("koi8-r"), "text/html; charset=koi8-r"))
    writer.write_record(warc_record(writer, "https://example.ru/menu", b"<html><body><nav>menu</nav></body></html>", "text/html"))
    (tmp_path / name).write_bytes(stream.getvalue())
    bridge, flood, menu = read(tmp_path / name)
    assert (bridge.url, bridge.title, bridge.text) == ("https://example.ru/most", "Мост открыт", BRIDGE)
    assert (flood.url, flood.text) == ("https://example.ru/flood", FLOOD)
    assert isinstance(menu, Failure) and "record 5" in menu.error and "https://example.ru/menu" in menu.error


def test_truncated_warc_reports_the_damaged_record(tmp_path):
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    writer.write_record(warc_record(writer, "https://example.ru/most", page("Мост открыт", [BRIDGE]).encode(), "text/html"))
    complete = len(stream.getvalue())
    writer.write_record(warc_record(writer, "https://example.ru/flood", page("Паводок", [FLOOD]).encode(), "text/html"))
    data = stream.getvalue()
    (tmp_path / "cut.warc.gz").write_bytes(data[: complete + (len(data) - complete) // 2])
    bridge, damaged = read(tmp_path / "cut.warc.gz")
    assert bridge.text == BRIDGE
    assert isinstance(damaged, Failure) and "cut.warc.gz" in damaged.error and "record 2" in damaged.error


def test_unknown_option_is_refused():
    with pytest.raises(TypeError, match="csv_text_colum"):
        read("x.txt", csv_text_colum="body")


@pytest.mark.parametrize("text, language", [
    ("Курс доллара упал", "ru"),  # langid alone says Uzbek, unsure
    ("Мэр Казани открыл мост.", "ru"),
    ("Президент України провів зустріч з міністрами у вівторок.", "uk"),
    ("Der Bürgermeister hat am Samstag die neue Brücke eröffnet.", "de"),
])
def test_language_of_short_texts(text, language):
    assert detect_language(text) == language
