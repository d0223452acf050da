"""What the user tells about the articles a command reads: date, title, source, url.

A plain .txt carries none of these; without a publication date roles ("президент Франции")
are not resolved to people and relative dates ("вчера") stay unresolved, so a missing date
is said once, with what it costs. A .txt whose first line is a headline gets it as its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Optional

import typer

from ..doc import Article, Failure, article_id, parse_date
from .edge import check_date

Published = Annotated[Optional[str], typer.Option(
    callback=check_date, help="Publication date (YYYY-MM-DD) for articles that give none: "
                              "roles and relative dates are resolved against it.")]
Title = Annotated[Optional[str], typer.Option(help="Title for an article that has none "
                                                   "(default: a .txt's first line when it is a headline).")]
Source = Annotated[Optional[str], typer.Option(help="Source (outlet) name for articles that give none.")]
Url = Annotated[Optional[str], typer.Option(help="URL of the article (one article only); its id is then the URL's.")]

NO_DATE = ("{what} no publication date: roles such as «президент Франции» are not resolved to people and "
           "relative dates such as «вчера» stay unresolved; give --published YYYY-MM-DD")
SENTENCE_END = re.compile(r"[.!?…:;,]$")


def headline(text: str) -> str | None:
    """The first line of TEXT when it reads as a headline: short, not ending a sentence, with body text after it."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or not 3 <= len(first) <= 200 or SENTENCE_END.search(first):
        return None
    return first


@dataclass(frozen=True, slots=True)
class Given:
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def for_file(self, file: object) -> Given:
        """These values, refused when there is no FILE for them to describe."""
        if file is None and self != Given():
            raise typer.BadParameter("--published/--title/--source/--url describe FILE: give FILE, or drop them")
        return self

    def article(self, text: str) -> Article:
        """A new article from TEXT with what was given (and a headline title when none was)."""
        return Article.create(text, published=self.published, title=self.title or headline(text),
                              source=self.source, url=self.url)

    def fill(self, doc: Article) -> Article:
        """DOC with the fields it lacks filled in; a given URL also gives the article its id."""
        changes = {
            "published": doc.published or parse_date(self.published), "title": doc.title or self.title or headline(doc.text),
            "source": doc.source or self.source, "url": doc.url or self.url,
        }
        if self.url and not doc.url:
            changes["id"] = article_id(doc.text, self.url)
        return replace(doc, **changes)


class DateWarning:
    """Says once per run that articles arrived without a date, and how many in the end."""

    def __init__(self) -> None:
        self.undated = 0

    def check(self, doc: Article, what: str = "an article has") -> Article:
        if doc.published is None:
            if not self.undated:
                typer.echo("warning: " + NO_DATE.format(what=what), err=True)
            self.undated += 1
        return doc


def filled(items: Iterable[Article | Failure], given: Given, warning: DateWarning) -> Iterator[Article | Failure]:
    for item in items:
        yield warning.check(given.fill(item)) if isinstance(item, Article) else item
