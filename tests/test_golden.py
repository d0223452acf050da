"""Golden files: each tests/golden/CASE.txt analysed and explained must equal CASE.expected.

The expected files are reviewed renderings (`explain` without rule names). Run
`pytest tests/test_golden.py --update-golden` to rewrite them after a deliberate change,
then read the diff; CI never rewrites them.
"""

from pathlib import Path

import pytest

from newsgraph.doc import Article
from newsgraph.explain import explain

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.txt"))


def read_case(path: Path) -> Article:
    header, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    published = header.removeprefix("published:").strip()
    return Article.create(text.strip(), id=path.stem, published=published)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case, pipeline, request):
    rendered = explain(pipeline(read_case(case)), rules=False)
    expected = case.with_suffix(".expected")
    if request.config.getoption("--update-golden"):
        expected.write_text(rendered, encoding="utf-8")
    assert expected.exists(), f"no {expected.name}: run pytest --update-golden and review it"
    assert rendered == expected.read_text(encoding="utf-8")
