"""Rebuild the trigger classifier (src/newsgraph/stages/events/trigger_model.*) from annotated articles.

    PYTHONPATH=src .venv/bin/python scripts/train_triggers.py devsets/real/dev.jsonl --data /work/shared/data
    PYTHONPATH=src .venv/bin/python scripts/train_triggers.py GOLD --texts TEXTS.jsonl --folds 5 --no-save

Labels come from the gold triggers (ANNOTATION.md): the span's syntactic head (and any word of the span the
lexicon knows) carries the event's PLOVER type, every other content word is `O`. `--folds K` also prints
K-fold cross-validation by article: train on the other folds, run the events stage on the held-out articles
with that model, score with `newsgraph evaluate annotated`'s scorer and sum the counts; the lexicon alone
and the in-sample model are printed beside it. Never train on the lockbox.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from newsgraph.doc import Article
from newsgraph.evaluate.annotated import corpus_texts, read_gold, read_jsonl, score_annotated
from newsgraph.jsonl import article_from_record
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.stages.bodies import Bodies
from newsgraph.stages.events import Events
from newsgraph.stages.events.model import LABELS, TriggerModel, fit, sentence_features
from newsgraph.stages.events.participants import children
from newsgraph.stages.events.triggers import lexicon_candidates
from newsgraph.stages.segment import sentence_tokens


def analyse_before_events(records: list[dict], texts: dict[str, dict]) -> list[Article]:
    """The articles through every stage before `events` (the parse, entities, quotes)."""
    stages = default_pipeline(events=Events(lexicon_only=True)).stages
    upto = Pipeline(stages[: [s.name for s in stages].index("events")])
    docs = [article_from_record({**texts[r["doc"]], "published": r.get("published") or texts[r["doc"]].get("published")})
            for r in records]
    out = list(upto.map(docs))
    failed = [d for d in out if not isinstance(d, Article)]
    if failed:
        sys.exit(f"analysis failed: {failed}")
    return out


def gold_labels(doc: Article, gold: dict) -> dict[int, str]:
    """Token → PLOVER type: the head of each gold trigger span, and the span's words the lexicon knows."""
    labels: dict[int, str] = {}
    for event in gold.get("events", []):
        span = [i for i, t in enumerate(doc.tokens) if t.start < event["trigger_end"] and t.end > event["trigger_start"]]
        content = [i for i in span if doc.tokens[i].pos in {"NOUN", "VERB", "ADJ"}]
        if not content:
            continue
        heads = [i for i in content if doc.tokens[i].head is not None and doc.tokens[i].head not in span]
        if not heads:  # unparsed: the first verb, else the first noun
            heads = [next((i for i in content if doc.tokens[i].pos == "VERB"), content[0])]
        known = {c.trigger for c in lexicon_candidates(doc, children(doc.tokens), span)}
        for i in heads[:1] + [i for i in content if i in known]:
            labels[i] = event["type"]
    return labels


def dataset(docs: list[Article], golds: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per article: (features, label indices) of its content words."""
    out = []
    for doc, gold in zip(docs, golds):
        labels = gold_labels(doc, gold)
        kids = children(doc.tokens)
        xs, ys = [], []
        for ids in sentence_tokens(doc):
            if not ids:
                continue
            words, x = sentence_features(doc, ids, {c.trigger: c.cue.type for c in lexicon_candidates(doc, kids, ids)})
            xs.append(x)
            ys += [LABELS.index(labels.get(i, "O")) for i in words]
        out.append((np.concatenate(xs), np.array(ys, dtype=np.int64)))
    return out


def train(parts: list[tuple[np.ndarray, np.ndarray]], args: argparse.Namespace) -> TriggerModel:
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    weight = np.where(y == 0, 1.0, args.event_weight).astype(np.float32)
    return fit(x, y, weight, l2=args.l2, steps=args.steps, add=args.add, veto=args.veto)


def predict(docs: list[Article], events: Events) -> dict[str, dict]:
    return {d.id: d.to_json() for d in Bodies().map(events.map(docs))}


def line(name: str, scores) -> str:
    e = scores.to_json()["events"]
    return (f"{name:<14} gold {e['gold']}  pred {e['pred']}  P {e['precision']:.3f}  R {e['recall']:.3f}  "
            f"F1 {e['f1']:.3f}  actor {e['actor_acc']}  recipient {e['recipient_acc']}  modality {e['modality_acc']}")


def fold_of(doc_id: str, folds: int) -> int:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % folds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="annotated articles (ANNOTATION.md JSONL)")
    parser.add_argument("--data", type=Path, help="folder of the shared corpora holding the texts")
    parser.add_argument("--texts", type=Path, help="or a JSONL of {id, text, published}")
    parser.add_argument("--folds", type=int, default=0, help="also report K-fold cross-validation by article")
    parser.add_argument("--no-save", action="store_true", help="do not write the model into the package")
    parser.add_argument("--event-weight", type=float, default=3.0)
    parser.add_argument("--l2", type=float, default=3e-3)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--add", type=float, default=0.5, help="least event probability to add a trigger")
    parser.add_argument("--veto", type=float, default=1.0,
                        help="least `O` probability to drop a lexicon trigger (1: never; vetoes lost F1 in cross-validation)")
    args = parser.parse_args()
    if (args.data is None) == (args.texts is None):
        parser.error("give the texts with exactly one of --data or --texts")
    golds = read_gold(args.gold)
    texts = read_jsonl(args.texts) if args.texts else corpus_texts(args.data, [g["doc"] for g in golds])
    docs = analyse_before_events(golds, texts)
    parts = dataset(docs, golds)
    model = train(parts, args)
    print(f"$ {' '.join(sys.argv)}\n{len(docs)} articles, {sum(len(p[1]) for p in parts)} words, "
          f"{sum(int((p[1] > 0).sum()) for p in parts)} trigger words")
    if args.folds:
        print(line("lexicon", score_annotated(golds, predict(docs, Events(lexicon_only=True)), texts)))
        print(line("in-sample", score_annotated(golds, predict(docs, Events(model)), texts)))
        predicted: dict[str, dict] = {}
        for k in range(args.folds):
            held = [i for i, g in enumerate(golds) if fold_of(g["doc"], args.folds) == k]
            fold_model = train([p for i, p in enumerate(parts) if i not in held], args)
            predicted |= predict([docs[i] for i in held], Events(fold_model))
        print(line(f"{args.folds}-fold CV", score_annotated(golds, predicted, texts)))
    if not args.no_save:
        model.save(articles=len(docs), trained_on=args.gold.name, event_weight=args.event_weight, l2=args.l2,
                   steps=args.steps)
        print("saved the model beside src/newsgraph/stages/events/model.py")


if __name__ == "__main__":
    main()
