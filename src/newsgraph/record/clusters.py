"""Which article-level event reports describe the same event in the world.

Two reports are one instance when they have the same type and modality, the same
participants (or one names at least two of the other's and nothing else), actors that do
not contradict (for directed types), days that can coincide (`windows`), and no
conflicting mode or place. Reports are taken most precise date first, so an undated
follow-up joins the dated instance it refers to rather than founding its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .windows import Window, overlap, precision_rank, window

# Types whose participants the text may order either way (`X и Y провели`, `X провёл с Y`).
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True)
class Report:
    """One article-level event as stored, with what clustering compares."""

    id: str
    article_id: str
    type: str
    modality: str
    mode: str | None
    date: str | None
    precision: str | None
    published: dt.date | None
    place_id: str | None
    place_name: str | None
    actors: frozenset[str]
    recipients: frozenset[str]

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.recipients

    @cached_property
    def window(self) -> Window | None:
        return window(self.date, self.precision, self.published)

    @cached_property
    def order(self) -> tuple:
        return precision_rank(self.date, self.precision), self.published or dt.date.max, self.id


def same_people(a: frozenset[str], b: frozenset[str]) -> bool:
    """Equal sets, or the smaller names at least two of the larger's and nothing else."""
    small, large = sorted((a, b), key=len)
    return bool(small) and (small == large or (len(small) >= 2 and small <= large))


def agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass(eq=False)  # clusters are told apart by identity
class Cluster:
    reports: list[Report]
    window: Window | None
    participants: frozenset[str]
    actors: frozenset[str]
    mode: str | None
    place_id: str | None

    @classmethod
    def found(cls, report: Report) -> Cluster:
        return cls([report], report.window, report.participants, report.actors, report.mode, report.place_id)

    def admits(self, report: Report) -> bool:
        first = self.reports[0]
        directed_clash = (first.type not in SYMMETRIC and self.actors and report.actors
                          and not self.actors & report.actors)
        return (
            overlap(self.window, report.window) is not None and not directed_clash
            and same_people(self.participants, report.participants)
            and agree(self.mode, report.mode) and agree(self.place_id, report.place_id)
        )

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.window = overlap(self.window, report.window)
        self.participants |= report.participants
        self.actors |= report.actors
        self.mode = self.mode or report.mode
        self.place_id = self.place_id or report.place_id


@dataclass
class Clustering:
    """Clusters found through (type, modality, participant, week touched by a report's window),
    so each report is compared with a handful of clusters, not all of them."""

    clusters: list[Cluster] = field(default_factory=list)
    index: dict[tuple, list[Cluster]] = field(default_factory=dict)

    def place(self, report: Report) -> None:
        if report.window is not None and report.participants:
            for cluster in self.candidates(report):
                if cluster.admits(report):
                    cluster.add(report)
                    self.enter(cluster, report)
                    return
        cluster = Cluster.found(report)
        self.clusters.append(cluster)
        if report.window is not None:
            self.enter(cluster, report)

    def keys(self, report: Report) -> list[tuple]:
        return [(report.type, report.modality, entity, week)
                for entity in sorted(report.participants) for week in weeks(report.window)]

    def candidates(self, report: Report) -> list[Cluster]:
        seen: dict[int, Cluster] = {}
        for key in self.keys(report):
            for cluster in self.index.get(key, []):
                seen.setdefault(id(cluster), cluster)
        return sorted(seen.values(), key=lambda c: c.reports[0].order)

    def enter(self, cluster: Cluster, report: Report) -> None:
        for key in self.keys(report):
            found = self.index.setdefault(key, [])
            if cluster not in found:
                found.append(cluster)


def weeks(span: Window) -> range:
    """The ordinal numbers of the 7-day periods a window touches."""
    return range(span[0].toordinal() // 7, span[1].toordinal() // 7 + 1)


def cluster_reports(reports: list[Report]) -> list[list[Report]]:
    """Group reports into instances, deterministically: the same reports always give the same groups."""
    clustering = Clustering()
    for report in sorted(reports, key=lambda r: r.order):
        clustering.place(report)
    return [c.reports for c in clustering.clusters]


def roles(reports: list[Report]) -> dict[str, str]:
    """Each participant's role in the instance: the one most reports give it (actor on a tie)."""
    votes: Counter[tuple[str, str]] = Counter()
    for r in reports:
        votes.update((e, "actor") for e in r.actors)
        votes.update((e, "recipient") for e in r.recipients)
    people = {e for e, _ in votes}
    return {e: "actor" if votes[e, "actor"] >= votes[e, "recipient"] else "recipient" for e in sorted(people)}


def most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None
