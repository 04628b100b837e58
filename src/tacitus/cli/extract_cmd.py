"""``tacitus extract``: articles in, one JSON object per article out (the output contract)."""
from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer

from ..model import Reject
from .checks import check_date


def register(app: typer.Typer) -> None:
    _register_schema(app)

    @app.command("extract")
    def extract(
        inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin."),
        input_format: str = typer.Option("auto", "--input-format", "-f",
                                         help="auto|txt|jsonl|csv|html|timeml (auto: by extension/content)."),
        date: Optional[str] = typer.Option(None, "--date", help="Default publication date YYYY-MM-DD."),
        output_format: str = typer.Option("jsonl", "--output-format", "-o", help="jsonl|timeml|table"),
        rejects: Optional[str] = typer.Option(None, "--rejects", help="Also write rejected records (JSONL) here."),
        out_dir: Optional[str] = typer.Option(None, "--out-dir",
                                              help="TimeML: write one <id>.tml file per article into this folder."),
    ) -> None:
        """Analyse articles and print one JSON object per article (JSON Lines) to stdout.

        Exits with 1 when every record was rejected. Example: tacitus extract examples/000_df06522f36d2b8de.txt
        """
        from pathlib import Path
        from ..ingest import read
        from ..ingest.readers import FORMATS
        from ..pipeline import get_pipeline
        if input_format not in FORMATS:
            raise typer.BadParameter(f"--input-format must be one of {', '.join(FORMATS)}")
        if output_format not in ("jsonl", "timeml", "table"):
            raise typer.BadParameter("--output-format must be jsonl, timeml or table")
        check_date("--date", date)
        if out_dir and output_format != "timeml":
            raise typer.BadParameter("--out-dir is for --output-format timeml")
        if out_dir:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        pipe = get_pipeline()
        n_bad = n_good = 0
        rej_out = open(rejects, "w", encoding="utf-8") if rejects else None
        try:
            for out in pipe.pipe(read(inputs, input_format=input_format, default_date=date)):
                if isinstance(out, Reject):
                    n_bad += 1
                    typer.echo(f"rejected {out.origin or out.id}: {out.reason}", err=True)
                    if rej_out:
                        rej_out.write(json.dumps(out.to_dict(), ensure_ascii=False) + "\n")
                    continue
                n_good += 1
                if output_format == "timeml":
                    from ..time import to_timeml
                    if out_dir:
                        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in out.id) or "article"
                        (Path(out_dir) / f"{name}.tml").write_text(to_timeml(out) + "\n", encoding="utf-8")
                        continue
                    if n_good > 1:  # two XML documents in one stream would not be valid XML
                        raise typer.BadParameter("several articles: use --out-dir DIR to write one TimeML "
                                                 "file per article", param_hint="--output-format timeml")
                    sys.stdout.write(to_timeml(out) + "\n")
                elif output_format == "table":
                    from .render import print_article_events
                    print_article_events(out.to_dict())
                else:
                    sys.stdout.write(json.dumps(out.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
        finally:
            if rej_out:
                rej_out.close()
        if n_bad:
            typer.echo(f"{n_bad} record(s) rejected", err=True)
            if not n_good:
                raise typer.Exit(1)


def _register_schema(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of the output contract (docs/schema.md).

        Example: tacitus schema > article.schema.json
        """
        from importlib import resources
        sys.stdout.write(resources.files("tacitus.schema").joinpath("article.schema.json").read_text())
