"""Query results as short human-readable lines, for the terminal (`--json` prints them raw)."""

from __future__ import annotations

from typing import Any

from ..wording import counted


def names(people: list[dict[str, Any]]) -> str:
    return ", ".join(p["name"] for p in people) or "?"


def quote_line(q: dict[str, Any]) -> str:
    """Only direct speech goes in quotation marks; indirect and mixed speech is labelled as such, since
    it is the article's paraphrase (with the speaker's own words, for mixed, in the marks it already has)."""
    speaker = (q["speaker"] or {}).get("name") or q["speaker_name"] or "?"
    said = f"«{q['text']}»" if q.get("kind") == "direct" else f"({q.get('kind') or 'indirect'} speech) {q['text']}"
    return f"{q['article']['published'] or '—'}  {speaker}: {said}  [{q['article_id']}]"


def event_line(e: dict[str, Any]) -> str:
    recipients = f" → {names(e['recipients'])}" if e["recipients"] else ""
    modality = "" if e["modality"] in (None, "asserted") else f" ({e['modality']})"
    return (f"{e['day'] or '—'}  {e['type']}{modality}  {names(e['actors'])}{recipients}  "
            f"«{e['trigger']['text']}»  [{e['article_id']}]\n    {e['sentence']['text']}")


def article_line(a: dict[str, Any]) -> str:
    line = f"{a['published'] or '—'}  {a['headline']}  [{a['id']}]"
    return line + (f"\n    {a['snippet']}" if a.get("snippet") else "")


def search_lines(result: dict[str, Any]) -> list[str]:
    lines = [f"{counted(len(result['articles']), 'article')}, {counted(len(result['quotes']), 'quote')} for «{result['query']}»"]
    lines += [article_line(a) for a in result["articles"]]
    lines += [quote_line(q) for q in result["quotes"]]
    return lines


def timeline_lines(buckets: list[dict[str, Any]]) -> list[str]:
    widest = max((b["events"] for b in buckets), default=1)
    return [
        f"{b['period']}  {'█' * max(1, round(20 * b['events'] / widest)):<20} {b['events']:>5}  "
        + ", ".join(f"{t} {n}" for t, n in sorted(b["types"].items(), key=lambda kv: -kv[1]))
        for b in buckets
    ]


def profile_lines(profile: dict[str, Any]) -> list[str]:
    e = profile["entity"]
    lines = [f"{e['name']} ({e['type']}{', ' + e['kb_id'] if e['kb_id'] else ''})  id {e['id']}",
             f"  in {counted(e['articles'], 'article')}, {counted(e['mentions'], 'mention')}"]
    if profile["others"]:
        lines.append("  also matching: " + ", ".join(f"{o['name']} [{o['id']}]" for o in profile["others"]))
    lines.append("mentions over time: " + ", ".join(f"{m['period']} {m['mentions']}" for m in profile["mentions_over_time"]))
    sections = (("quotes", quote_line), ("events_as_actor", event_line), ("events_as_recipient", event_line))
    for key, line in sections:
        lines.append(f"{key.replace('_', ' ')} ({len(profile[key])}):")
        lines += ["  " + line(item) for item in profile[key]]
    lines.append("appears with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in profile["co_occurring"]))
    return lines
