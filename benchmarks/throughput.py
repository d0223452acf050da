"""Throughput of newsgraph's full pipeline beside plain natasha's full Doc pipeline, per core.

Run by hand, not in the test suite:

    .venv/bin/python benchmarks/throughput.py                      # 1 core each, real news (NG, RT)
    .venv/bin/python benchmarks/throughput.py --join               # and the same texts as one long article
    .venv/bin/python benchmarks/throughput.py --corpus sample      # the generated corpus of earlier runs
    .venv/bin/python benchmarks/throughput.py --workers 1,2        # and the Dask scale-out

Real news is read from `--data` (default ../shared/data beside the repository), never copied.

Each measurement runs in its own subprocess, so peak RSS belongs to one system, with
numpy's BLAS held to one thread; single-core runs are pinned to one CPU. Models load and
warm up before the clock starts. chars/s is over wall time; chars/CPU-s over the
process's CPU time (a Dask run's: its workers'), which a machine shared with other jobs disturbs less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from corpus import REAL_SETS, SHARED, real_corpus, sample_corpus, shared_corpus

ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def natasha_system():
    """natasha's documented full pipeline: segment, morph, syntax, NER, lemmas, normal forms, names."""
    from natasha import (
        PER, Doc, MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
        NewsSyntaxParser, Segmenter,
    )

    emb = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    names = NamesExtractor(vocab)
    from newsgraph.runner import WARM_UP_TEXT  # the text only: natasha's process loads no newsgraph model

    def analyse(texts: list[str]) -> int:
        spans = 0
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for token in doc.tokens:
                token.lemmatize(vocab)
            for span in doc.spans:
                span.normalize(vocab)
                if span.type == PER:
                    span.extract_fact(names)
            spans += len(doc.spans)
        return spans

    analyse([WARM_UP_TEXT])
    return analyse, lambda: None


def newsgraph_system(workers: int, engine: str, stack: ExitStack, max_chars: int | None = None):
    """The default pipeline through the runner: in this process, or on `workers` local/Dask workers."""
    from newsgraph.doc import Article
    from newsgraph.engines import analyze_stream
    from newsgraph.runner import prepare_worker

    options = {}
    if max_chars is not None:  # without it, the code of before the budget can be measured too
        from newsgraph.budget import Budget

        options["budget"] = Budget(max_chars=max_chars)

    def count(results) -> int:
        found = 0
        for result in results:
            if not isinstance(result, Article):  # a recorded failure, as in a real run: counted, not hidden
                FAILED.append(result)
                print(f"benchmark article failed: {result}", file=sys.stderr)
                continue
            found += len(result.mentions) + len(result.quotes) + len(result.events)
        return found

    if engine == "dask":
        return _newsgraph_on_dask(workers, count, stack)
    if engine == "shards":
        return _newsgraph_to_shards(workers, stack)
    prepare_worker()
    return (lambda texts: count(analyze_stream((Article.create(t) for t in texts), workers, **options))), _children_rss


def stage_system():
    """The default pipeline stage by stage over the runner's chunks, timing each stage's CPU."""
    from newsgraph.doc import Article
    from newsgraph.runner import CHUNK, chunks, prepare_worker, shared_pipeline

    prepare_worker()
    spent = {stage.name: 0.0 for stage in shared_pipeline().stages}

    def analyse(texts: list[str]) -> int:
        for chunk in chunks((Article.create(t) for t in texts), CHUNK):
            for stage in shared_pipeline().stages:
                started = time.process_time()
                chunk = list(stage.map(chunk))
                spent[stage.name] += time.process_time() - started
        return 0

    return analyse, lambda: None, spent


def _newsgraph_on_dask(workers: int, count, stack: ExitStack):
    from newsgraph.distributed import analyze_with, dask_client
    from newsgraph.doc import Article
    from newsgraph.runner import WARM_UP_TEXT

    client = stack.enter_context(dask_client(None, workers))
    list(analyze_with(client, [Article.create(WARM_UP_TEXT)] * workers, partition=1))

    def analyse(texts: list[str]) -> int:
        before = sum(client.run(_own_cpu).values())
        found = count(analyze_with(client, (Article.create(t) for t in texts)))
        WORKER_CPU.append(sum(client.run(_own_cpu).values()) - before)
        return found

    def peak_rss() -> float:
        return max(client.run(_own_rss).values())

    return analyse, peak_rss


def _newsgraph_to_shards(workers: int, stack: ExitStack):
    """Dask workers writing shards (`analyze --shards`): only counts come back to the client."""
    from newsgraph.distributed import analyze_with, dask_client
    from newsgraph.doc import Article
    from newsgraph.runner import WARM_UP_TEXT
    from newsgraph.shards import shard_with

    client = stack.enter_context(dask_client(None, workers))
    list(analyze_with(client, [Article.create(WARM_UP_TEXT)] * workers, partition=1))
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))

    def analyse(texts: list[str]) -> int:
        before = sum(client.run(_own_cpu).values())
        report = shard_with(client, (Article.create(t) for t in texts), folder)
        WORKER_CPU.append(sum(client.run(_own_cpu).values()) - before)
        return report.analysed

    return analyse, lambda: max(client.run(_own_rss).values())


FAILED: list = []  # articles the pipeline recorded as failures in the measured run
WORKER_CPU: list[float] = []  # CPU seconds the Dask workers spent on the measured run


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _own_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_child(args: argparse.Namespace) -> None:
    if args.workers == 1 and args.engine == "local":
        os.sched_setaffinity(0, {args.cpu})
    texts = [json.loads(line)["text"] for line in Path(args.input).open(encoding="utf-8")]
    started = time.perf_counter()
    cluster = ExitStack()  # held until the process exits, so a Dask cluster stays up
    spent: dict[str, float] = {}
    if args.child == "natasha":
        analyse, worker_rss = natasha_system()
    elif args.child == "stages":
        analyse, worker_rss, spent = stage_system()
    else:  # newsgraph, on the articles or on all of them joined into one
        analyse, worker_rss = newsgraph_system(args.workers, args.engine, cluster, args.max_chars)
    loaded = time.perf_counter()
    cpu = time.process_time()
    found = analyse(texts)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - loaded
    print(json.dumps({
        "system": args.child, "workers": args.workers, "engine": "-" if args.child == "natasha" else args.engine,
        "articles": len(texts), "chars": sum(map(len, texts)), "found": found,
        # a Dask run's work is done by its workers: their CPU time, the client's beside it
        "load_s": round(loaded - started, 2), "wall_s": round(wall, 3), "cpu_s": round(sum(WORKER_CPU) or cpu, 3),
        "client_cpu_s": round(cpu, 3) if WORKER_CPU else None,
        "peak_rss_mb": round(max(_own_rss(), worker_rss() or 0), 1),
        "failed": len(FAILED),
        "stages": {name: round(seconds, 2) for name, seconds in spent.items()},
    }))
    os._exit(0)  # skip slow interpreter and cluster teardown; results are printed


def measure(system: str, workers: int, engine: str, corpus: Path, cpu: int, max_chars: int | None = None) -> dict:
    command = [sys.executable, __file__, "--child", system, "--input", str(corpus),
               "--workers", str(workers), "--engine", engine, "--cpu", str(cpu)]
    if max_chars is not None:
        command += ["--max-chars", str(max_chars)]
    done = subprocess.run(command, env={**os.environ, **ONE_THREAD}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{system} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict]) -> dict:
    """The median run by wall time, with the spread of chars/s over repeats."""
    rates = sorted(r["chars"] / r["wall_s"] for r in runs)
    best = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]
    return {
        **best,
        "chars_per_s": round(statistics.median(rates)),
        "chars_per_cpu_s": round(statistics.median(r["chars"] / r["cpu_s"] for r in runs)),
        "articles_per_s": round(statistics.median(r["articles"] / r["wall_s"] for r in runs), 1),
        "range": f"{rates[0]:,.0f}–{rates[-1]:,.0f}",
        "repeats": len(runs),
    }


def write_corpus(names: list[str], articles: int, real: int, data: Path, folder: Path, join: bool = False) -> Path:
    """The corpus as JSONL; `join`: all its texts as one article (paragraphs apart), to measure cost against length."""
    items = []
    for name in names:
        if name == "sample":
            items += sample_corpus(articles)
        elif name in REAL_SETS:
            items += real_corpus(name, real, data)
        else:
            items += shared_corpus(name, data)
    if join:
        items = [("joined", "\n\n".join(text for _, text in items))]
    path = folder / ("joined.jsonl" if join else "corpus.jsonl")
    with path.open("w", encoding="utf-8") as out:
        for ident, text in items:
            out.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    return path


def table(rows: list[dict]) -> str:
    head = "| system | workers | articles | chars | chars/s | chars/CPU-s | articles/s | peak RSS MB | load s | chars/s range |"
    lines = [head, "|---" * 10 + "|"]
    for r in rows:
        workers = f"{r['workers']} ({r['engine']})" if r["system"] == "newsgraph" else str(r["workers"])
        cpu_rate = f"{r['chars_per_cpu_s']:,}"
        lines.append(
            f"| {r['system']} | {workers} | {r['articles']} | {r['chars']:,} | {r['chars_per_s']:,} | {cpu_rate} "
            f"| {r['articles_per_s']} | {r['peak_rss_mb']:.0f} | {r['load_s']} | {r['range']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="ng,rt",
                        help="comma list of ng, rt (real news), sample (the generated corpus), nerel, factru (default: ng,rt)")
    parser.add_argument("--data", type=Path, default=SHARED, help="the shared data folder (default: ../shared/data beside the repo)")
    parser.add_argument("--real", type=int, default=100, help="articles from each real-news source (default 100)")
    parser.add_argument("--articles", type=int, default=300, help="sample articles (originals plus variants)")
    parser.add_argument("--join", action="store_true",
                        help="also run newsgraph on the whole corpus joined into one article (cost against length)")
    parser.add_argument("--max-chars", type=int, default=None, help="newsgraph's --max-chars for the runs (default: its own)")
    parser.add_argument("--systems", default="newsgraph,natasha", help="comma list of newsgraph, natasha")
    parser.add_argument("--workers", default="1", help="comma list of newsgraph worker counts, e.g. 1,2")
    parser.add_argument("--engine", default="dask", choices=["local", "dask", "shards"],
                        help="engine for runs with >1 worker (shards: Dask workers writing shards, as analyze --shards)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median reported)")
    parser.add_argument("--cpu", type=int, default=0, help="CPU the single-core runs are pinned to")
    parser.add_argument("--stages", action="store_true", help="also time each newsgraph stage (CPU seconds)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.workers = int(args.workers)
        return run_child(args)

    plan = [(s, 1, "local") for s in args.systems.split(",")] + ([("stages", 1, "local")] if args.stages else [])
    counts = [int(w) for w in args.workers.split(",")]
    if any(w > 1 for w in counts):  # the speed-up compares worker counts on one engine, from 1
        plan += [("newsgraph", w, args.engine) for w in sorted({1, *counts}) if (w, args.engine) != (1, "local")]
    if args.join:
        plan.append(("joined", 1, "local"))
    with tempfile.TemporaryDirectory() as folder:
        names = args.corpus.split(",")
        corpus = write_corpus(names, args.articles, args.real, args.data, Path(folder))
        joined = write_corpus(names, args.articles, args.real, args.data, Path(folder), join=True) if args.join else None
        runs: dict[tuple, list[dict]] = {step: [] for step in plan}
        for _ in range(args.repeat):  # systems alternate, so a burst of load hits both alike
            for step in plan:
                runs[step].append(measure(*step, joined if step[0] == "joined" else corpus, args.cpu, args.max_chars))
                print(json.dumps(runs[step][-1]), file=sys.stderr)
        rows = [summarise(results) for results in runs.values()]
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"corpus: {args.corpus} ({rows[0]['articles']} articles, {rows[0]['chars']:,} chars); "
          f"load average {os.getloadavg()[0]:.2f}")
    print(table([r for r in rows if r["system"] != "stages"]))
    for row in rows:
        if row.get("failed"):
            print(f"{row['system']}: {row['failed']} article(s) recorded as failures (analysed up to the failing stage)")
    for row in rows:
        if row["system"] == "stages":
            total = sum(row["stages"].values())
            print("CPU seconds per stage: " + ", ".join(
                f"{name} {seconds:.2f} ({seconds / total:.0%})" for name, seconds in row["stages"].items()))
    rates = {(r["system"], r["workers"], r["engine"]): r for r in rows}
    ours, theirs = rates.get(("newsgraph", 1, "local")), rates.get(("natasha", 1, "-"))
    if ours and theirs:
        print(f"newsgraph / natasha, one core: {ours['chars_per_s'] / theirs['chars_per_s']:.2f}x by wall time, "
              f"{ours['chars_per_cpu_s'] / theirs['chars_per_cpu_s']:.2f}x by CPU time")
    joined = rates.get(("joined", 1, "local"))
    if ours and joined:
        print(f"one article of {joined['chars']:,} chars / the {ours['articles']} apart: "
              f"{joined['cpu_s'] / ours['cpu_s']:.2f}x the CPU time ({joined['cpu_s']:.2f} s vs {ours['cpu_s']:.2f} s)")
    for (system, workers, engine), row in rates.items():
        base = rates.get(("newsgraph", 1, engine))
        if workers > 1 and base:
            print(f"speed-up {workers} vs 1 {engine} worker: {row['chars_per_s'] / base['chars_per_s']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
