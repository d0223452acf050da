"""An article's cost grows with its length, not with its square: the work (Python function calls,
counted, not timed) for a text written ten times over is about ten times the work for the text once.

A rule that scans every mention or token once per mention, quote or event does ~100 times the work
at ten copies; per-article indexes (`TokenIndex`, `doc.by_id`) keep it near 10. The count runs in
a fresh interpreter: what earlier tests leave behind (threads, caches) must not weigh on it.
"""

from __future__ import annotations

import json
import subprocess
import sys

from newsgraph.doc import Article

TEXT = """\
Президент Франции Эммануэль Макрон провел в Париже переговоры с канцлером Германии Фридрихом Мерцем.
«Мы договорились продолжить консультации», — заявил французский лидер журналистам.
Министр иностранных дел России Сергей Лавров встретился в Анкаре с главой МИД Турции Хаканом Фиданом.
Лавров сообщил, что Москва готова к диалогу. Как отметил российский дипломат, стороны обсудили поставки зерна.
Комитет защиты журналистов (КЗЖ) призвал власти освободить корреспондента. Глава комитета Джоди Гинзберг
сказала, что Комитет защиты журналистов продолжит работу.
Пресс-секретарь Кремля Дмитрий Песков заявил, что Путин позвонил Макрону. Песков добавил: «Разговор был деловым».
Немецкий канцлер осудил удар по Киеву, а президент Украины Владимир Зеленский поблагодарил партнеров.
"""


def calls(pipeline, text: str) -> int:
    """Python function calls (generator steps included) made while the pipeline analyses `text`."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1

    doc = Article.create(text)
    sys.setprofile(profile)
    try:
        analysed = pipeline(doc)
    finally:
        sys.setprofile(None)
    assert isinstance(analysed, Article) and analysed.entities and analysed.quotes and analysed.events
    return count


def ten_against_one() -> dict[str, int]:
    from newsgraph.pipeline import default_pipeline

    pipeline = default_pipeline()
    pipeline(Article.create(TEXT))  # warm the word caches, so both runs start alike
    return {"once": calls(pipeline, TEXT), "ten": calls(pipeline, "\n".join([TEXT] * 10))}


def test_ten_copies_cost_about_ten_times_one():
    done = subprocess.run([sys.executable, __file__], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = counts["ten"] / counts["once"]
    assert ratio <= 13, f"ten copies made {ratio:.1f}× the calls of one (linear: ~10×)"


if __name__ == "__main__":
    print(json.dumps(ten_against_one()))
