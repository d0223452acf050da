"""Build and check the real-news development set (devsets/real/) from annotators' files.

  python scripts/real_devset.py split OUT_DIR/b*.jsonl --seed 20261207
      strips every copy of article text (the texts stay in ../shared) and splits the articles
      into devsets/real/dev.jsonl and devsets/real/lockbox.jsonl: an article is in the lockbox
      when a seeded hash of its id falls in the first third, so the split was fixed before any
      annotation was read and does not move when an article is added or dropped
  python scripts/real_devset.py agreement FIRST.jsonl SECOND.jsonl --data ../shared/data
      scores one annotator's file against another's for the articles both annotated
  python scripts/real_devset.py check devsets/real/*.jsonl --data ../shared/data
      checks that every offset falls inside its article (the texts are read from ../shared)

Annotators write ANNOTATION.md records with `*_text` copies of each span; the copies are
checked against the offsets before they are dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from newsgraph.evaluate.annotated import corpus_texts, read_gold, score_annotated

OUT = Path(__file__).resolve().parent.parent / "devsets" / "real"
TEXT_COPIES = ("quote_text", "trigger_text", "speaker_mention_text", "trigger_context")


def stripped(record: dict) -> dict:
    record = dict(record)
    record["quotes"] = [{k: v for k, v in q.items() if k not in TEXT_COPIES} for q in record.get("quotes", [])]
    record["events"] = [{k: v for k, v in e.items() if k not in TEXT_COPIES} for e in record.get("events", [])]
    return record


def write(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def in_lockbox(doc: str, seed: int) -> bool:
    return int(hashlib.sha256(f"{seed}:{doc}".encode()).hexdigest(), 16) % 3 == 0


def split(files: list[Path], seed: int) -> None:
    records = [r for f in files for r in read_gold(f)]
    docs = [r["doc"] for r in records]
    if len(set(docs)) != len(docs):
        raise SystemExit(f"an article is annotated twice: {sorted(d for d in set(docs) if docs.count(d) > 1)}")
    OUT.mkdir(parents=True, exist_ok=True)
    held = [r for r in records if in_lockbox(r["doc"], seed)]
    dev = [r for r in records if not in_lockbox(r["doc"], seed)]
    write(OUT / "lockbox.jsonl", sorted((stripped(r) for r in held), key=lambda r: r["doc"]))
    write(OUT / "dev.jsonl", sorted((stripped(r) for r in dev), key=lambda r: r["doc"]))
    for name, part in (("dev", dev), ("lockbox", held)):
        print(f"{name}: {len(part)} articles, {sum(len(r.get('quotes', [])) for r in part)} quotes, "
              f"{sum(len(r.get('events', [])) for r in part)} events")


def as_prediction(record: dict) -> dict:
    """An annotation in the shape of the pipeline's article JSON: names become entities."""
    aliases: dict[str, set[str]] = {}
    for q in record.get("quotes", []):
        aliases.setdefault(q["speaker"], set()).update(q.get("speaker_aliases", []))
    for e in record.get("events", []):
        for role in ("actor", "recipient"):
            for name in e.get(role, []):
                aliases.setdefault(name, set()).update(e.get(f"{role}_aliases", {}).get(name, []))
    return {
        "id": record["doc"],
        "entities": [{"id": n, "name": n, "mentions": [{"text": a} for a in sorted(al)]} for n, al in aliases.items()],
        "quotes": [{"start": q["start"], "end": q["end"], "kind": q["kind"], "speaker": q["speaker"], "via_name": q.get("via")}
                   for q in record.get("quotes", [])],
        "events": [{"type": e["type"], "trigger": {"start": e["trigger_start"], "end": e["trigger_end"]},
                    "actor": e.get("actor", []), "recipient": e.get("recipient", []), "modality": e["modality"],
                    "date": e.get("date")} for e in record.get("events", [])],
    }


def agreement(first: Path, second: Path, data: Path) -> None:
    other = {r["doc"]: r for r in read_gold(second)}
    gold = [r for r in read_gold(first) if r["doc"] in other]
    texts = corpus_texts(data, [r["doc"] for r in gold])
    scores = score_annotated(gold, {d: as_prediction(r) for d, r in other.items()}, texts)
    print(json.dumps(scores.to_json(), ensure_ascii=False))


def check(files: list[Path], data: Path) -> None:
    for path in files:
        records = read_gold(path)
        texts = corpus_texts(data, [r["doc"] for r in records])
        bad = 0
        for r in records:
            n = len(texts[r["doc"]]["text"])
            spans = [(q["start"], q["end"]) for q in r.get("quotes", [])] + [
                (e["trigger_start"], e["trigger_end"]) for e in r.get("events", [])]
            bad += sum(1 for s, e in spans if not 0 <= s < e <= n)
        print(f"{path}: {len(records)} articles, {bad} spans outside their text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("split")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--seed", type=int, default=20261207)
    p = sub.add_parser("agreement")
    p.add_argument("first", type=Path)
    p.add_argument("second", type=Path)
    p.add_argument("--data", type=Path, required=True)
    p = sub.add_parser("check")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--data", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "split":
        split(args.files, args.seed)
    elif args.command == "agreement":
        agreement(args.first, args.second, args.data)
    else:
        check(args.files, args.data)


if __name__ == "__main__":
    main()
