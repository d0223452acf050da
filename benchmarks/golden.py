"""Golden check for speed work: the full analysis of real-news articles, byte for byte, before and after.

Run by hand, not in the test suite (the articles are read from ../shared/data, never copied here):

    .venv/bin/python benchmarks/golden.py write /tmp/golden-before.jsonl     # on the code before the change
    .venv/bin/python benchmarks/golden.py compare /tmp/golden-before.jsonl   # on the code after it

Each line is one article's JSON (or its recorded failure), in corpus order, so a change that
only makes the pipeline faster must leave every line equal.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from corpus import SHARED, real_corpus


def analysed_lines(real: int, data: Path) -> list[str]:
    from newsgraph.doc import Article
    from newsgraph.engines import analyze_stream

    articles = [Article.create(text, id=ident) for name in ("ng", "rt") for ident, text in real_corpus(name, real, data)]
    lines = []
    for result in analyze_stream(articles):
        body = result.to_json() if isinstance(result, Article) else {"failure": asdict(result)}
        lines.append(json.dumps(body, ensure_ascii=False, sort_keys=True, default=str))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["write", "compare"])
    parser.add_argument("path", type=Path, help="the golden JSONL (written, or compared against)")
    parser.add_argument("--real", type=int, default=40, help="articles from each of NG and RT (default 40)")
    parser.add_argument("--data", type=Path, default=SHARED, help="the shared data folder")
    args = parser.parse_args()
    lines = analysed_lines(args.real, args.data)
    if args.action == "write":
        args.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} analysed articles to {args.path}")
        return
    golden = args.path.read_text(encoding="utf-8").splitlines()
    differing = [json.loads(line).get("id", line[:60]) for line, old in zip(lines, golden) if line != old]
    if len(golden) != len(lines):
        differing.append(f"{len(golden)} golden lines, {len(lines)} now")
    print(f"{len(lines) - len(differing)} of {len(lines)} articles equal to {args.path}")
    if differing:
        print("differ: " + ", ".join(map(str, differing)))
        sys.exit(1)


if __name__ == "__main__":
    main()
