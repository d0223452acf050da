"""Regenerates docs/cli.md from the commands' own --help, so the two never drift apart."""

from pathlib import Path

import click
import typer

from newsgraph.cli import app


def walk(command: click.Command, path: list[str]):
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], path + [name])


def main() -> None:
    root = typer.main.get_command(app)
    lines = [
        "# Command line",
        "",
        "Generated from each command's `--help` by `scripts/gen_cli_docs.py`; "
        "`tests/test_docs.py` checks that every command is here.",
        "",
    ]
    for path, command in walk(root, ["newsgraph"]):
        if len(path) == 1:
            continue
        ctx = click.Context(command, info_name=" ".join(path))
        lines += [f"## `{' '.join(path)}`", "", "```", command.get_help(ctx).strip(), "```", ""]
    out = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
