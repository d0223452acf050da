"""Build the bundled KB (SQLite) from the readable source files in `newsgraph/data/kb/`.

Sources: `countries.tsv`, `organizations.tsv`, `capitals.tsv`, `positions.tsv` and
`memberships.tsv` (written by hand) plus `references.tsv` (ids and names harvested from the
hand-linked corpora by `scripts/harvest_references.py`). An id is marked verified when the
corpora link it to one of the entity's names; `check` lists ids that disagree with them.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .keys import PATRONYMIC, lemma_key, name_keys, words
from .schema import connect

KB_SOURCES = Path(__file__).resolve().parent.parent / "data" / "kb"
CORPUS_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG"}
CORPUS_SPLITS = {"train", "factru"}  # NEREL dev is kept out so that it can score the linker


@dataclass
class Draft:
    """One entity being assembled from several source files."""

    id: str
    type: str
    label_ru: str
    label_en: str = ""
    iso2: str = ""
    iso3: str = ""
    capital: str = ""
    leader_office: str = ""
    links: int = 0
    source: str = ""
    aliases: dict[tuple[str, str], int] = field(default_factory=dict)  # (key, kind) → corpus links

    def name(self, text: str, kind: str, links: int = 0) -> None:
        for key in name_keys(text):
            self.aliases[key, kind] = links


@dataclass
class Reference:
    qid: str
    type: str
    links: int
    splits: set[str]
    label: str
    keys: dict[str, int]  # lemmatized name → how often the corpora link it to this id
    dev_keys: set[str]  # names seen only in NEREL dev: they verify the id, never feed the linker


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def read_references(path: Path) -> dict[str, Reference]:
    return {
        row["qid"]: Reference(
            row["qid"], row["type"], int(row["links"]), set(row["splits"].split(",")),
            row["label"], {k: int(n) for k, _, n in (item.rpartition("=") for item in row["keys"].split("|") if item)},
            set(filter(None, row["dev_keys"].split("|"))),
        )
        for row in read_tsv(path)
    }


def first_last(name: str) -> tuple[str, str] | None:
    """First and last word of a person's name as written (`Лавров, Сергей Викторович` too);
    compared as written because lemmas can merge two surnames (`Турчинов`/`Турчин`)."""
    parts = [w.lower() for w in words(label_as_written(name))]
    return (parts[0], parts[-1]) if parts else None


# Latin letters that Unicode does not decompose into a base letter and a diacritic
UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "ı": "i", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"})


def slug(text: str) -> str:
    """`Dalia Grybauskaitė` → `dalia-grybauskaite`."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class Builder:
    def __init__(self, sources: Path):
        self.sources = sources
        self.refs = read_references(sources / "references.tsv")
        for ref in self.refs.values():
            ref.keys = corpus_keys(ref)
        self.person_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
        for ref in self.refs.values():
            if ref.type == "PERSON" and first_last(ref.label):
                self.person_ids[first_last(ref.label)].add(ref.qid)
        self.drafts: dict[str, Draft] = {}
        self.places: dict[str, str] = {}
        self.positions: list[tuple] = []
        self.memberships: list[tuple] = []
        self.problems: list[str] = []
        self.local_persons: dict[str, str] = {}  # local id → the English name it was made from

    def add(self, draft: Draft) -> Draft:
        known = self.drafts.get(draft.id)
        if known is None:
            self.drafts[draft.id] = draft
            return draft
        known.aliases.update(draft.aliases)
        return known

    def countries(self) -> None:
        capital_ids = {row["ru"]: row["qid"] for row in read_tsv(self.sources / "capitals.tsv")}
        for row in read_tsv(self.sources / "countries.tsv"):
            code = row["iso2"] or row["iso3"]
            draft = Draft(row["qid"] or f"ng:country:{code.lower()}", "COUNTRY", row["ru"], row["en"],
                          row["iso2"], row["iso3"], leader_office=row["leader"], source="countries.tsv")
            draft.name(row["ru"], "label")
            for alias in filter(None, row["aliases"].split("|") + [row["en"]]):
                draft.name(alias, "alias")
            for adjective in filter(None, row["adjectives"].split("|")):
                draft.aliases[lemma_key(adjective), "adjective"] = 0
            capital = row["capital"]
            if capital and lemma_key(capital) != lemma_key(row["ru"]):
                city = Draft(capital_ids.get(capital) or f"ng:city:{code.lower()}", "CITY", capital, source="countries.tsv")
                city.name(capital, "label")
                draft.capital = self.add(city).id
            self.places[code] = self.add(draft).id

    def organizations(self) -> None:
        for row in read_tsv(self.sources / "organizations.tsv"):
            type_ = CORPUS_TYPES.get(row["type"], row["type"])
            draft = Draft(row["qid"] or f"ng:org:{row['key'].lower()}", type_, row["ru"], row["en"], source="organizations.tsv")
            draft.name(row["ru"], "label")
            for alias in filter(None, row["aliases"].split("|") + [row["en"]]):
                draft.name(alias, "alias")
            if row["key"] in self.places:
                self.problems.append(f"organisation key {row['key']} is also a country code")
            self.places[row["key"]] = self.add(draft).id

    def person_id(self, row: dict[str, str]) -> str:
        """The id written in the source, else the one the corpora link to this full name."""
        found = self.person_ids.get(first_last(row["ru"]), set())
        if row["qid"]:
            if found and row["qid"] not in found:
                self.problems.append(f"{row['ru']}: source says {row['qid']}, corpora link {sorted(found)}")
            return row["qid"]
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            self.problems.append(f"{row['ru']}: corpora link several ids {sorted(found)}, left without one")
        return self.local_person_id(row["en"])

    def local_person_id(self, english: str) -> str:
        """`ng:person:` and the name's slug; two people whose names make one slug (the Latvian
        president Andris Bērziņš and the prime minister written Andris Berzins) get `-2`, `-3`…"""
        base = candidate = f"ng:person:{slug(english)}"
        number = 1
        while self.local_persons.setdefault(candidate, english) != english:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def persons(self) -> None:
        for row in read_tsv(self.sources / "positions.tsv"):
            draft = Draft(self.person_id(row), "PER", row["ru"], row["en"], source="positions.tsv")
            draft.name(row["ru"], "label")
            draft.name(row["en"], "alias")
            parts = words(row["ru"])
            if len(parts) > 2 and row["short"] != "-":
                draft.name(f"{parts[0]} {parts[-1]}", "alias")
            short = row["short"] or (parts[-1] if len(parts) > 1 else "")
            if short and short != "-":
                draft.name(short, "surname")
            person = self.add(draft).id
            if row["where"] not in self.places:
                self.problems.append(f"{row['ru']}: unknown place {row['where']!r}")
                continue
            self.positions.append((person, row["office"], row["title"], self.places[row["where"]], row["start"], row["end"], 0))

    def groups(self) -> None:
        for row in read_tsv(self.sources / "memberships.tsv"):
            group, member = self.places.get(row["group"]), self.places.get(row["member"])
            if group and member:
                self.memberships.append((group, member, row["start"], row["end"], 0))
            else:
                self.problems.append(f"membership {row['group']}/{row['member']}: unknown key")

    def corpus(self) -> None:
        """Entities the corpora link, with the names they are linked under, and their link counts."""
        most_linked: dict[str, int] = defaultdict(int)  # name → the most links one entity has under it
        for ref in self.refs.values():
            if ref.splits & CORPUS_SPLITS:
                for key, n in ref.keys.items():
                    most_linked[key] = max(most_linked[key], n)
        for ref in self.refs.values():
            used = bool(ref.splits & CORPUS_SPLITS)
            draft = self.drafts.get(ref.qid)
            if draft is None and used:
                draft = self.add(Draft(ref.qid, CORPUS_TYPES.get(ref.type, ref.type), ref.label, source="references.tsv"))
            if draft is None or not used:
                continue
            draft.links = ref.links
            draft.aliases.update({(key, "corpus"): n for key, n in ref.keys.items()})
            if draft.source == "references.tsv":
                label_names(draft, label_as_written(ref.label))
                # a label that is a name the corpora link to another entity far more often (`Мид`, written
                # for one ministry, is `МИД` for most) counts as a corpus name, not as this entity's label
                for key in name_keys(label_as_written(ref.label)):
                    if most_linked[key] >= max(2, 2 * ref.keys.get(key, 0) + 1) and (key, "label") in draft.aliases:
                        del draft.aliases[key, "label"]
                        draft.aliases.setdefault((key, "corpus"), ref.keys.get(key, 0))

    def verified(self, draft: Draft) -> bool:
        ref = self.refs.get(draft.id)
        if ref is None:
            return False
        names = {key for key, _ in draft.aliases}
        same_person = draft.type == "PER" and first_last(ref.label) == first_last(draft.label_ru)
        if same_person or (set(ref.keys) | ref.dev_keys) & names or lemma_key(label_as_written(ref.label)) in names or draft.source == "references.tsv":
            return True
        self.problems.append(f"{draft.id} {draft.label_ru}: the corpora link this id to other names ({ref.label})")
        return False

    def write(self, db: sqlite3.Connection) -> None:
        for d in self.drafts.values():
            db.execute(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (d.id, d.type, d.label_ru, d.label_en, d.iso2, d.iso3, d.capital, d.leader_office, d.links,
                 int(self.verified(d)), d.source),
            )
            db.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?,?)", [(k, d.id, kind, n) for (k, kind), n in d.aliases.items() if k])
        db.executemany("INSERT OR REPLACE INTO positions VALUES (?,?,?,?,?,?,?)", self.positions)
        db.executemany("INSERT OR REPLACE INTO memberships VALUES (?,?,?,?,?)", self.memberships)


def label_names(draft: Draft, label: str) -> None:
    """A corpus entity is also known by its Wikidata label; a person also by first name and surname."""
    draft.name(label, "label")
    parts = words(label)
    if draft.type == "PER" and len(parts) > 1:
        draft.name(f"{parts[0]} {parts[-1]}", "label")
        draft.name(parts[-1], "surname")


def corpus_keys(ref: Reference) -> dict[str, int]:
    """The names worth trusting. For a person (the corpora have slips such as one politician's
    name linked to another): full names ending in one of the label's surnames whose first word is
    in the label too (or an initial), and a surname alone. The label's words after the first count
    as surnames (`Алан Гарсиа Перес`), in either spelling of a transliterated ending (`Гарсия`)."""
    if ref.type != "PERSON":
        return {k: n for k, n in ref.keys.items() if len(k) > 1}
    label = lemma_key(label_as_written(ref.label)).split()
    if len(label) < 2:
        return {k: n for k, n in ref.keys.items() if k in label}

    surnames = [label[-1]] + [w for w in label[1:-1] if not PATRONYMIC.search(w)]

    def surname(word: str) -> bool:
        return any(word == s or (len(word) >= 5 and same_but_ending(word, s)) for s in surnames)

    def trusted(key: str) -> bool:
        parts = key.split()
        if len(parts) == 1:
            return surname(parts[0])
        return surname(parts[-1]) and (parts[0] in label or len(parts[0]) == 1)

    return {k: n for k, n in ref.keys.items() if trusted(k)}


def same_but_ending(a: str, b: str) -> bool:
    """Two spellings of one transliterated name differing only in the last two letters (`гарсия`/`гарсиа`)."""
    return a[:-2] == b[:-2] and abs(len(a) - len(b)) <= 1


def label_as_written(label: str) -> str:
    """`Тиллерсон, Рекс` → `Рекс Тиллерсон`."""
    surname, comma, given = label.partition(",")
    return f"{given} {surname}".strip() if comma else label


def build_kb(out: Path, sources: Path | None = None) -> list[str]:
    """Write the KB to `out` (atomically, so parallel workers never read half a file); return problems found."""
    builder = Builder(sources or KB_SOURCES)
    builder.countries()
    builder.organizations()
    builder.persons()
    builder.groups()
    builder.corpus()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".sqlite.tmp")
    os.close(fd)
    db = connect(tmp, create=True)
    with db:
        builder.write(db)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('source', 'bundled')")
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)
    return builder.problems
