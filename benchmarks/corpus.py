"""Benchmark corpora: real news (the default), our own sample articles varied to a few hundred, and the shared dev texts.

Real news is `realnews/ng.jsonl.gz` (Nezavisimaya Gazeta) and `realnews/rt.jsonl.gz` (RT) under the
shared data folder (`../shared/data` beside the repository), read at run time, never copied here.
The twelve articles in `corpus/` are ours. Variants swap people, places and figures and
reorder paragraphs, so the lemma and parse caches see new words as a real feed would,
instead of the same few hundred forms again and again. NEREL dev and factRuEval devset
texts are read from `../shared/data` at run time when present, never copied here.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_SETS = {"ng": "realnews/ng.jsonl.gz", "rt": "realnews/rt.jsonl.gz"}
SHARED_SETS = {
    "nerel": ("NEREL-v1.1/dev", "*.txt"),
    "factru": ("factRuEval-2016/devset", "*.txt"),
}

# Names and places swapped in variants, each for one of the same gender and case.
SWAPS = [
    ("Сергей Лавров", ["Александр Грушко", "Андрей Руденко", "Михаил Галузин"]),
    ("Хаканом Фиданом", ["Мевлютом Чавушоглу", "Ибрагимом Калыном", "Омером Челиком"]),
    ("Анкаре", ["Стамбуле", "Анталье", "Измире", "Баку", "Тегеране"]),
    ("Кая Каллас", ["Урсула фон дер Ляйен", "Роберта Метсола"]),
    ("Дмитрий Песков", ["Юрий Ушаков", "Сергей Кириенко", "Максим Орешкин"]),
    ("Майя Санду", ["Наталья Гаврилица", "Зинаида Гречаная"]),
    ("Кишиневе", ["Бельцах", "Кагуле", "Комрате"]),
    ("Вячеслав Володин", ["Александр Жуков", "Петр Толстой", "Андрей Исаев"]),
    ("Антон Силуанов", ["Максим Решетников", "Алексей Сазанов", "Антон Котяков"]),
    ("Тбилиси", ["Батуми", "Кутаиси", "Рустави"]),
    ("Марк Карни", ["Доминик Леблан", "Франсуа-Филипп Шампань", "Джастин Трюдо"]),
    ("Василий Небензя", ["Дмитрий Полянский", "Геннадий Кузьмин", "Сергей Вершинин"]),
    ("Дохе", ["Каире", "Эр-Рияде", "Абу-Даби", "Женеве"]),
    ("Александр Новак", ["Сергей Цивилев", "Павел Сорокин", "Алексей Текслер"]),
]
PARAGRAPH = re.compile(r"\n\s*\n")
NUMBER = re.compile(r"\b\d{2,3}\b")


def sample_articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    """A variant: other people and places, other figures, the paragraphs after the lead reordered."""
    for original, replacements in SWAPS:
        if original in text:
            text = text.replace(original, rng.choice(replacements))
    text = NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    lead, *rest = PARAGRAPH.split(text.strip())
    rng.shuffle(rest)
    return "\n\n".join([lead, *rest]) + "\n"


def sample_corpus(count: int, seed: int = 9) -> Iterator[tuple[str, str]]:
    """`count` distinct articles: the originals first, then variants (every third one two stories long)."""
    rng = random.Random(seed)
    originals = sample_articles()
    seen = set(originals)
    for i in range(count):
        base = originals[i % len(originals)]
        if i < len(originals):
            yield f"sample-{i:04d}", base
            continue
        text = vary(base, rng)
        if i % 3 == 0:
            text += "\n" + vary(rng.choice(originals), rng)
        while text in seen:  # a variant may repeat one made before: lengthen it
            text += "\n" + vary(rng.choice(originals), rng)
        seen.add(text)
        yield f"sample-{i:04d}", text


def shared_corpus(name: str, data: Path = SHARED) -> Iterator[tuple[str, str]]:
    folder, pattern = SHARED_SETS[name]
    for path in sorted((data / folder).glob(pattern)):
        yield f"{name}-{path.stem}", path.read_text(encoding="utf-8-sig")


def real_corpus(name: str, count: int, data: Path = SHARED) -> Iterator[tuple[str, str]]:
    """The first `count` articles of a real-news file, in file order."""
    path = data / REAL_SETS[name]
    if not path.exists():
        raise SystemExit(f"no real news at {path}: give --data, or --corpus sample")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= count:
                break
            row = json.loads(line)
            yield f"{name}-{row['id']}", row["text"]


def available_shared(data: Path = SHARED) -> list[str]:
    return [name for name, (folder, _) in SHARED_SETS.items() if (data / folder).is_dir()]
