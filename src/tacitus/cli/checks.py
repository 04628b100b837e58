"""Option checks shared by the commands: a mistake gives a one-line error (exit 2), never a traceback."""
from __future__ import annotations

from pathlib import Path

import typer


def check_date(name: str, value: str | None) -> str | None:
    """``value`` when it is a real date YYYY-MM-DD (or not given), else a BadParameter naming the option."""
    from ..ingest.validate import parse_date
    if value and parse_date(value) is None:
        raise typer.BadParameter(f"{name} must be a real date YYYY-MM-DD, got {value!r}")
    return value


def existing_file(path: Path | str, hint: str) -> None:
    """A path the command reads ('-' is standard input) must exist."""
    if str(path) != "-" and not Path(path).is_file():
        raise typer.BadParameter(f"no such file: {path}", param_hint=hint)
