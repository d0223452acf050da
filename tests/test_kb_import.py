"""An imported Wikidata KB used end to end: office items become office codes, the bundled KB is
kept under the import, and `NEWSGRAPH_KB` makes the whole pipeline (and worker processes) read it."""

from __future__ import annotations

import bz2
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.doc import Article
from newsgraph.kb import KB, KB_VARIABLE, bundled, shared
from newsgraph.pipeline import default_pipeline
from newsgraph.stages.link import Link
from newsgraph.stages.states import knowledge_base

# Two invented presidents of France; the office changes hands on 1976-05-20, before any bundled term.
FIRST, SECOND, HANDOVER = "Q900011", "Q900012", "1976-05-20"


def item(qid: str, ru: str, **claims: list[dict]) -> dict:
    return {"id": qid, "labels": {"ru": {"value": ru}}, "sitelinks": {"frwiki": {}}, "claims": claims}


def claim(value: str, **qualifiers: list[dict]) -> dict:
    snak = {"datavalue": {"value": {"id": value} if value.startswith("Q") else value}}
    return {"mainsnak": snak, "qualifiers": qualifiers} if qualifiers else {"mainsnak": snak}


def date(day: str) -> list[dict]:
    return [{"datavalue": {"value": {"time": f"+{day}T00:00:00Z"}}}]


def write_dump(path) -> None:
    """France (the bundled id), the office of its president, and presidents listed before the office,
    as a dump may list them in any order."""
    presidents = [
        item(FIRST, "Арман Лефевр", P31=[claim("Q5")],
             P39=[claim("Q191954", P580=date("1970-02-01"), P582=date(HANDOVER))]),
        item(SECOND, "Гастон Мерсье", P31=[claim("Q5")], P39=[claim("Q191954", P580=date(HANDOVER), P582=date("1981-05-21"))]),
        # Macron, already in the bundled KB: Wikidata's term (a day off) replaces the one from memory.
        item("Q3052772", "Эмманюэль Макрон", P31=[claim("Q5")], P39=[claim("Q191954", P580=date("2017-05-15"))]),
    ]
    office = item("Q191954", "президент Франции", P31=[claim("Q4164871")], P279=[claim("Q48352")], P1001=[claim("Q142")])
    france = item("Q142", "Франция", P31=[claim("Q6256")], P297=[claim("FR")])
    lines = ["[", *(json.dumps(e, ensure_ascii=False) + "," for e in (*presidents, office, france)), "]"]
    with bz2.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def import_dump(tmp_path, *options: str) -> tuple[str, KB]:
    dump, kb_path = tmp_path / "dump.json.bz2", tmp_path / "wd.sqlite"
    write_dump(dump)
    result = CliRunner().invoke(app, ["kb", "import-wikidata", str(dump), "--kb", str(kb_path), *options])
    assert result.exit_code == 0, result.output
    return result.output, KB.open(kb_path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    output, kb = import_dump(tmp_path_factory.mktemp("kb"))
    assert "started from a copy of the bundled KB" in output
    return kb


@pytest.fixture(scope="module")
def analyze(imported):
    """The default pipeline with `NEWSGRAPH_KB` naming the imported file, as a user would run it."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(KB_VARIABLE, str(imported.path))
        pipeline = default_pipeline()
        yield lambda text, published: pipeline(Article.create(text, published=published))
    shared.cache_clear()


def entity_of(doc: Article, text: str):
    return next(e for e in doc.entities if any(doc.span_text(doc.mention(m)) == text for m in e.mentions))


def test_office_item_becomes_the_head_of_state_of_its_jurisdiction(imported):
    assert imported.holder("hos", "Q142", "1975-06-10").id == FIRST
    assert imported.holder("hos", "Q142", "1977-06-10").id == SECOND
    assert [(p.office, p.title, p.place) for p in imported.positions(FIRST)] == [("hos", "президент", "Q142")]


def test_wikidata_term_replaces_the_same_persons_term_from_memory(imported):
    assert [(p.office, p.start, p.verified) for p in imported.positions("Q3052772")] == [("hos", "2017-05-15", True)]
    assert imported.holder("hos", "Q142", "2020-01-01").id == "Q3052772"


def test_import_keeps_the_bundled_kb_under_it(imported):
    assert imported.state("ФРГ").id == "Q183"
    assert imported.holder("hos", "Q142", "2014-05-01").label_ru == "Франсуа Олланд"
    france = imported.state("Франция")
    assert (france.id, france.leader_office, france.iso2) == ("Q142", "hos", "FR")  # replaced, keeps what the dump lacks
    assert imported.state_for_adjective("французского").id == "Q142"


def test_empty_import_has_no_bundled_countries(tmp_path):
    output, kb = import_dump(tmp_path, "--empty")
    assert "started from an empty KB" in output
    assert kb.get("Q183") is None and kb.state("ФРГ") is None
    assert kb.holder("hos", "Q142", "1975-06-10").id == FIRST


def test_empty_refuses_an_existing_file(tmp_path):
    (tmp_path / "wd.sqlite").write_bytes(b"")
    write_dump(tmp_path / "dump.json.bz2")
    result = CliRunner().invoke(app, ["kb", "import-wikidata", str(tmp_path / "dump.json.bz2"),
                                      "--kb", str(tmp_path / "wd.sqlite"), "--empty"])
    assert result.exit_code != 0 and "--empty" in result.output


@pytest.mark.parametrize("published, holder", [("1975-06-10", FIRST), ("1977-06-10", SECOND)])
def test_role_phrase_resolves_against_the_imported_kb(analyze, published, holder):
    doc = analyze("Президент Франции прибыл в Алжир с официальным визитом.", published)
    role = entity_of(doc, "Президент Франции")
    assert role.kb_id == holder and doc.mention(role.mentions[0]).source.startswith("role.")


def test_imported_person_links_by_name(analyze):
    doc = analyze("Гастон Мерсье заявил журналистам, что Франция не изменит своей позиции.", "1977-06-10")
    person = entity_of(doc, "Гастон Мерсье")
    assert (person.kb_id, person.name) == (SECOND, "Гастон Мерсье")
    assert entity_of(doc, "Франция").kb_id == "Q142"


def opened_kb_path() -> str:
    return str(KB.open().path)


def test_stages_and_worker_processes_follow_the_variable(imported, monkeypatch):
    monkeypatch.setenv(KB_VARIABLE, str(imported.path))
    assert KB.open() is shared(str(imported.path)) and bundled().path != imported.path
    assert knowledge_base() is shared(str(imported.path))  # the state look-ups of the events stage
    assert pickle.loads(pickle.dumps(Link(bundled()))).kb is bundled()  # an explicit bundled KB stays bundled
    assert pickle.loads(pickle.dumps(Link())).kb.path == imported.path
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as worker:
        assert worker.submit(opened_kb_path).result() == str(imported.path)
    shared.cache_clear()
