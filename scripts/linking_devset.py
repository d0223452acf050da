"""Build and check the real-news linking dev set (devsets/linking-real/, see its README).

  select   pick the articles (seeded) and print their ids and annotated windows
  prefill  run the pipeline over the windows and write one worksheet per article (outside the repo)
  expand   turn a hand-written worksheet (surface<TAB>type<TAB>qid lines per article) into spans
  check    confirm every QID against a named source and every span against the text

Texts are read from ../shared/data/realnews and never written into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEED = 20261217
PER_SOURCE = 20
WINDOW_MIN, WINDOW_MAX = 900, 1600
TYPES = ("PER", "ORG", "LOC")
QID = re.compile(r"Q\d+")


def load_realnews(data: Path) -> dict[str, dict]:
    records = {}
    for name in ("ng", "rt"):
        with gzip.open(data / "realnews" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                records[record["id"]] = {**record, "file": f"realnews/{name}.jsonl.gz"}
    return records


def window_end(text: str) -> int:
    """The annotated lead: whole paragraphs up to WINDOW_MIN chars, cut at a sentence end if a paragraph runs past WINDOW_MAX."""
    end = 0
    while end < WINDOW_MIN:
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        if nxt > WINDOW_MAX:
            cut = max(text.rfind(". ", end, WINDOW_MAX), text.rfind(".\n", end, WINDOW_MAX))
            return cut + 1 if cut > end else nxt
        end = nxt
        if end == len(text):
            break
    return end


def select(data: Path) -> list[dict]:
    """PER_SOURCE NG and PER_SOURCE RT articles not used by devsets/real, drawn with SEED."""
    used = {json.loads(line)["doc"] for part in (ROOT / "devsets" / "real").glob("*.jsonl")
            for line in part.read_text(encoding="utf-8").splitlines() if line.strip()}
    records = load_realnews(data)
    rng = random.Random(SEED)
    chosen = []
    for prefix in ("ng-", "rt-"):
        pool = sorted(i for i in records if i.startswith(prefix) and i not in used)
        chosen += rng.sample(pool, PER_SOURCE)
    return [{"id": i, "file": records[i]["file"], "window_end": window_end(records[i]["text"])} for i in chosen]


def qid_sources(data: Path) -> dict[str, set[str]]:
    """QID -> names under which a named source gives it (the bundled KB files, NEREL's Wikidata links)."""
    names: dict[str, set[str]] = defaultdict(set)
    kb = ROOT / "src" / "newsgraph" / "data" / "kb"
    for path in kb.glob("*.tsv"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        header = lines[0].split("\t")
        if "qid" not in header:
            continue
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t")))
            if row.get("qid", "").startswith("Q"):
                label = row.get("label") or row.get("ru") or row.get("name") or row.get("person") or ""
                names[row["qid"]].add(f"{path.name}: {label}")
    for ann in (data / "NEREL-v1.1").glob("*/*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("N") and "Wikidata:Q" in line:
                fields = line.split("\t")
                qid = fields[1].split("Wikidata:")[1]
                names[qid].add(f"NEREL: {fields[2] if len(fields) > 2 else ''}")
    return names


def expand(text: str, end: int, entries: list[tuple[str, str, str]]) -> list[dict]:
    """Every whole-word, case-sensitive occurrence of each listed surface inside the window; longer surfaces first."""
    taken = [False] * end
    mentions = []
    for surface, type_, qid in sorted(entries, key=lambda e: -len(e[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w])", text[:end]):
            s, e = match.span()
            if any(taken[s:e]):
                continue
            taken[s:e] = [True] * (e - s)
            mentions.append({"start": s, "end": e, "text": surface, "type": type_, "qid": qid})
    return sorted(mentions, key=lambda m: m["start"])


def read_worksheet(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """`# id` starts an article; then `surface<TAB>TYPE<TAB>QID|NIL|QID?` lines."""
    sheets: dict[str, list[tuple[str, str, str]]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("# "):
            current = line[2:].strip()
            sheets[current] = []
        elif line and current:
            surface, type_, qid = line.split("\t")
            if type_ not in TYPES or not (QID.fullmatch(qid) or qid in ("NIL", "QID?")):
                sys.exit(f"{current}: bad line {line!r}")
            sheets[current].append((surface, type_, qid))
    return sheets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("select", "prefill", "expand", "check"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--worksheet", type=Path, help="expand: the hand-written worksheet")
    parser.add_argument("--out", type=Path, default=ROOT / "devsets" / "linking-real" / "dev.jsonl")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/linking-real"))
    args = parser.parse_args()
    if args.command == "select":
        for row in select(args.data):
            print(json.dumps(row, ensure_ascii=False))
    elif args.command == "prefill":
        prefill(args.data, args.workdir)
    elif args.command == "expand":
        write_gold(args.data, read_worksheet(args.worksheet), args.out)
    else:
        check(args.data, args.out)


def prefill(data: Path, workdir: Path) -> None:
    """The pipeline's names (text, type, link) per article window: a starting point to correct by reading."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.doc import Article, coarse_type
    from newsgraph.pipeline import default_pipeline

    records = load_realnews(data)
    workdir.mkdir(parents=True, exist_ok=True)
    pipeline = default_pipeline()
    for row in select(data):
        text = records[row["id"]]["text"]
        doc = pipeline(Article.create(text, id=row["id"]))
        kb_of = {m: e.kb_id for e in doc.entities for m in e.mentions}
        seen = []
        for m in sorted(doc.mentions, key=lambda m: m.start):
            if m.end <= row["window_end"]:
                line = f"{doc.span_text(m)}\t{coarse_type(m.type)}\t{kb_of.get(m.id) or 'NIL'}"
                if line not in seen:
                    seen.append(line)
        (workdir / f"{row['id']}.txt").write_text(text[: row["window_end"]], encoding="utf-8")
        (workdir / f"{row['id']}.pre").write_text("\n".join(seen) + "\n", encoding="utf-8")


def write_gold(data: Path, sheets: dict, out: Path) -> None:
    records = load_realnews(data)
    rows = select(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            if row["id"] not in sheets:
                continue
            text = records[row["id"]]["text"]
            mentions = expand(text, row["window_end"], sheets[row["id"]])
            for surface in {e[0] for e in sheets[row["id"]]} - {m["text"] for m in mentions}:
                print(f"{row['id']}: {surface!r} not found in the window", file=sys.stderr)
            f.write(json.dumps({**row, "mentions": mentions}, ensure_ascii=False) + "\n")


def check(data: Path, out: Path) -> None:
    """Offsets match the texts; every QID is given by a named source (printed for reading)."""
    records = load_realnews(data)
    sources = qid_sources(data)
    counts: dict[str, int] = defaultdict(int)
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = records[row["id"]]["text"]
        for m in row["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (row["id"], m)
            counts["QID" if QID.fullmatch(m["qid"]) else m["qid"]] += 1
            if QID.fullmatch(m["qid"]) and m["qid"] not in sources:
                print(f"UNCONFIRMED {row['id']} {m['text']} {m['qid']}")
    for qid, names in sorted({m["qid"]: sources.get(m["qid"], set()) for line in out.read_text(encoding="utf-8").splitlines()
                              for m in json.loads(line)["mentions"] if QID.fullmatch(m["qid"])}.items()):
        print(qid, "; ".join(sorted(names))[:160])
    print(dict(counts))


if __name__ == "__main__":
    main()
