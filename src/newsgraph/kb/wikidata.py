"""Stream a Wikidata JSON dump into a KB file: names, types, offices held, memberships.

The dump is the official `latest-all.json.bz2` layout (also .gz, plain, or a filtered extract):
a JSON array with one entity per line, `[` and `]` on lines of their own, and a trailing comma
after each entity. Nothing is loaded whole; entities whose P31 (instance of) is not a known type
are skipped. Offices (P39) keep the office item as `office` and its P1001/P642 qualifier as
`place`, with P580/P582 as start/end.
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .keys import lemma_key, name_keys, surface_key
from .schema import connect

TYPES = {
    "Q5": "PER",
    "Q6256": "COUNTRY", "Q3624078": "COUNTRY", "Q7275": "COUNTRY",
    "Q515": "CITY", "Q1549591": "CITY", "Q5119": "CITY", "Q1637706": "CITY", "Q200250": "CITY", "Q3957": "CITY",
    "Q10864048": "STATE_OR_PROVINCE", "Q107390": "STATE_OR_PROVINCE", "Q35657": "STATE_OR_PROVINCE",
    "Q43229": "ORG", "Q484652": "ORG", "Q245065": "ORG", "Q7278": "ORG", "Q4830453": "ORG", "Q783794": "ORG",
    "Q891723": "ORG", "Q327333": "ORG", "Q1127126": "ORG",
}


@dataclass
class ImportCounts:
    read: int = 0
    imported: int = 0
    positions: int = 0
    memberships: int = 0


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


def import_wikidata(dump: Path, kb_path: Path) -> ImportCounts:
    """Add (or replace) the dump's entities in the KB at `kb_path`, creating it if needed."""
    db = connect(kb_path, create=True)
    counts = ImportCounts()
    with db:
        for entity in read_dump(dump):
            counts.read += 1
            rows = entity_rows(entity)
            if rows is None:
                continue
            row, aliases, positions, groups = rows
            db.execute("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?)", row)
            db.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?,0)", aliases)
            db.executemany("INSERT OR REPLACE INTO positions VALUES (?,?,?,?,?,?,?)", positions)
            db.executemany("INSERT OR REPLACE INTO memberships VALUES (?,?,?,?,?)", groups)
            counts.imported += 1
            counts.positions += len(positions)
            counts.memberships += len(groups)
    db.close()
    return counts
