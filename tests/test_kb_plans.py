"""The KB look-ups that linking and events make for every mention search an index, never scan a table.

A scan of `entities` per look-up (6,000 rows) cost state_for_capital 25 ms a call, about a tenth of
the whole analysis of real news; the plans are read, not timed.
"""

from __future__ import annotations

import pytest

from newsgraph.kb import KB
from newsgraph.kb.schema import connect


KEYS_READ = "SELECT DISTINCT key FROM aliases"


@pytest.fixture()
def statements() -> tuple[KB, list[str]]:
    """A KB on the bundled file with an empty memo, and every SQL statement it runs (values bound)."""
    bundled = KB.open()
    kb = KB(connect(bundled.path), bundled.path)
    ran: list[str] = []
    kb.db.set_trace_callback(ran.append)
    return kb, ran


def scans(kb: KB, statements: list[str]) -> list[str]:
    """Plans that scan a table, but for the one read of the alias keys that `KB.known_keys` makes per KB."""
    kb.db.set_trace_callback(None)
    return [
        f"{sql}: {step}"
        for sql in statements
        if sql != KEYS_READ
        for *_, step in kb.db.execute(f"EXPLAIN QUERY PLAN {sql}")
        if step.startswith("SCAN")
    ]


def test_lookups_made_per_mention_search_indexes(statements):
    kb, ran = statements
    france = kb.state("Франции")
    assert france.id == "Q142"
    assert kb.state_for_capital("Киеве").id == "Q212"
    assert kb.state_for_adjective("французского").id == "Q142"
    assert kb.place_for_adjective("московский") is not None
    assert kb.holder("hos", france.id, "2014-05-01").label_en == "François Hollande"
    assert kb.candidates("макрон")
    kb.memberships(france.id, "2020-01-01")
    assert ran, "the look-ups ran no SQL"
    assert scans(kb, ran) == []


def test_names_in_no_alias_are_answered_without_a_query(statements):
    """Most words linking and events ask about name nothing in the KB: the alias keys, read once, answer for them."""
    kb, ran = statements
    assert kb.candidates("заявление") == []
    assert kb.state("Вчерашнее совещание") is None
    assert kb.state_for_capital("Набережной") is None
    assert kb.corpus_referent("совещание", ("COUNTRY", "CITY")) is None
    assert ran == [KEYS_READ]
    assert kb.candidates("макрон")
    assert len(ran) == 2
