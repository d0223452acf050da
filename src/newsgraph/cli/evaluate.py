"""`newsgraph evaluate …`: score the pipeline against annotated corpora.

Each area adds its subcommand here with one small function on `evaluate_app`
(`evaluate ner`, `evaluate quotes`, `evaluate events`, `evaluate linking`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..evaluate.formats import FORMATS, read_corpus
from ..wording import counted
from . import app

evaluate_app = typer.Typer(
    help="Score newsgraph (and plain natasha) against annotated corpora.",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")


def command_line() -> str:
    return "newsgraph " + " ".join(sys.argv[1:])


@evaluate_app.command("ner")
def evaluate_ner(
    directory: Annotated[Path, typer.Argument(help="Corpus directory (NEREL dev/test, factRuEval devset/testset).")],
    format: Annotated[str, typer.Option("--format", help="Corpus format: brat (NEREL) or factru.")] = "brat",
    system: Annotated[list[str], typer.Option("--system", help="natasha and/or newsgraph; repeat to compare.")] = ["newsgraph"],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Precision/recall/F1 of PER/ORG/LOC mentions, strict spans and token level, per system."""
    from rich.console import Console

    from ..evaluate.ner import SYSTEMS, score_ner
    from ..evaluate.report import ner_table

    unknown = [s for s in system if s not in SYSTEMS]
    if unknown or format not in FORMATS:
        raise typer.BadParameter(f"--system must be in {sorted(SYSTEMS)} and --format in {FORMATS}")
    docs = read_corpus(directory, format)[:limit]
    results = {name: score_ner(docs, SYSTEMS[name](docs), format) for name in dict.fromkeys(system)}
    if json_out:
        payload = {"command": command_line(), "documents": len(docs), "format": format}
        typer.echo(json.dumps({**payload, "systems": {n: s.to_json() for n, s in results.items()}}, indent=2))
    else:
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)  # files and pipes get whole column headers
        console.print(ner_table(f"{command_line()}  ({len(docs)} documents)", results))


@evaluate_app.command("normalization")
def evaluate_normalization(
    directory: Annotated[Path, typer.Argument(help="factRuEval-2016 directory with .coref files (devset/testset).")],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
    errors: Annotated[int, typer.Option(min=0, help="Also list this many wrong names per system.")] = 0,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Accuracy of nominative mention names against factRuEval's normalized names, newsgraph vs natasha."""
    from ..evaluate.ner import newsgraph_articles
    from ..evaluate.normalization import natasha_mentions, natasha_normals, newsgraph_normals, score_normalization

    docs = read_corpus(directory, "factru")[:limit]
    systems = {"natasha": natasha_normals(natasha_mentions(docs)), "newsgraph": newsgraph_normals(newsgraph_articles(docs))}
    scores = score_normalization(docs, systems)
    payload = {"command": command_line(), "documents": len(docs)}
    payload["systems"] = {name: score.to_json(errors) for name, score in scores.items()}
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(command_line())
    for name, score in scores.items():
        typer.echo(f"{name:28} accuracy {100 * score.accuracy:5.1f}%  ({score.correct}/{score.total})")
        for text, expected, got in score.errors[:errors]:
            typer.echo(f"    {text!r}: expected {expected!r}, got {got!r}")


@evaluate_app.command("resolution")
def evaluate_resolution(
    directory: Annotated[Path, typer.Argument(help="factRuEval-2016 directory with .coref files (devset/testset).")],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """B-cubed precision/recall of in-document entities against factRuEval's coreference chains."""
    from ..evaluate.ner import newsgraph_articles
    from ..evaluate.normalization import natasha_mentions
    from ..evaluate.resolution import name_grouping, newsgraph_grouping, score_resolution

    docs = read_corpus(directory, "factru")[:limit]
    systems = {
        "natasha (same normal name)": [name_grouping(m) for m in natasha_mentions(docs)],
        "newsgraph": [newsgraph_grouping(a) for a in newsgraph_articles(docs)],
    }
    scores = score_resolution(docs, systems)
    payload = {"command": command_line(), "documents": len(docs), "systems": {n: s.to_json() for n, s in scores.items()}}
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(command_line())
    for name, s in scores.items():
        typer.echo(f"{name:28} B3 precision {100 * s.precision:5.1f}  recall {100 * s.recall:5.1f}  F1 {100 * s.f1:5.1f}  ({counted(s.mentions, 'mention')})")


@evaluate_app.command("stories")
def evaluate_stories(
    devset: Annotated[Optional[Path], typer.Argument(help="JSONL of {id, story, text}; default devsets/stories.jsonl.")] = None,
    threshold: Annotated[Optional[float], typer.Option(help="Jaccard similarity that makes two articles one story.")] = None,
    shuffles: Annotated[int, typer.Option(min=0, help="Also score this many random arrival orders.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Pairwise precision/recall of near-duplicate story links (copies, re-posts, same-topic articles)."""
    from ..evaluate.stories import DEVSET, read_devset, score_stories
    from ..ingest.stories import THRESHOLD

    scores = score_stories(read_devset(devset or DEVSET), threshold or THRESHOLD, shuffles)
    payload = {"command": command_line(), "threshold": threshold or THRESHOLD, **scores.to_json()}
    typer.echo(json.dumps(payload, indent=2) if json_out else
               f"{command_line()}\nprecision {scores.precision:.3f}  recall {scores.recall:.3f}  "
               f"({scores.correct_pairs}/{scores.found_pairs} found pairs correct, {scores.gold_pairs} gold pairs, "
               f"{counted(scores.articles, 'article')}, {counted(scores.orders, 'order')})")


@evaluate_app.command("quotes")
def evaluate_quotes_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL of articles with quotes (docs/quotes.md), e.g. devsets/quotes.jsonl.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list missed, spurious and wrongly attributed quotes.")] = False,
) -> None:
    """Precision/recall of quote spans (character overlap ≥ 0.5 of the union) and speaker accuracy on matched quotes."""
    from rich.console import Console

    from ..evaluate.quotes import evaluate_quotes, quotes_table, read_gold

    scores = evaluate_quotes(read_gold(gold))
    if json_out:
        payload = {"command": command_line(), **scores.to_json()}
        typer.echo(json.dumps({**payload, "errors": scores.errors} if errors else payload, ensure_ascii=False, indent=2))
        return
    Console().print(quotes_table(command_line(), scores))
    for item in scores.errors if errors else ():
        typer.echo(json.dumps(item, ensure_ascii=False))


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Annotated[Path, typer.Argument(help="Gold events JSONL (format in docs/events.md).", exists=True, dir_okay=False)],
    show_errors: Annotated[bool, typer.Option("--errors", help="Also list missed, spurious and wrong events.")] = False,
) -> None:
    """Score PLOVER event detection (type, actor, recipient, modality, date) against GOLD."""
    from ..evaluate.events import errors, evaluate_events, report
    from ..pipeline import default_pipeline

    scores = evaluate_events(gold, default_pipeline())
    typer.echo(f"$ newsgraph evaluate events {gold}\n\n{report(scores)}")
    if show_errors:
        typer.echo("\n" + errors(scores))


@evaluate_app.command("annotated")
def evaluate_annotated_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL by ANNOTATION.md, e.g. devsets/real/dev.jsonl.", exists=True, dir_okay=False)],
    data: Annotated[Optional[Path], typer.Option(help="Folder holding realnews/, factRuEval-2016/ and NEREL-v1.1/ (the texts).")] = None,
    texts: Annotated[Optional[Path], typer.Option(help="Or a JSONL(.gz) of {id, text, published} with the texts.")] = None,
    predicted: Annotated[Optional[Path], typer.Option(help="Score this analysed JSONL instead of running the pipeline.")] = None,
    output: Annotated[Optional[Path], typer.Option(help="Write the analysed articles here (JSONL).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    errors: Annotated[Optional[Path], typer.Option(help="Write every miss, spurious and wrong quote or event here (JSONL).")] = None,
) -> None:
    """Quotes and events on real articles annotated by ANNOTATION.md, scored as the held-out scorer scores them."""
    from ..evaluate.annotated import corpus_texts, read_gold, read_jsonl, score_annotated

    records = read_gold(gold)
    if (data is None) == (texts is None):
        raise typer.BadParameter("give the texts with exactly one of --data DIR or --texts JSONL")
    by_id = read_jsonl(texts) if texts else corpus_texts(data, [r["doc"] for r in records])
    if predicted:
        analysed = read_jsonl(predicted)
    else:
        analysed = analyse_texts([{**by_id[r["doc"]], "published": r.get("published") or by_id[r["doc"]].get("published")}
                                  for r in records])
    if output:
        output.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in analysed.values()), encoding="utf-8")
    scores = score_annotated(records, analysed, by_id)
    if errors:
        errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in scores.errors), encoding="utf-8")
    payload = {"command": command_line(), **scores.to_json()}
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    q, e = payload["quotes"], payload["events"]
    typer.echo(f"$ {payload['command']}  ({counted(payload['docs'], 'article')})\n"
               f"quotes  gold {q['gold']}  pred {q['pred']}  P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
               f"speaker {q['speaker_acc']}  kind {q['kind_acc']}  via {q['via_acc']} (of {q['via_gold_matched']})\n"
               f"events  gold {e['gold']}  pred {e['pred']}  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
               f"actor {e['actor_acc']}  recipient {e['recipient_acc']}  modality {e['modality_acc']}  "
               f"date {e['date_acc']} (of {e['dated_matched']})")


def analyse_texts(records: list[dict]) -> dict[str, dict]:
    """Run the default pipeline over `{id, text, published}` records; a failed article scores as empty."""
    from ..doc import Article
    from ..jsonl import article_from_record
    from ..engines import analyze_stream

    return {doc.id: doc.to_json() for doc in analyze_stream(article_from_record(r) for r in records)
            if isinstance(doc, Article)}


@evaluate_app.command("linking")
def evaluate_linking_command(
    directory: Annotated[Path, typer.Argument(help="Corpus with Wikidata links: NEREL dev (brat `N` lines), or the realnews linking set (devsets/linking-real/dev.jsonl).")],
    format: Annotated[str, typer.Option("--format", help="Corpus format: brat (NEREL) or realnews (needs --data).")] = "brat",
    data: Annotated[Optional[Path], typer.Option(help="realnews: folder holding realnews/ (the texts).")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores (and errors) as JSON.")] = False,
) -> None:
    """Precision of the Wikidata links made for PERSON/ORGANIZATION/COUNTRY/CITY (or PER/ORG/LOC) mentions, and recall."""
    from ..evaluate.linking import evaluate_linking, read_realnews_links, report
    from ..pipeline import default_pipeline

    if format == "realnews":
        if data is None:
            raise typer.BadParameter("--format realnews reads the texts from --data DIR (the folder holding realnews/)")
        golds = read_realnews_links(directory, data)
    else:
        golds = read_corpus(directory, format)
    scores = evaluate_linking(golds[:limit], default_pipeline())
    payload = {"command": command_line(), **scores.to_json(), "errors": scores.errors,
               "unconfirmed_links": scores.unconfirmed_links}
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2) if json_out else report(command_line(), scores))
