"""Stream a Wikidata JSON dump into a KB file: names, types, offices held, memberships.

The dump is the official `latest-all.json.bz2` layout (also .gz, plain, or a filtered extract):
a JSON array with one entity per line, `[` and `]` on lines of their own, and a trailing comma
after each entity. Nothing is loaded whole; entities whose P31 (instance of) is not a known type
are skipped. Offices (P39) keep the office item as `office` and its P1001/P642 qualifier as
`place`, with P580/P582 as start/end, unless the office item is a head of state, head of
government, foreign or defence minister: the dump lists entities in any order, so such items
are recorded in the `offices` table as they pass and the terms are turned into office codes
(`hos` of the item's P1001 jurisdiction, titled by its Russian label) when the stream ends.
"""

from __future__ import annotations

import bz2
import gzip
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path

from ..nlp import parses
from . import bundled
from .keys import lemma_key, name_keys, surface_key, words
from .schema import connect

TYPES = {
    "Q5": "PER",
    "Q6256": "COUNTRY", "Q3624078": "COUNTRY", "Q7275": "COUNTRY",
    "Q515": "CITY", "Q1549591": "CITY", "Q5119": "CITY", "Q1637706": "CITY", "Q200250": "CITY", "Q3957": "CITY",
    "Q10864048": "STATE_OR_PROVINCE", "Q107390": "STATE_OR_PROVINCE", "Q35657": "STATE_OR_PROVINCE",
    "Q43229": "ORG", "Q484652": "ORG", "Q245065": "ORG", "Q7278": "ORG", "Q4830453": "ORG", "Q783794": "ORG",
    "Q891723": "ORG", "Q327333": "ORG", "Q1127126": "ORG",
}


# What an office item is (P31), and which classes (P31/P279) make it one of the KB's office codes.
# These ids are written from memory and could not be checked against Wikidata here (no network):
# the least certain is Q2518691 (minister of defence). Check them before relying on an import of
# offices (docs/kb.md). Only direct P31/P279 values count.
POSITION_TYPES = {"Q4164871", "Q294414"}  # position, public office
OFFICE_CLASSES = {
    "Q48352": "hos", "Q30461": "hos", "Q116": "hos",
    "Q2285706": "hog", "Q14212": "hog",
    "Q7330070": "fm",
    "Q2518691": "dm",
}
OFFICE_CODES = ("hos", "hog", "fm", "dm")  # an item of several classes (a president who heads the government) takes the first

# Imported terms whose office item is known become office codes; the item's own P1001 is the place,
# else the term's qualifier. The `verified` flag marks terms from Wikidata (the bundled ones are 0).
RESOLVE_TERMS = """
INSERT OR REPLACE INTO positions
SELECT p.person, o.office, o.title, coalesce(nullif(o.place, ''), p.place), p.start, p.end, p.verified
FROM positions p JOIN offices o ON o.item = p.office WHERE coalesce(nullif(o.place, ''), p.place) != ''
"""
DROP_RESOLVED = """
DELETE FROM positions WHERE EXISTS
(SELECT 1 FROM offices o WHERE o.item = positions.office AND (o.place != '' OR positions.place != ''))
"""
# A bundled term (unverified, from memory) gives way to a Wikidata term of the same office and place
# held by the same person, under the same id or the same Russian name (a local `ng:person:` id):
# otherwise the two would both hold the office and `KB.holder` would name nobody.
DROP_SUPERSEDED = """
DELETE FROM positions AS remembered WHERE remembered.verified = 0 AND EXISTS (
    SELECT 1 FROM positions imported JOIN entities a ON a.id = imported.person JOIN entities b ON b.id = remembered.person
    WHERE imported.verified = 1 AND imported.office = remembered.office AND imported.place = remembered.place
    AND (imported.person = remembered.person OR (a.label_ru != '' AND a.label_ru = b.label_ru)))
"""
# An entity already in the KB (a bundled country) is replaced, but keeps what Wikidata does not give:
# which office "лидер" means, and ISO codes or a capital the dump lacks.
UPSERT_ENTITY = """
INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET
type = excluded.type, label_ru = coalesce(nullif(excluded.label_ru, ''), label_ru),
label_en = coalesce(nullif(excluded.label_en, ''), label_en), iso2 = coalesce(nullif(excluded.iso2, ''), iso2),
iso3 = coalesce(nullif(excluded.iso3, ''), iso3), capital = coalesce(nullif(excluded.capital, ''), capital),
leader_office = coalesce(nullif(excluded.leader_office, ''), leader_office),
links = excluded.links, verified = excluded.verified, source = excluded.source
"""


@dataclass
class ImportCounts:
    start: str = ""  # what the KB file held before: "bundled" (a copy was made), "empty" or "existing"
    read: int = 0
    imported: int = 0
    positions: int = 0
    memberships: int = 0
    offices: int = 0  # office items recorded
    resolved: int = 0  # terms of office stored under an office code (hos, hog, fm, dm)


def open_dump(path: Path):
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_dump(path: Path) -> Iterator[dict]:
    """Entities one by one from a dump line stream, skipping the array brackets and commas."""
    with open_dump(path) as lines:
        for line in lines:
            line = line.strip().rstrip(",")
            if line and line not in ("[", "]"):
                yield json.loads(line)


def item_value(snak: dict) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else value


def time_value(statement: dict, prop: str) -> str:
    """A qualifier date as ISO (`+2017-05-14T00:00:00Z` → `2017-05-14`; unknown month/day → 01)."""
    for snak in statement.get("qualifiers", {}).get(prop, []):
        value = snak.get("datavalue", {}).get("value", {})
        if isinstance(value, dict) and value.get("time"):
            return value["time"].lstrip("+")[:10].replace("-00", "-01")
    return ""


def qualifier_item(statement: dict, *props: str) -> str:
    for prop in props:
        for snak in statement.get("qualifiers", {}).get(prop, []):
            if item_value(snak):
                return item_value(snak)
    return ""


def claims(entity: dict, prop: str) -> list[dict]:
    return entity.get("claims", {}).get(prop, [])


def entity_type(entity: dict) -> str | None:
    for statement in claims(entity, "P31"):
        found = TYPES.get(item_value(statement.get("mainsnak", {})) or "")
        if found:
            return found
    return None


def first_value(entity: dict, prop: str) -> str:
    return next((v for s in claims(entity, prop) if (v := item_value(s.get("mainsnak", {}))) and isinstance(v, str)), "")


def values(entity: dict, prop: str) -> set[str]:
    return {v for s in claims(entity, prop) if isinstance(v := item_value(s.get("mainsnak", {})), str)}


def office_row(entity: dict) -> tuple[str, str, str, str] | None:
    """(item, office code, title, place) for a position item whose class is one of the KB's offices."""
    place = first_value(entity, "P1001")
    if not (values(entity, "P31") & POSITION_TYPES or place):
        return None
    codes = {OFFICE_CLASSES[q] for q in values(entity, "P31") | values(entity, "P279") if q in OFFICE_CLASSES}
    if not codes:
        return None
    code = min(codes, key=OFFICE_CODES.index)
    return entity["id"], code, office_title(entity.get("labels", {}).get("ru", {}).get("value", "")), place


def office_title(label: str) -> str:
    """The Russian title words of an office label, as `positions.title` holds them for role phrases:
    `президент Франции` → `президент`; `Федеральный канцлер Германии` → `федеральный канцлер|канцлер`
    (the name of the place starts with a capital letter and ends the title; a noun after adjectives
    is a title of its own, as role phrases say `канцлер Германии`)."""
    parts = words(label)
    if not parts:
        return ""
    title = [parts[0].lower(), *(w.lower() for w in takewhile(lambda w: not w[:1].isupper(), parts[1:]))]
    head = next((w for w in title if any("NOUN" in p.tag for p in parses(w)[:1])), title[0])
    full = " ".join(title)
    return full if head == title[0] else f"{full}|{head}"


def entity_rows(entity: dict) -> tuple[tuple, list[tuple], list[tuple], list[tuple]] | None:
    type_ = entity_type(entity)
    labels = entity.get("labels", {})
    ru, en = labels.get("ru", {}).get("value", ""), labels.get("en", {}).get("value", "")
    if type_ is None or not (ru or en):
        return None
    qid = entity["id"]
    row = (qid, type_, ru, en, first_value(entity, "P297"), first_value(entity, "P298"), first_value(entity, "P36"),
           "", len(entity.get("sitelinks", {})), 1, "wikidata")
    aliases = {(key, qid, "label") for key in name_keys(ru)} | {(surface_key(en), qid, "alias")}
    for lang in ("ru", "en"):
        for alias in entity.get("aliases", {}).get(lang, []):
            keys = name_keys(alias["value"]) if lang == "ru" else {surface_key(alias["value"])}
            aliases |= {(key, qid, "alias") for key in keys}
    if type_ == "PER" and ru and len(ru.split()) > 1:
        aliases.add((lemma_key(ru.split()[-1]), qid, "surname"))
    positions = [
        (qid, office, "", qualifier_item(s, "P1001", "P642"), time_value(s, "P580"), time_value(s, "P582"), 1)
        for s in claims(entity, "P39") if (office := item_value(s.get("mainsnak", {})))
    ]
    groups = [
        (group, qid, time_value(s, "P580"), time_value(s, "P582"), 1)
        for s in claims(entity, "P463") if (group := item_value(s.get("mainsnak", {})))
    ]
    return row, sorted(a for a in aliases if a[0]), positions, groups


def import_wikidata(dump: Path, kb_path: Path, *, empty: bool = False) -> ImportCounts:
    """Add (or replace) the dump's entities in the KB at `kb_path`. A new file starts as a copy of
    the bundled KB, so an import of politicians keeps the bundled countries, organisations and
    offices; with `empty`, from nothing."""
    counts = ImportCounts(start="existing" if kb_path.exists() else "empty" if empty else "bundled")
    if counts.start == "bundled":
        copy_bundled(kb_path)
    db = connect(kb_path, create=True)
    with db:
        for entity in read_dump(dump):
            counts.read += 1
            office = office_row(entity)
            if office is not None:
                db.execute("INSERT OR REPLACE INTO offices VALUES (?,?,?,?)", office)
                counts.offices += 1
                continue
            rows = entity_rows(entity)
            if rows is None:
                continue
            row, aliases, positions, groups = rows
            db.execute(UPSERT_ENTITY, row)
            db.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?,0)", aliases)
            db.executemany("INSERT OR REPLACE INTO positions VALUES (?,?,?,?,?,?,?)", positions)
            db.executemany("INSERT OR REPLACE INTO memberships VALUES (?,?,?,?,?)", groups)
            counts.imported += 1
            counts.positions += len(positions)
            counts.memberships += len(groups)
        counts.resolved = resolve_offices(db)
        if counts.start != "existing":
            db.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)",
                       ("bundled+wikidata" if counts.start == "bundled" else "wikidata",))
    db.close()
    return counts


def resolve_offices(db: sqlite3.Connection) -> int:
    """Turn terms held in a known office item into office codes; return how many the KB now holds."""
    db.execute(RESOLVE_TERMS)
    db.execute(DROP_RESOLVED)
    db.execute(DROP_SUPERSEDED)
    return db.execute("SELECT count(*) FROM positions WHERE verified = 1 AND office IN ('hos', 'hog', 'fm', 'dm')").fetchone()[0]


def copy_bundled(kb_path: Path) -> None:
    """Write a copy of the bundled KB to `kb_path` through SQLite's backup, safe while others read it."""
    kb_path.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(kb_path)
    with target:
        bundled().db.backup(target)
    target.close()
