"""Shared fixtures: one real pipeline per test session (the models load once)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.doc import Article
from newsgraph.pipeline import Pipeline, default_pipeline


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/*.expected (review the diff)"
    )


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """Analyse Russian text with the full default pipeline: `analyze(text, published="2025-07-04")`."""

    def run(text: str, published: str | dt.date | None = None, **meta) -> Article:
        return pipeline(Article.create(text, published=published, **meta))

    return run
