"""F1 with each mention rule left out, on NEREL and factRuEval dev (docs/benchmarks-ner.md).

    .venv/bin/python scripts/ablate_ner_rules.py NEREL_DEV_DIR FACTRU_DEV_DIR

Parses each corpus once (the stages before `ner`), then re-runs only the NER stage with
each rule removed, and prints a Markdown table: the F1 with all rules, each rule's
difference when left out (negative = the rule helps), and plain natasha's F1.
"""

from __future__ import annotations

import sys

from newsgraph.doc import Article
from newsgraph.evaluate.formats import read_corpus
from newsgraph.evaluate.ner import TYPES, article_spans, natasha_system, score_ner
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.stages.mention_rules import RULES
from newsgraph.stages.ner import NER

MEASURES = ("strict", "token")


def parsed(directory: str, format: str) -> tuple[list, list[Article]]:
    docs = read_corpus(directory, format)
    stages = default_pipeline().stages
    before_ner = Pipeline(stages[: [s.name for s in stages].index("ner")])
    return docs, list(before_ner.map(Article.create(d.text, id=d.id) for d in docs))


def f1s(corpora: dict, systems: dict) -> dict[tuple[str, str, str], float]:
    out = {}
    for format, (docs, _) in corpora.items():
        scores = score_ner(docs, systems[format], format)
        for measure in MEASURES:
            for type in TYPES:
                out[(format, measure, type)] = 100 * getattr(scores, measure)[type].f1
    return out


def with_rules(corpora: dict, rules) -> dict[tuple[str, str, str], float]:
    return f1s(corpora, {f: [article_spans(a) for a in NER(rules).map(arts)] for f, (_, arts) in corpora.items()})


def main(nerel: str, factru: str) -> None:
    corpora = {"brat": parsed(nerel, "brat"), "factru": parsed(factru, "factru")}
    full = with_rules(corpora, RULES)
    columns = list(full)
    print("| rule left out | " + " | ".join(" ".join(c) for c in columns) + " |")
    print("|" + "---|" * (len(columns) + 1))
    print("| (all rules) | " + " | ".join(f"{full[c]:.2f}" for c in columns) + " |")
    for rule in RULES:
        left_out = with_rules(corpora, tuple(r for r in RULES if r is not rule))
        print(f"| `{rule.__name__}` | " + " | ".join(f"{left_out[c] - full[c]:+.2f}" for c in columns) + " |")
    natasha = f1s(corpora, {f: natasha_system(docs) for f, (docs, _) in corpora.items()})
    print("| none (plain natasha) | " + " | ".join(f"{natasha[c]:.2f}" for c in columns) + " |")


if __name__ == "__main__":
    main(*sys.argv[1:3])
