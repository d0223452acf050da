"""`newsgraph analyze`: run the pipeline on one article or a JSONL corpus."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from ..budget import DEFAULT_MAX_CHARS, Budget
from ..doc import Article, Failure
from ..errors import InputError, NewsgraphError
from ..wording import counted
from . import app
from .edge import err, writable
from .given import DateWarning, Given, Published, Source, Title, Url, filled

MaxChars = Annotated[int, typer.Option(
    min=0, help="Analyse a longer article in windows of at most N chars cut at paragraphs, joined back (0: whole).")]
ArticleTimeout = Annotated[Optional[float], typer.Option(
    "--article-timeout", min=0, help="Seconds one article may take; past that it is recorded as a failure and the batch goes on.")]


@app.command()
def analyze(
    file: Annotated[Optional[str], typer.Argument(help="A text file, or - for stdin.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the article JSON.")] = False,
    input: Annotated[Optional[Path], typer.Option(help="JSONL corpus, one article per line.")] = None,
    output: Annotated[Optional[Path], typer.Option(help="Where to write analysed JSONL.")] = None,
    errors: Annotated[Optional[Path], typer.Option(help="Where to write failed lines (default OUTPUT.errors.jsonl).")] = None,
    shards: Annotated[Optional[Path], typer.Option(help="Write shards to this DIR instead of --output (docs/scaling.md).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (local, or a local Dask cluster).")] = 1,
    engine: Annotated[Literal["local", "dask"], typer.Option(help="Where analysis runs (dask: see docs/scaling.md).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler ADDRESS (tcp://host:8786); none starts a local cluster.")] = None,
    published: Published = None, title: Title = None, source: Source = None, url: Url = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    article_timeout: ArticleTimeout = None,
) -> None:
    """Analyse an article (FILE) or a corpus (--input with --output or --shards) and print or write the record."""
    engine_options = {"workers": workers, "engine": engine, "scheduler": scheduler}
    given = Given(published, title, source, url)
    budget = Budget(max_chars, article_timeout or None)
    if (input or shards) and url:
        raise typer.BadParameter("--url names one article: use it with FILE, not --input")
    if shards is not None:
        if input is None or output or errors:
            raise typer.BadParameter("--shards DIR goes with --input, and writes its own files instead of --output/--errors")
        raise typer.Exit(shard_corpus_file(input, shards, **engine_options, budget=budget))
    if input is not None:
        raise typer.Exit(analyze_corpus(input, output, errors, given, **engine_options, budget=budget))
    if file is None:
        raise typer.BadParameter("give FILE (or -) or --input JSONL")
    from ..render import summary

    doc = single(read_article(file, given), budget)
    typer.echo(json.dumps(doc.to_json(), ensure_ascii=False, indent=2) if json_out else summary(doc))


@app.command()
def explain(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin.")],
    published: Published = None, title: Title = None, source: Source = None, url: Url = None,
) -> None:
    """Show every decision (mention, entity, link, quote, event, date) under its sentence, with the rule that made it."""
    from ..explain import explain as explain_doc

    typer.echo(explain_doc(single(read_article(file, Given(published, title, source, url)))), nl=False)


def read_article(file: str, given: Given) -> Article:
    """FILE (or stdin for -) as an article with what was GIVEN; a missing date is said once."""
    name = "stdin" if file == "-" else file
    # stdin as bytes, undecodable ones kept as surrogates for russian_text to refuse in one line,
    # the same whatever encoding the terminal or pipe declares
    text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape") if file == "-" else read_text_file(Path(file))
    return DateWarning().check(given.article(russian_text(text, name)), f"{name} has")


def read_text_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise typer.BadParameter(f"no such file: {path}") from None
    except UnicodeDecodeError as error:
        raise typer.BadParameter(f"{path} is not UTF-8 text ({error.reason} at byte {error.start})") from None


def russian_text(text: str, name: str) -> str:
    """TEXT, refused when it is empty or not Russian: the pipeline would find nothing in it and say nothing."""
    from ..ingest.language import ANALYSED_LANGUAGES, detect_language

    if "\x00" in text or any("\udc80" <= c <= "\udcff" for c in text[:4096]):
        raise InputError(f"{name} is binary data or not UTF-8 text; give a UTF-8 text file")
    if not text.strip():
        raise InputError(f"{name} is empty; give the text of a Russian news article")
    language = detect_language(text)
    if language not in ANALYSED_LANGUAGES:
        raise NewsgraphError(f"{name} reads as language {language!r}; newsgraph analyses Russian text only, "
                             "so there is nothing to show")
    return text


def single(doc: Article, budget: Budget | None = None) -> Article:
    from ..engines import analyze_stream

    result = next(analyze_stream([doc], budget=budget))
    if isinstance(result, Failure):
        err().print(f"[red]analysis failed[/] in stage {result.stage}: {result.error}")
        raise typer.Exit(1)
    return result


def shard_corpus_file(input: Path, directory: Path, **engine_options) -> int:
    """Analyse INPUT into shards in DIRECTORY (`newsgraph.shards`); a re-run finishes what is missing."""
    from ..jsonl import read_jsonl
    from ..shards import shard_corpus

    check_exists(input)
    started = time.perf_counter()
    with input.open(encoding="utf-8") as src, corpus_progress(input, "sharding") as advance:
        report = shard_corpus(read_jsonl(src, str(input)), directory, **engine_options, advance=advance)
    seconds = max(time.perf_counter() - started, 1e-9)
    err().print(f"{report.summary()}, {report.chars / seconds:,.0f} chars/s → {directory}", highlight=False, soft_wrap=True)
    return 0 if report.analysed or report.skipped or not (report.failed or report.lost) else 1


def check_exists(input: Path) -> None:
    if not input.exists():
        raise typer.BadParameter(f"no such file: {input}")


@contextmanager
def corpus_progress(input: Path, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar over the lines of INPUT (on a terminal only); yields the function that advances it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    total = sum(1 for line in input.open(encoding="utf-8") if line.strip())
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err(), disable=not err().is_terminal) as progress:
        task = progress.add_task(label, total=total)
        yield lambda count: progress.advance(task, count)


def analyze_corpus(input: Path, output: Path | None, errors: Path | None, given: Given = Given(), **engine_options) -> int:
    from ..jsonl import failure_line, read_jsonl
    from ..engines import analyze_stream

    check_exists(input)
    output = writable(output or input.with_suffix(".out.jsonl"))
    errors = writable(errors or output.with_suffix(".errors.jsonl"))
    done = failed = chars = 0
    started = time.perf_counter()
    with input.open(encoding="utf-8") as src, output.open("w", encoding="utf-8") as out, errors.open(
        "w", encoding="utf-8"
    ) as bad, corpus_progress(input, "analysing") as advance:
        for result in analyze_stream(filled(read_jsonl(src, str(input)), given, DateWarning()), **engine_options):
            if isinstance(result, Failure):
                failed += 1
                err().print(f"[yellow]skipped[/] {result.article_id} ({result.stage}): {result.error}")
                bad.write(failure_line(result))
            else:
                done += 1
                chars += len(result.text)
                out.write(result.dumps() + "\n")
            advance(1)
    seconds = max(time.perf_counter() - started, 1e-9)
    err().print(
        f"{counted(done, 'article')} analysed, {failed} failed, {chars / seconds:,.0f} chars/s, "
        f"{done / seconds:.1f} articles/s → {output}" + (f" (errors: {errors})" if failed else "")
    )
    return 0 if done or not failed else 1
