"""Properties of clustering reports into instances, on generated reports (no models, no store)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.record.clusters import Report, cluster_reports
from newsgraph.record.windows import overlap

PEOPLE = ("Q1", "Q2", "Q3", "Q4")
START = dt.date(2025, 11, 1)


@st.composite
def reports(draw) -> list[Report]:
    found = []
    for n in range(draw(st.integers(1, 25))):
        actors = frozenset(draw(st.sets(st.sampled_from(PEOPLE), max_size=3)))
        day = START + dt.timedelta(days=draw(st.integers(0, 40)))
        dated = draw(st.booleans())
        found.append(Report(
            f"a{n}/ev0", f"a{n}", draw(st.sampled_from(("CONSULT", "ACCUSE"))), "asserted",
            draw(st.sampled_from((None, "phone"))), day.isoformat() if dated else None,
            draw(st.sampled_from(("day", "week", "month"))) if dated else None,
            day + dt.timedelta(days=draw(st.integers(0, 3))), None, None, actors,
            frozenset(draw(st.sets(st.sampled_from(PEOPLE), max_size=1))) - actors,
        ))
    return found


@settings(max_examples=40, deadline=None)
@given(reports(), st.randoms())
def test_every_report_lands_in_one_instance_whatever_the_order(found, random):
    shuffled = list(found)
    random.shuffle(shuffled)
    groups = cluster_reports(found)
    assert sorted(r.id for g in groups for r in g) == sorted(r.id for r in found)
    assert [[r.id for r in g] for g in groups] == [[r.id for r in g] for g in cluster_reports(shuffled)]


@settings(max_examples=40, deadline=None)
@given(reports())
def test_reports_of_one_instance_share_type_and_some_day(found):
    for group in cluster_reports(found):
        assert len({r.type for r in group}) == 1
        common = group[0].window
        for r in group[1:]:
            common = overlap(common, r.window)
            assert common is not None
