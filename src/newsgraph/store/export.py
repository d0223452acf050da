"""Exports for other tools: article JSONL, quote and event CSV, PLOVER event records, graph files.

Each reads the store page by page, so an export of the whole store never holds it in memory
at once (the graph, capped at `GRAPH_NODES` nodes, is the exception).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from .db import Store
from .filters import DateLike, within
from .queries import events_list, graph, quotes_list
from .schema import articles

PAGE = 1000
GRAPH_NODES = 5000
FORMATS = ("jsonl", "quotes-csv", "events-csv", "plover-json", "graphml", "gexf")


def pages(query: Callable[..., list[dict[str, Any]]], store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    offset = 0
    while batch := query(store, limit=PAGE, offset=offset, **filters):
        yield from batch
        offset += len(batch)


def write_jsonl(store: Store, out: IO[str], since: DateLike = None, until: DateLike = None) -> int:
    """The articles (published in the period) in the analyze JSON format, one per line, in storing order."""
    written = 0
    query = select(articles.c.record).where(*within(articles.c.published, since, until)).order_by(articles.c.num)
    with store.read() as conn:
        rows = conn.execution_options(yield_per=200).execute(query)
        for record in rows.scalars():
            out.write(record + "\n")
            written += 1
    return written


def names(people: list[dict[str, Any]], key: str = "name") -> str:
    return "; ".join(str(p[key]) for p in people if p.get(key))


def quote_csv_row(q: dict[str, Any]) -> dict[str, Any]:
    speaker = q["speaker"] or {}
    return {
        "id": q["id"], "article_id": q["article_id"], "published": q["article"]["published"],
        "url": q["article"]["url"], "speaker": speaker.get("name"), "speaker_id": speaker.get("id"),
        "speaker_kb_id": speaker.get("kb_id"), "speaker_name": q["speaker_name"], "kind": q["kind"],
        "text": q["text"], "cue": q["cue"], "via": q["via"], "start": q["start"], "end": q["end"],
        "sentence": q["sentence"]["text"], "source": q["source"],
    }


def event_csv_row(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"], "article_id": e["article_id"], "published": e["article"]["published"],
        "url": e["article"]["url"], "day": e["day"], "date": e["date"], "date_text": e["date_text"],
        "date_precision": e["date_precision"], "type": e["type"], "mode": e["mode"], "modality": e["modality"],
        "actors": names(e["actors"]), "actor_ids": names(e["actors"], "id"),
        "recipients": names(e["recipients"]), "recipient_ids": names(e["recipients"], "id"),
        "place": (e["place"] or {}).get("name"), "trigger": e["trigger"]["text"],
        "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
        "sentence": e["sentence"]["text"], "source": e["source"],
    }


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    writer = None
    written = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        written += 1
    return written


def write_quotes_csv(store: Store, out: IO[str], **filters: Any) -> int:
    return write_csv((quote_csv_row(q) for q in pages(quotes_list, store, **filters)), out)


def write_events_csv(store: Store, out: IO[str], **filters: Any) -> int:
    return write_csv((event_csv_row(e) for e in pages(events_list, store, **filters)), out)


def plover_actor(entity: dict[str, Any]) -> dict[str, Any]:
    return {"identifier_id": entity["kb_id"], "identifier_text": entity["name"], "entity_id": entity["id"],
            "type": entity["type"]}


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER JSON field names (PLOVER manual, "PLOVER JSON" table), plus our provenance."""
    return {
        "id": e["id"], "date": e["day"], "event": [e["type"]], "mode": [e["mode"]] if e["mode"] else [],
        "actor": [plover_actor(a) for a in e["actors"]], "recipient": [plover_actor(r) for r in e["recipients"]],
        "event_loc": {"name": e["place"]["name"]} if e["place"] else None,
        "event_text": [e["trigger"]["text"]], "text": e["sentence"]["text"],
        "cite_info": {**e["article"], "sentence_start": e["sentence"]["start"], "sentence_end": e["sentence"]["end"]},
        "modality": e["modality"], "date_text": e["date_text"], "date_precision": e["date_precision"],
        "coder": f"newsgraph:{e['source']}",
    }


def write_plover(store: Store, out: IO[str], **filters: Any) -> int:
    """PLOVER records as JSONL, the layout the PLOVER manual recommends."""
    written = 0
    for e in pages(events_list, store, **filters):
        out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
        written += 1
    return written


def interaction_graph(store: Store, **filters: Any):
    """The `graph` query as a networkx graph; event types go in one text attribute (GraphML has no lists)."""
    import networkx as nx

    data = graph(store, nodes=filters.pop("nodes", GRAPH_NODES), **filters)
    g = nx.Graph()
    for node in data["nodes"]:
        g.add_node(node["id"], label=node["name"], type=node["type"], kb_id=node["kb_id"] or "",
                   articles=node["articles"])
    for edge in data["edges"]:
        kinds = "; ".join(f"{i['actor']}→{i['recipient']} {i['type']} ×{i['count']}" for i in edge["interactions"])
        g.add_edge(edge["source"], edge["target"], weight=edge["weight"], events=edge["events"],
                   co_mentions=edge["co_mentions"], interactions=kinds)
    return g


def export(store: Store, format: str, path: Path, **filters: Any) -> int:
    """Write `format` to `path`; returns how many records (or graph nodes) were written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}, expected one of {', '.join(FORMATS)}")
    if format in ("graphml", "gexf"):
        import networkx as nx

        g = interaction_graph(store, **filters)
        (nx.write_graphml if format == "graphml" else nx.write_gexf)(g, str(path))
        return g.number_of_nodes()
    writers = {"jsonl": write_jsonl, "quotes-csv": write_quotes_csv, "events-csv": write_events_csv,
               "plover-json": write_plover}
    with open(path, "w", encoding="utf-8", newline="") as out:
        return writers[format](store, out, **filters)
