"""Regenerates docs/cli.md from the commands' own --help, so the two never drift apart."""

import os
from pathlib import Path

import typer
from typer.testing import CliRunner

from newsgraph.cli import app


def walk(command, path: list[str]):
    yield path, command
    for name in sorted(getattr(command, "commands", {})):
        yield from walk(command.commands[name], path + [name])


def main() -> None:
    os.environ.update(COLUMNS="100", NO_COLOR="1", TERM="dumb")
    runner = CliRunner()
    lines = [
        "# Command line",
        "",
        "Generated from each command's `--help` by `scripts/gen_cli_docs.py`; "
        "`tests/test_docs.py` checks that every command is here.",
        "",
    ]
    for path, _ in walk(typer.main.get_command(app), ["newsgraph"]):
        help_text = "\n".join(l.rstrip() for l in runner.invoke(app, path[1:] + ["--help"]).output.strip().splitlines())
        lines += [f"## `{' '.join(path)}`", "", "```", help_text, "```", ""]
    out = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
