"""Hostile inputs to `newsgraph ingest` (issue 19): each is refused with its message, and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import re

from sqlalchemy import select
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.doc import Article, Failure
from newsgraph.ingest import read_inputs
from newsgraph.store import Store
from newsgraph.store.schema import articles, failures

CALL = "Владимир Путин позвонил Эммануэлю Макрону в среду и обсудил с ним положение на Украине."


def ingest(tmp_path, *paths: str | os.PathLike, options: tuple[str, ...] = ()) -> tuple[dict, list, list]:
    """Run the real command; the summary, the stored articles and the recorded failures."""
    db = f"sqlite:///{tmp_path}/news.db"
    result = CliRunner().invoke(app, ["ingest", *map(os.fsdecode, paths), "--db", db, "--json", *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    with Store.open(db) as store, store.read() as conn:
        stored = conn.execute(select(articles)).all()
        failed = conn.execute(select(failures)).all()
    return summary, stored, failed


def test_a_failing_file_whose_name_is_not_utf8_is_recorded_and_the_batch_goes_on(tmp_path):
    bad = os.path.join(os.fsencode(tmp_path), b"empty_\xe9\xff.txt")
    open(bad, "wb").close()
    good = tmp_path / "good.txt"
    good.write_text(CALL, encoding="utf-8")

    summary, stored, failed = ingest(tmp_path, bad, good)

    assert (summary["stored"], summary["failed"], summary["linked_to_stories"]) == (1, 1, 1)
    assert [r.text for r in stored] == [CALL]
    assert failed[0].error.endswith("empty_\\xe9\\xff.txt: empty input (no text)")


def test_short_koi8r_and_cp1251_texts_and_utf16_with_a_bom_are_read_as_russian(tmp_path):
    sentence = "Путин позвонил Макрону в среду."
    for name, encoding in (("koi8.txt", "koi8-r"), ("cp1251.txt", "cp1251"), ("utf16.txt", "utf-16")):
        (tmp_path / name).write_bytes(sentence.encode(encoding))  # Python's utf-16 writes a BOM
    (tmp_path / "caps.txt").write_bytes("ЕС ВВЁЛ НОВЫЕ САНКЦИИ ПРОТИВ РОССИИ".encode("cp1251"))

    summary, stored, failed = ingest(tmp_path, *(tmp_path / n for n in ("koi8.txt", "cp1251.txt", "utf16.txt", "caps.txt")))

    assert failed == [] and summary["unanalysed"] == 0
    assert sorted({r.text for r in stored}) == ["ЕС ВВЁЛ НОВЫЕ САНКЦИИ ПРОТИВ РОССИИ", sentence]
    assert {r.language for r in stored} == {"ru"}


def truncated_warc(tmp_path, name: str, compressed: bool, records: int = 2, cut: int = 200):
    """Records of one page each, the file cut `cut` bytes before its end (inside the last record)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = f"<html><head><title>Звонок</title></head><body><article><p>{CALL}</p><p>{CALL}</p></article></body></html>"
    with (tmp_path / name).open("wb") as out:
        writer = WARCWriter(out, gzip=compressed)
        for n in range(1, records + 1):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.ru/{n}", "response",
                                                          payload=io.BytesIO(body.encode()), http_headers=headers))
    data = (tmp_path / name).read_bytes()
    (tmp_path / name).write_bytes(data[: len(data) - cut])
    return tmp_path / name


def test_a_truncated_warc_record_is_refused_not_stored_in_part(tmp_path):
    summary, stored, failed = ingest(tmp_path, truncated_warc(tmp_path, "crawl.warc", compressed=False))
    assert [r.url for r in stored] == ["https://example.ru/1"]  # the whole first record, once
    assert [f.error for f in failed] == [
        f"{tmp_path / 'crawl.warc'}: record 2 (https://example.ru/2): truncated (196 bytes of the record are missing)"]


def test_a_truncated_compressed_warc_record_is_refused_not_stored_in_part(tmp_path):
    path = truncated_warc(tmp_path, "crawl.warc.gz", compressed=True)
    summary, stored, failed = ingest(tmp_path, path)
    assert [r.url for r in stored] == ["https://example.ru/1"]
    # warcio names the cut record only when the cut falls inside its payload (the random record ids move
    # it); either way the one failure names the file and the byte where the archive stops being whole
    assert [f.error.startswith(f"{path}: ") for f in failed] == [True], [f.error for f in failed]
    assert f"the archive is cut at byte {path.stat().st_size}, inside the compressed member" in failed[0].error


def test_a_compressed_warc_cut_anywhere_keeps_the_whole_records_and_records_the_cut(tmp_path):
    """A cut inside a gzip member, headers and trailer included, leaves one failure naming the file and offset.

    Every byte near a member boundary (gzip header, WARC headers, trailer) is a cut; in between, every 7th.
    """
    whole = truncated_warc(tmp_path, "whole.warc.gz", compressed=True, records=3, cut=0).read_bytes()
    member_ends = {m.start() for m in re.finditer(b"\x1f\x8b\x08", whole)} | {len(whole)}
    urls = [f"https://example.ru/{n}" for n in (1, 2, 3)]
    cut = tmp_path / "cut.warc.gz"
    near_a_boundary = {size for end in member_ends for size in range(max(end - 40, 1), min(end + 40, len(whole)))}
    for size in sorted(near_a_boundary | set(range(1, len(whole), 7))):
        cut.write_bytes(whole[:size])
        items = list(read_inputs([cut], detect_language=False))
        kept = [i for i in items if isinstance(i, Article)]
        refused = [i.error for i in items if isinstance(i, Failure)]
        assert [a.url for a in kept] == urls[: len(kept)] and {a.text for a in kept} <= {CALL}, size
        if size in member_ends:
            assert refused == [], size  # whole records only: nothing is cut
        else:
            assert len(refused) == 1 and refused[0].startswith(f"{cut}: "), (size, refused)
            assert f"cut at byte {size}, inside the compressed member" in refused[0], (size, refused)


def test_a_truncated_jsonl_gz_keeps_the_complete_lines_and_records_the_break(tmp_path):
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"{CALL} Заметка номер {i}.", "url": f"https://example.ru/{i}"},
                               ensure_ascii=False) + "\n" for i in range(40))
    packed = gzip.compress(lines.encode())
    (tmp_path / "news.jsonl.gz").write_bytes(packed[: len(packed) * 3 // 4])

    summary, stored, failed = ingest(tmp_path, tmp_path / "news.jsonl.gz")

    assert 10 < summary["stored"] < 40 and summary["failed"] == 1
    assert sorted(int(r.id[1:]) for r in stored) == list(range(summary["stored"]))
    assert f"breaks after line {summary['stored']}, the lines before are kept" in failed[0].error


def test_jsonl_and_csv_fields_of_the_wrong_type_fail_their_line(tmp_path):
    records = [{"text": CALL, "url": 42}, {"text": CALL, "title": {"ru": "Звонок"}}, {"text": CALL, "published": 20250501},
               {"text": CALL, "url": "javascript:alert(1)"}, {"text": "   "}, {"text": CALL, "id": "ok"}]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "news.csv").write_text(f'text,url\n"{CALL} Ещё.",javascript:alert(1)\n', encoding="utf-8")

    summary, stored, failed = ingest(tmp_path, tmp_path / "news.jsonl", tmp_path / "news.csv")

    assert [r.id for r in stored] == ["ok"]
    assert sorted(f.error.split(": ", 1)[1] for f in failed) == [
        "line 1: field 'url' must be a string, got int 42",
        "line 2: field 'title' must be a string, got dict {\"ru\": \"Звонок\"}",
        "line 3: field 'published' must be a string, got int 20250501",
        "line 4: url must be an absolute http(s) URL, got 'javascript:alert(1)'",
        "line 5: empty text (only whitespace)",
        "url must be an absolute http(s) URL, got 'javascript:alert(1)'",
    ]


def test_a_feed_that_is_not_well_formed_xml_is_refused_with_its_line(tmp_path):
    (tmp_path / "broken.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Лента</title>\n'
        f"<item><title>Звонок</title><description>{CALL} <b>Подробности</description></item>\n</channel></rss>\n",
        encoding="utf-8")

    summary, stored, failed = ingest(tmp_path, tmp_path / "broken.rss", options=("--no-fetch-links",))

    assert stored == [] and [f.error for f in failed] == [
        f"{tmp_path / 'broken.rss'}: not well-formed XML at line 3, column {failed[0].error.split('column ')[1].split(' ')[0]} (mismatched tag)"]
