"""Build devsets/quotes.jsonl from the readable devsets/quotes.src.txt, so no offset is counted by hand.

Source format (docs/quotes.md): articles start with `=== id | published | title`;
a gold quote is `[[content]]{kind|speaker|via=medium}` with kind d/i/m, speaker `?`
for nobody and `anon:NAME` for an anonymous source. Lines starting with `#` before
the first article are comments.

    .venv/bin/python scripts/build_quotes_devset.py [SRC] [OUT]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[(.+?)\]\]\{([dim])\|([^|}]*)(?:\|via=([^}]*))?\}", re.S)
KINDS = {"d": "direct", "i": "indirect", "m": "mixed"}


def parse_article(header: str, body: str) -> dict:
    article_id, published, title = (part.strip() for part in header.split("|"))
    text, quotes, cursor, last = [], [], 0, 0
    for match in MARK.finditer(body):
        text.append(body[last : match.start()])
        cursor += match.start() - last
        content, kind, speaker, via = match.groups()
        anonymous = speaker.startswith("anon:")
        speaker = speaker.removeprefix("anon:").strip()
        quotes.append(
            {
                "start": cursor,
                "end": cursor + len(content),
                "text": content,
                "kind": KINDS[kind],
                "speaker": None if speaker == "?" else speaker,
                "anonymous": anonymous,
                "via": via,
            }
        )
        text.append(content)
        cursor += len(content)
        last = match.end()
    text.append(body[last:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        raise ValueError(f"{article_id}: unbalanced [[ ]] markup")
    for quote in quotes:
        assert plain[quote["start"] : quote["end"]] == quote["text"]
    return {"id": article_id, "published": published, "title": title, "text": plain, "quotes": quotes}


def build(source: Path) -> list[dict]:
    chunks = re.split(r"^=== (.+)$", source.read_text(encoding="utf-8"), flags=re.M)
    return [parse_article(header, body.strip("\n") + "\n") for header, body in zip(chunks[1::2], chunks[2::2])]


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "devsets/quotes.src.txt")
    output = Path(sys.argv[2] if len(sys.argv) > 2 else "devsets/quotes.jsonl")
    articles = build(source)
    with output.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {sum(len(a['quotes']) for a in articles)} quotes → {output}")


if __name__ == "__main__":
    main()
