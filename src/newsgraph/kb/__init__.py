"""The knowledge base: entities with Wikidata ids, their names, dated offices and memberships.

`KB.open()` opens the KB file named by `$NEWSGRAPH_KB`, else the bundled KB (built from
`newsgraph/data/kb/` on first use into a cache, see docs/kb.md); `KB.open(path)` opens a KB
written by `newsgraph kb import-wikidata`. `bundled()` is always the bundled KB.
Look-ups take names in any case form: they go through the lemmatized keys of `kb.keys`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path

from .build import KB_SOURCES, build_kb
from .keys import lemma_key, name_keys, query_keys
from .schema import connect

# What each entity type may be called by the NER's coarse labels (PER/ORG/LOC).
COUNTRY_TYPES = ("COUNTRY",)
STATE_TYPES = ("COUNTRY", "ORG", "GROUP")
PLACE_TYPES = ("COUNTRY", "CITY", "STATE_OR_PROVINCE")


MEMO_SIZE = 200_000
KB_VARIABLE = "NEWSGRAPH_KB"  # a KB file that replaces the bundled KB wherever no KB is given


def memoised(lookup):
    """A look-up remembered per KB: linking asks for the same names, people and places again and
    again. The memo is dropped when full, so a long run's memory stays bounded."""

    @wraps(lookup)
    def remembered(self, *args, **kwargs):
        key = (lookup.__name__, *args, *sorted(kwargs.items())) if kwargs else (lookup.__name__, *args)
        try:
            return self._memo[key]
        except KeyError:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = lookup(self, *args, **kwargs)
            return found

    return remembered


@dataclass(frozen=True, slots=True)
class KBEntity:
    id: str
    type: str
    label_ru: str
    label_en: str
    iso2: str = ""
    iso3: str = ""
    capital: str = ""
    leader_office: str = ""
    links: int = 0
    verified: bool = False

    @property
    def is_wikidata(self) -> bool:
        return self.id.startswith("Q")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity a name may refer to, and how the name is known (`kind`: label, alias, corpus, surname)."""

    entity: KBEntity
    kind: str
    links: int = 0  # how often the corpora link this very name to the entity


@dataclass(frozen=True, slots=True)
class Position:
    person: str
    office: str
    title: str
    place: str
    start: str
    end: str
    verified: bool = False

    def held_on(self, date: dt.date | str) -> bool:
        day = date.isoformat() if isinstance(date, dt.date) else date
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True, slots=True)
class Membership:
    group: str
    member: str
    start: str
    end: str
    verified: bool = False


ENTITY_COLUMNS = "id, type, label_ru, label_en, iso2, iso3, capital, leader_office, links, verified"


def default_kb_path() -> Path:
    """Where the bundled KB is cached: named by a hash of its sources, so edits rebuild it."""
    digest = hashlib.sha1()
    for source in sorted(KB_SOURCES.glob("*.tsv")):
        digest.update(source.name.encode() + source.read_bytes())
    for module in ("build.py", "keys.py", "schema.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    root = Path(os.environ.get("NEWSGRAPH_CACHE") or Path.home() / ".cache" / "newsgraph")
    return root / f"kb-{digest.hexdigest()[:12]}.sqlite"


class KB:
    def __init__(self, db: sqlite3.Connection, path: Path):
        self.db = db
        self.path = path
        self._memo: dict[tuple, object] = {}
        self._keys: frozenset[str] | None = None

    def known_keys(self, keys) -> tuple[str, ...]:
        """The keys any alias has: most names a text offers are in no alias, and a set answers for
        them without a query (16,000 keys in the bundled KB; the KB is read-only once opened)."""
        if self._keys is None:
            self._keys = frozenset(key for (key,) in self.db.execute("SELECT DISTINCT key FROM aliases"))
        return tuple(key for key in keys if key in self._keys)

    @classmethod
    def open(cls, path: Path | str | None = None) -> KB:
        """A KB file; without one, the file `$NEWSGRAPH_KB` names (so every command and worker
        process of a run reads the same imported KB), else the bundled one."""
        if path is not None:
            return cls(connect(path), Path(path))
        configured = os.environ.get(KB_VARIABLE)
        return shared(configured) if configured else bundled()

    def _entities(self, sql: str, args: tuple = ()) -> list[KBEntity]:
        return [entity_from_row(row) for row in self.db.execute(sql, args)]

    @memoised
    def get(self, entity_id: str) -> KBEntity | None:
        found = self._entities(f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?", (entity_id,))
        return found[0] if found else None

    @memoised
    def candidates(self, key: str) -> list[Candidate]:
        """Entities known under a lemmatized key (`kb.keys.lemma_key`), adjectives excluded."""
        if not self.known_keys((key,)):
            return []
        rows = self.db.execute(
            f"SELECT {', '.join('e.' + c.strip() for c in ENTITY_COLUMNS.split(','))}, a.kind, a.links "
            "FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.key = ? AND a.kind != 'adjective'",
            (key,),
        )
        return [Candidate(entity_from_row(row[:-2]), row[-2], row[-1]) for row in rows]

    def search(self, name: str, limit: int = 10) -> list[KBEntity]:
        """Entities called `name` in any form, best known first; falls back to a label prefix."""
        keys = tuple(query_keys(name))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        found = self._entities(
            f"SELECT DISTINCT {', '.join('e.' + c.strip() for c in ENTITY_COLUMNS.split(','))} FROM aliases a "
            f"JOIN entities e ON e.id = a.entity WHERE a.key IN ({marks}) ORDER BY e.links DESC LIMIT ?",
            (*keys, limit),
        )
        return found or self._entities(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE label_ru LIKE ? OR label_en LIKE ? ORDER BY links DESC LIMIT ?",
            (f"{name}%", f"{name}%", limit),
        )

    def aliases(self, entity_id: str) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT key, kind FROM aliases WHERE entity = ? ORDER BY kind, key", (entity_id,)))

    @memoised
    def positions(self, person: str) -> list[Position]:
        rows = self.db.execute("SELECT * FROM positions WHERE person = ? ORDER BY start", (person,))
        return [Position(*row[:-1], verified=bool(row[-1])) for row in rows]

    @memoised
    def holders(self, office: str, place: str, date: dt.date | str) -> list[tuple[KBEntity, Position]]:
        """Everyone holding `office` (hos, hog, fm, dm, sg) of `place` (an entity id) on `date`."""
        rows = self.db.execute("SELECT * FROM positions WHERE office = ? AND place = ?", (office, place))
        held = [Position(*row[:-1], verified=bool(row[-1])) for row in rows]
        return [(self.get(p.person), p) for p in held if p.held_on(date)]

    def holder(self, office: str, place: str, date: dt.date | str) -> KBEntity | None:
        """The one person holding the office then, or None if nobody (or, in the data, several) did.

        `kb.holder("hos", kb.state("Франция").id, "2014-05-01")` → François Hollande."""
        found = self.holders(office, place, date)
        return found[0][0] if len(found) == 1 else None

    @memoised
    def state(self, name: str) -> KBEntity | None:
        """The country (or organisation) a name, short form or ISO code stands for: `ФРГ` → Germany."""
        if len(name) in (2, 3) and name.isascii() and name.isupper():
            found = self._entities(f"SELECT {ENTITY_COLUMNS} FROM entities WHERE iso2 = ? OR iso3 = ?", (name, name))
            if found:
                return found[0]
        return self._one_state(name_keys(name), ("label", "alias"), STATE_TYPES)

    @memoised
    def state_for_adjective(self, adjective: str) -> KBEntity | None:
        """The country an adjective names, in any form: `французского` → France, `британский` → UK."""
        return self._one_state({lemma_key(adjective)}, ("adjective",), COUNTRY_TYPES)

    @memoised
    def place_for_adjective(self, adjective: str) -> KBEntity | None:
        """A state for a state adjective; else the place the corpora link the adjective to
        (NEREL marks `московский` as Moscow, `советский` as the USSR)."""
        return self.state_for_adjective(adjective) or self.corpus_referent(lemma_key(adjective), PLACE_TYPES)

    def labelled(self, key: str, types: tuple[str, ...]) -> KBEntity | None:
        """The one entity of `types` whose label or alias is the name `key`, or None."""
        named = {c.entity.id: c.entity for c in self.candidates(key) if c.kind in ("label", "alias") and c.entity.type in types}
        return next(iter(named.values())) if len(named) == 1 else None

    @memoised
    def corpus_referent(self, key: str, types: tuple[str, ...]) -> KBEntity | None:
        """The entity of `types` the corpora link the name `key` to at least twice and in two cases
        out of three, or None."""
        if not self.known_keys((key,)):
            return None
        rows = self.db.execute(
            "SELECT a.entity, a.links FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.key = ? "
            f"AND a.kind = 'corpus' AND e.type IN ({','.join('?' * len(types))}) ORDER BY a.links DESC",
            (key, *types),
        ).fetchall()
        total = sum(links for _, links in rows)
        return self.get(rows[0][0]) if rows and rows[0][1] >= 2 and rows[0][1] * 3 >= total * 2 else None

    @memoised
    def state_for_capital(self, city: str) -> KBEntity | None:
        """The country whose capital `city` is, in any form: `Киеве` → Ukraine; None if ambiguous."""
        keys = self.known_keys(name_keys(city))
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        found = self._entities(
            f"SELECT DISTINCT {', '.join('c.' + x.strip() for x in ENTITY_COLUMNS.split(','))} FROM aliases a "
            f"JOIN entities c ON c.capital = a.entity WHERE a.key IN ({marks}) AND a.kind IN ('label', 'alias')",
            keys,
        )
        return found[0] if len(found) == 1 else None

    def _one_state(self, keys: set[str], kinds: tuple[str, ...], types: tuple[str, ...]) -> KBEntity | None:
        """The single entity the keys name, preferring stronger name kinds and states over organisations."""
        keys = self.known_keys(keys)
        for kind_group in (kinds[:2], kinds[2:]):
            for type_group in (types[:1], types[1:]):
                if not keys or not kind_group or not type_group:
                    continue
                rows = self.db.execute(
                    f"SELECT DISTINCT a.entity FROM aliases a JOIN entities e ON e.id = a.entity "
                    f"WHERE a.key IN ({','.join('?' * len(keys))}) AND a.kind IN ({','.join('?' * len(kind_group))}) "
                    f"AND e.type IN ({','.join('?' * len(type_group))})",
                    (*keys, *kind_group, *type_group),
                ).fetchall()
                if rows:
                    return self.get(rows[0][0]) if len(rows) == 1 else None
        return None

    @memoised
    def memberships(self, entity_id: str, date: dt.date | str | None = None) -> list[Membership]:
        """Groups `entity_id` belongs to (on `date`, if given), or members of it if it is a group."""
        rows = self.db.execute("SELECT * FROM memberships WHERE member = ? OR grp = ?", (entity_id, entity_id))
        found = [Membership(*row[:-1], verified=bool(row[-1])) for row in rows]
        if date is None:
            return found
        day = date.isoformat() if isinstance(date, dt.date) else date
        return [m for m in found if (not m.start or m.start <= day) and (not m.end or day < m.end)]


def entity_from_row(row: tuple) -> KBEntity:
    return KBEntity(*row[:-1], verified=bool(row[-1]))


@cache
def shared(path: str) -> KB:
    """The KB file `$NEWSGRAPH_KB` names, opened once per process like the bundled one."""
    try:
        return KB(connect(path), Path(path))
    except FileNotFoundError:
        raise FileNotFoundError(f"{KB_VARIABLE}={path}: no such KB file") from None


@cache
def bundled() -> KB:
    """The bundled KB, built once per machine into the cache and opened once per process."""
    path = default_kb_path()
    if not path.exists():
        try:
            build_kb(path)
        except OSError:  # a read-only home: build into the temporary directory instead
            path = Path(tempfile.gettempdir()) / "newsgraph" / path.name
            if not path.exists():
                build_kb(path)
        for stale in path.parent.glob("kb-*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return KB(connect(path), path)


__all__ = ["KB", "KB_VARIABLE", "KBEntity", "Candidate", "Position", "Membership", "lemma_key", "name_keys"]
