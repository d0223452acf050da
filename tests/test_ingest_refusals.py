"""Hostile inputs to `newsgraph ingest` (issue 19): each is refused with its message, and the batch goes on."""

from __future__ import annotations

import json
import os

from sqlalchemy import select
from typer.testing import CliRunner

from newsgraph.cli import app
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
