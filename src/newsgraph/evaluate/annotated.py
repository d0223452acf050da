"""Score quotes and events against real articles annotated by the project's ANNOTATION.md.

The gold is one JSON object per article (`doc`, `published`, `quotes`, `events`), the texts
stay where the corpora keep them. The matching is the held-out scorer's, so the figures
mean the same: quotes pair one-to-one, best character Jaccard first, at ≥ 0.5; an event
matches a predicted one of its type whose trigger overlaps, else one of its type in the same
sentence (nearest first). Names match when equal after folding case, `ё` and punctuation,
or when their last words agree and are longer than three letters.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")


class TextsError(ValueError):
    pass


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_jsonl(path: Path) -> dict[str, dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return {str(r["id"]): r for r in map(json.loads, f) if r}


def corpus_texts(data: Path, ids: Iterable[str]) -> dict[str, dict]:
    """Articles by id from the shared corpora: `ng-…`/`rt-…` in realnews, `factru-NAME` in
    factRuEval-2016 (devset or testset), `nerel-NAME` in NEREL-v1.1 (dev, train or test)."""
    wanted = set(ids)
    found: dict[str, dict] = {}
    if any(i.startswith(("ng-", "rt-")) for i in wanted):
        for name in ("ng", "rt"):
            path = data / "realnews" / f"{name}.jsonl.gz"
            if path.exists():
                found.update({k: v for k, v in read_jsonl(path).items() if k in wanted})
    folders = {"factru-": ("factRuEval-2016", ("devset", "testset")), "nerel-": ("NEREL-v1.1", ("dev", "train", "test"))}
    for doc in wanted - found.keys():
        prefix = next((p for p in folders if doc.startswith(p)), None)
        if prefix is None:
            continue
        corpus, parts = folders[prefix]
        for part in parts:
            path = data / corpus / part / f"{doc[len(prefix):]}.txt"
            if path.exists():
                found[doc] = {"id": doc, "text": path.read_text(encoding="utf-8")}
                break
    missing = sorted(wanted - found.keys())
    if missing:
        raise TextsError(f"{len(missing)} annotated articles not found under {data}: {', '.join(missing[:5])}")
    return found


def fold(name: str | None) -> str:
    return " ".join(re.findall(r"\w+", (name or "").lower().replace("ё", "е")))


def names_match(predicted: str, gold_names: Iterable[str]) -> bool:
    p = fold(predicted)
    if not p:
        return False
    golds = {fold(g) for g in gold_names if g}
    last = p.split()[-1]
    return p in golds or (len(last) > 3 and any(g.split() and g.split()[-1] == last for g in golds))


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def sentence_start(text: str, position: int) -> int:
    return next((m.start() for m in SENTENCE.finditer(text) if m.start() <= position < m.end()), -1)


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def entity_names(record: dict) -> dict[str, list[str]]:
    return {e.get("id"): [n for n in [e.get("name")] + [m.get("text") for m in e.get("mentions", [])] if n]
            for e in record.get("entities", [])}


def with_aliases(names: list[str], aliases: dict) -> list[str]:
    return names + [a for n in names for a in aliases.get(n, [])]


@dataclass
class AnnotatedScores:
    quotes: dict = field(default_factory=lambda: dict(gold=0, pred=0, match=0, speaker=0, kind=0, via_gold=0, via=0))
    events: dict = field(default_factory=lambda: dict(gold=0, pred=0, match=0, actor=0, modality=0, recipient_gold=0,
                                                       recipient=0, date_gold=0, date=0))
    errors: list[dict] = field(default_factory=list)
    docs: int = 0

    @staticmethod
    def prf(c: dict) -> tuple[float, float, float]:
        p = c["match"] / c["pred"] if c["pred"] else 0.0
        r = c["match"] / c["gold"] if c["gold"] else 0.0
        return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0

    def to_json(self) -> dict:
        q, e = self.quotes, self.events

        def share(n: int, d: int) -> float | None:
            return round(n / d, 3) if d else None
        qp, qr, qf = self.prf(q)
        ep, er, ef = self.prf(e)
        return {
            "docs": self.docs,
            "quotes": {"gold": q["gold"], "pred": q["pred"], "precision": qp, "recall": qr, "f1": qf,
                       "speaker_acc": share(q["speaker"], q["match"]), "kind_acc": share(q["kind"], q["match"]),
                       "via_acc": share(q["via"], q["via_gold"]), "via_gold_matched": q["via_gold"]},
            "events": {"gold": e["gold"], "pred": e["pred"], "precision": ep, "recall": er, "f1": ef,
                       "actor_acc": share(e["actor"], e["match"]), "recipient_acc": share(e["recipient"], e["recipient_gold"]),
                       "modality_acc": share(e["modality"], e["match"]), "date_acc": share(e["date"], e["date_gold"]),
                       "dated_matched": e["date_gold"]},
        }


def score_annotated(gold: list[dict], predicted: dict[str, dict], texts: dict[str, dict]) -> AnnotatedScores:
    scores = AnnotatedScores(docs=len(gold))
    for g in gold:
        text = texts[g["doc"]]["text"]
        p = predicted.get(g["doc"], {})
        names = entity_names(p)
        score_quotes(scores, g, p, names)
        score_events(scores, g, p, names, text)
    return scores


def score_quotes(scores: AnnotatedScores, g: dict, p: dict, names: dict[str, list[str]]) -> None:
    c = scores.quotes
    gold, pred = g.get("quotes", []), p.get("quotes", [])
    c["gold"] += len(gold)
    c["pred"] += len(pred)
    pairs = sorted(((jaccard((a["start"], a["end"]), (b["start"], b["end"])), i, j)
                    for i, a in enumerate(gold) for j, b in enumerate(pred)), reverse=True)
    used_gold, used_pred = set(), set()
    for overlap, i, j in pairs:
        if overlap < 0.5 or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        a, b = gold[i], pred[j]
        c["match"] += 1
        c["kind"] += a["kind"] == b.get("kind")
        said = [b.get("speaker_name")] + [n for r in as_list(b.get("speaker")) for n in names.get(r, [])]
        right = any(names_match(n, [a["speaker"]] + a.get("speaker_aliases", [])) for n in said if n)
        c["speaker"] += right
        if a.get("via"):
            c["via_gold"] += 1
            relayed = [b.get("via_name")] + [n for r in as_list(b.get("via")) for n in names.get(r, [r])]
            c["via"] += any(names_match(n, [a["via"]]) for n in relayed if n)
        if not right or a["kind"] != b.get("kind"):
            scores.errors.append({"doc": g["doc"], "what": "quote", "gold": a, "pred": b})
    for i, a in enumerate(gold):
        if i not in used_gold:
            scores.errors.append({"doc": g["doc"], "what": "quote missed", "gold": a})
    for j, b in enumerate(pred):
        if j not in used_pred:
            scores.errors.append({"doc": g["doc"], "what": "quote spurious", "pred": b})


def score_events(scores: AnnotatedScores, g: dict, p: dict, names: dict[str, list[str]], text: str) -> None:
    c = scores.events
    gold, pred = g.get("events", []), p.get("events", [])
    c["gold"] += len(gold)
    c["pred"] += len(pred)
    used = set()
    for a in gold:
        best = None
        for j, b in enumerate(pred):
            trigger = b.get("trigger") or {}
            if j in used or b.get("type") != a["type"] or "start" not in trigger:
                continue
            overlap = jaccard((a["trigger_start"], a["trigger_end"]), (trigger["start"], trigger["end"])) > 0
            if overlap or sentence_start(text, a["trigger_start"]) == sentence_start(text, trigger["start"]):
                rank = (overlap, -abs(a["trigger_start"] - trigger["start"]))
                if best is None or rank > best[0]:
                    best = (rank, j)
        if best is None:
            scores.errors.append({"doc": g["doc"], "what": "event missed", "gold": a})
            continue
        used.add(best[1])
        b = pred[best[1]]
        c["match"] += 1
        wrong = []
        if a["modality"] == b.get("modality"):
            c["modality"] += 1
        else:
            wrong.append("modality")
        if a.get("date"):
            c["date_gold"] += 1
            if a["date"] == b.get("date"):
                c["date"] += 1
            else:
                wrong.append("date")
        actors = [n for r in as_list(b.get("actor")) for n in names.get(r, [r])]
        if any(names_match(n, with_aliases(a["actor"], a.get("actor_aliases", {}))) for n in actors):
            c["actor"] += 1
        else:
            wrong.append("actor")
        if a.get("recipient"):
            c["recipient_gold"] += 1
            recipients = [n for r in as_list(b.get("recipient")) for n in names.get(r, [r])]
            if any(names_match(n, with_aliases(a["recipient"], a.get("recipient_aliases", {}))) for n in recipients):
                c["recipient"] += 1
            else:
                wrong.append("recipient")
        if wrong:
            scores.errors.append({"doc": g["doc"], "what": "event " + "/".join(wrong), "gold": a, "pred": b})
    for j, b in enumerate(pred):
        if j not in used:
            scores.errors.append({"doc": g["doc"], "what": "event spurious", "pred": b})
