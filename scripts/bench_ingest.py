"""Time ingest reading and story linking on generated inputs: `python scripts/bench_ingest.py [N]`.

Pages and cp1251 text files are built from the story devset's texts (our own sentences),
and N unrelated articles are put straight into a scratch SQLite store for `link_stories`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from newsgraph.evaluate.stories import read_devset
from newsgraph.ingest import read_inputs
from newsgraph.ingest.storylinks import link_stories
from newsgraph.store import Store
from newsgraph.store.schema import articles

PAGE = '<html><head><meta charset="utf-8"><title>{title}</title></head><body><nav>Главная Новости</nav><article><h1>{title}</h1>{body}</article><footer>© Редакция</footer></body></html>'


def write_inputs(root: Path, rows: list[dict], count: int) -> None:
    (root / "html").mkdir()
    (root / "txt").mkdir()
    for i in range(count):
        paragraphs = rows[i % len(rows)]["text"].split("\n") + [f"Материал номер {i}."]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        (root / "html" / f"{i:05d}.html").write_text(PAGE.format(title=f"Заголовок {i}", body=body), encoding="utf-8")
        (root / "txt" / f"{i:05d}.txt").write_bytes("\n".join(paragraphs).encode("cp1251"))


def time_reading(root: Path) -> None:
    for kind in ("html", "txt"):
        started = time.perf_counter()
        count = sum(1 for _ in read_inputs([str(root / kind)]))
        seconds = time.perf_counter() - started
        print(f"read {count} {kind} files: {seconds:.1f} s, {count / seconds:.0f} articles/s")


def time_linking(root: Path, rows: list[dict], count: int) -> None:
    words = [w for r in rows for w in r["text"].split()]
    rng = random.Random(0)
    now = dt.datetime.now(dt.timezone.utc)
    batch = [
        {"id": f"a{i}", "text": " ".join(rng.choice(words) for _ in range(250)), "content_hash": str(i),
         "analysed": False, "record": "{}", "ingested_at": now, "language": "ru"}
        for i in range(count)
    ]
    with Store.open(f"sqlite:///{root}/bench.db") as store:
        with store.write() as conn:
            conn.execute(insert(articles), batch)
        started = time.perf_counter()
        linked = link_stories(store)
        print(f"link_stories over {linked} stored articles of 250 words: {time.perf_counter() - started:.1f} s")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    print("python scripts/bench_ingest.py " + " ".join(sys.argv[1:]))
    rows = read_devset()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_inputs(root, rows, count)
        time_reading(root)
        time_linking(root, rows, count * 10)


if __name__ == "__main__":
    main()
