"""Readers for annotated corpora, into one shape every evaluation shares.

* brat standoff (NEREL): `T` lines are spans (possibly discontinuous, `start end;start end`),
  `R` lines relations, `N` lines references to a knowledge base (`Wikidata:Q30`).
* factRuEval-2016: `.spans` are typed token spans (`surname`, `org_name` …), `.objects`
  group spans into Person/Org/Location/LocOrg mentions, `.coref` groups objects into
  entities with normalized attributes (`firstname`, `lastname`, `name` …).

Offsets are character offsets into the `.txt` file read as UTF-8, end exclusive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """An annotated mention; `start`/`end` cover all its fragments."""

    id: str
    type: str
    start: int
    end: int
    fragments: tuple[Fragment, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldRelation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(frozen=True, slots=True)
class GoldLink:
    """A span (by id) linked to a knowledge-base id such as `Wikidata:Q30`, with the normalized name."""

    span: str
    kb_id: str
    name: str


@dataclass(frozen=True, slots=True)
class GoldChain:
    """An entity: the ids of the spans that mention it and its normalized attributes."""

    id: str
    members: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]

    def attribute(self, key: str) -> str | None:
        return next((value for k, value in self.attributes if k == key), None)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    relations: tuple[GoldRelation, ...] = ()
    links: tuple[GoldLink, ...] = ()
    chains: tuple[GoldChain, ...] = ()
    published: str | None = None

    def span(self, span_id: str) -> GoldSpan | None:
        return next((s for s in self.spans if s.id == span_id), None)


FORMATS = ("brat", "factru")


def read_corpus(directory: Path, format: str) -> list[GoldDoc]:
    """All documents of a corpus directory, sorted by id."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"no such corpus directory: {directory}")
    if format == "brat":
        return list(read_brat_dir(directory))
    if format == "factru":
        return list(read_factru_dir(directory))
    raise ValueError(f"unknown corpus format {format!r}, expected one of {FORMATS}")




def read_brat_dir(directory: Path) -> Iterator[GoldDoc]:
    for txt in sorted(directory.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        yield read_brat(txt.stem, txt.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8") if ann.exists() else "")


def read_brat(doc_id: str, text: str, ann: str) -> GoldDoc:
    spans, relations, links = [], [], []
    for line in ann.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        if kind == "T":
            spans.append(parse_brat_span(fields))
        elif kind == "R":
            rel_type, arg1, arg2 = fields[1].split()
            relations.append(GoldRelation(fields[0], rel_type, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
        elif kind == "N":
            _, span_id, kb_id = fields[1].split()
            links.append(GoldLink(span_id, kb_id, fields[2] if len(fields) > 2 else ""))
    return GoldDoc(doc_id, text, tuple(spans), tuple(relations), tuple(links))


def parse_brat_span(fields: list[str]) -> GoldSpan:
    label, _, offsets = fields[1].partition(" ")
    fragments = []
    for part in offsets.split(";"):
        start, end = part.split()
        fragments.append(Fragment(int(start), int(end), label))
    return GoldSpan(fields[0], label, fragments[0].start, fragments[-1].end, tuple(fragments))




def read_factru_dir(directory: Path) -> Iterator[GoldDoc]:
    for txt in sorted(directory.glob("*.txt")):
        def sibling(suffix: str) -> str:
            path = txt.with_suffix(suffix)
            return path.read_text(encoding="utf-8") if path.exists() else ""

        yield read_factru(txt.stem, txt.read_text(encoding="utf-8"), sibling(".spans"), sibling(".objects"), sibling(".coref"))


def factru_records(data: str) -> Iterator[list[str]]:
    """Whitespace fields of each non-empty line, without the `# comment` tail."""
    for line in data.splitlines():
        fields = line.partition("#")[0].split()
        if fields:
            yield fields


def read_factru(doc_id: str, text: str, spans: str, objects: str, coref: str) -> GoldDoc:
    fragments = {}
    for span_id, label, start, length, *_ in factru_records(spans):
        fragments[span_id] = Fragment(int(start), int(start) + int(length), label)
    gold = []
    for object_id, label, *span_ids in factru_records(objects):
        parts = tuple(sorted((fragments[s] for s in span_ids), key=lambda f: (f.start, f.end)))
        gold.append(GoldSpan(object_id, label, min(f.start for f in parts), max(f.end for f in parts), parts))
    return GoldDoc(doc_id, text, tuple(gold), chains=tuple(parse_factru_coref(coref)))


def parse_factru_coref(data: str) -> Iterator[GoldChain]:
    for block in data.split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        chain_id, *members = lines[0].split()
        attributes = tuple(tuple(line.strip().split(" ", 1)) for line in lines[1:] if " " in line.strip())
        yield GoldChain(chain_id, tuple(members), attributes)
