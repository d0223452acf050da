"""The pipeline checks its stages when built and isolates a failing article."""

import pytest

from newsgraph.doc import Article, Failure
from newsgraph.pipeline import Pipeline, PipelineError
from newsgraph.stages.base import BatchStage
from newsgraph.stages.entities import Resolve
from newsgraph.stages.segment import Segment


class Explodes(BatchStage):
    """Fails on articles that mention a bomb, to test isolation."""

    name = "explodes"
    requires = frozenset({"tokens"})

    def annotate(self, doc):
        if "бомба" in doc.text:
            raise RuntimeError("не могу разобрать")
        return doc


class ReturnsText(BatchStage):
    name = "returns-text"

    def annotate(self, doc):
        return doc.text


def test_a_stage_before_its_requirements_is_refused():
    with pytest.raises(PipelineError, match="entities.*requires.*normal"):
        Pipeline([Segment(), Resolve()])


def test_one_broken_article_does_not_stop_the_batch():
    docs = [Article.create(t) for t in ("Первая новость.", "Здесь бомба.", "Третья новость.")]
    results = list(Pipeline([Segment(), Explodes()]).map(docs))
    assert [type(r) for r in results] == [Article, Failure, Article]
    assert results[1].stage == "explodes"
    assert "не могу разобрать" in results[1].error
    assert results[1].article_id == docs[1].id


def test_a_stage_must_return_an_article():
    result = next(Pipeline([ReturnsText()]).map([Article.create("Текст.")]))
    assert isinstance(result, Failure)
    assert "expected Article" in result.error


def test_default_pipeline_resolves_entities(analyze):
    doc = analyze(
        "Эммануэль Макрон встретился с Владимиром Путиным. Позже Макрон позвонил "
        "Владимиру Зеленскому, а Путин провёл совещание."
    )
    names = {e.name: len(e.mentions) for e in doc.entities if e.type == "PER"}
    assert names["Эммануэль Макрон"] == 2
    assert names["Владимир Путин"] == 2
    assert names["Владимир Зеленский"] == 1
