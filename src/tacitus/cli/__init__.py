"""The ``tacitus`` command: one thin command per job; the logic lives in the library.

Commands are registered from one module per area (``register(app)`` in each), so stages can add their
own commands without touching each other's files.
"""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Tacitus: dated news articles in, an evidence-backed event database out.")

from . import extract_cmd, store_cmd, resolve_cmd, timeline_cmd, serve_cmd  # noqa: E402

for _m in (extract_cmd, store_cmd, resolve_cmd, timeline_cmd, serve_cmd):
    _m.register(app)


def main() -> None:
    app()
