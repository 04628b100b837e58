"""Generate docs/cli.md from the commands' own --help: python scripts/cli_docs.py"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def render() -> str:
    import typer
    from typer.testing import CliRunner
    from tacitus.cli import app
    runner = CliRunner()
    names = sorted(typer.main.get_command(app).commands)
    out = ["# Command reference", "", "Generated from each command's `--help` by `python scripts/cli_docs.py`;",
           "`tests/test_docs.py` fails when this file is out of date.", ""]
    for name in names:
        res = runner.invoke(app, [name, "--help"], env={"COLUMNS": "100", "TERM": "dumb"}, terminal_width=100,
                            prog_name="tacitus")
        out += [f"## tacitus {name}", "", "```", res.stdout.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    (ROOT / "docs" / "cli.md").write_text(render())
    sys.stdout.write("wrote docs/cli.md\n")
