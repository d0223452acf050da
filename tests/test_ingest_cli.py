"""`newsgraph ingest` over mixed real inputs: kinds, options, bad files, languages and stories together."""

from __future__ import annotations

import gzip
import json

from sqlalchemy import select
from typer.testing import CliRunner

from ingest_server import page
from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.store.schema import articles, failures

GRAIN = [
    "Министр сельского хозяйства сообщила в среду, что Россия в этом году собрала более ста тридцати миллионов тонн зерна.",
    "Урожай пшеницы оказался выше прогноза, несмотря на засуху в южных регионах.",
    "Аграрии Ростовской области, пострадавшие от засухи, получат дополнительные субсидии из федерального бюджета.",
]
DROUGHT = (
    "Фермеры юга России подсчитывают потери от летней засухи. В Ростовской области урожайность пшеницы "
    "упала почти на треть, рассказал председатель местной ассоциации крестьянских хозяйств."
)


def test_ingest_mixed_directory_with_csv_options(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "grain.html").write_text(page("Урожай зерна превысил прогноз", GRAIN, date="2024-09-04"), encoding="utf-8")
    copy = "Сельские новости\n" + " ".join(GRAIN) + "\nПри перепечатке ссылка обязательна."
    (news / "grain-copy.txt.gz").write_bytes(gzip.compress(copy.encode("cp1251")))
    (news / "table.csv").write_text(f'body,when\n"{DROUGHT}",05.09.2024\n', encoding="utf-8")
    (news / "english.txt").write_text("Farmers in southern Russia are counting their losses after the summer drought.", encoding="utf-8")
    (news / "empty.txt").write_text("", encoding="utf-8")
    db = f"sqlite:///{tmp_path}/news.db"

    result = CliRunner().invoke(app, ["ingest", str(news), "--db", db, "--csv-text-column", "body", "--csv-date-column", "when", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert (summary["stored"], summary["unanalysed"], summary["failed"], summary["linked_to_stories"]) == (3, 1, 1, 4)

    with Store.open(db) as store, store.read() as conn:
        rows = {r.text[:12]: r for r in conn.execute(select(articles))}
        failed = conn.execute(select(failures.c.file, failures.c.error)).all()
    html, copied, drought = rows[GRAIN[0][:12]], rows["Сельские нов"], rows[DROUGHT[:12]]
    assert html.story_id == copied.story_id != drought.story_id
    assert (html.title, str(html.published), str(drought.published)) == ("Урожай зерна превысил прогноз", "2024-09-04", "2024-09-05")
    assert rows["Farmers in s"].language == "en" and not rows["Farmers in s"].analysed
    assert failed[0].file.endswith("empty.txt") and "empty" in failed[0].error
