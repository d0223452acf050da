"""Build devsets/events.jsonl from the readable devsets/events.src.txt, so no offset is counted by hand.

Source format (docs/events.md): articles start with `=== id | published | title`, the text
follows, and `--- events` starts one gold event per line:
`TYPE[/mode] | trigger[#n] | actors | recipients | modality | date | place`.

    .venv/bin/python scripts/build_events_devset.py [SRC] [OUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MODALITIES = {"asserted", "negated", "planned", "hypothetical"}


def names(field: str) -> list[str]:
    return [] if field.strip() == "-" else [n.strip() for n in field.split(",")]


def find_occurrence(text: str, phrase: str, n: int, where: str) -> int:
    start = -1
    for _ in range(n):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise ValueError(f"{where}: trigger {phrase!r} occurs fewer than {n} times")
    return start


def parse_event(text: str, line: str, where: str) -> dict:
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 7:
        raise ValueError(f"{where}: expected 7 fields, got {len(fields)}: {line!r}")
    kind, trigger, actors, recipients, modality, date, place = fields
    event_type, _, mode = kind.partition("/")
    if event_type not in TYPES or modality not in MODALITIES:
        raise ValueError(f"{where}: unknown type or modality in {line!r}")
    phrase, _, nth = trigger.partition("#")
    start = find_occurrence(text, phrase, int(nth or 1), where)
    return {
        "type": event_type,
        "mode": mode or None,
        "trigger": {"start": start, "end": start + len(phrase), "text": phrase},
        "actor": names(actors),
        "recipient": names(recipients),
        "modality": modality,
        "date": None if date == "-" else date,
        "place": None if place == "-" else place,
    }


def parse_article(block: str) -> dict:
    header, _, rest = block.partition("\n")
    article_id, published, title = (part.strip() for part in header.split("|"))
    body, _, gold = rest.partition("\n--- events\n")
    text = body.strip("\n")
    events = [
        parse_event(text, line, f"{article_id} line {n}")
        for n, line in enumerate(gold.splitlines(), 1)
        if line.strip()
    ]
    return {"id": article_id, "published": published, "title": title, "text": text, "events": events}


def build(source: str) -> list[dict]:
    blocks = source.split("\n=== ")[1:]
    return [parse_article(block) for block in blocks]


def main(src: str = "devsets/events.src.txt", out: str = "devsets/events.jsonl") -> None:
    articles = build(Path(src).read_text(encoding="utf-8"))
    with open(out, "w", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    total = sum(len(a["events"]) for a in articles)
    print(f"{len(articles)} articles, {total} events → {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
