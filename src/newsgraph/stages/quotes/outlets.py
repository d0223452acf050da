"""The article's own outlet, from its URL's host (outlets.tsv): never a quote's `via`; and the news media
known by name (media.tsv), which relay words where other organisations (`Белый дом`) do not."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from ..word_lists import read_table

_ROWS = read_table(Path(__file__).with_name("outlets.tsv"), ("host", "name"), key=("host", "name"))
NON_WORD = re.compile(r"[\W_]+")


def fold_name(name: str) -> str:
    """`«Независимая газета»` and `независимая газета` alike."""
    return NON_WORD.sub(" ", name.lower().replace("ё", "е")).strip()


def outlet_names(url: str | None) -> frozenset[str]:
    """Folded names of the outlet that published `url` (none for an unknown host or no URL)."""
    host = (urlsplit(url).hostname or "") if url else ""
    return frozenset(fold_name(r["name"]) for r in _ROWS if host == r["host"] or host.endswith("." + r["host"]))


_MEDIA = {
    fold_name(row["name"]): row["full_name"]
    for row in read_table(Path(__file__).with_name("media.tsv"), ("name", "full_name"), key=("name",))
}


def known_medium(names: Iterable[str]) -> str | None:
    """The name a reader knows a medium by (media.tsv), when any of `names` is one; None for anything else."""
    return next((_MEDIA[fold_name(n)] for n in names if fold_name(n) in _MEDIA), None)
