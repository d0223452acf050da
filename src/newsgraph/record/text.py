"""Plain-text lines for the record's CLI output."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def names(people: list[dict[str, Any]]) -> str:
    return ", ".join((p["name"] or p["id"]) + (" (group)" if p.get("group") else "") for p in people) or "?"


def instance_lines(found: list[dict[str, Any]]) -> Iterator[str]:
    for i in found:
        who = names(i["actors"]) + (f" → {names(i['recipients'])}" if i["recipients"] else "")
        link = f"  plan → {i['outcome']}" if i["outcome"] else (f"  carries out {i['plan_of']}" if i["plan_of"] else "")
        reports = f"{i['reports']} report{'' if i['reports'] == 1 else 's'}"
        yield f"{i['day'] or '?'}  {i['type']:<9} {i['modality']:<9} {who}  [{reports}]  {i['id']}{link}"
        for s in i["sources"]:
            yield f"    {s['article']['published'] or '?'} {s['article']['id'][:12]}  {s['sentence']['text']}"


def member_lines(found: list[dict[str, Any]]) -> Iterator[str]:
    for m in found:
        yield f"{m['id']}\t{m['name'] or ''}\t{m['since'] or '…'} – {m['until'] or 'now'}\t({m['origin']})"


def correction_line(c: Any) -> str:
    data = c if isinstance(c, dict) else c.to_json()
    fields = " ".join(f"{k}={v}" for k, v in data["fields"].items())
    return f"#{data['id']} {data['article_id']} {data['kind']} {data['action']} {data['start']}..{data['end']} {fields}"
