"""The SQLite layout shared by the bundled KB build and the Wikidata import.

Entities are keyed by Wikidata id when one is known (`Q7747`), otherwise by a local id
(`ng:person:sergey-lavrov`). Names are found through `aliases`, whose keys are lemmatized
(`kb.keys`), so inflected forms are never stored. `aliases.kind`, strongest first: label (a full
name or official label), alias (a short name or abbreviation), corpus (a name hand-linked corpora
link to the entity), surname (alone), adjective (of a state); `aliases.links` counts how often the
corpora link that name to the entity, a prior for ambiguous names such as `Барселона`.
Dates are ISO strings; an empty end means "still holds / still a member".
`offices` maps Wikidata position items (`Q191954`, President of France) to the office codes
`positions.office` uses (hos, hog, fm, dm), so imported terms of office answer `KB.holders`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    label_ru TEXT NOT NULL DEFAULT '',
    label_en TEXT NOT NULL DEFAULT '',
    iso2 TEXT NOT NULL DEFAULT '',
    iso3 TEXT NOT NULL DEFAULT '',
    capital TEXT NOT NULL DEFAULT '',
    leader_office TEXT NOT NULL DEFAULT '',
    links INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS entities_capital ON entities (capital);
CREATE TABLE IF NOT EXISTS aliases (
    key TEXT NOT NULL,
    entity TEXT NOT NULL,
    kind TEXT NOT NULL,
    links INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, entity, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases (entity);
CREATE TABLE IF NOT EXISTS positions (
    person TEXT NOT NULL,
    office TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL,
    start TEXT NOT NULL DEFAULT '',
    end TEXT NOT NULL DEFAULT '',
    verified INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (person, office, place, start)
);
CREATE INDEX IF NOT EXISTS positions_place ON positions (place, office);
CREATE TABLE IF NOT EXISTS memberships (
    grp TEXT NOT NULL,
    member TEXT NOT NULL,
    start TEXT NOT NULL DEFAULT '',
    end TEXT NOT NULL DEFAULT '',
    verified INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grp, member, start)
);
CREATE INDEX IF NOT EXISTS memberships_member ON memberships (member);
CREATE TABLE IF NOT EXISTS offices (
    item TEXT PRIMARY KEY,
    office TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT ''
);
"""


def connect(path: Path | str, *, create: bool = False) -> sqlite3.Connection:
    """Open a KB file; with `create`, make the tables when they are missing."""
    path = Path(path)
    if not create and not path.exists():
        raise FileNotFoundError(f"no KB at {path}")
    db = sqlite3.connect(path, check_same_thread=False)
    if create:
        db.executescript(SCHEMA)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    return db
