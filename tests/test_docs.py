"""Tested docs: every command has help and a section in docs/cli.md; the README's quick start is real."""

import re
from pathlib import Path

import pytest
import typer

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent


def commands(command, path: tuple[str, ...] = ("newsgraph",)):
    for name, sub in getattr(command, "commands", {}).items():
        yield path + (name,), sub
        yield from commands(sub, path + (name,))


ALL = list(commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p[1:]) for p, _ in ALL])
def test_every_command_has_help_and_docs(path, command):
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    assert f"## `{' '.join(path)}`" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_readme_quick_start_is_the_two_make_targets_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "\ndemo:" in makefile and "\ntest:" in makefile


def test_docs_name_shared_data_relative_to_the_checkout():
    """`../shared/data/…` works on every machine; one machine's absolute path does not."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    absolute = [f"{p.name}:{n}" for p in pages for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                if re.search(r"(?<![.\w])/(work|home|root|tmp)/\S*shared", line)]
    assert absolute == []
    assert "../shared/data/NEREL-v1.1/dev" in (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
