"""Store benchmark (run by hand): ingest N synthetic articles, watch memory, time every query.

    .venv/bin/python benchmarks/store_bench.py --articles 10000 [--db URL]

The pipeline analyses the sample articles below once; the N stored articles are copies of
them with other dates and other surnames (replaced by generated surnames of the same length,
so every offset stays valid) and stored with `ingest(..., analysed=True)`. This measures the
store, not the NLP: analysing 10,000 articles would take hours on this machine, and
`benchmarks/throughput.py` measures that part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator

from newsgraph.doc import Article
from newsgraph.ingest.batch import ingest
from newsgraph.pipeline import default_pipeline
from newsgraph.store import Store, queries

SAMPLES = [
    "Президент России Владимир Путин провёл телефонный разговор с президентом Франции Эммануэлем Макроном. "
    "Стороны обсудили ситуацию на Украине и перспективы мирных переговоров. «Мы договорились продолжить "
    "контакты на уровне министров иностранных дел», — заявил Путин журналистам после разговора. Макрон "
    "призвал Москву к прекращению огня и предложил провести встречу в Париже. В Кремле сообщили, что "
    "предложение будет рассмотрено. Министр иностранных дел Франции Жан-Ноэль Барро заявил, что Париж "
    "готов принять делегации уже в следующем месяце.",
    "Канцлер Германии Олаф Шольц встретился в Берлине с президентом Франции Эммануэлем Макроном. Лидеры "
    "обсудили поддержку Украины и новые санкции против России. «Европа должна говорить одним голосом», — "
    "сказал Шольц на совместной пресс-конференции. Макрон отметил, что Франция и Германия подготовят "
    "общие предложения к саммиту Евросоюза в Брюсселе. Председатель Еврокомиссии Урсула фон дер Ляйен "
    "приветствовала договорённость. Стороны договорились о новых санкциях против российских банков.",
    "Президент Турции Реджеп Тайип Эрдоган принял в Анкаре Владимира Путина. Переговоры продолжались "
    "более трёх часов. Путин заявил, что переговоры прошли конструктивно. «Турция готова быть посредником "
    "между Москвой и Киевом», — подчеркнул Эрдоган. Министр иностранных дел Турции Хакан Фидан сообщил, "
    "что следующая встреча делегаций может пройти в Стамбуле. Президент Украины Владимир Зеленский "
    "позднее обвинил Москву в затягивании переговоров.",
    "Министр иностранных дел России Сергей Лавров провёл переговоры с госсекретарём США Марко Рубио в "
    "Эр-Рияде. «Мы не только слушали, но и слышали друг друга», — сказал Лавров по итогам встречи. Рубио "
    "заявил, что Вашингтон намерен восстановить работу посольств. Наследный принц Саудовской Аравии "
    "Мухаммед бен Сальман поблагодарил делегации за доверие. Президент Украины Владимир Зеленский "
    "раскритиковал встречу и заявил, что Киев не признает договорённостей без своего участия.",
]
CONSONANTS = "бвгдзклмнпрстфх"
VOWELS = "аеиоу"
NAME_VARIANTS = 1000
START = dt.date(2023, 1, 1)
DAYS = 730


def surname(length: int, number: int) -> str:
    """A made-up surname of exactly `length` letters, different for each `number`."""
    letters = []
    for position in range(length):
        pool = CONSONANTS if position % 2 == 0 else VOWELS
        letters.append(pool[(number // (position + 1) + position * 7) % len(pool)])
    return "".join(letters).capitalize()


def surnames(doc: Article) -> list[str]:
    return sorted({e.name.split()[-1] for e in doc.entities if e.type == "PER" and len(e.name.split()[-1]) > 3})


def variant(template: dict, names: list[str], number: int) -> Article:
    """Copy `number` of an analysed article: its own id, url, date and surnames (and KB ids to match)."""
    text = json.dumps(template, ensure_ascii=False)
    version = number % NAME_VARIANTS
    for name in names:
        other = surname(len(name), version * 7 + len(name))
        text = text.replace(name, other).replace(name.lower(), other.lower())
    data = json.loads(text)
    day = (START + dt.timedelta(days=(number * 7919) % DAYS)).isoformat()
    data.update(id=f"bench-{number}", url=f"https://bench.example.ru/{number}", published=day)
    for entity in data["entities"]:
        if entity["type"] == "PER" and entity.get("kb_id") and version:
            entity["kb_id"] = f"{entity['kb_id']}-{version}"
    for event in data["events"]:
        event["date"] = day if event.get("date") else None
    return Article.from_json(data)


def articles(samples: list[Article], count: int) -> Iterator[Article]:
    templates = [(doc.to_json(), surnames(doc)) for doc in samples]
    for number in range(count):
        template, names = templates[number % len(templates)]
        yield variant(template, names, number)


def rss_mb() -> float:
    """Resident memory now (Linux), not the peak: the models loaded for the samples set the peak."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def time_query(name: str, call, repeat: int) -> dict:
    """Wall-clock and CPU milliseconds (CPU shows the cost apart from other load on a shared machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    size = len(result) if isinstance(result, list) else sum(len(v) for v in result.values() if isinstance(v, list))
    return {"query": name, "median_ms": statistics.median(wall), "max_ms": max(wall),
            "cpu_ms": statistics.median(cpu), "results": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary directory)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="only time the queries on the store --db already holds")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    store = Store.open(url)
    if not args.reuse:
        fill(store, args.articles)
    time_queries(store, args.repeat)
    store.close()


def fill(store: Store, count: int) -> None:
    samples = list(default_pipeline().map([Article.create(text) for text in SAMPLES]))
    print(f"{count} articles from {len(samples)} analysed samples; rss {rss_mb():.0f} MB")
    memory: list[str] = []

    def progress(item) -> None:
        progress.done += 1
        if progress.done % (count // 5 or 1) == 0:
            memory.append(f"{progress.done}: {rss_mb():.0f} MB")

    progress.done = 0
    started = time.perf_counter()
    report = ingest(store, articles(samples, count), analysed=True, on_item=progress)
    seconds = time.perf_counter() - started
    print(f"ingest: {report.summary()} in {seconds:.0f} s ({1000 * seconds / count:.1f} ms/article)")
    print("resident memory after N articles: " + ", ".join(memory))


def time_queries(store: Store, repeat: int) -> None:
    quoted = [q["speaker"]["name"] for q in queries.quotes_list(store, limit=100) if q["speaker"]]
    person = quoted[0] if quoted else queries.entities_list(store, type="PER", limit=1)[0]["name"]
    checks = [
        ("search «переговоры»", lambda: queries.search(store, "переговоры", limit=20)),
        ("search «санкции банков»", lambda: queries.search(store, "санкции банков", limit=20)),
        ("articles mentioning a person", lambda: queries.articles_list(store, entity=person, limit=20)),
        ("quotes, newest (home page)", lambda: queries.quotes_list(store, limit=20)),
        ("quotes --speaker", lambda: queries.quotes_list(store, speaker=person, limit=20)),
        ("quotes --since --until", lambda: queries.quotes_list(store, since="2024-03-01", until="2024-03-31")),
        ("events --type CONSULT --since", lambda: queries.events_list(store, type="CONSULT", since="2024-01-01", limit=20)),
        ("events --actor", lambda: queries.events_list(store, actor=person, limit=20)),
        ("entity profile", lambda: queries.entity_profile(store, person)),
        ("entities list", lambda: queries.entities_list(store, limit=50)),
        ("timeline (month)", lambda: queries.timeline(store)),
        ("graph, events only (60 nodes)", lambda: queries.graph(store, nodes=60, co_mentions=False)),
        ("graph with co-mentions (100 nodes)", lambda: queries.graph(store, nodes=100)),
        ("graph around a person", lambda: queries.graph(store, entity=person, nodes=50)),
        ("row counts (home page)", lambda: queries.counts(store)),
    ]
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print("\n| query | median ms | max ms | CPU ms (median) | results |\n|---|---:|---:|---:|---:|")
    for name, call in checks:
        row = time_query(name, call, repeat)
        print(f"| {row['query']} | {row['median_ms']:.0f} | {row['max_ms']:.0f} | {row['cpu_ms']:.0f} | {row['results']} |")
    print(f"\nrows: {queries.counts(store)}")


if __name__ == "__main__":
    main()
