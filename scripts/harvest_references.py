"""Harvest Wikidata id ↔ name pairs from NEREL and factRuEval into `data/kb/references.tsv`.

These corpora link mentions to Wikidata by hand, so an id seen there next to a name is
verified. Only the id, the entity type, a canonical label and lemmatized name keys are kept
(never article text). Run once with the corpora at hand; the KB build reads the TSV, so a
fresh clone needs neither the corpora nor the network:

    .venv/bin/python scripts/harvest_references.py /work/shared/data
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newsgraph.kb.keys import lemma_key, surface_key

QID = re.compile(r"Q\d+")
OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/data/kb/references.tsv"
KEPT_TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION", "FACILITY"}
FACTRU_TYPES = {"Person": "PERSON", "Org": "ORGANIZATION", "LocOrg": "LOCATION", "Location": "LOCATION"}


class Seen:
    def __init__(self) -> None:
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.splits: dict[str, set[str]] = defaultdict(set)
        self.dev_names: dict[str, set[str]] = defaultdict(set)

    def add(self, qid: str, type_: str, name: str, split: str, label: str = "") -> None:
        """Names seen in NEREL dev only verify ids; they are not counted, so dev can score the linker."""
        self.types[qid][type_] += 1
        self.splits[qid].add(split)
        if name.strip() and split == "dev":
            self.dev_names[qid].add(name)
        elif name.strip():
            self.names[qid][" ".join(name.split())] += 1
        if label.strip() and re.search("[А-Яа-я]", label):
            self.labels[qid][label.strip()] += 1


def harvest_nerel(root: Path, split: str, seen: Seen) -> None:
    for ann in sorted((root / split).glob("*.ann")):
        spans: dict[str, tuple[str, str]] = {}
        refs = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3:
                spans[parts[0]] = (parts[1].split()[0], parts[2])
            elif line.startswith("N") and len(parts) >= 2:
                _, target, ref = parts[1].split()
                refs.append((target, ref.removeprefix("Wikidata:"), parts[2] if len(parts) > 2 else ""))
        for target, qid, label in refs:
            qid = QID.match(qid)
            if qid and target in spans and spans[target][0] in KEPT_TYPES:
                seen.add(qid.group(), spans[target][0], spans[target][1], split, label)


def harvest_factru(root: Path, seen: Seen) -> None:
    for coref in sorted(root.glob("*.coref")):
        types = {}
        for line in coref.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) > 1:
                types[parts[0]] = FACTRU_TYPES.get(parts[1], parts[1])
        for block in coref.read_text(encoding="utf-8").split("\n\n"):
            lines = [line.strip() for line in block.strip().splitlines()]
            if not lines:
                continue
            fields = defaultdict(list)
            for line in lines[1:]:
                key, _, value = line.partition(" ")
                fields[key].append(value.strip())
            qids = [q.group() for q in map(QID.match, fields.get("wikidata", [])) if q]
            objects = lines[0].split()[1:]
            type_ = next((types[o] for o in objects if o in types), "")
            if not qids or type_ not in KEPT_TYPES:
                continue
            names = fields.get("name", [])
            if fields.get("lastname"):
                first = fields.get("firstname", [""])[0]
                names = names + [f"{first} {fields['lastname'][0]}".strip()]
            for name in names or [""]:
                seen.add(qids[0], type_, name, "factru")


def best_label(qid: str, seen: Seen) -> str:
    """The corpus label if there is one, else the commonest name already in its dictionary form."""
    if seen.labels[qid]:
        return seen.labels[qid].most_common(1)[0][0]
    names = seen.names[qid].most_common()
    nominative = [n for n, _ in names if lemma_key(n) == surface_key(n)]
    return (nominative or [n for n, _ in names] or [""])[0]


def main(data: Path) -> None:
    seen = Seen()
    for split in ("train", "dev"):
        harvest_nerel(data / "NEREL-v1.1", split, seen)
    harvest_factru(data / "factRuEval-2016" / "devset", seen)
    rows = ["qid\ttype\tlinks\tsplits\tlabel\tkeys\tdev_keys"]
    for qid in sorted(seen.types, key=lambda q: int(q[1:])):
        keys = Counter()
        for name, count in seen.names[qid].items():
            keys[lemma_key(name)] += count
        if "train" in seen.splits[qid] or "factru" in seen.splits[qid]:
            for label in seen.labels[qid]:
                keys[lemma_key(label)] += 0
        keys.pop("", None)
        type_ = seen.types[qid].most_common(1)[0][0]
        links = sum(keys.values())
        rows.append(f"{qid}\t{type_}\t{links}\t{','.join(sorted(seen.splits[qid]))}\t{best_label(qid, seen)}\t{'|'.join(f'{k}={n}' for k, n in sorted(keys.items()))}"
                    f"\t{'|'.join(sorted({lemma_key(n) for n in seen.dev_names[qid]} - set(keys) - {''}))}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} ids → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"))
