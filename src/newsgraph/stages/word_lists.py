"""One reader for the word lists that stages keep beside their code as TSV files."""

from __future__ import annotations

from pathlib import Path


class WordListError(ValueError):
    pass


def read_table(path: Path, columns: tuple[str, ...], key: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; `#` lines are comments.

    Checked on load, so a linguist's typo fails at import with the file and line: the header
    must name `columns`, every row must have as many fields, and `key` must not repeat."""
    rows: list[dict[str, str]] = []
    seen: dict[tuple[str, ...], int] = {}
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if tuple(header) != columns:
                raise WordListError(f"{path.name}:{number}: header {header}, expected {list(columns)}")
            continue
        if len(fields) != len(columns):
            raise WordListError(f"{path.name}:{number}: {len(fields)} fields, expected {len(columns)}: {line!r}")
        row = dict(zip(columns, (f.strip() for f in fields)))
        row_key = tuple(row[k] for k in key)
        if row_key in seen:
            raise WordListError(f"{path.name}:{number}: {row_key} already on line {seen[row_key]}")
        seen[row_key] = number
        rows.append(row)
    return rows


def word_sets(path: Path, names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """`set<TAB>lemma` rows grouped by set; a set name outside `names` is an error."""
    sets: dict[str, set[str]] = {name: set() for name in names}
    for row in read_table(path, ("set", "lemma"), key=("set", "lemma")):
        if row["set"] not in sets:
            raise WordListError(f"{path.name}: unknown set {row['set']!r} (known: {', '.join(names)})")
        sets[row["set"]].add(row["lemma"])
    return {name: frozenset(words) for name, words in sets.items()}
