"""`newsgraph --help` stays fast: the command modules import the heavy parts (the store, SQLAlchemy,
ingest readers, the KB, the pipeline) only inside the commands that use them."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.store import EXPORT_FORMATS
from newsgraph.kb import KB_VARIABLE
from newsgraph.store.export import FORMATS

HEAVY = ("sqlalchemy", "newsgraph.store", "newsgraph.ingest", "newsgraph.kb", "newsgraph.runner",
         "newsgraph.pipeline", "newsgraph.stages", "rich.progress")


def test_the_cli_imports_nothing_heavy():
    code = "import sys, newsgraph.cli; print(' '.join(m for m in sys.modules if m.startswith(%r)))"
    for prefix in HEAVY:
        loaded = subprocess.run([sys.executable, "-c", code % prefix], capture_output=True, text=True, check=True)
        assert loaded.stdout.strip() == "", f"importing the CLI loads {loaded.stdout.strip()}"


def test_the_names_spelled_out_for_speed_match_the_library():
    assert EXPORT_FORMATS == tuple(FORMATS)
    assert KB_VARIABLE == "NEWSGRAPH_KB"


def test_version():
    from newsgraph import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"newsgraph {__version__}\n")
